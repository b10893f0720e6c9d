package render

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark/ast"

	"shovel/deck"
	"shovel/internal/termsafe"
)

// The fast paths in appendGlyphs, pieceGlyphs and spanLine must not
// change a single glyph, break or run. These tests hold them to the
// straightforward versions below (the code as it was before them) on
// random text mixing ASCII with what the fast paths must leave to uniseg:
// combining marks, CR LF, tabs, emoji sequences, regional indicators,
// Chinese and its punctuation, ambiguous characters.

func refAppendGlyphs(m measurer, dst []glyph, s, sgr string) []glyph {
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
		var uw int
		g, t, uw, grState = uniseg.FirstGraphemeClusterInString(t, grState)
		off += len(g)
		for off > segEnd {
			nextSeg()
		}
		gl := glyph{s: g, sgr: sgr, w: m.cluster(g, uw)}
		switch g {
		case " ", "\t":
			gl.space, gl.s, gl.w = true, " ", 1
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
		dst[n-1].brk = brkCan
	}
	tailor(dst[first:])
	return dst
}

func refPieceGlyphs(m measurer, ps []piece) []glyph {
	var text strings.Builder
	type styleEnd struct {
		end  int
		sgr  string
		glue bool
	}
	var ends []styleEnd
	type deco struct {
		at int
		p  piece
	}
	var decos []deco
	for i, p := range ps {
		switch p.kind {
		case pText:
			text.WriteString(termsafe.Text(p.text))
		case pSoft:
			text.WriteString(softBreak(ps, i))
		case pHard:
			text.WriteByte('\n')
		default:
			decos = append(decos, deco{text.Len(), p})
			continue
		}
		ends = append(ends, styleEnd{text.Len(), p.sgr, p.glue})
	}
	s := text.String()
	gs := refAppendGlyphs(m, nil, s, "")
	off, e := 0, 0
	for i := range gs {
		for e+1 < len(ends) && off >= ends[e].end {
			e++
		}
		gs[i].sgr = ends[e].sgr
		off += len(gs[i].s)
		if ends[e].glue && off < ends[e].end && gs[i].brk == brkCan {
			gs[i].brk = brkNone
		}
	}
	if len(decos) == 0 {
		return gs
	}
	var out []glyph
	off, d := 0, 0
	for i := 0; i <= len(gs); i++ {
		if d < len(decos) && decos[d].at == off {
			b := brkNone
			if n := len(out); n > 0 {
				b, out[n-1].brk = out[n-1].brk, brkNone
			}
			placed := false
			for d < len(decos) && decos[d].at == off {
				p := decos[d].p
				d++
				if p.kind == pPrefix && !placed {
					if n := len(out); n > 0 {
						out[n-1].brk = b
					}
					placed = true
				}
				out = append(out, glyph{s: p.text, sgr: p.sgr, w: m.text(p.text), deco: true})
			}
			if n := len(out); !placed && n > 0 {
				out[n-1].brk = b
			}
		}
		if i < len(gs) {
			out = append(out, gs[i])
			off += len(gs[i].s)
		}
	}
	return out
}

func refSpanLine(gs []glyph, sp lineSpan) line {
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

var glyphFragments = []string{
	"a", "Z", "0", "42", " ", "  ", "\t", "\n", "\r\n", "\r", "-", "(", ")", "\"", "'", "/", ".", ",", "%", "$",
	"word", "RISC-V", "x86-64", "1.5", "e\u0301", "a\u0308b", "\u200d", "👍", "👍🏽", "👨\u200d👩\u200d👧",
	"🇨🇳", "🇩🇪🇫🇷", "❤\ufe0f", "中", "中文", "优势", "。", "，", "“", "”", "（", "）", "——", "…", "·",
	"①", "∝", "한국", "カタカナ", "\u2028", "\u00a0", "https://example.com/x", "\x7f", "\x01",
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(glyphFragments[rng.IntN(len(glyphFragments))])
	}
	return b.String()
}

