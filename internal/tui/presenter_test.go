package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"shovel/deck"
)

func TestPresenterView(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30)
	h.keys("P")
	if h.m.Mode() != "presenter" {
		t.Fatalf("mode = %s", h.m.Mode())
	}
	h.contains("PRESENTER")
	h.contains("开场：先问听众一个问题。") // notes of slide 1
	h.contains("NEXT — 2. 为什么需要铲？")
	h.contains("14:00:00") // the wall clock
	h.contains("clock not started")
	h.keys("right")
	h.contains("NEXT — step 2/3 of this slide")
	h.contains("三个要点，一个一个地揭示。")
	h.keys("G")
	h.contains("END — last slide")
	h.keys("P")
	if h.m.Mode() != "present" {
		t.Fatalf("P again: mode = %s", h.m.Mode())
	}
	h.lacks("三个要点")
}

func TestPresenterFlagStartsInIt(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 160, 45, func(o *Options) { o.Presenter = true })
	h.contains("PRESENTER")
	checkFits(t, h, 160, 45)
}

// Notes never show in the audience view.
func TestNotesStayOffTheAudienceScreen(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 160, 45)
	for i := 0; i < 20; i++ {
		h.lacks("开场")
		h.lacks("三个要点")
		h.lacks("不要给投资建议")
		h.keys("right")
	}
}

func TestTimerAndPace(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30, func(o *Options) { o.Presenter = true })
	h.clock.advance(5 * time.Minute) // sitting on the title before starting
	h.keys("right")                  // first move starts the timer
	if !h.m.timer.Running {
		t.Fatal("the first move did not start the timer")
	}
	h.clock.advance(20 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	// Slide 2 is planned from 0:30 to 1:30; 0:20 in is ahead.
	h.contains("⏱ 0:20")
	h.contains("ahead 0:10 — slow down")
	h.contains("9:40 left")
	h.clock.advance(60 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("on time")
	h.clock.advance(40 * time.Second) // 2:00, past the slide's 1:30 end
	h.send(tickMsg{h.m.tickGen})
	h.contains("behind 0:30 — hurry up")
	h.keys("t") // pause
	h.clock.advance(time.Hour)
	h.send(tickMsg{h.m.tickGen})
	h.contains("⏸ 2:00 paused")
	h.keys("t")
	h.clock.advance(10 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("⏱ 2:10")
	h.keys("T")
	h.contains("⏱ 0:00 clock not started — starts on the next step")
	h.keys("right")
	h.clock.advance(3 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("⏱ 0:03")
}

// The clock ticks only while the presenter view shows: an idle audience
// view schedules nothing.
func TestTicksOnlyInPresenterView(t *testing.T) {
	m, err := New(Options{Deck: openTestDeck(t), Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	ticks := 0
	m.tick = func(gen int) tea.Cmd { ticks++; return func() tea.Msg { return tickMsg{gen} } }
	if cmd := m.Init(); cmd != nil {
		t.Fatalf("the audience view starts with a command: %T", cmd())
	}
	m.Update(size(80, 24))
	if ticks != 0 {
		t.Fatalf("%d ticks scheduled in the audience view", ticks)
	}
	m.Update(keyMsg("P"))
	if ticks != 1 {
		t.Fatalf("P scheduled %d ticks, want 1", ticks)
	}
	if _, cmd := m.Update(tickMsg{m.tickGen}); cmd == nil || ticks != 2 {
		t.Fatal("a tick in the presenter view does not schedule the next")
	}
	old := m.tickGen
	m.Update(keyMsg("P"))
	if _, cmd := m.Update(tickMsg{old}); cmd != nil || ticks != 2 {
		t.Fatal("the tick loop goes on after leaving the presenter view")
	}
	// Toggling quickly must not leave two loops running.
	m.Update(keyMsg("P"))
	m.Update(keyMsg("P"))
	m.Update(keyMsg("P"))
	live := 0
	for gen := old; gen <= m.tickGen; gen++ {
		if _, cmd := m.Update(tickMsg{gen}); cmd != nil {
			live++
		}
	}
	if live != 1 {
		t.Fatalf("%d tick loops alive, want 1", live)
	}
}

func TestNotesScroll(t *testing.T) {
	long := "# 一\n\n正文\n\n<!-- speaker_note:\n" + strings.Repeat("备注的一行。\n", 60) + "最后一行备注。\n-->\n"
	d, err := deck.Parse("long.md", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, d, 100, 30, func(o *Options) { o.Presenter = true })
	h.lacks("最后一行备注。")
	h.contains("J K scroll")
	for i := 0; i < 30; i++ {
		h.keys("J")
	}
	h.contains("最后一行备注。")
	h.keys("ctrl+u")
	h.lacks("最后一行备注。")
}

func TestMouse(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown}).at(1, 0)
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft}).at(1, 1)
	h.send(tea.MouseClickMsg{Button: tea.MouseRight}).at(1, 0)
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp}).at(0, 0)
	h.keys("b")
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft}).at(0, 0)
	if h.m.Mode() != "present" {
		t.Fatal("a click on the blank screen did not bring the slides back")
	}
}

func TestQuitSuspendAndView(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	v := h.m.View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("View: AltScreen %v, MouseMode %v", v.AltScreen, v.MouseMode)
	}
	if _, cmd := h.m.Update(keyMsg("ctrl+z")); cmd == nil {
		t.Error("ctrl+z does not suspend")
	} else if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Error("ctrl+z does not suspend")
	}
	h.keys("tab ctrl+c") // ctrl+c quits even from an overlay
	if !h.quit {
		t.Error("ctrl+c did not quit")
	}
	h2 := newHarness(t, openTestDeck(t), 80, 24)
	h2.keys("q")
	if !h2.quit {
		t.Error("q did not quit")
	}
}

// With theme auto the chrome starts dark; a light terminal background
// switches it (and the slides) to light.
func TestAutoTheme(t *testing.T) {
	m, err := New(Options{Deck: openTestDeck(t), Theme: "auto"})
	if err != nil {
		t.Fatal(err)
	}
	m.Update(size(80, 24))
	if m.theme != "dark" {
		t.Fatalf("auto starts as %s", m.theme)
	}
	gen := m.gen
	_, cmd := m.Update(tea.BackgroundColorMsg{Color: lightColor{}})
	if m.theme != "light" || m.gen == gen || cmd == nil {
		t.Fatalf("a light background: theme %s, renderer replaced %v, render command %v", m.theme, m.gen != gen, cmd != nil)
	}
	// A fixed theme ignores the terminal.
	m2, _ := New(Options{Deck: openTestDeck(t), Theme: "notty"})
	m2.Update(tea.BackgroundColorMsg{Color: lightColor{}})
	if m2.theme != "notty" {
		t.Fatalf("notty became %s", m2.theme)
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }
