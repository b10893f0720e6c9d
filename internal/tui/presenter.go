package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"shovel/internal/render"
	"shovel/internal/tui/pace"
)

// presenterWidths splits the screen for the presenter view: the current
// slide gets three fifths, the next slide and the notes the rest, with a
// three-cell gutter between.
func presenterWidths(w int) (left, right int) {
	left = w * 3 / 5
	return left, max(w-left-3, 1)
}

// presenterData is what the presenter view shows, computed in Update.
type presenterData struct {
	cur, next, notes *render.Page
	label            string // PRESENTER or REHEARSAL
	nextLabel        string
	banner, status   string
	slide, total     int
	step, title      string
	clock, elapsed   string
	timer            pace.Timer
	pace             pace.Report
	budget           time.Duration
	screens          int  // other screens following (shovel follow)
	blanked          bool // their screens are blanked
	forecast         pace.Forecast
	hasForecast      bool
}

// presenterView is the speaker's screen: the current slide, a preview of
// what the next key press shows, the notes, and the clock with pace.
type presenterView struct {
	c           *Common
	w, h        int
	d           presenterData
	preview     []string // the next page without its blank margins
	notes       []string
	scroll      int // of the current slide
	notesScroll int
	// body is the rows between header and status line, kept while what
	// they show is the same: the clock ticks every second, the slides
	// and notes change with a key press.
	body struct {
		key  presenterBodyKey
		ok   bool
		rows string
	}
}

// presenterBodyKey is what the presenter view's body is built from.
type presenterBodyKey struct {
	cur, next, notes    *render.Page
	nextLabel           string
	scroll, notesScroll int
	w, h                int
	match               string
	gen                 int // Common.Gen
}

func (v *presenterView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.scrollSlide(0)
	v.scrollNotes(0)
}

func (v *presenterView) set(d presenterData) {
	v.d = d
	v.preview, v.notes = trimBlank(pageLines(d.next)), trimBlank(pageLines(d.notes))
	v.scrollSlide(0)
	v.scrollNotes(0)
}

func (v *presenterView) bodyHeight() int { return max(v.h-2, 1) }

// rightRows splits the right column: preview rows and notes rows (each
// section also has a label row, and a rule separates them).
func (v *presenterView) rightRows() (preview, notes int) {
	body := v.bodyHeight()
	preview = max((body-3)*2/5, 2)
	return preview, max(body-preview-3, 1)
}

func pageLines(p *render.Page) []string {
	if p == nil {
		return nil
	}
	return p.Lines
}

func (v *presenterView) scrollSlide(d int) {
	v.scroll = min(max(v.scroll+d, 0), max(len(pageLines(v.d.cur))-v.bodyHeight(), 0))
}

func (v *presenterView) scrollNotes(d int) {
	_, nh := v.rightRows()
	v.notesScroll = min(max(v.notesScroll+d, 0), max(len(v.notes)-nh, 0))
}

// scrollNotesPage scrolls the notes half their pane down (dir 1) or up
// (dir -1), as ctrl+d and ctrl+u do in a pager.
func (v *presenterView) scrollNotesPage(dir int) {
	_, nh := v.rightRows()
	v.scrollNotes(dir * max(nh/2, 1))
}

func (v *presenterView) View() string {
	return v.header() + "\n" + v.bodyRows() + "\n" + v.statusLine()
}

// bodyRows is the current slide beside the next one and the notes.
func (v *presenterView) bodyRows() string {
	k := presenterBodyKey{cur: v.d.cur, next: v.d.next, notes: v.d.notes, nextLabel: v.d.nextLabel,
		scroll: v.scroll, notesScroll: v.notesScroll, w: v.w, h: v.h, match: v.c.Match, gen: v.c.Gen}
	if v.body.ok && v.body.key == k {
		return v.body.rows
	}
	st := v.c.Styles
	lw, rw := presenterWidths(v.w)
	body := v.bodyHeight()
	left := placePage(v.c, pageLines(v.d.cur), v.d.cur, lw, body, v.scroll)
	right := v.rightColumn(rw, body)
	gutter := st.Rule.Render(v.c.fixed(" │ ", 3)) // │ is 2 cells under ambiguous_width: 2
	rows := make([]string, 0, body)
	for i := 0; i < body; i++ {
		l := left[i]
		rows = append(rows, l+strings.Repeat(" ", max(lw-v.c.width(l), 0))+gutter+right[i])
	}
	v.body.key, v.body.ok, v.body.rows = k, true, strings.Join(rows, "\n")
	return v.body.rows
}

