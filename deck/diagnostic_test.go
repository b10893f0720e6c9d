package deck

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unterminated fence", "# A\n\n```go\ncode\n\n---\n\n# B\n",
			[]string{"talk.md:3:1: warning: unterminated code fence opened here; it runs to the end of the file (add a closing ```)"}},
		{"fence closed by a longer fence is fine", "````\ncode\n`````\n", nil},
		{"unterminated comment", "a\n\n<!-- speaker_note: oops\n\n---\n\nb\n",
			[]string{"talk.md:3:1: error: unterminated HTML comment opened here; everything after it is hidden (close it with -->)"}},
		{"unterminated notes div", "a\n\n::: notes\nn\n",
			[]string{`talk.md:3:1: error: unterminated fenced div "::: notes" opened here (add a line ::: after it)`}},
		{"malformed front matter", "---\ntitle: [unclosed\n---\n\na\n",
			[]string{"talk.md:2:1: error: malformed front matter: did not find expected ',' or ']'"}},
		{"front matter that is not a map", "---\n- a\n- b\n---\n\nx\n",
			[]string{`talk.md:2:1: error: malformed front matter: expected "key: value" lines`}},
		{"unterminated front matter", "---\ntitle: T\n\n# A\n",
			[]string{"talk.md:1:1: error: front matter opened here is never closed (add a line --- after it)"}},
		{"unknown front matter key", "---\ntitle: T\nspeaker: me\n---\n\nx\n",
			[]string{`talk.md:3:1: warning: unknown front matter key "speaker" (known: title, sub_title, author, date, event, theme, duration, max_width, ambiguous_width)`}},
		{"bad duration", "---\nduration: 25\n---\n\nx\n",
			[]string{`talk.md:2:11: error: duration: "25" has no unit; write 25s or 25m`}},
		{"bad max_width", "---\nmax_width: wide\n---\n\nx\n",
			[]string{`talk.md:2:12: error: max_width: want a number of cells, at least 20; got "wide"`}},
		{"bad time", "x\n<!-- time: soon -->\n",
			[]string{`talk.md:2:1: error: time: want a time such as 90s, 2m or 1m30s; got "soon"`}},
		{"time without value", "x\n<!-- time: -->\n",
			[]string{`talk.md:2:1: error: time needs a value, e.g. <!-- time: 90s -->`}},
		{"bad alignment", "x\n<!-- alignment: top -->\n",
			[]string{`talk.md:2:1: error: alignment: want center, left or right; got "top"`}},
		{"bad column layout", "x\n<!-- column_layout: 1, 1 -->\n",
			[]string{`talk.md:2:1: error: column_layout: want a list such as [1, 1]; got "1, 1"`}},
		{"column outside layout", "x\n<!-- column: 0 -->\n",
			[]string{`talk.md:2:1: error: column 0 outside a column layout (put <!-- column_layout: [1, 1] --> before it)`}},
		{"column out of range", "<!-- column_layout: [1, 1] -->\n<!-- column: 2 -->\nx\n",
			[]string{`talk.md:2:1: error: column: want a number from 0 to 1 for this layout; got "2"`,
				`talk.md:3:1: warning: content after column_layout but before a column directive; it goes in column 0`}},
		{"misspelt directive", "x\n<!-- pasue -->\n",
			[]string{`talk.md:2:1: warning: unknown directive "pasue", did you mean "pause"? (as written it is an ordinary comment and does nothing)`}},
		{"pause before content", "<!-- pause -->\nx\n",
			[]string{`talk.md:1:1: warning: pause before any content on the slide does nothing`}},
		{"pause at end", "x\n<!-- pause -->\n",
			[]string{`talk.md:2:1: warning: pause at the end of the slide reveals nothing`}},
		{"two separators in a row", "a\n\n---\n\n---\n\nb\n",
			[]string{`talk.md:5:1: warning: empty slide (two slide separators in a row?) is left out`}},
		{"radical look-alike", "# 是什么⽀持了\n\n时代红利\uFFFD+\n",
			[]string{`talk.md:1:6: warning: ⽀ (U+2F40) is a radical look-alike, not an ordinary character; write 支 (U+652F)`,
				`talk.md:3:5: warning: U+FFFD replacement character: a character was lost here (text pasted from a PDF?)`}},
		{"every look-alike on a line", "# ⼈⼝与⸺\uFFFD\n",
			[]string{`talk.md:1:3: warning: ⼈ (U+2F08) is a radical look-alike, not an ordinary character; write 人 (U+4EBA)`,
				`talk.md:1:4: warning: ⼝ (U+2F1D) is a radical look-alike, not an ordinary character; write 口 (U+53E3)`,
				`talk.md:1:6: warning: ⸺ (U+2E3A) is how PDF extraction renders a Chinese dash; write —— (two U+2014)`,
				`talk.md:1:7: warning: U+FFFD replacement character: a character was lost here (text pasted from a PDF?)`}},
		{"invalid UTF-8 reports the byte offset", "# A\n\nab\xffc\n",
			[]string{`talk.md:3:3: error: invalid UTF-8 at byte offset 7 (is the file in another encoding, such as GBK?)`}},
		{"empty file", "", []string{"talk.md:1:1: warning: file is empty", "talk.md:1:1: error: deck has no slides"}},
		{"only front matter", "---\ntitle: T\n---\n", []string{"talk.md:1:1: error: deck has no slides"}},
		{"only comments", "<!-- hello -->\n", []string{"talk.md:1:1: error: deck has no slides"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			got := diagStrings(d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestUnreadableInput(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE, '#', 0, ' ', 0, 'A', 0, '\n', 0}
	utf16noBOM := []byte("#\x00 \x00A\x00\n\x00h\x00e\x00l\x00l\x00o\x00\n\x00")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), "binary file (NUL byte at offset 7), not a Markdown deck"},
		{"utf-16 with BOM", utf16le, "file is UTF-16 (little-endian)"},
		{"utf-16 without BOM", utf16noBOM, "file looks like UTF-16 (little-endian)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("talk.md", tt.data)
			var re *ReadError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "talk.md: ") {
				t.Errorf("err = %v, want a ReadError naming talk.md containing %q", err, tt.want)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		_, err := OpenFS(fstest.MapFS{}, "nope.md", "")
		var re *ReadError
		if !errors.As(err, &re) {
			t.Errorf("err = %v, want a ReadError", err)
		}
	})
	t.Run("directory without markdown", func(t *testing.T) {
		_, err := OpenFS(fstest.MapFS{"d/x.txt": {Data: []byte("x")}}, "d", "")
		if err == nil || !strings.Contains(err.Error(), "no Markdown files") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("binary include is a diagnostic at the include", func(t *testing.T) {
		fsys := fstest.MapFS{"a.md": {Data: []byte("x\n<!-- include: b.md -->\n")}, "b.md": {Data: []byte("\x00\x01")}}
		d, err := OpenFS(fsys, "a.md", "")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(diagStrings(d), "\n"); !strings.HasPrefix(got, "a.md:2:1: error: cannot include b.md: binary file") {
			t.Errorf("diagnostics: %s", got)
		}
	})
}

func TestDiagnosticsSortByFileOrder(t *testing.T) {
	ds := Diagnostics{
		{Pos: Pos{File: "b.md", Line: 1}}, {Pos: Pos{File: "a.md", Line: 9}}, {Pos: Pos{File: "a.md", Line: 2}}, {Pos: Pos{File: "z.md", Line: 1}},
	}
	ds.Sort([]string{"b.md", "a.md"})
	var got []string
	for _, d := range ds {
		got = append(got, d.Pos.String())
	}
	if strings.Join(got, " ") != "b.md:1:0 a.md:2:0 a.md:9:0 z.md:1:0" {
		t.Errorf("order: %v", got)
	}
}

func TestRepair(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"是什么⽀持了英伟达的市值？", "是什么支持了英伟达的市值？", 1},
		{"⻓期成⻓⸺盈利预测", "长期成长——盈利预测", 3},
		{"⽤⼾增⻓", "用户增长", 3},
		{"时代红利\uFFFD+", "时代红利\uFFFD+", 0},
		{"clean 文本\r\n", "clean 文本\r\n", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		got, n := Repair(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("Repair(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
	// Everything lint flags as a radical with a suggested character is
	// repaired to exactly that character.
	fixes := 0
	for r := rune(0x2E80); r <= 0x2FDF; r++ {
		fix, ok := RadicalFix(r)
		if !ok {
			continue
		}
		fixes++
		if got, _ := Repair(string(r)); got != string(fix) {
			t.Errorf("Repair(%q) = %q, want %q", r, got, fix)
		}
	}
	if want := len(kangxiFix) + len(supplementFix); fixes != want {
		t.Errorf("%d radicals have a fix, want %d (every entry of the tables)", fixes, want)
	}
}
