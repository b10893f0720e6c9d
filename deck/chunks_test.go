package deck

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// parseBoth parses src chunk by chunk and whole.
func parseBoth(t *testing.T, src []byte) (chunks, whole *Deck, errC, errW error) {
	t.Helper()
	chunks, errC = Parse("d.md", src)
	chunked = false
	defer func() { chunked = true }()
	whole, errW = Parse("d.md", src)
	return
}

func sameParse(t *testing.T, name string, src []byte) {
	t.Helper()
	c, w, errC, errW := parseBoth(t, src)
	if (errC == nil) != (errW == nil) {
		t.Fatalf("%s: errors differ: chunks %v, whole %v", name, errC, errW)
	}
	if !reflect.DeepEqual(c, w) {
		t.Errorf("%s: a parse by chunks differs from one of the whole file\nsource:\n%.2000s", name, src)
		if c != nil && w != nil {
			t.Logf("chunks: %d slides, %v\nwhole: %d slides, %v", len(c.Slides), c.Diagnostics, len(w.Slides), w.Diagnostics)
		}
	}
}

// chunkFragments are pieces of decks where a "---" line is or is not a
// break, and things that reach across slides.
var chunkFragments = []string{
	"# Title %d\n\nSome text.\n",
	"\n---\n\n",
	"---\n",
	"  ---  \n",
	"-----\n",
	"Setext title\n---\n",
	"Setext title\n===\n",
	"```yaml\n---\nkey: v\n---\n```\n",
	"```\nunterminated fence\n---\n",
	"~~~ +exec\necho hi\n~~~\n",
	"```bash +exec\nls\n```\n",
	"<!-- a comment\n---\nstill the comment -->\n",
	"<!-- unterminated comment\n\n---\n",
	"<!-- pause -->\n",
	"<!-- speaker_note: note %d -->\n",
	"<!-- end_slide -->\n",
	"<!-- column_layout: [1, 2] -->\n<!-- column: 0 -->\nleft\n<!-- column: 1 -->\nright\n<!-- reset_layout -->\n",
	"::: notes\nnotes %d\n---\nmore\n:::\n",
	"::: notes\nunterminated div\n",
	"::: columns\ninside\n:::\n",
	"- a\n- b\n\n  ---\n- c\n",
	"- a\n. . .\n- b\n",
	"> quote\n---\n",
	"> lazy\ncontinued\n",
	"- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g\n              - h\n                - i\n                  - j\n                    - k\n                      - l\n                        - m\n                          - n\n                            - o\n                              - p\n                                - q\n",
	"![missing](nothere.png)\n",
	"![][ref]\n",
	"# [Heading link][ref]\n",
	"[ref]: https://example.com\n",
	"| a | b |\n|---|---|\n| 1 | 2 |\n",
	"<div>\nhtml block\n\n---\n",
	"paragraph\n    ---\n",
	"    indented code\n    ---\n",
	"\t---\n",
	"* * *\n",
	"___\n",
	". . .\n",
	"\n",
	"\n\n",
	"---\ntitle: in the body\n---\n",
}

func randomDeck(r *rand.Rand, frags []string) []byte {
	var b strings.Builder
	if r.Intn(4) == 0 {
		b.WriteString([]string{"---\ntitle: T\n---\n\n", "---\ntitle: T\noptions:\n  end_slide_shorthand: true\n---\n", "---\ntitle: T\npatat:\n  slideLevel: 1\n---\n", "%title: mdp\n\n"}[r.Intn(4)])
	}
	for n := r.Intn(30); n >= 0; n-- {
		f := frags[r.Intn(len(frags))]
		if strings.Contains(f, "%d") {
			f = strings.ReplaceAll(f, "%d", string(rune('A'+r.Intn(26))))
		}
		b.WriteString(f)
		if r.Intn(3) == 0 {
			b.WriteString("\n---\n\n")
		}
	}
	return []byte(b.String())
}

