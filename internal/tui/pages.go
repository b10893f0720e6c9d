package tui

import (
	"cmp"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"shovel/internal/render"
	"shovel/internal/tui/nav"
)

// pageKind tells slide pages from notes pages in the cache.
type pageKind uint8

const (
	slidePage pageKind = iota
	notesPage
)

// pageKey names one typeset page. Notes ignore step.
type pageKey struct {
	kind               pageKind
	slide, step, width int
}

func slideKey(s nav.State, w int) pageKey { return pageKey{slidePage, s.Slide, s.Step, w} }
func notesKey(i, w int) pageKey           { return pageKey{kind: notesPage, slide: i, width: w} }

// pagesMsg brings pages rendered by a command back to Update. gen is the
// renderer generation they were made with: pages of a replaced renderer
// (reload, theme change) are dropped.
type pagesMsg struct {
	gen   int
	pages map[pageKey]*render.Page
}

// renderPages returns a command that typesets keys with r on worker w. It
// runs outside Update, so a slow page never freezes the keyboard.
func renderPages(w *worker, r *render.Renderer, gen int, keys []pageKey) tea.Cmd {
	if len(keys) == 0 {
		return nil
	}
	return func() tea.Msg {
		var msg tea.Msg
		w.do(func() { msg = typeset(r, gen, keys) })
		return msg
	}
}

// typeset renders keys with r. A page that fails to render becomes a page
// saying so: the talk goes on.
func typeset(r *render.Renderer, gen int, keys []pageKey) pagesMsg {
	out := make(map[pageKey]*render.Page, len(keys))
	for _, k := range keys {
		var (
			p   *render.Page
			err error
		)
		if k.kind == notesPage {
			p, err = r.Notes(k.slide, k.width)
		} else {
			p, err = r.Slide(k.slide, k.step, k.width)
		}
		if err != nil || p == nil {
			p = &render.Page{Lines: []string{fmt.Sprintf("cannot typeset slide %d: %v", k.slide+1, err)}, Width: k.width}
		}
		out[k] = p
	}
	return pagesMsg{gen: gen, pages: out}
}

// pageCache holds the pages Update has received, and which ones are being
// rendered, so that each page is asked for once. It keeps the pages of the
// current position and of the positions a key away, and besides them the
// maxSparePages used last (going back and forth finds them ready): what
// it holds does not grow with the deck.
type pageCache struct {
	gen      int
	pages    map[pageKey]*render.Page
	inflight map[pageKey]bool
	// used is when each page was last stored or shown, on clock.
	used  map[pageKey]uint64
	clock uint64
	// near are the pages the last trim kept: pages that arrive later
	// are trimmed against them.
	near []pageKey
}

// maxSparePages is how many pages the cache keeps beyond those of the
// current position and its neighbours: a speaker going back over the last
// slides, or a rehearsal of a section, finds them typeset (a page is a few
// kB; BenchmarkKeyBigDeck cycles through 20 slides).
const maxSparePages = 32

func newPageCache(gen int) pageCache {
	return pageCache{gen: gen, pages: map[pageKey]*render.Page{}, inflight: map[pageKey]bool{}, used: map[pageKey]uint64{}}
}

// touch marks keys as used now.
func (c *pageCache) touch(keys []pageKey) {
	c.clock++
	for _, k := range keys {
		if c.pages[k] != nil {
			c.used[k] = c.clock
		}
	}
}

// trim drops the pages used longest ago, beyond keep and maxSparePages
// others.
func (c *pageCache) trim(keep []pageKey) {
	c.near = keep
	n := 0
	for k := range c.pages {
		if !slices.Contains(keep, k) {
			n++
		}
	}
	if n <= maxSparePages {
		return
	}
	spare := make([]pageKey, 0, n)
	for k := range c.pages {
		if !slices.Contains(keep, k) {
			spare = append(spare, k)
		}
	}
	slices.SortFunc(spare, func(a, b pageKey) int { return cmp.Compare(c.used[b], c.used[a]) })
	for _, k := range spare[maxSparePages:] {
		delete(c.pages, k)
		delete(c.used, k)
	}
}

// add stores the pages of msg if they belong to the current generation.
func (c *pageCache) add(msg pagesMsg) bool {
	if msg.gen != c.gen {
		return false
	}
	c.clock++
	for k, p := range msg.pages {
		c.pages[k] = p
		c.used[k] = c.clock
		delete(c.inflight, k)
	}
	c.trim(c.near)
	return true
}

// missing returns the keys that are neither cached nor being rendered, and
// marks them as being rendered.
func (c *pageCache) missing(keys []pageKey) []pageKey {
	var out []pageKey
	for _, k := range keys {
		if k.width <= 0 || c.pages[k] != nil || c.inflight[k] {
			continue
		}
		c.inflight[k] = true
		out = append(out, k)
	}
	return out
}

// keepWidths drops pages laid out for widths no longer on screen (after a
// resize), so the cache does not grow with every size the window passes.
func (c *pageCache) keepWidths(ws ...int) {
	keep := map[int]bool{}
	for _, w := range ws {
		keep[w] = true
	}
	for k := range c.pages {
		if !keep[k.width] {
			delete(c.pages, k)
			delete(c.used, k)
		}
	}
}
