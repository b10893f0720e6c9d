package render

import (
	"strings"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"
)

// cell is a table cell's content, measured once.
type cell struct {
	gs   []glyph // a slice of the typesetter's cellGlyphs
	src  string  // the text gs were cut from
	from int     // gs is cellGlyphs[from:to]
	to   int
	minW int // the widest run that cannot be broken (a Latin word, 字。)
	maxW int // the width on one line
}

type tableData struct {
	head  []cell
	rows  [][]cell
	align []east.Alignment
	// heads and bodies keep the pieces for the header: value fallback.
	heads  [][]piece
	bodies [][][]piece
}

// borders is a table's frame. top and bottom are empty for the Markdown-like
// frame of glamour styles that set table separators (notty, ascii).
type borders struct {
	v             string
	top, mid, bot [4]string // left, fill, cross, right
}

var (
	boxBorders = borders{v: "│",
		top: [4]string{"┌", "─", "┬", "┐"}, mid: [4]string{"├", "─", "┼", "┤"}, bot: [4]string{"└", "─", "┴", "┘"}}
	asciiBorders = borders{v: "|",
		top: [4]string{"+", "-", "+", "+"}, mid: [4]string{"+", "-", "+", "+"}, bot: [4]string{"+", "-", "+", "+"}}
)

func (ts *typesetter) borders() borders {
	t := ts.th.cfg.Table
	b := boxBorders
	if t.ColumnSeparator != nil && t.RowSeparator != nil {
		c := *t.ColumnSeparator
		if t.CenterSeparator != nil {
			c = *t.CenterSeparator
		}
		b = borders{v: *t.ColumnSeparator, mid: [4]string{c, *t.RowSeparator, c, c}}
	}
	for _, s := range []string{b.v, b.mid[0], b.mid[1], b.mid[2], b.top[1], b.bot[1]} {
		if s != "" && ts.m.text(s) != 1 {
			// Ambiguous box drawing at 2 cells (or an odd style file)
			// would not tile evenly: use ASCII.
			return asciiBorders
		}
	}
	return b
}

func (ts *typesetter) readTable(n *east.Table, src []byte) tableData {
	cfg := &ts.th.cfg
	headStyle := merge(ts.th.base, colours(cfg.Strong))
	td := tableData{align: n.Alignments}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		_, isHead := r.(*east.TableHeader)
		row := make([]cell, 0, len(n.Alignments))
		ps := make([][]piece, 0, len(n.Alignments))
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			st := ts.th.base
			if isHead {
				st = headStyle
			}
			p, _ := ts.inlines(c, src, st)
			from := len(ts.cellGlyphs)
			var text string
			ts.cellGlyphs, text = ts.m.pieceGlyphs(ts.cellGlyphs, p)
			mn, mx := measureGlyphs(ts.cellGlyphs[from:])
			row = append(row, cell{src: text, from: from, to: len(ts.cellGlyphs), minW: mn, maxW: mx})
			ps = append(ps, p)
		}
		if isHead {
			td.head, td.heads = row, ps
		} else {
			td.rows, td.bodies = append(td.rows, row), append(td.bodies, ps)
		}
	}
	// Every cell's glyphs are in place now that cellGlyphs stopped growing.
	for r := -1; r < len(td.rows); r++ {
		row := td.head
		if r >= 0 {
			row = td.rows[r]
		}
		for c := range row {
			row[c].gs = ts.cellGlyphs[row[c].from:row[c].to:row[c].to]
		}
	}
	return td
}

// measureGlyphs returns the widest unbreakable run and the widest line of gs.
func measureGlyphs(gs []glyph) (minW, maxW int) {
	run, ink, lineW, lineInk := 0, 0, 0, 0
	for _, g := range gs {
		run += g.w
		lineW += g.w
		if !g.space && !g.nl {
			ink, lineInk = run, lineW
		}
		if g.brk != brkNone {
			minW = max(minW, ink)
			run, ink = 0, 0
		}
		if g.brk == brkMust {
			maxW = max(maxW, lineInk)
			lineW, lineInk = 0, 0
		}
	}
	return max(minW, ink), max(maxW, lineInk)
}

