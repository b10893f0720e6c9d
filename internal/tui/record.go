package tui

import (
	"time"

	"shovel/deck"
	"shovel/internal/tui/nav"
	"shovel/internal/tui/pace"
)

// Recorder is told what happens during a talk, for a rehearsal record
// (internal/rehearse implements it). now comes from Options.Now, a
// monotonic clock in the real program. Calls come from Update only.
type Recorder interface {
	// Show: slide (0-based) is on screen at step.
	Show(now time.Time, slide, step int)
	// Timer: the clock started (running) or was paused.
	Timer(now time.Time, running bool)
	// Reset: the clock was reset to zero.
	Reset(now time.Time)
	// Reload: the deck was reloaded; a Show follows.
	Reload(now time.Time, d *deck.Deck)
	// Quit: the speaker quit.
	Quit(now time.Time)
}

// observer compares the model after each Update with what it saw last, so
// that the recorder and the rehearsed pace hear of every change however
// it came about (keys, mouse, index, search, reload), without hooks in
// each of those paths.
type observer struct {
	deck       *deck.Deck
	pos        nav.State
	shown      bool
	running    bool
	started    bool
	quit       bool
	autoStart  bool          // the rehearsal's clock was started on the first frame
	slideSince time.Duration // the timer when the current slide came on screen
	plan       []time.Duration
}

// observe runs after every Update, before refresh.
func (m *Model) observe() {
	o, rec := &m.obs, m.opts.Recorder
	now := m.c.Now()
	// A rehearsal is for timing: its clock starts when the first slide
	// shows, not on the first move.
	if m.opts.Rehearsal && !o.autoStart && m.cur.slide != nil {
		o.autoStart = true
		if !m.timer.Started {
			m.timer = m.timer.Start(now)
		}
	}
	if m.deck != o.deck {
		if o.deck != nil && rec != nil {
			rec.Reload(now, m.deck)
		}
		o.deck = m.deck
		o.plan = nil
		if m.opts.History != nil {
			o.plan = pace.Rehearsed(m.opts.History(m.deck), m.budgets)
		}
		o.shown = false // the position is told again below
	}
	if o.started && !m.timer.Started && rec != nil {
		rec.Reset(now)
	}
	if o.running && !m.timer.Running && rec != nil {
		rec.Timer(now, false)
	}
	if !o.shown || m.pos != o.pos || !m.timer.Started {
		if !o.shown || m.pos.Slide != o.pos.Slide || !m.timer.Started {
			o.slideSince = m.timer.Elapsed(now)
		}
		if (!o.shown || m.pos != o.pos) && rec != nil {
			rec.Show(now, m.pos.Slide, m.pos.Step)
		}
		o.pos, o.shown = m.pos, true
	}
	if !o.running && m.timer.Running && rec != nil {
		rec.Timer(now, true)
	}
	o.running, o.started = m.timer.Running, m.timer.Started
	if m.quitting && !o.quit {
		o.quit = true
		if rec != nil {
			rec.Quit(now)
		}
	}
}

// forecast is the end of the talk at the speaker's rehearsed pace; false
// when there is no history or the clock has not started.
func (m *Model) forecast(now time.Time) (pace.Forecast, bool) {
	if m.obs.plan == nil || !m.timer.Started {
		return pace.Forecast{}, false
	}
	target := m.deck.Meta.Duration
	if target <= 0 {
		for _, b := range m.budgets {
			target += b
		}
	}
	elapsed := m.timer.Elapsed(now)
	return pace.ForecastEnd(m.obs.plan, m.pos.Slide, elapsed, elapsed-m.obs.slideSince, target), true
}
