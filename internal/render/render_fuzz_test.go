package render

import (
	"testing"
	"unicode/utf8"

	"shovel/deck"
)

// FuzzRender typesets arbitrary decks: never a panic, and no line wider
// than the page at any width the tool supports (20 and up).
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# 标题\n\n- 一\n  - 二\n    > 引用\n\n| a | b |\n|---|:-:|\n| 长长的单元格内容 | x |\n",
		"```go\n// 注释\n\tx := 1\n```\n\n---\n\n<!-- column_layout: [1, 2] -->\n<!-- column: 1 -->\n右\n",
		"1. [x] 完成\n2. ~~删除~~ **粗体** `code` [链接](https://example.com) ![图](a.png)\n",
		"> > > > > > > > 深深的引用，很多层。\n",
	} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, md string, width int) {
		if !utf8.ValidString(md) || width < 20 || width > 300 || len(md) > 4000 {
			t.Skip()
		}
		d, err := deck.Parse("fuzz.md", []byte(md))
		if err != nil || d.Diagnostics.HasErrors() {
			t.Skip()
		}
		for _, theme := range []string{"notty", "dark"} {
			r, err := New(d, Options{Theme: theme})
			if err != nil {
				t.Skip() // a front matter theme that is not one
			}
			for i, s := range d.Slides {
				p, err := r.Slide(i, s.Steps, width)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range p.Lines {
					if w := r.StringWidth(l); w > width {
						t.Errorf("%s slide %d: line %q is %d cells, width %d", theme, i+1, l, w, width)
					}
				}
				if _, err := r.Notes(i, width); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
