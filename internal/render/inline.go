package render

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"shovel/deck"
	"shovel/internal/termsafe"
)

type pieceKind uint8

const (
	pText   pieceKind = iota
	pPrefix           // decoration glued to the text after it
	pSuffix           // decoration glued to the text before it
	pSoft             // soft line break in the source
	pHard             // hard line break
)

// piece is a stretch of inline content in one style, before wrapping.
type piece struct {
	text string
	sgr  string
	kind pieceKind
	// glue keeps the text on one line when it fits (a URL: breaking it
	// after "https://" would make it hard to read and to copy).
	glue bool
}

// task is a task list item's check box, found in its first paragraph.
type task uint8

const (
	noTask task = iota
	taskOpen
	taskDone
)

// inliner flattens goldmark inline nodes into styled pieces.
type inliner struct {
	th   *theme
	sgrs *sgrMemo
	src  []byte
	str  string // src as a string when the typesetter has it; else ""
	out  []piece
	task task
	// refs numbers link and image addresses in a handout; nil elsewhere.
	refs *refList
	// keepBreaks makes every line break of the source a line break.
	keepBreaks bool
}

func (ts *typesetter) inliner(src []byte) inliner {
	in := inliner{th: ts.th, sgrs: &ts.sgrs, src: src, refs: ts.refs, keepBreaks: ts.keepBreaks}
	if b := ts.cur.src; len(src) > 0 && len(b) == len(src) && &b[0] == &src[0] {
		in.str = ts.cur.text
	}
	return in
}

// inlines returns the pieces of n's inline children, styled from st.
func (ts *typesetter) inlines(n ast.Node, src []byte, st StylePrimitive) ([]piece, task) {
	in := ts.inliner(src)
	// The pieces go into the free end of the typesetter's slab; they
	// stay there unless they outgrow it.
	if cap(ts.pieces)-len(ts.pieces) < 8 {
		ts.pieces = make([]piece, 0, 64)
	}
	first := len(ts.pieces)
	in.out = ts.pieces[first:first]
	in.walk(n, st)
	out := in.out
	if k := len(out); k > 0 && first+k <= cap(ts.pieces) && &ts.pieces[:first+1][first] == &out[0] {
		ts.pieces = ts.pieces[:first+k]
		out = out[:k:k]
	}
	return out, in.task
}

func (in *inliner) text(s string, st StylePrimitive) {
	if s != "" {
		in.out = append(in.out, piece{text: transform(st, s), sgr: in.sgrs.sgr(st)})
	}
}

func (in *inliner) deco(s string, st StylePrimitive, kind pieceKind) {
	if s = oneLine(s); s != "" {
		in.out = append(in.out, piece{text: s, sgr: in.sgrs.sgr(st), kind: kind})
	}
}

// element renders an inline element with style child the way glamour does:
// block prefix/suffix in the parent's style, prefix/suffix and content in
// the element's own.
func (in *inliner) element(parent, child StylePrimitive, content func(StylePrimitive)) {
	st := merge(parent, child)
	in.deco(child.BlockPrefix, parent, pPrefix)
	in.deco(child.Prefix, st, pPrefix)
	content(colours(st))
	in.deco(child.Suffix, st, pSuffix)
	in.deco(child.BlockSuffix, parent, pSuffix)
}

