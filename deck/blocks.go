package deck

import (
	"bytes"
	"reflect"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file extends goldmark with the two pandoc block forms decks use:
// the pause line ". . ." and fenced divs ("::: notes" … ":::"). Both are
// block parsers, so they obey Markdown's own rules (a ". . ." inside a code
// fence is code, not a pause).

var (
	kindPause = ast.NewNodeKind("ShovelPause")
	kindDiv   = ast.NewNodeKind("ShovelFencedDiv")
)

type pauseNode struct{ ast.BaseBlock }

func (n *pauseNode) Kind() ast.NodeKind           { return kindPause }
func (n *pauseNode) Dump(src []byte, level int)   { ast.DumpHelper(n, src, level, nil, nil) }
func (n *pauseNode) IsRaw() bool                  { return true }
func (n *pauseNode) HasBlankPreviousLines() bool  { return true }
func (n *pauseNode) SetBlankPreviousLines(v bool) {}

type divNode struct {
	ast.BaseBlock
	Attr   string // the text after the opening colons, e.g. "notes" or "{.notes}"
	closed bool
}

func (n *divNode) Kind() ast.NodeKind         { return kindDiv }
func (n *divNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// IsNotes reports whether the div holds speaker notes.
func (n *divNode) IsNotes() bool {
	a := strings.Trim(strings.TrimSpace(n.Attr), "{}")
	for _, f := range strings.Fields(a) {
		if strings.TrimPrefix(f, ".") == "notes" {
			return true
		}
	}
	return false
}

type pauseParser struct{}

func (pauseParser) Trigger() []byte { return []byte{'.'} }
func (pauseParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	if string(bytes.TrimSpace(line)) != ". . ." {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &pauseNode{}, parser.NoChildren
}
func (pauseParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (pauseParser) Close(ast.Node, text.Reader, parser.Context)                 {}
func (pauseParser) CanInterruptParagraph() bool                                 { return true }
func (pauseParser) CanAcceptIndentedLine() bool                                 { return false }

type divParser struct{}

// colonFence returns the number of leading colons (at least 3) and the rest
// of the line, or 0 when line is not a fence.
func colonFence(line []byte) (int, string) {
	s := strings.TrimRight(string(line), " \t\r\n")
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 {
		return 0, ""
	}
	n := 0
	for n < len(t) && t[n] == ':' {
		n++
	}
	if n < 3 {
		return 0, ""
	}
	return n, strings.TrimSpace(t[n:])
}

func (divParser) Trigger() []byte { return []byte{':'} }
func (divParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	n, attr := colonFence(line)
	if n == 0 || attr == "" || strings.HasPrefix(attr, ":") || tooDeep(parent, reader, pc) {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &divNode{Attr: attr}, parser.HasChildren
}
func (divParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if n, attr := colonFence(line); n > 0 && attr == "" {
		reader.AdvanceToEOL()
		node.(*divNode).closed = true
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}
func (divParser) Close(ast.Node, text.Reader, parser.Context) {}
func (divParser) CanInterruptParagraph() bool                 { return true }
func (divParser) CanAcceptIndentedLine() bool                 { return false }

// newBlockParser is goldmark's CommonMark block parser with the pause and
// fenced div forms. "Text" over "---" parses as a setext heading; whether
// it is one (presenterm, pandoc) or a paragraph and a slide break (shovel)
// is decided per deck, once the whole deck has been read (dialect.go).
func newBlockParser() parser.Parser {
	bps := []util.PrioritizedValue{
		util.Prioritized(pauseParser{}, 150),
		util.Prioritized(divParser{}, 160),
	}
	list, quote := reflect.TypeOf(parser.NewListParser()), reflect.TypeOf(parser.NewBlockquoteParser())
	for _, v := range parser.DefaultBlockParsers() {
		if t := reflect.TypeOf(v.Value); t == list || t == quote {
			v.Value = shallow{v.Value.(parser.BlockParser)}
		}
		bps = append(bps, v)
	}
	return parser.NewParser(
		parser.WithBlockParsers(bps...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}