// table lays out a table (rule 4): columns share the width in proportion to
// what their content needs beyond its longest word, cells wrap at legal
// breaks, nothing is truncated. When not even the longest words fit, each
// row becomes a list of "header: value" lines.
func (ts *typesetter) table(n *east.Table, src []byte, width int) []line {
	ls, _ := ts.tableLayout(n, src, width)
	return ls
}

// tableLayout is table, also reporting whether the rows became records.
func (ts *typesetter) tableLayout(n *east.Table, src []byte, width int) (ls []line, records bool) {
	defer func(n int) { ts.cellGlyphs = ts.cellGlyphs[:n] }(len(ts.cellGlyphs))
	td := ts.readTable(n, src)
	cols := len(td.head)
	for _, r := range td.rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil, false
	}
	b := ts.borders()
	vw := ts.m.text(b.v)
	avail := width - (cols+1)*vw - 2*cols
	minW, maxW := make([]int, cols), make([]int, cols)
	for _, r := range append([][]cell{td.head}, td.rows...) {
		for i, c := range r {
			minW[i] = max(minW[i], c.minW, 1)
			maxW[i] = max(maxW[i], c.maxW, 1)
		}
	}
	widths, ok := shareWidths(minW, maxW, avail)
	if !ok {
		return ts.records(td, width), true
	}
	widths = ts.fitWidths(append([][]cell{td.head}, td.rows...), widths, minW, maxW)
	sgr := ts.th.sgr(merge(ts.th.base, ts.th.cfg.Table.StylePrimitive))
	var out []line
	if b.top[0] != "" {
		out = append(out, ts.tableRule(b.top, widths, sgr))
	}
	out = append(out, ts.tableRow(td.head, td.align, widths, b.v, sgr)...)
	multi := false
	bodies := make([][]line, len(td.rows))
	for i, r := range td.rows {
		bodies[i] = ts.tableRow(r, td.align, widths, b.v, sgr)
		multi = multi || len(bodies[i]) > 1
	}
	for i, body := range bodies {
		// Rows of wrapped cells need rules between them to be told apart.
		if i == 0 || multi {
			out = append(out, ts.tableRule(b.mid, widths, sgr))
		}
		out = append(out, body...)
	}
	if b.bot[0] != "" {
		out = append(out, ts.tableRule(b.bot, widths, sgr))
	}
	return out, false
}