func (in *inliner) walk(n ast.Node, st StylePrimitive) {
	cfg := &in.th.cfg
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			in.text(in.textValue(c), st)
			if c.HardLineBreak() || in.keepBreaks && c.SoftLineBreak() {
				in.out = append(in.out, piece{kind: pHard})
			} else if c.SoftLineBreak() {
				in.out = append(in.out, piece{kind: pSoft, sgr: in.sgrs.sgr(st)})
			}
		case *ast.String:
			in.text(string(c.Value), st)
		case *ast.CodeSpan:
			in.element(st, cfg.Code.StylePrimitive, func(s StylePrimitive) {
				in.text(deck.PlainText(c, in.src), s)
			})
		case *ast.Emphasis:
			child := cfg.Emph
			if c.Level >= 2 {
				child = cfg.Strong
			}
			in.element(st, child, func(s StylePrimitive) { in.walk(c, s) })
		case *east.Strikethrough:
			in.element(st, cfg.Strikethrough, func(s StylePrimitive) { in.walk(c, s) })
		case *ast.Link:
			in.element(st, cfg.LinkText, func(s StylePrimitive) { in.walk(c, s) })
			if in.refs != nil {
				in.ref(linkRef(c, in.src), st)
			} else {
				in.url(string(c.Destination), deck.PlainText(c, in.src), st)
			}
		case *ast.AutoLink:
			in.element(st, cfg.Link, func(s StylePrimitive) { in.glued(string(c.URL(in.src)), s) })
		case *ast.Image:
			alt := deck.PlainText(c, in.src)
			in.element(st, cfg.ImageText, func(s StylePrimitive) {
				f := cfg.ImageText.Format
				if f == "" {
					f = "{{.text}}"
				}
				if alt == "" {
					f = strings.ReplaceAll(f, ": {{.text}}", "")
				}
				in.text(strings.ReplaceAll(f, "{{.text}}", alt), s)
			})
			if in.refs != nil {
				in.ref(string(c.Destination), st)
			} else {
				in.url(string(c.Destination), "", st)
			}
		case *ast.RawHTML:
			if isBreakTag(c.Segments.Value(in.src)) {
				in.out = append(in.out, piece{kind: pHard})
			}
		case *east.TaskCheckBox:
			in.task = taskOpen
			if c.IsChecked {
				in.task = taskDone
			}
		default:
			in.walk(c, st)
		}
	}
}

// textValue is deck.TextValue(t, in.src), sliced out of in.str when
// there is nothing to unescape: no copy of every text node.
func (in *inliner) textValue(t *ast.Text) string {
	if seg := t.Segment; in.str != "" && seg.Padding == 0 && !seg.ForceNewline {
		v := in.str[seg.Start:seg.Stop]
		if t.IsRaw() || strings.IndexByte(v, '\\') < 0 && strings.IndexByte(v, '&') < 0 {
			return v
		}
	}
	return deck.TextValue(t, in.src)
}

// url shows a link's destination after its text, as glamour does: a
// terminal slide cannot be clicked, and export needs the address.
func (in *inliner) url(dest, text string, st StylePrimitive) {
	if dest == "" || dest == text || strings.HasPrefix(dest, "#") {
		return
	}
	in.out = append(in.out, piece{text: " ", sgr: in.sgrs.sgr(st)})
	in.element(st, in.th.cfg.Link, func(s StylePrimitive) { in.glued(dest, s) })
}

// ref shows the number of dest in a handout's reference list, glued to
// the text before it: "shovel [1]", or "财报[1]" after Chinese, which
// takes no space.
func (in *inliner) ref(dest string, st StylePrimitive) {
	n := in.refs.num[dest]
	if n == 0 {
		return
	}
	sep := " "
	for i := len(in.out) - 1; i >= 0; i-- {
		if p := in.out[i]; p.kind == pText && p.text != "" {
			if unspaced(lastRune(p.text)) {
				sep = ""
			}
			break
		}
	}
	in.deco(sep+"["+strconv.Itoa(n)+"]", st, pSuffix)
}

func (in *inliner) glued(s string, st StylePrimitive) {
	if s != "" {
		in.out = append(in.out, piece{text: s, sgr: in.sgrs.sgr(st), glue: true})
	}
}

func isBreakTag(v []byte) bool {
	s := strings.ToLower(strings.ReplaceAll(string(v), " ", ""))
	return s == "<br>" || s == "<br/>"
}

