package deck

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"shovel/internal/lazy"
)

// PlainText is the text a reader sees in n: markup dropped, backslash
// escapes and entity references resolved (TextValue), code spans verbatim,
// raw HTML left out, line breaks as spaces and block boundaries as line
// breaks. Titles, search, the slide index and the renderer all use it, so a
// heading reads the same in the header of an export and on the slide.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c != n && c.Type() == ast.TypeBlock && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(TextValue(t, src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			ls := c.Lines()
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				b.Write(seg.Value(src))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TextValue is what a Text node shows: its source with backslash escapes
// and entity references resolved, unless it is raw (a code span).
func TextValue(t *ast.Text, src []byte) string {
	v := t.Segment.Value(src)
	if t.IsRaw() {
		return string(v)
	}
	return string(unescape(v))
}

// maxEntity bounds the search for the ';' that ends an entity reference
// (the longest HTML5 entity name is 32 bytes).
const maxEntity = 34

// unescape resolves backslash escapes and entity references in one pass,
// so that an escaped ampersand stays literal: `\&amp;` shows "&amp;".
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			out = append(out, v[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if j := bytes.IndexByte(v[i:min(len(v), i+maxEntity)], ';'); j > 1 {
				ref := v[i : i+j+1]
				if r := util.ResolveNumericReferences(util.ResolveEntityNames(ref)); !bytes.Equal(r, ref) {
					out = append(out, r...)
					i += j + 1
					continue
				}
			}
		}
		out = append(out, c)
		i++
	}
	return out
}

// headingText is a slide title: the heading's plain text on one line.
func headingText(n ast.Node, src []byte) string {
	return strings.Join(strings.Fields(PlainText(n, src)), " ")
}

// textParser reads blocks for MarkdownText: CommonMark with GitHub's
// tables and strikethrough, as the renderer reads them. Built by the first
// search, not at package init: only search needs it (issue 15).
var textParser = lazy.Value[parser.Parser]{New: func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
}}

// MarkdownText is the plain text of a block of Markdown: what search looks
// in, so that a query matches what the slide shows, not its markup.
func MarkdownText(md string) string {
	src := []byte(md)
	return PlainText(textParser.Get().Parse(text.NewReader(src)), src)
}
