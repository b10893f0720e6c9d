package tea

// shovel: this file is not upstream's; it tests shovel_rows.go.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// wholeDraw is what upstream's flush puts in the cell buffer for content.
func wholeDraw(w, h int, m ansi.Method, content string) *uv.ScreenBuffer {
	ref := uv.NewScreenBuffer(w, h)
	ref.Method = m
	ref.Clear()
	uv.NewStyledString(content).Draw(ref, ref.Bounds())
	return &ref
}

// diffCells describes the first cell where got and want differ.
func diffCells(got, want *uv.ScreenBuffer) string {
	if got.Bounds() != want.Bounds() {
		return fmt.Sprintf("got a %v buffer, want %v", got.Bounds(), want.Bounds())
	}
	for y := range want.Height() {
		for x := range want.Width() {
			g, w := got.CellAt(x, y), want.CellAt(x, y)
			if (g == nil) != (w == nil) || g != nil && !g.Equal(w) {
				return fmt.Sprintf("cell (%d,%d): got %#v, want %#v", x, y, g, w)
			}
		}
	}
	return ""
}

// shovelRowVariants are rows a frame is made of: those that end reset, and
// those that leave something for the next row (marked false).
var shovelRowVariants = []struct {
	text    string
	resets  bool
	comment string
}{
	{"", true, "empty"},
	{"plain ascii row", true, ""},
	{"  深度学习 = 大规模矩阵运算，GPU 并行能力强。", true, "wide"},
	{"\x1b[1;38;5;39m# 标题 title\x1b[0m", true, "styled, reset"},
	{"\x1b[38;5;252mfg only\x1b[39m and \x1b[48;5;236mbg\x1b[49m", true, "reset attribute by attribute"},
	{"\x1b[1mbold\x1b[22m\x1b[m", true, "CSI m"},
	{"\x1b]8;;https://example.com\x07link\x1b]8;;\x07 after", true, "hyperlink closed"},
	{"a\x1b[2Jb\x1b[Hc", true, "CSI sequences printString drops"},
	{"tab\there\rCR", true, "tab and carriage return"},
	{strings.Repeat("long 长行 ", 12), true, "wider than the screen"},
	{"\x1b[31mred to the next row", false, "style left on"},
	{"\x1b[48;5;236mbackground left on", false, "background left on"},
	{"\x1b]8;;https://example.com\x07open link", false, "hyperlink left open"},
	{"\u0301joins the row above", false, "combining mark first"},
	{"\x1b[31m\u0301\x1b[0m mark after an escape", false, "combining mark after an escape"},
	{"apc \x1b_payload\x1b\\ rides on", false, "APC carried to the next glyph"},
	{"cut \x1b[", false, "sequence cut off"},
	{"bad \x9b31m utf-8", false, "invalid UTF-8"},
}

// TestShovelRowsDrawnAsTheWholeFrame flushes random frames made of those
// rows, many of them kept from the frame before, and checks after each that
// the cell buffer holds what drawing the frame whole gives; that frames
// whose rows all end reset are remembered (so the next is drawn row by
// row); and that the others are not.
func TestShovelRowsDrawnAsTheWholeFrame(t *testing.T) {
	const w, h = 30, 9
	rng := rand.New(rand.NewPCG(1, 2))
	r := newCursedRenderer(&countWriter{}, []string{"TERM=xterm-256color"}, w, h)
	prev := make([]int, h)
	byRows := 0
	for frame := range 3000 {
		// Rows from the last frame, most of them; fewer or more rows than
		// the screen now and then; "\r\n" line ends sometimes.
		n := h
		switch rng.IntN(10) {
		case 0:
			n = rng.IntN(h)
		case 1:
			n = h + 1 + rng.IntN(3)
		}
		rows := make([]string, n)
		resets := true
		cur := make([]int, n)
		// Most frames are made of rows that end reset, so that the row
		// path runs; the others may hold any row.
		anyRow := rng.IntN(4) == 0
		for y := range n {
			v := rng.IntN(len(shovelRowVariants))
			if y < h && rng.IntN(3) > 0 {
				v = prev[y]
			}
			for !anyRow && !shovelRowVariants[v].resets {
				v = rng.IntN(len(shovelRowVariants))
			}
			cur[y] = v
			rows[y] = shovelRowVariants[v].text
			if y < h && !shovelRowVariants[v].resets {
				resets = false
			}
		}
		copy(prev, cur)
		sep := "\n"
		if rng.IntN(20) == 0 {
			sep = "\r\n"
		}
		content := strings.Join(rows, sep)
		wasByRows := len(r.rows.rows) == h
		r.render(View{Content: content, AltScreen: true})
		if err := r.flush(false); err != nil {
			t.Fatal(err)
		}
		wantH := h
		if content == "" { // flush draws no rows at all then
			wantH = 0
		}
		if d := diffCells(&r.cellbuf, wholeDraw(w, wantH, r.cellbuf.Method, content)); d != "" {
			t.Fatalf("frame %d %q: %s", frame, content, d)
		}
		remembered := len(r.rows.rows) == h
		if want := resets && content != "" && !strings.Contains(content, "\r\n"); remembered != want {
			t.Fatalf("frame %d %q: rows remembered %v, want %v", frame, content, remembered, want)
		}
		if wasByRows && remembered {
			byRows++
		}
	}
	if byRows < 500 {
		t.Errorf("only %d of 3000 frames could be drawn row by row", byRows)
	}
}

