package cli

import (
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"shovel/internal/tui"
)

// colourProbe detects the terminal's colour profile in the background.
// Inside tmux colorprofile.Detect runs `tmux info` (~10 ms); started first
// thing, it overlaps with reading the deck and typesetting the first page;
// if it has not finished when the program starts, the first frame is drawn
// with the profile the environment gives and repainted should the full
// detection differ. (bubbletea would run the same detection, on the same
// output and environment, before its first frame.)
type colourProbe struct {
	out     *os.File
	done    chan struct{}
	profile colorprofile.Profile
}

// probeColours starts detecting the profile of streams' terminal; nil when
// the streams are not the process's own (tests), and bubbletea detects.
func probeColours(streams *IOStreams) *colourProbe {
	if streams.OutFile == nil {
		return nil
	}
	c := &colourProbe{out: streams.OutFile, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.profile = colorprofile.Detect(streams.OutFile, os.Environ())
	}()
	return c
}

// colours returns the profile to start the program with: the detected
// one if the probe has finished, else the profile the environment and
// terminfo give (what Detect finds without asking tmux), with the full
// detection delivered when it finishes. nil for a nil probe.
func (c *colourProbe) colours() *tui.Colours {
	if c == nil {
		return nil
	}
	select {
	case <-c.done:
		return &tui.Colours{Start: c.profile}
	default:
	}
	final := make(chan colorprofile.Profile, 1)
	go func() {
		<-c.done
		final <- c.profile
	}()
	return &tui.Colours{Start: colorprofile.Detect(c.out, withoutTmux(os.Environ())), Final: final}
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
