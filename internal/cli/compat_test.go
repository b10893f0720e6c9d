package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Decks written for other tools (deck/testdata/compat, written for these
// tests) lint clean of errors and export with their slides, steps and
// notes, and nothing of the other tool's syntax leaks into what the
// audience or the speaker reads.
func TestOtherToolsDecksExport(t *testing.T) {
	leaks := []string{"<!--", "-->", "speaker_note", ": |", "slideLevel", "incrementalLists", "incremental_lists",
		"implicit_slide_ends", "paginate", "marp", "styles", "extensions", "paging", "authors", "location",
		"column_spacing", "margins", "+exec", "+line_numbers", "{2-3}", ". . .", "[!tip]", "image:width",
		"# fn main", "# }", "///", "set up quietly", `import "fmt"`, "_class"}
	tests := []struct {
		file string
		// headers are the slide header lines of --steps all, in order.
		headers []string
		notes   []string
		shown   []string // text that must be there
	}{
		{"presenterm.md",
			[]string{"1/4 · Why borrow", "2/4 · Rules of thumb (step 1/3)", "2/4 · Rules of thumb (step 2/3)",
				"2/4 · Rules of thumb (step 3/3)", "3/4 · Code", "4/4 · Wrap-up (step 1/2)", "4/4 · Wrap-up (step 2/2)"},
			[]string{"Open with the library analogy. Two sentences at most.", "Slow down on the second rule."},
			[]string{"Ana Ruiz, Bo Chen", "1   let name", "2 ▌ let len", "cargo run --quiet", "Tip", "Thanks for listening."}},
		{"patat.md",
			[]string{"1/5 · Part one", "2/5 · Lists are folds", "3/5 · Two folds (step 1/3)", "3/5 · Two folds (step 2/3)",
				"3/5 · Two folds (step 3/3)", "4/5 · Part two", "5/5 · In the wild (step 1/2)", "5/5 · In the wild (step 2/2)"},
			[]string{"Say: draw the cons cells on the board.", "Mention the parser we shipped last year."},
			[]string{"Pick the strict one for sums.", "3. report"}},
		{"lookatme.md",
			[]string{"1/3 · Comprehensions (step 1/2)", "1/3 · Comprehensions (step 2/2)", "2/3 · Generators", "3/3 · Context managers"},
			nil, []string{"Keep them to one line.", "yield n"}},
		{"slides.md",
			[]string{"1/3 · Welcome", "2/3 · Hidden setup", "3/3 · The end"},
			nil, []string{`println("shown")`, "func main() {"}},
		{"marp.md",
			[]string{"1/3 · Plants at home", "2/3 · Watering", "3/3 · Questions"},
			[]string{"Greet the room and ask who owns a plant.", "Show the pot with drainage holes. Mention overwatering."},
			[]string{"Light, water, patience.", "feel the soil first"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "deck", "testdata", "compat", tt.file)
			io, _, out, errOut := testStreams()
			if code := Run([]string{"lint", path}, io); code != ExitOK {
				t.Fatalf("lint exit %d:\n%s%s", code, out, errOut)
			}
			io, _, out, errOut = testStreams()
			if code := Run([]string{"export", "--notes", "--steps", "all", "--width", "70", path}, io); code != ExitOK {
				t.Fatalf("export exit %d: %s", code, errOut)
			}
			got := out.String()
			var headers []string
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, "── ") {
					headers = append(headers, strings.TrimRight(strings.TrimPrefix(l, "── "), " ─"))
				}
			}
			if strings.Join(headers, "\n") != strings.Join(tt.headers, "\n") {
				t.Errorf("slides and steps:\n%s\nwant:\n%s", strings.Join(headers, "\n"), strings.Join(tt.headers, "\n"))
			}
			flat := strings.Join(strings.Fields(got), " ")
			for _, s := range append(tt.notes, tt.shown...) {
				if !strings.Contains(flat, strings.Join(strings.Fields(s), " ")) {
					t.Errorf("export lacks %q", s)
				}
			}
			for _, s := range leaks {
				if strings.Contains(got, s) {
					t.Errorf("%q leaks into the export", s)
				}
			}
			// Notes end up as text only, never with a YAML bar.
			for _, sec := range strings.Split(got, "Notes\n─────\n")[1:] {
				if n, _, _ := strings.Cut(sec, "\n\n"); strings.Contains(n, "|") {
					t.Errorf("notes show a |: %q", n)
				}
			}
		})
	}
}
