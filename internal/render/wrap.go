package render

import (
	"strings"

	"shovel/internal/termsafe"
)

// lineSpan is one filled line: glyphs[from:to], spaces at both ends
// already trimmed away.
type lineSpan struct {
	from, to int
	// forced is true when the line ends inside an unbreakable run (a word
	// wider than the whole width), not at a break opportunity.
	forced bool
	// hard is true when the line ends at a hard line break.
	hard bool
}

// fill breaks gs into lines of at most width cells, appended to dst, greedily: a line takes
// every run between break opportunities that still fits, so no line ends
// while the next word or character would have fitted (rule 3). A run wider
// than width is split between graphemes, keeping kinsoku where it can. Only
// a single glyph wider than width can make a line overflow.
func fill(dst []lineSpan, gs []glyph, width int) []lineSpan {
	if width < 1 {
		width = 1
	}
	out := dst
	first := len(dst)
	start, lw := 0, 0 // current line: gs[start:i], lw cells including hanging spaces
	emit := func(to int, forced, hard bool) {
		out = append(out, trimSpan(gs, start, to, forced, hard, len(out) > first))
		start, lw = to, 0
	}
	for i := 0; i < len(gs); {
		// The run gs[i:j] ends at the next break opportunity.
		j, runW, inkW := i, 0, 0
		for j < len(gs) {
			g := gs[j]
			runW += g.w
			if !g.space {
				inkW = runW
			}
			j++
			if g.brk != brkNone {
				break
			}
		}
		if i > start && lw+inkW > width {
			emit(i, false, false)
		}
		if i == start && inkW > width {
			lw = splitRun(gs, i, j, width, func(to int) { emit(to, true, false) })
		} else {
			lw += runW
		}
		i = j
		if gs[j-1].brk == brkMust {
			emit(j, false, true)
		}
	}
	if start < len(gs) || len(out) == first || out[len(out)-1].hard {
		emit(len(gs), false, false)
	}
	return out
}

// splitRun places the unbreakable run gs[i:j], wider than width, on lines
// of its own, breaking between glyphs. It calls emit for each full line and
// returns the width of the last, unfinished one. It avoids starting a line
// with a closing mark or ending one with an opening mark by moving the
// break back while the line keeps at least one glyph.
func splitRun(gs []glyph, i, j, width int, emit func(to int)) int {
	start, w := i, 0
	for k := i; k < j; k++ {
		if k > start && w+gs[k].w > width && !gs[k].space {
			b := k
			for b > start+1 && breaksKinsoku(gs, start, b, k) {
				b--
			}
			if lineWidth(gs, b, k+1) > width {
				b = k // moving the break back would overflow the next line
			}
			emit(b)
			start, w = b, lineWidth(gs, b, k)
		}
		if w > 0 || !gs[k].space || k == i {
			w += gs[k].w
		}
	}
	return w
}

// lineWidth is the width of gs[from:to] on a line of its own: leading
// spaces are trimmed at a break.
func lineWidth(gs []glyph, from, to int) int {
	w := 0
	for m := from; m < to; m++ {
		if w > 0 || !gs[m].space {
			w += gs[m].w
		}
	}
	return w
}

// breaksKinsoku reports whether a line break before gs[b], inside the run
// gs[start:k], would start a line with a closing mark or end one with an
// opening mark; the spaces dropped at the break are looked through.
func breaksKinsoku(gs []glyph, start, b, k int) bool {
	next := b
	for next < k && gs[next].space {
		next++
	}
	prev := b - 1
	for prev > start && gs[prev].space {
		prev--
	}
	return kinsokuStart(gs[next]) || kinsokuEnd(gs[prev])
}

func kinsokuStart(g glyph) bool { return !g.deco && noStart(firstRune(g.s)) }
func kinsokuEnd(g glyph) bool   { return !g.deco && noEnd(firstRune(g.s)) }

// trimSpan drops the spaces that hang at a line's end (and, on every line
// but the first, at its start) and the line break characters.
func trimSpan(gs []glyph, from, to int, forced, hard, notFirst bool) lineSpan {
	for to > from && (gs[to-1].space || gs[to-1].nl) {
		to--
	}
	for notFirst && from < to && gs[from].space {
		from++
	}
	return lineSpan{from: from, to: to, forced: forced, hard: hard}
}

// WrapText breaks plain text (no escape sequences) into lines of at most
// width cells with the same rules as slides: UAX #14 break opportunities,
// Chinese line-start and line-end rules, Latin words and numbers kept
// whole unless wider than width, East Asian ambiguous characters 1 cell.
// Newlines in text are kept. A line is wider than width only when it holds
// a single character wider than width (a wide character at width 1).
func WrapText(text string, width int) []string {
	return wrapPlain(newMeasurer(1), text, width)
}

// WrapTextAmbiguous is WrapText measuring East Asian ambiguous characters
// as amb cells.
func WrapTextAmbiguous(text string, width, amb int) []string {
	return wrapPlain(newMeasurer(amb), text, width)
}

func wrapPlain(m measurer, text string, width int) []string {
	gs := m.appendGlyphs(nil, termsafe.Text(text), "")
	spans := fill(nil, gs, width)
	out := make([]string, len(spans))
	var b strings.Builder
	for n, sp := range spans {
		b.Reset()
		for _, g := range gs[sp.from:sp.to] {
			if !g.nl {
				b.WriteString(g.s)
			}
		}
		out[n] = b.String()
	}
	return out
}
