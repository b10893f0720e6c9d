package export

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"shovel/deck"
)

func exportMarkdown(t testing.TB, d *deck.Deck, slides []int) string {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(context.Background(), &b, d, slides); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func reparse(t testing.TB, md string) *deck.Deck {
	t.Helper()
	d, err := deck.Parse("export.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) > 0 {
		t.Fatalf("the exported Markdown has diagnostics: %v\n%s", d.Diagnostics, md)
	}
	return d
}

func TestMarkdownGoldenMixed(t *testing.T) {
	golden.RequireEqual(t, exportMarkdown(t, openDeck(t, mixedDeck), nil))
}

// Exporting Markdown and parsing it again gives an equivalent deck, and
// exporting that gives the same bytes.
func TestMarkdownRoundTrip(t *testing.T) {
	for name, d := range testDecks(t) {
		md := exportMarkdown(t, d, nil)
		back := reparse(t, md)
		if err := equivalent(d, back); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if again := exportMarkdown(t, back, nil); again != md {
			t.Errorf("%s: exporting the exported deck changed it:\n%s", name, firstDiff(md, again))
		}
	}
}

// equivalent compares what a deck means, not where it came from.
func equivalent(a, b *deck.Deck) error {
	am, bm := a.Meta, b.Meta
	am.Pos, bm.Pos = deck.Pos{}, deck.Pos{}
	if am != bm {
		return fmt.Errorf("front matter %+v became %+v", am, bm)
	}
	if len(a.Slides) != len(b.Slides) {
		return fmt.Errorf("%d slides became %d", len(a.Slides), len(b.Slides))
	}
	for i, s := range a.Slides {
		r := b.Slides[i]
		if s.Title != r.Title || s.Heading != r.Heading || s.Steps != r.Steps || s.Notes != r.Notes ||
			s.Time != r.Time || s.Alignment != r.Alignment || s.JumpToMiddle != r.JumpToMiddle || s.NoFooter != r.NoFooter {
			return fmt.Errorf("slide %d: %+v\nbecame %+v", i+1, s, r)
		}
		if sa, sb := blockSummary(s), blockSummary(r); !reflect.DeepEqual(sa, sb) {
			return fmt.Errorf("slide %d: blocks %q\nbecame %q", i+1, sa, sb)
		}
	}
	return nil
}

// blockSummary lists a slide's blocks with the step, layout widths and
// column each is shown in; layout indexes may differ, their widths not.
func blockSummary(s *deck.Slide) []string {
	var out []string
	for _, b := range s.Blocks {
		where := "full"
		if b.Layout >= 0 {
			where = fmt.Sprintf("layout %d %v column %d", b.Layout, s.Layouts[b.Layout].Widths, b.Column)
		}
		out = append(out, fmt.Sprintf("step %d, %s: %s", b.Step, where, b.Markdown))
	}
	return out
}

// Decks written to provoke the normaliser: each must survive a round trip.
func TestMarkdownRoundTripEdgeCases(t *testing.T) {
	cases := map[string]string{
		"notes with -->":               "# A\n\n::: notes\nfirst --> second\n:::\n",
		"notes with --> and two notes": "# A\n\n<!-- speaker_note: x -->\n\n::: notes\nan arrow --> here\n\n- and\n- a list\n:::\n",
		"multi-line and joined notes":  "# A\n\ntext\n\n<!-- speaker_note:\n  indented\n    more\n-->\n<!-- notes: second -->\n",
		"lists kept apart":             "# A\n\n- one\n- two\n<!-- a comment -->\n- three\n\n1. first\n<!-- c -->\n2. second\n",
		"indented code after a list":   "# A\n\n- item\n<!-- c -->\n\n    code\n",
		"two code blocks kept apart":   "# A\n\n    code one\n<!-- c -->\n    code two\n",
		"pauses and layouts": "# A\n\n<!-- column_layout: [2, 1] -->\n<!-- column: 1 -->\nright\n<!-- pause -->\n" +
			"<!-- column: 0 -->\nleft\n<!-- column_layout: [1, 1, 1] -->\n<!-- column: 2 -->\nthird\n<!-- reset_layout -->\nfull\n",
		"directives": "<!-- alignment: left -->\n<!-- no_footer -->\n# A\n\n---\n\n<!-- alignment: center -->\n" +
			"<!-- jump_to_middle -->\n# B\n<!-- time: 1:05 -->\n",
		"front matter that needs quoting": "---\ntitle: 'Title: with a colon'\nsub_title: \"# not a comment\"\nauthor: '@someone'\n" +
			"date: 2026-11-29\nevent: \"yes\"\ntheme: light\nduration: 1h30m\nmax_width: 90\nambiguous_width: 2\n---\n\nno heading\n",
		"no front matter, no headings": "just text\n\n---\n\nmore text\n",
		"notes-only slide":             "# A\n\n---\n\n<!-- speaker_note: only notes here -->\n",
		"html and quotes":              "# A\n\n<div>\nraw html\n</div>\n\n> quoted\n> text\n",
		"fence holding separators":     "# A\n\n```yaml\nkey: value\n---\n<!-- pause -->\n```\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			d := reparse(t, src)
			md := exportMarkdown(t, d, nil)
			back := reparse(t, md)
			if err := equivalent(d, back); err != nil {
				t.Errorf("%v\nexported:\n%s", err, md)
			}
		})
	}
}

func TestMarkdownNotesForms(t *testing.T) {
	for notes, want := range map[string]string{
		"short":            "<!-- speaker_note: short -->",
		"two\nlines":       "<!-- speaker_note:\ntwo\nlines\n-->",
		"a --> b":          "::: notes\na --> b\n:::",
		"a --> b\n:::\nc":  "<!-- speaker_note:\na --&gt; b\n:::\nc\n-->",
		"a --> b\n   ::::": "<!-- speaker_note:\na --&gt; b\n   ::::\n-->",
	} {
		if got := notesMarkdown(notes); got != want {
			t.Errorf("notesMarkdown(%q) = %q; want %q", notes, got, want)
		}
	}
}

func TestMarkdownSelection(t *testing.T) {
	d := openDeck(t, mixedDeck)
	back := reparse(t, exportMarkdown(t, d, []int{1, 3}))
	if len(back.Slides) != 2 || back.Slides[0].Title != "Why GPUs?" || back.Slides[1].Title != "训练 vs 推理" {
		t.Errorf("--slides 2,4 as Markdown gave slides %v", titles(back))
	}
	if back.Meta.Title != d.Meta.Title {
		t.Error("a selection lost the front matter")
	}
}

func titles(d *deck.Deck) []string {
	var out []string
	for _, s := range d.Slides {
		out = append(out, s.Title)
	}
	return out
}

func TestMarkdownOmitsUnsetFrontMatter(t *testing.T) {
	d := reparse(t, "---\nauthor: 某人\n---\n\n# A\n")
	md := exportMarkdown(t, d, nil)
	if !strings.HasPrefix(md, "---\nauthor: 某人\n---\n\n# A\n") {
		t.Errorf("front matter with one key:\n%s", md)
	}
	if md := exportMarkdown(t, reparse(t, "# A\n"), nil); md != "# A\n" {
		t.Errorf("deck without front matter exported as %q", md)
	}
}

func TestMarkdownReportsWriteErrors(t *testing.T) {
	d := openDeck(t, "")
	err := Markdown(context.Background(), &failingWriter{n: 10}, d, nil)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Markdown to a failing writer = %v; want the write error", err)
	}
}
