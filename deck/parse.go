package deck

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A file is read into a flat stream of items; assemble then groups the
// stream into slides. Includes are spliced into the stream where they stand.

type itemKind uint8

const (
	itemContent itemKind = iota
	itemBreak
	itemPause
	itemNotes
	itemDirective
)

type item struct {
	text    string // Markdown of content or notes
	heading string // plain text, when the content is a heading
	name    string // directive name
	value   string // directive value
	pos     Pos
	endLine int
	// level is the heading level of a heading, else 0.
	level int
	// listItems are the offsets in text where the top-level items of a
	// list start, for incremental lists.
	listItems []int
	// setext is set for "Title" over a line of dashes: a heading in
	// presenterm's and pandoc's dialects, a paragraph and a slide break
	// in shovel's. It is a pointer, being rare: a long deck has many
	// items, and the other fields of an item are laid out to keep it small.
	setext *setextUnder
	kind   itemKind
	// boundary marks the break between two files of a directory deck.
	boundary bool
	// sep marks a break written as a line of dashes (text holds it): a
	// rule, not a break, in presenterm's dialect.
	sep bool
	// setextTitle marks a setext heading ("Title" over === or ---),
	// presenterm's slide title.
	setextTitle bool
	// markdown marks notes written as Markdown (a "::: notes" div).
	markdown bool
}

// setextUnder is what a setext heading over dashes is made of in shovel's
// dialect: the paragraph above (para) and the underline at pos, of dashes
// dashes.
type setextUnder struct {
	para   string
	pos    Pos
	dashes int
}

// lineIndex maps byte offsets of a text to 1-based lines and columns.
type lineIndex struct {
	text   string
	starts []int
	base   int // lines before the text (front matter)
	file   string
}

