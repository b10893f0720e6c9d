package deck

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A file is read into a flat stream of items; assemble then groups the
// stream into slides. Includes are spliced into the stream where they stand.

type itemKind int

const (
	itemContent itemKind = iota
	itemBreak
	itemPause
	itemNotes
	itemDirective
)

type item struct {
	kind    itemKind
	name    string // directive name
	value   string // directive value
	text    string // Markdown of content or notes
	heading string // plain text, when the content is a heading
	pos     Pos
	endLine int
	// boundary marks the break between two files of a directory deck.
	boundary bool
}

// lineIndex maps byte offsets of a text to 1-based lines and columns.
type lineIndex struct {
	text   string
	starts []int
	base   int // lines before the text (front matter)
	file   string
}

func newLineIndex(file, s string, base int) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: s, starts: starts, base: base, file: file}
}

func (li *lineIndex) line(off int) int {
	return sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
}

func (li *lineIndex) pos(off int) Pos {
	l := li.line(off)
	start := li.starts[l-1]
	if off > len(li.text) {
		off = len(li.text)
	}
	return Pos{File: li.file, Line: l + li.base, Col: 1 + utf8.RuneCountInString(li.text[start:off])}
}

// lineStart returns the offset of the start of the line holding off.
func (li *lineIndex) lineStart(off int) int {
	return li.starts[li.line(off)-1]
}

// parseBody turns a file's Markdown (after front matter) into items.
func (l *loader) parseBody(display, body string, base int) []item {
	li := newLineIndex(display, body, base)
	src := []byte(body)
	doc := newBlockParser().Parse(text.NewReader(src))

	type span struct {
		n          ast.Node
		start, end int
	}
	spans := make([]span, 0, doc.ChildCount())
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		off := nodeStart(n)
		if off < 0 {
			continue // no position: its text stays with the block before it
		}
		off = li.lineStart(off)
		if len(spans) > 0 && off <= spans[len(spans)-1].start {
			continue
		}
		spans = append(spans, span{n: n, start: off})
	}
	for i := range spans {
		if i+1 < len(spans) {
			spans[i].end = spans[i+1].start
		} else {
			spans[i].end = len(body)
		}
	}

	items := make([]item, 0, len(spans))
	for _, sp := range spans {
		raw := trimBlankTail(body[sp.start:sp.end])
		pos := li.pos(sp.start + leadingSpaces(raw))
		endLine := li.line(sp.start+len(raw)) + base
		if raw == "" {
			endLine = pos.Line
		}
		switch n := sp.n.(type) {
		case *ast.ThematicBreak:
			if isSeparator(raw) {
				items = append(items, item{kind: itemBreak, pos: pos, endLine: endLine})
				continue
			}
		case *pauseNode:
			items = append(items, item{kind: itemPause, pos: pos, endLine: endLine})
			continue
		case *divNode:
			items = append(items, l.div(n, raw, pos, endLine)...)
			continue
		case *ast.HTMLBlock:
			if its, ok := l.comments(li, sp.start, raw); ok {
				items = append(items, its...)
				continue
			}
		case *ast.FencedCodeBlock:
			if !fenceClosed(raw) {
				l.errorf(pos, "unterminated code fence opened here; everything after it is code (add a closing %s)", fenceOpener(raw))
			}
		case *ast.Heading:
			items = append(items, item{kind: itemContent, text: raw, heading: headingText(n, src), pos: pos, endLine: endLine})
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue // e.g. a paragraph of a lone vertical tab
		}
		items = append(items, item{kind: itemContent, text: raw, pos: pos, endLine: endLine})
	}
	return items
}

// nodeStart finds the byte offset where a top-level block begins.
func nodeStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return -1
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

func trimBlankTail(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.TrimRight(strings.Join(lines, ""), "\n")
}

// isSeparator: a line of three or more '-' and nothing else ends a slide;
// "***", "___" and "- - -" stay horizontal rules.
func isSeparator(raw string) bool {
	t := strings.TrimSpace(raw)
	return len(t) >= 3 && strings.Trim(t, "-") == ""
}

func fenceOpener(raw string) string {
	t := strings.TrimLeft(raw, " ")
	c := t[0]
	n := 0
	for n < len(t) && t[n] == c {
		n++
	}
	return t[:n]
}

// fenceClosed reports whether a top-level fenced code block has its closing
// fence (goldmark silently runs an unclosed fence to the end of the file).
func fenceClosed(raw string) bool {
	open := fenceOpener(raw)
	lines := strings.Split(raw, "\n")
	if len(lines) < 2 {
		return false
	}
	last := lines[len(lines)-1]
	t := strings.TrimLeft(last, " ")
	if len(last)-len(t) > 3 {
		return false
	}
	t = strings.TrimRight(t, " \t")
	return len(t) >= len(open) && strings.Trim(t, open[:1]) == ""
}

// div turns a fenced div into items: "::: notes" becomes speaker notes,
// any other div's inside is ordinary content.
func (l *loader) div(n *divNode, raw string, pos Pos, endLine int) []item {
	_, inner, _ := strings.Cut(raw, "\n")
	if n.closed {
		if i := strings.LastIndexByte(inner, '\n'); i >= 0 {
			inner = inner[:i]
		} else {
			inner = ""
		}
	} else {
		l.errorf(pos, "unterminated fenced div \"::: %s\" opened here (add a line ::: after it)", n.Attr)
	}
	inner = trimBlankTail(inner)
	if n.IsNotes() {
		return []item{{kind: itemNotes, text: strings.TrimSpace(dedent(inner)), pos: pos, endLine: endLine}}
	}
	if strings.TrimSpace(inner) == "" {
		return nil
	}
	return []item{{kind: itemContent, text: inner, pos: Pos{File: pos.File, Line: pos.Line + 1, Col: 1}, endLine: endLine}}
}

func (l *loader) errorf(p Pos, format string, args ...any) {
	l.diags = append(l.diags, Diagnostic{Pos: p, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (l *loader) warnf(p Pos, format string, args ...any) {
	l.diags = append(l.diags, Diagnostic{Pos: p, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// dedent removes the indentation common to all non-blank lines.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	common := -1
	for _, ln := range lines {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		ind := len(ln) - len(strings.TrimLeft(ln, " \t"))
		if common < 0 || ind < common {
			common = ind
		}
	}
	if common <= 0 {
		return s
	}
	for i, ln := range lines {
		if len(ln) >= common {
			lines[i] = ln[common:]
		} else {
			lines[i] = strings.TrimLeft(ln, " \t")
		}
	}
	return strings.Join(lines, "\n")
}
