package rehearse

import (
	"fmt"
	"sort"
	"time"

	"shovel/deck"
	"shovel/internal/tui/pace"
)

// Selection is which runs a report is about: the last, run N (1-based,
// oldest first, as the report numbers them), or all.
type Selection struct {
	All bool
	N   int // 0: the last run
}

// Report is the rehearsals of a deck, matched slide by slide (by title)
// to the deck as it is now.
type Report struct {
	Deck     DeckInfo
	Duration time.Duration
	// BudgetSum is the sum of the slides' budgets (time: directives, and
	// shares of the duration).
	BudgetSum time.Duration
	Runs      []Run // every run, oldest first
	// Older[i] is true when Runs[i] was made on another version of the deck.
	Older []bool
	// Selected are the indices in Runs the report is about.
	Selected []int
	All      bool
	Rows     []Row
}

// Row is one slide of the deck.
type Row struct {
	Number int
	Title  string
	Budget time.Duration // 0: none
	// Directive is true when the budget is the slide's own time: directive
	// (else it is a share of the duration).
	Directive bool
	// Time is the selected run's time on the slide (with All, the median
	// of every run); HasTime is false when that run never showed it.
	Time    time.Duration
	HasTime bool
	// Median is over the last MedianOf runs that showed the slide.
	Median time.Duration
	// Visits is the selected run's visits (with All, the median).
	Visits int
}

// Over is how far the slide's time is over its budget (negative: under);
// false without a budget or a time.
func (r Row) Over() (time.Duration, bool) {
	if r.Budget <= 0 || !r.HasTime {
		return 0, false
	}
	return r.Time - r.Budget, true
}

// ErrNoRun is returned by Build for a run number that does not exist.
type ErrNoRun struct{ N, Runs int }

func (e *ErrNoRun) Error() string {
	return fmt.Sprintf("there is no run %d; runs are numbered 1 to %d", e.N, e.Runs)
}

// Build matches runs (oldest first, at least one) to d and selects the
// runs the report is about.
func Build(d *deck.Deck, info DeckInfo, runs []Run, sel Selection) (*Report, error) {
	rep := &Report{Deck: info, Duration: d.Meta.Duration, Runs: runs, All: sel.All}
	switch {
	case sel.All:
		for i := range runs {
			rep.Selected = append(rep.Selected, i)
		}
	case sel.N == 0:
		rep.Selected = []int{len(runs) - 1}
	case sel.N < 1 || sel.N > len(runs):
		return nil, &ErrNoRun{N: sel.N, Runs: len(runs)}
	default:
		rep.Selected = []int{sel.N - 1}
	}
	rep.Older = make([]bool, len(runs))
	for i := range runs {
		rep.Older[i] = runs[i].Deck.Hash != info.Hash
	}
	titles := Titles(d)
	budgets := Budgets(d)
	matches := matchAll(titles, runs)
	medians := mediansOf(len(titles), runs, matches)
	rep.Rows = make([]Row, len(titles))
	for i := range rep.Rows {
		row := &rep.Rows[i]
		// The report speaks in whole seconds, so differences do too: no
		// "-0:00" for a slide 0.4 s under its budget.
		*row = Row{Number: i + 1, Title: titles[i], Budget: budgets[i], Median: medians[i].Round(time.Second),
			Directive: d.Slides[i].Time > 0}
		rep.BudgetSum += budgets[i]
		var times []time.Duration
		var visits []int
		for _, r := range rep.Selected {
			if j := matches[r][i]; j >= 0 && runs[r].Slides[j].Visits > 0 {
				times = append(times, seconds(runs[r].Slides[j].Seconds))
				visits = append(visits, runs[r].Slides[j].Visits)
			}
		}
		if len(times) > 0 {
			// One run: its time; all runs: the median.
			row.Time, row.HasTime, row.Visits = pace.Median(times).Round(time.Second), true, medianInt(visits)
		}
	}
	return rep, nil
}

func medianInt(v []int) int {
	ds := make([]time.Duration, len(v))
	for i, x := range v {
		ds[i] = time.Duration(x)
	}
	return int(pace.Median(ds))
}

// Total is the sum of the rows' times (with All, of the medians).
func (rep *Report) Total() time.Duration {
	var t time.Duration
	for _, r := range rep.Rows {
		if r.HasTime {
			t += r.Time
		}
	}
	return t
}

// Target is what the talk should take: the duration, else the budgets.
func (rep *Report) Target() time.Duration {
	if rep.Duration > 0 {
		return rep.Duration
	}
	return rep.BudgetSum
}

// MostOver are up to n slides most over their budgets, most first.
func (rep *Report) MostOver(n int) []Row {
	var out []Row
	for _, r := range rep.Rows {
		if over, ok := r.Over(); ok && over > 0 {
			out = append(out, r)
		}
	}
	// Ties keep the deck's order.
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := out[i].Over()
		b, _ := out[j].Over()
		return a > b
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
