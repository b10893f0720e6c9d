package tui

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Issue 5: a presenting program left alone must not wake up. Upstream
// bubbletea v2.1.1 runs its renderer on a 60 Hz ticker for the program's
// whole life; third_party/bubbletea (see its PATCHES.md) draws on demand.
// These tests count writes and wake-ups, never time how fast anything is;
// the durations below only bound a failure.

// countingWriter is a program's output: it keeps every byte and counts the
// writes (a frame is one write).
type countingWriter struct {
	mu     sync.Mutex
	writes int
	buf    bytes.Buffer
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.writes++
	return w.buf.Write(p)
}

// state returns the number of writes so far and the bytes written.
func (w *countingWriter) state() (writes, size int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.writes, w.buf.Len()
}

// since returns what was written from byte from on, escape codes and all.
func (w *countingWriter) since(from int) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()[min(from, w.buf.Len()):]
}

// shows reports whether the text written from byte from on, escape codes
// removed, contains every one of texts.
func (w *countingWriter) shows(from int, texts ...string) bool {
	screen := ansi.Strip(w.since(from))
	for _, s := range texts {
		if !strings.Contains(screen, s) {
			return false
		}
	}
	return true
}

// bubbleteaWakeups is how many times so far a goroutine blocked inside
// bubbletea (renderer loop, event loop, command runner) has been woken, read
// from the block profile. It needs runtime.SetBlockProfileRate(1).
func bubbleteaWakeups() int64 {
	recs := make([]runtime.BlockProfileRecord, 64)
	for {
		n, ok := runtime.BlockProfile(recs)
		if ok {
			recs = recs[:n]
			break
		}
		recs = make([]runtime.BlockProfileRecord, n+64)
	}
	var total int64
	for _, r := range recs {
		frames := runtime.CallersFrames(r.Stack())
		for {
			f, more := frames.Next()
			if strings.HasPrefix(f.Function, "charm.land/bubbletea/v2.") {
				total += r.Count
				break
			}
			if !more {
				break
			}
		}
	}
	return total
}

// eventually polls cond every 10 ms for up to 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("gave up waiting for %s", what)
}

// runProgram runs model the way Run does, at 120x40 with out as the
// terminal, until the test ends.
func runProgram(t *testing.T, model tea.Model, fps int) (*tea.Program, *countingWriter) {
	t.Helper()
	out := &countingWriter{}
	ctx, cancel := context.WithCancel(context.Background())
	p := tea.NewProgram(model, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(out),
		tea.WithFPS(fps), tea.WithWindowSize(120, 40), tea.WithoutSignalHandler(),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	done := make(chan struct{})
	go func() { defer close(done); _, _ = p.Run() }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the program did not stop")
		}
	})
	return p, out
}

func TestIdleProgramNeitherWritesNorWakes(t *testing.T) {
	runtime.SetBlockProfileRate(1)
	defer runtime.SetBlockProfileRate(0)

	m, err := New(Options{Deck: openTestDeck(t), Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	p, out := runProgram(t, m, 0)
	eventually(t, "the first slide", func() bool { return out.shows(0, "铲子测试", "1 / 13") })

	// Let start-up finish (slides rendered ahead, the terminal's replies):
	// quiet means 300 ms without a write or a wake-up. The upstream ticker
	// never goes quiet, so this gives up after 3 s and the checks fail.
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); {
		w0, _ := out.state()
		k0 := bubbleteaWakeups()
		time.Sleep(300 * time.Millisecond)
		if w, _ := out.state(); w == w0 && bubbleteaWakeups() == k0 {
			break
		}
	}

	writes0, size0 := out.state()
	wakeups0 := bubbleteaWakeups()
	time.Sleep(500 * time.Millisecond)
	writes1, _ := out.state()
	wakeups1 := bubbleteaWakeups()
	if writes1 != writes0 {
		t.Errorf("idle for 500 ms, the program wrote %d times; want 0", writes1-writes0)
	}
	if wakeups1 != wakeups0 {
		t.Errorf("idle for 500 ms, bubbletea's goroutines woke %d times; want 0 (a renderer that polls?)", wakeups1-wakeups0)
	}

	// After the idle spell a key press still gets its frame.
	p.Send(keyMsg("right"))
	eventually(t, "slide 2 after a key press", func() bool { return out.shows(size0, "为什么需要铲") })

	// Quitting still flushes the last frame and leaves the alt screen.
	p.Send(keyMsg("q"))
	p.Wait()
	if !strings.Contains(out.since(size0), ansi.ResetModeAltScreenSaveCursor) {
		t.Error("after quitting, the program did not leave the alt screen")
	}
}

// counter is the smallest model that draws something new on every message.
type counter struct{ n int }

type bump struct{}

func (c counter) Init() tea.Cmd { return nil }

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(bump); ok {
		c.n++
	}
	return c, nil
}

