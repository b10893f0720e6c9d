package tui

import (
	"strings"

	"shovel/internal/termsafe"
)

// width is the display width of s in cells, escape codes ignored, by the
// renderer's rules (ambiguous_width included): chrome and slides are
// measured alike.
func (c *Common) width(s string) int { return c.Cells.Width(s) }

// truncate cuts s to at most w cells, marking the cut with "…". Slide lines
// never need it (the renderer fits them); chrome text such as titles does.
func (c *Common) truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return c.Cells.Truncate(s, w, "…")
}

// clip cuts s to w cells without a marker: used only for a page still laid
// out for the previous width during a resize, until the new one arrives.
func (c *Common) clip(s string, w int) string { return c.Cells.Truncate(s, w, "") }

// spread puts left and right on one line of exactly w cells, truncating
// left first so that the right part (slide number, clock) always shows.
func (c *Common) spread(left, right string, w int) string {
	rw := c.width(right)
	if rw >= w {
		return c.truncate(right, w)
	}
	left = c.truncate(left, w-rw-1)
	return left + strings.Repeat(" ", max(w-c.width(left)-rw, 0)) + right
}

// center places s in the middle of w cells.
func (c *Common) center(s string, w int) string {
	s = c.truncate(s, w)
	pad := (w - c.width(s)) / 2
	return strings.Repeat(" ", pad) + s
}

// fill repeats s (a rule such as ─, which is 2 cells wide under
// ambiguous_width: 2) to exactly w cells, padding with spaces.
func (c *Common) fill(s string, w int) string {
	sw := c.width(s)
	if w <= 0 || sw == 0 {
		return strings.Repeat(" ", max(w, 0))
	}
	return c.fixed(strings.Repeat(s, w/sw), w)
}

// fixed cuts or pads s to exactly w cells.
func (c *Common) fixed(s string, w int) string {
	s = c.clip(s, w)
	return s + strings.Repeat(" ", max(w-c.width(s), 0))
}

// padLines returns exactly h lines: lines cut to h, or filled with empty
// lines, so that the footer always sits on the last row.
func padLines(lines []string, h int) []string {
	if len(lines) >= h {
		return lines[:h]
	}
	out := make([]string, h)
	copy(out, lines)
	return out
}

// windowTitle is the terminal window's title: built only from sanitised
// text, since a deck title could otherwise carry an OSC that rewrites the
// title or the clipboard.
func windowTitle(deckTitle string) string { return "shovel — " + termsafe.Line(deckTitle) }
