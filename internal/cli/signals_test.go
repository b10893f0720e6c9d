package cli

import (
	"errors"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// A stop signal that arrives while the model is still being built (the
// catching starts early, startSignals) ends the command with 128+signal,
// and the screen is never taken.
func TestSignalBeforeTheScreenIsTakenStopsTheCommand(t *testing.T) {
	sig := startSignals()
	defer sig.release()
	ctx := sig.context()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGHUP did not cancel the context")
	}
	// A nil model: runFullScreen must return before it would use it.
	err := runFullScreen(ctx, &IOStreams{}, nil, nil, 0, nil)
	var se *SignalError
	if !errors.As(err, &se) || se.Signal != syscall.SIGHUP || se.Code() != 129 {
		t.Fatalf("runFullScreen = %v, want stopped by SIGHUP (exit 129)", err)
	}
}

// onePAfter switches to one P after its delay, and its undo puts the
// previous count back, also when the switch has not happened yet.
func TestOnePAfter(t *testing.T) {
	prev := runtime.GOMAXPROCS(0)
	undo := onePAfter(10 * time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for runtime.GOMAXPROCS(0) != 1 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.GOMAXPROCS(0); n != 1 {
		t.Errorf("GOMAXPROCS = %d after the delay, want 1", n)
	}
	undo()
	if n := runtime.GOMAXPROCS(0); n != prev {
		t.Errorf("GOMAXPROCS = %d after undo, want %d", n, prev)
	}
	onePAfter(time.Hour)()
	if n := runtime.GOMAXPROCS(0); n != prev {
		t.Errorf("GOMAXPROCS = %d after undoing a switch not yet made, want %d", n, prev)
	}
}
