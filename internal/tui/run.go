package tui

import (
	"context"
	"errors"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"
)

// ErrInterrupted is returned by Run when the program was interrupted by a
// signal rather than quit by the speaker.
var ErrInterrupted = errors.New("interrupted")

// quitGrace is how long a cancelled program gets to quit cleanly before it
// is killed.
const quitGrace = 2 * time.Second

// Run presents until the speaker quits or ctx is cancelled. in and out are
// the terminal. fps caps how often bubbletea writes frames (0: its
// default, 60). colours is the terminal's colour profile as the caller
// detects it (nil: bubbletea detects it, on out). The vendored bubbletea
// renders on demand, so an idle screen costs nothing.
//
// Signals are the caller's: it cancels ctx on SIGTERM, SIGHUP and the
// like, and Run then quits the ordinary way, which leaves the alternate
// screen, turns mouse reporting off and shows the cursor. (bubbletea's own
// handler quits on SIGTERM as if the speaker had, and ignores SIGHUP and
// SIGQUIT; a killed program skips the restoring frame.) When ctx was
// cancelled Run returns context.Cause(ctx).
//
// With colours given, out is taken to be the terminal and the first frame
// is written to it at once, before bubbletea starts (paintFirst).
func Run(ctx context.Context, m *Model, in io.Reader, out io.Writer, fps int, colours *Colours) error {
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(fps), tea.WithoutSignalHandler()}
	if colours != nil {
		opts = append(opts, tea.WithColorProfile(colours.Start))
		// The first frame goes out before bubbletea starts (firstpaint.go).
		if paintFirst(out, m, colours.Start) {
			opts = append(opts, tea.WithScreenPainted())
		}
	}
	p := tea.NewProgram(m, opts...)
	finished := make(chan struct{})
	defer close(finished)
	// A timer and a context callback, rather than goroutines parked until
	// they fire: nothing waits while the talk runs.
	if colours != nil && colours.Full != nil {
		t := time.AfterFunc(fullColoursAfter, func() {
			if prof := colours.Full(); prof != colours.Start {
				p.Send(finalColoursMsg{start: colours.Start, final: prof})
			}
		})
		defer t.Stop()
	}
	stop := context.AfterFunc(ctx, func() {
		p.Quit()
		select {
		case <-finished:
		case <-time.After(quitGrace):
			p.Kill() // Update is stuck: restore what can be restored
		}
	})
	defer stop()
	_, err := p.Run()
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return ErrInterrupted
	}
	return err
}
