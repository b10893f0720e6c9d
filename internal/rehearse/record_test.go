package rehearse

import (
	"reflect"
	"testing"
	"time"
)

// event is one thing the TUI tells the recorder, at a time in seconds.
type event struct {
	at          float64
	kind        string // show, timer, pause, reset, reload, quit
	slide, step int
}

func play(r *Recorder, events []event, reload func() *Recorder) {
	for _, e := range events {
		now := at(e.at)
		switch e.kind {
		case "show":
			r.Show(now, e.slide, e.step)
		case "run":
			r.Timer(now, true)
		case "pause":
			r.Timer(now, false)
		case "reset":
			r.Reset(now)
		case "quit":
			r.Quit(now)
		}
	}
}

func TestRecorder(t *testing.T) {
	d := testDeck([]string{"开场", "为什么需要铲？", "谢谢"}, []int{30, 60, 0}, []int{1, 3, 1})
	tests := []struct {
		name       string
		events     []event
		secs       map[string]float64
		visits     []int
		steps      []float64 // of slide 2
		total      float64
		paused     float64
		partial    bool
		backtracks int
	}{
		{
			name: "straight through",
			events: []event{{0, "show", 0, 0}, {0, "run", 0, 0}, {20, "show", 1, 0}, {30, "show", 1, 1},
				{45, "show", 1, 2}, {80, "show", 2, 0}, {90, "quit", 0, 0}},
			secs:   map[string]float64{"开场": 20, "为什么需要铲？": 60, "谢谢": 10},
			visits: []int{1, 1, 1}, steps: []float64{10, 15, 35}, total: 90,
		},
		{
			name: "pauses are not counted",
			events: []event{{0, "show", 0, 0}, {0, "run", 0, 0}, {10, "pause", 0, 0}, {70, "run", 0, 0},
				{75, "show", 2, 0}, {80, "quit", 0, 0}},
			secs:   map[string]float64{"开场": 15, "为什么需要铲？": 0, "谢谢": 5},
			visits: []int{1, 0, 1}, steps: []float64{0, 0, 0}, total: 20, paused: 60,
		},
		{
			name: "back-tracks sum every visit",
			events: []event{{0, "show", 0, 0}, {0, "run", 0, 0}, {10, "show", 1, 0}, {20, "show", 0, 0},
				{25, "show", 1, 0}, {30, "show", 2, 0}, {31, "show", 1, 2}, {33, "quit", 0, 0}},
			secs:   map[string]float64{"开场": 15, "为什么需要铲？": 17, "谢谢": 1},
			visits: []int{2, 3, 1}, steps: []float64{15, 0, 2}, total: 33, backtracks: 2,
		},
		{
			name:   "a run that stops early is partial",
			events: []event{{0, "show", 0, 0}, {0, "run", 0, 0}, {10, "show", 1, 0}, {12, "quit", 0, 0}},
			secs:   map[string]float64{"开场": 10, "为什么需要铲？": 2, "谢谢": 0},
			visits: []int{1, 1, 0}, steps: []float64{2, 0, 0}, total: 12, partial: true,
		},
		{
			name: "nothing counts before the clock runs, or after quit",
			events: []event{{0, "show", 0, 0}, {50, "show", 2, 0}, {60, "run", 0, 0}, {64, "quit", 0, 0},
				{90, "show", 1, 0}},
			secs:   map[string]float64{"开场": 0, "为什么需要铲？": 0, "谢谢": 4},
			visits: []int{1, 0, 1}, steps: []float64{0, 0, 0}, total: 4,
		},
		{
			name: "reset starts over",
			events: []event{{0, "show", 0, 0}, {0, "run", 0, 0}, {10, "show", 1, 0}, {15, "pause", 0, 0},
				{16, "reset", 0, 0}, {20, "show", 0, 0}, {20, "run", 0, 0}, {25, "show", 1, 0}, {26, "show", 2, 0}, {27, "quit", 0, 0}},
			secs:   map[string]float64{"开场": 5, "为什么需要铲？": 1, "谢谢": 1},
			visits: []int{1, 2, 1}, steps: []float64{1, 0, 0}, total: 7, backtracks: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRecorder(d, DeckInfo{ID: "x"})
			play(r, tt.events, nil)
			run := r.Run()
			if got := slideSecs(t, run); !reflect.DeepEqual(got, tt.secs) {
				t.Errorf("seconds %v, want %v", got, tt.secs)
			}
			var visits []int
			for _, s := range run.Slides {
				visits = append(visits, s.Visits)
			}
			if !reflect.DeepEqual(visits, tt.visits) {
				t.Errorf("visits %v, want %v", visits, tt.visits)
			}
			if !reflect.DeepEqual(run.Slides[1].StepSeconds, tt.steps) {
				t.Errorf("steps of slide 2 %v, want %v", run.Slides[1].StepSeconds, tt.steps)
			}
			if run.Seconds != tt.total || run.PausedSeconds != tt.paused || run.Partial != tt.partial || run.Backtracks != tt.backtracks {
				t.Errorf("total %v paused %v partial %v backtracks %d, want %v %v %v %d",
					run.Seconds, run.PausedSeconds, run.Partial, run.Backtracks, tt.total, tt.paused, tt.partial, tt.backtracks)
			}
			if run.Version != Version || run.Slides[0].BudgetSeconds != 30 || run.Slides[2].BudgetSeconds != 0 {
				t.Errorf("version %d budgets %v %v", run.Version, run.Slides[0].BudgetSeconds, run.Slides[2].BudgetSeconds)
			}
		})
	}
}

