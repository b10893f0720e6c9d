package pace

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 29, 14, 0, 0, 0, time.UTC)

func at(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }

func TestTimer(t *testing.T) {
	var tm Timer
	if tm.Elapsed(at(100)) != 0 || tm.Started {
		t.Fatal("a new timer is stopped at zero")
	}
	tm = tm.Start(at(10))
	if got := tm.Elapsed(at(40)); got != 30*time.Second {
		t.Errorf("running elapsed = %v, want 30s", got)
	}
	tm = tm.Start(at(20)) // starting a running timer changes nothing
	if got := tm.Elapsed(at(40)); got != 30*time.Second {
		t.Errorf("restart moved the start: elapsed = %v", got)
	}
	tm = tm.Toggle(at(40)) // pause
	if got := tm.Elapsed(at(100)); got != 30*time.Second {
		t.Errorf("paused elapsed = %v, want 30s", got)
	}
	tm = tm.Toggle(at(100)) // resume
	if got := tm.Elapsed(at(105)); got != 35*time.Second {
		t.Errorf("resumed elapsed = %v, want 35s", got)
	}
	tm = tm.Reset()
	if tm.Running || tm.Started || tm.Elapsed(at(200)) != 0 {
		t.Errorf("reset timer = %+v", tm)
	}
	if got := (Timer{}).Start(at(10)).Elapsed(at(5)); got != 0 {
		t.Errorf("a clock that went back gives %v, want 0", got)
	}
}

func TestBudgets(t *testing.T) {
	m := time.Minute
	tests := []struct {
		name     string
		times    []time.Duration
		duration time.Duration
		want     []time.Duration
	}{
		{"budgets kept", []time.Duration{m, 2 * m}, 0, []time.Duration{m, 2 * m}},
		{"duration shared evenly", []time.Duration{0, 0, 0, 0}, 20 * m, []time.Duration{5 * m, 5 * m, 5 * m, 5 * m}},
		{"rest of duration to unbudgeted", []time.Duration{4 * m, 0, 0}, 10 * m, []time.Duration{4 * m, 3 * m, 3 * m}},
		{"budgets over duration leave the rest at 0", []time.Duration{10 * m, 0}, 5 * m, []time.Duration{10 * m, 0}},
		{"nothing set", []time.Duration{0, 0}, 0, []time.Duration{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Budgets(tt.times, tt.duration)
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Fatalf("Budgets = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestCompute(t *testing.T) {
	s := time.Second
	budgets := []time.Duration{30 * s, 60 * s, 90 * s} // slide 2 runs 0:30–1:30
	tests := []struct {
		name     string
		current  int
		elapsed  time.Duration
		duration time.Duration
		status   Status
		delta    time.Duration
		summary  string
		left     string
	}{
		{"within the slide", 1, 45 * s, 0, OnTime, 0, "on time", ""},
		{"at the slide's start", 1, 30 * s, 0, OnTime, 0, "on time", ""},
		{"past the slide's end", 1, 100 * s, 0, Behind, 10 * s, "behind 0:10 — hurry up", ""},
		{"before the slide's start", 2, 20 * s, 0, Ahead, 70 * s, "ahead 1:10 — slow down", ""},
		{"remaining against duration", 0, 10 * s, 3 * time.Minute, OnTime, 0, "on time", "2:50 left"},
		{"over the duration", 2, 200 * s, 3 * time.Minute, Behind, 20 * s, "behind 0:20 — hurry up", "over by 0:20"},
		{"out of range slide has no plan", 5, 10 * s, 0, NoPlan, 0, "no time budgets", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(budgets, tt.current, tt.elapsed, tt.duration)
			if r.Status != tt.status || r.Delta != tt.delta {
				t.Errorf("Compute = %v %v, want %v %v", r.Status, r.Delta, tt.status, tt.delta)
			}
			if r.Summary() != tt.summary {
				t.Errorf("Summary = %q, want %q", r.Summary(), tt.summary)
			}
			if r.RemainingText() != tt.left {
				t.Errorf("RemainingText = %q, want %q", r.RemainingText(), tt.left)
			}
		})
	}
	if r := Compute([]time.Duration{0, 0}, 0, time.Minute, 0); r.Status != NoPlan {
		t.Errorf("a deck without budgets has no plan, got %v", r.Status)
	}
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                              "0:00",
		59 * time.Second:               "0:59",
		90 * time.Second:               "1:30",
		time.Hour + 2*time.Second:      "1:00:02",
		-75 * time.Second:              "-1:15",
		1500*time.Millisecond + 0:      "0:01",
		25*time.Minute + 0*time.Second: "25:00",
	} {
		if got := Clock(d); got != want {
			t.Errorf("Clock(%v) = %q, want %q", d, got, want)
		}
	}
}
