package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A line break inside a Markdown paragraph joins the lines. Chinese is
// written without spaces, and fullwidth punctuation carries its own space,
// so neither gets one; Latin words, and Korean, do.
func TestSoftLineBreaks(t *testing.T) {
	tests := []struct{ src, want string }{
		{"训练\n推理", "训练推理"},
		{"重复计算。\nCPU通用性强", "重复计算。CPU通用性强"},
		{"场景（\nTPU）", "场景（TPU）"},
		{"GPU\n配合", "GPU 配合"},
		{"more\nwords", "more words"},
		{"한국어\n문장", "한국어 문장"},
		{"日本語の\nテキスト", "日本語のテキスト"},
		{"护城河之一——\n不是硬件买不起", "护城河之一——不是硬件买不起"},
		{"而是\n“卖铲人”", "而是“卖铲人”"},
		{"GPU\n——", "GPU ——"},
		{"word —\nword", "word — word"},
	}
	for _, tt := range tests {
		p := renderPlain(t, tt.src, 0, 0, 80)
		got := strings.TrimSpace(strings.Join(trimmed(p.Lines), ""))
		if got != tt.want {
			t.Errorf("%q rendered %q, want %q", tt.src, got, tt.want)
		}
	}
}

// Plain output (NO_COLOR, export) draws tables with box-drawing
// characters, not glamour notty's | and -.
func TestPlainTablesAreBoxDrawn(t *testing.T) {
	p := renderPlain(t, "| 芯片 | 优势 |\n|---|---|\n| CPU | 通用 |\n", 0, 0, 40)
	all := strings.Join(p.Lines, "\n")
	for _, c := range []string{"┌", "│", "└", "┼"} {
		if !strings.Contains(all, c) {
			t.Errorf("table has no %q:\n%s", c, all)
		}
	}
	if strings.Contains(all, "|") {
		t.Errorf("table still uses |:\n%s", all)
	}
}

// With NoCache nothing is kept: each call typesets afresh (same result).
func TestNoCache(t *testing.T) {
	d := parseDeck(t, "# a\n\ntext\n<!-- notes: n -->\n")
	r, err := New(d, Options{Theme: "notty", NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	p1, _ := r.Slide(0, 0, 80)
	p2, _ := r.Slide(0, 0, 80)
	n1, _ := r.Notes(0, 80)
	n2, _ := r.Notes(0, 80)
	if p1 == p2 || n1 == n2 {
		t.Error("NoCache renderer returned a cached page")
	}
	if strings.Join(p1.Lines, "\n") != strings.Join(p2.Lines, "\n") {
		t.Error("uncached renders differ")
	}
	if len(r.pages)+len(r.notes)+len(r.docs) != 0 {
		t.Errorf("NoCache renderer kept %d pages, %d notes, %d parsed blocks", len(r.pages), len(r.notes), len(r.docs))
	}
}

// No space appears between two Chinese characters (or a Chinese character
// and the punctuation Chinese shares with Western text) unless the author
// wrote one: over both test decks, slides and notes, at several widths,
// each such spaced pair in the output is also in the source.
func TestNoInventedSpacesInChinese(t *testing.T) {
	for name, d := range testDecks(t) {
		var src strings.Builder
		for _, s := range d.Slides {
			for _, b := range s.Blocks {
				src.WriteString(b.Markdown + "\n")
			}
			src.WriteString(s.Notes + "\n")
		}
		// Emphasis markers vanish when rendered: "为 **“" shows as "为 “".
		allowed := spacedPairs(strings.NewReplacer("*", "", "`", "").Replace(src.String()))
		// Dark, not notty: notty's **bold** markers would hide a space
		// before bold text from the check.
		r, err := New(d, Options{Theme: "dark"})
		if err != nil {
			t.Fatal(err)
		}
		for _, width := range []int{30, 57, 100} {
			for i, s := range d.Slides {
				p, _ := r.Slide(i, s.Steps-1, width)
				n, _ := r.Notes(i, width)
				for pair := range spacedPairs(ansi.Strip(strings.Join(append(p.Lines, n.Lines...), "\n"))) {
					if !allowed[pair] {
						t.Errorf("%s slide %d at %d: %q has a space the source does not", name, s.Number, width, pair)
					}
				}
			}
		}
	}
}

// spacedPairs finds "a b" where a and b join Chinese text without spaces.
func spacedPairs(text string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		rs := []rune(line)
		for i := 1; i+1 < len(rs); i++ {
			// Bullets and the clip marker at a code line's end are the
			// renderer's own, not text.
			if rs[i-1] == '•' || (rs[i+1] == '…' && i+2 == len(rs)) {
				continue
			}
			if rs[i] == ' ' && cjkSide(rs[i-1]) && cjkSide(rs[i+1]) && (unspaced(rs[i-1]) || unspaced(rs[i+1])) {
				out[string(rs[i-1:i+2])] = true
			}
		}
	}
	return out
}
