package deck

import (
	"bytes"
	"flag"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// maxFuzzInput is the largest input FuzzLoad builds: the budget is for
// any input up to 1 MiB.
const maxFuzzInput = 1 << 20

// FuzzLoad loads unit repeated n times (up to 1 MiB): small patterns
// repeated are what made goldmark and the loader quadratic. Every input
// must load within 500 MB of allocations; while fuzzing (-fuzz), also
// within 2 s. Plain go test runs the seeds, and testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	for _, s := range []struct {
		unit string
		n    uint16
	}{
		{"[a](", 2000},
		{"- ", 2000},
		{">", 2000},
		{"::: notes\n", 2000},
		{"\n---\n", 20000},
		{"x\n\n---\n\n", 20000},
		{"[r]: /u\n", 2000},
		{"<!-- include: x.md -->\n", 2000},
		{"*a **a ", 2000},
		{"|a", 2000},
		{"# 标题\n<!-- pause -->\n", 2000},
	} {
		f.Add([]byte(s.unit), s.n)
	}
	fuzzing := flag.Lookup("test.fuzz") != nil && flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, unit []byte, n uint16) {
		if len(unit) == 0 {
			return
		}
		reps := min(int(n), maxFuzzInput/len(unit))
		src := bytes.Repeat(unit, max(reps, 1))
		if len(src) > maxFuzzInput {
			src = src[:maxFuzzInput]
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		if fuzzing { // a hang never returns to the check below: crash with the input
			stop := time.AfterFunc(20*time.Second, func() {
				panic(fmt.Sprintf("%q × %d (%d bytes) takes more than 20 s", unit, reps, len(src)))
			})
			defer stop.Stop()
		}
		_, err := Parse("f.md", src)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		if err != nil {
			return
		}
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 500 {
			t.Fatalf("%q × %d (%d bytes) allocated %d MB", unit, reps, len(src), mb)
		}
		if fuzzing && took > 2*time.Second {
			t.Fatalf("%q × %d (%d bytes) took %v", unit, reps, len(src), took)
		}
	})
}