// sameGlyphs compares everything but off, and checks off against src.
func sameGlyphs(t *testing.T, what string, got, want []glyph, src string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d glyphs, want %d", what, len(got), len(want))
	}
	for i := range got {
		g := got[i]
		if g.off >= 0 && src[g.off:int(g.off)+len(g.s)] != g.s {
			t.Fatalf("%s: glyph %d (%q) says it is at %d of %q", what, i, g.s, g.off, src)
		}
		g.off = 0
		if g != want[i] {
			t.Fatalf("%s: glyph %d is %+v, want %+v", what, i, g, want[i])
		}
	}
}

func TestAppendGlyphsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, amb := range []int{1, 2} {
		m := newMeasurer(amb)
		for i := range 3000 {
			s := randomText(rng, 1+i%24)
			sameGlyphs(t, fmt.Sprintf("appendGlyphs(%q)", s), m.appendGlyphs(nil, s, "x"), refAppendGlyphs(m, nil, s, "x"), s)
		}
	}
}

func TestPieceGlyphsAndSpanLineMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := newMeasurer(1)
	kinds := []pieceKind{pText, pText, pText, pPrefix, pSuffix, pSoft, pHard}
	sgrs := []string{"", "\x1b[1m", "\x1b[3m"}
	var scratch []glyph
	for i := range 3000 {
		var ps []piece
		for range 1 + i%7 {
			k := kinds[rng.IntN(len(kinds))]
			p := piece{kind: k, sgr: sgrs[rng.IntN(len(sgrs))], glue: rng.IntN(5) == 0}
			if k != pSoft && k != pHard {
				p.text = randomText(rng, 1+rng.IntN(6))
			}
			ps = append(ps, p)
		}
		want := refPieceGlyphs(m, ps)
		gs, src := m.pieceGlyphs(scratch[:0], ps)
		sameGlyphs(t, "pieceGlyphs", gs, want, src)
		scratch = gs
		for _, width := range []int{1, 3, 8, 20} {
			for _, sp := range fill(nil, gs, width) {
				got := spanLine(func(n int) []run { return make([]run, 0, n) }, gs, src, sp)
				exp := refSpanLine(want, sp)
				if got.w != exp.w || len(got.runs) != len(exp.runs) {
					t.Fatalf("spanLine %+v of %q: %+v, want %+v", sp, src, got, exp)
				}
				for j := range got.runs {
					if got.runs[j] != exp.runs[j] {
						t.Fatalf("spanLine %+v of %q: run %d is %+v, want %+v", sp, src, j, got.runs[j], exp.runs[j])
					}
				}
			}
		}
	}
}

// textValue slices text out of the block's source where deck.TextValue
// would copy it; both must say the same for every text node.
func TestTextValueMatchesDeck(t *testing.T) {
	r, err := New(&deck.Deck{}, Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	for _, md := range []string{
		"plain *emph* **strong** `code \\* span` text",
		"escaped \\* star, \\_under\\_, \\\\ backslash",
		"entities &amp; &lt;tag&gt; &#20013; &copy; & alone",
		"line one  \nline two\\\nthree\nfour",
		"| a | b \\| c |\n|---|---|\n| &amp; | `x` |",
		"- item *one*\n- item &amp; two\n\n    indented code &amp;",
		"[link &amp; text](https://example.com/?a=1&b=2) <https://auto.link/x>",
		"中文段落，\\*星号\\*和&nbsp;空格。",
	} {
		p := r.parseText(md)
		ts := r.typesetter()
		ts.cur = p
		in := ts.inliner(p.src)
		if in.str == "" {
			t.Fatalf("%q: the inliner has no source string", md)
		}
		_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if tx, ok := n.(*ast.Text); ok && entering {
				if got, want := in.textValue(tx), deck.TextValue(tx, p.src); got != want {
					t.Errorf("%q: text node %q, want %q", md, got, want)
				}
			}
			return ast.WalkContinue, nil
		})
	}
}
