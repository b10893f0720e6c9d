package tui

import (
	"reflect"
	"testing"

	"shovel/deck"
)

// Search looks in what a slide shows: escapes and entities resolved,
// emphasis markers and link targets' markup not part of the text.
func TestFindAllMatchesShownText(t *testing.T) {
	d, err := deck.Parse("t.md", []byte("# One\n\nQ\\&A &amp; more\n\n---\n\n# Two\n\n**GPU** *集群*\n\n<!-- pause -->\n\n[docs](https://x.org) here\n"))
	if err != nil {
		t.Fatal(err)
	}
	texts := slideTexts(d)
	for q, want := range map[string][]match{
		"q&a & more": {{0, 0}},
		`q\&a`:       nil,
		"gpu 集群":     {{1, 0}},
		"**gpu":      nil,
		"docs here":  {{1, 1}},
		"(https":     nil,
	} {
		if got := findAll(texts, q); !reflect.DeepEqual(got, want) {
			t.Errorf("findAll(%q) = %v; want %v", q, got, want)
		}
	}
}
