package cli

import (
	"context"
	"errors"
	"fmt"

	"shovel/deck"
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

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	var (
		fe *FlagError
		ie *InputError
		se *SilentError
		re *deck.ReadError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &se):
		return se.Code
	case errors.As(err, &fe), errors.As(err, &ie), errors.As(err, &re):
		return ExitUsage
	case errors.Is(err, ErrInterrupted), errors.Is(err, context.Canceled):
		return ExitInterrupted
	}
	return ExitFailure
}
