package deck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestOpenFirstAgreesWithOpen: the slides OpenFirstWith returns are the
// first slides of the whole deck, field for field; where it cannot be
// sure it declines.
func TestOpenFirstAgreesWithOpen(t *testing.T) {
	many := "# One\n\ntext\n\n" + strings.Repeat("---\n\n# Next\n\nmore\n\n", 50)
	cases := []struct {
		name, src string
		ok        bool
		slides    int // slides in the prefix deck when ok
	}{
		{"plain", "# A\n\nbody\n\n---\n\n# B\n\nbody\n", true, 1},
		{"front matter", "---\ntitle: T\nincremental_lists: true\n---\n\n- a\n- b\n\n---\n\nB\n", true, 1},
		{"title from front matter", "---\ntitle: Talk\n---\n\ntext\n\n---\n\nB\n", true, 1},
		{"many", many, true, 1},
		{"dashes in a fence", "# A\n\n```\n---\n```\n\n---\n\n# B\n", true, 1},
		{"setext then bare", "Title\n---\n\nx\n\n---\n\n# C\n", true, 2},
		{"skipped first", "<!-- skip_slide -->\nA\n\n---\n\nB\n\n---\n\nC\n", false, 0},
		{"empty front matter", "---\n\n---\n\nA\n\n---\n\nB\n", true, 1},
		{"empty slide after", "A\n\n---\n\n---\n\nB\n", true, 1},
		{"no separator", "# A\n\ntext\n\n# B\n\ntext\n", false, 0},
		{"end_slide only", "A\n\n<!-- end_slide -->\n\nB\n", false, 0},
		{"end_slide later", "A\n\n---\n\nB\n\n<!-- end_slide -->\n\nC\n", true, 1},
		{"patat", "---\npatat:\n  slideLevel: 2\n---\n\n## A\n\nx\n\n---\n\n## B\n\ny\n", false, 0},
		{"presenterm", "---\ntheme:\n  name: dark\noptions:\n  end_slide_shorthand: true\n---\n\nA\n\n---\n\nB\n", false, 0},
		{"unclosed fence", "A\n\n```\n---\n\nB\n", false, 0},
		{"div", "::: notes\n---\n:::\n\nA\n\n---\n\nB\n", true, 1},
		{"pause", "A\n\n. . .\n\nB\n\n---\n\nC\n", true, 1},
		// Longer than what OpenFirst reads: the first slide must end in it.
		{"long deck", "# A\n\ntext\n\n" + strings.Repeat("---\n\n# Next\n\n"+strings.Repeat("字", 200)+"\n\n", 600), true, 1},
		{"long first slide", "# A\n\n" + strings.Repeat(strings.Repeat("字", 200)+"\n\n", 600) + "---\n\nB\n", false, 0},
		{"long first line", strings.Repeat("x", firstPrefixBytes+10) + "\n\n---\n\nB\n", false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "talk.md")
			if err := os.WriteFile(path, []byte(c.src), 0o600); err != nil {
				t.Fatal(err)
			}
			full, err := OpenWith(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			first, ok, err := OpenFirstWith(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				if first != nil {
					t.Fatal("declined but returned a deck")
				}
				return
			}
			if len(first.Slides) != c.slides {
				t.Fatalf("%d slides in the prefix, want %d", len(first.Slides), c.slides)
			}
			assertPrefix(t, first, full)
		})
	}
}

func assertPrefix(t *testing.T, first, full *Deck) {
	t.Helper()
	if !reflect.DeepEqual(first.Meta, full.Meta) || !reflect.DeepEqual(first.Dialect, full.Dialect) {
		t.Errorf("meta or dialect differ:\n%+v %+v\n%+v %+v", first.Meta, first.Dialect, full.Meta, full.Dialect)
	}
	// A long deck file is read only in part: its source is a prefix.
	for i, src := range first.Sources {
		if i >= len(full.Sources) || !bytes.HasPrefix(full.Sources[i], src) || i > 0 && len(src) != len(full.Sources[i]) {
			t.Errorf("source %d differs", i)
		}
	}
	for i, s := range first.Slides {
		if !reflect.DeepEqual(s, full.Slides[i]) {
			t.Errorf("slide %d:\n got %+v\nwant %+v", i+1, s, full.Slides[i])
		}
	}
}

// TestOpenFirstOnTestdata checks the agreement on the repository's decks
// written for other tools: each is either declined or agrees.
func TestOpenFirstOnTestdata(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("testdata/compat/*.md")
	for _, p := range append(paths, more...) {
		t.Run(p, func(t *testing.T) {
			full, err := OpenWith(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			first, ok, err := OpenFirstWith(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("ok=%v", ok)
			if ok {
				assertPrefix(t, first, full)
			}
		})
	}
}

// BenchmarkOpenFirst5000 is the parse behind the first frame of a
// 5,000-slide deck; BenchmarkOpen5000 the whole parse, for comparison.
func BenchmarkOpenFirst5000(b *testing.B) {
	path := bigDeck(b, 5000)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, err := OpenFirstWith(path, Options{}); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkOpen5000(b *testing.B) {
	path := bigDeck(b, 5000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OpenWith(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// bigDeck writes a deck like /work/shared/bench's: a table with Chinese
// cells, a list and a paragraph on each slide.
func bigDeck(b *testing.B, n int) string {
	var sb strings.Builder
	sb.WriteString("---\ntitle: 大型演示\n---\n\n")
	for i := 1; i <= n; i++ {
		if i > 1 {
			sb.WriteString("\n---\n\n")
		}
		fmt.Fprintf(&sb, "# 第 %d 页 Slide %d\n\n| 项目 | 数值 | 说明 |\n|---|---|---|\n| 甲 | %d | 中文单元格 |\n| 乙 | %d | more text |\n\n- 第一点 point one\n- 第二点 point two\n\n这是一段中文段落，用来测试换行和宽度。 A paragraph of text.\n", i, i, i, i*2)
	}
	path := filepath.Join(b.TempDir(), "big.md")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// OpenFirst reads a long deck file only in part, so the first frame does
// not wait for the rest of it.
func TestOpenFirstReadsOnlyTheStartOfALongDeck(t *testing.T) {
	src := "# A\n\ntext\n\n" + strings.Repeat("---\n\n# Next\n\n"+strings.Repeat("字", 200)+"\n\n", 2000)
	path := filepath.Join(t.TempDir(), "talk.md")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	first, ok, err := OpenFirstWith(path, Options{})
	if err != nil || !ok {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	if n := len(first.Sources[0]); n > firstPrefixBytes || n >= len(src) {
		t.Errorf("read %d of %d bytes, want at most %d", n, len(src), firstPrefixBytes)
	}
}
