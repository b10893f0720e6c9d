package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// The terminal's colours: the profile frames are drawn with, refined after
// the first frame, and the background colour that picks the auto theme.

// Colours is the terminal's colour profile: Start is what the program
// starts with; Full, when not nil, is a slower, complete detection (inside
// tmux it runs `tmux info`, ~10 ms) that Run calls once the first frame is
// out, repainting the screen if it differs.
type Colours struct {
	Start colorprofile.Profile
	Full  func() colorprofile.Profile
}

// fullColoursAfter is how long after the program starts Colours.Full runs:
// the first frame is drawn by then, so the detection's child process does
// not compete with it for the CPU.
const fullColoursAfter = 100 * time.Millisecond

// colourProfile notes the profile frames are drawn with. bubbletea tells it
// at start; a later, different one (the full detection finished after the
// first frame, or the terminal reported true colour) applies only to cells
// drawn from then on, so the screen is repainted.
func (m *Model) colourProfile(p colorprofile.Profile) tea.Cmd {
	seen, old := m.profileSeen, m.profile
	m.profile, m.profileSeen = p, true
	if f := m.final; f != nil && p == f.start && p != f.final {
		// bubbletea's start message came after the full detection's: the
		// detection stands.
		return setColourProfile(f.final)
	}
	if seen && p != old {
		return tea.ClearScreen
	}
	return nil
}

// finalColoursMsg is the full colour detection, finished after the
// program started with the profile start (Run, Colours).
type finalColoursMsg struct{ start, final colorprofile.Profile }

func (m *Model) finalColours(msg finalColoursMsg) tea.Cmd {
	m.final = &msg
	if m.profileSeen && m.profile == msg.final {
		return nil
	}
	return setColourProfile(msg.final)
}

// setColourProfile has bubbletea draw with p (its event loop applies a
// ColorProfileMsg to the renderer before Update sees it).
func setColourProfile(p colorprofile.Profile) tea.Cmd {
	return func() tea.Msg { return tea.ColorProfileMsg{Profile: p} }
}

func (m *Model) backgroundColor(msg tea.BackgroundColorMsg) tea.Cmd {
	if !m.autoTheme {
		return nil
	}
	theme := "light"
	if msg.IsDark() {
		theme = "dark"
	}
	m.c.Log.Debug("terminal background", "color", msg.String(), "theme", theme)
	if theme == m.theme {
		return nil
	}
	if err := m.setTheme(theme); err != nil {
		m.flash = "cannot switch theme: " + err.Error()
		return nil
	}
	return m.sync()
}
