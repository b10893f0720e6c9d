package export

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"shovel/deck"
	"shovel/slides"
)

// mixedDeck is the checked-in test deck: Chinese and English, notes in every
// spelling, pauses, a table, columns, a skipped slide, a very long title.
const mixedDeck = "testdata/mixed.md"

func openDeck(t testing.TB, path string) *deck.Deck {
	t.Helper()
	var (
		d   *deck.Deck
		err error
	)
	if path == "" {
		d, err = deck.OpenFS(slides.FS(), ".", "slides")
	} else {
		d, err = deck.Open(path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if d.Diagnostics.HasErrors() {
		t.Fatalf("deck %q has errors: %v", path, d.Diagnostics.Errors())
	}
	return d
}

// handoutDeck holds what a handout rewrites: links, images, emphasis, code
// spans, subheadings and notes in both forms.
const handoutDeck = "testdata/handout.md"

// testDecks are the decks every property is checked on.
func testDecks(t testing.TB) map[string]*deck.Deck {
	return map[string]*deck.Deck{"built-in": openDeck(t, ""), "mixed": openDeck(t, mixedDeck), "handout": openDeck(t, handoutDeck)}
}

func exportText(t testing.TB, d *deck.Deck, opts TextOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Text(context.Background(), &b, d, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// firstDiff shows where two texts first differ, line by line.
func firstDiff(want, got string) string {
	wl, gl := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, w, g)
		}
	}
	return ""
}
