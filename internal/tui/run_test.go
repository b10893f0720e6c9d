package tui

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Run detects the colours in full once the first frame is out, and quits
// when its context is cancelled, returning the cause.
func TestRunDetectsColoursLaterAndQuitsOnCancel(t *testing.T) {
	m, in, colours, detected := runSetup(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	stopped := errors.New("stopped by a signal")
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- Run(ctx, m, in, io.Discard, 0, colours) }()
	select {
	case <-detected:
		if since := time.Since(start); since < fullColoursAfter {
			t.Errorf("full colour detection after %v, want at least %v", since, fullColoursAfter)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the full colour detection never ran")
	}
	cancel(stopped)
	cancelled := time.Now()
	select {
	case err := <-done:
		if !errors.Is(err, stopped) {
			t.Errorf("Run returned %v, want the cancel's cause", err)
		}
		// The ordinary quit, not the kill that follows quitGrace later.
		if since := time.Since(cancelled); since >= quitGrace {
			t.Errorf("Run returned %v after the cancel: killed, not quit", since)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after its context was cancelled")
	}
}

// A program that ends first never runs the full detection.
func TestRunEndsBeforeTheColourDetection(t *testing.T) {
	m, in, colours, detected := runSetup(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("stopped at once"))
	if err := Run(ctx, m, in, io.Discard, 0, colours); err == nil {
		t.Fatal("Run returned nil for a cancelled context")
	}
	select {
	case <-detected:
		t.Error("the full colour detection ran after Run returned")
	case <-time.After(2 * fullColoursAfter):
	}
}

// runSetup is a model for Run, a terminal input that never sends a key,
// and colours whose full detection reports on detected.
func runSetup(t *testing.T) (*Model, io.Reader, *Colours, chan struct{}) {
	t.Helper()
	detected := make(chan struct{}, 1)
	colours := &Colours{Start: colorprofile.ANSI256, Full: func() colorprofile.Profile {
		detected <- struct{}{}
		return colorprofile.TrueColor
	}}
	in, keys := io.Pipe()
	t.Cleanup(func() { keys.Close() })
	return newHarness(t, openTestDeck(t), 80, 24).m, in, colours, detected
}

// With the colours known, Run paints the first frame before bubbletea
// starts, and bubbletea neither enters the alternate screen a second time
// (xterm would save the cursor again and restore the wrong one) nor leaves
// it more than once.
func TestRunPaintsTheFirstFrameFirst(t *testing.T) {
	m, in, colours, _ := runSetup(t)
	out := &writes{}
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, m, in, out, 0, colours) }()
	time.Sleep(50 * time.Millisecond)
	cancel(errors.New("stopped"))
	<-done
	out.mu.Lock()
	defer out.mu.Unlock()
	if len(out.chunks) == 0 || !strings.HasPrefix(out.chunks[0], ansi.SetModeAltScreenSaveCursor) ||
		!strings.Contains(out.chunks[0], "1 / ") {
		t.Fatalf("the first write is not the painted frame: %q", out.chunks)
	}
	all := strings.Join(out.chunks, "")
	if enter, leave := strings.Count(all, ansi.SetModeAltScreenSaveCursor), strings.Count(all, ansi.ResetModeAltScreenSaveCursor); enter != 1 || leave != 1 {
		t.Errorf("the alternate screen was entered %d times and left %d times, want once each", enter, leave)
	}
}
