package rehearse

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"shovel/internal/render"
	"shovel/internal/tui/pace"
)

// BudgetStep is what suggested budgets are rounded to: a budget is a
// plan, not a measurement.
const BudgetStep = 5 * time.Second

// Directive formats d as a time directive, e.g. <!-- time: 1m35s -->.
func Directive(d time.Duration) string {
	d = d.Round(BudgetStep)
	if d < BudgetStep {
		d = BudgetStep
	}
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	var v string
	switch {
	case m == 0:
		v = fmt.Sprintf("%ds", s)
	case s == 0:
		v = fmt.Sprintf("%dm", m)
	default:
		v = fmt.Sprintf("%dm%ds", m, s)
	}
	return "<!-- time: " + v + " -->"
}

// WriteBudgets suggests a time directive per slide from the median of the
// last runs, for the speaker to copy into the deck; slides never
// rehearsed get none.
func WriteBudgets(out io.Writer, rep *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "suggested budgets: the median of the last %d runs that showed each slide, rounded to %v\n", MedianOf, BudgetStep)
	nw := len(strconv.Itoa(len(rep.Rows)))
	tw := 6
	for _, r := range rep.Rows {
		tw = max(tw, min(render.StringWidth(r.Title), 30))
	}
	var sum time.Duration
	for _, r := range rep.Rows {
		line := padLeft(strconv.Itoa(r.Number), nw+1) + "  " + padRight(fitWidth(r.Title, tw), tw) + "  "
		if r.Median <= 0 {
			line += "(not rehearsed)"
		} else {
			line += Directive(r.Median)
			sum += r.Median.Round(BudgetStep)
			if r.Directive {
				line += "  now " + strings.TrimSuffix(strings.TrimPrefix(Directive(r.Budget), "<!-- time: "), " -->")
			} else {
				line += "  now none"
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	fmt.Fprintf(&b, "total of the suggestions: %s\n", pace.Clock(sum))
	_, err := io.WriteString(out, b.String())
	return err
}
