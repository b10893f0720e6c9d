package render

import (
	"slices"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// brk is the kind of line break allowed after a glyph.
type brk uint8

const (
	brkNone brk = iota // no break here
	brkCan             // a line may end here
	brkMust            // a line must end here (hard line break)
)

// glyph is the unit of line filling: one grapheme cluster of text, or a
// whole decoration (a heading prefix, the padding of a code span) that is
// glued to the text beside it.
type glyph struct {
	s   string
	sgr string // SGR sequence that styles s; empty for plain text
	w   int    // display width in cells
	// off is where s starts in the text the glyph was cut from, or -1
	// when s is not that text's bytes (a decoration, a tab drawn as a
	// space): spanLine slices a run of neighbours instead of copying.
	off   int32
	brk   brk  // break opportunity after this glyph
	space bool // a breaking space: hangs at a line end and is dropped there
	nl    bool // a line break character: forces a break, never drawn
	deco  bool // a decoration, not text: exempt from kinsoku
}

// appendGlyphs appends the grapheme clusters of s (control characters
// already replaced by termsafe.Text), with their widths and
// the break opportunities after each (UAX #14, then tailored), to dst.
func (m measurer) appendGlyphs(dst []glyph, s, sgr string) []glyph {
	// A grapheme cluster has at least one rune: one allocation at most.
	dst = slices.Grow(dst, utf8.RuneCountInString(s))
	first := len(dst)
	lineState, grState := -1, -1
	rest := s
	off := 0
	segEnd, segMust := 0, false
	nextSeg := func() {
		if rest == "" {
			segEnd, segMust = len(s)+1, false
			return
		}
		var seg string
		seg, rest, segMust, lineState = uniseg.FirstLineSegmentInString(rest, lineState)
		segEnd += len(seg)
	}
	nextSeg()
	for t := s; len(t) > 0; {
		var g string
		var gw int
		if c := t[0]; c >= 0x20 && c < 0x7f && (len(t) == 1 || t[1] < utf8.RuneSelf) {
			// Printable ASCII before ASCII is a cluster of its own, one
			// cell wide (UAX #29 joins only CR LF and marks that follow);
			// the next cluster starts afresh, as after any such boundary.
			g, t, gw, grState = t[:1], t[1:], 1, -1
		} else {
			var uw int
			g, t, uw, grState = uniseg.FirstGraphemeClusterInString(t, grState)
			gw = m.cluster(g, uw)
		}
		gl := glyph{s: g, sgr: sgr, w: gw, off: int32(off)}
		off += len(g)
		for off > segEnd {
			nextSeg()
		}
		switch g {
		case " ":
			gl.space = true
		case "\t":
			gl.space, gl.s, gl.w, gl.off = true, " ", 1, -1
		case "\n", "\r\n", "\r", "\u2028", "\u2029":
			gl.nl, gl.w = true, 0
		}
		if off == segEnd {
			gl.brk = brkCan
			if segMust && len(t) > 0 {
				gl.brk = brkMust
			}
			nextSeg()
		}
		if gl.nl {
			gl.brk = brkMust
		}
		dst = append(dst, gl)
	}
	if n := len(dst); n > first && !dst[n-1].nl {
		dst[n-1].brk = brkCan // end of text: whatever follows decides
	}
	tailor(dst[first:])
	return dst
}
