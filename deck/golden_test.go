package deck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// dump is a readable, complete rendering of a parsed deck for golden files.
func dump(d *Deck) string {
	var b strings.Builder
	fmt.Fprintf(&b, "meta: %+v\nfiles: %v\nskipped: %d\n", d.Meta, d.Files, d.Skipped)
	for _, s := range d.Slides {
		fmt.Fprintf(&b, "\n== slide %d %q heading=%v %s:%d-%d steps=%d time=%s align=%s middle=%v nofooter=%v\n",
			s.Number, s.Title, s.Heading, s.File, s.StartLine, s.EndLine, s.Steps, s.Time, s.Alignment, s.JumpToMiddle, s.NoFooter)
		for _, l := range s.Layouts {
			fmt.Fprintf(&b, "layout %v at %s\n", l.Widths, l.Pos)
		}
		for _, blk := range s.Blocks {
			fmt.Fprintf(&b, "-- block step=%d layout=%d column=%d at %s\n%s\n", blk.Step, blk.Layout, blk.Column, blk.Pos, blk.Markdown)
		}
		if s.Notes != "" {
			fmt.Fprintf(&b, "-- notes (line %d)\n%s\n", s.NotesLine, s.Notes)
		}
	}
	for _, x := range d.Diagnostics {
		fmt.Fprintf(&b, "diag: %s\n", x)
	}
	return b.String()
}

func TestFeatureDeckGolden(t *testing.T) {
	d, err := Open(filepath.Join("testdata", "features.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 0 {
		t.Errorf("the feature tour should be clean: %v", diagStrings(d))
	}
	// testdata/TestFeatureDeckGolden.golden; go test ./deck -update to accept a change.
	golden.RequireEqual(t, dump(d))
}

// The examples in the user documentation must stay valid decks.
func TestDocExamplesParse(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "deck-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ex := range markdownExamples(string(doc)) {
		n++
		d, err := Parse("example.md", []byte(ex))
		if err != nil {
			t.Fatalf("example %d: %v", n, err)
		}
		if d.Diagnostics.HasErrors() {
			t.Errorf("example %d has errors: %v\n%s", n, diagStrings(d), ex)
		}
	}
	if n < 5 {
		t.Errorf("found only %d markdown examples in docs/deck-format.md", n)
	}
}

// markdownExamples returns the bodies of ```markdown fences, each closed by
// a fence of the same length (so a ````markdown example may hold ``` code).
func markdownExamples(doc string) []string {
	var out []string
	var body []string
	fence := ""
	for _, line := range strings.Split(doc, "\n") {
		switch {
		case fence == "" && strings.HasPrefix(line, "```") && strings.HasSuffix(line, "markdown"):
			fence = strings.TrimSuffix(line, "markdown")
			body = body[:0]
		case fence != "" && line == fence:
			out = append(out, strings.Join(body, "\n")+"\n")
			fence = ""
		case fence != "":
			body = append(body, line)
		}
	}
	return out
}
