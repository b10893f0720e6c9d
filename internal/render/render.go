// Package render typesets a deck's slides for the terminal: Markdown laid
// out block by block from goldmark's AST, styled from a glamour style,
// with Chinese, Japanese and Korean line breaking, tables fitted to the
// width and code highlighted by chroma. See docs/dev/architecture.md.
package render

import (
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"shovel/deck"
)

// DefaultMaxWidth is the widest a slide's content box grows, in cells.
const DefaultMaxWidth = 100

// Options choose how a deck is typeset.
type Options struct {
	// Theme is "dark", "light", "notty" (no colour, no escape sequences
	// at all), "mono" (no colour, attributes only), another glamour
	// built-in style name, or a path to a glamour
	// style JSON file; "" means the deck's theme. Either goes through
	// ResolveTheme, as lint's and present's do. "auto" should be turned
	// into dark or light by the caller, who knows the terminal; if it is
	// not, it means dark. ResolveTheme honours NO_COLOR.
	Theme string
	// MaxWidth caps the content box; 0 means the deck's max_width, else
	// DefaultMaxWidth.
	MaxWidth int
	// AmbiguousWidth is 1 or 2 cells for East Asian ambiguous characters;
	// 0 means the deck's setting, else 1.
	AmbiguousWidth int
	// NoCache typesets every call afresh and keeps nothing: for a single
	// pass over a deck (export), where a cache only holds memory.
	NoCache bool
	// Handout typesets for reading on paper or in a mail (text export):
	// the slide's title is left out (the caller prints it in a header),
	// and links and images show a reference number instead of their
	// address, the addresses being listed in Page.References.
	Handout bool
}

// Page is a typeset slide (or notes) at one width.
type Page struct {
	// Lines are the rendered lines, with ANSI styling unless the theme is
	// notty. Each is at most Width cells wide and already placed
	// horizontally (content box centred in Width); lines are not padded on
	// the right. They are not padded to a height: the caller places them
	// vertically and scrolls when len(Lines) exceeds the screen.
	Lines []string
	Width int
	// VCenter asks the caller to centre Lines vertically when they fit:
	// jump_to_middle, slides holding only headings (section slides), and a
	// first slide that is a title slide (a heading and at most two short
	// paragraphs).
	VCenter bool
	// TitleLines is how many of the first Lines are the slide's title (0
	// when the slide does not start with one); a scrolling view can keep
	// them in place.
	TitleLines int
	// References are, with Options.Handout, the addresses that the page's
	// reference numbers stand for: References[0] is [1]. A slide's list
	// covers all its steps, so the numbers are the same on every step.
	References []string
}

// Renderer typesets one deck with one theme. It caches pages by
// (slide, step, width) and is safe for concurrent use. Make a new Renderer
// when the deck is reloaded or the theme changes.
type Renderer struct {
	deck     *deck.Deck
	th       *theme
	m        measurer
	hl       *highlighter
	md       goldmark.Markdown
	maxWidth int
	noCache  bool
	handout  bool

	// trace, set only by tests before rendering, sees every filled paragraph.
	trace func(gs []glyph, spans []lineSpan, width int)

	typesetters typesetters

	mu    sync.Mutex
	pages map[key]*Page
	notes map[key]*Page
	docs  map[[2]int]parsed
	// recent are the slides whose pages and blocks are cached, the one
	// used last at the end (see keep).
	recent []int
}

type key struct{ slide, step, width int }

// maxCached bounds each page cache; resizing through many widths would
// otherwise grow it without end.
const maxCached = 4096

