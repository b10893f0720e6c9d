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

// Run presents until the speaker quits. in and out are the terminal.
func Run(ctx context.Context, m *Model, in io.Reader, out io.Writer) error {
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out))
	_, err := p.Run()
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		return ErrInterrupted
	}
	return err
}
