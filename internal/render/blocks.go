package render

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// typesetter lays out Markdown blocks at a given width. One is made per
// render; it holds no state between calls except what the Renderer shares.
type typesetter struct {
	th   *theme
	m    measurer
	code *highlighter
	// trace, when set (by tests), sees every paragraph the wrapper fills.
	trace func(gs []glyph, spans []lineSpan, width int)
	// refs numbers link and image addresses in a handout; nil elsewhere.
	refs *refList
	// keepBreaks keeps the source's line breaks (notes in comments).
	keepBreaks bool
	sgrs       sgrMemo
	// cur is the slide block being typeset: inliners working on its
	// source slice text out of cur.text.
	cur parsed
	scratch
}

// minText is the narrowest a list item, quote or column is given before
// its decoration is dropped or it is stacked instead: narrower text would
// not hold a Latin word.
const minText = 8

// wrap fills pieces into lines of at most width cells.
func (ts *typesetter) wrap(ps []piece, width int) []line {
	gs, src := ts.m.pieceGlyphs(ts.glyphs[:0], ps)
	ls := ts.wrapGlyphs(gs, src, width)
	ts.glyphs = gs[:0]
	return ls
}

// children lays out n's child blocks one under the other, with a blank line
// between them unless tight.
func (ts *typesetter) children(n ast.Node, src []byte, width int, tight bool) []line {
	var out []line
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		ls := ts.block(c, src, width)
		if len(ls) == 0 {
			continue
		}
		if len(out) > 0 && !tight {
			out = append(out, line{})
		}
		out = append(out, ls...)
	}
	return out
}

func (ts *typesetter) block(n ast.Node, src []byte, width int) []line {
	switch n := n.(type) {
	case *ast.Heading:
		return ts.heading(n, src, width, false)
	case *ast.Paragraph, *ast.TextBlock:
		ps, _ := ts.inlines(n, src, ts.th.base)
		if len(ps) == 0 {
			return nil
		}
		return ts.wrap(ps, width)
	case *ast.List:
		return ts.list(n, src, width)
	case *ast.Blockquote:
		return ts.quote(n, src, width)
	case *ast.FencedCodeBlock:
		var a codeAttrs
		if n.Info != nil {
			a = parseCodeAttrs(string(n.Info.Segment.Value(src)))
		}
		return ts.codeBlock(hideLines(codeText(n, src), a.lang), a, width)
	case *ast.CodeBlock:
		return ts.codeBlock(codeText(n, src), codeAttrs{}, width)
	case *ast.ThematicBreak:
		return ts.rule(width)
	case *east.Table:
		return ts.table(n, src, width)
	case *ast.HTMLBlock:
		return nil // HTML cannot be shown in a terminal; comments are directives or notes
	default:
		return ts.children(n, src, width, false)
	}
}

// heading lays out a heading; the slide's title gets the h1 style whatever
// its level.
func (ts *typesetter) heading(n *ast.Heading, src []byte, width int, title bool) []line {
	cfg := &ts.th.cfg
	levels := [...]StyleBlock{cfg.H1, cfg.H2, cfg.H3, cfg.H4, cfg.H5, cfg.H6}
	h := levels[min(max(n.Level, 1), 6)-1]
	if title {
		h = cfg.H1
	}
	st := merge(merge(ts.th.base, cfg.Heading.StylePrimitive), h.StylePrimitive)
	in := ts.inliner(src)
	in.deco(oneLine(h.Prefix), st, pPrefix)
	in.walk(n, colours(st))
	in.deco(oneLine(h.Suffix), st, pSuffix)
	ls := ts.wrap(in.out, width)
	if ts.th.ruledHeadings && len(ls) > 0 {
		ls = append(ls, ts.underline(blockWidth(ls)))
	}
	return ls
}

// underline is a rule w cells wide, drawn under a heading by themes that
// cannot make it bold. The box-drawing rule is ambiguous in width; where
// it takes two cells, the rule is ASCII.
func (ts *typesetter) underline(w int) line {
	ch := "─"
	if ts.m.text(ch) != 1 {
		ch = "-"
	}
	sgr := ts.th.sgr(merge(ts.th.base, ts.th.cfg.HorizontalRule))
	return styledLine(strings.Repeat(ch, w), sgr, w)
}

