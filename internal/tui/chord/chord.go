// Package chord reads the multi-key commands of the slide view: a slide
// number typed before enter or G ("12 enter", "12 G"), "g g" for the first
// slide and "12 g g" as in vim. It is pure: the TUI classifies each key
// with its keymap and feeds it here, so every sequence is a table test.
package chord

import "fmt"

// Kind is what a key means to the chord reader.
type Kind int

const (
	// Other is any key that is not part of a chord.
	Other Kind = iota
	// Digit adds to the slide number being typed.
	Digit
	// Go ends a typed number: go to that slide (enter, G).
	Go
	// Cancel drops a typed number (esc).
	Cancel
	// G is the key of "g g".
	G
)

// Key is one classified key press; Digit is its value for Kind Digit.
type Key struct {
	Kind  Kind
	Digit int
}

// maxCount caps the typed number: no deck has a million slides, and an
// int must not overflow however long a key is held.
const maxCount = 100000

// State is a chord in progress; the zero State is none.
type State struct {
	count    int  // the slide number typed so far
	counting bool // digits were typed
	pendingG bool // one g was pressed, waiting for the second
	gotoN    int  // the number typed before that g, 0 for none
}

// Idle reports whether no chord is in progress.
func (s State) Idle() bool { return !s.counting && !s.pendingG }

// Status describes a chord in progress for the footer; "" when idle.
// goKeys and gKey name the keys that finish it, as bound.
func (s State) Status(goKeys, gKey string) string {
	switch {
	case s.counting:
		return fmt.Sprintf("go to slide %d… (%s)", s.count, goKeys)
	case s.pendingG:
		return fmt.Sprintf("%s… (%s again: first slide)", gKey, gKey)
	}
	return ""
}

// Do is what a key press comes to.
type Do int

const (
	// Pass: the key is not part of a chord; it does what it normally does.
	Pass Do = iota
	// Wait: the key was taken into a chord; nothing happens yet.
	Wait
	// Goto: go to slide N (1-based).
	Goto
	// First: go to the first slide.
	First
)

// Result is the outcome of one key press.
type Result struct {
	Do Do
	N  int // the slide for Goto
}

// Feed reads one key. A key that breaks a chord cancels it and, unless it
// was the chord's own cancel key, still does what it normally does (Pass).
func Feed(s State, k Key) (State, Result) {
	if k.Kind == Digit {
		if s.count < maxCount {
			s.count = s.count*10 + k.Digit
		}
		return State{count: s.count, counting: true}, Result{Do: Wait}
	}
	if s.counting {
		n := s.count
		switch k.Kind {
		case Go:
			return State{}, Result{Do: Goto, N: n}
		case Cancel:
			return State{}, Result{Do: Wait}
		case G: // "12 g g"
			return State{pendingG: true, gotoN: n}, Result{Do: Wait}
		}
		return State{}, Result{Do: Pass}
	}
	if s.pendingG {
		if k.Kind != G {
			return State{}, Result{Do: Pass}
		}
		if s.gotoN > 0 {
			return State{}, Result{Do: Goto, N: s.gotoN}
		}
		return State{}, Result{Do: First}
	}
	if k.Kind == G {
		return State{pendingG: true}, Result{Do: Wait}
	}
	return State{}, Result{Do: Pass}
}
