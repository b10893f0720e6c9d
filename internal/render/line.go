package render

import "strings"

// run is text in one style. Styles survive wrapping because the wrapper
// works on runs, never on strings with escape sequences in them.
type run struct {
	text string
	sgr  string // escape sequence switching the style on; "" for plain
}

// line is a typeset line and its display width.
type line struct {
	runs []run
	w    int
}

const sgrReset = "\x1b[0m"

// String renders l with escape sequences; every styled run is reset at its
// end, so lines can be cut, padded and joined freely.
func (l line) String() string { return l.padded(0) }

// padded renders l after left spaces, as pad(l, left).String() does.
func (l line) padded(left int) string {
	if l.w == 0 {
		left = 0
	}
	n := max(left, 0)
	for _, r := range l.runs {
		n += len(r.text) + len(r.sgr)
		if r.sgr != "" {
			n += len(sgrReset)
		}
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(spaces(left))
	for _, r := range l.runs {
		if r.sgr == "" {
			b.WriteString(r.text)
			continue
		}
		b.WriteString(r.sgr)
		b.WriteString(r.text)
		b.WriteString(sgrReset)
	}
	return b.String()
}

func styledLine(s, sgr string, w int) line {
	if s == "" {
		return line{}
	}
	return line{runs: []run{{text: s, sgr: sgr}}, w: w}
}

// indent puts prefix (of width pw) before l.
func indent(l line, prefix run, pw int) line {
	if l.w == 0 && strings.TrimSpace(prefix.text) == "" {
		return line{} // no trailing spaces on empty lines
	}
	runs := make([]run, 0, len(l.runs)+1)
	if prefix.text != "" {
		runs = append(runs, prefix)
	}
	return line{runs: append(runs, l.runs...), w: l.w + pw}
}

// blanks backs spaces: the widths a slide pads by, without an allocation.
const blanks = "                                                                " +
	"                                                                " +
	"                                                                " +
	"                                                                "

// spaces returns n spaces.
func spaces(n int) string {
	switch {
	case n <= 0:
		return ""
	case n <= len(blanks):
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// pad puts n spaces before l.
func pad(l line, n int) line {
	if n <= 0 || l.w == 0 {
		return l
	}
	return indent(l, run{text: spaces(n)}, n)
}

// spanLine turns the glyphs of one filled line into runs, merging
// neighbours of the same style. src is the text the glyphs were cut from
// (see glyph.off): a run of neighbours in it is a slice of it, not a copy.
// cut provides the line's runs: a slice of length 0 and capacity n.
func spanLine(cut func(n int) []run, gs []glyph, src string, sp lineSpan) line {
	n, prev := 0, ""
	for _, g := range gs[sp.from:sp.to] {
		if !g.nl && (n == 0 || g.sgr != prev) {
			n, prev = n+1, g.sgr
		}
	}
	if n == 0 {
		return spanRuns(nil, gs, src, sp)
	}
	return spanRuns(cut(n), gs, src, sp)
}

// spanRuns is spanLine appending the runs to runs.
func spanRuns(runs []run, gs []glyph, src string, sp lineSpan) line {
	var l line
	var b strings.Builder
	cur := ""
	from, to := -1, -1 // while from >= 0, the run so far is src[from:to]
	flush := func() {
		switch {
		case from >= 0:
			runs = append(runs, run{text: src[from:to], sgr: cur})
		case b.Len() > 0:
			runs = append(runs, run{text: b.String(), sgr: cur})
			b.Reset()
		}
		from, to = -1, -1
	}
	for _, g := range gs[sp.from:sp.to] {
		if g.nl {
			continue
		}
		if g.sgr != cur {
			flush()
			cur = g.sgr
		}
		l.w += g.w
		end := int(g.off) + len(g.s)
		switch {
		case g.off >= 0 && end <= len(src) && (from < 0 && b.Len() == 0 || from >= 0 && int(g.off) == to):
			if from < 0 {
				from = int(g.off)
			}
			to = end
		case from >= 0:
			b.WriteString(src[from:to])
			from, to = -1, -1
			fallthrough
		default:
			b.WriteString(g.s)
		}
	}
	flush()
	if len(runs) > 0 {
		l.runs = runs
	}
	return l
}

// blockWidth is the width of the widest line.
func blockWidth(ls []line) int {
	w := 0
	for _, l := range ls {
		w = max(w, l.w)
	}
	return w
}
