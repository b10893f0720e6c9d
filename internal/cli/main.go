// Package cli is shovel's command line: one file per command, each with an
// Options struct and a run function, and exit codes mapped in exit.go.
package cli

import (
	"fmt"
	"io"
	"os"
)

// Main runs shovel with the process's arguments and returns its exit code.
func Main() int {
	return Run(os.Args[1:], System())
}

// Run executes the command line args with the given streams.
func Run(args []string, io *IOStreams) int {
	// Every write to standard output goes through out, so that a command
	// whose output was lost (a full disk, a closed pipe) fails, whatever
	// it printed with.
	out := &checkedWriter{w: io.Out}
	streams := *io
	streams.Out = out
	root := NewCmdRoot(&streams)
	root.SetArgs(args)
	// ExecuteC returns the command that failed, so a usage error can point
	// at that command's help.
	cmd, err := root.ExecuteC()
	code := report(io.ErrOut, cmd.CommandPath(), err)
	if code == ExitOK && out.err != nil {
		return report(io.ErrOut, cmd.CommandPath(), fmt.Errorf("writing the output: %w", out.err))
	}
	return code
}

// checkedWriter remembers the first error writing to w.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
