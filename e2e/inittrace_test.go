package e2e

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// initBudgets caps what the package inits under a module path may
// allocate on every start of shovel (GODEBUG=inittrace=1 counts bytes
// exactly). Each cap is a few times what is left now, far below what the
// unpatched module took, so dropping a fork's replace, or a new eager
// regexp or table, fails here.
var initBudgets = []struct {
	prefix string
	bytes  int
	why    string
}{
	{"github.com/yuin/goldmark", 64 << 10, "third_party/goldmark builds its regexps and tables on first use (38 KB left; v1.8.7 as released: 549 KB)"},
	{"shovel", 24 << 10, "shovel's own packages compile no regexp and build no table at init (13 KB left; 41 KB when render compiled three regexps)"},
}

var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, \d+ allocs$`)

// initBytes sums the bytes of the inittrace lines in trace per budget prefix.
func initBytes(trace string) map[string]int {
	sums := map[string]int{}
	for _, line := range strings.Split(trace, "\n") {
		m := initLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		for _, b := range initBudgets {
			if m[1] == b.prefix || strings.HasPrefix(m[1], b.prefix+"/") {
				sums[b.prefix] += n
			}
		}
	}
	return sums
}

func TestInitBytes(t *testing.T) {
	trace := "init github.com/yuin/goldmark/util @1 ms, 0.02 ms clock, 216 bytes, 6 allocs\n" +
		"init github.com/yuin/goldmark @1 ms, 0 ms clock, 88 bytes, 2 allocs\n" +
		"init github.com/yuin/goldmark-emoji @1 ms, 0.1 ms clock, 9999 bytes, 9 allocs\n" +
		"init shovel/deck @1 ms, 0.05 ms clock, 8688 bytes, 26 allocs\n"
	if got := initBytes(trace)["github.com/yuin/goldmark"]; got != 304 {
		t.Errorf("goldmark's inits: %d bytes, want 304", got)
	}
}

// TestStartUpInitsWithinBudget runs the built binary's cheapest command
// with the runtime's init trace.
func TestStartUpInitsWithinBudget(t *testing.T) {
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("shovel version: %v\n%s", err, out)
	}
	sums := initBytes(string(out))
	for _, b := range initBudgets {
		if sums[b.prefix] == 0 {
			t.Errorf("no init of %s in the trace:\n%s", b.prefix, out)
		}
		if sums[b.prefix] > b.bytes {
			t.Errorf("the inits of %s allocate %d bytes on every start, over the budget of %d: %s",
				b.prefix, sums[b.prefix], b.bytes, b.why)
		}
	}
}
