package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"shovel/deck"
)

func parseDeck(t testing.TB, md string) *deck.Deck {
	t.Helper()
	d, err := deck.Parse("test.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func renderPlain(t *testing.T, md string, slide, step, width int) *Page {
	t.Helper()
	r, err := New(parseDeck(t, md), Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Slide(slide, step, width)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func trimmed(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(ansi.Strip(l))
	}
	return out
}

func TestNewThemes(t *testing.T) {
	d := parseDeck(t, "# x\n")
	for _, th := range []string{"dark", "light", "notty", "ascii", "dracula", "auto", ""} {
		if _, err := New(d, Options{Theme: th}); err != nil {
			t.Errorf("theme %q: %v", th, err)
		}
	}
	// An unknown name falls back (lint warns); it is never a refusal.
	if _, err := New(d, Options{Theme: "sepia"}); err != nil {
		t.Errorf("unknown theme: err = %v", err)
	}
	if _, err := New(d, Options{Theme: "missing/style.json"}); err == nil {
		t.Error("missing style file: no error")
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(d, Options{Theme: bad}); err == nil || !strings.Contains(err.Error(), "not a glamour style file") {
		t.Errorf("bad style file: err = %v", err)
	}
}

func TestStyleFileNextToDeck(t *testing.T) {
	dir := t.TempDir()
	style := `{"h1": {"color": "#ff0000", "prefix": "» "}}`
	if err := os.WriteFile(filepath.Join(dir, "red.json"), []byte(style), 0o644); err != nil {
		t.Fatal(err)
	}
	deckPath := filepath.Join(dir, "talk.md")
	if err := os.WriteFile(deckPath, []byte("---\ntheme: red.json\n---\n# 标题\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := deck.Open(deckPath)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := r.Slide(0, 0, 40)
	if got := p.Lines[0]; !strings.Contains(got, "38;2;255;0;0") || !strings.Contains(got, "» 标题") {
		t.Errorf("title %q does not use the deck's style file", got)
	}
}

func TestNoColor(t *testing.T) {
	env := map[string]string{"NO_COLOR": "1"}
	if !NoColor(func(k string) string { return env[k] }) {
		t.Error("NO_COLOR=1 not honoured")
	}
	env["NO_COLOR"] = ""
	if NoColor(func(k string) string { return env[k] }) {
		t.Error("empty NO_COLOR means colour is fine")
	}
}

func TestSlideErrorsAndCache(t *testing.T) {
	r, err := New(parseDeck(t, "# a\n\n---\n\n# b\n"), Options{Theme: "dark"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Slide(2, 0, 80); err == nil {
		t.Error("slide out of range: no error")
	}
	if _, err := r.Notes(-1, 80); err == nil {
		t.Error("notes out of range: no error")
	}
	p1, _ := r.Slide(1, 0, 80)
	p2, _ := r.Slide(1, 0, 80)
	p3, _ := r.Slide(1, 0, 81)
	if p1 != p2 {
		t.Error("the same (slide, step, width) was typeset twice")
	}
	if p1 == p3 || p3.Width != 81 {
		t.Error("a different width returned the cached page")
	}
}

// TestConcurrentSlides renders from many goroutines, as the TUI does, and
// compares with a sequential render (run with -race).
func TestConcurrentSlides(t *testing.T) {
	d := testDecks(t)["cjk"]
	// Pages are compared without escape sequences: chroma's regexp
	// timeouts can, on a starved CPU, colour a token as an error (see
	// highlight); the race detector, not this comparison, finds races on
	// styles.
	text := func(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) }
	want := map[key]string{}
	seq, _ := New(d, Options{Theme: "dark"})
	for i := range d.Slides {
		for _, w := range []int{40, 90} {
			p, _ := seq.Slide(i, 9, w)
			want[key{i, 9, w}] = text(p.Lines)
		}
	}
	errs := make(chan string, 100)
	// A fresh renderer each round, so that goroutines race to typeset the
	// same uncached pages and share parsed blocks and the highlighter.
	for round := 0; round < 4; round++ {
		r, _ := New(d, Options{Theme: "dark"})
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range d.Slides {
					for _, w := range []int{40, 90} {
						k := key{(i + g/2) % len(d.Slides), 9, w}
						p, err := r.Slide(k.slide, 9, w)
						if err != nil {
							errs <- err.Error()
							return
						}
						if got := text(p.Lines); got != want[k] {
							errs <- fmt.Sprintf("slide %d width %d differs from the sequential render:\n got %q\nwant %q", k.slide, w, got, want[k])
						}
						if _, err := r.Notes(k.slide, w); err != nil {
							errs <- err.Error()
						}
					}
				}
			}()
		}
		wg.Wait()
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestPausesAndSplitLists(t *testing.T) {
	md := "# T\n\n- one\n- two\n<!-- pause -->\n- three\n\nafter\n"
	p0 := trimmed(renderPlain(t, md, 0, 0, 40).Lines)
	p1 := trimmed(renderPlain(t, md, 0, 1, 40).Lines)
	if strings.Contains(strings.Join(p0, "\n"), "three") {
		t.Errorf("step 0 shows a later step: %q", p0)
	}
	want := []string{"T", "─", "", "• one", "• two", "• three", "", "after"}
	if fmt.Sprint(p1) != fmt.Sprint(want) {
		t.Errorf("step 1 = %q, want %q (a list split by a pause stays one list)", p1, want)
	}
	if p9 := trimmed(renderPlain(t, md, 0, 9, 40).Lines); fmt.Sprint(p9) != fmt.Sprint(want) {
		t.Errorf("a step past the end = %q, want all steps", p9)
	}
}

func TestVerticalCentring(t *testing.T) {
	md := "# Title\n\nsubtitle\n\n---\n\n# Body\n\ntext\n\n---\n\n# Section\n\n---\n\n<!-- jump_to_middle -->\n\ntext only\n"
	for i, want := range []bool{true, false, true, true} {
		if got := renderPlain(t, md, i, 0, 60).VCenter; got != want {
			t.Errorf("slide %d VCenter = %v, want %v", i+1, got, want)
		}
	}
	if p := renderPlain(t, md, 1, 0, 60); p.TitleLines != 2 {
		t.Errorf("TitleLines = %d, want 2 (the title and its rule)", p.TitleLines)
	}
}

func TestContentBox(t *testing.T) {
	r, _ := New(parseDeck(t, "---\nmax_width: 40\n---\n# T\n\n"+strings.Repeat("字", 100)+"\n"), Options{Theme: "notty"})
	p, _ := r.Slide(0, 0, 120)
	// max_width 40 less a margin of 2 each side: 36 cells, centred at 42.
	for _, l := range p.Lines {
		if l != "" && (!strings.HasPrefix(l, spaces(42)) || StringWidth(l) > 42+36) {
			t.Errorf("line %q is outside the content box", l)
		}
	}
}

func TestHangingIndentAndQuoteBars(t *testing.T) {
	md := "# T\n\n- " + strings.Repeat("一二三四五", 6) + "\n  1. " + strings.Repeat("甲乙丙丁", 6) + "\n\n> " + strings.Repeat("引用文字", 8) + "\n>\n> 第二段\n"
	lines := renderPlain(t, md, 0, 0, 30).Lines
	var item, nested, quote []string
	for _, l := range lines[3:] {
		switch {
		case strings.Contains(l, "一") || strings.Contains(l, "四五"):
			item = append(item, l)
		case strings.ContainsAny(l, "甲乙丙丁"):
			nested = append(nested, l)
		case strings.HasPrefix(strings.TrimSpace(l), "|"):
			quote = append(quote, l)
		}
	}
	if len(item) < 2 || len(nested) < 2 || len(quote) < 4 {
		t.Fatalf("unexpected layout:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range item[1:] {
		if !strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "     ") {
			t.Errorf("item continuation %q is not under the item's text", l)
		}
	}
	for _, l := range nested[1:] {
		if !strings.HasPrefix(l, spaces(2+2+3)) || strings.HasPrefix(l, spaces(8)) {
			t.Errorf("nested continuation %q is not under the nested item's text", l)
		}
	}
	blankBar := false
	for _, l := range quote {
		if !strings.HasPrefix(l, "  |") {
			t.Errorf("quote line %q lacks its bar", l)
		}
		blankBar = blankBar || l == "  |"
	}
	if !blankBar {
		t.Errorf("the blank line between the quote's paragraphs lacks its bar:\n%s", strings.Join(lines, "\n"))
	}
}

func TestCodeBlocksAreNotWrapped(t *testing.T) {
	code := "// 中文注释很长很长很长很长很长很长很长很长\nx := 1\t// tab\n"
	md := "# T\n\n```go\n" + code + "```\n"
	for _, theme := range []string{"dark", "notty"} {
		r, _ := New(parseDeck(t, md), Options{Theme: theme})
		p, _ := r.Slide(0, 0, 30)
		body := p.Lines[2:]
		if theme == "notty" {
			body = p.Lines[3:] // after the title's rule
		}
		got := trimmed(body)
		if len(got) != 2 {
			t.Fatalf("%s: code became %d lines: %q", theme, len(got), got)
		}
		if !strings.HasSuffix(got[0], clipMarker) || StringWidth(body[0]) > 30 {
			t.Errorf("%s: long line %q not clipped with %q at 30 cells", theme, got[0], clipMarker)
		}
		if got[1] != "x := 1  // tab" {
			t.Errorf("%s: tab not expanded to a 4-column stop: %q", theme, got[1])
		}
	}
}

func TestStylesSurviveWrapping(t *testing.T) {
	r, _ := New(parseDeck(t, "**"+strings.Repeat("加粗", 20)+"**\n"), Options{Theme: "dark"})
	p, _ := r.Slide(0, 0, 30)
	if len(p.Lines) < 2 {
		t.Fatalf("expected wrapping, got %q", p.Lines)
	}
	for _, l := range p.Lines {
		if !strings.Contains(l, ";1m") {
			t.Errorf("line %q lost the bold style", l)
		}
		if strings.Count(l, "\x1b[") != 2*strings.Count(l, sgrReset) {
			t.Errorf("line %q does not reset every style it sets", l)
		}
	}
}

func TestColumnsStackWhenNarrow(t *testing.T) {
	md := "# T\n<!-- column_layout: [1, 1] -->\n<!-- column: 0 -->\n左边的内容\n<!-- column: 1 -->\n右边的内容\n<!-- reset_layout -->\n"
	wide := trimmed(renderPlain(t, md, 0, 0, 80).Lines)
	if len(wide) != 4 || !strings.Contains(wide[3], "左边的内容") || !strings.Contains(wide[3], "右边的内容") {
		t.Errorf("wide: columns not side by side: %q", wide)
	}
	narrow := trimmed(renderPlain(t, md, 0, 0, 30).Lines)
	if fmt.Sprint(narrow) != fmt.Sprint([]string{"T", "─", "", "左边的内容", "", "右边的内容"}) {
		t.Errorf("narrow: columns not stacked: %q", narrow)
	}
}

func TestAmbiguousWidthFromDeck(t *testing.T) {
	r, _ := New(parseDeck(t, "---\nambiguous_width: 2\n---\n# ①②③④⑤⑥⑦⑧⑨⑩\n"), Options{Theme: "notty"})
	if r.StringWidth("①") != 2 || len(r.WrapText("①②③", 4)) != 2 {
		t.Error("the deck's ambiguous_width: 2 is not used")
	}
	p, _ := r.Slide(0, 0, 20)
	for _, l := range p.Lines {
		if StringWidthAmbiguous(l, 2) > 20 {
			t.Errorf("line %q is wider than 20 cells with ambiguous characters at 2", l)
		}
	}
}

func TestNotes(t *testing.T) {
	md := "# T\n\n<!-- speaker_note: 开场：问听众一个问题，然后**停顿**三秒钟，再继续讲下去。 -->\n"
	r, _ := New(parseDeck(t, md), Options{Theme: "notty"})
	p, err := r.Notes(0, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Lines) < 2 || strings.HasPrefix(p.Lines[1], "，") {
		t.Errorf("notes not wrapped by the slide rules: %q", p.Lines)
	}
	for _, l := range p.Lines {
		if StringWidth(l) > 20 {
			t.Errorf("notes line %q wider than 20", l)
		}
	}
}

// TestControlCharactersAreShown: a raw escape character in a deck must not
// reach the terminal (or a notty export) as a command.
func TestControlCharactersAreShown(t *testing.T) {
	md := "# T\n\nbefore \x1b[31mred\x07 after\n\n```\ncode \x1b[2J\n```\n"
	for _, theme := range []string{"notty", "dark"} {
		r, _ := New(parseDeck(t, md), Options{Theme: theme})
		p, _ := r.Slide(0, 0, 60)
		raw := strings.Join(p.Lines, "\n")
		all := ansi.Strip(raw)
		if strings.Contains(raw, "\x1b[31mred") || strings.Contains(raw, "\x1b[2J") || strings.ContainsRune(raw, 0x07) ||
			theme == "notty" && strings.ContainsRune(raw, 0x1b) {
			t.Errorf("%s: a control character reaches the output: %q", theme, raw)
		}
		if !strings.Contains(all, "␛[31mred␇") || !strings.Contains(all, "code ␛[2J") {
			t.Errorf("%s: control characters not made visible: %q", theme, all)
		}
	}
}

func TestRecordsWithoutHeaderText(t *testing.T) {
	md := "| | 说明 |\n|---|---|\n| Supercalifragilisticexpialidocious | Internationalization |\n"
	got := trimmed(renderPlain(t, md, 0, 0, 30).Lines)
	want := []string{"Supercalifragilisticexpial", "idocious", "说明: Internationalization"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEveryBuiltinStyle typesets the CJK deck with each of glamour's
// built-in styles: their prefixes, separators and code themes differ.
func TestEveryBuiltinStyle(t *testing.T) {
	d := testDecks(t)["cjk"]
	for _, theme := range []string{"dark", "light", "notty", "ascii", "pink", "dracula", "tokyo-night"} {
		r, err := New(d, Options{Theme: theme})
		if err != nil {
			t.Fatalf("%s: %v", theme, err)
		}
		for i := range d.Slides {
			for _, w := range []int{20, 57, 100} {
				p, err := r.Slide(i, 9, w)
				if err != nil {
					t.Fatal(err)
				}
				checkPage(t, fmt.Sprintf("%s slide %d width %d", theme, i+1, w), p, 1, theme == "notty" || theme == "ascii")
			}
		}
	}
}
