package render

import (
	"fmt"
	"strings"
)

// checkFill verifies the typesetting rules on one filled paragraph: gs
// filled at width into spans. It returns a description of every broken
// rule, so that callers can report where the paragraph came from.
func checkFill(gs []glyph, spans []lineSpan, width int) []string {
	var errs []string
	text := func(sp lineSpan) string {
		var b strings.Builder
		for _, g := range gs[sp.from:sp.to] {
			if !g.nl {
				b.WriteString(g.s)
			}
		}
		return b.String()
	}
	for n, sp := range spans {
		w := 0
		for _, g := range gs[sp.from:sp.to] {
			w += g.w
		}
		// Rule 1: only a single glyph wider than the width may overflow.
		if w > width && sp.to-sp.from > 1 {
			errs = append(errs, fmt.Sprintf("line %d %q is %d cells wide, more than %d", n, text(sp), w, width))
		}
		if n+1 == len(spans) || sp.hard {
			continue
		}
		next := spans[n+1]
		// Rule 2: kinsoku at every break the filler chose. Inside a run
		// wider than the line (forced) it is best effort: "!  !" cannot be
		// set in 3 cells without a line starting with "!".
		if !sp.forced {
			if next.from < next.to && kinsokuStart(gs[next.from]) {
				errs = append(errs, fmt.Sprintf("line %d %q starts with a closing mark", n+1, text(next)))
			}
			if sp.to > sp.from && kinsokuEnd(gs[sp.to-1]) {
				errs = append(errs, fmt.Sprintf("line %d %q ends with an opening mark", n, text(sp)))
			}
		}
		// Rule 3: the next run (up to its first break opportunity) did not
		// fit after this line and the spaces between.
		if !sp.forced {
			k, ink := sp.from, 0
			run := 0
			for k < len(gs) {
				run += gs[k].w
				if !gs[k].space && !gs[k].nl {
					ink = run
				}
				k++
				if k > next.from && gs[k-1].brk != brkNone {
					break
				}
			}
			if ink <= width {
				errs = append(errs, fmt.Sprintf("premature break after line %d %q: the next run would have fitted (%d ≤ %d)", n, text(sp), ink, width))
			}
		}
	}
	return errs
}

// removeSpace drops the characters a wrapper may legitimately remove at a
// line break: spaces and line breaks.
func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u2028', '\u2029':
			return -1
		}
		return r
	}, s)
}
