package rehearse

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"

	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"shovel/deck"
	"shovel/internal/render"
)

func openReportDeck(t testing.TB) *deck.Deck {
	t.Helper()
	d, err := deck.Open("testdata/talk.md")
	if err != nil || d.Diagnostics.HasErrors() {
		t.Fatalf("testdata/talk.md: %v %v", err, d.Diagnostics)
	}
	return d
}

// reportRuns are five rehearsals of testdata/talk.md: the speaker gets
// faster; run 2 stopped early; run 1 was made on an older version in which
// a slide had another title.
func reportRuns(d *deck.Deck) []Run {
	info := DeckInfo{ID: "talk.md-test", Title: d.Meta.Title, Hash: ContentHash(d)}
	budgets := Budgets(d)
	var runs []Run
	for r := 0; r < 5; r++ {
		run := Run{Version: Version, Deck: info, Started: t0.Add(time.Duration(r) * 26 * time.Hour)}
		if r == 0 {
			run.Deck.Hash = "older"
		}
		for i, s := range d.Slides {
			// Slide times vary by slide and get shorter with each run.
			secs := float64(20+(i*37)%90) * (1.3 - 0.1*float64(r))
			visits := 1 + (i+r)%3/2
			title := s.Title
			if r == 0 && i == 3 {
				title = "训练与推理（旧标题）"
			}
			if r == 1 && i >= 8 {
				secs, visits = 0, 0
			}
			run.Slides = append(run.Slides, SlideRun{Number: i + 1, Title: title, BudgetSeconds: toSeconds(budgets[i]),
				Seconds: secs, Visits: visits})
			run.Seconds += secs
		}
		run.Partial = r == 1
		run.Ended = run.Started.Add(seconds(run.Seconds))
		runs = append(runs, run)
	}
	return runs
}

func buildReport(t testing.TB, sel Selection) *Report {
	t.Helper()
	d := openReportDeck(t)
	rep, err := Build(d, DeckInfo{ID: "talk.md-test", Title: d.Meta.Title, Hash: ContentHash(d)}, reportRuns(d), sel)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestReportGolden pins the text report at 60 and 100 columns, with
// Chinese titles, plain and in colour. Regenerate with
// go test ./internal/rehearse -run TestReportGolden -update.
func TestReportGolden(t *testing.T) {
	for _, tt := range []struct {
		name  string
		sel   Selection
		width int
		color bool
	}{
		{"last-60", Selection{}, 60, false},
		{"last-100", Selection{}, 100, false},
		{"run2-100", Selection{N: 2}, 100, false},
		{"all-60", Selection{All: true}, 60, false},
		{"last-100-color", Selection{}, 100, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteText(&b, buildReport(t, tt.sel), TextOptions{Width: tt.width, Color: tt.color, Location: time.UTC}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := render.StringWidth(l); w > tt.width {
					t.Errorf("line %d is %d cells wide, over %d: %q", i+1, w, tt.width, l)
				}
			}
			if !tt.color && strings.Contains(out, "\x1b") {
				t.Error("escape sequences in the plain report")
			}
			if tt.color && !strings.Contains(out, sgrRed) {
				t.Error("no colour in the colour report")
			}
			golden.RequireEqual(t, out)
		})
	}
}

// The table's columns line up by display width whatever the titles' script:
// every row's ± value ends in the same cell, as does its run time.
func TestReportColumnsLineUp(t *testing.T) {
	for _, width := range []int{60, 100} {
		var b bytes.Buffer
		if err := WriteText(&b, buildReport(t, Selection{}), TextOptions{Width: width, Location: time.UTC}); err != nil {
			t.Fatal(err)
		}
		delta := regexp.MustCompile(`  [+-]\d+:\d\d`)
		ends := map[int][]string{}
		for _, l := range strings.Split(b.String(), "\n") {
			if !regexp.MustCompile(`^ +\d+  `).MatchString(l) {
				continue // not a slide row
			}
			if loc := delta.FindStringIndex(l); loc != nil {
				end := render.StringWidth(l[:loc[1]])
				ends[end] = append(ends[end], l)
			}
		}
		if len(ends) != 1 {
			t.Errorf("width %d: ± values end in %d different columns: %v", width, len(ends), ends)
		}
		for _, rows := range ends {
			if len(rows) < 8 {
				t.Errorf("width %d: only %d rows with a ± value", width, len(rows))
			}
		}
	}
}

