package rehearse

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"shovel/internal/render"
	"shovel/internal/tui/pace"
)

// TextOptions shape the text report.
type TextOptions struct {
	// Width is the line width in cells (at least 40).
	Width int
	// Color adds SGR colours; without it the report is plain characters.
	Color bool
	// Location is the time zone for dates (time.Local when nil).
	Location *time.Location
	// Command is how to run report, for the hints in the text.
	Command string
}

// MinWidth is the narrowest text report.
const MinWidth = 40

// sgr colours, used only with Color.
const (
	sgrReset = "\x1b[0m"
	sgrBold  = "\x1b[1m"
	sgrDim   = "\x1b[2m"
	sgrGreen = "\x1b[32m"
	sgrRed   = "\x1b[31m"
	sgrGrey  = "\x1b[90m"
)

// Bar characters: shapes that differ without colour, too.
const (
	barWithin = "█" // time within the budget
	barOver   = "▓" // time over the budget
	barLeft   = "░" // budget left unused
)

var sparks = []rune("▁▂▃▄▅▆▇█")

type textWriter struct {
	b   strings.Builder
	opt TextOptions
}

func (w *textWriter) paint(sgr, s string) string {
	if !w.opt.Color || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

func (w *textWriter) line(parts ...string) {
	for _, p := range parts {
		w.b.WriteString(p)
	}
	w.b.WriteByte('\n')
}

// WriteText writes rep as text: a headline, a table with a bar per slide
// against its budget, the totals, the slides most over budget, and the
// trend of the runs' totals.
func WriteText(out io.Writer, rep *Report, opt TextOptions) error {
	opt.Width = max(opt.Width, MinWidth)
	if opt.Location == nil {
		opt.Location = time.Local
	}
	w := &textWriter{opt: opt}
	w.headline(rep)
	w.table(rep)
	w.summary(rep)
	w.trend(rep)
	_, err := io.WriteString(out, w.b.String())
	return err
}

func (w *textWriter) date(t time.Time) string {
	return t.In(w.opt.Location).Format("2006-01-02 15:04")
}

func (w *textWriter) headline(rep *Report) {
	title := rep.Deck.Title
	if title == "" {
		title = "untitled talk"
	}
	var what string
	if rep.All {
		what = fmt.Sprintf("all %d rehearsals (medians)", len(rep.Runs))
	} else {
		i := rep.Selected[0]
		run := &rep.Runs[i]
		what = fmt.Sprintf("rehearsal %d of %d · %s · %s", i+1, len(rep.Runs), w.date(run.Started), pace.Clock(run.Total()))
		if run.Partial {
			what += " · partial"
		}
		if rep.Older[i] {
			what += " · older version of the deck"
		}
	}
	w.line(w.paint(sgrBold, fitWidth(title, w.opt.Width)))
	for _, l := range render.WrapText(what, w.opt.Width) {
		w.line(l)
	}
	w.line()
}

// columns of the table, in cells.
type columns struct{ num, title, bar int }

func (w *textWriter) layout(rep *Report) columns {
	c := columns{num: len(strconv.Itoa(len(rep.Rows)))}
	for _, r := range rep.Rows {
		c.title = max(c.title, render.StringWidth(r.Title))
	}
	c.title = max(min(c.title, 30), 6)
	// " nn  title  budget  run  med 5  ±  bar"
	fixed := 1 + c.num + 2 + 2 + 5 + 2 + 5 + 2 + 5 + 2 + 6 + 2
	c.bar = w.opt.Width - fixed - c.title
	if c.bar < 10 {
		c.title = max(c.title-(10-c.bar), 6)
		c.bar = max(w.opt.Width-fixed-c.title, 0)
	}
	return c
}

func padLeft(s string, n int) string {
	return strings.Repeat(" ", max(n-render.StringWidth(s), 0)) + s
}

func padRight(s string, n int) string {
	return s + strings.Repeat(" ", max(n-render.StringWidth(s), 0))
}

// fitWidth cuts s to at most n cells by display width, marking a cut with …
func fitWidth(s string, n int) string {
	if render.StringWidth(s) <= n {
		return s
	}
	var b strings.Builder
	used := 0
	state := -1
	for len(s) > 0 {
		var g string
		g, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		gw := render.StringWidth(g)
		if used+gw > n-1 {
			break
		}
		b.WriteString(g)
		used += gw
	}
	return b.String() + "…"
}

func clockOr(d time.Duration, ok bool) string {
	if !ok {
		return "—"
	}
	return pace.Clock(d)
}

func signed(d time.Duration) string {
	switch {
	case d < 0:
		return "-" + pace.Clock(-d)
	case d < time.Second:
		return pace.Clock(0) // neither over nor under
	}
	return "+" + pace.Clock(d)
}

func (w *textWriter) table(rep *Report) {
	c := w.layout(rep)
	runLabel := "run"
	if rep.All {
		runLabel = "all" // the median of every run
	}
	var scale time.Duration
	for _, r := range rep.Rows {
		scale = max(scale, r.Budget, r.Time)
	}
	barHead := ""
	if c.bar > 0 {
		barHead = "  " + fitWidth("vs budget", c.bar)
	}
	w.line(w.paint(sgrDim, " "+padLeft("#", c.num)+"  "+padRight("slide", c.title)+"  "+padLeft("budget", 6)+" "+
		padLeft(runLabel, 5)+"  "+padLeft(fmt.Sprintf("med %d", MedianOf), 5)+"  "+padLeft("±", 6)+barHead))
	for _, r := range rep.Rows {
		over, hasOver := r.Over()
		delta := ""
		if hasOver {
			delta = signed(over)
		}
		deltaCell := padLeft(delta, 6)
		switch {
		case hasOver && over > 0:
			deltaCell = w.paint(sgrRed, deltaCell)
		case hasOver && over < 0:
			deltaCell = w.paint(sgrGreen, deltaCell)
		}
		budget := ""
		if r.Budget > 0 {
			budget = pace.Clock(r.Budget)
		}
		row := " " + padLeft(strconv.Itoa(r.Number), c.num) + "  " + padRight(fitWidth(r.Title, c.title), c.title) + "  " +
			padLeft(budget, 6) + " " + padLeft(clockOr(r.Time, r.HasTime), 5) + "  " +
			padLeft(clockOr(r.Median, r.Median > 0), 5) + "  " + deltaCell
		if c.bar > 0 {
			if b := w.bar(r, scale, c.bar); b != "" {
				row += "  " + b
			}
		}
		w.line(strings.TrimRight(row, " "))
	}
	total := rep.Total()
	var medSum time.Duration
	for _, r := range rep.Rows {
		medSum += r.Median
	}
	delta := ""
	if rep.BudgetSum > 0 {
		delta = signed(total - rep.BudgetSum)
	}
	budget := ""
	if rep.BudgetSum > 0 {
		budget = pace.Clock(rep.BudgetSum)
	}
	w.line(w.paint(sgrBold, strings.TrimRight(" "+padLeft("", c.num)+"  "+padRight("total", c.title)+"  "+padLeft(budget, 6)+" "+
		padLeft(pace.Clock(total), 5)+"  "+padLeft(pace.Clock(medSum), 5)+"  "+padLeft(delta, 6), " ")))
	if c.bar > 0 {
		// Under the bars when it fits there, else as far right as it fits.
		legend := barWithin + " within budget  " + barOver + " over  " + barLeft + " budget left"
		lw := render.StringWidth(legend)
		indent := w.opt.Width - c.bar
		if lw > c.bar {
			indent = max(w.opt.Width-lw, 0)
		}
		w.line(strings.Repeat(" ", indent) + w.paint(sgrDim, fitWidth(legend, w.opt.Width-indent)))
	}
	w.line()
}

// bar draws d against the budget: within, over and unused budget cells,
// all on one scale so that bars compare across slides.
func (w *textWriter) bar(r Row, scale time.Duration, width int) string {
	if scale <= 0 {
		return ""
	}
	cells := func(d time.Duration) int {
		n := int((int64(d)*int64(width) + int64(scale)/2) / int64(scale))
		if d > 0 && n == 0 {
			n = 1 // a slide that took time never looks empty
		}
		return n
	}
	t := 0
	if r.HasTime {
		t = cells(r.Time)
	}
	if r.Budget <= 0 {
		return w.paint(sgrGrey, strings.Repeat(barWithin, t))
	}
	b := cells(r.Budget)
	within, over, left := min(t, b), max(t-b, 0), max(b-t, 0)
	return w.paint(sgrGreen, strings.Repeat(barWithin, within)) + w.paint(sgrRed, strings.Repeat(barOver, over)) +
		w.paint(sgrGrey, strings.Repeat(barLeft, left))
}

func (w *textWriter) summary(rep *Report) {
	total := rep.Total()
	var parts []string
	if rep.Duration > 0 {
		parts = append(parts, "duration "+pace.Clock(rep.Duration))
	}
	if rep.BudgetSum > 0 {
		parts = append(parts, "budgets "+pace.Clock(rep.BudgetSum))
	}
	label := "this run "
	if rep.All {
		label = "medians "
	}
	verdict := label + pace.Clock(total)
	if target := rep.Target(); target > 0 {
		switch d := total - target; {
		case d > 0:
			verdict += ": " + w.paint(sgrRed, pace.Clock(d)+" over")
		case d < 0:
			verdict += ": " + w.paint(sgrGreen, pace.Clock(-d)+" under")
		default:
			verdict += ": exactly on time"
		}
	}
	parts = append(parts, verdict)
	w.wrapped(strings.Join(parts, " · "))
	if most := rep.MostOver(3); len(most) > 0 {
		var s []string
		for _, r := range most {
			over, _ := r.Over()
			s = append(s, fmt.Sprintf("%d. %s %s", r.Number, r.Title, signed(over)))
		}
		w.wrapped("most over budget: " + strings.Join(s, " · "))
	} else if rep.BudgetSum > 0 {
		w.wrapped("no slide over its budget")
	}
	w.line()
}

// wrapped writes text wrapped by the renderer's rules. Colour is added
// after wrapping would cut escapes, so only plain parts are wrapped here.
func (w *textWriter) wrapped(s string) {
	if render.StringWidth(s) <= w.opt.Width {
		w.line(s)
		return
	}
	for _, l := range render.WrapText(stripSGR(s), w.opt.Width) {
		w.line(l)
	}
}

func stripSGR(s string) string {
	for _, c := range []string{sgrReset, sgrBold, sgrDim, sgrGreen, sgrRed, sgrGrey} {
		s = strings.ReplaceAll(s, c, "")
	}
	return s
}

// maxListed is how many runs the trend lists one by one.
const maxListed = 8

func (w *textWriter) trend(rep *Report) {
	runs := rep.Runs
	totals := make([]time.Duration, len(runs))
	for i := range runs {
		totals[i] = runs[i].Total()
	}
	head := fmt.Sprintf("runs: %d, median %s  ", len(runs), pace.Clock(pace.Median(totals)))
	room := max(w.opt.Width-render.StringWidth(head), 8)
	from := max(len(totals)-room, 0)
	w.line(head + w.spark(totals[from:], rep, from))
	first := max(len(runs)-maxListed, 0)
	if first > 0 {
		w.line(w.paint(sgrDim, fmt.Sprintf("  (%d earlier runs not listed)", first)))
	}
	nw := len(strconv.Itoa(len(runs)))
	selected := map[int]bool{}
	if !rep.All {
		selected[rep.Selected[0]] = true
	}
	for i := first; i < len(runs); i++ {
		notes := []string{}
		if runs[i].Partial {
			notes = append(notes, "partial")
		}
		if rep.Older[i] {
			notes = append(notes, "older version")
		}
		mark := "  "
		if selected[i] {
			mark = "▸ "
		}
		l := mark + padLeft(strconv.Itoa(i+1), nw) + "  " + w.date(runs[i].Started) + "  " + padLeft(pace.Clock(totals[i]), 5)
		if len(notes) > 0 {
			l += "  " + strings.Join(notes, ", ")
		}
		l = fitWidth(l, w.opt.Width)
		if selected[i] {
			l = w.paint(sgrBold, l)
		}
		w.line(l)
	}
}

// spark is a sparkline of totals: one cell per run, from the shortest to
// the longest run; the selected run is bold.
func (w *textWriter) spark(totals []time.Duration, rep *Report, offset int) string {
	lo, hi := time.Duration(-1), time.Duration(0)
	for _, t := range totals {
		if lo < 0 || t < lo {
			lo = t
		}
		hi = max(hi, t)
	}
	var b strings.Builder
	for i, t := range totals {
		level := len(sparks) / 2
		if hi > lo {
			level = int(int64(t-lo) * int64(len(sparks)-1) / int64(hi-lo))
		}
		c := string(sparks[level])
		if !rep.All && rep.Selected[0] == offset+i {
			c = w.paint(sgrBold, c)
		}
		b.WriteString(c)
	}
	return b.String()
}
