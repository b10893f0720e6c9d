//go:build linux

package hugeheap

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestTHPAllowedReadsTheSelectedMode(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		content string
		want    bool
	}{
		{"always [madvise] never\n", true},
		{"[always] madvise never\n", true},
		{"always madvise [never]\n", false},
	} {
		p := filepath.Join(dir, "enabled")
		if err := os.WriteFile(p, []byte(c.content), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := thpAllowed(p); got != c.want {
			t.Errorf("thpAllowed(%q) = %v, want %v", c.content, got, c.want)
		}
	}
	if thpAllowed(filepath.Join(dir, "missing")) {
		t.Error("a missing mode file allows huge pages; want not (nothing known)")
	}
}

// TestHeapIsAdvisedAtInit checks, where the system has transparent huge
// pages on, that the package init left the heap's mapping with the
// hugepage flag ("hg" in /proc/self/smaps), which only MADV_HUGEPAGE sets.
func TestHeapIsAdvisedAtInit(t *testing.T) {
	if !thpAllowed("/sys/kernel/mm/transparent_hugepage/enabled") {
		t.Skip("transparent huge pages are off here")
	}
	if AtInit.Skipped != "" || AtInit.Len == 0 {
		t.Fatalf("init did not advise: %+v", AtInit)
	}
	addr := uintptr(unsafe.Pointer(probe))
	flags, ok := vmFlags(t, addr)
	if !ok {
		t.Fatalf("no mapping holds the probe at %#x", addr)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap mapping at %#x has VmFlags %q, without hg (MADV_HUGEPAGE); init said %+v", addr, flags, AtInit)
	}
}

// vmFlags is the VmFlags line of the mapping that holds addr.
func vmFlags(t *testing.T, addr uintptr) (string, bool) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := rangeOf(line); ok {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), true
		}
	}
	return "", false
}

// rangeOf parses a mapping's first line, "lo-hi perms ...".
func rangeOf(line string) (lo, hi uintptr, ok bool) {
	r, _, found := strings.Cut(line, " ")
	a, b, dash := strings.Cut(r, "-")
	if !found || !dash {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(a, 16, 64)
	h, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}
