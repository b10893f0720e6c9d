package render

import "slices"

// maxKeptSlides bounds the caches by slide. A talk moves through its
// slides, so the pages and parsed blocks of the slides used last are kept
// (a slide is typeset again at each step, and in the presenter view at two
// widths) and those of older ones dropped: what the renderer holds does
// not grow with the deck. A caller that shows more slides at once keeps
// its own pages (the TUI does).
const maxKeptSlides = 8

// keep records that slide i was just used and, once more than
// maxKeptSlides slides are cached, drops what is cached of the one used
// longest ago. r.mu is held.
func (r *Renderer) keep(i int) {
	if n := len(r.recent); n > 0 && r.recent[n-1] == i {
		return
	}
	if j := slices.Index(r.recent, i); j >= 0 {
		r.recent = slices.Delete(r.recent, j, j+1)
	}
	r.recent = append(r.recent, i)
	if len(r.recent) <= maxKeptSlides {
		return
	}
	old := r.recent[0]
	r.recent = slices.Delete(r.recent, 0, 1)
	for k := range r.pages {
		if k.slide == old {
			delete(r.pages, k)
		}
	}
	for k := range r.notes {
		if k.slide == old {
			delete(r.notes, k)
		}
	}
	for k := range r.docs {
		if k[0] == old {
			delete(r.docs, k)
		}
	}
}