// oneLine removes line breaks from a style's prefix or suffix: block
// spacing is the layout's job, and a newline inside a line would break the
// width accounting.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		return strings.NewReplacer("\r", "", "\n", "").Replace(s)
	}
	return s
}

// list lays out a list with hanging indents: wrapped lines and nested
// blocks continue under the item's text, not under its marker.
func (ts *typesetter) list(n *ast.List, src []byte, width int) []line {
	cfg := &ts.th.cfg
	count := n.ChildCount()
	numW := len(fmt.Sprint(n.Start + count - 1))
	var out []line
	i := 0
	for it := n.FirstChild(); it != nil; it, i = it.NextSibling(), i+1 {
		var marker string
		var st StylePrimitive
		switch {
		case taskOf(it) != noTask:
			marker, st = cfg.Task.Unticked, merge(ts.th.base, cfg.Task.StylePrimitive)
			if taskOf(it) == taskDone {
				marker = cfg.Task.Ticked
			}
		case n.IsOrdered():
			marker = fmt.Sprintf("%*d", numW, n.Start+i) + cfg.Enumeration.BlockPrefix
			st = merge(ts.th.base, cfg.Enumeration)
		default:
			marker, st = cfg.Item.BlockPrefix, merge(ts.th.base, cfg.Item)
		}
		marker = oneLine(marker)
		if marker == "" {
			marker = "• "
		}
		mw := ts.m.text(marker)
		mrun := run{text: marker, sgr: ts.th.sgr(st)}
		if !n.IsTight && len(out) > 0 {
			out = append(out, line{})
		}
		if width-mw < minText {
			// Too narrow to indent: the marker gets a line of its own.
			out = append(out, line{runs: []run{mrun}, w: mw})
			out = append(out, ts.children(it, src, width, n.IsTight)...)
			continue
		}
		body := ts.children(it, src, width-mw, n.IsTight)
		if len(body) == 0 {
			body = []line{{}}
		}
		out = append(out, indent(body[0], mrun, mw))
		for _, l := range body[1:] {
			out = append(out, pad(l, mw))
		}
	}
	return out
}

func taskOf(item ast.Node) task {
	if tb := item.FirstChild(); tb != nil {
		if cb, ok := tb.FirstChild().(*east.TaskCheckBox); ok {
			if cb.IsChecked {
				return taskDone
			}
			return taskOpen
		}
	}
	return noTask
}

// quote lays out a block quote with its bar on every line, blank ones too.
func (ts *typesetter) quote(n *ast.Blockquote, src []byte, width int) []line {
	cfg := &ts.th.cfg
	token := "│ "
	if cfg.BlockQuote.IndentToken != nil {
		token = oneLine(*cfg.BlockQuote.IndentToken)
	}
	if cfg.BlockQuote.Indent != nil && *cfg.BlockQuote.Indent > 1 {
		token = strings.Repeat(token, int(*cfg.BlockQuote.Indent))
	}
	tw := ts.m.text(token)
	if width-tw < minText {
		token, tw = "", 0
	}
	sgr := ts.th.sgr(merge(ts.th.base, cfg.BlockQuote.StylePrimitive))
	bar := strings.TrimRight(token, " ")
	body := ts.children(n, src, width-tw, false)
	out := make([]line, len(body))
	for i, l := range body {
		if l.w == 0 {
			out[i] = styledLine(bar, sgr, ts.m.text(bar))
			continue
		}
		out[i] = indent(l, run{text: token, sgr: sgr}, tw)
	}
	return out
}

// rule draws a thematic break across the width.
func (ts *typesetter) rule(width int) []line {
	const ch = "─"
	n := width / ts.m.text(ch)
	sgr := ts.th.sgr(merge(ts.th.base, ts.th.cfg.HorizontalRule))
	return []line{styledLine(strings.Repeat(ch, n), sgr, n*ts.m.text(ch))}
}

// codeText is the literal content of a code block.
func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}
