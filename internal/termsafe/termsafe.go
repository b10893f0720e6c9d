// Package termsafe makes untrusted text safe to write to a terminal. A
// deck, its file names and a theme come from whoever wrote them; a
// terminal acts on control characters (ESC starts CSI, OSC 52 clipboard
// writes, OSC 0 window titles, DCS; C1 U+009B and U+009D do the same
// without ESC). Every control character is therefore replaced by a visible
// picture of itself, so the escape sequence it would start shows as text:
// "␛]52;c;…". Nothing here emits or interprets an escape sequence.
//
// Every picture has a width that does not depend on the terminal's
// setting for East Asian ambiguous characters: C0 controls become Unicode
// control pictures (U+2400–U+241F, U+2421, East Asian width neutral: one
// cell), C1 controls and bidi controls become ASCII escapes (\x9b,
// \u202e).
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Picture returns what control character r is shown as, and false when r
// is not a control character (tab, newline and carriage return are
// controls too: callers that keep them check first).
func Picture(r rune) (string, bool) {
	switch {
	case r < 0x20:
		return string(0x2400 + r), true
	case r == 0x7f:
		return "\u2421", true // ␡
	case r >= 0x80 && r < 0xa0:
		return fmt.Sprintf(`\x%02x`, r), true
	}
	return "", false
}

// IsControl reports whether r is a C0 or C1 control character or DEL.
func IsControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

// IsBidi reports whether r is an invisible bidirectional formatting
// character: it reorders the text around it on screen, so that what is
// shown differs from what is stored (the "Trojan Source" trick).
func IsBidi(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// BidiPicture is how a bidi control is shown where it must be visible.
func BidiPicture(r rune) string { return fmt.Sprintf(`\u%04x`, r) }

// Text returns s with every control character other than tab, newline and
// carriage return replaced by its picture: for slide text, which keeps its
// line structure and its bidi characters (right-to-left text needs them).
func Text(s string) string {
	return replace(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }, false)
}

// Line returns s as one visible line for the chrome (titles, footers,
// banners, the window title) and for diagnostics: every control character,
// line breaks and tabs included, and every bidi control is replaced by its
// picture, so that a title cannot fake a second line or reorder the text
// around it. Invalid UTF-8 becomes U+FFFD.
func Line(s string) string {
	return replace(s, func(rune) bool { return false }, true)
}

func clean(s string, keep func(rune) bool, bidi bool) bool {
	for i := 0; i < len(s); {
		if b := s[i]; b >= 0x20 && b < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (IsControl(r) && !keep(r)) || (bidi && IsBidi(r)) {
			return false
		}
		i += n
	}
	return true
}

func replace(s string, keep func(rune) bool, bidi bool) string {
	if clean(s, keep, bidi) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case IsControl(r) && !keep(r):
			p, _ := Picture(r)
			b.WriteString(p)
		case bidi && IsBidi(r):
			b.WriteString(BidiPicture(r))
		default:
			b.WriteRune(r) // invalid UTF-8 arrives as U+FFFD
		}
	}
	return b.String()
}

// Writer passes text to W with controls other than tab and newline, and
// bidi controls, replaced by their pictures: for output that is plain text
// for a file but may be going to a terminal (export --format markdown).
// A character split across two writes is held until it is complete.
type Writer struct {
	W       io.Writer
	pending []byte
}

func (w *Writer) Write(p []byte) (int, error) {
	buf := append(w.pending, p...)
	cut := len(buf)
	// Hold back an incomplete UTF-8 sequence at the end (at most 3 bytes).
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-3; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	w.pending = append([]byte(nil), buf[cut:]...)
	s := replace(string(buf[:cut]), func(r rune) bool { return r == '\t' || r == '\n' }, true)
	if _, err := io.WriteString(w.W, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character left incomplete at the end of the output (it
// shows as U+FFFD).
func (w *Writer) Flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	s := replace(string(w.pending), func(rune) bool { return false }, true)
	w.pending = nil
	_, err := io.WriteString(w.W, s)
	return err
}