// A live reload keeps the recording: slides are matched by title, a new
// slide starts at zero, a removed one keeps its time, marked removed.
func TestRecorderReload(t *testing.T) {
	d := testDeck([]string{"开场", "旧的一页", "为什么需要铲？", "谢谢"}, nil, []int{1, 1, 3, 1})
	r := NewRecorder(d, DeckInfo{})
	r.Show(at(0), 0, 0)
	r.Timer(at(0), true)
	r.Show(at(10), 1, 0)
	r.Show(at(15), 2, 2)
	// The speaker deletes "旧的一页", adds "新的一页" before the current slide,
	// and cuts the current slide's pauses.
	d2 := testDeck([]string{"开场", "新的一页", "为什么需要铲？", "谢谢"}, nil, nil)
	r.Reload(at(20), d2)
	r.Show(at(20), 2, 0)
	r.Show(at(30), 3, 0)
	r.Quit(at(31))
	run := r.Run()
	want := []SlideRun{
		{Number: 1, Title: "开场", Seconds: 10, Visits: 1},
		{Number: 2, Title: "新的一页"},
		{Number: 3, Title: "为什么需要铲？", Seconds: 15, Visits: 1},
		{Number: 4, Title: "谢谢", Seconds: 1, Visits: 1},
		{Number: 0, Title: "旧的一页", Seconds: 5, Visits: 1, Removed: true},
	}
	if !reflect.DeepEqual(run.Slides, want) {
		t.Errorf("slides\n%+v\nwant\n%+v", run.Slides, want)
	}
	if run.Deck.Hash != ContentHash(d2) {
		t.Errorf("hash %q, want the reloaded deck's", run.Deck.Hash)
	}
	if run.Seconds != 31 || run.Reloads != 1 || run.Partial {
		t.Errorf("total %v reloads %d partial %v", run.Seconds, run.Reloads, run.Partial)
	}
}

func TestRecorderStartedIsFirstRun(t *testing.T) {
	r := NewRecorder(testDeck([]string{"a"}, nil, nil), DeckInfo{})
	r.Show(at(0), 0, 0)
	r.Timer(at(3), true)
	r.Quit(at(9))
	run := r.Run()
	if !run.Started.Equal(at(3)) || !run.Ended.Equal(at(9)) {
		t.Errorf("started %v ended %v", run.Started, run.Ended)
	}
	if got := r.Elapsed(); got != 6*time.Second {
		t.Errorf("elapsed %v", got)
	}
}
