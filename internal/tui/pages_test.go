package tui

import (
	"fmt"
	"strings"
	"testing"

	"shovel/deck"
	"shovel/internal/render"
)

// trim keeps the pages asked for and the maxSparePages others used last.
func TestPageCacheTrim(t *testing.T) {
	c := newPageCache(0)
	keep := []pageKey{slideKey0(0), slideKey0(1), {slide: 99, width: 80}}
	c.trim(keep) // as sync does: later arrivals are trimmed against keep
	for i := range 40 {
		c.add(pagesMsg{pages: map[pageKey]*render.Page{slideKey0(i): {}}})
	}
	if len(c.pages) != 2+maxSparePages {
		t.Fatalf("%d pages after 40 arrived, want %d", len(c.pages), 2+maxSparePages)
	}
	for i := range 40 {
		spare := i >= 40-maxSparePages
		if got := c.pages[slideKey0(i)] != nil; got != (i < 2 || spare) {
			t.Errorf("slide %d kept=%v", i, got)
		}
	}
	// A page shown again is used last: it outlives older ones.
	oldest := slideKey0(40 - maxSparePages)
	c.touch([]pageKey{oldest})
	c.add(pagesMsg{pages: map[pageKey]*render.Page{slideKey0(40): {}}})
	if c.pages[oldest] == nil || c.pages[slideKey0(41-maxSparePages)] != nil {
		t.Errorf("touch did not make slide %d the last used", oldest.slide)
	}
	if len(c.used) != len(c.pages) {
		t.Errorf("%d use times for %d pages", len(c.used), len(c.pages))
	}
}

func slideKey0(i int) pageKey { return pageKey{kind: slidePage, slide: i, width: 80} }

// Walking through a long deck, in the audience and the presenter view,
// leaves the page cache no bigger than a few slides' pages, and what is on
// screen is right all the way.
func TestPageCacheBoundedOnLongWalk(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "# Slide %d\n\ntext %d\n\n<!-- pause -->\n\nmore %d\n<!-- speaker_note: note %d -->\n\n---\n\n", i, i, i, i)
	}
	d, err := deck.Parse("long.md", []byte(b.String()))
	if err != nil || len(d.Slides) != 300 {
		t.Fatal(len(d.Slides), err)
	}
	for _, presenter := range []bool{false, true} {
		h := newHarness(t, d, 100, 30, func(o *Options) { o.Presenter = presenter })
		most := 0
		for i := 0; i < 599; i++ {
			h.keys("right")
			most = max(most, len(h.m.cache.pages))
		}
		h.at(299, 1)
		h.contains("more 300")
		// The current position and the (up to four) a key away, each
		// with a slide page, in the presenter view also notes and the
		// next slide.
		perPos := 1
		if presenter {
			perPos = 3
		}
		if limit := 5*perPos + maxSparePages; most > limit {
			t.Errorf("presenter=%v: the cache held %d pages, want at most %d", presenter, most, limit)
		}
		h.keys("home")
		h.contains("Slide 1")
	}
}
