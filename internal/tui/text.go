package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"shovel/internal/render"
	"shovel/internal/termsafe"
)

// width is the display width of s in cells, escape codes ignored.
func width(s string) int { return render.StringWidth(ansi.Strip(s)) }

// truncate cuts s to at most w cells, marking the cut with "…". Slide lines
// never need it (the renderer fits them); chrome text such as titles does.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// clip cuts s to w cells without a marker: used only for a page still laid
// out for the previous width during a resize, until the new one arrives.
func clip(s string, w int) string {
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "")
}

// spread puts left and right on one line of exactly w cells, truncating
// left first so that the right part (slide number, clock) always shows.
func spread(left, right string, w int) string {
	rw := width(right)
	if rw >= w {
		return truncate(right, w)
	}
	left = truncate(left, w-rw-1)
	return left + strings.Repeat(" ", w-width(left)-rw) + right
}

// center places s in the middle of w cells.
func center(s string, w int) string {
	s = truncate(s, w)
	pad := (w - width(s)) / 2
	return strings.Repeat(" ", pad) + s
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
