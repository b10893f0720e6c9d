package render

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"shovel/deck"
)

// Regression tests for what glamour v2 gets wrong with Chinese text (issue
// 4). Each runs the same Markdown through glamour and through shovel's
// renderer and applies the same check to both outputs: the check must find
// glamour's failure, and nothing in ours.

const (
	raggedParagraph = "在当前阶段，GPU 配合 CPU 是AI芯片的主流，英伟达的CUDA生态已经积累了十七年，" +
		"开发者数量超过五百万人，这使得其他厂商即便在硬件性能上追平，也很难撼动其地位。"
	chipTable = "| 芯片类型 | 优势 | 劣势 | 适用阶段 |\n|---|---|---|---|\n" +
		"| GPU | 并行能力强、生态成熟（CUDA） | 功耗大 | 当前AI主流 |\n" +
		"| ASIC | 功耗低、性能强 | 研发周期长、不可更改 | 特定场景（如谷歌TPU） |\n"
)

func glamourLines(t *testing.T, md string, width int) []string {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(width))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(ansi.Strip(out), "\n")
}

func ourLines(t *testing.T, md string, width int) []string {
	t.Helper()
	d, err := deck.Parse("regression.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(d, Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Slide(0, 0, width)
	if err != nil {
		t.Fatal(err)
	}
	return p.Lines
}

// prematureBreaks finds lines of paragraph src that end although the next
// line's first unbreakable run would have fitted. The width is taken as the
// widest line's, which can only hide failures, not invent them.
func prematureBreaks(lines []string, src string) []string {
	m := newMeasurer(1)
	var text []string
	avail := 0
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			text = append(text, l)
			avail = max(avail, m.text(l))
		}
	}
	var bad []string
	for i := 0; i+1 < len(text); i++ {
		gs := m.appendGlyphs(nil, text[i+1], "")
		ink := 0
		for _, g := range gs {
			ink += g.w
			if g.brk != brkNone {
				break
			}
		}
		space := 0
		if strings.Contains(src, string(lastRune(text[i]))+" "+string(firstRune(text[i+1]))) {
			space = 1 // the lines were separated by a space in the source
		}
		if m.text(text[i])+space+ink <= avail {
			bad = append(bad, fmt.Sprintf("%q ended before %q (width %d)", text[i], text[i+1], avail))
		}
	}
	return bad
}

// closingStarts finds lines, and table cells within lines, that start with
// punctuation that must not begin a line.
func closingStarts(lines []string) []string {
	var bad []string
	for _, l := range lines {
		for _, cell := range strings.Split(l, "|") {
			if c := strings.TrimSpace(cell); c != "" && noStart(firstRune(c)) {
				bad = append(bad, fmt.Sprintf("%q starts with %q", strings.TrimSpace(l), firstRune(c)))
			}
		}
	}
	return bad
}

// brokenWords finds Latin words of the source that do not appear whole.
func brokenWords(lines []string, words ...string) []string {
	joined := strings.Join(lines, "\n")
	var bad []string
	for _, w := range words {
		if !strings.Contains(joined, w) {
			bad = append(bad, w)
		}
	}
	return bad
}

// lostText finds characters of want that the output does not show as
// often as want has them.
func lostText(lines []string, want string) []string {
	got := map[rune]int{}
	for _, l := range lines {
		for _, c := range l {
			got[c]++
		}
	}
	need := map[rune]int{}
	for _, c := range want {
		need[c]++
	}
	var bad []string
	for c, n := range need {
		if got[c] < n {
			bad = append(bad, string(c))
		}
	}
	return bad
}

func TestGlamourRaggedLineBeforeCJK(t *testing.T) {
	const width = 40
	if bad := prematureBreaks(glamourLines(t, raggedParagraph, width), raggedParagraph); len(bad) == 0 {
		t.Errorf("glamour no longer breaks early before a Chinese run; the regression check cannot fail")
	} else {
		t.Logf("glamour: %s", bad[0])
	}
	if bad := prematureBreaks(ourLines(t, raggedParagraph, width), raggedParagraph); len(bad) > 0 {
		t.Errorf("premature breaks: %s", strings.Join(bad, "; "))
	}
}

func TestGlamourClosingPunctuationAtLineStart(t *testing.T) {
	for _, md := range []string{raggedParagraph, chipTable} {
		const width = 40
		if bad := closingStarts(glamourLines(t, md, width)); len(bad) == 0 {
			t.Errorf("glamour starts no line with closing punctuation; the regression check cannot fail")
		} else {
			t.Logf("glamour: %s", bad[0])
		}
		if bad := closingStarts(ourLines(t, md, width)); len(bad) > 0 {
			t.Errorf("lines start with closing punctuation: %s", strings.Join(bad, "; "))
		}
	}
}

func TestGlamourSplitsLatinWordsInTableCells(t *testing.T) {
	const width = 40
	words := []string{"CUDA", "ASIC", "TPU", "GPU", "AI"}
	if bad := brokenWords(glamourLines(t, chipTable, width), words...); len(bad) == 0 {
		t.Errorf("glamour keeps Latin words whole in cells; the regression check cannot fail")
	} else {
		t.Logf("glamour splits %v", bad)
	}
	if bad := brokenWords(ourLines(t, chipTable, width), words...); len(bad) > 0 {
		t.Errorf("words split in table cells: %v", bad)
	}
}

func TestGlamourTruncatesNarrowTableHeaders(t *testing.T) {
	const header = "芯片类型优势劣势适用阶段"
	for _, width := range []int{30, 40} {
		g := glamourLines(t, chipTable, width)
		if bad := lostText(g, header); len(bad) == 0 || !strings.Contains(strings.Join(g, ""), "…") {
			t.Errorf("width %d: glamour no longer truncates headers; the regression check cannot fail", width)
		} else {
			t.Logf("width %d: glamour loses %v", width, bad)
		}
		ours := ourLines(t, chipTable, width)
		if bad := lostText(ours, header+"并行能力强生态成熟CUDA功耗大当前AI主流特定场景如谷歌TPU"); len(bad) > 0 {
			t.Errorf("width %d: text lost: %v\n%s", width, bad, strings.Join(ours, "\n"))
		}
		if strings.Contains(strings.Join(ours, ""), "…") {
			t.Errorf("width %d: a cell is truncated with …", width)
		}
	}
}
