package rehearse

import (
	"time"

	"shovel/deck"
	"shovel/internal/tui/pace"
)

// MedianOf is how many recent runs a slide's median is taken over: recent
// enough to follow the speaker's progress, enough to smooth one bad run.
const MedianOf = 5

// matchRun maps each of titles to the index of run's slide with the same
// title, the n-th slide of a title to the n-th of that title in the run
// (removed slides last), or -1. Titles, not numbers, survive edits that
// add, remove or reorder slides.
func matchRun(titles []string, run *Run) []int {
	byTitle := make(map[string][]int, len(run.Slides))
	for _, removed := range []bool{false, true} {
		for i := range run.Slides {
			if run.Slides[i].Removed == removed {
				byTitle[run.Slides[i].Title] = append(byTitle[run.Slides[i].Title], i)
			}
		}
	}
	out := make([]int, len(titles))
	for i, t := range titles {
		idx := byTitle[t]
		if len(idx) == 0 {
			out[i] = -1
			continue
		}
		out[i], byTitle[t] = idx[0], idx[1:]
	}
	return out
}

// matchAll is matchRun for every run.
func matchAll(titles []string, runs []Run) [][]int {
	matches := make([][]int, len(runs))
	for r := range runs {
		matches[r] = matchRun(titles, &runs[r])
	}
	return matches
}

// medianTimes is, for each title, the median time of the last MedianOf
// runs (of runs, oldest first) in which the speaker showed that slide; 0
// for a slide never rehearsed.
func medianTimes(titles []string, runs []Run) []time.Duration {
	return mediansOf(len(titles), runs, matchAll(titles, runs))
}

// mediansOf is medianTimes for n titles already matched to runs.
func mediansOf(n int, runs []Run, matches [][]int) []time.Duration {
	out := make([]time.Duration, n)
	buf := make([]time.Duration, 0, MedianOf)
	for i := range out {
		buf = buf[:0]
		for r := len(runs) - 1; r >= 0 && len(buf) < MedianOf; r-- {
			if j := matches[r][i]; j >= 0 && runs[r].Slides[j].Visits > 0 {
				buf = append(buf, seconds(runs[r].Slides[j].Seconds))
			}
		}
		out[i] = pace.Median(buf)
	}
	return out
}

// Titles lists d's slide titles.
func Titles(d *deck.Deck) []string {
	out := make([]string, len(d.Slides))
	for i, s := range d.Slides {
		out[i] = s.Title
	}
	return out
}

// History gives the TUI each slide's rehearsed time from runs, matched by
// title to whatever version of the deck is on screen; nil without runs.
func History(runs []Run) func(*deck.Deck) []time.Duration {
	if len(runs) == 0 {
		return nil
	}
	return func(d *deck.Deck) []time.Duration { return medianTimes(Titles(d), runs) }
}
