//go:build linux

package hugeheap

import (
	"syscall"
	"unsafe"
)

const (
	madvHugepage = 14 // MADV_HUGEPAGE: a first touch may take a 2 MiB page
	madvCollapse = 25 // MADV_COLLAPSE (Linux 6.1): make it 2 MiB pages now

	huge = 2 << 20
	// The runtime maps the heap in 4 MiB-aligned chunks (its page
	// allocator's pallocChunkBytes); a start-up heap lies in the first
	// two.
	chunk    = 4 << 20
	adviseTo = 2 * chunk
)

// probe is a heap address: it escapes, so new puts it in the heap.
var probe *[16]byte

// Advise asks for huge pages on the heap chunk being allocated from (where
// a fresh object lands) and the next: MADV_HUGEPAGE on the whole range,
// so that a first touch of an untouched 2 MiB page maps all of it, and
// MADV_COLLAPSE on each 2 MiB page of it, which turns one already in use
// into a huge page now (its touched pages copied), and is refused for one
// not yet touched or not mapped. Nothing is asked when the system's
// transparent huge pages are off ("never"). The kernel's refusals are
// only reported: too old a kernel (EINVAL), no huge page free (EAGAIN), a
// range not (yet) mapped (ENOMEM); the heap then works as it would have.
func Advise() Result {
	if !thpAllowed("/sys/kernel/mm/transparent_hugepage/enabled") {
		return Result{Skipped: "transparent huge pages are off"}
	}
	probe = new([16]byte)
	start := uintptr(unsafe.Pointer(probe)) &^ (chunk - 1)
	r := Result{Start: start, Len: adviseTo, HugeErr: madvise(start, adviseTo, madvHugepage)}
	for p := start; p < start+adviseTo; p += huge {
		if err := madvise(p, huge, madvCollapse); err == nil {
			r.Collapsed++
		}
	}
	return r
}

// thpAllowed reads the THP mode file ("always [madvise] never"): huge
// pages unless the selected mode is never, or the file cannot be read.
// Read with plain system calls into a buffer on the stack: the package
// init then allocates nothing but the probe, and needs no package but
// syscall initialised before it, so it runs earlier.
func thpAllowed(path string) bool {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	var buf [128]byte
	n, err := syscall.Read(fd, buf[:])
	if err != nil || n <= 0 {
		return false
	}
	return !contains(buf[:n], "[never]")
}

// contains is bytes.Contains, here so that the package imports nothing
// but syscall (bytes needs unicode initialised first).
func contains(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

func madvise(addr, n uintptr, advice int) error {
	_, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice))
	if e != 0 {
		return e
	}
	return nil
}
