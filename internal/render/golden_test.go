package render

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden compares the CJK test deck, typeset in the notty theme (so the
// files are readable), with golden files (testdata/TestGolden) at 40, 80
// and 120 columns, and a few slides in the dark theme with escape
// sequences quoted. Run `go test ./internal/render -run TestGolden -update`
// after an intended change and review the diff.
func TestGolden(t *testing.T) {
	d := testDecks(t)["cjk"]
	for _, c := range []struct {
		theme  string
		width  int
		quoted bool
		slides []int // nil: all
	}{
		{"notty", 40, false, nil},
		{"notty", 80, false, nil},
		{"notty", 120, false, nil},
		{"dark", 80, true, []int{1, 5, 7, 8, 12}},
	} {
		name := fmt.Sprintf("cjk-%s-%d.txt", c.theme, c.width)
		t.Run(name, func(t *testing.T) {
			r, err := New(d, Options{Theme: c.theme})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			idx := c.slides
			if idx == nil {
				for i := range d.Slides {
					idx = append(idx, i)
				}
			}
			for _, i := range idx {
				s := d.Slides[i]
				for step := 0; step < s.Steps; step++ {
					p, err := r.Slide(i, step, c.width)
					if err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(&b, "──── slide %d step %d: %s (vcenter %v, title lines %d)\n", i+1, step, s.Title, p.VCenter, p.TitleLines)
					writeLines(&b, p.Lines, c.quoted)
				}
				if s.Notes != "" {
					p, err := r.Notes(i, c.width)
					if err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(&b, "──── slide %d notes\n", i+1)
					writeLines(&b, p.Lines, c.quoted)
				}
			}
			golden.RequireEqual(t, b.Bytes()) // testdata/TestGolden/NAME.golden
		})
	}
}

func writeLines(b *bytes.Buffer, lines []string, quoted bool) {
	for _, l := range lines {
		if quoted {
			fmt.Fprintf(b, "%q\n", l)
		} else {
			fmt.Fprintf(b, "%s|\n", l) // | shows where the line ends
		}
	}
}
