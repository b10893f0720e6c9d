package cli

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"shovel/deck"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{errors.New("boom"), ExitFailure},
		{FlagErrorf("bad %s", "flag"), ExitUsage},
		{&InputError{Err: errors.New("x")}, ExitUsage},
		{fmt.Errorf("wrapped: %w", &deck.ReadError{Path: "a", Err: errors.New("x")}), ExitUsage},
		{&SilentError{Code: 1}, 1},
		{ErrInterrupted, ExitInterrupted},
		{fmt.Errorf("ctx: %w", context.Canceled), ExitInterrupted},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}
