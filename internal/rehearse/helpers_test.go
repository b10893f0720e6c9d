package rehearse

import (
	"testing"
	"time"

	"shovel/deck"
)

// t0 is the fake clock's start; at(s) is s seconds later.
var t0 = time.Date(2026, 12, 2, 17, 0, 0, 0, time.UTC)

func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

// testDeck builds a deck with the given titles; budgets in seconds (0: none)
// and steps per slide (0: 1).
func testDeck(titles []string, budgets []int, steps []int) *deck.Deck {
	d := &deck.Deck{Meta: deck.Meta{Title: "铲子测试"}}
	for i, t := range titles {
		s := &deck.Slide{Number: i + 1, Title: t, Steps: 1}
		if i < len(budgets) {
			s.Time = time.Duration(budgets[i]) * time.Second
		}
		if i < len(steps) && steps[i] > 0 {
			s.Steps = steps[i]
		}
		s.Blocks = []deck.Block{{Markdown: "# " + t}}
		d.Slides = append(d.Slides, s)
	}
	return d
}

func slideSecs(t *testing.T, run Run) map[string]float64 {
	t.Helper()
	m := map[string]float64{}
	for _, s := range run.Slides {
		m[s.Title] += s.Seconds
	}
	return m
}
