package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var sgrSeq = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourParam returns the first SGR parameter in s that sets a colour
// (30-49: foreground, background, 256 and true colour; 90-107: bright).
func colourParam(s string) (int, bool) {
	for _, m := range sgrSeq.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			if n, _ := strconv.Atoi(p); n >= 30 && n <= 49 || n >= 90 && n <= 107 {
				return n, true
			}
		}
	}
	return 0, false
}

// mono (NO_COLOR) never sets a colour, on slides or in notes, code
// included, yet uses attributes; it lays slides out like notty without the
// rules under headings.
func TestMonoHasNoColour(t *testing.T) {
	for name, d := range testDecks(t) {
		r, err := New(d, Options{Theme: MonoTheme})
		if err != nil {
			t.Fatal(err)
		}
		attrs := 0
		for _, width := range []int{40, 80, 120} {
			for i, s := range d.Slides {
				p, _ := r.Slide(i, s.Steps-1, width)
				n, _ := r.Notes(i, width)
				for _, l := range append(p.Lines, n.Lines...) {
					if c, ok := colourParam(l); ok {
						t.Fatalf("%s slide %d at %d: colour %d in %q", name, i+1, width, c, l)
					}
					attrs += len(sgrSeq.FindAllString(l, -1))
				}
			}
		}
		if attrs == 0 {
			t.Errorf("%s: mono used no attributes at all", name)
		}
	}
	if _, ok := colourParam("\x1b[1;38;5;12mx"); !ok {
		t.Error("colourParam missed a 256-colour foreground")
	}
	if _, ok := colourParam("\x1b[1;2;3;4;7;9mx\x1b[m"); ok {
		t.Error("colourParam took an attribute for a colour")
	}
}

// A note in a comment keeps its line breaks; a "::: notes" note is
// typeset like slide text, its soft breaks joining lines.
func TestNotesLineBreaks(t *testing.T) {
	md := "# T\n\n<!-- speaker_note:\n第一行，\n第二行。\nthird line\n-->\n\n::: notes\njoined\nlines\n\n- **item**\n:::\n"
	for _, theme := range []string{"notty", MonoTheme, "dark"} {
		r, err := New(parseDeck(t, md), Options{Theme: theme})
		if err != nil {
			t.Fatal(err)
		}
		p, _ := r.Notes(0, 40)
		got := sgrSeq.ReplaceAllString(strings.Join(p.Lines, "\n"), "")
		if want := "第一行，\n第二行。\nthird line\n\njoined lines\n\n• item"; got != want {
			t.Errorf("%s: notes =\n%s\nwant\n%s", theme, got, want)
		}
	}
}

// notty and mono show no Markdown markers: emphasis, code spans and
// headings read as text.
func TestPlainThemesShowNoMarkers(t *testing.T) {
	md := "# Title\n\n## Sub\n\n**bold** *em* __strong__ _em_ ~~gone~~ `code` [link](https://x.org) ![alt](p.png)\n\n---\n\n# Two\n"
	for _, theme := range []string{"notty", MonoTheme} {
		r, err := New(parseDeck(t, md), Options{Theme: theme})
		if err != nil {
			t.Fatal(err)
		}
		p, _ := r.Slide(0, 0, 100)
		got := sgrSeq.ReplaceAllString(strings.Join(p.Lines, "\n"), "")
		for _, m := range []string{"**", "__", "`", "~~", "#", "Image:", " _em"} {
			if strings.Contains(got, m) {
				t.Errorf("%s shows %q:\n%s", theme, m, got)
			}
		}
		for _, want := range []string{"Title", "Sub", "bold em strong em gone", "code", "link", "https://x.org", "[image: alt]", "p.png"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q:\n%s", theme, want, got)
			}
		}
		if theme == "notty" && !strings.Contains(got, "Sub\n  ───\n") {
			t.Errorf("notty: no rule under the heading:\n%s", got)
		}
	}
}
