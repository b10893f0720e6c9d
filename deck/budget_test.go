package deck

import (
	"fmt"
	"strings"
	"testing"
)

// hostile are small inputs that used to take seconds to minutes or
// gigabytes to load (issue 12). Each must load within the budget, and the
// ones shovel refuses must say why at file:line.
var hostile = []struct {
	name    string
	src     func() string
	wantErr string
}{
	{"link openers", func() string { return "# T\n\n" + strings.Repeat("[a](", 20000) + "\n" }, "talk.md:3:1: error: more than 100 links"},
	{"nested lists", func() string {
		var b strings.Builder
		b.WriteString("# T\n\n")
		for i := range 2000 {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}, "talk.md:34:63: error: lists, block quotes and fenced divs nest more than 32 deep"},
	{"list markers on one line", func() string { return "# T\n\n" + strings.Repeat("- ", 20000) + "x\n" }, "error: lists, block quotes and fenced divs nest"},
	{"nested quotes", func() string { return "# T\n\n" + strings.Repeat(">", 20000) + " x\n" }, "error: lists, block quotes and fenced divs nest"},
	{"nested notes divs", func() string {
		return "# T\n\n" + strings.Repeat("::: notes\n", 10000) + strings.Repeat(":::\n", 10000)
	}, "talk.md:35:1: error: lists, block quotes and fenced divs nest"},
	{"fence info string", func() string { return "# T\n\n```" + strings.Repeat("a", 40000) + "\nx\n```\n" }, "talk.md:3:1: error: code fence info string is 40000 bytes"},
	{"link reference definitions", func() string {
		var b strings.Builder
		b.WriteString("# T\n\n")
		for i := range 100000 {
			fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
		}
		return b.String()
	}, "talk.md:503:1: error: more than 500 link reference definitions"},
	{"10 MB title", func() string { return "---\ntitle: " + strings.Repeat("x", 10<<20) + "\n---\n\n# A\n" }, "talk.md:1:1: error: front matter is 10240 KiB long"},
	{"1 million empty slides", func() string { return "# A\n" + strings.Repeat("\n---\n", 1000000) }, "talk.md:200001:1: error: more than 100000 blocks in one file"},
	{"1 million one-word slides", func() string { return strings.Repeat("x\n\n---\n\n", 1000000) }, "talk.md:200001:1: error: more than 100000 blocks in one file"},
}

// TestHostileInputsLoadWithinBudget checks memory (allocated bytes), not
// time: timed assertions fail on a busy machine. BenchmarkHostileInputs
// measures the time.
func TestHostileInputsLoadWithinBudget(t *testing.T) {
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			src := []byte(h.src())
			var d *Deck
			var err error
			n := allocated(func() { d, err = Parse("talk.md", src) })
			if err != nil {
				t.Fatal(err)
			}
			if n > 500<<20 {
				t.Errorf("loading %d bytes allocated %d MB", len(src), n>>20)
			}
			got := strings.Join(diagStrings(d), "\n")
			if !strings.Contains(got, h.wantErr) || strings.Contains(got, "deck has no slides") {
				t.Errorf("diagnostics:\n%.2000s\nwant one containing %q", got, h.wantErr)
			}
			if testing.Verbose() {
				t.Logf("%d bytes: %d MB allocated, %d diagnostics, %d slides", len(src), n>>20, len(d.Diagnostics), len(d.Slides))
			}
		})
	}
}

func BenchmarkHostileInputs(b *testing.B) {
	for _, h := range hostile {
		src := []byte(h.src())
		b.Run(strings.ReplaceAll(h.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse("talk.md", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
