//go:build linux

package prefault

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestMappingHolds(t *testing.T) {
	const pc = 0x401234
	tests := []struct {
		line   string
		lo, hi uintptr
		ok     bool
	}{
		{"00400000-008db000 r-xp 00000000 fe:00 123 /usr/bin/shovel", 0x400000, 0x8db000, true},
		{"00400000-008db000 r-xp 00000000 fe:00 123", 0x400000, 0x8db000, true}, // no path
		{"00400000-008db000 r--p 00000000 fe:00 123 /usr/bin/shovel", 0, 0, false},
		{"00500000-008db000 r-xp 00000000 fe:00 123 /usr/bin/shovel", 0, 0, false}, // pc below
		{"00400000-00401234 r-xp 00000000 fe:00 123 /usr/bin/shovel", 0, 0, false}, // hi is exclusive
		{"00401234-00401235 r-xp 00000000 fe:00 123", 0x401234, 0x401235, true},
		{"", 0, 0, false},
		{"00400000", 0, 0, false},
		{"00400000-", 0, 0, false},
		{"00400000-008db000", 0, 0, false},
		{"00400000-008db000 r-x", 0, 0, false},
		{"0040000g-008db000 r-xp 0 0:0 0", 0, 0, false},
		{"10000000000000000400000-008db000 r-xp 0 0:0 0", 0, 0, false}, // over 16 digits
	}
	for _, tt := range tests {
		lo, hi, ok := mappingHolds([]byte(tt.line), pc)
		if lo != tt.lo || hi != tt.hi || ok != tt.ok {
			t.Errorf("mappingHolds(%q) = %#x, %#x, %v; want %#x, %#x, %v", tt.line, lo, hi, ok, tt.lo, tt.hi, tt.ok)
		}
	}
}

// TestFindMappingAcrossReads feeds findMapping a maps file whose lines
// straddle its 4 KiB reads, the wanted line last.
func TestFindMappingAcrossReads(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 3*4096+100; i++ {
		fmt.Fprintf(&b, "7f%010x-7f%010x rw-p 00000000 00:00 0 %s\n", i*0x1000, i*0x1000+0x1000, strings.Repeat("x", i%97))
	}
	b.WriteString("00400000-008db000 r-xp 00000000 fe:00 123 /usr/bin/shovel") // no final newline
	for _, last := range []string{"", "\n"} {
		fd := pipeWith(t, b.String()+last)
		lo, hi, ok := findMapping(fd, 0x500000)
		if !ok || lo != 0x400000 || hi != 0x8db000 {
			t.Errorf("final newline %q: findMapping = %#x, %#x, %v; want 0x400000, 0x8db000, true", last, lo, hi, ok)
		}
	}
	if _, _, ok := findMapping(pipeWith(t, b.String()), 0x9db000); ok {
		t.Error("found a mapping for an address outside every line")
	}
	if _, _, ok := findMapping(pipeWith(t, strings.Repeat("0", 5000)+"\n"), 0x500000); ok {
		t.Error("found a mapping in a line longer than the buffer")
	}
}

// pipeWith is a descriptor that reads s, then end of file.
func pipeWith(t *testing.T, s string) int {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "maps")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fd, err := syscall.Open(f.Name(), syscall.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	return fd
}

// TestTextMapped checks the package init mapped the whole of the code:
// a fresh run of this test binary, stopped before any test runs, reports
// the code mapping's resident size in /proc/self/smaps, which must be its
// size. Without the init the part not yet run (here ~5 %) is not mapped.
func TestTextMapped(t *testing.T) {
	if AtInit == syscall.EINVAL {
		t.Skip("the kernel has no MADV_POPULATE_READ (Linux 5.14)")
	}
	if AtInit != nil {
		t.Fatalf("Text at init: %v", AtInit)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PREFAULT_CHILD=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var size, rss int
	if _, err := fmt.Sscan(string(out), &size, &rss); err != nil || size == 0 {
		t.Fatalf("child said %q (%v)", out, err)
	}
	if rss != size {
		t.Errorf("code mapping at start: %d kB resident of %d kB", rss, size)
	}
}

// TestMain: as a child of TestTextMapped, report the code mapping's Size
// and Rss (kB) before anything else runs, and exit.
func TestMain(m *testing.M) {
	if os.Getenv("PREFAULT_CHILD") == "1" {
		size, rss := smapsOf(codeAddress())
		fmt.Println(size, rss)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// smapsOf returns the Size and Rss (kB) of the mapping holding pc, from
// /proc/self/smaps.
func smapsOf(pc uintptr) (size, rss int) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if _, _, ok := mappingHolds([]byte(line), pc); ok {
			in = true
			continue
		}
		fields := strings.Fields(line)
		if in && len(fields) == 3 && fields[2] == "kB" {
			v, _ := strconv.Atoi(fields[1])
			switch fields[0] {
			case "Size:":
				size = v
			case "Rss:":
				return size, v
			}
		}
	}
	return size, rss
}
