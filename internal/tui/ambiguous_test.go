package tui

import (
	"strings"
	"testing"

	"shovel/deck"
	"shovel/internal/render"
)

// TestChromeMeasuresLikeTheRenderer: with ambiguous_width: 2 the terminal
// draws “ ” — · ━ │ and Cyrillic two cells wide; the chrome (footer,
// progress bar, presenter panes, index, help) must measure them so, or a
// 60-cell screen gets an 85-cell footer (issue 16).
func TestChromeMeasuresLikeTheRenderer(t *testing.T) {
	src := "---\ntitle: “Доклад” о ширине — тест\nambiguous_width: 2\n---\n\n" +
		"# Привет, “мир” — ①②③ αβγ\n\nТекст слайда “в кавычках”.\n\n---\n\n# Второй · слайд\n\nещё\n"
	d, err := deck.Parse("amb.md", []byte(src))
	if err != nil || d.Diagnostics.HasErrors() {
		t.Fatal(err, d.Diagnostics)
	}
	width2 := func(s string) int { return render.StringWidthAmbiguous(s, 2) }
	for _, w := range []int{40, 60, 97} {
		h := newHarness(t, d, w, 20, func(o *Options) { o.Theme = "dark" })
		for _, keys := range []string{"", "P", "P tab", "esc ?"} {
			h.keys(keys)
			lines := strings.Split(h.view(), "\n")
			for i, l := range lines {
				if got := width2(l); got > w {
					t.Errorf("width %d, %s (after %q): row %d is %d cells: %q", w, h.m.Mode(), keys, i, got, l)
				}
			}
			if h.m.Mode() == "present" {
				if got := width2(lines[len(lines)-1]); got != w {
					t.Errorf("width %d: footer is %d cells, want %d", w, got, w)
				}
			}
		}
	}
}
