package cli

import (
	"fmt"
	"strings"
	"testing"
)

// A small deck is read whole, so the footer's count is right on the
// first frame; from firstSlideFirstSize on only the first slide is read
// before the program starts and the rest comes from rest().
func TestOpenPresentDeckReadsSmallDecksWhole(t *testing.T) {
	dir := t.TempDir()
	slides := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString("\n---\n\n")
			}
			fmt.Fprintf(&b, "# Slide %d\n\n%s\n", i+1, strings.Repeat("Words on a slide. ", 20))
		}
		return b.String()
	}
	small := writeFile(t, dir, "small.md", slides(5))
	big := writeFile(t, dir, "big.md", slides(200))
	if len(slides(200)) < firstSlideFirstSize {
		t.Fatalf("the big deck is only %d bytes", len(slides(200)))
	}
	for _, tc := range []struct {
		path      string
		wantFirst int // slides before the program starts
		wantRest  bool
	}{
		{small, 5, false},
		{big, 1, true},
	} {
		io, _, _, _ := testStreams()
		io.IsTerminal = func() bool { return true }
		d, rest, err := openPresentDeck(&PresentOptions{IO: io, Path: tc.path}, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Slides) != tc.wantFirst || (rest != nil) != tc.wantRest {
			t.Errorf("%s: %d slides, rest %v; want %d, %v", tc.path, len(d.Slides), rest != nil, tc.wantFirst, tc.wantRest)
		}
		if rest != nil {
			whole, err := rest()
			if err != nil || len(whole.Slides) != 200 {
				t.Errorf("rest: %v slides, %v", len(whole.Slides), err)
			}
		}
	}
}
