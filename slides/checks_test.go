package slides_test

// The checks the deck tests apply, kept apart from the deck's assertions so
// that each can be shown to fail on the damage it exists to catch.

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/width"
)

var (
	editorial  = regexp.MustCompile(`（整理说明[^）]*）`)
	sentenceRe = regexp.MustCompile(`[。？！]+`)
)

// sentences counts the spoken sentences of Chinese notes; an editor's
// remark "（整理说明：…）" about unrecoverable figures is not spoken.
func sentences(notes string) int {
	spoken := strings.TrimSpace(editorial.ReplaceAllString(notes, ""))
	n := len(sentenceRe.FindAllString(spoken, -1))
	if last, _ := utf8.DecodeLastRuneInString(spoken); spoken != "" && !strings.ContainsRune("。？！", last) {
		n++ // a last sentence without a full stop
	}
	return n
}

func nonBlankLines(md string) int {
	n := 0
	for _, l := range strings.Split(md, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// missingInOrder returns the wanted names not found in titles in order.
func missingInOrder(titles, want []string) []string {
	var missing []string
	at := 0
	for _, w := range want {
		i := at
		for i < len(titles) && !strings.Contains(titles[i], w) {
			i++
		}
		if i == len(titles) {
			missing = append(missing, w)
			continue
		}
		at = i
	}
	return missing
}

// mdTable is a GitHub table read from a slide: plain cell text by row, the
// header first.
type mdTable [][]string

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// tablesIn parses md as GitHub-flavoured Markdown and returns its tables,
// so a table flattened into text or broken by a bad delimiter row is not one.
func tablesIn(md string) []mdTable {
	src := []byte(md)
	var out []mdTable
	ast.Walk(markdown.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != east.KindTable {
			return ast.WalkContinue, nil
		}
		var tab mdTable
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, strings.TrimSpace(plainText(c, src)))
			}
			tab = append(tab, cells)
		}
		out = append(out, tab)
		return ast.WalkSkipChildren, nil
	})
	return out
}

func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func (tab mdTable) firstColumn() []string {
	var col []string
	for _, row := range tab[1:] {
		col = append(col, row[0])
	}
	return col
}

// width is the table's width drawn unwrapped with "| " and " |" borders.
func (tab mdTable) width() int {
	var widest []int
	for _, row := range tab {
		for i, c := range row {
			if i == len(widest) {
				widest = append(widest, 0)
			}
			widest[i] = max(widest[i], uniseg.StringWidth(c))
		}
	}
	w := 1
	for _, c := range widest {
		w += c + 3
	}
	return w
}

func codeBlockProblems(code string) []string {
	var out []string
	boxWidth := -1
	for _, l := range strings.Split(code, "\n") {
		w := uniseg.StringWidth(l)
		if w > maxCodeWidth {
			out = append(out, "line too wide: "+l)
		}
		for _, r := range l {
			if width.LookupRune(r).Kind() == width.EastAsianAmbiguous {
				out = append(out, "ambiguous-width character "+string(r)+" in: "+l)
			}
		}
		if strings.HasPrefix(l, "+") || strings.HasPrefix(l, "|") {
			if boxWidth < 0 {
				boxWidth = w
			} else if w != boxWidth {
				out = append(out, "box edge out of line: "+l)
			}
		}
	}
	return out
}

// pdfDamage reports what the text extraction left behind.
func pdfDamage(src []byte) []string {
	if !utf8.Valid(src) {
		return []string{"invalid UTF-8"}
	}
	var out []string
	for _, r := range string(src) {
		switch {
		case r == utf8.RuneError:
			out = append(out, "U+FFFD")
		case r >= 0x2F00 && r <= 0x2FDF:
			out = append(out, "Kangxi radical "+string(r))
		case r >= 0x2E80 && r <= 0x2EFF:
			out = append(out, "CJK radical supplement "+string(r))
		case r == '⸺':
			out = append(out, "⸺ (write ——)")
		}
	}
	return out
}

// TestCheckersCatchBadInput shows the checks in this file can fail: each is fed
// the kind of damage it exists to catch.
func TestCheckersCatchBadInput(t *testing.T) {
	if p := pdfDamage([]byte("⽀持 ⻓期 \uFFFD ⸺")); len(p) != 4 {
		t.Errorf("pdfDamage found %q, want 4 problems", p)
	}
	if p := pdfDamage([]byte{0xff}); len(p) != 1 {
		t.Errorf("pdfDamage missed invalid UTF-8")
	}
	flattened := "芯片类型 优势 劣势\nCPU 通用性强 并行能力弱"
	if n := len(tablesIn(flattened)); n != 0 {
		t.Errorf("flattened text read as %d tables", n)
	}
	if n := len(tablesIn("| a | b |\n|---|---|\n| 1 | 2 |")); n != 1 {
		t.Errorf("a GitHub table read as %d tables", n)
	}
	if w := (mdTable{{"芯片", "x"}}).width(); w != 12 {
		t.Errorf("width of | 芯片 | x | = %d, want 12", w)
	}
	if p := codeBlockProblems("+----+\n| 中 |\n| 中文 |"); len(p) != 1 {
		t.Errorf("misaligned box: %q, want 1 problem", p)
	}
	if p := codeBlockProblems("更强的芯片 → 更多开发者"); len(p) != 1 {
		t.Errorf("ambiguous arrow: %q, want 1 problem", p)
	}
	if m := missingInOrder([]string{"软件层", "硬件层——GPU"}, []string{"硬件层——GPU", "软件层"}); len(m) != 1 {
		t.Errorf("out-of-order sections not caught: %q", m)
	}
	if n := sentences("一句话。（整理说明：不算。）"); n != 1 {
		t.Errorf("sentences = %d, want 1", n)
	}
	if n := nonBlankLines("a\n\n b\n"); n != 2 {
		t.Errorf("nonBlankLines = %d, want 2", n)
	}
}
