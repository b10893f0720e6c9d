package deck

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// shape summarises a deck so table tests can compare it in one string:
// one line per slide with its title, steps, and its blocks as step:text.
func shape(d *Deck) string {
	var b strings.Builder
	for _, s := range d.Slides {
		fmt.Fprintf(&b, "%d %q steps=%d", s.Number, s.Title, s.Steps)
		if s.Notes != "" {
			fmt.Fprintf(&b, " notes=%q", s.Notes)
		}
		if s.Time > 0 {
			fmt.Fprintf(&b, " time=%s", s.Time)
		}
		b.WriteString(":")
		for _, blk := range s.Blocks {
			fmt.Fprintf(&b, " [%d", blk.Step)
			if blk.Layout >= 0 {
				fmt.Fprintf(&b, " L%d.%d", blk.Layout, blk.Column)
			}
			fmt.Fprintf(&b, "]%q", blk.Markdown)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func diagStrings(d *Deck) []string {
	var out []string
	for _, x := range d.Diagnostics {
		out = append(out, x.String())
	}
	return out
}

func mustParse(t *testing.T, src string) *Deck {
	t.Helper()
	d, err := Parse("talk.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func TestSlides(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"one slide", "# A\n\ntext\n",
			`1 "A" steps=1: [0]"# A" [0]"text"` + "\n"},
		{"dash separator", "# A\n\n---\n\n# B\n",
			`1 "A" steps=1: [0]"# A"` + "\n" + `2 "B" steps=1: [0]"# B"` + "\n"},
		{"separator right after a paragraph is not a setext heading", "para\n---\n# B\n",
			`1 "Slide 1" steps=1: [0]"para"` + "\n" + `2 "B" steps=1: [0]"# B"` + "\n"},
		{"longer dash line separates", "a\n\n-----\n\nb\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n" + `2 "Slide 2" steps=1: [0]"b"` + "\n"},
		{"stars are a rule, not a separator", "a\n\n***\n\nb\n",
			`1 "Slide 1" steps=1: [0]"a" [0]"***" [0]"b"` + "\n"},
		{"equals setext heading still works", "Title\n=====\n\ntext\n",
			`1 "Title" steps=1: [0]"Title\n=====" [0]"text"` + "\n"},
		{"end_slide comment", "a\n<!-- end_slide -->\nb\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n" + `2 "Slide 2" steps=1: [0]"b"` + "\n"},
		{"--- inside a code fence is code", "# A\n\n```yaml\nk: v\n---\nk: w\n```\n",
			`1 "A" steps=1: [0]"# A" [0]"` + "```yaml\\nk: v\\n---\\nk: w\\n```" + `"` + "\n"},
		{"--- inside a tilde fence is code", "~~~\n---\n~~~\n",
			`1 "Slide 1" steps=1: [0]"~~~\n---\n~~~"` + "\n"},
		{"--- inside an indented code block is code", "text\n\n    code\n    ---\n",
			`1 "Slide 1" steps=1: [0]"text" [0]"    code\n    ---"` + "\n"},
		{"trailing separator makes no empty slide", "a\n\n---\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n"},
		{"leading separator makes no empty slide", "\n---\n\na\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n"},
		{"title from first heading of any level", "text\n\n### Deep\n\n# Top\n",
			`1 "Deep" steps=1: [0]"text" [0]"### Deep" [0]"# Top"` + "\n"},
		{"title is plain text", "# **Bold** and `code` [link](http://x)\n",
			`1 "Bold and code link" steps=1: [0]"# **Bold** and ` + "`code`" + ` [link](http://x)"` + "\n"},
		{"chinese title", "# 为什么是GPU\n",
			`1 "为什么是GPU" steps=1: [0]"# 为什么是GPU"` + "\n"},
		{"ordinary comments are not shown", "a\n\n<!-- TODO: fix -->\n\nb\n",
			`1 "Slide 1" steps=1: [0]"a" [0]"b"` + "\n"},
		{"html that is not a comment is content", "<div>x</div>\n",
			`1 "Slide 1" steps=1: [0]"<div>x</div>"` + "\n"},
		{"skip_slide leaves the slide out", "# A\n\n---\n\n# B\n<!-- skip_slide -->\n\n---\n\n# C\n",
			`1 "A" steps=1: [0]"# A"` + "\n" + `2 "C" steps=1: [0]"# C"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := shape(d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if d.Diagnostics.HasErrors() {
				t.Errorf("unexpected errors: %v", diagStrings(d))
			}
		})
	}
}

func TestNotes(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"speaker_note one line", "a\n<!-- speaker_note: say hi -->\n", "say hi"},
		{"speaker_note multi-line keeps line breaks, dedented", "a\n<!-- speaker_note:\n    第一行，\n    第二行。\n-->\n", "第一行，\n第二行。"},
		{"notes spelling", "a\n<!-- notes: 备注 -->\n", "备注"},
		{"speaker-note with a hyphen", "a\n<!-- speaker-note: x -->\n", "x"},
		{"pandoc fenced div", "a\n\n::: notes\nThese are **notes**\n\n- one\n:::\n", "These are **notes**\n\n- one"},
		{"pandoc div with class syntax", "a\n\n::: {.notes}\nn\n:::\n", "n"},
		{"div closing right after a paragraph line", "a\n\n::: notes\nline one\nline two\n:::\n\nb\n", "line one\nline two"},
		{"several notes are joined", "a\n<!-- notes: one -->\n\n<!-- speaker_note: two -->\n", "one\n\ntwo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if len(d.Slides) != 1 {
				t.Fatalf("want 1 slide, got %d", len(d.Slides))
			}
			s := d.Slides[0]
			if s.Notes != tt.want {
				t.Errorf("notes = %q, want %q", s.Notes, tt.want)
			}
			for _, b := range s.Blocks {
				if strings.Contains(b.Markdown, "notes") || strings.Contains(b.Markdown, "speaker") || strings.Contains(b.Markdown, ":::") {
					t.Errorf("notes leaked onto the slide: %q", b.Markdown)
				}
			}
			if len(d.Diagnostics) > 0 {
				t.Errorf("unexpected diagnostics: %v", diagStrings(d))
			}
		})
	}
}

func TestPauses(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"comment pause", "a\n<!-- pause -->\nb\n",
			`1 "Slide 1" steps=2: [0]"a" [1]"b"` + "\n"},
		{"pandoc pause", "a\n\n. . .\n\nb\n",
			`1 "Slide 1" steps=2: [0]"a" [1]"b"` + "\n"},
		{"pandoc pause interrupts a paragraph", "a\n. . .\nb\n",
			`1 "Slide 1" steps=2: [0]"a" [1]"b"` + "\n"},
		{"pause between list items", "- a\n<!-- pause -->\n- b\n<!-- pause -->\n- c\n",
			`1 "Slide 1" steps=3: [0]"- a" [1]"- b" [2]"- c"` + "\n"},
		{"double pause counts once", "a\n<!-- pause -->\n<!-- pause -->\nb\n",
			`1 "Slide 1" steps=2: [0]"a" [1]"b"` + "\n"},
		{"pause inside code is code", "```\n. . .\n<!-- pause -->\n```\n",
			`1 "Slide 1" steps=1: [0]"` + "```\\n. . .\\n<!-- pause -->\\n```" + `"` + "\n"},
		{"steps restart on each slide", "a\n<!-- pause -->\nb\n\n---\n\nc\n",
			`1 "Slide 1" steps=2: [0]"a" [1]"b"` + "\n" + `2 "Slide 2" steps=1: [0]"c"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := shape(d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestDirectives(t *testing.T) {
	src := `# Cols
<!-- time: 1m30s -->
<!-- alignment: center -->
<!-- jump_to_middle -->
<!-- no_footer -->
<!-- column_layout: [1, 2] -->
<!-- column: 0 -->
left
<!-- column: 1 -->
right
<!-- reset_layout -->
bottom
`
	d := mustParse(t, src)
	if len(d.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", diagStrings(d))
	}
	s := d.Slides[0]
	if s.Time != 90*time.Second || s.Alignment != AlignCenter || !s.JumpToMiddle || !s.NoFooter {
		t.Errorf("directives not applied: time=%v align=%v middle=%v nofooter=%v", s.Time, s.Alignment, s.JumpToMiddle, s.NoFooter)
	}
	want := `1 "Cols" steps=1 time=1m30s: [0]"# Cols" [0 L0.0]"left" [0 L0.1]"right" [0]"bottom"` + "\n"
	if got := shape(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(s.Layouts) != 1 || fmt.Sprint(s.Layouts[0].Widths) != "[1 2]" {
		t.Errorf("layouts = %+v", s.Layouts)
	}
}

func TestSourcePositions(t *testing.T) {
	src := "---\ntitle: T\n---\n\n# One\n\ntext\n\n---\n\n# Two\n\n```\ncode\n```\n"
	d := mustParse(t, src)
	if len(d.Slides) != 2 {
		t.Fatalf("want 2 slides, got %d", len(d.Slides))
	}
	a, b := d.Slides[0], d.Slides[1]
	if a.File != "talk.md" || a.StartLine != 5 || a.EndLine != 7 {
		t.Errorf("slide 1 at %s:%d-%d, want talk.md:5-7", a.File, a.StartLine, a.EndLine)
	}
	if b.StartLine != 11 || b.EndLine != 15 {
		t.Errorf("slide 2 at %d-%d, want 11-15", b.StartLine, b.EndLine)
	}
	if p := b.Blocks[1].Pos; p.Line != 13 || p.Col != 1 {
		t.Errorf("code block at %v, want line 13", p)
	}
}

func TestFrontMatter(t *testing.T) {
	src := "---\ntitle: 英伟达市值\nsub_title: 副标题\nauthor: A\ndate: 2026-11-29\nevent: E\ntheme: light\nduration: 25m\nmax_width: 90\nambiguous_width: 2\n---\n\nbody\n"
	d := mustParse(t, src)
	m := d.Meta
	if m.Title != "英伟达市值" || m.SubTitle != "副标题" || m.Author != "A" || m.Date != "2026-11-29" ||
		m.Event != "E" || m.Theme != "light" || m.Duration != 25*time.Minute || m.MaxWidth != 90 || m.AmbiguousWidth != 2 {
		t.Errorf("meta = %+v", m)
	}
	if len(d.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", diagStrings(d))
	}
	if d.Slides[0].Title != "英伟达市值" {
		t.Errorf("first slide without heading should take the deck title, got %q", d.Slides[0].Title)
	}
}

func TestDurations(t *testing.T) {
	good := map[string]time.Duration{"90s": 90 * time.Second, "2m": 2 * time.Minute, "1m30s": 90 * time.Second,
		"1h": time.Hour, "1:30": 90 * time.Second, "25:00": 25 * time.Minute, "1.5m": 90 * time.Second,
		"24h": 24 * time.Hour, "1440:00": 24 * time.Hour}
	for in, want := range good {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "90", "abc", "1:75", "-5m", "1:x",
		// overflows: these used to wrap around silently
		"9999999999999:59", "153722867280912930:00", "9999999999h", "2562048h", "25h", "1441:00"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) accepted", in)
		}
	}
}

func TestDurationOverflowIsAnError(t *testing.T) {
	d := mustParse(t, "---\nduration: 9999999999999:59\n---\n\n# A\n<!-- time: 9999999999999:59 -->\n")
	want := "talk.md:2:11: error: duration: \"9999999999999:59\" is longer than 24h0m0s\n" +
		"talk.md:6:1: error: time: \"9999999999999:59\" is longer than 24h0m0s"
	if got := strings.Join(diagStrings(d), "\n"); got != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, want)
	}
	many := &Deck{}
	for range 200000 {
		many.Slides = append(many.Slides, &Slide{Time: MaxDuration})
	}
	if total := many.TotalTime(); total != math.MaxInt64 {
		t.Errorf("TotalTime of 200,000 slides of 24h = %v, want it to saturate", total)
	}
}

func TestCRLFAndBOM(t *testing.T) {
	lf := "---\ntitle: T\n---\n\n# A\n\n```\n---\n```\n\n---\n\n# B\n<!-- speaker_note: n -->\n"
	crlf := "\xEF\xBB\xBF" + strings.ReplaceAll(lf, "\n", "\r\n")
	a, b := mustParse(t, lf), mustParse(t, crlf)
	if shape(a) != shape(b) {
		t.Errorf("CRLF+BOM deck differs:\n%s\nvs\n%s", shape(b), shape(a))
	}
	if len(b.Diagnostics) != 0 || b.Meta.Title != "T" {
		t.Errorf("CRLF deck: meta %+v, diagnostics %v", b.Meta, diagStrings(b))
	}
}

func TestDirectoryDeck(t *testing.T) {
	fsys := fstest.MapFS{
		"talk/02-b.md":    {Data: []byte("# B\n\n---\n\n# C\n")},
		"talk/01-a.md":    {Data: []byte("---\ntitle: T\n---\n# A\n")},
		"talk/10-d.md":    {Data: []byte("# D\n<!-- include: _part.md -->\n")},
		"talk/_part.md":   {Data: []byte("included\n")},
		"talk/.hidden.md": {Data: []byte("# hidden\n")},
		"talk/notes.txt":  {Data: []byte("not markdown")},
	}
	d, err := OpenFS(fsys, "talk", "")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range d.Slides {
		titles = append(titles, s.Title+"@"+s.File)
	}
	want := "A@talk/01-a.md B@talk/02-b.md C@talk/02-b.md D@talk/10-d.md"
	if got := strings.Join(titles, " "); got != want {
		t.Errorf("slides = %s, want %s", got, want)
	}
	if d.Meta.Title != "T" {
		t.Errorf("front matter of the first file not read: %+v", d.Meta)
	}
	if got := d.Slides[3].Blocks[1].Markdown; got != "included" {
		t.Errorf("include not spliced: %q", got)
	}
	if got := strings.Join(d.Files, " "); got != "talk/01-a.md talk/02-b.md talk/10-d.md talk/_part.md" {
		t.Errorf("Files = %s", got)
	}
}

func TestIncludes(t *testing.T) {
	fsys := fstest.MapFS{
		"main.md":    {Data: []byte("# Main\n<!-- include: parts/a.md -->\n\n---\n\n# End\n")},
		"parts/a.md": {Data: []byte("from a\n\n---\n\n# A2\n<!-- include: b.md -->\n")},
		"parts/b.md": {Data: []byte("from b\n")},
		"cycle.md":   {Data: []byte("# C\n<!-- include: cycle2.md -->\n")},
		"cycle2.md":  {Data: []byte("x\n<!-- include: cycle.md -->\n")},
		"self.md":    {Data: []byte("# S\n<!-- include: self.md -->\n")},
		"missing.md": {Data: []byte("# M\n\n<!-- include: nope.md -->\n")},
		"front.md":   {Data: []byte("# F\n<!-- include: withfm.md -->\n")},
		"withfm.md":  {Data: []byte("---\ntitle: X\n---\ny\n")},
	}
	t.Run("nested includes splice slides relative to the including file", func(t *testing.T) {
		d, err := OpenFS(fsys, "main.md", "")
		if err != nil {
			t.Fatal(err)
		}
		want := `1 "Main" steps=1: [0]"# Main" [0]"from a"` + "\n" +
			`2 "A2" steps=1: [0]"# A2" [0]"from b"` + "\n" +
			`3 "End" steps=1: [0]"# End"` + "\n"
		if got := shape(d); got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
		if len(d.Diagnostics) != 0 {
			t.Errorf("diagnostics: %v", diagStrings(d))
		}
	})
	errCases := []struct{ file, want string }{
		{"cycle.md", "cycle2.md:2:1: error: include cycle: cycle.md → cycle2.md → cycle.md"},
		{"self.md", "self.md:2:1: error: include cycle: self.md → self.md"},
		{"missing.md", "missing.md:3:1: error: cannot include nope.md: file does not exist"},
	}
	for _, c := range errCases {
		t.Run(c.file, func(t *testing.T) {
			d, err := OpenFS(fsys, c.file, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(diagStrings(d), "\n"); got != c.want {
				t.Errorf("diagnostics:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	t.Run("front matter in an included file is ignored with a warning", func(t *testing.T) {
		d, _ := OpenFS(fsys, "front.md", "")
		if d.Meta.Title != "" || len(d.Diagnostics) != 1 || d.Diagnostics[0].Severity != Warning {
			t.Errorf("meta %+v diagnostics %v", d.Meta, diagStrings(d))
		}
	})
}