func TestReportBuild(t *testing.T) {
	rep := buildReport(t, Selection{})
	if len(rep.Runs) != 5 || len(rep.Selected) != 1 || rep.Selected[0] != 4 {
		t.Fatalf("selected %v of %d", rep.Selected, len(rep.Runs))
	}
	if !rep.Older[0] || rep.Older[1] {
		t.Errorf("older %v", rep.Older)
	}
	// Run 1 had another title for slide 4: matched by title, it has no time there.
	if one := buildReport(t, Selection{N: 1}); one.Rows[3].HasTime || !one.Rows[2].HasTime {
		t.Errorf("run 1: slide 4 has time %v, slide 3 %v", one.Rows[3].HasTime, one.Rows[2].HasTime)
	}
	// Run 2 stopped before slide 9: the median of slide 9 is over runs 5, 4, 3, 1.
	sec := func(r int) time.Duration { return seconds(rep.Runs[r].Slides[8].Seconds) }
	want := middleOfFour(sec(4), sec(3), sec(2), sec(0)).Round(time.Second)
	if r9 := rep.Rows[8]; r9.Median != want {
		t.Errorf("slide 9 median %v, want %v", r9.Median, want)
	}
	if _, err := Build(openReportDeck(t), rep.Deck, rep.Runs, Selection{N: 6}); err == nil {
		t.Error("run 6 of 5 accepted")
	}
	two := buildReport(t, Selection{N: 2})
	if two.Rows[8].HasTime || !two.Rows[7].HasTime {
		t.Error("run 2 has a time for a slide it never showed")
	}
	most := rep.MostOver(3)
	for i := 1; i < len(most); i++ {
		a, _ := most[i-1].Over()
		b, _ := most[i].Over()
		if a < b {
			t.Errorf("most over not sorted: %v", most)
		}
	}
}

func middleOfFour(ds ...time.Duration) time.Duration {
	// four values: mean of the middle two
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if ds[j] < ds[i] {
				ds[i], ds[j] = ds[j], ds[i]
			}
		}
	}
	return (ds[1] + ds[2]) / 2
}

func TestReportJSONAndCSV(t *testing.T) {
	rep := buildReport(t, Selection{All: true})
	var b bytes.Buffer
	if err := WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Deck struct {
			Title string `json:"title"`
		} `json:"deck"`
		Runs []struct {
			Started      string  `json:"started"`
			Partial      bool    `json:"partial"`
			TotalSeconds float64 `json:"total_seconds"`
			Slides       []struct {
				Number        int      `json:"number"`
				Title         string   `json:"title"`
				Seconds       float64  `json:"seconds"`
				BudgetSeconds *float64 `json:"budget_seconds"`
				Visits        int      `json:"visits"`
			} `json:"slides"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Deck.Title != "铲子测试" || len(got.Runs) != 5 || !got.Runs[1].Partial {
		t.Fatalf("json: %+v", got)
	}
	if _, err := time.Parse(time.RFC3339, got.Runs[0].Started); err != nil {
		t.Errorf("started %q: %v", got.Runs[0].Started, err)
	}
	s := got.Runs[4].Slides[1]
	if s.Number != 2 || s.Title != "为什么需要铲？" || s.BudgetSeconds == nil || *s.BudgetSeconds != 60 || s.Seconds <= 0 {
		t.Errorf("slide 2 of run 5: %+v", s)
	}
	if got.Runs[0].Slides[3].Visits != 0 || got.Runs[0].Slides[3].Seconds != 0 {
		t.Errorf("a slide the run never had: %+v", got.Runs[0].Slides[3])
	}
	// A slide without a budget (and no duration to share) has null.
	d := testDeck([]string{"开场", "没有预算"}, []int{30}, nil)
	nb, err := Build(d, DeckInfo{}, []Run{sampleRun(0, 10, 20)}, Selection{})
	if err != nil {
		t.Fatal(err)
	}
	var nbuf bytes.Buffer
	if err := WriteJSON(&nbuf, nb); err != nil {
		t.Fatal(err)
	}
	if strings.Count(nbuf.String(), `"budget_seconds": null`) != 1 || !strings.Contains(nbuf.String(), `"budget_seconds": 30`) {
		t.Errorf("budget_seconds: want 30 and null:\n%s", nbuf.String())
	}

	b.Reset()
	if err := WriteCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1+5*len(rep.Rows) || records[0][5] != "title" || records[2][5] != "为什么需要铲？" {
		t.Errorf("csv: %d records, %v", len(records), records[:3])
	}
}

func TestDirective(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{0, "<!-- time: 5s -->"},
		{47 * time.Second, "<!-- time: 45s -->"},
		{58 * time.Second, "<!-- time: 1m -->"},
		{93 * time.Second, "<!-- time: 1m35s -->"},
		{10 * time.Minute, "<!-- time: 10m -->"},
	} {
		if got := Directive(tt.d); got != tt.want {
			t.Errorf("Directive(%v) = %q, want %q", tt.d, got, tt.want)
		}
		// What it suggests, the deck reads back.
		v := strings.TrimSuffix(strings.TrimPrefix(tt.want, "<!-- time: "), " -->")
		if _, err := deck.ParseDuration(v); err != nil {
			t.Errorf("%q does not parse: %v", v, err)
		}
	}
}

func TestWriteBudgetsGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteBudgets(&b, buildReport(t, Selection{})); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.String())
}
