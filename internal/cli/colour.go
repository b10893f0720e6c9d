package cli

import (
	"os"
	"strings"
	"sync"

	"github.com/charmbracelet/colorprofile"

	"shovel/internal/tui"
)

// terminalColours is the colour profile to present with on streams'
// terminal; nil when the streams are not the process's own (tests), and
// bubbletea detects. colorprofile.Detect, what bubbletea would run, asks
// `tmux info` inside tmux: a child process that cost ~10 ms of the first
// frame, waited for or competing with it for the CPU. So the program starts
// with what Detect finds without asking tmux (environment and terminfo),
// and inside tmux the full detection runs after the first frame (the
// screen is repainted if it differs).
func terminalColours(streams *IOStreams) *tui.Colours {
	if streams.OutFile == nil {
		return nil
	}
	env := os.Environ()
	noTmux := withoutTmux(env)
	quick := colorprofile.Detect(streams.OutFile, noTmux)
	if quick == colorprofile.TrueColor || len(noTmux) == len(env) {
		return &tui.Colours{Start: quick} // tmux cannot add to it, or is not there
	}
	return &tui.Colours{Start: quick, Full: func() colorprofile.Profile { return colorprofile.Detect(streams.OutFile, env) }}
}

// detectColours runs terminalColours in a goroutine and returns a wait for
// its result: it reads terminfo (and /etc/passwd for the home directory),
// work that overlaps with reading the deck and typesetting slide 1 instead
// of coming after it.
func detectColours(streams *IOStreams) func() *tui.Colours {
	ch := make(chan *tui.Colours, 1) // buffered: a command that fails early never waits
	go func() { ch <- terminalColours(streams) }()
	return sync.OnceValue(func() *tui.Colours { return <-ch })
}

// withoutTmux is env without TMUX, for which colorprofile.Detect does not
// run `tmux info`.
func withoutTmux(env []string) []string {
	out := make([]string, 0, len(env))
	for _, e := range env {
		if !strings.HasPrefix(e, "TMUX=") {
			out = append(out, e)
		}
	}
	return out
}
