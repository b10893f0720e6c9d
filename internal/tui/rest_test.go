package tui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"weak"

	"shovel/deck"
)

// partialDeck writes a five-slide deck and returns its first slide alone
// (as present shows it first) and the whole deck.
func partialDeck(t *testing.T) (first, full *deck.Deck) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "talk.md")
	src := "# One\n\nfirst\n\n---\n\n# Two\n\nsecond\n\n---\n\n# Three\n\nthird\n\n---\n\n# Four\n\n---\n\n# Five\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	first, ok, err := deck.OpenFirstWith(path, deck.Options{})
	if err != nil || !ok || len(first.Slides) != 1 {
		t.Fatalf("OpenFirstWith: ok=%v err=%v", ok, err)
	}
	return first, openDeckFile(t, path)
}

// TestKeysBeforeTheWholeDeckAreKept: keys pressed while only the first
// slide is read wait, and apply to the whole deck when it arrives.
func TestKeysBeforeTheWholeDeckAreKept(t *testing.T) {
	first, full := partialDeck(t)
	h := newHarness(t, first, 80, 24)
	h.m.partial.on, h.m.partial.started = true, true
	h.contains("first")
	h.keys("right right")
	h.at(0, 0)
	h.contains("first")
	h.send(restMsg{deck: full})
	h.at(2, 0)
	h.contains("third")
	h.contains("3 / 5")
	if h.quit {
		t.Fatal("quit")
	}
}

// TestQuitBeforeTheWholeDeck: q is not queued.
func TestQuitBeforeTheWholeDeck(t *testing.T) {
	first, _ := partialDeck(t)
	h := newHarness(t, first, 80, 24)
	h.m.partial.on, h.m.partial.started = true, true
	h.keys("q")
	if !h.quit {
		t.Fatal("q while the deck is read did not quit")
	}
}

// TestWholeDeckReadAfterTheFirstPage: the first rendered page starts the
// read; a whole deck with errors ends the program and says so.
func TestWholeDeckReadAfterTheFirstPage(t *testing.T) {
	first, full := partialDeck(t)
	calls := 0
	h := newHarness(t, first, 0, 0)
	h.m.opts.Rest = func() (*deck.Deck, error) { calls++; return full, nil }
	h.m.partial.on = true
	if calls != 0 {
		t.Fatal("read before any page")
	}
	h.send(size(80, 24))
	if calls != 1 || h.m.partial.on || len(h.m.deck.Slides) != 5 {
		t.Fatalf("calls=%d partial=%v slides=%d", calls, h.m.partial.on, len(h.m.deck.Slides))
	}
	h.at(0, 0)
	h.contains("1 / 5")

	bad := *full
	bad.Diagnostics = deck.Diagnostics{{Severity: deck.Error, Message: "broken"}}
	h2 := newHarness(t, first, 80, 24)
	h2.m.partial.on, h2.m.partial.started = true, true
	h2.send(restMsg{deck: &bad})
	failed, d, err := h2.m.RestFailure()
	if !h2.quit || !failed || d != &bad || err != nil {
		t.Fatalf("quit=%v failed=%v d=%p err=%v", h2.quit, failed, d, err)
	}
}

// TestFirstSlidesDeckDropped: once the whole deck is in, nothing keeps the
// deck of the first slides, which holds the whole file's text.
func TestFirstSlidesDeckDropped(t *testing.T) {
	first, full := partialDeck(t)
	gone := weak.Make(first)
	h := newHarness(t, first, 80, 24)
	first = nil
	h.m.partial.on, h.m.partial.started = true, true
	h.keys("right")
	h.send(restMsg{deck: full})
	h.at(1, 0)
	runtime.GC()
	if gone.Value() != nil {
		t.Error("the first slides' deck is still reachable after the whole deck arrived")
	}
	runtime.KeepAlive(h)
}
