package cli

import (
	"slices"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

func TestColoursStartFromTheEnvironmentAndDetectFullyLater(t *testing.T) {
	tmux := []string{"TERM=tmux-256color", "TMUX=/tmp/tmux-0/default,1,0", "HOME=/root"}
	for _, c := range []struct {
		name     string
		env      []string
		start    colorprofile.Profile
		wantFull bool
	}{
		{"truecolor terminal", []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, colorprofile.TrueColor, false},
		{"inside tmux", tmux, colorprofile.ANSI256, true},
		{"16 colours", []string{"TERM=xterm"}, colorprofile.ANSI, true},
		{"NO_COLOR", []string{"TERM=xterm-256color", "NO_COLOR=1"}, colorprofile.ASCII, false},
		{"dumb", []string{"TERM=dumb"}, colorprofile.NoTTY, false},
	} {
		var asked []string
		got := coloursFrom(c.env, func(env []string) colorprofile.Profile {
			asked = env
			return colorprofile.TrueColor
		})
		if len(asked) != 0 {
			t.Errorf("%s: the full detection ran before it was asked for", c.name)
		}
		if got.Start != c.start {
			t.Errorf("%s: start profile %v, want %v", c.name, got.Start, c.start)
		}
		if (got.Full != nil) != c.wantFull {
			t.Errorf("%s: full detection later = %v, want %v", c.name, got.Full != nil, c.wantFull)
			continue
		}
		if got.Full != nil {
			if p := got.Full(); p != colorprofile.TrueColor || !slices.Equal(asked, c.env) {
				t.Errorf("%s: Full() = %v with env %q, want the detection's answer with the whole environment", c.name, p, asked)
			}
		}
	}
}
