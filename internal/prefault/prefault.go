// Package prefault maps the program's machine code into its address space
// in one system call at start-up, instead of one page fault at a time as
// the code first runs.
//
// By shovel's first frame nearly all of its code has run once: ~75 page
// faults on the text mapping, each mapping the 64 KiB around it, 20–27 µs
// each on a virtual machine, where a fault's entry and exit cost more than
// the work (docs/dev/performance.md, "2026-12-03 (fourth session)"). One
// MADV_POPULATE_READ maps all of it for less, and costs no memory that
// those faults would not have taken: the code is the binary's file pages,
// already in the page cache, shared with every other shovel running.
//
// Only the code: the read-only data (tables, strings, the runtime's
// function table) is touched far more sparsely, and mapping all of it
// added ~3 MB to the resident set for a gain inside the noise.
//
// It runs from its package init, which imports nothing but syscall so
// that it runs early among the package inits; importing the package is
// enough.
package prefault

// AtInit is what the package init's Text did: nil when the code was
// mapped.
var AtInit = Text()
