//go:build !linux

package polltty

import (
	"errors"
	"syscall"
)

// Open is Linux-only (see polltty_linux.go).
func Open(uintptr) (*TTY, error) {
	return nil, errors.New("a polled terminal is Linux-only")
}

func rawRead(syscall.RawConn, []byte) (int, error)  { return 0, errors.ErrUnsupported }
func rawWrite(syscall.RawConn, []byte) (int, error) { return 0, errors.ErrUnsupported }