// pieceGlyphs appends the glyphs of pieces, with break opportunities, to
// dst and returns them with the text they were cut from (see glyph.off).
// Line breaking runs over the text of all pieces at once, so a break
// between two styles follows the same rules as one inside a style;
// decorations are then glued to the text beside them.
func (m measurer) pieceGlyphs(dst []glyph, ps []piece) ([]glyph, string) {
	type styleEnd struct {
		end  int
		sgr  string
		glue bool
	}
	type deco struct {
		at int
		p  piece
	}
	n, texts := 0, 0
	for _, p := range ps {
		n += len(p.text) + 1
		if p.kind == pText || p.kind == pSoft || p.kind == pHard {
			texts++
		}
	}
	// The text of all pieces; a single piece's is used as it is.
	var text strings.Builder
	s := ""
	if texts > 1 {
		text.Grow(n)
	}
	ends := make([]styleEnd, 0, texts)
	var decos []deco
	if texts < len(ps) {
		decos = make([]deco, 0, len(ps)-texts)
	}
	for i, p := range ps {
		var t string
		switch p.kind {
		case pText:
			// Controls become pictures here, before offsets are taken.
			t = termsafe.Text(p.text)
		case pSoft:
			t = softBreak(ps, i)
		case pHard:
			t = "\n"
		default:
			decos = append(decos, deco{len(s) + text.Len(), p})
			continue
		}
		if texts == 1 {
			s = t
		} else {
			text.WriteString(t)
		}
		ends = append(ends, styleEnd{len(s) + text.Len(), p.sgr, p.glue})
	}
	if texts > 1 {
		s = text.String()
	}
	first, nd := len(dst), len(decos)
	// One allocation for the text's glyphs and the decorations.
	gs := m.appendGlyphs(slices.Grow(dst, utf8.RuneCountInString(s)+nd), s, "")
	off, e := 0, 0
	for i := first; i < len(gs); i++ {
		for e+1 < len(ends) && off >= ends[e].end {
			e++
		}
		gs[i].sgr = ends[e].sgr
		off += len(gs[i].s)
		if ends[e].glue && off < ends[e].end && gs[i].brk == brkCan {
			gs[i].brk = brkNone
		}
	}
	if nd == 0 {
		return gs, s
	}
	// Merge in place: the text's glyphs move to the back of the buffer and
	// are read from there while the merged glyphs are written from the
	// front, never past the next glyph still to be read.
	nt := len(gs) - first
	out := gs[:first+nt+nd]
	copy(out[first+nd:], out[first:first+nt])
	text2 := out[first+nd:]
	w := first // next glyph written
	off, d := 0, 0
	for i := 0; i <= nt; i++ {
		if d < nd && decos[d].at == off {
			// Suffixes come before prefixes at one offset; the break
			// opportunity after the text moves to between the two.
			b := brkNone
			if w > first {
				b, out[w-1].brk = out[w-1].brk, brkNone
			}
			placed := false
			for d < nd && decos[d].at == off {
				p := decos[d].p
				d++
				if p.kind == pPrefix && !placed {
					if w > first {
						out[w-1].brk = b
					}
					placed = true
				}
				out[w] = glyph{s: p.text, sgr: p.sgr, w: m.text(p.text), off: -1, deco: true}
				w++
			}
			if !placed && w > first {
				out[w-1].brk = b
			}
		}
		if i < nt {
			g := text2[i]
			out[w] = g
			w++
			off += len(g.s)
		}
	}
	return out[:w], s
}

// softBreak is what a soft line break inside a paragraph becomes: nothing
// between two Chinese or Japanese characters (they are written without
// spaces), between one and a dash or quote (——, “), or next to fullwidth
// punctuation (。，） carry their own space); else a space.
func softBreak(ps []piece, i int) string {
	var before, after rune
	for j := i - 1; j >= 0 && before == 0; j-- {
		if ps[j].kind == pText && ps[j].text != "" {
			before = lastRune(ps[j].text)
		}
	}
	for j := i + 1; j < len(ps) && after == 0; j++ {
		if ps[j].kind == pText && ps[j].text != "" {
			after = firstRune(ps[j].text)
		}
	}
	if cjkSide(before) && cjkSide(after) || widePunct(before) || widePunct(after) {
		return ""
	}
	return " "
}

// cjkSide: a character that joins Chinese text without a space — an
// ideograph or kana, or punctuation Chinese shares with Western text that
// Unicode leaves narrow or ambiguous (—— … “ ” ·).
func cjkSide(r rune) bool {
	return unspaced(r) || r >= 0x2000 && r < 0x2070 && unicode.IsPunct(r)
}

func unspaced(r rune) bool { return isWide(r) && !unicode.Is(unicode.Hangul, r) }

func widePunct(r rune) bool { return isWide(r) && unicode.IsPunct(r) }

func lastRune(s string) rune {
	var last rune
	for _, r := range s {
		last = r
	}
	return last
}
