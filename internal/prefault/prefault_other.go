//go:build !linux

package prefault

import "errors"

// Text does nothing here: MADV_POPULATE_READ is Linux's.
func Text() error { return errors.ErrUnsupported }
