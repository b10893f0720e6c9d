package tui

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"shovel/deck"
)

// hostileDeck carries the escape payloads of issue 12 in every place the
// chrome shows: the deck title (footer, window title), slide titles (footer,
// index, presenter NEXT line), including a C1 OSC without ESC.
const hostileDeck = "---\n" +
	`title: "Talk\e]52;c;SGVsbG8gZnJvbSBkZWNr\a\e]0;HIJACKED\a"` + "\n" +
	"---\n\n# Agenda\u009d52;c;SGVsbG8=\u009c\n\nfirst\n\n---\n\n" +
	"# Link \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\ \x1bP+q544e\x1b\\ \u202eRTL\n\nsecond\n"

// hostileBytes are byte strings that must never appear in what the program
// writes: each would make the terminal act.
var hostileBytes = []string{
	"\x1b]52;", "\x1b]0;HIJACKED", "HIJACKED\a", "\x1b]8;;https://evil", "\x1bP+q",
	"\u009d", "\u009c", "\u009b",
}

func checkRaw(t *testing.T, what string, out []byte) {
	t.Helper()
	for _, h := range hostileBytes {
		if bytes.Contains(out, []byte(h)) {
			i := bytes.Index(out, []byte(h))
			t.Errorf("%s: the output contains %q: …%q…", what, h, out[max(i-40, 0):min(i+40, len(out))])
		}
	}
}

// TestNoEscapesReachTheTerminal runs the whole program and checks the raw
// bytes it writes: footer, window title, presenter view, index, search
// input and reload banner show the payloads as pictures, never as escapes.
func TestNoEscapesReachTheTerminal(t *testing.T) {
	d, err := deck.Parse("evil.md", []byte(hostileDeck))
	if err != nil {
		t.Fatal(err)
	}
	if d.Diagnostics.HasErrors() {
		t.Fatal(d.Diagnostics)
	}
	load := func() (*deck.Deck, error) {
		return nil, errors.New("evil.md\x1b]52;c;eA==\a: cannot read \x1b]0;HIJACKED\a")
	}
	for _, theme := range []string{"notty", "dark"} {
		t.Run(theme, func(t *testing.T) {
			m, err := New(Options{Deck: d, Theme: theme, Load: load})
			if err != nil {
				t.Fatal(err)
			}
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 30))
			var seen bytes.Buffer
			waitFor := func(what ...string) {
				t.Helper()
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
					seen.Write(b)
					text := ansi.Strip(seen.String())
					for _, w := range what {
						if !strings.Contains(text, w) {
							return false
						}
					}
					return true
				}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
			}
			waitFor(`Talk␛]52;c;SGVsbG8gZnJvbSBkZWNr␇␛]0;HIJACKED␇`, `\x9d52;c;`)
			tm.Send(keyMsg("P"))
			waitFor(`NEXT — 2. Link ␛]8;;https://evil.example/`)
			tm.Send(keyMsg("tab"))
			waitFor("Slides", `1. Agenda\x9d52;c;SGVsbG8=\x9c`, `␛P+q544e␛\ \u202eRTL`)
			tm.Send(keyMsg("esc"))
			tm.Send(keyMsg("/"))
			tm.Send(tea.PasteMsg{Content: "q\x1b]52;c;eA==\a"})
			waitFor(`q␛]52;c;eA==␇█`) // the renderer redraws only what changed
			tm.Send(keyMsg("esc"))
			tm.Send(keyMsg("ctrl+r"))
			waitFor("reload failed", `evil.md␛]52;c;eA==␇: cannot read ␛]0;HIJACKED␇`)
			tm.Send(keyMsg("q"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
			checkRaw(t, theme, seen.Bytes())
			if got := m.View().WindowTitle; got != `shovel — Talk␛]52;c;SGVsbG8gZnJvbSBkZWNr␇␛]0;HIJACKED␇` {
				t.Errorf("window title %q", got)
			}
		})
	}
}
