package cli

import (
	"os"

	"github.com/charmbracelet/colorprofile"

	"shovel/internal/tui"
)

// terminalColours is the colour profile to present with on streams'
// terminal; nil when the streams are not the process's own (tests), and
// bubbletea detects. colorprofile.Detect, what bubbletea would run, reads
// the terminal's terminfo entry and, inside tmux, runs `tmux info`: a
// child process that cost ~10 ms of the first frame, and the terminfo
// read ~4 % of start-up's CPU. So the program starts with what the
// environment says (TERM, COLORTERM, NO_COLOR, CLICOLOR), and the full
// detection runs after the first frame where it could find more (the
// screen is repainted if it does).
func terminalColours(streams *IOStreams) *tui.Colours {
	if streams.OutFile == nil {
		return nil
	}
	out := streams.OutFile
	return coloursFrom(os.Environ(), func(env []string) colorprofile.Profile { return colorprofile.Detect(out, env) })
}

// coloursFrom is terminalColours for the environment env, with detect as
// the full detection.
func coloursFrom(env []string, detect func(env []string) colorprofile.Profile) *tui.Colours {
	start := colorprofile.Env(env)
	if start != colorprofile.ANSI && start != colorprofile.ANSI256 {
		// TrueColor cannot be bettered; below ANSI is NO_COLOR or a dumb
		// terminal, which Detect answers from the environment too.
		return &tui.Colours{Start: start}
	}
	return &tui.Colours{Start: start, Full: func() colorprofile.Profile { return detect(env) }}
}
