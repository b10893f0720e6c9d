package chord

import (
	"strings"
	"testing"
)

// keys turns "1 2 enter" into classified keys: digits, "go" (enter, G),
// "esc", "g", anything else Other.
func keys(s string) []Key {
	var out []Key
	for _, f := range strings.Fields(s) {
		switch {
		case len(f) == 1 && f[0] >= '0' && f[0] <= '9':
			out = append(out, Key{Kind: Digit, Digit: int(f[0] - '0')})
		case f == "go":
			out = append(out, Key{Kind: Go})
		case f == "esc":
			out = append(out, Key{Kind: Cancel})
		case f == "g":
			out = append(out, Key{Kind: G})
		default:
			out = append(out, Key{Kind: Other})
		}
	}
	return out
}

func TestFeed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Result // one per key
		idle bool     // the state after the last key
	}{
		{"a plain key passes", "x", []Result{{Do: Pass}}, true},
		{"go alone passes (enter is next, G is last)", "go", []Result{{Do: Pass}}, true},
		{"12 enter", "1 2 go", []Result{{Do: Wait}, {Do: Wait}, {Do: Goto, N: 12}}, true},
		{"0 enter asks for slide 0 (nav refuses it)", "0 go", []Result{{Do: Wait}, {Do: Goto, N: 0}}, true},
		{"g g is the first slide", "g g", []Result{{Do: Wait}, {Do: First}}, true},
		{"12 g g goes to 12", "1 2 g g", []Result{{Do: Wait}, {Do: Wait}, {Do: Wait}, {Do: Goto, N: 12}}, true},
		{"esc cancels a number and is swallowed", "4 esc go", []Result{{Do: Wait}, {Do: Wait}, {Do: Pass}}, true},
		{"another key cancels a number and still acts", "4 x", []Result{{Do: Wait}, {Do: Pass}}, true},
		{"another key after g acts", "g x", []Result{{Do: Wait}, {Do: Pass}}, true},
		{"a digit after g starts a number", "g 3 go", []Result{{Do: Wait}, {Do: Wait}, {Do: Goto, N: 3}}, true},
		{"a number after 12 g starts afresh", "1 2 g 3 go", []Result{{Do: Wait}, {Do: Wait}, {Do: Wait}, {Do: Wait}, {Do: Goto, N: 3}}, true},
		{"esc after g passes (closes nothing, cancels g)", "g esc", []Result{{Do: Wait}, {Do: Pass}}, true},
		{"digits wait", "7", []Result{{Do: Wait}}, false},
		{"one g waits", "g", []Result{{Do: Wait}}, false},
		{"the count is capped", "9 9 9 9 9 9 9 9 9 go", append(repeat(Result{Do: Wait}, 9), Result{Do: Goto, N: 999999}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s State
			ks := keys(tt.in)
			if len(ks) != len(tt.want) {
				t.Fatalf("test has %d keys and %d results", len(ks), len(tt.want))
			}
			for i, k := range ks {
				var r Result
				s, r = Feed(s, k)
				if r != tt.want[i] {
					t.Errorf("key %d (%v): got %+v, want %+v", i+1, k, r, tt.want[i])
				}
			}
			if s.Idle() != tt.idle {
				t.Errorf("idle = %v, want %v", s.Idle(), tt.idle)
			}
		})
	}
}

func repeat(r Result, n int) []Result {
	out := make([]Result, n)
	for i := range out {
		out[i] = r
	}
	return out
}

func TestStatus(t *testing.T) {
	var s State
	if got := s.Status("enter or G", "g"); got != "" {
		t.Errorf("idle status = %q", got)
	}
	s, _ = Feed(s, Key{Kind: Digit, Digit: 4})
	s, _ = Feed(s, Key{Kind: Digit, Digit: 2})
	if got, want := s.Status("enter or G", "g"), "go to slide 42… (enter or G)"; got != want {
		t.Errorf("counting status = %q, want %q", got, want)
	}
	s, _ = Feed(State{}, Key{Kind: G})
	if got, want := s.Status("enter or G", "g"), "g… (g again: first slide)"; got != want {
		t.Errorf("g status = %q, want %q", got, want)
	}
}
