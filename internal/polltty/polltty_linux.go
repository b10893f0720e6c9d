package polltty

import (
	"fmt"
	"io"
	"os"
	"syscall"
	"unsafe"
)

// Open opens the terminal on descriptor fd (0 or 1) anew, so that
// the runtime polls it (see TTY). /proc/self/fd/N opens the file
// itself, as a new open file description; on other systems the same path
// can be a dup of the shell's description, so they keep bubbletea's
// reader and the plain file.
func Open(fd uintptr) (*TTY, error) {
	// O_NOCTTY: a process without a controlling terminal must not gain
	// one by opening this.
	f, err := os.OpenFile(fmt.Sprintf("/proc/self/fd/%d", fd), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	t, ok := newTTY(f)
	if !ok {
		f.Close()
		return nil, fmt.Errorf("%s: the runtime does not poll it", f.Name())
	}
	return t, nil
}

// rawRead reads from the non-blocking descriptor with a raw system call.
// It cannot block, so it need not tell the scheduler; that bookkeeping
// (entersyscall) wakes the runtime's monitor thread, which then polls
// every 20 µs until the program is idle again: a fifth of a key press's
// CPU. With nothing to read, the poller parks the goroutine until there is.
func rawRead(rc syscall.RawConn, b []byte) (n int, err error) {
	if len(b) == 0 {
		return 0, nil
	}
	cerr := rc.Read(func(fd uintptr) bool {
		var again bool
		n, again, err = rawCall(syscall.SYS_READ, fd, b)
		if err == nil && !again && n == 0 {
			err = io.EOF
		}
		return !again
	})
	if cerr != nil {
		return 0, cerr
	}
	return n, err
}

// rawWrite writes all of b the same way, parked in the poller while the
// terminal's buffer is full.
func rawWrite(rc syscall.RawConn, b []byte) (n int, err error) {
	cerr := rc.Write(func(fd uintptr) bool {
		for n < len(b) {
			m, again, e := rawCall(syscall.SYS_WRITE, fd, b[n:])
			if again {
				return false
			}
			if e != nil {
				err = e
				return true
			}
			n += m
		}
		return true
	})
	if err == nil {
		err = cerr
	}
	return n, err
}

// rawCall makes one read or write (trap) of p, len(p) > 0, on the
// non-blocking fd, again after an interrupted call. again: fd is not
// ready (EAGAIN).
func rawCall(trap, fd uintptr, p []byte) (n int, again bool, err error) {
	for {
		r, _, e := syscall.RawSyscall(trap, fd, uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
		switch e {
		case 0:
			return int(r), false, nil
		case syscall.EINTR:
		case syscall.EAGAIN:
			return 0, true, nil
		default:
			return 0, false, e
		}
	}
}
