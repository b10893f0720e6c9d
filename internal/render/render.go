// Package render typesets a deck's slides for the terminal.
//
// PROVISIONAL: this is the API the TUI and export code against; the
// implementation below is a placeholder (plain lines, no styling) that the
// renderer issue replaces without changing the signatures.
package render

import (
	"strings"
	"sync"

	"github.com/rivo/uniseg"

	"shovel/deck"
)

// DefaultMaxWidth is the widest a slide's content box grows, in cells.
const DefaultMaxWidth = 100

// Options choose how a deck is typeset.
type Options struct {
	// Theme is "dark", "light", "notty" (no colour) or a path to a glamour
	// style JSON file. "auto" must be resolved to dark or light by the
	// caller (the TUI asks the terminal for its background colour).
	Theme string
	// MaxWidth caps the content box; 0 means the deck's max_width, else
	// DefaultMaxWidth.
	MaxWidth int
	// AmbiguousWidth is 1 or 2 cells for East Asian ambiguous characters;
	// 0 means the deck's setting, else 1.
	AmbiguousWidth int
}

// Page is a typeset slide (or notes) at one width.
type Page struct {
	// Lines are the rendered lines, with ANSI styling unless the theme is
	// notty. Each is at most Width cells wide and already placed
	// horizontally (content box centred in Width). They are not padded to
	// a height: the caller places them vertically and scrolls when
	// len(Lines) exceeds the screen.
	Lines []string
	Width int
	// VCenter asks the caller to centre Lines vertically when they fit
	// (jump_to_middle, title and section slides).
	VCenter bool
}

// Renderer typesets one deck with one theme. It caches pages by
// (slide, step, width) and is safe for concurrent use. Make a new Renderer
// when the deck is reloaded or the theme changes.
type Renderer struct {
	deck *deck.Deck
	opts Options

	mu    sync.Mutex
	cache map[key]*Page
}

type key struct{ slide, step, width int }

// New returns a renderer for d.
func New(d *deck.Deck, opts Options) (*Renderer, error) {
	return &Renderer{deck: d, opts: opts, cache: map[key]*Page{}}, nil
}

// Deck returns the deck being rendered.
func (r *Renderer) Deck() *deck.Deck { return r.deck }

// Slide typesets slide i (0-based) showing steps 0..step, for width cells.
func (r *Renderer) Slide(i, step, width int) (*Page, error) {
	k := key{i, step, width}
	r.mu.Lock()
	p, ok := r.cache[k]
	r.mu.Unlock()
	if ok {
		return p, nil
	}
	s := r.deck.Slides[i]
	var lines []string
	for _, b := range s.Blocks {
		if !b.Visible(step) {
			continue
		}
		for _, l := range strings.Split(b.Markdown, "\n") {
			lines = append(lines, clip(l, width))
		}
		lines = append(lines, "")
	}
	p = &Page{Lines: lines, Width: width, VCenter: s.JumpToMiddle}
	r.mu.Lock()
	r.cache[k] = p
	r.mu.Unlock()
	return p, nil
}

// Notes typesets slide i's speaker notes for width cells.
func (r *Renderer) Notes(i, width int) (*Page, error) {
	var lines []string
	for _, l := range strings.Split(r.deck.Slides[i].Notes, "\n") {
		lines = append(lines, clip(l, width))
	}
	return &Page{Lines: lines, Width: width}, nil
}

func clip(s string, width int) string {
	w := 0
	var b strings.Builder
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if w+g.Width() > width {
			break
		}
		w += g.Width()
		b.WriteString(g.Str())
	}
	return b.String()
}
