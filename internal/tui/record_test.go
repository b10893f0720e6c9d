package tui

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"shovel/deck"
)

// fakeRecorder writes down what it is told, with seconds since the
// harness clock's start.
type fakeRecorder struct {
	start  time.Time
	events []string
}

func (r *fakeRecorder) at(now time.Time) string {
	return fmt.Sprintf("%gs", now.Sub(r.start).Seconds())
}
func (r *fakeRecorder) Show(now time.Time, slide, step int) {
	r.events = append(r.events, fmt.Sprintf("%s show %d.%d", r.at(now), slide+1, step+1))
}
func (r *fakeRecorder) Timer(now time.Time, running bool) {
	r.events = append(r.events, fmt.Sprintf("%s timer %v", r.at(now), running))
}
func (r *fakeRecorder) Reset(now time.Time) { r.events = append(r.events, r.at(now)+" reset") }
func (r *fakeRecorder) Reload(now time.Time, d *deck.Deck) {
	r.events = append(r.events, fmt.Sprintf("%s reload %d slides", r.at(now), len(d.Slides)))
}
func (r *fakeRecorder) Quit(now time.Time) { r.events = append(r.events, r.at(now)+" quit") }

func rehearsal(rec *fakeRecorder) func(*Options) {
	return func(o *Options) { o.Rehearsal, o.Presenter, o.Recorder = true, true, rec }
}

func TestRehearsalClockStartsWithTheFirstSlide(t *testing.T) {
	rec := &fakeRecorder{start: newClock().t}
	h := newHarness(t, openTestDeck(t), 100, 30, rehearsal(rec))
	h.contains("REHEARSAL")
	h.lacks("PRESENTER")
	if !h.m.timer.Running {
		t.Fatal("the rehearsal clock did not start with the first slide")
	}
	h.clock.advance(7 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("⏱ 0:07")
	want := []string{"0s show 1.1", "0s timer true"}
	if !reflect.DeepEqual(rec.events, want) {
		t.Errorf("events %q, want %q", rec.events, want)
	}
}

// A rehearsal is the presenter view even when the options (a config file's
// "presenter: false") say otherwise.
func TestRehearsalIsAlwaysThePresenterView(t *testing.T) {
	rec := &fakeRecorder{start: newClock().t}
	h := newHarness(t, openTestDeck(t), 100, 30, func(o *Options) {
		o.Rehearsal, o.Presenter, o.Recorder = true, false, rec
	})
	h.contains("REHEARSAL")
	if h.m.Mode() != "presenter" {
		t.Fatalf("a rehearsal opened in mode %q, want presenter", h.m.Mode())
	}
}

// Every way of moving reaches the recorder, and so do the timer, a reload
// and the quit.
func TestRecorderHearsEveryChange(t *testing.T) {
	rec := &fakeRecorder{start: newClock().t}
	h := newHarness(t, openTestDeck(t), 100, 30, rehearsal(rec))
	step := func(d time.Duration, keys string) {
		h.clock.advance(d)
		h.keys(keys)
	}
	step(10*time.Second, "right")  // slide 2
	step(5*time.Second, "right")   // step 2 of slide 2
	step(5*time.Second, "t")       // pause
	step(60*time.Second, "t")      // resume
	step(1*time.Second, "left")    // back a step
	step(1*time.Second, "5 enter") // a jump
	step(1*time.Second, "tab")     // index on slide 5; enter goes there
	step(0, "up enter")            // slide 4
	step(2*time.Second, "T")       // reset
	step(3*time.Second, "right")   // starts again
	h.clock.advance(time.Second)
	h.send(reloadMsg{deck: openTestDeck(t), seq: 1})
	step(4*time.Second, "q")
	want := []string{
		"0s show 1.1", "0s timer true",
		"10s show 2.1", "15s show 2.2", "20s timer false", "80s timer true",
		"81s show 2.1", "82s show 5.1", "83s show 4.1",
		"85s reset", "85s timer false",
		"88s show 5.1", "88s timer true",
		"89s reload 13 slides", "89s show 5.1",
		"93s quit",
	}
	if !reflect.DeepEqual(rec.events, want) {
		t.Errorf("events\n%q\nwant\n%q", rec.events, want)
	}
	if !h.quit {
		t.Error("q did not quit")
	}
}

// Before the clock runs, the pace line says only that: a jump to slide 12
// with the clock at 0:00 is not "ahead 6:45 — slow down".
func TestPaceBeforeTheClockStarts(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30, func(o *Options) { o.Presenter = true })
	h.keys("1 2 enter")
	h.contains("12 / 13")
	h.contains("⏱ 0:00 clock not started")
	h.lacks("ahead")
	h.lacks("left")
	h.keys("right") // a step starts it
	h.clock.advance(time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("⏱ 0:01 │ ahead")
	h.keys("T")
	h.contains("clock not started")
	h.lacks("ahead")
}

// With a history of rehearsals the status line adds the end of the talk
// at the speaker's own pace.
func TestRehearsedPace(t *testing.T) {
	d := openTestDeck(t)
	history := func(d *deck.Deck) []time.Duration {
		out := make([]time.Duration, len(d.Slides))
		for i := range out {
			out[i] = time.Minute // 13 slides: 13:00 at the rehearsed pace
		}
		return out
	}
	h := newHarness(t, d, 160, 45, func(o *Options) { o.Presenter, o.History = true, history })
	h.lacks("rehearsed pace") // the clock has not started
	h.keys("right")
	h.clock.advance(90 * time.Second) // 1:30 into slide 2 (usually 1:00)
	h.send(tickMsg{h.m.tickGen})
	// 1:30 so far + 11 slides × 1:00 = 12:30; the talk is planned at 10:00.
	h.contains("at your rehearsed pace: ends 12:30, +2:30")
	h.keys("right right right") // steps 2 and 3, then slide 3
	h.clock.advance(30 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	// 2:00 + (1:00 − 0:30 on slide 3) + 10 × 1:00 = 12:30
	h.contains("at your rehearsed pace: ends 12:30, +2:30")
}
