package tui

import (
	"testing"

	"shovel/internal/tui/nav"
)

// Options.Start opens the deck at that slide, clamped to the deck.
func TestStartSlide(t *testing.T) {
	d := openTestDeck(t)
	for _, tt := range []struct{ start, want int }{{0, 0}, {4, 4}, {len(d.Slides) + 5, len(d.Slides) - 1}} {
		m, err := New(Options{Deck: d, Theme: "notty", Start: tt.start})
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Position(); got != (nav.State{Slide: tt.want}) {
			t.Errorf("Start %d: position %+v, want slide %d", tt.start, got, tt.want)
		}
	}
}
