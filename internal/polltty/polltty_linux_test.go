package polltty

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
	"golang.org/x/sys/unix"
)

// openPTY returns a pseudo-terminal pair, the terminal side in raw mode (as
// bubbletea puts it), so bytes pass through unchanged and unbuffered.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tty.Close() })
	if _, err := term.MakeRaw(tty.Fd()); err != nil {
		t.Fatal(err)
	}
	return master, tty
}

// openPolled opens tty anew as a TTY. (*os.File).Fd is taken once:
// each call puts tty back in blocking mode, which would hide a TTY
// that shared tty's open file description.
func openPolled(t *testing.T, tty *os.File) (*TTY, uintptr) {
	t.Helper()
	fd := tty.Fd()
	p, err := Open(fd)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p, fd
}

func TestTTYReadsKeysAndLeavesTheSharedFileBlocking(t *testing.T) {
	master, tty := openPTY(t)
	p, fd := openPolled(t, tty)
	// The poller needs O_NONBLOCK; it must be on our own open file
	// description, not on the one the shell shares with us.
	fl, err := unix.FcntlInt(fd, unix.F_GETFL, 0)
	if err != nil {
		t.Fatal(err)
	}
	if fl&unix.O_NONBLOCK != 0 {
		t.Error("the shared terminal file was made non-blocking")
	}
	if _, err := master.Write([]byte("\x1b[C")); err != nil {
		t.Fatal(err)
	}
	cr, err := p.CancelReader()
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 16)
	n, err := cr.Read(b)
	if err != nil || string(b[:n]) != "\x1b[C" {
		t.Fatalf("Read = %q, %v; want the key's bytes", b[:n], err)
	}
	// Termios calls take Fd; it must be the terminal.
	if !term.IsTerminal(p.Fd()) {
		t.Error("Fd is not the terminal")
	}
}

func TestTTYCancelEndsAPendingReadAndANewReaderReadsOn(t *testing.T) {
	master, tty := openPTY(t)
	p, _ := openPolled(t, tty)
	cr, err := p.CancelReader()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := cr.Read(make([]byte, 16))
		done <- err
	}()
	time.Sleep(50 * time.Millisecond) // let the read park in the poller
	if !cr.Cancel() {
		t.Fatal("Cancel reported failure")
	}
	select {
	case err := <-done:
		if !errors.Is(err, cancelreader.ErrCanceled) {
			t.Fatalf("cancelled Read returned %v, want ErrCanceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not end the pending read")
	}
	// After a suspend bubbletea makes a new reader: it must read again.
	cr2, err := p.CancelReader()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := master.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	n, err := cr2.Read(b)
	if err != nil || string(b[:n]) != "q" {
		t.Fatalf("Read after a new CancelReader = %q, %v; want \"q\"", b[:n], err)
	}
}

// A frame bigger than the terminal's buffer, with a slow reader on the
// other side: the non-blocking writes must wait and then deliver it all,
// in order.
func TestTTYWritesAllOfAFrameThroughAFullBuffer(t *testing.T) {
	master, tty := openPTY(t)
	p, _ := openPolled(t, tty)
	frame := bytes.Repeat([]byte("0123456789abcdef"), 1<<14) // 256 KiB
	got := make(chan []byte, 1)
	go func() {
		var buf bytes.Buffer
		b := make([]byte, 512)
		for buf.Len() < len(frame) {
			time.Sleep(100 * time.Microsecond)
			n, err := master.Read(b)
			buf.Write(b[:n])
			if err != nil {
				break
			}
		}
		got <- buf.Bytes()
	}()
	n, err := p.Write(frame)
	if err != nil || n != len(frame) {
		t.Fatalf("Write = %d, %v; want %d, nil", n, err, len(frame))
	}
	select {
	case b := <-got:
		if !bytes.Equal(b, frame) {
			t.Fatalf("the other side read %d bytes, not the frame", len(b))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the frame did not arrive")
	}
}

func TestOpenRefusesWhatThePollerCannotWaitOn(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "deck")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p, err := Open(f.Fd()); err == nil {
		p.Close()
		t.Fatal("a regular file was accepted: it cannot be polled, and reads of it would not wait")
	}
	var _ io.ReadWriteCloser = (*TTY)(nil)
}
