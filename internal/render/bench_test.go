package render

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"shovel/deck"
	"shovel/slides"
)

// Benchmarks for issue 4's speed targets, on this machine: a cold render of
// a typical slide under 2 ms, a cached lookup under 2 µs, the 5,000-slide
// deck under 10 s cold. Run with `make bench` (-benchmem).

func builtinDeck(b *testing.B) *deck.Deck {
	b.Helper()
	d, err := deck.OpenFS(slides.FS(), ".", "slides")
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkSlideCold typesets each built-in slide, fully revealed, at 100
// columns with nothing cached (parsing included).
func BenchmarkSlideCold(b *testing.B) {
	d := builtinDeck(b)
	r, err := New(d, Options{Theme: "dark"})
	if err != nil {
		b.Fatal(err)
	}
	for i, s := range d.Slides {
		b.Run(fmt.Sprintf("%02d", i+1), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				forget(r)
				if _, err := r.Slide(i, s.Steps-1, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCodeSlideCold is the CJK deck's slide with a highlighted Go
// block (chroma's lexer is compiled once per process, before timing).
func BenchmarkCodeSlideCold(b *testing.B) {
	d := testDecks(b)["cjk"]
	r, err := New(d, Options{Theme: "dark"})
	if err != nil {
		b.Fatal(err)
	}
	const slide = 8 // 引用与代码
	if !strings.Contains(d.Slides[slide].Title, "代码") {
		b.Fatalf("slide %d is %q, not the code slide", slide+1, d.Slides[slide].Title)
	}
	b.ReportAllocs()
	for b.Loop() {
		forget(r)
		if _, err := r.Slide(slide, 0, 100); err != nil {
			b.Fatal(err)
		}
	}
}

// forget empties r's caches, so that the next render is cold: parsing and
// layout, but not New.
func forget(r *Renderer) {
	r.mu.Lock()
	clear(r.pages)
	clear(r.docs)
	r.mu.Unlock()
}

// BenchmarkDeckCold typesets the whole built-in deck at 100 columns with a
// fresh renderer; ns/op divided by the slide count is the mean per slide.
func BenchmarkDeckCold(b *testing.B) {
	d := builtinDeck(b)
	renderDeckCold(b, d)
	b.ReportMetric(float64(len(d.Slides)), "slides")
}

// BenchmarkSlideWarm is a cached lookup, what the TUI pays per frame.
func BenchmarkSlideWarm(b *testing.B) {
	d := builtinDeck(b)
	r, err := New(d, Options{Theme: "dark"})
	if err != nil {
		b.Fatal(err)
	}
	for i, s := range d.Slides {
		if _, err := r.Slide(i, s.Steps-1, 100); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		i := n % len(d.Slides)
		if _, err := r.Slide(i, d.Slides[i].Steps-1, 100); err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// generatedDeck repeats the built-in deck's Markdown until it has n slides.
func generatedDeck(b *testing.B, n int) *deck.Deck {
	b.Helper()
	var parts []string
	err := fs.WalkDir(slides.FS(), ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := fs.ReadFile(slides.FS(), path)
		if err != nil {
			return err
		}
		body := string(data)
		if strings.HasPrefix(body, "---\n") { // drop front matter
			if end := strings.Index(body[4:], "\n---\n"); end >= 0 {
				body = body[4+end+5:]
			}
		}
		parts = append(parts, strings.TrimSpace(body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	unit := strings.Join(parts, "\n\n---\n\n")
	var src strings.Builder
	var d *deck.Deck
	for d == nil || len(d.Slides) < n {
		if src.Len() > 0 {
			src.WriteString("\n\n---\n\n")
		}
		src.WriteString(unit)
		if d, err = deck.Parse("generated.md", []byte(src.String())); err != nil {
			b.Fatal(err)
		}
		if len(d.Slides) == 0 {
			b.Fatal("generated deck has no slides")
		}
		if need := n / len(d.Slides); need > 1 { // grow fast, then by one unit
			src.WriteString(strings.Repeat("\n\n---\n\n"+unit, need-1))
			d = nil
		}
	}
	d.Slides = d.Slides[:n]
	return d
}

// BenchmarkDeck5000Cold typesets a generated 5,000-slide deck at 100
// columns, every slide fully revealed, with a fresh renderer.
func BenchmarkDeck5000Cold(b *testing.B) {
	d := generatedDeck(b, 5000)
	renderDeckCold(b, d)
}

// BenchmarkNew is the renderer's share of start-up.
func BenchmarkNew(b *testing.B) {
	d := builtinDeck(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(d, Options{Theme: "dark"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrapText(b *testing.B) {
	text := strings.Repeat(raggedParagraph, 4)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		WrapText(text, 60)
	}
}

// renderDeckCold typesets every slide of d, fully revealed, at 100 columns
// with a fresh renderer per iteration.
func renderDeckCold(b *testing.B, d *deck.Deck) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := New(d, Options{Theme: "dark"})
		if err != nil {
			b.Fatal(err)
		}
		for i, s := range d.Slides {
			if _, err := r.Slide(i, s.Steps-1, 100); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// bigSlide is one slide of /work/shared/bench/gen_big.py's deck (issue
// 15's key figure): a heading, a table with Chinese cells, a list and a
// paragraph source-wrapped at 72 columns.
func bigSlide(i int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# Slide %d: benchmark heading %d\n\n| Chip | 优势 | 劣势 | Score |\n|------|------|------|------:|\n", i, i)
	chips := [][3]string{{"CPU", "通用性强", "并行度低"}, {"GPU", "并行算力强", "功耗高"},
		{"FPGA", "可重构", "开发周期长"}, {"ASIC", "能效最高", "不可更改"}, {"NPU", "推理高效", "生态较新"}}
	for j, c := range chips {
		fmt.Fprintf(&sb, "| %s | %s | %s | %d |\n", c[0], c[1], c[2], (i*7+j*13)%100)
	}
	fmt.Fprintf(&sb, "\n- item one of slide %d\n- item two with **bold** and `code` %d\n- item three with a [link](https://example.com/%d)\n- item four %d\n\n", i, i, i, i)
	para := fmt.Sprintf("Paragraph for slide %d. ", i) + strings.TrimSpace(strings.Repeat("The quick brown fox jumps over the lazy dog while the presentation tool renders tables, lists and paragraphs at a fixed terminal width. ", 3))
	sb.WriteString(WrapText(para, 72)[0])
	for _, l := range WrapText(para, 72)[1:] {
		sb.WriteString("\n" + l)
	}
	return sb.String()
}

// BenchmarkBigDeckSlideCold typesets one slide of a gen_big.py deck at
// 120 columns with nothing cached, parsing included: what the TUI pays to
// render the neighbour a key press moves next to.
func BenchmarkBigDeckSlideCold(b *testing.B) {
	const n = 50
	parts := make([]string, n)
	for i := range parts {
		parts[i] = bigSlide(i + 1)
	}
	d, err := deck.Parse("big.md", []byte(strings.Join(parts, "\n\n---\n\n")+"\n"))
	if err != nil || len(d.Slides) != n {
		b.Fatal(err)
	}
	r, err := New(d, Options{Theme: "dark"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		forget(r)
		if _, err := r.Slide(i%n, 0, 120); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
