package deck

import (
	"regexp"
	"testing"
)

// isDirectiveName and durationDigits replaced regexps compiled at start-up;
// they must accept exactly what the regexps did.
func TestNameChecksMatchTheirRegexps(t *testing.T) {
	name := regexp.MustCompile(`^[A-Za-z][A-Za-z_-]*$`)
	digits := regexp.MustCompile(`^[0-9. hmsuµn]+$`)
	for _, s := range []string{"", "pause", "end_slide", "jump-to-middle", "_x", "-x", "x1", "Ab_C-d", "é", "a b",
		"1h", "1h 30m", "90", "1.5h", "2µs", "3 ns", "ten", "1h30m!", " "} {
		if got, want := isDirectiveName(s), name.MatchString(s); got != want {
			t.Errorf("isDirectiveName(%q) = %v, want %v", s, got, want)
		}
		if got, want := durationDigits(s), digits.MatchString(s); got != want {
			t.Errorf("durationDigits(%q) = %v, want %v", s, got, want)
		}
	}
}
