package rehearse

import (
	"fmt"
	"io"
	"testing"
	"time"
)

// benchRuns is n runs of a deck of slides slides with Chinese titles.
func benchRuns(slides, n int) ([]Run, DeckInfo, []string) {
	titles := make([]string, slides)
	budgets := make([]int, slides)
	for i := range titles {
		titles[i] = fmt.Sprintf("第 %d 页：英伟达与 AI 时代的铲子", i+1)
		budgets[i] = 30 + i%60
	}
	d := testDeck(titles, budgets, nil)
	info := DeckInfo{ID: "bench", Title: "铲子测试", Hash: ContentHash(d)}
	runs := make([]Run, n)
	for r := range runs {
		run := Run{Version: Version, Deck: info, Started: t0.Add(time.Duration(r) * time.Hour)}
		run.Slides = make([]SlideRun, slides)
		for i := range run.Slides {
			secs := float64(20 + (i*37+r*11)%90)
			run.Slides[i] = SlideRun{Number: i + 1, Title: titles[i], BudgetSeconds: float64(budgets[i]), Seconds: secs, Visits: 1}
			run.Seconds += secs
		}
		runs[r] = run
	}
	return runs, info, titles
}

// BenchmarkReport is the whole report of 100 runs of a 1,000-slide deck:
// matching every run to the deck by title, the medians, and the text at
// 100 columns (and json, for the other path).
func BenchmarkReport(b *testing.B) {
	runs, info, titles := benchRuns(1000, 100)
	d := testDeck(titles, nil, nil)
	for i, s := range d.Slides {
		s.Time = time.Duration(runs[0].Slides[i].BudgetSeconds) * time.Second
	}
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep, err := Build(d, info, runs, Selection{})
				if err != nil {
					b.Fatal(err)
				}
				if format == "text" {
					err = WriteText(io.Discard, rep, TextOptions{Width: 100, Color: true})
				} else {
					err = WriteJSON(io.Discard, rep)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
