package rehearse

import (
	"time"

	"shovel/deck"
)

// Recorder turns the events of a rehearsal into a Run. It is a state
// machine: each event carries the time it happened (from a monotonic
// clock), and the time since the previous event is credited to the slide
// and step that were showing, if the clock was running. It implements
// tui.Recorder; it is not safe for concurrent use (the TUI calls it from
// Update only).
type Recorder struct {
	info    DeckInfo
	slides  []*slideAcc
	removed []*slideAcc

	started    time.Time // first time the clock ran; zero before
	last       time.Time // the previous event
	shown      bool
	slide      int
	step       int
	running    bool
	done       bool
	ended      time.Time
	paused     time.Duration
	pauses     int
	backtracks int
	reloads    int
}

type slideAcc struct {
	number  int
	title   string
	budget  time.Duration
	time    time.Duration
	visits  int
	steps   []time.Duration
	reached bool
}

// NewRecorder starts recording a rehearsal of d, described by info.
func NewRecorder(d *deck.Deck, info DeckInfo) *Recorder {
	r := &Recorder{info: info}
	r.slides = accsFor(d)
	return r
}

func accsFor(d *deck.Deck) []*slideAcc {
	budgets := Budgets(d)
	out := make([]*slideAcc, len(d.Slides))
	for i, s := range d.Slides {
		out[i] = &slideAcc{number: i + 1, title: s.Title, budget: budgets[i], steps: make([]time.Duration, max(s.Steps, 1))}
	}
	return out
}

// credit gives the time since the last event to what was showing.
func (r *Recorder) credit(now time.Time) {
	if r.last.IsZero() {
		r.last = now
		return
	}
	d := max(now.Sub(r.last), 0)
	r.last = now
	switch {
	case r.running && r.shown:
		a := r.slides[r.slide]
		a.time += d
		a.steps[min(r.step, len(a.steps)-1)] += d
	case !r.running && !r.started.IsZero():
		r.paused += d
	}
}

// Show records that slide (0-based) is on screen at step.
func (r *Recorder) Show(now time.Time, slide, step int) {
	if r.done || slide < 0 || slide >= len(r.slides) {
		return
	}
	r.credit(now)
	if !r.shown || slide != r.slide {
		if r.shown && slide < r.slide {
			r.backtracks++
		}
		r.slides[slide].visits++
		r.slides[slide].reached = true
	}
	r.shown, r.slide, r.step = true, slide, step
}

// Timer records that the clock started (running) or was paused.
func (r *Recorder) Timer(now time.Time, running bool) {
	if r.done || running == r.running {
		return
	}
	r.credit(now)
	if running && r.started.IsZero() {
		r.started = now
	} else if !running {
		r.pauses++
	}
	r.running = running
}

// Reset starts the rehearsal over: the clock was reset to zero, so the
// time recorded so far is dropped. The slide on screen counts as visited.
func (r *Recorder) Reset(now time.Time) {
	if r.done {
		return
	}
	for _, a := range r.slides {
		a.time, a.visits, a.reached = 0, 0, false
		clear(a.steps)
	}
	r.removed = nil
	r.started, r.running, r.last = time.Time{}, false, now
	r.paused, r.pauses, r.backtracks, r.reloads = 0, 0, 0, 0
	if r.shown {
		r.slides[r.slide].visits, r.slides[r.slide].reached = 1, true
	}
}

// Reload moves the recording onto a reloaded deck: each new slide takes
// the time of the old slide with the same title (in order, for repeated
// titles); old slides without a match are kept as removed, so no time is
// lost. The position is set by the Show that follows.
func (r *Recorder) Reload(now time.Time, d *deck.Deck) {
	if r.done {
		return
	}
	r.credit(now)
	old := r.slides
	next := accsFor(d)
	byTitle := map[string][]int{}
	for i, a := range old {
		byTitle[a.title] = append(byTitle[a.title], i)
	}
	used := make([]bool, len(old))
	for _, a := range next {
		idx := byTitle[a.title]
		if len(idx) == 0 {
			continue
		}
		o := old[idx[0]]
		byTitle[a.title] = idx[1:]
		used[idx[0]] = true
		a.time, a.visits, a.reached = o.time, o.visits, o.reached
		copy(a.steps, o.steps)
		if len(o.steps) > len(a.steps) { // fewer steps now: keep the time on the last
			for _, s := range o.steps[len(a.steps):] {
				a.steps[len(a.steps)-1] += s
			}
		}
	}
	for i, o := range old {
		if !used[i] && (o.time > 0 || o.visits > 0) {
			o.number = 0
			r.removed = append(r.removed, o)
		}
	}
	r.slides = next
	r.reloads++
	// The slides are now those of the new version.
	r.info.Hash, r.info.Title = ContentHash(d), d.Meta.Title
	r.info.DurationSeconds = toSeconds(d.Meta.Duration)
	// Until the next Show, time goes to the slide with the old one's
	// title, or nowhere if it is gone.
	if r.shown {
		r.shown = false
		if idx := indexOf(next, old[r.slide].title); idx >= 0 {
			r.shown, r.slide = true, idx
			r.step = min(r.step, len(next[idx].steps)-1)
		}
	}
}

func indexOf(accs []*slideAcc, title string) int {
	for i, a := range accs {
		if a.title == title {
			return i
		}
	}
	return -1
}

// Quit ends the recording; later events are ignored.
func (r *Recorder) Quit(now time.Time) {
	if r.done {
		return
	}
	r.credit(now)
	r.done, r.ended = true, now
}

// Elapsed is the time on the clock so far (pauses excluded).
func (r *Recorder) Elapsed() time.Duration {
	var t time.Duration
	for _, a := range r.slides {
		t += a.time
	}
	for _, a := range r.removed {
		t += a.time
	}
	return t
}

// Run is the recording as a Run to store. Wall-clock times are those of
// the events (their monotonic readings are dropped).
func (r *Recorder) Run() Run {
	run := Run{
		Version: Version, Deck: r.info,
		Started: r.started.Round(0), Ended: r.ended.Round(0),
		Seconds:       toSeconds(r.Elapsed()),
		PausedSeconds: toSeconds(r.paused),
		Pauses:        r.pauses, Backtracks: r.backtracks, Reloads: r.reloads,
	}
	if len(r.slides) > 0 {
		run.Partial = !r.slides[len(r.slides)-1].reached
	}
	for _, a := range append(append([]*slideAcc{}, r.slides...), r.removed...) {
		s := SlideRun{Number: a.number, Title: a.title, BudgetSeconds: toSeconds(a.budget),
			Seconds: toSeconds(a.time), Visits: a.visits, Removed: a.number == 0}
		if len(a.steps) > 1 {
			s.StepSeconds = make([]float64, len(a.steps))
			for i, d := range a.steps {
				s.StepSeconds[i] = toSeconds(d)
			}
		}
		run.Slides = append(run.Slides, s)
	}
	return run
}
