package tui

import (
	"strings"
	"testing"

	"shovel/internal/tui/nav"
)

// The built-in deck is still being written, so these checks do not pin its
// layout: only that every screen of it fits, its notes stay off the
// audience's screen and the whole deck can be walked through.
func TestBuiltInDeck(t *testing.T) {
	d := openBuiltinDeck(t)
	if d.Diagnostics.HasErrors() {
		t.Fatalf("built-in deck has errors: %v", d.Diagnostics.Errors())
	}
	total := 0
	for _, s := range d.Slides {
		total += s.Steps
	}
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 45}} {
		for _, presenter := range []bool{false, true} {
			h := newHarness(t, d, sz[0], sz[1], func(o *Options) { o.Presenter = presenter })
			// → scrolls a tall slide before it moves on, so the walk takes
			// at least one press per step; every step must be visited.
			seen := map[nav.State]bool{}
			for i := 0; i < 10*total && len(seen) < total; i++ {
				seen[h.m.Position()] = true
				checkFits(t, h, sz[0], sz[1])
				if !presenter {
					checkNoNotes(t, h)
				}
				h.keys("right")
			}
			seen[h.m.Position()] = true
			if p := h.m.Position(); len(seen) != total || p.Slide != len(d.Slides)-1 || p.Step != d.Slides[p.Slide].Steps-1 {
				t.Fatalf("%dx%d: walking %d steps visited %d and ended at %+v", sz[0], sz[1], total, len(seen), p)
			}
		}
	}
}

// checkNoNotes fails if a line of the current slide's notes is on screen.
func checkNoNotes(t *testing.T, h *harness) {
	t.Helper()
	notes := h.m.deck.Slides[h.m.pos.Slide].Notes
	v := h.view()
	for _, l := range strings.Split(notes, "\n") {
		l = strings.TrimSpace(l)
		if len([]rune(l)) >= 8 && strings.Contains(v, l) {
			t.Fatalf("slide %d shows its note %q to the audience", h.m.pos.Slide+1, l)
		}
	}
}
