package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"shovel/internal/render"
)

// Search matches are marked on the slide when the page is composed, not
// when it is rendered: pages stay cached by (slide, step, width, theme)
// whatever the query, and marking only inserts SGR sequences, which take
// no cells, so every line keeps its width.

// token is one piece of a styled line: an escape sequence, or one visible
// rune with its case-folded form.
type token struct {
	text   string
	esc    bool
	folded rune
}

// tokens splits a styled line into escape sequences and visible runes.
func tokens(line string) []token {
	var out []token
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n := render.EscapeLen(line[i:])
			out = append(out, token{text: line[i : i+n], esc: true})
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		out = append(out, token{text: line[i : i+n], folded: unicode.ToLower(r)})
		i += n
	}
	return out
}

// markMatches returns line with every case-folded occurrence of query in
// its visible text between on and off (e.g. reverse video on and off).
// Styles inside a match may reset attributes, so on is repeated after
// each escape sequence within it.
func markMatches(line, query, on, off string) string {
	q := []rune(strings.ToLower(query))
	for i, r := range q {
		q[i] = unicode.ToLower(r)
	}
	if len(q) == 0 || on == "" {
		return line
	}
	toks := tokens(line)
	var vis []int // indexes of visible tokens
	for i, t := range toks {
		if !t.esc {
			vis = append(vis, i)
		}
	}
	// starts[i] and ends[i]: a match begins before or ends after token i.
	starts, ends := map[int]bool{}, map[int]bool{}
	for i := 0; i+len(q) <= len(vis); {
		ok := true
		for j, r := range q {
			if toks[vis[i+j]].folded != r {
				ok = false
				break
			}
		}
		if !ok {
			i++
			continue
		}
		starts[vis[i]], ends[vis[i+len(q)-1]] = true, true
		i += len(q)
	}
	if len(starts) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + len(starts)*(len(on)+len(off)))
	in := false
	for i, t := range toks {
		if starts[i] {
			b.WriteString(on)
			in = true
		}
		b.WriteString(t.text)
		if in && t.esc {
			b.WriteString(on)
		}
		if ends[i] {
			b.WriteString(off)
			in = false
		}
	}
	return b.String()
}

// markMatch marks c.Match in a line of the slide in reverse video, in the
// themes whose chrome uses it (not in notty, which has no attributes).
func (c *Common) markMatch(line string) string {
	if c.Match == "" || !c.Styles.Selected.GetReverse() {
		return line
	}
	return markMatches(line, c.Match, "\x1b[7m", "\x1b[27m")
}
