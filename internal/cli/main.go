// Package cli is shovel's command line: one file per command, each with an
// Options struct and a run function, and exit codes mapped in exit.go.
package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Main runs shovel with the process's arguments and returns its exit code.
func Main() int {
	return Run(os.Args[1:], System())
}

// Run executes the command line args with the given streams.
func Run(args []string, io *IOStreams) int {
	cmd := NewCmdRoot(io)
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil {
		return ExitOK
	}
	var se *SilentError
	if !errors.As(err, &se) && !errors.Is(err, ErrInterrupted) {
		fmt.Fprintf(io.ErrOut, "shovel: %v\n", err)
		var fe *FlagError
		if errors.As(err, &fe) || isCobraUsageError(err) {
			fmt.Fprintln(io.ErrOut, "Run 'shovel --help' for usage.")
			return ExitUsage
		}
	}
	return exitCode(err)
}

// cobra reports unknown commands and flags as plain errors; recognise them
// so they get the usage exit code.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag",
		"flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}