// shareWidths fits columns with content widths between minW and maxW into
// avail cells. A column that needs no more than a fair share gets all it
// needs (short headers stay on one line); the others get their longest
// word plus the spare room in proportion to what they still lack.
func shareWidths(minW, maxW []int, avail int) ([]int, bool) {
	n := len(minW)
	if sum(maxW) <= avail {
		return append([]int(nil), maxW...), true
	}
	if sum(minW) > avail {
		return nil, false
	}
	w := make([]int, n)
	fixed := make([]bool, n)
	budget, open := avail, n
	for changed := true; changed && open > 0; {
		changed = false
		fair := budget / open
		for i := range w {
			if !fixed[i] && maxW[i] <= fair {
				w[i], fixed[i] = maxW[i], true
				budget -= maxW[i]
				open--
				changed = true
			}
		}
	}
	need, want := 0, 0
	for i := range w {
		if !fixed[i] {
			need += minW[i]
			want += maxW[i] - minW[i]
		}
	}
	if need > budget {
		// Satisfying the short columns starved a long word: share it all.
		clear(fixed)
		budget, need, want = avail, sum(minW), sum(maxW)-sum(minW)
	}
	spare, given := budget-need, 0
	for i := range w {
		if !fixed[i] {
			extra := spare * (maxW[i] - minW[i]) / max(want, 1)
			w[i] = minW[i] + extra
			given += extra
		}
	}
	// Hand out what rounding left, to the columns that lack the most.
	for ; given < spare; given++ {
		best := -1
		for i := range w {
			if !fixed[i] && (best < 0 || maxW[i]-w[i] > maxW[best]-w[best]) {
				best = i
			}
		}
		w[best]++
	}
	return w, true
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func (ts *typesetter) tableRule(parts [4]string, widths []int, sgr string) line {
	n := len(parts[0]) + len(parts[3])
	for _, w := range widths {
		n += len(parts[2]) + (w+2)*len(parts[1])
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(parts[0])
	for i, w := range widths {
		if i > 0 {
			b.WriteString(parts[2])
		}
		for range w + 2 {
			b.WriteString(parts[1])
		}
	}
	b.WriteString(parts[3])
	s := b.String()
	return styledLine(s, sgr, ts.ruleWidth(s, parts, widths))
}

// ruleWidth is the width of rule s, made of parts around columns of
// widths. Measuring it glyph by glyph was a fifth of typesetting a table;
// when each part is printable ASCII or one box-drawing character, which
// join no neighbour into a grapheme cluster, the parts' widths add up.
func (ts *typesetter) ruleWidth(s string, parts [4]string, widths []int) int {
	for _, p := range parts {
		if !printableASCII(p) && !isBoxDrawing(p) {
			return ts.m.text(s)
		}
	}
	w := ts.m.text(parts[0]) + ts.m.text(parts[3])
	fill, cross := ts.m.text(parts[1]), ts.m.text(parts[2])
	for i, cw := range widths {
		if i > 0 {
			w += cross
		}
		w += (cw + 2) * fill
	}
	return w
}

// isBoxDrawing reports whether s is one character of the Box Drawing block.
func isBoxDrawing(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && r >= 0x2500 && r <= 0x257f
}

// tableRow lays out one row; every line of it is exactly as wide as the
// table, so columns line up by display width.
func (ts *typesetter) tableRow(r []cell, align []east.Alignment, widths []int, v, sgr string) []line {
	cells := make([][]line, len(widths))
	height := 1
	for i := range widths {
		if i < len(r) {
			cells[i] = ts.wrapGlyphs(r[i].gs, r[i].src, widths[i])
		}
		height = max(height, len(cells[i]))
	}
	vw := ts.m.text(v)
	out := make([]line, height)
	first, mid, last := v+" ", " "+v+" ", " "+v
	for y := range out {
		n := 1
		for i := range widths {
			n += 3
			if y < len(cells[i]) {
				n += len(cells[i][y].runs)
			}
		}
		l := line{runs: ts.cutRuns(n)}
		l.runs = append(l.runs, run{text: first, sgr: sgr})
		l.w = vw + 1
		for i, w := range widths {
			var c line
			if y < len(cells[i]) {
				c = cells[i][y]
			}
			left := 0
			if i < len(align) {
				switch align[i] {
				case east.AlignCenter:
					left = (w - c.w) / 2
				case east.AlignRight:
					left = w - c.w
				}
			}
			if left > 0 {
				l.runs = append(l.runs, run{text: spaces(left)})
			}
			l.runs = append(l.runs, c.runs...)
			if right := w - c.w - left; right > 0 {
				l.runs = append(l.runs, run{text: spaces(right)})
			}
			sep := mid
			if i == len(widths)-1 {
				sep = last
			}
			l.runs = append(l.runs, run{text: sep, sgr: sgr})
			l.w += w + 2 + vw
		}
		l.w--
		out[y] = l
	}
	return out
}

// wrapGlyphs fills already measured glyphs, cut from src.
func (ts *typesetter) wrapGlyphs(gs []glyph, src string, width int) []line {
	spans := fill(ts.spans[:0], gs, width)
	ts.spans = spans
	if ts.trace != nil {
		ts.trace(gs, spans, width)
	}
	out := ts.newLines(len(spans))
	for i, sp := range spans {
		out[i] = spanLine(ts.cutRuns, gs, src, sp)
	}
	return out
}

// records is the fallback for a table too wide for the width: each row
// becomes "header: value" paragraphs, rows separated by blank lines.
func (ts *typesetter) records(td tableData, width int) []line {
	var out []line
	for r, body := range td.bodies {
		if r > 0 {
			out = append(out, line{})
		}
		for i, ps := range body {
			var p []piece
			if i < len(td.heads) && len(td.heads[i]) > 0 {
				p = append(p, td.heads[i]...)
				p = append(p, piece{text: ": ", sgr: ts.th.sgr(ts.th.base)})
			}
			p = append(p, ps...)
			out = append(out, ts.wrap(p, width)...)
		}
	}
	if len(td.bodies) == 0 {
		for _, ps := range td.heads {
			out = append(out, ts.wrap(ps, width)...)
		}
	}
	return out
}
