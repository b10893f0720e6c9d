//go:build linux

package prefault

import (
	"errors"
	"syscall"
	"unsafe"
)

// madvPopulateRead (Linux 5.14) maps the pages of a range as read faults
// would; older kernels answer EINVAL.
const madvPopulateRead = 22

// errNotFound: no executable mapping in /proc/self/maps holds the code.
var errNotFound = errors.New("prefault: the code's mapping is not in /proc/self/maps")

// Text maps the executable mapping that holds this package's code (the
// program's text: Go links one) with MADV_POPULATE_READ. Errors are the
// kernel's (EINVAL before 5.14) or errNotFound; the program then runs as
// it would have, faulting its code in.
func Text() error {
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	lo, hi, ok := findMapping(fd, codeAddress())
	if !ok {
		return errNotFound
	}
	return madvise(lo, hi-lo, madvPopulateRead)
}

// codeAddress is the entry of Text. A func value points at a closure
// record whose first word is the code's address (the gc compiler's
// layout, which the runtime itself relies on); this keeps reflect, and
// its init, out of the package.
func codeAddress() uintptr {
	f := Text
	return **(**uintptr)(unsafe.Pointer(&f))
}

// findMapping reads /proc/self/maps from fd and returns the executable
// mapping holding pc. Read with plain system calls into a buffer on the
// stack: the init then allocates nothing and needs no package but syscall.
func findMapping(fd int, pc uintptr) (lo, hi uintptr, ok bool) {
	var buf [4096]byte
	n := 0 // bytes of buf holding an unfinished line
	for {
		r, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || r <= 0 {
			if n > 0 {
				return mappingHolds(buf[:n], pc)
			}
			return 0, 0, false
		}
		n += r
		start := 0
		for i := 0; i < n; i++ {
			if buf[i] != '\n' {
				continue
			}
			if lo, hi, ok := mappingHolds(buf[start:i], pc); ok {
				return lo, hi, true
			}
			start = i + 1
		}
		if start == 0 && n == len(buf) {
			return 0, 0, false // a line longer than the buffer: give up
		}
		n = copy(buf[:], buf[start:n])
	}
}

// mappingHolds parses one line of /proc/self/maps ("lo-hi perms offset
// dev inode path") and says whether it is an executable mapping holding
// pc.
func mappingHolds(line []byte, pc uintptr) (lo, hi uintptr, ok bool) {
	i := 0
	lo, i, ok = hexAt(line, i)
	if !ok || i >= len(line) || line[i] != '-' {
		return 0, 0, false
	}
	hi, i, ok = hexAt(line, i+1)
	if !ok || i+4 >= len(line) || line[i] != ' ' {
		return 0, 0, false
	}
	if line[i+3] != 'x' || pc < lo || pc >= hi {
		return 0, 0, false
	}
	return lo, hi, true
}

// hexAt reads the hexadecimal number at line[i:], returning it and the
// index after it.
func hexAt(line []byte, i int) (v uintptr, next int, ok bool) {
	start := i
	for ; i < len(line); i++ {
		c := line[i]
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return v, i, i > start && i-start <= 16
		}
	}
	return v, i, i > start && i-start <= 16
}

func madvise(addr, n uintptr, advice int) error {
	_, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice))
	if e != 0 {
		return e
	}
	return nil
}
