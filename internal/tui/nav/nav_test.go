package nav

import "testing"

func TestNavigate(t *testing.T) {
	// Slide 1 has three steps, slide 2 one, slide 3 two.
	shape := Shape{3, 1, 2}
	tests := []struct {
		name string
		from State
		act  Action
		want State
		note bool
	}{
		{"next reveals a step", State{0, 0}, Action{Kind: Next}, State{0, 1}, false},
		{"next after the last step moves on", State{0, 2}, Action{Kind: Next}, State{1, 0}, false},
		{"next on the last step of the deck stays", State{2, 1}, Action{Kind: Next}, State{2, 1}, false},
		{"prev hides a step", State{0, 2}, Action{Kind: Prev}, State{0, 1}, false},
		{"prev from a first step shows the previous slide whole", State{1, 0}, Action{Kind: Prev}, State{0, 2}, false},
		{"prev at the start stays", State{0, 0}, Action{Kind: Prev}, State{0, 0}, false},
		{"n ignores pauses", State{0, 0}, Action{Kind: NextSlide}, State{1, 0}, false},
		{"n lands fully revealed", State{1, 0}, Action{Kind: NextSlide}, State{2, 1}, false},
		{"n on the last slide reveals it", State{2, 0}, Action{Kind: NextSlide}, State{2, 1}, false},
		{"p ignores pauses", State{2, 1}, Action{Kind: PrevSlide}, State{1, 0}, false},
		{"p lands fully revealed", State{1, 0}, Action{Kind: PrevSlide}, State{0, 2}, false},
		{"p at the start stays", State{0, 1}, Action{Kind: PrevSlide}, State{0, 1}, false},
		{"first", State{2, 1}, Action{Kind: First}, State{0, 0}, false},
		{"last", State{0, 1}, Action{Kind: Last}, State{2, 0}, false},
		{"goto is 1-based", State{0, 0}, Action{Kind: Goto, N: 3}, State{2, 0}, false},
		{"goto past the end clamps with a note", State{0, 0}, Action{Kind: Goto, N: 12}, State{2, 0}, true},
		{"goto 0 is refused", State{1, 0}, Action{Kind: Goto, N: 0}, State{1, 0}, true},
		{"goto step lands on the step", State{0, 0}, Action{Kind: GotoStep, N: 1, Step: 2}, State{0, 2}, false},
		{"goto step clamps the step", State{0, 0}, Action{Kind: GotoStep, N: 3, Step: 9}, State{2, 1}, false},
		{"reveal all", State{0, 0}, Action{Kind: RevealAll}, State{0, 2}, false},
		{"an out-of-range state is clamped first", State{9, 9}, Action{Kind: Prev}, State{2, 0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Navigate(shape, tt.from, tt.act)
			if got.State != tt.want {
				t.Errorf("Navigate(%v, %+v) = %v, want %v", tt.from, tt.act, got.State, tt.want)
			}
			if (got.Note != "") != tt.note {
				t.Errorf("note = %q, want a note: %v", got.Note, tt.note)
			}
		})
	}
}

func TestNavigateEmptyDeck(t *testing.T) {
	for k := Next; k <= GotoStep; k++ {
		if got := Navigate(nil, State{3, 1}, Action{Kind: k, N: 2}); got.State != (State{}) {
			t.Errorf("kind %d on an empty deck = %v", k, got.State)
		}
	}
}

// Walking forward with Next visits every (slide, step) once, in order, and
// walking back with Prev retraces it exactly.
func TestNextPrevWalk(t *testing.T) {
	shape := Shape{1, 4, 1, 2, 3}
	var forward []State
	s := State{}
	for {
		forward = append(forward, s)
		n := Navigate(shape, s, Action{Kind: Next}).State
		if n == s {
			break
		}
		s = n
	}
	total := 0
	for _, n := range shape {
		total += n
	}
	if len(forward) != total {
		t.Fatalf("visited %d positions, want %d: %v", len(forward), total, forward)
	}
	for i := len(forward) - 1; i > 0; i-- {
		p := Navigate(shape, forward[i], Action{Kind: Prev}).State
		if p != forward[i-1] {
			t.Fatalf("prev from %v = %v, want %v", forward[i], p, forward[i-1])
		}
	}
}

func TestNeighbours(t *testing.T) {
	shape := Shape{2, 1, 3}
	got := Neighbours(shape, State{1, 0})
	want := []State{{2, 0}, {0, 1}, {2, 2}}
	if len(got) != len(want) {
		t.Fatalf("Neighbours = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Neighbours = %v, want %v", got, want)
		}
	}
	if n := Neighbours(Shape{1}, State{}); len(n) != 0 {
		t.Errorf("a one-slide deck has no neighbours, got %v", n)
	}
}

func TestClamp(t *testing.T) {
	shape := Shape{2, 0}
	if got := Clamp(shape, State{1, 5}); got != (State{1, 0}) {
		t.Errorf("Clamp = %v; a slide with 0 steps still has step 0", got)
	}
	if got := Clamp(shape, State{-1, -1}); got != (State{0, 0}) {
		t.Errorf("Clamp = %v", got)
	}
}
