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
func (l line) String() string {
	n := 0
	for _, r := range l.runs {
		n += len(r.text) + len(r.sgr)
		if r.sgr != "" {
			n += len(sgrReset)
		}
	}
	var b strings.Builder
	b.Grow(n)
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

// spaces returns n spaces.
func spaces(n int) string {
	if n <= 0 {
		return ""
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
// neighbours of the same style.
func spanLine(gs []glyph, sp lineSpan) line {
	var l line
	var b strings.Builder
	cur := ""
	flush := func() {
		if b.Len() > 0 {
			l.runs = append(l.runs, run{text: b.String(), sgr: cur})
			b.Reset()
		}
	}
	for _, g := range gs[sp.from:sp.to] {
		if g.nl {
			continue
		}
		if g.sgr != cur {
			flush()
			cur = g.sgr
		}
		b.WriteString(g.s)
		l.w += g.w
	}
	flush()
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
