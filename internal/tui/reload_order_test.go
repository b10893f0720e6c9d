package tui

import (
	"errors"
	"testing"

	"shovel/deck"
)

// TestOlderParseNeverReplacesNewer: two reloads run at once and the older
// finishes last; its deck (or its failure) must not replace the newer one
// (issue 12).
func TestOlderParseNeverReplacesNewer(t *testing.T) {
	parse := func(src string) *deck.Deck { return parseDeck(t, src) }
	versions := []*deck.Deck{parse("# old version\n"), parse("# new version\n")}
	for _, oldFails := range []bool{false, true} {
		calls := 0
		// The presenter view, where reload failures are shown.
		h := newHarness(t, parse("# first\n"), 80, 24, func(o *Options) {
			o.Presenter = true
			o.Load = func() (*deck.Deck, error) {
				calls++
				if calls == 1 && oldFails {
					return nil, errors.New("half-written file")
				}
				return versions[calls-1], nil
			}
		})
		older, newer := h.m.reloadCmd(), h.m.reloadCmd()
		oldMsg, newMsg := older(), newer()
		h.send(newMsg)
		h.contains("new version")
		h.send(oldMsg)
		h.contains("new version")
		h.lacks("old version")
		h.lacks("reload failed")
	}
}

// TestPanickingLoadKeepsTheTalk: a reload that panics is a failed reload.
func TestPanickingLoadKeepsTheTalk(t *testing.T) {
	h := newHarness(t, parseDeck(t, "# still here\n"), 80, 24, func(o *Options) {
		o.Presenter = true // where reload failures are shown
		o.Load = func() (*deck.Deck, error) { panic("index out of range") }
	})
	h.keys("ctrl+r")
	h.contains("still here")
	h.contains("reload failed: internal error while reading")
}

// parseDeck parses src as the file t.md.
func parseDeck(t testing.TB, src string) *deck.Deck {
	t.Helper()
	d, err := deck.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
