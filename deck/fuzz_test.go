package deck

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, and
// what it returns must be self-consistent. Seeds are in testdata/fuzz.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"# A\n\n---\n\n# B\n",
		"---\ntitle: T\nduration: 25m\n---\n\n# A\n<!-- speaker_note: n -->\n<!-- pause -->\nb\n",
		"```\n---\n```\n",
		"a\n. . .\nb\n\n::: notes\nx\n:::\n",
		"<!-- column_layout: [1, 2] -->\n<!-- column: 1 -->\nx\n<!-- reset_layout -->\n",
		"\xEF\xBB\xBF# A\r\n\r\n---\r\nb\r\n",
		"<!-- unterminated\n\n---\n",
		"::: notes\n",
		"---\ntitle: [\n---\n",
		"# 为什么是GPU\n\n| 芯片 | 优势 |\n|---|---|\n| CPU | 通用 |\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("f.md", src)
		if err != nil {
			return // unreadable input is reported, not parsed
		}
		// CR alone is a line ending too, so count both as an upper bound.
		lines := strings.Count(string(src), "\n") + strings.Count(string(src), "\r") + 2
		for i, s := range d.Slides {
			if s.Number != i+1 {
				t.Fatalf("slide %d numbered %d", i+1, s.Number)
			}
			if s.Steps < 1 || s.Title == "" {
				t.Fatalf("slide %d: steps=%d title=%q", s.Number, s.Steps, s.Title)
			}
			if s.StartLine < 1 || s.EndLine < s.StartLine || s.EndLine > lines {
				t.Fatalf("slide %d: lines %d-%d of %d", s.Number, s.StartLine, s.EndLine, lines)
			}
			for _, b := range s.Blocks {
				if b.Step < 0 || b.Step >= s.Steps {
					t.Fatalf("block step %d outside 0..%d", b.Step, s.Steps-1)
				}
				if b.Layout >= len(s.Layouts) || (b.Layout >= 0 && b.Column >= len(s.Layouts[b.Layout].Widths)) {
					t.Fatalf("block in layout %d column %d of %d layouts", b.Layout, b.Column, len(s.Layouts))
				}
				if strings.TrimSpace(b.Markdown) == "" {
					t.Fatalf("empty block in slide %d", s.Number)
				}
			}
		}
		for _, x := range d.Diagnostics {
			if x.Pos.Line < 1 || x.Pos.Line > lines || x.Message == "" {
				t.Fatalf("diagnostic out of range: %v (of %d lines)", x, lines)
			}
		}
		if utf8.Valid(src) && len(d.Slides) == 0 && !d.Diagnostics.HasErrors() {
			t.Fatalf("no slides but no error")
		}
	})
}

// genDeck writes an n-slide deck shaped like a real talk: a heading, a
// table, a list, a paragraph and a note per slide, Chinese and English mixed.
func genDeck(n int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: 生成的演示\nduration: 25m\n---\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "# 第 %d 页：GPU 与 CUDA 生态\n\n", i)
		b.WriteString("| 芯片类型 | 优势 | 劣势 |\n|---|---|---|\n| CPU | 通用性强、生态成熟 | 并行能力弱 |\n| GPU | 并行能力强 (CUDA) | 功耗大 |\n\n")
		b.WriteString("- 训练是指通过数据开发出 AI 模型\n- 推理是指利用训练好的模型进行计算\n  - nested item with English words\n\n")
		b.WriteString("当前阶段，GPU 配合 CPU 是 AI 芯片的主流，而后随着视觉、语音、深度学习的算法在 ASIC 芯片上的不断优化，两者将长期共存。\n\n")
		b.WriteString("<!-- pause -->\n\nThe flywheel: better chips → more developers → richer libraries.\n\n")
		fmt.Fprintf(&b, "<!-- speaker_note: 第 %d 页的备注：先讲表格，再讲飞轮。 -->\n<!-- time: 45s -->\n\n---\n\n", i)
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	src := genDeck(5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse("big.md", src)
		if err != nil || len(d.Slides) != 5000 {
			b.Fatalf("parse: %v, %d slides", err, len(d.Slides))
		}
	}
}
