// Package hugeheap asks the kernel to back the start of the Go heap with
// 2 MiB pages, for start-up time.
//
// A new process touches its first few MiB of heap (and goroutine stacks,
// which live in the heap) one 4 KiB page at a time, and each first touch
// is a page fault: ~650 of the ~1,100 faults before shovel's first frame,
// 13–17 µs each on a virtual machine (docs/dev/performance.md,
// "2026-12-03 (later): page faults, and huge pages for the start-up
// heap"). With transparent huge pages
// in "madvise" mode (the common default) Go's heap never gets huge pages
// unless it asks, and Go's runtime does not ask.
//
// It asks from its package init, and imports nothing but syscall so that
// the init runs as soon as syscall's has (15th of shovel's ~85 package
// inits, by GODEBUG=inittrace=1): the heap the later inits use is covered
// too. Importing the package is enough.
package hugeheap

// AtInit is what the package init's Advise did.
var AtInit = Advise()

// Result says what Advise did, for tests and the debug log.
type Result struct {
	// Skipped says why nothing was asked; empty when something was.
	Skipped string
	// Start is the heap range advised, [Start, Start+Len).
	Start, Len uintptr
	// HugeErr is the kernel's answer to MADV_HUGEPAGE (nil: done; ENOMEM
	// when part of the range is not mapped, the rest advised all the same).
	HugeErr error
	// Collapsed counts the 2 MiB pages made huge at once.
	Collapsed int
}
