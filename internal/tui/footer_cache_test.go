package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The audience footer is cached between Views; a theme switch must not
// leave the old theme's colours on it.
func TestFooterFollowsThemeSwitch(t *testing.T) {
	theme := func(name string) func(*Options) { return func(o *Options) { o.Theme = name } }
	h := newHarness(t, openTestDeck(t), 80, 24, theme("auto")).keys("right")
	dark := lastLine(h.view())
	h.send(tea.BackgroundColorMsg{Color: lightColor{}})
	got := lastLine(h.view())
	want := lastLine(newHarness(t, openTestDeck(t), 80, 24, theme("light")).keys("right").view())
	if got != want || got == dark {
		t.Fatalf("footer after switching to light:\n%q\nwant\n%q\n(dark was %q)", got, want, dark)
	}
}
