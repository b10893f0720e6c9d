package tui

import (
	"io"
	"runtime"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// paintFirst writes the model's first frame straight to the terminal, before
// bubbletea starts: the alternate screen, the view's lines and the cursor
// hidden. bubbletea's own first frame, drawn over it a few milliseconds
// later (tea.WithScreenPainted), is the same, but it first builds its cell
// buffers and parses the view into them: from tui.New to the frame written
// took 1.56 ms at 80×24 that way and takes 0.40 with the paint (40 runs
// each on the machine the targets are measured on; docs/dev/performance.md,
// "2026-12-03 (fifth session)").
//
// It reports whether it wrote the frame: nothing is written while the size
// is unknown or the view does not fill the alternate screen, nor on
// Windows, whose console interprets escape sequences only once bubbletea
// has turned that on.
func paintFirst(out io.Writer, m *Model, p colorprofile.Profile) bool {
	if runtime.GOOS == "windows" || m.c.Width <= 0 || m.c.Height <= 0 {
		return false
	}
	v := m.View()
	if !v.AltScreen || v.Content == "" {
		return false
	}
	lines := strings.Split(v.Content, "\n")
	if len(lines) > m.c.Height {
		lines = lines[:m.c.Height] // as bubbletea: never a line feed on the last row
	}
	var b strings.Builder
	b.Grow(len(v.Content) + 64)
	// No automatic wrap while painting: a line as wide as the screen must not
	// push the cursor onto the next row (bubbletea does the same per line).
	b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.ResetStyle +
		ansi.CursorHomePosition + ansi.EraseEntireScreen + ansi.ResetModeAutoWrap)
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\r\n")
		}
		b.WriteString(l)
		b.WriteString(ansi.ResetStyle)
	}
	// The cursor home: until bubbletea sets raw mode the terminal echoes
	// keys, and an echo at the end of the last row would wrap and scroll
	// the painted frame (bubbletea's first frame erases any echo).
	b.WriteString(ansi.SetModeAutoWrap + ansi.CursorHomePosition)
	w := &colorprofile.Writer{Forward: out, Profile: p}
	_, err := io.WriteString(w, b.String())
	return err == nil
}
