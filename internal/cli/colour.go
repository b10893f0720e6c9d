package cli

import (
	"os"

	"github.com/charmbracelet/colorprofile"
)

// colourProbe detects the terminal's colour profile in the background.
// Inside tmux colorprofile.Detect runs `tmux info` (~10 ms); started first
// thing, it overlaps with reading the deck and typesetting the first page
// instead of delaying the first frame. bubbletea would run the same
// detection, on the same output and environment, when the program starts.
type colourProbe struct {
	done    chan struct{}
	profile colorprofile.Profile
}

// probeColours starts detecting the profile of streams' terminal; nil when
// the streams are not the process's own (tests), and bubbletea detects.
func probeColours(streams *IOStreams) *colourProbe {
	if streams.OutFile == nil {
		return nil
	}
	c := &colourProbe{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.profile = colorprofile.Detect(streams.OutFile, os.Environ())
	}()
	return c
}

// wait returns the detected profile; nil for a nil probe.
func (c *colourProbe) wait() *colorprofile.Profile {
	if c == nil {
		return nil
	}
	<-c.done
	return &c.profile
}
