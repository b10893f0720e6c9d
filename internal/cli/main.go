// Package cli is shovel's command line: one file per command, each with an
// Options struct and a run function, and exit codes mapped in exit.go.
package cli

import (
	"os"
)

// Main runs shovel with the process's arguments and returns its exit code.
func Main() int {
	return Run(os.Args[1:], System())
}

// Run executes the command line args with the given streams.
func Run(args []string, io *IOStreams) int {
	root := NewCmdRoot(io)
	root.SetArgs(args)
	// ExecuteC returns the command that failed, so a usage error can point
	// at that command's help.
	cmd, err := root.ExecuteC()
	return report(io.ErrOut, cmd.CommandPath(), err)
}
