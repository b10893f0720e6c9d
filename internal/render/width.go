package render

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// measurer measures display width in terminal cells. uniseg decides grapheme
// boundaries and the width of everything but East Asian ambiguous
// characters, which take amb cells. uniseg's own switch for them
// (uniseg.EastAsianAmbiguousWidth) is a package global, so it is never
// touched: two renderers with different settings may run at once.
type measurer struct{ amb int }

func newMeasurer(amb int) measurer {
	if amb != 2 {
		amb = 1
	}
	return measurer{amb: amb}
}

// cluster returns the width of one grapheme cluster whose uniseg width is uw.
func (m measurer) cluster(g string, uw int) int {
	if uw == 0 || g[0] < 0xa1 {
		return uw
	}
	r := firstRune(g)
	if !isAmbiguous(r) || strings.ContainsRune(g, '\ufe0f') {
		// A variation selector 16 asks for the emoji form, which every
		// terminal draws two cells wide.
		return uw
	}
	return m.amb
}

// text returns the width of s, which must not contain escape sequences.
func (m measurer) text(s string) int {
	if printableASCII(s) {
		return len(s) // one cell a byte: each is a cluster of its own
	}
	w := 0
	state := -1
	for len(s) > 0 {
		var g string
		var uw int
		g, s, uw, state = uniseg.FirstGraphemeClusterInString(s, state)
		w += m.cluster(g, uw)
	}
	return w
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// StringWidth is the display width of s in terminal cells. Escape sequences
// are ignored, wide characters count 2, combining marks and zero-width
// joiners 0, an emoji ZWJ sequence counts as one grapheme, and East Asian
// ambiguous characters (“ ” → ∝ ①) count 1 whatever LANG says.
func StringWidth(s string) int { return StringWidthAmbiguous(s, 1) }

// StringWidthAmbiguous is StringWidth with East Asian ambiguous characters
// counting amb cells (1 or 2; anything else means 1), for terminals set up
// to draw them wide (front matter ambiguous_width: 2).
func StringWidthAmbiguous(s string, amb int) int {
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = ansi.Strip(s)
	}
	return newMeasurer(amb).text(s)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func isAmbiguous(r rune) bool {
	return r >= 0xa1 && width.LookupRune(r).Kind() == width.EastAsianAmbiguous
}

// isWide reports whether r is drawn two cells wide (East Asian wide or
// fullwidth): CJK ideographs, kana, Hangul, fullwidth punctuation.
func isWide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// isCJK reports whether r is a Han ideograph, kana or Hangul syllable: the
// scripts written without spaces between words.
func isCJK(r rune) bool {
	return r >= 0x2e80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// cut returns the longest prefix of s (plain text) at most w cells wide,
// ending at a grapheme boundary, and its width.
func (m measurer) cut(s string, w int) (string, int) {
	n, used := 0, 0
	state := -1
	for rest := s; len(rest) > 0; {
		var g string
		var uw int
		g, rest, uw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		gw := m.cluster(g, uw)
		if used+gw > w {
			break
		}
		used += gw
		n += len(g)
	}
	return s[:n], used
}
