package tui

import (
	"strings"
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

// The presenter view's body is cached between Views; a search marks and
// unmarks the current slide there too, and the notes scroll.
func TestPresenterBodyFollowsSearchAndScroll(t *testing.T) {
	d := parseDeck(t, "# 甲\n\n第一页\n\n---\n\n# 乙\n\n铲子在这里，铲子在那里\n\n<!-- speaker_note:\n"+
		strings.Repeat("note line\n", 60)+"last note line\n-->\n")
	h := newHarness(t, d, 120, 40, func(o *Options) { o.Theme = "dark"; o.Presenter = true })
	h.keys("/")
	h.typeText("铲子")
	h.keys("enter").at(1, 0)
	h.contains("\x1b[7m铲子\x1b[27m在这里")
	h.keys("esc")
	h.lacks("\x1b[7m铲子")
	h.lacks("last note line")
	for range 30 {
		h.keys("J")
	}
	h.contains("last note line")
}
