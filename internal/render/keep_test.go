package render

import (
	"fmt"
	"strings"
	"testing"
)

// The renderer keeps the pages and parsed blocks of the last maxKeptSlides
// slides it typeset, not of every slide a talk went through.
func TestCacheKeepsRecentSlides(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "# Slide %d\n\ntext %d\n\n- a\n- b\n<!-- speaker_note: n %d -->\n\n---\n\n", i, i, i)
	}
	r, err := New(parseDeck(t, b.String()), Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	first := map[int]*Page{}
	for i := range 40 {
		for _, w := range []int{80, 40} {
			p, _ := r.Slide(i, 0, w)
			if _, err := r.Notes(i, w); err != nil {
				t.Fatal(err)
			}
			if w == 80 {
				first[i] = p
			}
		}
	}
	slides := map[int]bool{}
	for k := range r.pages {
		slides[k.slide] = true
	}
	for k := range r.notes {
		slides[k.slide] = true
	}
	for k := range r.docs {
		slides[k[0]] = true
	}
	if len(slides) != maxKeptSlides {
		t.Errorf("caches hold %d slides after 40 were typeset, want %d", len(slides), maxKeptSlides)
	}
	for i := 40 - maxKeptSlides; i < 40; i++ {
		if !slides[i] {
			t.Errorf("slide %d, one of the last %d typeset, is not kept", i, maxKeptSlides)
		}
	}
	// Kept pages are reused; a dropped one is typeset again, the same.
	if p, _ := r.Slide(39, 0, 80); p != first[39] {
		t.Error("the last slide was typeset again")
	}
	p, _ := r.Slide(0, 0, 80)
	if p == first[0] || strings.Join(p.Lines, "\n") != strings.Join(first[0].Lines, "\n") {
		t.Error("slide 0 was not dropped, or typesets differently the second time")
	}
	// Using a slide makes it the last used: slide 33, the oldest kept, is
	// used again and outlives 34.
	if p, _ := r.Slide(33, 0, 80); p != first[33] {
		t.Error("slide 33 was typeset again")
	}
	r.Slide(1, 0, 80)
	if _, ok := r.pages[key{33, 0, 80}]; !ok {
		t.Error("slide 33, used again, was dropped")
	}
	if _, ok := r.pages[key{34, 0, 80}]; ok {
		t.Error("slide 34, used longest ago, was kept")
	}
}
