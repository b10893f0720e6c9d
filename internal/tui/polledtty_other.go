//go:build !linux

package tui

import (
	"errors"
	"syscall"
)

// OpenPolledTTY is Linux-only (see polledtty_linux.go).
func OpenPolledTTY(uintptr) (*PolledTTY, error) {
	return nil, errors.New("a polled terminal is Linux-only")
}

func rawRead(syscall.RawConn, []byte) (int, error)  { return 0, errors.ErrUnsupported }
func rawWrite(syscall.RawConn, []byte) (int, error) { return 0, errors.ErrUnsupported }
