package pace

import (
	"reflect"
	"testing"
	"time"
)

const (
	sec    = time.Second
	minute = time.Minute
)

// Before the clock runs there is no pace: jumping to slide 17 with the
// timer at 0:00 must not say "ahead 10:15 — slow down".
func TestForTimer(t *testing.T) {
	budgets := []time.Duration{minute, minute, minute}
	running := Timer{}.Start(at(0))
	paused := running.Pause(at(150))
	tests := []struct {
		name    string
		timer   Timer
		current int
		now     time.Time
		want    string
		status  Status
	}{
		{"not started, far into the deck", Timer{}, 2, at(0), "clock not started", NotStarted},
		{"not started, first slide", Timer{}, 0, at(500), "clock not started", NotStarted},
		{"running", running, 2, at(30), "ahead 1:30 — slow down", Ahead},
		{"running, fraction of a second is not counted", running, 0, at(60).Add(999 * time.Millisecond), "on time", OnTime},
		{"paused keeps the pace", paused, 1, at(900), "behind 0:30 — hurry up", Behind},
	}
	for _, tt := range tests {
		r := ForTimer(budgets, tt.current, tt.timer, tt.now, 3*minute)
		if r.Summary() != tt.want || r.Status != tt.status {
			t.Errorf("%s: %q (%v), want %q (%v)", tt.name, r.Summary(), r.Status, tt.want, tt.status)
		}
		if tt.status == NotStarted && (r.HasDuration || r.RemainingText() != "") {
			t.Errorf("%s: a clock that has not started tells the time left: %q", tt.name, r.RemainingText())
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{5 * sec}, 5 * sec},
		{[]time.Duration{9 * sec, 1 * sec, 5 * sec}, 5 * sec},
		{[]time.Duration{10 * sec, 1 * sec, 4 * sec, 100 * sec}, 7 * sec},
	}
	for _, tt := range tests {
		in := append([]time.Duration(nil), tt.in...)
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
		if !reflect.DeepEqual(in, tt.in) {
			t.Errorf("Median sorted its argument: %v", tt.in)
		}
	}
}

func TestRehearsed(t *testing.T) {
	budgets := []time.Duration{minute, 2 * minute, 0}
	tests := []struct {
		history []time.Duration
		want    []time.Duration
	}{
		{nil, nil},
		{[]time.Duration{0, 0, 0}, nil},
		{[]time.Duration{90 * sec, 0, 30 * sec}, []time.Duration{90 * sec, 2 * minute, 30 * sec}},
		{[]time.Duration{90 * sec}, []time.Duration{90 * sec, 2 * minute, 0}}, // a slide added since
	}
	for _, tt := range tests {
		if got := Rehearsed(tt.history, budgets); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Rehearsed(%v) = %v, want %v", tt.history, got, tt.want)
		}
	}
}

func TestForecast(t *testing.T) {
	plan := []time.Duration{minute, 10 * minute, 5 * minute} // rehearsed: 16:00 in all
	tests := []struct {
		name                     string
		current                  int
		elapsed, onSlide, target time.Duration
		want                     string
	}{
		{"at the start, rehearsed pace", 0, 0, 0, 15 * minute, "at your rehearsed pace: ends 16:00, +1:00"},
		{"slow on slide 1", 0, 3 * minute, 3 * minute, 15 * minute, "at your rehearsed pace: ends 18:00, +3:00"},
		{"fast so far", 2, 6 * minute, 0, 15 * minute, "at your rehearsed pace: ends 11:00, -4:00"},
		{"halfway through slide 2", 1, 6 * minute, 5 * minute, 15 * minute, "at your rehearsed pace: ends 16:00, +1:00"},
		{"no target", 1, 0, 0, 0, "at your rehearsed pace: ends 15:00"},
		{"exactly on target", 2, 10 * minute, 0, 15 * minute, "at your rehearsed pace: ends 15:00, +0:00"},
		{"a fraction under", 2, 10*minute - 400*time.Millisecond, 0, 15 * minute, "at your rehearsed pace: ends 15:00, +0:00"},
		{"a fraction over rounds", 2, 10*minute + 600*time.Millisecond, 0, 15 * minute, "at your rehearsed pace: ends 15:01, +0:01"},
	}
	for _, tt := range tests {
		got := ForecastEnd(plan, tt.current, tt.elapsed, tt.onSlide, tt.target).Text()
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
