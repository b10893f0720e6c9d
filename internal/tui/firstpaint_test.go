package tui

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"shovel/deck"
)

// The first frame painted before bubbletea starts is the frame bubbletea
// then draws over it, cell for cell (text, colours, attributes), as a
// terminal shows them: for the built-in deck and a test deck, both themes,
// audience and presenter views, several sizes (one too small for a slide)
// and colour profiles. A difference would flash on every start.
func TestFirstPaintIsBubbleteasFirstFrame(t *testing.T) {
	decks := map[string]*deck.Deck{"builtin": openBuiltinDeck(t), "talk": openTestDeck(t)}
	for _, name := range []string{"builtin", "talk"} {
		for _, theme := range []string{"dark", "light"} {
			for _, presenter := range []bool{false, true} {
				for _, sz := range [][2]int{{80, 24}, {120, 40}, {33, 11}, {20, 5}} {
					for _, prof := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
						mutate := func(o *Options) { o.Theme, o.Presenter = theme, presenter }
						w, h := sz[0], sz[1]
						id := fmt.Sprintf("%s/%s/presenter=%v/%dx%d/%s", name, theme, presenter, w, h, prof)
						painted := newHarness(t, decks[name], w, h, mutate).m
						var early strings.Builder
						if !paintFirst(&early, painted, prof) {
							t.Fatalf("%s: nothing painted", id)
						}
						drawn := bubbleteaFirstFrame(t, newHarness(t, decks[name], w, h, mutate).m, w, h, prof)
						if diff := screenDiff(early.String(), drawn, w, h); diff != "" {
							t.Errorf("%s: the painted frame differs from bubbletea's: %s", id, diff)
						}
					}
				}
			}
		}
	}
}

// Nothing is painted while the size is unknown.
func TestFirstPaintNeedsTheSize(t *testing.T) {
	m, err := New(Options{Deck: openTestDeck(t), Theme: "dark"})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if paintFirst(&out, m, colorprofile.TrueColor) || out.Len() != 0 {
		t.Errorf("painted %q with no size known", out.String())
	}
}

// The paint enters the alternate screen once and never ends with a line
// feed on the last row (which would scroll the frame up by a line).
func TestFirstPaintFitsTheScreen(t *testing.T) {
	m := newHarness(t, openTestDeck(t), 80, 24, func(o *Options) { o.Theme = "dark" }).m
	var out strings.Builder
	paintFirst(&out, m, colorprofile.TrueColor)
	s := out.String()
	if !strings.HasPrefix(s, ansi.SetModeAltScreenSaveCursor) || strings.Count(s, ansi.SetModeAltScreenSaveCursor) != 1 {
		t.Errorf("the paint does not start by entering the alternate screen once: %q", s[:min(len(s), 40)])
	}
	if n := strings.Count(s, "\n"); n != 23 {
		t.Errorf("%d line feeds in a 24-row paint, want 23", n)
	}
}

// bubbleteaFirstFrame runs m in bubbletea, with out not a terminal, and
// returns the first frame it writes (one write, after its queries).
func bubbleteaFirstFrame(t *testing.T, m *Model, w, h int, prof colorprofile.Profile) string {
	t.Helper()
	out := &writes{}
	in, keys := io.Pipe()
	defer keys.Close()
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(w, h),
		tea.WithColorProfile(prof), tea.WithoutSignalHandler(), tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	go p.Quit() // handled once the event loop runs: after the first frame
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	out.mu.Lock()
	defer out.mu.Unlock()
	for _, c := range out.chunks {
		if strings.Contains(c, ansi.EraseEntireScreen) {
			// Its input is not a terminal, so bubbletea takes the output to
			// turn a line feed into CR LF (a terminal's ONLCR); the emulator
			// does not.
			return strings.ReplaceAll(c, "\n", "\r\n")
		}
	}
	t.Fatalf("no frame among bubbletea's writes %q", out.chunks)
	return ""
}

type writes struct {
	mu     sync.Mutex
	chunks []string
}

func (w *writes) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.chunks = append(w.chunks, string(b))
	return len(b), nil
}

// screenDiff shows a and b on two terminals of w×h and describes the first
// cell that differs ("" when none does).
func screenDiff(a, b string, w, h int) string {
	ea, eb := emulate(a, w, h), emulate(b, w, h)
	for y := range h {
		for x := range w {
			ca, cb := ea.CellAt(x, y), eb.CellAt(x, y)
			if ca == nil || cb == nil {
				if (ca == nil) != (cb == nil) {
					return fmt.Sprintf("cell %d,%d exists in one only", x, y)
				}
				continue
			}
			if ca.Content != cb.Content || ca.Width != cb.Width || !ca.Style.Equal(&cb.Style) {
				return fmt.Sprintf("cell %d,%d: painted %q %+v, bubbletea %q %+v\npainted row: %q\nbubbletea row: %q",
					x, y, ca.Content, ca.Style, cb.Content, cb.Style, row(ea, y, w), row(eb, y, w))
			}
		}
	}
	return ""
}

func emulate(s string, w, h int) *vt.Emulator {
	e := vt.NewEmulator(w, h)
	go func() { _, _ = io.Copy(io.Discard, e) }() // its answers to queries
	_, _ = e.Write([]byte(s))
	return e
}

func row(e *vt.Emulator, y, w int) string {
	var b strings.Builder
	for x := range w {
		if c := e.CellAt(x, y); c != nil {
			b.WriteString(c.Content)
		}
	}
	return b.String()
}
