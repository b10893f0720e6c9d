package tui

import (
	"fmt"
	"strings"

	"shovel/internal/render"
)

// footer is what the audience view's bottom line says.
type footer struct {
	left  string // deck title · slide title
	flash string // a message or a key sequence being typed, replaces left
	// marker is a one-cell sign of reload news, at the right, never over
	// the title; "" for none.
	marker string
	step   string // "step 2/3" on slides with pauses
	slide  int
	total  int
}

// audienceView is the slide as the audience sees it, with a one-line
// footer. A slide taller than the screen scrolls.
type audienceView struct {
	c        *Common
	w, h     int
	page     *render.Page
	banner   string
	showFoot bool
	foot     footer
	scroll   int
	// feet remembers the footer line and its parts: View runs after
	// every message, while the footer changes with the slide at most.
	feet footCache
}

func (v *audienceView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.scrollBy(0)
}

func (v *audienceView) set(p *render.Page, banner string, showFooter bool, f footer) {
	v.page, v.banner, v.showFoot, v.foot = p, banner, showFooter, f
	v.scrollBy(0)
}

// area is the number of rows the slide gets.
func (v *audienceView) area() int {
	h := v.h - 1 // the footer row; with no_footer it still carries the scroll hint
	if v.banner != "" {
		h--
	}
	return max(h, 1)
}

func (v *audienceView) lines() []string {
	if v.page == nil {
		return nil
	}
	return v.page.Lines
}

func (v *audienceView) overflow() bool { return len(v.lines()) > v.area() }

// scrollBy moves the view of a tall slide by d rows, within bounds.
func (v *audienceView) scrollBy(d int) {
	v.scroll = min(max(v.scroll+d, 0), max(len(v.lines())-v.area(), 0))
}

func (v *audienceView) View() string {
	st := v.c.Styles
	rows := make([]string, 0, v.h)
	if v.banner != "" {
		rows = append(rows, st.Banner.Render(v.c.spread(" "+v.banner, "", v.w)))
	}
	rows = append(rows, placePage(v.c, v.lines(), v.page, v.w, v.area(), v.scroll)...)
	switch {
	case v.showFoot:
		rows = append(rows, v.footerLine())
	case v.overflow() || v.foot.marker != "":
		hint := v.foot.marker
		if v.overflow() {
			hint = strings.TrimSpace(hint + " " + v.scrollHint())
		}
		rows = append(rows, v.c.spread("", st.Dim.Render(hint+" "), v.w))
	default:
		rows = append(rows, "")
	}
	return strings.Join(rows, "\n")
}

// placePage returns exactly h rows showing lines: scrolled when they do not
// fit, else with a one-row top margin, or centred when the page asks.
func placePage(c *Common, lines []string, p *render.Page, w, h, scroll int) []string {
	out := make([]string, 0, h)
	if len(lines) > h {
		lines = lines[scroll:min(scroll+h, len(lines))]
	} else if p != nil && p.VCenter {
		out = append(out, make([]string, (h-len(lines))/2)...)
	} else if len(lines) < h {
		out = append(out, "")
	}
	for _, l := range lines {
		if p != nil && p.Width > w {
			l = c.clip(l, w) // a page of the old width, during a resize
		}
		l = c.markMatch(l)
		out = append(out, l)
	}
	return padLines(out, h)
}

func (v *audienceView) scrollHint() string {
	n, a := len(v.lines()), v.area()
	switch {
	case v.scroll == 0:
		return fmt.Sprintf("↓ more (%d/%d) ", a, n)
	case v.scroll+a >= n:
		return fmt.Sprintf("↑ top (%d/%d) ", n, n)
	}
	return fmt.Sprintf("↑↓ (%d/%d) ", v.scroll+a, n)
}

// footerLine: title (or a message) on the left; the scroll hint, step,
// slide number and a progress bar on the right.
func (v *audienceView) footerLine() string {
	hint := ""
	if v.overflow() {
		hint = v.scrollHint()
	}
	fc := &v.feet
	k := footKey{foot: v.foot, hint: hint, w: v.w, gen: v.c.Gen}
	if fc.ok && fc.key == k {
		return fc.line
	}
	if !fc.ok || fc.key.gen != k.gen {
		*fc = footCache{}
	}
	fc.key, fc.ok = k, true
	st, f := v.c.Styles, v.foot
	if !fc.leftOK || fc.leftText != f.left || fc.leftFlash != f.flash {
		left := " " + st.Footer.Render(f.left)
		if f.flash != "" {
			left = " " + st.Flash.Render(f.flash)
		}
		fc.left, fc.leftW = left, v.c.width(left)
		fc.leftText, fc.leftFlash, fc.leftOK = f.left, f.flash, true
	}
	var right []string
	if f.marker != "" {
		right = append(right, st.Flash.Render(f.marker))
	}
	if hint != "" {
		right = append(right, st.Flash.Render(hint))
	}
	if f.step != "" {
		right = append(right, st.FooterDim.Render(f.step))
	}
	right = append(right, st.Footer.Render(fmt.Sprintf("%d / %d", f.slide, f.total)))
	barW := min(12, max(v.w/10, 4))
	if done := barDone(f.slide, f.total, barW); !fc.barOK || fc.barW != barW || fc.barDone != done {
		fc.bar, fc.barW, fc.barDone, fc.barOK = progressBar(v.c, f.slide, f.total, barW), barW, done, true
	}
	right = append(right, fc.bar+" ")
	fc.line = spreadWidth(v.c, fc.left, fc.leftW, strings.Join(right, "  "), v.w)
	return fc.line
}

// footKey is what the audience footer is built from.
type footKey struct {
	foot footer
	hint string // the scroll hint; "" when the slide fits
	w    int
	gen  int // Common.Gen
}

// footCache is the last footer line, its left part (which changes with
// the slide's title) and its progress bar (which moves every few slides).
type footCache struct {
	key  footKey
	ok   bool
	line string

	leftText, leftFlash string
	left                string
	leftW               int
	leftOK              bool

	bar           string
	barW, barDone int
	barOK         bool
}

// spreadWidth is c.spread(left, right, w) for a left whose width lw is
// known.
func spreadWidth(c *Common, left string, lw int, right string, w int) string {
	rw := c.width(right)
	if rw >= w || w-rw-1 <= 0 || lw > w-rw-1 {
		return c.spread(left, right, w)
	}
	return left + strings.Repeat(" ", max(w-lw-rw, 0)) + right
}

func barDone(n, total, w int) int {
	if total > 0 {
		return (n*w + total/2) / total
	}
	return w
}

func progressBar(c *Common, n, total, w int) string {
	st := c.Styles
	done := barDone(n, total, w)
	return st.BarDone.Render(c.fill("━", done)) + st.BarLeft.Render(c.fill("─", w-done))
}

// tooSmallView says plainly why nothing is shown, within whatever space
// there is.
func tooSmallView(c *Common, w, h int) string {
	msg := []string{
		"Terminal too small",
		fmt.Sprintf("%d×%d, shovel needs %d×%d.", w, h, MinWidth, MinHeight),
		"Enlarge the window",
		"or make the font smaller.",
		firstKey(c.Keys.Quit) + " quits.",
	}
	top := max((h-len(msg))/2, 0)
	rows := make([]string, 0, h)
	rows = append(rows, make([]string, top)...)
	for _, l := range msg {
		rows = append(rows, c.center(l, w))
	}
	return strings.Join(padLines(rows, h), "\n")
}

func blankView(h int) string { return strings.Repeat("\n", max(h-1, 0)) }