// TestShovelFrameRowsTouchOnlyChangedRows checks the point of the patch:
// a frame that changes two rows touches those two only, so the terminal
// renderer diffs nothing else; and a changed row that does not end reset
// makes drawChangedRows refuse, leaving the buffer as it was.
func TestShovelFrameRowsTouchOnlyChangedRows(t *testing.T) {
	const w, h = 40, 6
	rows := []string{"title", "", "\x1b[1mone\x1b[0m", "二 two", "three", "footer 1 / 9"}
	buf := uv.NewScreenBuffer(w, h)
	var f frameRows
	first := strings.Join(rows, "\n")
	buf.Clear()
	uv.NewStyledString(first).Draw(buf, buf.Bounds())
	f.record(&buf, first)
	if len(f.rows) != h {
		t.Fatalf("a frame whose rows all end reset was not remembered: %q", f.rows)
	}
	buf.Touched = nil

	rows[3], rows[5] = "三 three", "footer 2 / 9"
	second := strings.Join(rows, "\n")
	if !f.drawChangedRows(&buf, second) {
		t.Fatal("drawChangedRows refused a frame whose rows all end reset")
	}
	for y := range h {
		touched := y < len(buf.Touched) && buf.Touched[y] != nil
		if touched != (y == 3 || y == 5) {
			t.Errorf("row %d touched: %v", y, touched)
		}
	}
	if d := diffCells(&buf, wholeDraw(w, h, buf.Method, second)); d != "" {
		t.Fatal(d)
	}

	rows[2] = "\x1b[1mone, bold to the next row"
	third := strings.Join(rows, "\n")
	before := wholeDraw(w, h, buf.Method, second)
	if f.drawChangedRows(&buf, third) {
		t.Fatal("drawChangedRows drew a row that leaves bold on for the next")
	}
	if d := diffCells(&buf, before); d != "" {
		t.Fatal("a refused frame changed the buffer: " + d)
	}
}

// TestShovelRowEndsReset checks each row variant on its own.
func TestShovelRowEndsReset(t *testing.T) {
	p := ansi.NewParser()
	for _, v := range shovelRowVariants {
		if got := rowEndsReset(v.text, p); got != v.resets {
			t.Errorf("rowEndsReset(%q) (%s) = %v, want %v", v.text, v.comment, got, v.resets)
		}
	}
}

// BenchmarkShovelFlushRows is BenchmarkShovelFlush's "next" case without the
// row patch (every frame drawn whole) and with it.
func BenchmarkShovelFlushRows(b *testing.B) {
	slides := make([]string, 8)
	for k := range slides {
		slides[k] = benchSlide(k, 0, 40)
	}
	for _, byRows := range []bool{false, true} {
		b.Run(fmt.Sprintf("byRows=%v", byRows), func(b *testing.B) {
			r := newCursedRenderer(&countWriter{}, []string{"TERM=xterm-256color"}, 120, 40)
			r.render(View{Content: slides[0], AltScreen: true})
			_ = r.flush(false)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if !byRows {
					r.rows.forget()
				}
				r.render(View{Content: slides[(i+1)%len(slides)], AltScreen: true})
				_ = r.flush(false)
			}
		})
	}
}
