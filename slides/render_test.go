package slides_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"shovel/internal/export"
	"shovel/internal/render"
)

// A speaker presents from a 100×30 terminal: every slide, fully revealed,
// must fit above the one-line footer without scrolling.
func TestRenderedSlidesFit100x30(t *testing.T) {
	const width, height, footer = 100, 30, 1
	d := openDeck(t)
	r, err := render.New(d, render.Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range d.Slides {
		p, err := r.Slide(i, s.Steps-1, width)
		if err != nil {
			t.Fatalf("slide %d: %v", s.Number, err)
		}
		if n := len(p.Lines); n > height-footer {
			t.Errorf("slide %d %q is %d lines tall at %d×%d, want at most %d", s.Number, s.Title, n, width, height, height-footer)
		}
		t.Logf("slide %2d %3d lines %s", s.Number, len(p.Lines), s.Title)
	}
}

// A handout made with "shovel export --notes" carries the talk: every key
// phrase of the source reaches it whole. Paragraphs wrap phrases across
// lines, so whitespace is ignored when matching; at 100 columns no table
// cell has to wrap, which would interleave a phrase with its neighbours.
func TestExportCarriesKeyPhrases(t *testing.T) {
	d := openDeck(t)
	for _, width := range []int{100} {
		var out bytes.Buffer
		if err := export.Text(context.Background(), &out, d, export.TextOptions{Width: width, Notes: true}); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(out.String()), "")
		for _, p := range keyPhrases {
			if !strings.Contains(text, strings.Join(strings.Fields(p), "")) {
				t.Errorf("width %d: key phrase %q is not in the export", width, p)
			}
		}
	}
}

// minSourceCoverage is the share of the source's Chinese word pairs the
// handout must carry: the talk may trim the slides, but the notes keep the
// source's wording.
const minSourceCoverage = 0.90

// TestExportCoversSource compares "shovel export --notes" with the source
// text (testdata/source.txt, the PDF extraction the deck was made from).
func TestExportCoversSource(t *testing.T) {
	src, err := os.ReadFile("testdata/source.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := export.Text(context.Background(), &out, openDeck(t), export.TextOptions{Width: 100, Notes: true}); err != nil {
		t.Fatal(err)
	}
	want := cjkBigrams(string(src))
	c := coverage(want, cjkBigrams(joinLines(out.String())))
	t.Logf("export covers %.1f%% of the source's %d Chinese bigrams", 100*c, len(want))
	if c < minSourceCoverage {
		t.Errorf("export covers %.1f%% of the source's Chinese bigrams, want at least %.0f%%", 100*c, 100*minSourceCoverage)
	}
}
