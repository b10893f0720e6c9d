// Package nav moves a position through a deck's slides and reveal steps.
// It is pure: the TUI feeds it the deck's shape and an action and gets the
// new position back, so every rule can be checked by a table test.
package nav

import "strconv"

// State is a position in the deck: a slide (0-based) and how many of its
// reveal steps are shown (0-based, so 0 means only the first step).
type State struct {
	Slide int
	Step  int
}

// Shape is what navigation needs to know about a deck: the number of reveal
// steps of each slide (at least 1 each).
type Shape []int

// Kind is a navigation action.
type Kind int

const (
	// Next reveals the next step, or moves to the next slide's first step.
	Next Kind = iota
	// Prev hides the last step, or moves to the previous slide fully revealed.
	Prev
	// NextSlide moves to the next slide fully revealed, ignoring pauses.
	NextSlide
	// PrevSlide moves to the previous slide fully revealed, ignoring pauses.
	PrevSlide
	// First moves to the first slide's first step.
	First
	// Last moves to the last slide's first step.
	Last
	// Goto moves to slide N (1-based, as the footer shows it), first step.
	Goto
	// RevealAll shows every step of the current slide.
	RevealAll
	// GotoStep moves to slide N (1-based), step Step: used by search to land
	// on the step where a match appears.
	GotoStep
)

// Action is a navigation request. N is the slide number for Goto and
// GotoStep; Step the step for GotoStep.
type Action struct {
	Kind Kind
	N    int
	Step int
}

// Result is the new state and, when the action could not be done as asked,
// a short reason to show the speaker (the state is still valid).
type Result struct {
	State
	// Note explains a clamped or refused goto; empty otherwise.
	Note string
}

// Navigate applies a to s over a deck of the given shape. It never returns
// a position outside the deck; an empty deck stays at the zero state.
func Navigate(shape Shape, s State, a Action) Result {
	if len(shape) == 0 {
		return Result{}
	}
	s = Clamp(shape, s)
	last := len(shape) - 1
	steps := func(i int) int { return max(shape[i], 1) }
	switch a.Kind {
	case Next:
		if s.Step < steps(s.Slide)-1 {
			s.Step++
		} else if s.Slide < last {
			s = State{Slide: s.Slide + 1}
		}
	case Prev:
		if s.Step > 0 {
			s.Step--
		} else if s.Slide > 0 {
			s = State{Slide: s.Slide - 1, Step: steps(s.Slide-1) - 1}
		}
	case NextSlide:
		if s.Slide < last {
			s = State{Slide: s.Slide + 1, Step: steps(s.Slide+1) - 1}
		} else {
			s.Step = steps(s.Slide) - 1
		}
	case PrevSlide:
		if s.Slide > 0 {
			s = State{Slide: s.Slide - 1, Step: steps(s.Slide-1) - 1}
		}
	case First:
		s = State{}
	case Last:
		s = State{Slide: last}
	case Goto, GotoStep:
		return gotoSlide(shape, s, a)
	case RevealAll:
		s.Step = steps(s.Slide) - 1
	}
	return Result{State: s}
}

func gotoSlide(shape Shape, s State, a Action) Result {
	n := len(shape)
	switch {
	case a.N < 1:
		return Result{State: s, Note: "no slide 0: slides are numbered from 1"}
	case a.N > n:
		return Result{State: State{Slide: n - 1}, Note: plural(n) + ": showing the last"}
	}
	t := State{Slide: a.N - 1}
	if a.Kind == GotoStep {
		t.Step = a.Step
	}
	return Result{State: Clamp(shape, t)}
}

func plural(n int) string {
	if n == 1 {
		return "only 1 slide"
	}
	return "only " + strconv.Itoa(n) + " slides"
}

// Clamp brings s inside the deck: after a reload the deck may have fewer
// slides or steps than the position assumed.
func Clamp(shape Shape, s State) State {
	if len(shape) == 0 {
		return State{}
	}
	s.Slide = min(max(s.Slide, 0), len(shape)-1)
	s.Step = min(max(s.Step, 0), max(shape[s.Slide], 1)-1)
	return s
}

// Neighbours are the positions one key press away from s (next and previous
// step, next and previous slide): the TUI renders them ahead of time so that
// moving feels instant. Positions equal to s are left out.
func Neighbours(shape Shape, s State) []State {
	var out []State
	seen := map[State]bool{s: true}
	for _, k := range []Kind{Next, Prev, NextSlide, PrevSlide} {
		t := Navigate(shape, s, Action{Kind: k}).State
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