func (v *presenterView) header() string {
	st, d := v.c.Styles, v.d
	if d.banner != "" {
		return st.Banner.Render(v.c.spread(" "+d.banner, "", v.w))
	}
	left := " " + st.Label.Render(d.label) + " " + st.Footer.Render(fmt.Sprintf("%d / %d", d.slide, d.total))
	if d.step != "" {
		left += st.FooterDim.Render(" · " + d.step)
	}
	if d.blanked {
		left += "  " + st.Behind.Render("audience blanked (b)")
	}
	if d.status != "" {
		left += "  " + st.Flash.Render(d.status)
	} else {
		left += st.Footer.Render(" · " + d.title)
	}
	right := st.Footer.Render(d.clock) + " "
	if d.screens > 0 {
		right = st.Label.Render(screens(d.screens)) + st.Footer.Render(" · ") + right
	}
	return v.c.spread(left, right, v.w)
}

func (v *presenterView) rightColumn(rw, body int) []string {
	st, d := v.c.Styles, v.d
	ph, nh := v.rightRows()
	col := make([]string, 0, body)
	col = append(col, st.Label.Render(v.c.truncate(d.nextLabel, rw)))
	prev := v.preview
	if len(prev) > ph {
		prev = append(prev[:ph-1:ph-1], st.Dim.Render("…"))
	}
	col = append(col, padLines(prev, ph)...)
	col = append(col, st.Rule.Render(v.c.fill("─", rw)))
	notes := v.notes
	label := "NOTES"
	if len(notes) == 0 {
		label = "NOTES — none for this slide"
	} else if len(notes) > nh {
		label = fmt.Sprintf("NOTES %d–%d/%d (%s %s scroll)", v.notesScroll+1, min(v.notesScroll+nh, len(notes)), len(notes), shortKey(v.c.Keys.NotesDown), shortKey(v.c.Keys.NotesUp))
	}
	col = append(col, st.Label.Render(v.c.truncate(label, rw)))
	if len(notes) > nh {
		notes = notes[v.notesScroll:min(v.notesScroll+nh, len(notes))]
	}
	col = append(col, padLines(notes, nh)...)
	return padLines(col, body)
}

// statusLine: timer, pace against the budgets, time left of the duration.
func (v *presenterView) statusLine() string {
	st, d := v.c.Styles, v.d
	var timer string
	switch {
	case !d.timer.Started:
		// Nothing to compare before the clock runs: only say so.
		return v.c.spread(" "+st.Footer.Render("⏱ "+d.elapsed+" clock not started — starts on the next step (or "+shortKey(v.c.Keys.TimerToggle)+")"), "", v.w)
	case d.timer.Running:
		timer = "⏱ " + d.elapsed
	default:
		timer = "⏸ " + d.elapsed + " paused (" + shortKey(v.c.Keys.TimerToggle) + ")"
	}
	parts := []string{st.Footer.Render(timer)}
	switch d.pace.Status {
	case pace.OnTime:
		parts = append(parts, st.OnTime.Render(d.pace.Summary()))
	case pace.Behind:
		parts = append(parts, st.Behind.Render(d.pace.Summary()))
	case pace.Ahead:
		parts = append(parts, st.Ahead.Render(d.pace.Summary()))
	}
	if d.budget > 0 {
		parts = append(parts, st.FooterDim.Render("slide "+pace.Clock(d.budget)))
	}
	if d.hasForecast {
		parts = append(parts, st.Footer.Render(d.forecast.Text()))
	}
	if r := d.pace.RemainingText(); r != "" {
		parts = append(parts, st.Footer.Render(r))
	}
	return v.c.spread(" "+strings.Join(parts, st.Rule.Render(" │ ")), "", v.w)
}

// trimBlank drops leading and trailing empty lines: a preview and the
// notes should not waste their few rows on margins.
func trimBlank(lines []string) []string {
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}
