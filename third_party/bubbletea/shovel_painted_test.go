package tea

// shovel: this file is not upstream's: tests of WithScreenPainted
// (shovel_painted.go).

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// shovelLockedBuffer collects what the program writes, from any goroutine.
type shovelLockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *shovelLockedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *shovelLockedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// shovelAltModel draws one line, in the alternate screen or not, and quits
// on q; panicView makes its View panic.
type shovelAltModel struct {
	alt       bool
	panicView bool
}

func (m *shovelAltModel) Init() Cmd { return nil }

func (m *shovelAltModel) Update(msg Msg) (Model, Cmd) {
	if k, ok := msg.(KeyPressMsg); ok && k.String() == "q" {
		return m, Quit
	}
	return m, nil
}

func (m *shovelAltModel) View() View {
	if m.panicView {
		panic("no view")
	}
	v := NewView("the slide")
	v.AltScreen = m.alt
	return v
}

// shovelRunPainted runs m until it quits on q (sent after 20 ms) and
// returns what it wrote and Run's error.
func shovelRunPainted(t *testing.T, m Model, opts ...ProgramOption) (string, error) {
	t.Helper()
	out := &shovelLockedBuffer{}
	err := shovelRunPaintedTo(t, out, m, opts...)
	return out.String(), err
}

func shovelRunPaintedTo(t *testing.T, out *shovelLockedBuffer, m Model, opts ...ProgramOption) error {
	t.Helper()
	r := &shovelChanReader{data: make(chan []byte), cancelled: make(chan struct{})}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	opts = append([]ProgramOption{WithContext(ctx), WithInput(shovelCancelInput{t, r}), WithOutput(out),
		WithWindowSize(80, 24), WithoutCatchPanics()}, opts...)
	p := NewProgram(m, opts...)
	go func() {
		time.Sleep(20 * time.Millisecond)
		select {
		case r.data <- []byte("q"):
		case <-ctx.Done():
		}
	}()
	_, err := p.Run()
	return err
}

// TestShovelPaintedScreenIsNotEnteredAgain: with WithScreenPainted the
// program draws its first frame without entering the alternate screen
// (it is there already), and leaves it once on quitting, as upstream.
func TestShovelPaintedScreenIsNotEnteredAgain(t *testing.T) {
	for _, painted := range []bool{false, true} {
		var opts []ProgramOption
		if painted {
			opts = append(opts, WithScreenPainted())
		}
		out, err := shovelRunPainted(t, &shovelAltModel{alt: true}, opts...)
		if err != nil {
			t.Fatal(err)
		}
		enter, leave := strings.Count(out, ansi.SetModeAltScreenSaveCursor), strings.Count(out, ansi.ResetModeAltScreenSaveCursor)
		wantEnter := 1
		if painted {
			wantEnter = 0
		}
		if enter != wantEnter || leave != 1 {
			t.Errorf("painted=%v: the alternate screen entered %d times and left %d times, want %d and 1; output %q",
				painted, enter, leave, wantEnter, out)
		}
		if !strings.Contains(out, "the slide") {
			t.Errorf("painted=%v: the first frame was not drawn: %q", painted, out)
		}
	}
}

// TestShovelPaintedScreenLeftForAnInlineView: a program whose first view is
// not in the alternate screen leaves the one painted before drawing it.
func TestShovelPaintedScreenLeftForAnInlineView(t *testing.T) {
	out, err := shovelRunPainted(t, &shovelAltModel{alt: false}, WithScreenPainted())
	if err != nil {
		t.Fatal(err)
	}
	leave, frame := strings.Index(out, ansi.ResetModeAltScreenSaveCursor), strings.Index(out, "the slide")
	if leave < 0 || frame < 0 || leave > frame {
		t.Errorf("the painted alternate screen was not left before the inline frame (at %d, frame at %d): %q", leave, frame, out)
	}
	if n := strings.Count(out, ansi.SetModeAltScreenSaveCursor); n != 0 {
		t.Errorf("an inline program entered the alternate screen %d times: %q", n, out)
	}
}

// TestShovelPaintedScreenLeftWhenNoFrameIsDrawn: when Run ends before the
// program has drawn anything (here its View panics), the painted alternate
// screen is left and the cursor shown; without the option nothing is
// written for it.
func TestShovelPaintedScreenLeftWhenNoFrameIsDrawn(t *testing.T) {
	for _, painted := range []bool{false, true} {
		buf := &shovelLockedBuffer{}
		func() {
			defer func() { _ = recover() }()
			var opts []ProgramOption
			if painted {
				opts = append(opts, WithScreenPainted())
			}
			_ = shovelRunPaintedTo(t, buf, &shovelAltModel{alt: true, panicView: true}, opts...)
		}()
		out := buf.String()
		restored := strings.HasSuffix(out, ansi.ResetModeAltScreenSaveCursor+ansi.ShowCursor)
		if restored != painted {
			t.Errorf("painted=%v: output ends %q; want the alternate screen left: %v", painted, out, painted)
		}
	}
}
