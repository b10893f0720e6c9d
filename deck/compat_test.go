package deck

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func openCompat(t *testing.T, name string) *Deck {
	t.Helper()
	d, err := Open(filepath.Join("testdata", "compat", name))
	if err != nil {
		t.Fatal(err)
	}
	if d.Diagnostics.HasErrors() {
		t.Fatalf("%s has errors: %v", name, diagStrings(d))
	}
	return d
}

// Each deck written in another tool's dialect opens with the slides,
// steps and notes that tool would show.
func TestOtherToolsDecks(t *testing.T) {
	tests := []struct {
		file  string
		tool  string
		split Split
		// titles are "Title/steps", one per slide.
		titles []string
		notes  map[int]string // slide index → notes
	}{
		{"presenterm.md", ToolPresenterm, SplitEndSlide,
			[]string{"Why borrow/1", "Rules of thumb/3", "Code/1", "Wrap-up/2"},
			map[int]string{0: "Open with the library analogy.\nTwo sentences at most.", 1: "Slow down on the second rule."}},
		{"patat.md", ToolPatat, SplitHeadings,
			[]string{"Part one/1", "Lists are folds/1", "Two folds/3", "Part two/1", "In the wild/2"},
			map[int]string{1: "Say: draw the cons cells on the board.", 4: "Mention the parser\nwe shipped last year."}},
		{"lookatme.md", ToolLookatme, SplitHeadings,
			[]string{"Comprehensions/2", "Generators/1", "Context managers/1"}, nil},
		{"slides.md", ToolSlides, SplitSeparators,
			[]string{"Welcome/1", "Hidden setup/1", "The end/1"}, nil},
		{"marp.md", ToolMarp, SplitSeparators,
			[]string{"Plants at home/1", "Watering/1", "Questions/1"},
			map[int]string{0: "Greet the room and ask who owns a plant.", 1: "Show the pot with drainage holes.\nMention overwatering."}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := openCompat(t, tt.file)
			if d.Dialect.Tool != tt.tool || d.Dialect.Split != tt.split {
				t.Errorf("dialect = %q split %d, want %q split %d", d.Dialect.Tool, d.Dialect.Split, tt.tool, tt.split)
			}
			var got []string
			for _, s := range d.Slides {
				got = append(got, s.Title+"/"+itoa(s.Steps))
			}
			if strings.Join(got, " | ") != strings.Join(tt.titles, " | ") {
				t.Errorf("slides:\n got %v\nwant %v", got, tt.titles)
			}
			for i, s := range d.Slides {
				if want := tt.notes[i]; s.Notes != want {
					t.Errorf("slide %d notes = %q, want %q", i+1, s.Notes, want)
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSplitRules(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"end_slide and setext titles: presenterm", "A\n---\n\nx\n<!-- end_slide -->\nB\n---\n\nz\n",
			`1 "A" steps=1: [0]"A\n---" [0]"x"` + "\n" + `2 "B" steps=1: [0]"B\n---" [0]"z"` + "\n"},
		{"presenterm front matter: bare rule stays", "---\noptions: {}\n---\nA\n---\n\nx\n\n---\n\ny\n<!-- end_slide -->\nB\n---\n\nz\n",
			`1 "A" steps=1: [0]"A\n---" [0]"x" [0]"---" [0]"y"` + "\n" + `2 "B" steps=1: [0]"B\n---" [0]"z"` + "\n"},
		{"presenterm shorthand: bare --- ends a slide", "---\noptions:\n  end_slide_shorthand: true\n---\nA\n---\n\nx\n\n---\n\ny\n",
			`1 "A" steps=1: [0]"A\n---" [0]"x"` + "\n" + `2 "Slide 2" steps=1: [0]"y"` + "\n"},
		{"presenterm implicit slide ends", "---\noptions:\n  implicit_slide_ends: true\n---\nA\n===\n\nx\n\nB\n===\n\ny\n",
			`1 "A" steps=1: [0]"A\n===" [0]"x"` + "\n" + `2 "B" steps=1: [0]"B\n===" [0]"y"` + "\n"},
		{"pandoc: section title slides", "# S\n\n## A\n\nx\n\n### sub\n\ny\n\n## B\n\nz\n",
			`1 "S" steps=1: [0]"# S"` + "\n" + `2 "A" steps=1: [0]"## A" [0]"x" [0]"### sub" [0]"y"` + "\n" + `3 "B" steps=1: [0]"## B" [0]"z"` + "\n"},
		{"one heading with content stays one slide", "# A\n\nx\n\n## b\n\ny\n",
			`1 "A" steps=1: [0]"# A" [0]"x" [0]"## b" [0]"y"` + "\n"},
		{"shovel deck mixing --- and end_slide keeps its rules", "a\n\n---\n\nb\n<!-- end_slide -->\nc\n---\nd\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n" + `2 "Slide 2" steps=1: [0]"b"` + "\n" + `3 "Slide 3" steps=1: [0]"c"` + "\n" + `4 "Slide 4" steps=1: [0]"d"` + "\n"},
		{"short dash underline is no separator", "a\n--\n\n---\n\nb\n",
			`1 "Slide 1" steps=1: [0]"a\n--"` + "\n" + `2 "Slide 2" steps=1: [0]"b"` + "\n"},
		{"marp headingDivider", "---\nmarp: true\nheadingDivider: 2\n---\n# A\n\nx\n\n## B\n\ny\n\n---\n\nz\n",
			`1 "A" steps=1: [0]"# A" [0]"x"` + "\n" + `2 "B" steps=1: [0]"## B" [0]"y"` + "\n" + `3 "Slide 3" steps=1: [0]"z"` + "\n"},
		{"patat: Title over --- is a heading, as in pandoc", "---\npatat: {}\n---\nPart\n====\n\nTitle\n---\n\nx\n\nOther\n---\n\ny\n",
			`1 "Part" steps=1: [0]"Part\n===="` + "\n" + `2 "Title" steps=1: [0]"Title\n---" [0]"x"` + "\n" + `3 "Other" steps=1: [0]"Other\n---" [0]"y"` + "\n"},
		{"stop is a pause", "a\n\n<!-- stop -->\n\nb\n\n---\n\nc\n",
			`1 "Slide 1" steps=2: [0]"a" [1]"b"` + "\n" + `2 "Slide 2" steps=1: [0]"c"` + "\n"},
		{"incremental lists by directive", "<!-- incremental_lists: true -->\n\n- a\n- b\n\n1. c\n2. d\n\n---\n\n- e\n- f\n",
			`1 "Slide 1" steps=3: [0]"- a" [1]"- b" [1]"1. c" [2]"2. d"` + "\n" + `2 "Slide 2" steps=1: [0]"- e\n- f"` + "\n"},
		{"pause inside a list item", "- a\n  . . .\n- b\n\n---\n\nx\n",
			`1 "Slide 1" steps=2: [0]"- a" [1]"- b"` + "\n" + `2 "Slide 2" steps=1: [0]"x"` + "\n"},
		{"new_lines", "a\n<!-- new_lines: 2 -->\nb\n\n---\n\nc\n",
			`1 "Slide 1" steps=1: [0]"a" [0]"" [0]"b"` + "\n" + `2 "Slide 2" steps=1: [0]"c"` + "\n"},
		{"YAML block scalar note", "a\n\n<!-- speaker_note: |\n  one\n  two\n-->\n\n---\n\nb\n",
			`1 "Slide 1" steps=1 notes="one\ntwo": [0]"a"` + "\n" + `2 "Slide 2" steps=1: [0]"b"` + "\n"},
		{"plain comments are no notes in shovel decks", "a\n\n<!-- just a comment -->\n\n---\n\nb\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n" + `2 "Slide 2" steps=1: [0]"b"` + "\n"},
		{"unclosed fence runs to the end", "a\n\n---\n\n```go\nx\n\n---\n\ny\n",
			`1 "Slide 1" steps=1: [0]"a"` + "\n" + `2 "Slide 2" steps=1: [0]"` + "```go\\nx\\n\\n---\\n\\ny" + `"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if d.Diagnostics.HasErrors() {
				t.Fatalf("errors: %v", diagStrings(d))
			}
			if got := shape(d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestFrontMatterOfOtherTools(t *testing.T) {
	d := mustParse(t, "---\ntitle: T\nauthors: [A, B]\ntheme: {name: tokyonight-storm}\nstyles: {}\nextensions: []\nlocation: here\noptions:\n  incremental_lists: true\n---\n\nx\n")
	if d.Meta.Author != "A, B" || d.Meta.Theme != "tokyonight-storm" || !d.Dialect.IncrementalLists {
		t.Errorf("meta = %+v dialect = %+v", d.Meta, d.Dialect)
	}
	if d.ThemePos.Line != 4 {
		t.Errorf("theme at %v, want line 4", d.ThemePos)
	}
	got := strings.Join(diagStrings(d), "\n")
	for _, want := range []string{`talk.md:5:1: warning: front matter key "styles" belongs to lookatme`,
		`talk.md:6:1: warning: front matter key "extensions" belongs to lookatme`,
		`talk.md:7:1: warning: front matter key "location" belongs to presenterm`} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if d.Diagnostics.HasErrors() {
		t.Errorf("errors: %s", got)
	}
}

func TestExecFlagNotedOnce(t *testing.T) {
	d := mustParse(t, "```bash +exec\nls\n```\n\n```rust +exec_replace\nfn main(){}\n```\n")
	got := diagStrings(d)
	if len(got) != 1 || !strings.Contains(got[0], "talk.md:1:1: warning: code block flag +exec: shovel shows the code but does not run it") {
		t.Errorf("diagnostics = %v", got)
	}
}
