package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/termsafe"
)

// Exit codes, in one place.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2 // bad flags, arguments or unreadable input
	ExitInterrupted = 130
)

// FlagError is a usage mistake: the message is printed with a hint to run
// --help, and the exit code is ExitUsage.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// InputError means the input could not be used at all (a missing file, a
// binary file): exit code ExitUsage.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// SilentError carries an exit code for a failure that was already reported
// (lint printed its diagnostics).
type SilentError struct{ Code int }

func (e *SilentError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// ErrInterrupted is returned when the user interrupts a command.
var ErrInterrupted = errors.New("interrupted")

// report prints err, if it is not already reported, with a hint to the
// failed command's help for usage errors, and returns the exit code.
func report(w io.Writer, cmdPath string, err error) int {
	var (
		se  *SilentError
		sig *SignalError
	)
	if err != nil && !errors.As(err, &se) && !errors.Is(err, ErrInterrupted) && !errors.As(err, &sig) {
		// Error messages quote file names and deck text: shown, not obeyed.
		// Each line is made safe on its own, so a message that lists
		// things (follow's running presentations) keeps its lines.
		lines := strings.Split(err.Error(), "\n")
		for i, l := range lines {
			lines[i] = termsafe.Line(l)
		}
		fmt.Fprintf(w, "shovel: %s\n", strings.Join(lines, "\n"))
		var fe *FlagError
		if errors.As(err, &fe) {
			fmt.Fprintf(w, "Run '%s --help' for usage.\n", cmdPath)
		}
	}
	return exitCode(err)
}

// typedArgErrors wraps the argument validators of cmd and its subcommands
// so that their errors are FlagErrors: cobra returns them as plain errors,
// and guessing from their text would also catch errors from the system.
// Flag parsing errors get the same treatment from the root's flag error
// function, which subcommands inherit.
func typedArgErrors(cmd *cobra.Command) {
	if validate := cmd.Args; validate != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			if err := validate(c, args); err != nil {
				var fe *FlagError
				if errors.As(err, &fe) {
					return err
				}
				return &FlagError{Err: err}
			}
			return nil
		}
	}
	for _, sub := range cmd.Commands() {
		typedArgErrors(sub)
	}
}

// checkFlagRules runs cobra's checks of required flags and flag groups
// before cobra does, so that their errors are FlagErrors too (cobra would
// return them as plain errors, after this hook).
func checkFlagRules(cmd *cobra.Command, _ []string) error {
	for _, check := range []func() error{cmd.ValidateRequiredFlags, cmd.ValidateFlagGroups} {
		if err := check(); err != nil {
			return &FlagError{Err: err}
		}
	}
	return nil
}

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	var (
		fe  *FlagError
		ie  *InputError
		se  *SilentError
		re  *deck.ReadError
		sig *SignalError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &se):
		return se.Code
	case errors.As(err, &sig):
		return sig.Code()
	case errors.As(err, &fe), errors.As(err, &ie), errors.As(err, &re):
		return ExitUsage
	case errors.Is(err, ErrInterrupted), errors.Is(err, context.Canceled):
		return ExitInterrupted
	}
	return ExitFailure
}
