package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func plainLines(t *testing.T, md string, width int) []string {
	t.Helper()
	p := renderPlain(t, md, 0, 99, width)
	return p.Lines
}

func TestOtherToolsMarkdown(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // trimmed non-empty lines, in order
		absent   []string
	}{
		{"GitHub alert becomes a titled callout", "> [!WARNING]\n> Mind the gap.\n",
			[]string{"| Warning", "|", "| Mind the gap."}, []string{"[!WARNING]"}},
		{"alert title alone", "> [!note]\n",
			[]string{"| Note"}, []string{"[!note]"}},
		{"a quote that is no alert stays", "> [!nope]\n> text\n",
			[]string{"| [!nope] text"}, nil},
		{"presenterm image size hint is dropped", "![image:width:50%](pic.png)\n",
			[]string{"[image] pic.png"}, []string{"image:width"}},
		{"an ordinary alt text stays", "![a chart](pic.png)\n",
			[]string{"[image: a chart] pic.png"}, nil},
		{"rust hidden lines", "```rust\n# fn main() {\nlet x = 1;\n#[derive(Debug)]\n# }\n```\n",
			[]string{"let x = 1;", "#[derive(Debug)]"}, []string{"fn main", "# }"}},
		{"/// lines hidden in Go", "```go\n/// setup()\nrun()\n```\n",
			[]string{"run()"}, []string{"setup"}},
		{"/// is a doc comment in C", "```c\n/// doc\nint x;\n```\n",
			[]string{"/// doc", "int x;"}, nil},
		{"line numbers and highlights", "```go +line_numbers {1,3}\na()\nb()\nc()\n```\n",
			[]string{"1 ▌ a()", "2   b()", "3 ▌ c()"}, []string{"+line_numbers", "{1,3}"}},
		{"highlight range without numbers", "```go {2-3} +exec\na()\nb()\nc()\n```\n",
			[]string{"a()", "▌ b()", "▌ c()"}, []string{"+exec"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range plainLines(t, tt.md, 60) {
				if l = strings.TrimSpace(l); l != "" {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, a := range tt.absent {
				if strings.Contains(strings.Join(got, "\n"), a) {
					t.Errorf("%q is shown", a)
				}
			}
		})
	}
}

func TestHighlightFaintInColour(t *testing.T) {
	r, err := New(parseDeck(t, "```go {1}\na()\nb()\n```\n"), Options{Theme: "dark"})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := r.Slide(0, 0, 40)
	var lit, dim string
	for _, l := range p.Lines {
		switch s := ansi.Strip(l); {
		case strings.Contains(s, "a()"):
			lit = l
		case strings.Contains(s, "b()"):
			dim = l
		}
	}
	if strings.Contains(lit, "\x1b[2") || !strings.Contains(dim, ";2m") && !strings.Contains(dim, "[2m") {
		t.Errorf("highlighted %q / other %q: only the other should be faint", lit, dim)
	}
}

func TestAlignRightAndNewLines(t *testing.T) {
	lines := plainLines(t, "<!-- alignment: right -->\n\nshort\n\n<!-- new_lines: 3 -->\n\nlast\n", 40)
	var idx []int
	for i, l := range lines {
		if s := strings.TrimSpace(l); s == "short" || s == "last" {
			idx = append(idx, i)
			if !strings.HasSuffix(strings.TrimRight(l, " "), s) || len(strings.TrimRight(l, " ")) < 30 {
				t.Errorf("%q is not against the right edge", l)
			}
		}
	}
	// One blank line between blocks, plus the three asked for.
	if len(idx) != 2 || idx[1]-idx[0] != 5 {
		t.Errorf("lines %q: want 4 blank lines between the blocks", lines)
	}
}

// A layout with more columns than fit keeps as many side by side as fit,
// the rest in rows below, instead of stacking them all.
func TestColumnsAsManyAsFit(t *testing.T) {
	md := "<!-- column_layout: [1, 1, 1, 1] -->\n<!-- column: 0 -->\nA1\n<!-- column: 1 -->\nB2\n<!-- column: 2 -->\nC3\n<!-- column: 3 -->\nD4\n"
	rows := func(width int) []string {
		var out []string
		for _, l := range plainLines(t, md, width) {
			if s := strings.Join(strings.Fields(l), " "); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if got := rows(100); strings.Join(got, "|") != "A1 B2 C3 D4" {
		t.Errorf("wide: %q", got)
	}
	if got := rows(50); strings.Join(got, "|") != "A1 B2|C3 D4" {
		t.Errorf("two fit: %q", got)
	}
	if got := rows(30); strings.Join(got, "|") != "A1|B2|C3|D4" {
		t.Errorf("none fit: %q", got)
	}
}
