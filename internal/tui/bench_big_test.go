package tui

import (
	"fmt"
	"strings"
	"testing"

	"shovel/deck"
)

// bigDeckSrc is a deck like /work/shared/bench/gen_big.py's: n slides with
// a heading, a table with Chinese cells, a list and a paragraph each.
func bigDeckSrc(n int) string {
	var sb strings.Builder
	for i := 1; i <= n; i++ {
		if i > 1 {
			sb.WriteString("\n\n---\n\n")
		}
		fmt.Fprintf(&sb, "# Slide %d: benchmark heading %d\n\n| Chip | 优势 | 劣势 | Score |\n|------|------|------|------:|\n", i, i)
		for j, c := range [][3]string{{"CPU", "通用性强", "并行度低"}, {"GPU", "并行算力强", "功耗高"}, {"FPGA", "可重构", "开发周期长"}, {"ASIC", "能效最高", "不可更改"}, {"NPU", "推理高效", "生态较新"}} {
			fmt.Fprintf(&sb, "| %s | %s | %s | %d |\n", c[0], c[1], c[2], (i*7+j*13)%100)
		}
		fmt.Fprintf(&sb, "\n- item one of slide %d\n- item two with **bold** and `code` %d\n- item three with a [link](https://example.com/%d)\n- item four %d\n\n", i, i, i, i)
		fmt.Fprintf(&sb, "Paragraph for slide %d. %s", i, strings.Repeat("The quick brown fox jumps over the lazy dog while the\npresentation tool renders tables, lists and paragraphs at a fixed\nterminal width. ", 3))
	}
	return sb.String()
}

// BenchmarkKeyBigDeck is a key press → View on a 1,000-slide deck at
// 120x40 (issue 15's key figure): Update with "next" over the first 20
// slides (rendered once in the warm-up) and View.
func BenchmarkKeyBigDeck(b *testing.B) {
	d, err := deck.Parse("big.md", []byte(bigDeckSrc(1000)))
	if err != nil || len(d.Slides) != 1000 {
		b.Fatal(err)
	}
	h := newHarness(b, d, 120, 40, func(o *Options) { o.Theme = "dark" })
	for i := 0; i < 20; i++ {
		h.keys("right")
	}
	h.keys("home")
	next, home := keyMsg("right"), keyMsg("home")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		msg := next
		if h.m.pos.Slide == 19 {
			msg = home
		}
		h.send(msg)
		_ = h.m.View()
	}
}

// BenchmarkKeyBigDeckCold is all the work inside shovel for one key press
// on the 1,000-slide deck at 120x40, as the program does it: Update with
// "next" and View, then the commands Update returned, each message they
// bring back to Update and a View after each. The commands typeset the
// slide one more key press away, which no earlier press rendered: the
// neighbour render every key press in a talk pays for.
func BenchmarkKeyBigDeckCold(b *testing.B) {
	d, err := deck.Parse("big.md", []byte(bigDeckSrc(1000)))
	if err != nil || len(d.Slides) != 1000 {
		b.Fatal(err)
	}
	var h *harness
	fresh := func() {
		h = newHarness(b, d, 120, 40, func(o *Options) { o.Theme = "dark" })
		h.viewEach = true
	}
	fresh()
	next := keyMsg("right")
	b.ReportAllocs()
	for b.Loop() {
		if h.m.pos.Slide >= len(d.Slides)-2 {
			b.StopTimer()
			fresh()
			b.StartTimer()
		}
		h.send(next)
	}
}
