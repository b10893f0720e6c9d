package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/follow"
	"shovel/slides"
)

// clock is a settable clock for deterministic timers.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time            { return c.t }
func (c *clock) advance(d time.Duration)   { c.t = c.t.Add(d) }
func newClock() *clock                     { return &clock{t: time.Date(2026, 11, 29, 14, 0, 0, 0, time.UTC)} }
func openTestDeck(t testing.TB) *deck.Deck { return openDeckFile(t, "testdata/talk.md") }

// openBuiltinDeck is the built-in deck, as `shovel` presents it.
func openBuiltinDeck(t testing.TB) *deck.Deck {
	t.Helper()
	d, err := deck.OpenFS(slides.FS(), ".", "slides")
	if err != nil {
		t.Fatal(err)
	}
	return d
}
func size(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func openDeckFile(t testing.TB, path string) *deck.Deck {
	t.Helper()
	d, err := deck.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if d.Diagnostics.HasErrors() {
		t.Fatalf("%s has errors: %v", path, d.Diagnostics)
	}
	return d
}

// keyMsg builds the key press a terminal sends for a key name as
// key.Binding spells it ("right", "ctrl+n", "G", "space", "12" is not one).
func keyMsg(s string) tea.KeyPressMsg {
	named := map[string]rune{
		"right": tea.KeyRight, "left": tea.KeyLeft, "up": tea.KeyUp, "down": tea.KeyDown,
		"enter": tea.KeyEnter, "space": tea.KeySpace, "tab": tea.KeyTab, "esc": tea.KeyEscape,
		"backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if r, ok := named[s]; ok {
		k := tea.KeyPressMsg{Code: r}
		if r == tea.KeySpace {
			k.Text = " "
		}
		return k
	}
	if c, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	k := tea.KeyPressMsg{Code: r, Text: s}
	if r >= 'A' && r <= 'Z' {
		k.Code, k.ShiftedCode, k.Mod = r+('a'-'A'), r, tea.ModShift
	}
	return k
}

// harness drives a Model as the program would, but synchronously: every
// command a message returns is run and its messages fed back, except the
// clock tick and the file watcher, which would wait.
type harness struct {
	t     testing.TB
	m     *Model
	clock *clock
	quit  bool
	// viewEach calls View after every Update, as the program does.
	viewEach bool
}

func newHarness(t testing.TB, d *deck.Deck, w, h int, mutate ...func(*Options)) *harness {
	t.Helper()
	c := newClock()
	opts := Options{Deck: d, Theme: "notty", Now: c.Now}
	for _, f := range mutate {
		f(&opts)
	}
	m, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	m.tick = func(int) tea.Cmd { return nil }
	// The socket's messages are delivered by the test (follow_test.go).
	m.share.wait = func(*follow.Server) tea.Cmd { return nil }
	if m.fl != nil {
		m.fl.listen = func(*follow.Client) tea.Cmd { return nil }
	}
	hs := &harness{t: t, m: m, clock: c}
	hs.run(m.Init())
	hs.send(size(w, h))
	return hs
}

func (h *harness) send(msgs ...tea.Msg) *harness {
	for _, msg := range msgs {
		_, cmd := h.m.Update(msg)
		if h.viewEach {
			_ = h.m.View()
		}
		h.run(cmd)
	}
	return h
}

// keys sends key presses given as binding names separated by spaces.
func (h *harness) keys(names string) *harness {
	for _, n := range strings.Fields(names) {
		h.send(keyMsg(n))
	}
	return h
}

// typeText sends each character of s as a key press.
func (h *harness) typeText(s string) *harness {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return h
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	case changeMsg, tickMsg:
	default:
		h.send(msg)
	}
}

func (h *harness) view() string { return h.m.View().Content }

func (h *harness) at(slide, step int) {
	h.t.Helper()
	if p := h.m.Position(); p.Slide != slide || p.Step != step {
		h.t.Fatalf("position = slide %d step %d, want slide %d step %d", p.Slide+1, p.Step+1, slide+1, step+1)
	}
}

func (h *harness) contains(s string) {
	h.t.Helper()
	if v := h.view(); !strings.Contains(v, s) {
		h.t.Fatalf("screen lacks %q:\n%s", s, v)
	}
}

func (h *harness) lacks(s string) {
	h.t.Helper()
	if v := h.view(); strings.Contains(v, s) {
		h.t.Fatalf("screen shows %q:\n%s", s, v)
	}
}
