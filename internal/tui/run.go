package tui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
)

// ErrInterrupted is returned by Run when the program was interrupted by a
// signal rather than quit by the speaker.
var ErrInterrupted = errors.New("interrupted")

// Run presents until the speaker quits. in and out are the terminal. fps
// caps how often bubbletea writes frames (0: its default, 60). The vendored
// bubbletea renders on demand, so an idle screen costs nothing.
func Run(ctx context.Context, m *Model, in io.Reader, out io.Writer, fps int) error {
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(fps))
	_, err := p.Run()
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		return ErrInterrupted
	}
	return err
}