// TestChunksChangeNothing: a deck parsed slide by slide reads exactly as
// one parsed whole, on the repository's decks and on random mixes of
// fragments where a "---" line is, or only looks like, a break.
func TestChunksChangeNothing(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("testdata/compat/*.md")
	fuzz, _ := filepath.Glob("testdata/fuzz/*/*")
	for _, f := range append(append(files, more...), fuzz...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f, "fuzz") {
			// A corpus file holds the input as a Go literal.
			src = fuzzInput(t, src)
		}
		sameParse(t, f, src)
	}
	sameParse(t, "genDeck", genDeck(50))
	// More problems than are reported: which are dropped depends on the
	// order they are found in.
	sameParse(t, "many problems", []byte(strings.Repeat("![a](missing.png)\n\n<!-- speaker_note: -->\n\n---\n\n", maxDiagnostics)))
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000 && !t.Failed(); i++ {
		sameParse(t, "random", randomDeck(r, chunkFragments))
	}
}

// TestChunksPerSlide: a plain deck is parsed in one chunk per slide, and
// a deck whose "---" lines are not breaks is still parsed right.
func TestChunksPerSlide(t *testing.T) {
	src := []byte(strings.Repeat("# A\n\ntext\n\n---\n\n", 20) + "# last\n")
	l := &loader{src: memSource{name: "d.md", data: src}, done: map[string]*expansion{}, keyOf: map[string]string{}}
	li := newLineIndex("d.md", string(src), 0)
	_, parts := l.chunks(newBlockParser(), li)
	if len(parts) != 21 {
		t.Fatalf("%d chunks, want 21", len(parts))
	}
	// Each fence's "---" costs a try; past maxChunkTries the rest is
	// parsed in one piece.
	for _, c := range []struct{ fences, want int }{{5, 2}, {maxChunkTries + 1, 1}} {
		src := []byte(strings.Repeat("```\n---\n```\n", c.fences) + "\n---\n\nend\n")
		sameParse(t, "fences", src)
		li := newLineIndex("d.md", string(src), 0)
		if _, parts := l.chunks(newBlockParser(), li); len(parts) != c.want {
			t.Errorf("%d fences then a break: %d chunks, want %d", c.fences, len(parts), c.want)
		}
	}
}

// fuzzInput reads the []byte of a go-fuzz corpus file.
func fuzzInput(t *testing.T, file []byte) []byte {
	t.Helper()
	for _, ln := range strings.Split(string(file), "\n") {
		if lit, ok := strings.CutPrefix(ln, "[]byte("); ok {
			s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
			if err != nil {
				t.Fatal(err)
			}
			return []byte(s)
		}
	}
	t.Fatalf("no []byte in corpus file %q", file)
	return nil
}

// trimBlankTail returns what splitting into lines, dropping the blank ones
// at the end and joining again did, as a part of its argument.
func TestTrimBlankTail(t *testing.T) {
	joined := func(s string) string { // the former implementation
		lines := strings.SplitAfter(s, "\n")
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		return strings.TrimRight(strings.Join(lines, ""), "\n")
	}
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"\n\n", ""},
		{"a", "a"},
		{"a\n", "a"},
		{"a\n\n", "a"},
		{"a\n  \n\t\n", "a"},
		{"a\n  ", "a"},
		{"a \n", "a "},
		{"a\n\u3000\n", "a"},
		{"a\n\nb\n\n", "a\n\nb"},
		{"  \na", "  \na"},
		{"a\n\v\f\n ", "a"},
	} {
		got := trimBlankTail(c.in)
		if got != c.want || got != joined(c.in) {
			t.Errorf("trimBlankTail(%q) = %q, want %q", c.in, got, c.want)
		}
		if got != "" && unsafe.StringData(got) != unsafe.StringData(c.in) {
			t.Errorf("trimBlankTail(%q) copied", c.in)
		}
	}
	r := rand.New(rand.NewSource(2))
	for range 5000 {
		b := make([]byte, r.Intn(12))
		for i := range b {
			b[i] = "a \n\t\v"[r.Intn(5)]
		}
		if got, want := trimBlankTail(string(b)), joined(string(b)); got != want {
			t.Fatalf("trimBlankTail(%q) = %q, want %q", b, got, want)
		}
	}
}