func (c counter) View() tea.View { return tea.NewView(fmt.Sprintf("count %d", c.n)) }

// Rendering on demand must still cap frames at the frame rate: a burst of
// messages makes at most one frame per frame interval, plus the first.
func TestBurstIsCappedAtFrameRate(t *testing.T) {
	const fps = 10
	p, out := runProgram(t, counter{}, fps)
	eventually(t, "the first frame", func() bool { return out.shows(0, "count 0") })
	time.Sleep(300 * time.Millisecond) // let start-up's frames pass

	writes0, _ := out.state()
	start := time.Now()
	const burst = 100
	for range burst {
		p.Send(bump{})
	}
	time.Sleep(time.Second / fps) // the burst's last frame
	elapsed := time.Since(start)
	writes1, _ := out.state()

	frames := writes1 - writes0
	limit := 2 + int(elapsed/(time.Second/fps))
	if frames == 0 || frames > limit {
		t.Errorf("%d messages in %v made %d frames; want 1 to %d at %d fps", burst, elapsed, frames, limit, fps)
	}
}

// Issue 15: with the terminal's size known up front (Options.Width), New
// typesets the first page itself, and the renderer draws the initial view
// at once instead of a frame interval in. At 1 frame a second upstream's
// first frame came a second after start; the bound below is half of that.
func TestFirstFrameNeedsNoMessageAndNoFrameInterval(t *testing.T) {
	m, err := New(Options{Deck: openTestDeck(t), Theme: "notty", Width: 120, Height: 40})
	if err != nil {
		t.Fatal(err)
	}
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "铲子测试") || !strings.Contains(v, "1 / 13") {
		t.Fatalf("before any message the view is %q, want the first slide", v)
	}
	start := time.Now()
	_, out := runProgram(t, m, 1)
	for !out.shows(0, "铲子测试", "1 / 13") {
		if time.Since(start) > 500*time.Millisecond {
			t.Fatal("no first frame within half a frame interval at 1 fps")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The first WindowSizeMsg repeats the size the renderer started with;
// upstream resized again on it, which in the alt screen erases and redraws
// the whole screen: every start drew the first slide twice.
func TestStartDrawsTheScreenOnce(t *testing.T) {
	m, err := New(Options{Deck: openTestDeck(t), Theme: "notty", Width: 120, Height: 40})
	if err != nil {
		t.Fatal(err)
	}
	_, out := runProgram(t, m, 0)
	eventually(t, "the first slide", func() bool { return out.shows(0, "铲子测试", "1 / 13") })
	time.Sleep(300 * time.Millisecond) // the size message, pages rendered ahead, replies
	if n := strings.Count(out.since(0), ansi.EraseEntireScreen); n != 1 {
		t.Errorf("the screen was erased %d times at start, want 1", n)
	}
}

// A colour profile detected after the first frame (Colours.Final) that
// differs from the one the frame was drawn with is applied and the screen
// repainted, even when bubbletea's own start message comes after it.
func TestLateColourProfileRepaints(t *testing.T) {
	isProfile := func(cmd tea.Cmd, p colorprofile.Profile) bool {
		if cmd == nil {
			return false
		}
		msg, ok := cmd().(tea.ColorProfileMsg)
		return ok && msg.Profile == p
	}
	isClear := func(cmd tea.Cmd) bool { return cmd != nil && fmt.Sprint(cmd()) == fmt.Sprint(tea.ClearScreen()) }
	newModel := func() *Model {
		m, err := New(Options{Deck: openTestDeck(t), Theme: "dark", Width: 120, Height: 40})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	final := finalColoursMsg{start: colorprofile.ANSI256, final: colorprofile.TrueColor}

	m := newModel() // the usual order: start profile, then the detection
	if cmd := m.colourProfile(colorprofile.ANSI256); cmd != nil {
		t.Fatal("the first profile bubbletea tells repaints")
	}
	if cmd := m.finalColours(final); !isProfile(cmd, colorprofile.TrueColor) {
		t.Fatal("the detection is not handed to bubbletea")
	}
	if cmd := m.colourProfile(colorprofile.TrueColor); !isClear(cmd) {
		t.Fatal("a new profile does not repaint")
	}

	m = newModel() // the detection first, bubbletea's start message late
	if cmd := m.finalColours(final); !isProfile(cmd, colorprofile.TrueColor) {
		t.Fatal("the detection is not handed to bubbletea")
	}
	m.colourProfile(colorprofile.TrueColor)
	if cmd := m.colourProfile(colorprofile.ANSI256); !isProfile(cmd, colorprofile.TrueColor) {
		t.Fatal("a late start message overrides the detection")
	}

	m = newModel() // the same profile: nothing to do
	m.colourProfile(colorprofile.ANSI256)
	if cmd := m.colourProfile(colorprofile.ANSI256); cmd != nil {
		t.Fatal("the same profile repaints")
	}
}
