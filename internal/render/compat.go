package render

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"shovel/deck"
	"shovel/internal/lazy"
)

// This file shows what decks written for other tools put in their
// Markdown: GitHub alerts, presenterm's image size hints and code block
// attributes (hidden lines, line numbers, highlighted lines).

// The regexps compile on first use, not at package init: most decks have
// none of these, and every start-up would pay for them.
var (
	alertLine = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^\[!(?i:(note|tip|important|warning|caution))\]\s*$`)
	}}
	// imageHint is presenterm's size hint written as the alt text.
	imageHint = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^image:(?:width|w):\s*\d+%?$`)
	}}
)

// adapt rewrites a freshly parsed block, before it is shared between
// goroutines: an alert's "[!note]" line becomes a bold title, and an
// image's size hint is dropped from its alt text.
func adapt(doc ast.Node, src []byte) {
	var quotes []*ast.Blockquote
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Blockquote:
				quotes = append(quotes, n)
			case *ast.Image:
				images = append(images, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		alert(q, src)
	}
	for _, img := range images {
		if imageHint.Get().MatchString(strings.TrimSpace(deck.PlainText(img, src))) {
			img.RemoveChildren(img)
		}
	}
}

// alert turns a quote that starts with a line "[!note]" (GitHub's alert
// syntax) into a callout titled "Note".
func alert(q *ast.Blockquote, src []byte) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	m := alertLine.Get().FindSubmatch([]byte(strings.TrimSpace(string(first.Value(src)))))
	if m == nil {
		return
	}
	// Drop the inlines of the first line; what follows it is the body.
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		c = next
	}
	if p.ChildCount() == 0 {
		q.RemoveChild(q, p)
	}
	kind := strings.ToLower(string(m[1]))
	title := ast.NewParagraph()
	strong := ast.NewEmphasis(2)
	strong.AppendChild(strong, ast.NewString([]byte(strings.ToUpper(kind[:1])+kind[1:])))
	title.AppendChild(title, strong)
	q.InsertBefore(q, q.FirstChild(), title)
}

// codeAttrs are what a fenced code block's info string asks for beyond
// its language: "rust +line_numbers {1,3-4}". Flags that run code
// (+exec and the like) are read and ignored: shovel shows code.
type codeAttrs struct {
	lang      string
	numbers   bool
	highlight map[int]bool // 1-based line numbers of the visible code
}

var lineRanges = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^\{[0-9,\- ]*\}$`) }}

func parseCodeAttrs(info string) codeAttrs {
	var a codeAttrs
	// "{1,3}" may be written apart or glued to the language.
	if i := strings.IndexByte(info, '{'); i > 0 && info[i-1] != ' ' {
		info = info[:i] + " " + info[i:]
	}
	for i, f := range strings.Fields(info) {
		switch {
		case f == "+line_numbers":
			a.numbers = true
		case lineRanges.Get().MatchString(f):
			a.highlight = parseRanges(f[1 : len(f)-1])
		case strings.HasPrefix(f, "+"):
		case i == 0:
			a.lang = f
		}
	}
	return a
}

// parseRanges reads "1,3-4" into a set of lines; malformed parts are
// skipped, and a range is capped so that "1-999999999" costs nothing.
func parseRanges(s string) map[int]bool {
	out := map[int]bool{}
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil || a < 1 {
			continue
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				continue
			}
		}
		for n := a; n <= min(b, a+10000); n++ {
			out[n] = true
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// hasDocSlashes: languages where "///" starts a doc comment, shown as
// written rather than hidden. (A switch, not a map literal: a
// package-level map is built at every start-up.)
func hasDocSlashes(lang string) bool {
	switch lang {
	case "rust", "rs", "c", "cpp", "c++", "csharp", "cs", "c#", "swift", "zig", "dart", "fsharp", "f#",
		"javascript", "js", "typescript", "ts", "objc":
		return true
	}
	return false
}

// hideLines drops the lines presenterm and slides hide from the audience
// (they are there for running the code): in Rust, lines starting "# " (or
// a lone "#"), as rustdoc does; in languages where "///" is no doc
// comment, lines starting "///".
func hideLines(code, lang string) string {
	lang = strings.ToLower(lang)
	lines := strings.SplitAfter(code, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		body := strings.TrimRight(t, "\n")
		hidden := false
		if lang == "rust" || lang == "rs" {
			hidden = body == "#" || strings.HasPrefix(body, "# ")
		} else if !hasDocSlashes(lang) {
			hidden = strings.HasPrefix(body, "///")
		}
		if !hidden {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

// highlightMark is the gutter mark of a highlighted code line.
const highlightMark = "▌"

// gutter puts line numbers and highlight marks before code rows, as
// "+line_numbers" and "{1,3}" ask; lines that are not highlighted are
// drawn faint where the theme has colour.
func (ts *typesetter) gutter(rows []codeRow, a codeAttrs, base string) []codeRow {
	if !a.numbers && a.highlight == nil {
		return rows
	}
	digits := len(strconv.Itoa(len(rows)))
	faint := ts.th.sgr(merge(ts.th.base, StylePrimitive{Faint: &yes}))
	out := make([]codeRow, len(rows))
	for i, r := range rows {
		var g codeRow
		if a.numbers {
			num := strconv.Itoa(i + 1)
			g.add(ts.m, strings.Repeat(" ", digits-len(num))+num+" ", faint)
		}
		lit := a.highlight[i+1]
		if a.highlight != nil {
			if lit {
				g.add(ts.m, highlightMark+" ", base)
			} else {
				g.add(ts.m, strings.Repeat(" ", ts.m.text(highlightMark)+1), "")
			}
		}
		for _, rn := range r.runs {
			if a.highlight != nil && !lit && rn.sgr != "" {
				rn.sgr += faint
			}
			g.runs = append(g.runs, rn)
		}
		g.w += r.w
		out[i] = g
	}
	return out
}

var yes = true
