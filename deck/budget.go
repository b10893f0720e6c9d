package deck

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Resource budgets for what goldmark is given (docs/security.md). A deck
// from a stranger must load in well under 2 s and 500 MB; these inputs
// would not, here or in the renderer, so they are errors at file:line
// instead.
const (
	// maxNesting is how deep lists, block quotes and fenced divs may nest
	// (together): goldmark revisits every open block on every line, so
	// 10,000 nested "::: notes" took gigabytes.
	maxNesting = 32
	// maxLinkOpeners caps "](" in one paragraph: goldmark's link parser
	// rescans the rest of the paragraph for each ("[a](" × 20,000 took
	// seconds).
	maxLinkOpeners = 100
	// maxRefDefs caps link reference definitions in one paragraph, which
	// goldmark reads in quadratic time.
	maxRefDefs = 500
	// maxFenceInfo caps a code fence's info string, which the renderer
	// matches against every language name.
	maxFenceInfo = 1024
	// maxFrontMatter caps the YAML block (a 10 MB title took 1.4 GB to
	// export).
	maxFrontMatter = 64 << 10
	// maxDiagnostics are reported per deck; the rest are counted: a
	// million empty slides gave a million warnings.
	maxDiagnostics = 1000
	// maxBlocks caps the blocks of a file (counted before goldmark builds
	// them) and of a deck after includes: a million one-word slides took
	// gigabytes. A long real talk has a few thousand.
	maxBlocks = 100000
)

// full reports whether the deck has all the diagnostics it reports,
// counting the one at p that is dropped.
func (l *loader) full(p Pos, sev Severity) bool {
	if len(l.diags) < maxDiagnostics {
		return false
	}
	if l.dropped[Warning]+l.dropped[Error] == 0 {
		l.droppedAt = p
	}
	l.dropped[sev]++
	return true
}

func (l *loader) addDiags(ds []Diagnostic) {
	for _, d := range ds {
		if !l.full(d.Pos, d.Severity) {
			l.diags = append(l.diags, d)
		}
	}
}

// nestingKey holds a *nestingHit in the parser's context.
var nestingKey = parser.NewContextKey()

// nestingHit is where the first block too deep to open began.
type nestingHit struct{ off int }

func (h *nestingHit) record(reader text.Reader) {
	if h != nil && h.off < 0 {
		_, seg := reader.Position()
		h.off = seg.Start
	}
}

// nesting counts the lists, quotes and divs that hold a new block.
func nesting(parent ast.Node) int {
	n := 0
	for p := parent; p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.List, *ast.Blockquote, *divNode:
			n++
		}
	}
	return n
}

// tooDeep reports whether a container may not open under parent, noting
// the first place where that happened.
func tooDeep(parent ast.Node, reader text.Reader, pc parser.Context) bool {
	if nesting(parent) < maxNesting {
		return false
	}
	h, _ := pc.Get(nestingKey).(*nestingHit)
	h.record(reader)
	return true
}

// shallow wraps goldmark's list and block quote parsers: past maxNesting
// the line is left to the other parsers (it becomes text).
type shallow struct{ parser.BlockParser }

func (s shallow) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if tooDeep(parent, reader, pc) {
		return nil, parser.NoChildren
	}
	return s.BlockParser.Open(parent, reader, pc)
}

// checkShapes finds, in one linear pass, the inputs goldmark (or the
// renderer after it) takes quadratic time over, before goldmark sees them.
func (l *loader) checkShapes(li *lineIndex) bool {
	ok := true
	openers, refs, blocks := 0, 0, 0
	blank := true
	off := 0
	for off < len(li.text) {
		end := strings.IndexByte(li.text[off:], '\n')
		if end < 0 {
			end = len(li.text)
		} else {
			end += off
		}
		line := li.text[off:end]
		t := strings.TrimLeft(line, " ")
		if blank || startsBlock(t) {
			if blocks++; blocks == maxBlocks+1 {
				l.errorf(li.pos(off), "more than %d blocks in one file; split the deck", maxBlocks)
				return false
			}
		}
		blank = strings.TrimSpace(line) == ""
		switch {
		case blank:
			openers, refs = 0, 0
		case len(line)-len(t) <= 3 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			if info := strings.TrimLeft(t, t[:1]); len(info) > maxFenceInfo {
				l.errorf(li.pos(off), "code fence info string is %d bytes long; at most %d are read", len(info), maxFenceInfo)
				ok = false
			}
		case len(line)-len(t) <= 3 && strings.HasPrefix(t, "[") && strings.Contains(t, "]:"):
			if refs++; refs == maxRefDefs+1 {
				l.errorf(li.pos(off), "more than %d link reference definitions in one paragraph (separate them with blank lines)", maxRefDefs)
				ok = false
			}
		}
		if c := strings.Count(line, "]("); c > 0 {
			if openers += c; openers > maxLinkOpeners && openers-c <= maxLinkOpeners {
				l.errorf(li.pos(off), "more than %d links (\"](\") in one paragraph; split it with blank lines", maxLinkOpeners)
				ok = false
			}
		}
		off = end + 1
	}
	return ok
}

// startsBlock reports whether a line (without its indentation) can start a
// block even right after a paragraph line: a slide separator, heading,
// comment (directive), pause or fence. Other lines only start blocks after
// a blank line.
func startsBlock(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] {
	case '-', '#', '<', '.', ':', '`', '~', '*', '_', '=':
		return true
	}
	return false
}
