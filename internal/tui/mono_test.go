package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"shovel/internal/render"
)

var sgrSeq = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourSGR finds an SGR sequence that sets a colour (foreground or
// background, basic, bright, 256 or true colour) in s.
func colourSGR(s string) string {
	for _, m := range sgrSeq.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 49 || n >= 90 && n <= 107 {
				return strconv.Quote(m[0])
			}
		}
	}
	return ""
}

// The NO_COLOR audience view (theme mono): bold, reverse and the like, no
// colour, and the slide reads as text, not as Markdown.
func TestGoldenNoColorAudience(t *testing.T) {
	for _, slide := range []string{"3", "4"} {
		t.Run("slide"+slide, func(t *testing.T) {
			h := newHarness(t, openTestDeck(t), 80, 24, func(o *Options) { o.Theme = render.MonoTheme })
			h.keys(slide + " G")
			v := h.view()
			if c := colourSGR(v); c != "" {
				t.Errorf("NO_COLOR view sets a colour: %s", c)
			}
			if !strings.Contains(v, "\x1b[") {
				t.Error("NO_COLOR view has no attributes at all (bold, reverse)")
			}
			plain := sgrSeq.ReplaceAllString(v, "")
			for _, m := range []string{"**", "__", "`", "~~", "# "} {
				if strings.Contains(plain, m) {
					t.Errorf("NO_COLOR view shows the Markdown marker %q:\n%s", m, plain)
				}
			}
			checkFits(t, h, 80, 24)
			golden.RequireEqual(t, trimRight(v))
		})
	}
}

func TestColourSGR(t *testing.T) {
	for s, colour := range map[string]bool{
		"\x1b[1mb\x1b[m": false, "\x1b[1;7m\x1b[2;4m": false, "\x1b[38;5;12mx": true,
		"\x1b[1;31mx": true, "\x1b[48:2::1:2:3mx": true, "\x1b[97mx": true, "plain": false,
	} {
		if got := colourSGR(s) != ""; got != colour {
			t.Errorf("colourSGR(%q) found a colour: %v; want %v", s, got, colour)
		}
	}
}
