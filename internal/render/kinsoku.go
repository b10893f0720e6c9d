package render

import "strings"

// Chinese and Japanese line-start and line-end rules (禁则, kinsoku). UAX #14
// already forbids most of these breaks; the lists make the rules hold in the
// cases it allows, such as after a space ("50 %", "等等 …").
const (
	// noStartChars never begin a line: closing brackets and quotes, and
	// punctuation that belongs to the text before it. Fullwidth, halfwidth
	// and ASCII forms are all listed.
	noStartChars = "、。，．：；？！）》」』】〕〉’”…%" +
		"〗〙〛〞〟‥゠・：；？！，．％）］｝｡｣､" +
		",.:;?!)]}"
	// noEndChars never end a line: opening brackets and quotes.
	noEndChars = "（《「『【〔〈‘“" + "〖〘〚〝（［｛｢" + "([{"
)

func noStart(r rune) bool { return !plainLetter(r) && strings.ContainsRune(noStartChars, r) }
func noEnd(r rune) bool   { return !plainLetter(r) && strings.ContainsRune(noEndChars, r) }

// plainLetter is a fast path for the commonest characters, which are in
// neither list: ASCII letters and digits, CJK ideographs, Hangul.
func plainLetter(r rune) bool {
	return r == 0 || isASCIIAlnum(r) || r >= 0x4e00 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7a3
}

func isOpenQuote(r rune) bool  { return r == '“' || r == '‘' }
func isCloseQuote(r rune) bool { return r == '”' || r == '’' }

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// tailor adjusts uniseg's UAX #14 break opportunities in gs (the opportunity
// after each glyph) to Chinese typesetting practice.
func tailor(gs []glyph) {
	lastInk := -1 // the last glyph before the current position that is not a space
	for i := 0; i+1 < len(gs); i++ {
		a, b := &gs[i], gs[i+1]
		if !a.space {
			lastInk = i
		}
		if a.brk == brkMust {
			continue
		}
		ra, rb := firstRune(a.s), firstRune(b.s)
		// UAX #14 (before Unicode 15.1) never breaks next to a quotation
		// mark; in Chinese a line may end before “ and start after ”.
		if a.brk == brkNone && (isWide(ra) && isOpenQuote(rb) || isCloseQuote(ra) && isWide(rb)) {
			a.brk = brkCan
		}
		if a.brk != brkCan {
			continue
		}
		switch {
		case noStart(rb):
			a.brk = brkNone
		case lastInk >= 0 && noEnd(firstRune(gs[lastInk].s)):
			a.brk = brkNone
		case isDigit(ra) && isCJK(rb):
			// A number stays with its unit or magnitude: 1750亿, 3倍.
			a.brk = brkNone
		case ra == '-' && i > 0 && isASCIIAlnum(firstRune(gs[i-1].s)) && isASCIIAlnum(rb):
			// A hyphenated word (RISC-V, x86-64) is one word.
			a.brk = brkNone
		}
	}
}
