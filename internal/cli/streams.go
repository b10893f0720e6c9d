package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// IOStreams are the standard streams a command uses; tests inject buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// InFile and OutFile are the terminal files when the streams are real,
	// so that full-screen commands can hand them to the TUI.
	InFile  *os.File
	OutFile *os.File
	// IsTerminal reports whether Out is a terminal.
	IsTerminal func() bool
	// StdinIsTerminal reports whether In is a terminal.
	StdinIsTerminal func() bool
	// OpenTTY opens the controlling terminal, for keys when standard input
	// is not one.
	OpenTTY func() (*os.File, error)
}

// System returns the process's own streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InFile: os.Stdin, OutFile: os.Stdout,
		IsTerminal:      func() bool { return term.IsTerminal(os.Stdout.Fd()) },
		StdinIsTerminal: func() bool { return term.IsTerminal(os.Stdin.Fd()) },
		OpenTTY:         func() (*os.File, error) { return os.Open("/dev/tty") },
	}
}
