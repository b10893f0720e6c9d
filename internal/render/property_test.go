package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"shovel/deck"
	"shovel/slides"
)

// testDecks are the decks the property tests run over: the built-in deck
// and the Chinese/English/Japanese/Korean test deck.
func testDecks(t testing.TB) map[string]*deck.Deck {
	t.Helper()
	builtin, err := deck.OpenFS(slides.FS(), ".", "slides")
	if err != nil {
		t.Fatal(err)
	}
	cjk, err := deck.Open("testdata/cjk.md")
	if err != nil {
		t.Fatal(err)
	}
	if errs := cjk.Diagnostics.Errors(); len(errs) > 0 {
		t.Fatalf("testdata/cjk.md: %v", errs)
	}
	return map[string]*deck.Deck{"builtin": builtin, "cjk": cjk}
}

// tracingRenderer returns a renderer whose every filled paragraph is checked
// against rules 1–3 (width, kinsoku, no premature breaks); failures are
// collected in *errs.
func tracingRenderer(t testing.TB, d *deck.Deck, opts Options, errs *[]string) *Renderer {
	t.Helper()
	r, err := New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	r.trace = func(gs []glyph, spans []lineSpan, width int) {
		*errs = append(*errs, checkFill(gs, spans, width)...)
	}
	return r
}

// TestSlideProperties typesets every slide of both decks, every step, at
// every width from 20 to 200, and checks the typesetting rules.
func TestSlideProperties(t *testing.T) {
	widths := func(step int) []int {
		var ws []int
		for w := 20; w <= 200; w += step {
			ws = append(ws, w)
		}
		return ws
	}
	configs := []struct {
		name   string
		opts   Options
		widths []int
	}{
		{"notty", Options{Theme: "notty"}, widths(1)},
		{"dark", Options{Theme: "dark"}, widths(7)},
		{"ambiguous2", Options{Theme: "dark", AmbiguousWidth: 2}, widths(5)},
		{"narrowbox", Options{Theme: "notty", MaxWidth: 40}, widths(9)},
	}
	if testing.Short() {
		configs = configs[:2]
		configs[0].widths = widths(3)
	}
	for name, d := range testDecks(t) {
		for _, c := range configs {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				var traced []string
				r := tracingRenderer(t, d, c.opts, &traced)
				for _, width := range c.widths {
					for i, s := range d.Slides {
						for step := 0; step < s.Steps; step++ {
							where := fmt.Sprintf("%s slide %d (%s) step %d width %d", name, i+1, s.Title, step, width)
							traced = traced[:0]
							p, err := r.Slide(i, step, width)
							if err != nil {
								t.Fatalf("%s: %v", where, err)
							}
							for _, e := range traced {
								t.Errorf("%s: %s", where, e)
							}
							checkPage(t, where, p, r.m.amb, c.opts.Theme == "notty")
							if step == s.Steps-1 {
								checkNothingLost(t, where, r, i, p)
							}
						}
						traced = traced[:0]
						notes, err := r.Notes(i, width)
						if err != nil {
							t.Fatal(err)
						}
						for _, e := range traced {
							t.Errorf("%s notes: %s", name, e)
						}
						checkPage(t, fmt.Sprintf("%s notes %d width %d", name, i+1, width), notes, r.m.amb, c.opts.Theme == "notty")
					}
				}
			})
		}
	}
}

// checkPage checks rule 1 on the finished page: no line wider than the
// page; plain themes carry no escape sequences.
func checkPage(t *testing.T, where string, p *Page, amb int, plain bool) {
	t.Helper()
	for n, l := range p.Lines {
		if w := StringWidthAmbiguous(l, amb); w > p.Width {
			t.Errorf("%s: line %d is %d cells, wider than %d: %q", where, n, w, p.Width, ansi.Strip(l))
		}
		if plain && strings.ContainsRune(l, 0x1b) {
			t.Errorf("%s: line %d of a notty page has an escape sequence: %q", where, n, l)
		}
	}
}

// checkNothingLost checks that no text was truncated: every non-space
// character of the slide's visible text (outside code blocks, which are
// clipped by design) appears in the page at least as often.
func checkNothingLost(t *testing.T, where string, r *Renderer, i int, p *Page) {
	t.Helper()
	want := map[rune]int{}
	for j, b := range r.deck.Slides[i].Blocks {
		pd := r.parse(i, j, b.Markdown)
		countText(pd.doc, pd.src, want)
	}
	got := map[rune]int{}
	for _, l := range p.Lines {
		for _, c := range ansi.Strip(l) {
			got[c]++
		}
	}
	var lost []string
	for c, n := range want {
		if got[c] < n {
			lost = append(lost, fmt.Sprintf("%q×%d", c, n-got[c]))
		}
	}
	if len(lost) > 0 {
		t.Errorf("%s: text lost: %s", where, strings.Join(lost, " "))
	}
}