// New returns a renderer for d. It fails for an unknown theme or a style
// file that cannot be read.
func New(d *deck.Deck, opts Options) (*Renderer, error) {
	choice := ResolveTheme(d, opts.Theme, false)
	if err := choice.Err(); err != nil {
		return nil, err
	}
	th, err := loadTheme(choice.Name)
	if err != nil {
		return nil, err
	}
	amb := opts.AmbiguousWidth
	if amb == 0 {
		amb = d.Meta.AmbiguousWidth
	}
	mw := opts.MaxWidth
	if mw <= 0 {
		mw = d.Meta.MaxWidth
	}
	if mw <= 0 {
		mw = DefaultMaxWidth
	}
	return &Renderer{
		deck:     d,
		th:       th,
		m:        newMeasurer(amb),
		hl:       &highlighter{th: th},
		md:       goldmark.New(goldmark.WithExtensions(extension.GFM)),
		maxWidth: mw,
		noCache:  opts.NoCache,
		handout:  opts.Handout,
		pages:    map[key]*Page{},
		notes:    map[key]*Page{},
		docs:     map[[2]int]parsed{},
	}, nil
}

// StringWidth measures s (escape sequences ignored) with the renderer's
// ambiguous-width setting.
func (r *Renderer) StringWidth(s string) int { return StringWidthAmbiguous(s, r.m.amb) }

// WrapText wraps plain text with the renderer's ambiguous-width setting.
func (r *Renderer) WrapText(text string, width int) []string {
	return wrapPlain(r.m, text, width)
}

// typesetter returns a typesetter for one render, to be given back with
// r.typesetters.put when the render's strings are built.
func (r *Renderer) typesetter() *typesetter {
	ts := r.typesetters.get()
	sc, sg := ts.scratch, ts.sgrs
	*ts = typesetter{th: r.th, m: r.m, code: r.hl, trace: r.trace, sgrs: sg, scratch: sc}
	ts.sgrs.th = r.th
	return ts
}

// Slide typesets slide i (0-based) showing steps 0..step, for width cells.
func (r *Renderer) Slide(i, step, width int) (*Page, error) {
	if i < 0 || i >= len(r.deck.Slides) {
		return nil, fmt.Errorf("slide %d out of range (the deck has %d)", i+1, len(r.deck.Slides))
	}
	s := r.deck.Slides[i]
	step = min(max(step, 0), max(s.Steps-1, 0))
	width = max(width, 1)
	return r.cached(r.pages, key{i, step, width}, func() *Page { return r.slide(i, s, step, width) }), nil
}

// cached returns the page for k from cache, typesetting it with typeset on a
// miss. Two goroutines may typeset the same page at once; both results are
// equal, so the lock is not held while typesetting.
func (r *Renderer) cached(cache map[key]*Page, k key, typeset func() *Page) *Page {
	r.mu.Lock()
	p, ok := cache[k]
	if ok {
		r.keep(k.slide)
	}
	r.mu.Unlock()
	if ok {
		return p
	}
	p = typeset()
	if r.noCache {
		return p
	}
	r.mu.Lock()
	if len(cache) >= maxCached {
		clear(cache)
	}
	cache[k] = p
	r.keep(k.slide)
	r.mu.Unlock()
	return p
}

func (r *Renderer) slide(i int, s *deck.Slide, step, width int) *Page {
	box := min(width, r.maxWidth)
	mg := margin(box)
	cw := box - 2*mg
	left := (width-box)/2 + mg
	ts := r.typesetter()
	defer r.typesetters.put(ts)

	var bs []slideBlock
	var refs *refList
	if r.handout {
		refs = &refList{}
		ts.refs = refs
	}
	titled, onlyHeadings := false, true
	for j, b := range s.Blocks {
		p := r.parse(i, j, b.Markdown)
		sb := slideBlock{b: b, p: p}
		if !titled && p.first() != nil && p.isHeading() {
			sb.title, titled = true, true
			if r.handout && s.Heading && strings.Join(strings.Fields(deck.PlainText(p.first(), p.src)), " ") == s.Title {
				continue // the caller's header shows it
			}
		}
		if refs != nil {
			refs.addRefs(p.doc, p.src)
		}
		if b.Visible(step) {
			bs = append(bs, sb)
			onlyHeadings = onlyHeadings && (p.first() == nil || p.isHeading())
		}
	}
	var out []line
	titleLines := 0
	for j := 0; j < len(bs); {
		k := j + 1
		for k < len(bs) && bs[k].b.Layout == bs[j].b.Layout {
			k++
		}
		var ls []line
		if lay := bs[j].b.Layout; lay >= 0 && lay < len(s.Layouts) {
			ls = ts.columns(s.Layouts[lay], bs[j:k], cw, s.Alignment)
		} else {
			var tl int
			ls, tl = ts.stack(bs[j:k], cw, s.Alignment)
			if j == 0 {
				titleLines = tl
			}
		}
		if len(ls) > 0 && len(out) > 0 && !continuesList(bs[j-1], bs[j]) {
			out = append(out, line{})
		}
		out = append(out, ls...)
		j = k
	}
	p := &Page{
		Lines:      render(out, left),
		Width:      width,
		VCenter:    s.JumpToMiddle || (len(bs) > 0 && onlyHeadings) || (i == 0 && titleSlide(bs)),
		TitleLines: titleLines,
	}
	if refs != nil {
		p.References = refs.urls
	}
	return p
}

