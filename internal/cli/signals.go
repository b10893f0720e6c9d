package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// SignalError means a command was stopped by a signal after cleaning up
// (the terminal restored, a half-written file removed): exit 128+signal,
// as a shell reports a process killed by it.
type SignalError struct{ Signal syscall.Signal }

func (e *SignalError) Error() string {
	return fmt.Sprintf("stopped by signal %d (%v)", int(e.Signal), e.Signal)
}

// Code is the exit status: 130 for SIGINT, 129 SIGHUP, 131 SIGQUIT, 143 SIGTERM.
func (e *SignalError) Code() int { return 128 + int(e.Signal) }

// stopSignals are the catchable signals that end a command: a terminal
// closed (HUP), kill (TERM), ctrl+\ (QUIT, which would otherwise dump the
// goroutines over the talk) and ctrl+c when the terminal is not in raw mode.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signalContext returns a context cancelled by the first stop signal, with
// a *SignalError as its cause. stop ends the catching.
func signalContext(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			sig, _ := s.(syscall.Signal)
			cancel(&SignalError{Signal: sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// stoppedBy returns the signal error that cancelled ctx, or nil.
func stoppedBy(ctx context.Context) error {
	var se *SignalError
	if errors.As(context.Cause(ctx), &se) {
		return se
	}
	return nil
}

// earlySignals is signalContext started in a goroutine. The first
// signal.Notify of a process starts the runtime's signal thread and waits
// for it once per signal: 1.1–2.3 ms of the first frame when it came
// between typesetting slide 1 and starting the program (time stamps in a
// throw-away build, 10 runs). Started just before the model is built, it
// overlaps that work instead. A stop signal meanwhile is caught and ends
// the command before the screen is taken (runFullScreen).
type earlySignals struct {
	done chan struct{}
	ctx  context.Context
	stop func()
}

func startSignals() *earlySignals {
	s := &earlySignals{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.ctx, s.stop = signalContext(context.Background())
	}()
	return s
}

// context waits for the catching to be in place.
func (s *earlySignals) context() context.Context {
	<-s.done
	return s.ctx
}

// release ends the catching, on every path out of the command.
func (s *earlySignals) release() {
	<-s.done
	s.stop()
}
