package render

import (
	"github.com/yuin/goldmark/ast"

	"shovel/deck"
)

// parsed is a block's Markdown parsed once and kept for every render.
type parsed struct {
	doc ast.Node
	src []byte
	// text is src as a string (the block's Markdown), for slicing text
	// out of it without a copy.
	text string
}

func (p parsed) first() ast.Node { return p.doc.FirstChild() }

func (p parsed) isHeading() bool {
	_, ok := p.first().(*ast.Heading)
	return ok
}

// tightList reports whether the block is a tight list, and if it is
// ordered.
func (p parsed) tightList() (tight, ordered bool) {
	l, ok := p.first().(*ast.List)
	if !ok || p.first().NextSibling() != nil {
		return false, false
	}
	return l.IsTight, l.IsOrdered()
}

// slideBlock is a visible block of the slide being typeset.
type slideBlock struct {
	b     deck.Block
	p     parsed
	title bool
}

// columnGap separates columns; minColumn is the narrowest column worth
// having: below it, columns are stacked.
const (
	columnGap = 3
	minColumn = 16
)

// margin is the blank border on each side of a content box box cells wide.
func margin(box int) int {
	switch {
	case box >= 30:
		return 2
	case box >= 12:
		return 1
	}
	return 0
}

// stack lays out blocks one under another with blank lines between them.
// Two tight lists split only by a pause stay together, as one list would.
func (ts *typesetter) stack(bs []slideBlock, width int, align deck.Alignment) ([]line, int) {
	var out []line
	titleLines := 0
	for i, sb := range bs {
		if sb.b.NewLines > 0 { // <!-- new_lines: N -->
			out = append(out, make([]line, sb.b.NewLines)...)
			continue
		}
		var ls []line
		ts.cur = sb.p
		if sb.title {
			ls = ts.heading(sb.p.first().(*ast.Heading), sb.p.src, width, true)
		} else {
			ls = ts.children(sb.p.doc, sb.p.src, width, false)
		}
		if len(ls) == 0 {
			continue
		}
		if align == deck.AlignCenter || align == deck.AlignRight {
			ls = place(ls, width, sb.p, align)
		}
		if len(out) > 0 && !continuesList(bs[i-1], sb) {
			out = append(out, line{})
		}
		if sb.title && len(out) == 0 {
			titleLines = len(ls)
		}
		out = append(out, ls...)
	}
	return out, titleLines
}

func continuesList(prev, cur slideBlock) bool {
	pt, po := prev.p.tightList()
	ct, co := cur.p.tightList()
	return pt && ct && po == co && cur.b.Step > prev.b.Step
}

// place centres a block for alignment: center, or puts it against the
// right edge for alignment: right. Paragraphs and headings are placed line
// by line; anything with a shape of its own (lists, tables, code) is placed
// as a whole.
func place(ls []line, width int, p parsed, align deck.Alignment) []line {
	perLine := false
	switch p.first().(type) {
	case *ast.Paragraph, *ast.Heading:
		perLine = p.first().NextSibling() == nil
	}
	bw := blockWidth(ls)
	out := make([]line, len(ls))
	for i, l := range ls {
		w := bw
		if perLine {
			w = l.w
		}
		if align == deck.AlignRight {
			out[i] = pad(l, width-w)
		} else {
			out[i] = pad(l, (width-w)/2)
		}
	}
	return out
}

// columns lays out one column layout: each column typeset at its share of
// the width, joined side by side by display width.
func (ts *typesetter) columns(lay deck.ColumnLayout, bs []slideBlock, width int, align deck.Alignment) []line {
	n := max(len(lay.Widths), 1)
	total := 0
	for i := 0; i < n; i++ {
		total += ratio(lay, i)
	}
	room := width - columnGap*(n-1)
	colW := make([]int, n)
	used := 0
	for i := range colW {
		colW[i] = room * ratio(lay, i) / total
		used += colW[i]
	}
	colW[n-1] += room - used
	byCol := make([][]slideBlock, n)
	for _, sb := range bs {
		c := min(max(sb.b.Column, 0), n-1)
		byCol[c] = append(byCol[c], sb)
	}
	for _, w := range colW {
		if w < minColumn {
			return ts.columnRows(lay, byCol, width, align)
		}
	}
	cols := make([][]line, n)
	height := 0
	for i, c := range byCol {
		cols[i], _ = ts.stack(c, colW[i], align)
		height = max(height, len(cols[i]))
	}
	out := make([]line, height)
	for y := range out {
		var l line
		x := 0 // where the next column starts
		for i, c := range cols {
			if y >= len(c) || c[y].w == 0 {
				x += colW[i] + columnGap
				continue
			}
			if gap := x - l.w; gap > 0 {
				l.runs = append(l.runs, run{text: spaces(gap)})
				l.w += gap
			}
			l.runs = append(l.runs, c[y].runs...)
			l.w += c[y].w
			x += colW[i] + columnGap
		}
		out[y] = l
	}
	return out
}

func ratio(lay deck.ColumnLayout, i int) int {
	if i < len(lay.Widths) && lay.Widths[i] > 0 {
		return lay.Widths[i]
	}
	return 1
}

// columnRows lays out a column layout too wide for the box: as many
// columns side by side as fit at a readable width, the rest in rows below;
// when not even two fit, the columns go one under another.
func (ts *typesetter) columnRows(lay deck.ColumnLayout, byCol [][]slideBlock, width int, align deck.Alignment) []line {
	n := len(byCol)
	per := 1
	for k := n - 1; k >= 2; k-- {
		if fits(lay, k, width) {
			per = k
			break
		}
	}
	var out []line
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		var ls []line
		if per == 1 {
			ls, _ = ts.stack(byCol[start], width, align)
		} else {
			sub := deck.ColumnLayout{Pos: lay.Pos}
			var bs []slideBlock
			for c := start; c < end; c++ {
				sub.Widths = append(sub.Widths, ratio(lay, c))
				for _, sb := range byCol[c] {
					sb.b.Column = c - start
					bs = append(bs, sb)
				}
			}
			ls = ts.columns(sub, bs, width, align)
		}
		if len(ls) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, line{})
		}
		out = append(out, ls...)
	}
	return out
}

// fits reports whether every run of k consecutive columns of lay, laid
// side by side in width cells, leaves each column at least minColumn.
func fits(lay deck.ColumnLayout, k, width int) bool {
	n := max(len(lay.Widths), 1)
	for start := 0; start < n; start += k {
		end := min(start+k, n)
		total := 0
		for c := start; c < end; c++ {
			total += ratio(lay, c)
		}
		room := width - columnGap*(end-start-1)
		for c := start; c < end; c++ {
			if room*ratio(lay, c)/total < minColumn {
				return false
			}
		}
	}
	return true
}
