package slides_test

// The checks the deck tests apply, kept apart from the deck's assertions so
// that each can be shown to fail on the damage it exists to catch.

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/width"

	"shovel/deck"
)

var sentenceRe = regexp.MustCompile(`[。？！]+`)

// sentences counts the sentences of Chinese notes.
func sentences(notes string) int {
	spoken := strings.TrimSpace(notes)
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
	if n := sentences("一句话。两句话"); n != 2 {
		t.Errorf("sentences = %d, want 2", n)
	}
	if n := nonBlankLines("a\n\n b\n"); n != 2 {
		t.Errorf("nonBlankLines = %d, want 2", n)
	}
	if p := spellingProblems("Scaling Law、scaling law、英伟达、NVIDIA Grace、NVIDIA GPU、2020年、2020 年", spellingsTable); len(p) != 3 {
		t.Errorf("spelling variants: %q, want scaling law, NVIDIA, 2020 年", p)
	}
	if p := labelProblems("- **算力成为核心瓶颈**\n  AI三要素中\n- **标签**\\\n  下一行\n\n指数级爆炸：\nGPT-3\n\n依次：\n\n- 一"); len(p) != 2 {
		t.Errorf("labels: %q, want the bold label and the colon run into their next lines", p)
	}
	if n := spokenLength("GPU行业，30%-40% 的 GPT-4o"); n != 6 {
		t.Errorf("spokenLength = %d, want 6 (行业 的, GPU 30%%-40%% GPT-4o)", n)
	}
	if n := hanCount("GPU行业 AI"); n != 2 {
		t.Errorf("hanCount = %d, want 2", n)
	}
	src, exp := cjkBigrams("⻓期成⻓ AI铲 铲子"), cjkBigrams(joinLines("长期\n  成长 铲子"))
	if len(src) != 4 || !src["长期"] || src["长铲"] || coverage(src, exp) != 1 {
		t.Errorf("bigrams %v (want 长期 期成 成长 铲子), coverage %v", src, coverage(src, exp))
	}
	if c := coverage(src, cjkBigrams("长期 成长 铲子")); c != 0.75 {
		t.Errorf("coverage of a text with split words = %v, want 0.75 (期成 is split)", c)
	}
	if c := editorsComments("<!-- speaker_note: 整理说明 -->\n<!-- 整理说明：补回 x86。 -->\n<!-- 其他 -->"); len(c) != 1 || !strings.Contains(c[0], "x86") {
		t.Errorf("editorsComments = %q, want the one 整理说明 comment", c)
	}
}

// spelling is one term of the deck: every match of all, its spellings and
// near misses, must match want.
type spelling struct {
	all, want *regexp.Regexp
}

// spellingProblems returns the matches in text that are not the chosen
// spelling of their term.
func spellingProblems(text string, terms []spelling) []string {
	var out []string
	for _, term := range terms {
		for _, m := range term.all.FindAllString(text, -1) {
			if !term.want.MatchString(m) {
				out = append(out, m)
			}
		}
	}
	return out
}

var (
	boldLabelRe = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+\*\*[^*]+\*\*\s*$`)
	blockStart  = regexp.MustCompile(`^\s*(?:[-*+]\s|\d+[.)]\s|>|\||#|<!--|` + "```" + `)`)
)

// labelProblems finds labels meant to stand on their own line that
// Markdown joins to the next line: a list item that is only a bold label,
// or a line ending in "：", followed by a line of the same paragraph
// without a hard break ("\" at the end).
func labelProblems(md string) []string {
	var out []string
	lines := strings.Split(md, "\n")
	for i := 0; i+1 < len(lines); i++ {
		l, next := strings.TrimRight(lines[i], " "), lines[i+1]
		if strings.HasSuffix(l, `\`) || strings.TrimSpace(next) == "" || blockStart.MatchString(next) {
			continue
		}
		if boldLabelRe.MatchString(l) || strings.HasSuffix(l, "：") {
			out = append(out, l+" / "+strings.TrimSpace(next))
		}
	}
	return out
}

// hanCount counts Chinese characters: how much there is to read.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// cjkBigrams returns the pairs of adjacent Chinese characters in text once
// PDF look-alikes are repaired. Anything else, whitespace too, separates
// characters: the pairs are ones the text certainly has. Compare a text
// wrapped at arbitrary places after joining its lines (joinLines).
func cjkBigrams(text string) map[string]bool {
	text, _ = deck.Repair(text)
	var prev rune
	out := map[string]bool{}
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			prev = 0
			continue
		}
		if prev != 0 {
			out[string([]rune{prev, r})] = true
		}
		prev = r
	}
	return out
}

// joinLines drops all whitespace, so that words wrapped across lines are
// whole again.
func joinLines(text string) string {
	return strings.Join(strings.Fields(text), "")
}

// coverage is the share of want's keys that are in have.
func coverage(want, have map[string]bool) float64 {
	if len(want) == 0 {
		return 1
	}
	n := 0
	for k := range want {
		if have[k] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

var commentRe = regexp.MustCompile(`(?s)<!--(.*?)-->`)

// editorsComments returns the text of the plain comments in src that begin
// with "整理说明".
func editorsComments(src string) []string {
	var out []string
	for _, m := range commentRe.FindAllStringSubmatch(src, -1) {
		if t := strings.TrimSpace(m[1]); strings.HasPrefix(t, "整理说明") {
			out = append(out, t)
		}
	}
	return out
}

var latinWordRe = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9.+%-]*`)

// spokenLength is how much there is to say in notes: one per Chinese
// character, one per Latin word or number.
func spokenLength(notes string) int {
	return hanCount(notes) + len(latinWordRe.FindAllString(notes, -1))
}
