package slides_test

import (
	"testing"

	"shovel/internal/render"
)

// A speaker presents from a 100×30 terminal: every slide, fully revealed,
// must fit above the one-line footer without scrolling.
func TestRenderedSlidesFit100x30(t *testing.T) {
	const width, height, footer = 100, 30, 1
	d := openDeck(t)
	r, err := render.New(d, render.Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range d.Slides {
		p, err := r.Slide(i, s.Steps-1, width)
		if err != nil {
			t.Fatalf("slide %d: %v", s.Number, err)
		}
		if n := len(p.Lines); n > height-footer {
			t.Errorf("slide %d %q is %d lines tall at %d×%d, want at most %d", s.Number, s.Title, n, width, height, height-footer)
		}
		t.Logf("slide %2d %3d lines %s", s.Number, len(p.Lines), s.Title)
	}
}
