package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"shovel/deck"
	"shovel/internal/tui/nav"
)

// Every binding of KeyMap is a named action (Count, the digits, is not
// rebindable), and no two actions share a name.
func TestActionsCoverTheKeyMap(t *testing.T) {
	km := DefaultKeyMap()
	names := map[string]bool{}
	bound := map[any]bool{}
	for _, a := range km.Actions() {
		if names[a.Name] {
			t.Errorf("action %q twice", a.Name)
		}
		names[a.Name] = true
		bound[a.Binding] = true
	}
	v := reflect.ValueOf(&km).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Name == "Count" {
			continue
		}
		if !bound[v.Field(i).Addr().Interface()] {
			t.Errorf("KeyMap.%s has no action", f.Name)
		}
	}
}

// Help names the keys that are bound: rebinding a key changes the help
// overlay, the docs text and the one-line hints.
func TestHelpFollowsTheBindings(t *testing.T) {
	km := DefaultKeyMap()
	km.Next.SetKeys("x", "right")
	km.FirstChord.SetKeys("a")
	km.Choose.SetKeys("ctrl+o")
	km.SetHelp()
	for _, c := range []struct{ got, want string }{
		{km.Next.Help().Key, "x →"},
		{km.First.Help().Key, "a a  home"},
		{km.Count.Help().Key, "12 ctrl+o  12 G  12 end"},
	} {
		if c.got != c.want {
			t.Errorf("help key = %q, want %q", c.got, c.want)
		}
	}
	if md := KeysMarkdown(km); !strings.Contains(md, "| `x →` | next step or slide |") {
		t.Errorf("docs do not show the rebound key:\n%s", md)
	}

	d, err := deck.Parse("t.md", []byte("# 一\n\n---\n\n# 二\n\n---\n\n# 三\n"))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, d, 100, 30, func(o *Options) { o.Keys = &km })
	h.keys("x").at(1, 0)
	h.keys("a a").at(0, 0)
	h.keys("3")
	h.contains("go to slide 3… (ctrl+o or G or end)")
	h.send(keyMsg("ctrl+o"))
	h.at(2, 0)
	h.keys("?")
	h.contains("x →")
	h.keys("esc tab")
	h.contains("ctrl+o jumps")
}

// ctrl+d and ctrl+u move the notes by half their pane, as in a pager.
func TestNotesScrollHalfAPage(t *testing.T) {
	long := "# 一\n\n正文\n\n<!-- speaker_note:\n" + strings.Repeat("备注的一行。\n", 150) + "-->\n"
	d, err := deck.Parse("long.md", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, d, 100, 30, func(o *Options) { o.Presenter = true })
	h.contains("NOTES 1–15/")
	h.keys("ctrl+d")
	h.contains("NOTES 8–22/")
	h.keys("ctrl+d ctrl+u")
	h.contains("NOTES 8–22/")
}

// No key is compared as a string outside the keymap: a literal would
// ignore the config file's bindings.
func TestNoKeyLiteralsOutsideTheKeyMap(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`\.String\(\) == "|"(ctrl\+[a-z]|pgdown|pgup|esc|enter)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "keys.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if literal.MatchString(line) {
				t.Errorf("%s:%d: key literal: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// → on a slide taller than the screen shows the rest of it before moving
// on, in the audience view and in the presenter view.
func TestNextScrollsATallSlideFirst(t *testing.T) {
	for _, presenter := range []bool{false, true} {
		h := newHarness(t, openTestDeck(t), 80, 24, func(o *Options) { o.Presenter = presenter })
		h.keys("5 G")
		h.lacks("40. 第40行")
		sawBottom, presses := false, 0
		for h.m.Position().Slide == 4 && presses < 20 {
			sawBottom = sawBottom || strings.Contains(h.view(), "40. 第40行")
			h.keys("right")
			presses++
		}
		if !sawBottom || h.m.Position() != (nav.State{Slide: 5}) {
			t.Errorf("presenter=%v: left slide 5 for %+v after %d presses, bottom seen: %v", presenter, h.m.Position(), presses, sawBottom)
		}
	}
}

// The config file's timer: immediately starts the clock before any key;
// its ambiguous width applies when the deck sets none.
func TestConfigOptions(t *testing.T) {
	d := parseDeck(t, "# 一\n\n“引号”\n")
	h := newHarness(t, d, 100, 30, func(o *Options) { o.StartTimer = true; o.Presenter = true })
	if !h.m.timer.Started {
		t.Error("StartTimer did not start the clock")
	}
	h.lacks("starts on the first move")
	h = newHarness(t, d, 100, 30, func(o *Options) { o.AmbiguousWidth = 2 })
	if got := h.m.c.Cells.Width("“"); got != 2 {
		t.Errorf("“ measures %d cells with AmbiguousWidth 2", got)
	}
	d2 := parseDeck(t, "---\nambiguous_width: 1\n---\n\n# 一\n")
	h = newHarness(t, d2, 100, 30, func(o *Options) { o.AmbiguousWidth = 2 })
	if got := h.m.c.Cells.Width("“"); got != 1 {
		t.Errorf("the deck's ambiguous_width: 1 lost to the default: “ is %d cells", got)
	}
}
