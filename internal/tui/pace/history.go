package pace

import (
	"slices"
	"time"
)

// NotStarted is the status before the clock first runs: elapsed is 0, so
// any comparison with the plan ("ahead 10:15") would be noise.
const NotStarted Status = -1

// ForTimer is Compute for the timer t at now, or a NotStarted report when
// t has not started yet.
func ForTimer(budgets []time.Duration, current int, t Timer, now time.Time, duration time.Duration) Report {
	if !t.Started {
		return Report{Status: NotStarted}
	}
	return Compute(budgets, current, t.Elapsed(now).Truncate(time.Second), duration)
}

// Median is the middle of ds (the mean of the two middle ones for an even
// count); 0 for none. ds is not changed.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Rehearsed is the speaker's own plan: each slide's rehearsed time where
// there is one, else its budget. It is nil when no slide has a rehearsed
// time, so that no history means no history line.
func Rehearsed(history, budgets []time.Duration) []time.Duration {
	found := false
	out := make([]time.Duration, len(budgets))
	for i := range out {
		if i < len(history) && history[i] > 0 {
			out[i], found = history[i], true
		} else {
			out[i] = budgets[i]
		}
	}
	if !found {
		return nil
	}
	return out
}

// Forecast is where the talk ends at the rehearsed pace: the time so far,
// what the current slide usually takes beyond the onSlide already spent on
// it, and the rehearsed times of the slides after it.
type Forecast struct {
	End time.Duration
	// Over is End minus the target (the duration, else the sum of the
	// budgets); meaningful only when HasTarget.
	Over      time.Duration
	HasTarget bool
}

// ForecastEnd projects the end of the talk from plan (from Rehearsed) while
// slide current is shown, elapsed into the talk and onSlide into this
// slide. target is the planned length (0: none).
func ForecastEnd(plan []time.Duration, current int, elapsed, onSlide, target time.Duration) Forecast {
	end := elapsed
	if current >= 0 && current < len(plan) {
		end += max(plan[current]-onSlide, 0)
		for _, d := range plan[current+1:] {
			end += d
		}
	}
	f := Forecast{End: end, HasTarget: target > 0}
	if f.HasTarget {
		f.Over = end - target
	}
	return f
}

// Text is the forecast in words: "at your rehearsed pace: ends 26:40, +1:40".
func (f Forecast) Text() string {
	// Whole seconds, rounded, so that 0.4 s under is "+0:00", not "-0:00".
	s := "at your rehearsed pace: ends " + Clock(f.End.Round(time.Second))
	if f.HasTarget {
		over, sign := f.Over.Round(time.Second), "+"
		if over < 0 {
			sign = "" // Clock writes the minus
		}
		s += ", " + sign + Clock(over)
	}
	return s
}