func newLineIndex(file, s string, base int) *lineIndex {
	starts := make([]int, 1, 1+strings.Count(s, "\n"))
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

// parseRange parses body[from:to] of the file file indexes (from at the
// start of a line), appending its items to items (r.items is the result).
// Positions are the file's; the diagnostics go to r, to be added in the
// order a parse of the whole file adds them (see parseBody).
func (l *loader) parseRange(p parser.Parser, file *lineIndex, from, to int, items []item) (r rangeResult) {
	li := file
	if from > 0 || to < len(file.text) {
		li = newLineIndex(file.file, file.text[from:to], file.base+file.line(from)-1)
	}
	body := li.text
	src := []byte(body) // goldmark's; only a chunk of a long file at a time
	pc := parser.NewContext()
	deep := &nestingHit{off: -1}
	pc.Set(nestingKey, deep)
	doc := p.Parse(text.NewReader(src), parser.WithContext(pc))
	r.deep = deep.off
	if r.deep >= 0 {
		r.deep += from
	}
	defer l.divert(&r.images)()
	l.checkImages(doc, src, li, file.pos(0))
	defer l.divert(&r.spans)()

	type span struct {
		n          ast.Node
		start, end int
	}
	spans := make([]span, 0, doc.ChildCount())
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		off := nodeStart(n)
		if off < 0 {
			r.orphan = r.orphan || len(spans) == 0
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

	if items == nil {
		items = make([]item, 0, len(spans))
	}
	defer func() { r.items = items }()
	for _, sp := range spans {
		raw := trimBlankTail(body[sp.start:sp.end])
		pos := li.pos(sp.start + leadingSpaces(raw))
		endLine := li.line(sp.start+len(raw)) + li.base
		if raw == "" {
			endLine = pos.Line
		}
		switch n := sp.n.(type) {
		case *ast.ThematicBreak:
			if isSeparator(raw) {
				items = append(items, item{kind: itemBreak, sep: true, text: raw, pos: pos, endLine: endLine})
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
				// Valid CommonMark: the block runs to the end of the file.
				l.warnf(pos, "unterminated code fence opened here; it runs to the end of the file (add a closing %s)", fenceOpener(raw))
			}
			l.codeFlags(n, src, pos)
		case *ast.Heading:
			items = append(items, l.heading(n, src, li, sp.start, raw, pos, endLine))
			continue
		case *ast.List:
			items = append(items, l.list(n, src, li, sp.start, raw, pos, endLine)...)
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue // e.g. a paragraph of a lone vertical tab
		}
		items = append(items, item{kind: itemContent, text: raw, pos: pos, endLine: endLine})
	}
	return r
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

// trimBlankTail drops the blank lines at the end of s and the line break
// before them. It returns a part of s, not a copy: the blocks of a deck
// share its text.
func trimBlankTail(s string) string {
	cut := len(s) // s[:cut] ends at the end of a line, its break included
	for cut > 0 {
		line := strings.TrimSuffix(s[:cut], "\n")
		start := strings.LastIndexByte(line, '\n') + 1
		if strings.TrimSpace(s[start:cut]) != "" {
			break
		}
		cut = start
	}
	return strings.TrimRight(s[:cut], "\n")
}

// heading makes the item of a top-level heading, noting what the dialects
// need: its level, and whether it is a setext heading.
func (l *loader) heading(n *ast.Heading, src []byte, li *lineIndex, start int, raw string, pos Pos, endLine int) item {
	it := item{kind: itemContent, text: raw, heading: headingText(n, src), level: n.Level, pos: pos, endLine: endLine}
	if strings.HasPrefix(strings.TrimLeft(raw, " "), "#") {
		return it
	}
	it.setextTitle = true
	i := strings.LastIndexByte(raw, '\n')
	if i < 0 {
		return it
	}
	under := strings.TrimSpace(raw[i+1:])
	if under == "" || strings.Trim(under, "-") != "" {
		return it // === : a heading in every dialect
	}
	it.setext = &setextUnder{para: raw[:i], dashes: len(under), pos: li.pos(start + i + 1 + leadingSpaces(raw[i+1:]))}
	return it
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
		return []item{{kind: itemNotes, text: strings.TrimSpace(dedent(inner)), markdown: true, pos: pos, endLine: endLine}}
	}
	if strings.TrimSpace(inner) == "" {
		return nil
	}
	return []item{{kind: itemContent, text: inner, pos: Pos{File: pos.File, Line: pos.Line + 1, Col: 1}, endLine: endLine}}
}

func (l *loader) errorf(p Pos, format string, args ...any) { l.report(p, Error, format, args...) }

func (l *loader) warnf(p Pos, format string, args ...any) { l.report(p, Warning, format, args...) }

func (l *loader) report(p Pos, sev Severity, format string, args ...any) {
	if l.sink != nil {
		*l.sink = append(*l.sink, Diagnostic{Pos: p, Severity: sev, Message: fmt.Sprintf(format, args...)})
		return
	}
	if l.full(p, sev) {
		return
	}
	l.diags = append(l.diags, Diagnostic{Pos: p, Severity: sev, Message: fmt.Sprintf(format, args...)})
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

// list makes the items of a top-level list. A pause (". . .") inside one
// of its items splits the list there, as patat does; otherwise the list
// is one item that remembers where its items start, for incremental lists.
func (l *loader) list(n *ast.List, src []byte, li *lineIndex, start int, raw string, pos Pos, endLine int) []item {
	var cuts []int // offsets in raw of the pause lines
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := c.(*pauseNode); ok && entering {
			if off := p.Pos() - start; off > 0 && off < len(raw) {
				cuts = append(cuts, li.lineStart(p.Pos())-start)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(cuts) == 0 {
		it := item{kind: itemContent, text: raw, pos: pos, endLine: endLine}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if off := nodeStart(c); off >= start && off < start+len(raw) {
				it.listItems = append(it.listItems, li.lineStart(off)-start)
			}
		}
		return []item{it}
	}
	var items []item
	from := 0
	for _, cut := range append(cuts, len(raw)) {
		// Drop the blank lines around the chunk, keep its indentation.
		begin := from
		for begin < cut {
			nl := strings.IndexByte(raw[begin:cut], '\n')
			if nl < 0 || strings.TrimSpace(raw[begin:begin+nl]) != "" {
				break
			}
			begin += nl + 1
		}
		if chunk := trimBlankTail(raw[begin:cut]); strings.TrimSpace(chunk) != "" {
			items = append(items, item{kind: itemContent, text: chunk, pos: li.pos(start + begin + leadingSpaces(chunk)),
				endLine: li.line(start+begin+len(chunk)) + li.base})
		}
		if cut == len(raw) {
			break
		}
		items = append(items, item{kind: itemPause, pos: li.pos(start + cut + leadingSpaces(raw[cut:])), endLine: li.line(start+cut) + li.base})
		from = len(raw)
		if nl := strings.IndexByte(raw[cut:], '\n'); nl >= 0 {
			from = cut + nl + 1
		}
	}
	return items
}
