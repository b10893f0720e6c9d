package render

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Measurer measures and cuts text by display width with one set of rules:
// the renderer's (uniseg widths, East Asian ambiguous characters 1 or 2
// cells as ambiguous_width says). The TUI's chrome measures with the
// renderer's Measurer, so a footer is laid out with the widths its
// characters are drawn with.
type Measurer struct{ m measurer }

// Measurer returns the renderer's width rules.
func (r *Renderer) Measurer() Measurer { return Measurer{r.m} }

// Ambiguous is the width of East Asian ambiguous characters, 1 or 2.
func (m Measurer) Ambiguous() int { return m.rules().amb }

// rules are m's; the zero Measurer measures ambiguous characters 1 cell.
func (m Measurer) rules() measurer {
	if m.m.amb != 2 {
		return measurer{amb: 1}
	}
	return m.m
}

// Width is the display width of s in cells; escape sequences are ignored.
func (m Measurer) Width(s string) int {
	mm := m.rules()
	if strings.IndexByte(s, 0x1b) < 0 {
		return mm.text(s)
	}
	w := 0
	for _, seg := range splitEscapes(s) {
		if !seg.esc {
			w += mm.text(seg.s)
		}
	}
	return w
}

// Truncate cuts s (text with SGR sequences, such as styled chrome) to at
// most w cells at a grapheme boundary, ending it with tail when something
// was cut. Escape sequences after the cut are kept, so that styles opened
// before it are still reset.
func (m Measurer) Truncate(s string, w int, tail string) string {
	if m.Width(s) <= w {
		return s
	}
	mm := m.rules()
	room := w - mm.text(tail)
	if room < 0 {
		tail, room = "", w
	}
	var b strings.Builder
	used, cut := 0, false
	for _, seg := range splitEscapes(s) {
		if seg.esc {
			b.WriteString(seg.s)
			continue
		}
		if cut {
			continue
		}
		state := -1
		for rest := seg.s; len(rest) > 0; {
			var g string
			var uw int
			g, rest, uw, state = uniseg.FirstGraphemeClusterInString(rest, state)
			gw := mm.cluster(g, uw)
			if used+gw > room {
				b.WriteString(tail)
				cut = true
				break
			}
			used += gw
			b.WriteString(g)
		}
	}
	return b.String()
}

type segment struct {
	s   string
	esc bool
}

// splitEscapes splits s into text and escape sequences: CSI (ESC [ …
// final byte), OSC and string sequences up to BEL or ST, other two-byte
// ESC sequences.
func splitEscapes(s string) []segment {
	var out []segment
	for len(s) > 0 {
		i := strings.IndexByte(s, 0x1b)
		if i < 0 {
			out = append(out, segment{s: s})
			break
		}
		if i > 0 {
			out = append(out, segment{s: s[:i]})
		}
		n := escapeLen(s[i:])
		out = append(out, segment{s: s[i : i+n], esc: true})
		s = s[i+n:]
	}
	return out
}

// EscapeLen is the length of the escape sequence at the start of s (CSI,
// OSC and the other string sequences, else ESC and one byte): for callers
// that mark styled lines, such as the TUI's search highlight.
func EscapeLen(s string) int { return escapeLen(s) }

func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']', 'P', '_', '^', 'X':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return 2
}
