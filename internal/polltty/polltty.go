// Package polltty opens the terminal so that Go's network poller waits for
// it: keys and frames then cost the program no thread hand-offs and no
// wake-ups of the runtime's monitor thread. The presenting program reads
// keys from it and writes frames to it (internal/cli).
package polltty

import (
	"errors"
	"os"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/muesli/cancelreader"
)

// TTY is the terminal read and written through the Go runtime's
// network poller: a goroutine waiting for a key, or for room in the
// terminal's buffer, is parked rather than a thread blocked in a system
// call. bubbletea's own reader waits in epoll_wait on a thread of its own,
// and each key then passed between threads. On Linux the reads and writes
// themselves are raw system calls (see rawRead). Together that took a
// third off the CPU a key press costs (docs/dev/performance.md,
// "2026-12-03: CPU per key").
//
// It is an open file description of its own, so the non-blocking mode the
// poller needs is not seen by the shell, which shares standard input and
// output with us.
type TTY struct {
	f  *os.File
	rc syscall.RawConn
	fd uintptr
}

// newTTY wraps f, a terminal we opened, if the runtime polls it.
func newTTY(f *os.File) (*TTY, bool) {
	// A file the poller does not handle reports os.ErrNoDeadline.
	if err := f.SetReadDeadline(time.Time{}); err != nil {
		return nil, false
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, false
	}
	var fd uintptr
	if rc.Control(func(d uintptr) { fd = d }) != nil {
		return nil, false
	}
	return &TTY{f: f, rc: rc, fd: fd}, true
}

func (t *TTY) Read(b []byte) (int, error)  { return rawRead(t.rc, b) }
func (t *TTY) Write(b []byte) (int, error) { return rawWrite(t.rc, b) }
func (t *TTY) Close() error                { return t.f.Close() }

// Fd is the descriptor, for termios calls. (*os.File).Fd would put the
// file back in blocking mode, out of the poller.
func (t *TTY) Fd() uintptr { return t.fd }

// CancelReader is what the vendored bubbletea reads keys through. Cancel
// ends a pending read by setting a deadline in the past.
func (t *TTY) CancelReader() (cancelreader.CancelReader, error) {
	if err := t.f.SetReadDeadline(time.Time{}); err != nil {
		return nil, err
	}
	return &deadlineReader{t: t}, nil
}

type deadlineReader struct {
	t         *TTY
	cancelled atomic.Bool
}

func (r *deadlineReader) Read(b []byte) (int, error) {
	if r.cancelled.Load() {
		return 0, cancelreader.ErrCanceled
	}
	n, err := r.t.Read(b)
	if err != nil && (r.cancelled.Load() || errors.Is(err, os.ErrDeadlineExceeded)) {
		return n, cancelreader.ErrCanceled
	}
	return n, err
}

func (r *deadlineReader) Cancel() bool {
	r.cancelled.Store(true)
	return r.t.f.SetReadDeadline(time.Unix(1, 0)) == nil
}

// Close leaves the terminal open: it is the caller's, as with cancelreader.
func (r *deadlineReader) Close() error { return nil }