// titleSlide reports whether the first slide is a title slide: a heading
// and at most two short paragraphs (subtitle, author), nothing else.
func titleSlide(bs []slideBlock) bool {
	if len(bs) == 0 || len(bs) > 3 || !bs[0].title {
		return false
	}
	for _, sb := range bs[1:] {
		if _, ok := sb.p.first().(*ast.Paragraph); !ok || sb.p.first().NextSibling() != nil || len(sb.p.src) > 200 {
			return false
		}
	}
	return true
}

// parse parses block j of slide i once.
func (r *Renderer) parse(i, j int, md string) parsed {
	k := [2]int{i, j}
	r.mu.Lock()
	p, ok := r.docs[k]
	r.mu.Unlock()
	if ok {
		return p
	}
	p = r.parseText(md)
	if r.noCache {
		return p
	}
	r.mu.Lock()
	r.docs[k] = p
	r.keep(i)
	r.mu.Unlock()
	return p
}

func (r *Renderer) parseText(md string) parsed {
	src := []byte(md)
	doc := r.md.Parser().Parse(text.NewReader(src))
	adapt(doc, src)
	// FencedCodeBlock.Language caches its result in the node on first
	// call; call it now, before the tree is shared between goroutines.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering {
			f.Language(src)
		}
		return ast.WalkContinue, nil
	})
	return parsed{doc: doc, src: src, text: md}
}

// Notes typesets slide i's speaker notes for width cells, with the slides'
// rules but no content box: the caller's panel is the box. A "::: notes"
// div is typeset like slide text; a note in a comment keeps its line
// breaks, as the deck format promises.
func (r *Renderer) Notes(i, width int) (*Page, error) {
	if i < 0 || i >= len(r.deck.Slides) {
		return nil, fmt.Errorf("slide %d out of range (the deck has %d)", i+1, len(r.deck.Slides))
	}
	width = max(width, 1)
	return r.cached(r.notes, key{slide: i, width: width}, func() *Page {
		s := r.deck.Slides[i]
		parts := s.NoteParts
		if len(parts) == 0 && s.Notes != "" {
			parts = []deck.Note{{Text: s.Notes, Markdown: true}}
		}
		var ls []line
		ts := r.typesetter()
		defer r.typesetters.put(ts)
		if r.handout {
			ts.refs = &refList{}
		}
		for _, n := range parts {
			text := strings.TrimSpace(n.Text)
			if text == "" {
				continue
			}
			pd := r.parseText(text)
			if ts.refs != nil {
				ts.refs.addRefs(pd.doc, pd.src)
			}
			// A note in a comment is written line by line, as the
			// speaker wants to read it; a Markdown note is typeset.
			ts.keepBreaks = !n.Markdown
			if len(ls) > 0 {
				ls = append(ls, line{})
			}
			ls = append(ls, ts.children(pd.doc, pd.src, width, false)...)
		}
		p := &Page{Lines: render(ls, 0), Width: width}
		if ts.refs != nil {
			p.References = ts.refs.urls
		}
		return p
	}), nil
}

// render turns lines into strings, left cells from the edge.
func render(ls []line, left int) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.padded(left)
	}
	return out
}
