package tui

import "testing"

// A notice from the start (a replaced theme) is shown in the footer until
// the first key.
func TestStartNotice(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30, func(o *Options) { o.Notice = "theme gaia: default used" })
	h.contains("theme gaia: default used")
	h.keys("right")
	h.lacks("theme gaia: default used")
}