// countText counts the non-space characters a reader should see in n.
func countText(n ast.Node, src []byte, counts map[rune]int) {
	add := func(s string) {
		for _, c := range s {
			if !unicode.IsSpace(c) {
				counts[c]++
			}
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			add(deck.TextValue(c, src))
		case *ast.String:
			add(string(c.Value))
		case *ast.AutoLink:
			add(string(c.URL(src)))
		case *ast.Link:
			if d := string(c.Destination); d != deck.PlainText(c, src) && !strings.HasPrefix(d, "#") {
				add(d)
			}
		case *ast.Image:
			add(string(c.Destination))
		}
		return ast.WalkContinue, nil
	})
}

// TestTableProperties checks rule 4 on every table of both decks at every
// width: all lines of a table are equally wide, column borders line up by
// display width, and the header: value fallback is used only when even
// the longest words cannot fit.
func TestTableProperties(t *testing.T) {
	for name, d := range testDecks(t) {
		for _, opts := range []Options{{Theme: "dark"}, {Theme: "notty"}, {Theme: "dark", AmbiguousWidth: 2}} {
			var traced []string
			r := tracingRenderer(t, d, opts, &traced)
			ts := r.typesetter()
			b := ts.borders()
			for i, s := range d.Slides {
				for j, blk := range s.Blocks {
					pd := r.parse(i, j, blk.Markdown)
					tbl, ok := pd.first().(*east.Table)
					if !ok {
						continue
					}
					for width := 10; width <= 200; width++ {
						where := fmt.Sprintf("%s %s slide %d table at width %d", name, opts.Theme, i+1, width)
						ls, records := ts.tableLayout(tbl, pd.src, width)
						if records {
							checkRecordsNeeded(t, where, ts, tbl, pd.src, width)
							continue
						}
						checkGrid(t, where, ls, b, r.m)
					}
					for _, e := range traced {
						t.Errorf("%s slide %d table: %s", name, i+1, e)
					}
					traced = traced[:0]
				}
			}
		}
	}
}

// checkGrid checks that every line has the same width and that the column
// borders sit at the same display columns in every line.
func checkGrid(t *testing.T, where string, ls []line, b borders, m measurer) {
	t.Helper()
	var cols []int
	for n, l := range ls {
		s := ansi.Strip(l.String())
		if w := m.text(s); w != l.w || w != ls[0].w {
			t.Errorf("%s: line %d is %d cells (recorded %d), first line %d", where, n, w, l.w, ls[0].w)
		}
		if n == 0 && b.top[0] != "" {
			continue // the top rule has no inner crossings in the first data row's sense
		}
		var at []int
		x := 0
		for _, g := range m.appendGlyphs(nil, s, "") {
			if g.s == b.v || g.s == b.mid[0] || g.s == b.mid[2] || g.s == b.mid[3] || g.s == b.bot[2] || g.s == b.bot[0] || g.s == b.bot[3] {
				at = append(at, x)
			}
			x += g.w
		}
		if cols == nil {
			cols = at
			continue
		}
		if fmt.Sprint(at) != fmt.Sprint(cols) && !containsAll(at, cols) {
			t.Errorf("%s: line %d borders at %v, first row at %v: %q", where, n, at, cols, s)
		}
	}
}

// containsAll allows a cell to contain the border character itself.
func containsAll(at, cols []int) bool {
	set := map[int]bool{}
	for _, x := range at {
		set[x] = true
	}
	for _, x := range cols {
		if !set[x] {
			return false
		}
	}
	return true
}

func checkRecordsNeeded(t *testing.T, where string, ts *typesetter, n *east.Table, src []byte, width int) {
	t.Helper()
	td := ts.readTable(n, src)
	cols := len(td.head)
	minSum := 0
	for c := 0; c < cols; c++ {
		m := 1
		for _, r := range append([][]cell{td.head}, td.rows...) {
			if c < len(r) {
				m = max(m, r[c].minW)
			}
		}
		minSum += m
	}
	overhead := (cols+1)*ts.m.text(ts.borders().v) + 2*cols
	if minSum+overhead <= width {
		t.Errorf("%s: fell back to header: value rows although the words fit (%d+%d ≤ %d)", where, minSum, overhead, width)
	}
}
