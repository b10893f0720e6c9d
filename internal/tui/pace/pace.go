// Package pace is the presenter view's clock logic: a pausable stopwatch and
// the comparison of elapsed time against the deck's time budgets. It is pure
// (time is passed in), so every rule has a table test.
package pace

import (
	"fmt"
	"time"
)

// Timer is a stopwatch that can be paused. The zero value is stopped at 0.
// It is a value type: methods return the changed timer.
type Timer struct {
	// Running is true while the timer counts.
	Running bool
	// Started is false until the timer first runs; the TUI starts it on
	// the first navigation.
	Started bool
	since   time.Time     // when it last started running
	before  time.Duration // time counted before since
}

// Start runs the timer from now; a running timer is unchanged.
func (t Timer) Start(now time.Time) Timer {
	if t.Running {
		return t
	}
	t.Running, t.Started, t.since = true, true, now
	return t
}

// Pause stops counting, keeping the time counted so far.
func (t Timer) Pause(now time.Time) Timer {
	if !t.Running {
		return t
	}
	t.before += now.Sub(t.since)
	t.Running = false
	return t
}

// Toggle starts a paused timer and pauses a running one.
func (t Timer) Toggle(now time.Time) Timer {
	if t.Running {
		return t.Pause(now)
	}
	return t.Start(now)
}

// Reset stops the timer at zero; it starts again on the next navigation.
func (t Timer) Reset() Timer { return Timer{} }

// Elapsed is the time counted up to now.
func (t Timer) Elapsed(now time.Time) time.Duration {
	d := t.before
	if t.Running {
		d += now.Sub(t.since)
	}
	return max(d, 0)
}

// Status says how the speaker is doing against the plan.
type Status int

const (
	// NoPlan means the deck has neither time budgets nor a duration.
	NoPlan Status = iota
	// OnTime means the elapsed time falls within the current slide's budget.
	OnTime
	// Behind means more time has passed than planned up to the end of the
	// current slide: hurry up.
	Behind
	// Ahead means less time has passed than planned before the current
	// slide: slow down.
	Ahead
)

func (s Status) String() string {
	switch s {
	case OnTime:
		return "on time"
	case Behind:
		return "hurry up"
	case Ahead:
		return "slow down"
	case NotStarted:
		return "not started"
	}
	return "no plan"
}

// Report is the pace at one moment.
type Report struct {
	Status Status
	// Delta is how far ahead or behind the plan the speaker is (0 on time).
	Delta time.Duration
	// PlanStart and PlanEnd are the planned times at which the current slide
	// begins and ends.
	PlanStart, PlanEnd time.Duration
	// HasDuration is true when the deck sets a duration; Remaining is then
	// the duration minus the elapsed time (negative once over).
	HasDuration bool
	Remaining   time.Duration
}

// Budgets gives each slide its planned time. Slides with a time: budget keep
// it; when the deck's duration is longer than the sum of the budgets, the
// rest is shared equally by the slides without one (so a deck with only a
// duration is paced evenly). times[i] is slide i's budget, 0 when unset.
func Budgets(times []time.Duration, duration time.Duration) []time.Duration {
	out := make([]time.Duration, len(times))
	var sum time.Duration
	unset := 0
	for i, d := range times {
		out[i] = d
		sum += d
		if d <= 0 {
			unset++
		}
	}
	if unset > 0 && duration > sum {
		share := (duration - sum) / time.Duration(unset)
		for i, d := range out {
			if d <= 0 {
				out[i] = share
			}
		}
	}
	return out
}

// Compute compares elapsed against the budgets (from Budgets) while slide
// current (0-based) is shown. duration is the deck's planned length, 0 if
// unset.
func Compute(budgets []time.Duration, current int, elapsed, duration time.Duration) Report {
	r := Report{HasDuration: duration > 0}
	if r.HasDuration {
		r.Remaining = duration - elapsed
	}
	var total time.Duration
	for _, b := range budgets {
		total += b
	}
	if total <= 0 || current < 0 || current >= len(budgets) {
		return r
	}
	for _, b := range budgets[:current] {
		r.PlanStart += b
	}
	r.PlanEnd = r.PlanStart + budgets[current]
	switch {
	case elapsed > r.PlanEnd:
		r.Status, r.Delta = Behind, elapsed-r.PlanEnd
	case elapsed < r.PlanStart:
		r.Status, r.Delta = Ahead, r.PlanStart-elapsed
	default:
		r.Status = OnTime
	}
	return r
}

// Clock formats d as m:ss, or h:mm:ss from an hour; negative durations get
// a minus sign.
func Clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// Summary is the pace in words, e.g. "behind 1:05 — hurry up".
func (r Report) Summary() string {
	switch r.Status {
	case Behind:
		return "behind " + Clock(r.Delta) + " — hurry up"
	case Ahead:
		return "ahead " + Clock(r.Delta) + " — slow down"
	case OnTime:
		return "on time"
	case NotStarted:
		return "clock not started"
	}
	return "no time budgets"
}

// RemainingText is the time left against the duration, e.g. "12:30 left"
// or "over by 0:40"; empty when the deck sets no duration.
func (r Report) RemainingText() string {
	if !r.HasDuration {
		return ""
	}
	if r.Remaining < 0 {
		return "over by " + Clock(-r.Remaining)
	}
	return Clock(r.Remaining) + " left"
}
