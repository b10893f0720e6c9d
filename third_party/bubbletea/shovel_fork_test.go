package tea

// shovel: this file is not upstream's. It keeps the fork honest: every
// difference from the released module must be marked, and the scroll
// optimization patch is measured by BenchmarkShovelFlush.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// upstreamVersion is the release this directory is a copy of.
const upstreamVersion = "v2.1.1"

// forkOnly are the files that exist here and not upstream.
var forkOnly = map[string]bool{"PATCHES.md": true, "shovel_fork_test.go": true}

// TestForkMatchesUpstream diffs every Go file, go.mod, go.sum and LICENSE
// against the released module and fails on any changed region that carries
// no "shovel:" comment, so an unmarked edit cannot slip into the fork.
func TestForkMatchesUpstream(t *testing.T) {
	upstream := downloadUpstream(t)
	ours, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range ours {
		name := e.Name()
		if e.IsDir() || forkOnly[name] || !tracked(name) {
			continue
		}
		seen[name] = true
		fork := readLines(t, name)
		orig, err := os.ReadFile(filepath.Join(upstream, name))
		if os.IsNotExist(err) {
			t.Errorf("%s is not in bubbletea %s; add it to forkOnly if it is shovel's", name, upstreamVersion)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range unmarkedChanges(splitLines(string(orig)), fork) {
			t.Errorf("%s:%d-%d: changed from bubbletea %s without a \"shovel:\" comment:\n%s",
				name, r.from+1, r.to, upstreamVersion, strings.Join(fork[r.from:r.to], "\n"))
		}
	}
	theirs, err := os.ReadDir(upstream)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range theirs {
		if name := e.Name(); !e.IsDir() && tracked(name) && !seen[name] {
			t.Errorf("%s of bubbletea %s is missing here", name, upstreamVersion)
		}
	}
}

func tracked(name string) bool {
	return strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" || name == "LICENSE"
}

// downloadUpstream returns the released module's directory in the module
// cache, downloading it if needed.
func downloadUpstream(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", "charm.land/bubbletea/v2@"+upstreamVersion)
	cmd.Dir = t.TempDir() // outside this module, so no replace applies
	out, err := cmd.Output()
	if err != nil {
		msg := fmt.Sprintf("cannot download bubbletea %s to compare the fork with: %v", upstreamVersion, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	return info.Dir
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return splitLines(string(b))
}

func splitLines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

// span is a half-open range of lines of the fork.
type span struct{ from, to int }

// unmarkedChanges returns the fork's changed regions (runs of inserted or
// deleted lines less than seven lines apart, as a unified diff would join
// them) that have no "shovel:" on their inserted lines.
func unmarkedChanges(orig, fork []string) []span {
	const join = 6
	var regions []span
	marked := []bool{}
	i, j := 0, 0
	ops := lcsOps(orig, fork)
	for _, op := range ops {
		switch op {
		case '=':
			i++
			j++
			continue
		case '-':
			i++
		case '+':
			j++
		}
		// a changed line at fork position j (after an insert, j-1)
		at := j
		if op == '+' {
			at = j - 1
		}
		if n := len(regions); n > 0 && at-regions[n-1].to <= join {
			regions[n-1].to = max(regions[n-1].to, at+1)
		} else {
			regions = append(regions, span{at, at + 1})
			marked = append(marked, false)
		}
		if op == '+' && strings.Contains(fork[at], "shovel:") {
			marked[len(marked)-1] = true
		}
	}
	var bad []span
	for k, r := range regions {
		if !marked[k] {
			bad = append(bad, span{r.from, min(r.to, len(fork))})
		}
	}
	return bad
}

// lcsOps is a line diff: '=' keep, '-' delete from orig, '+' insert from
// fork. Files here are a few thousand lines, so the quadratic table is fine.
func lcsOps(a, b []string) []byte {
	n, m := len(a), len(b)
	// Common prefix and suffix first: the fork differs in a few places.
	p := 0
	for p < n && p < m && a[p] == b[p] {
		p++
	}
	s := 0
	for s < n-p && s < m-p && a[n-1-s] == b[m-1-s] {
		s++
	}
	a, b = a[p:n-s], b[p:m-s]
	n, m = len(a), len(b)
	l := make([][]int32, n+1)
	for x := range l {
		l[x] = make([]int32, m+1)
	}
	for x := n - 1; x >= 0; x-- {
		for y := m - 1; y >= 0; y-- {
			if a[x] == b[y] {
				l[x][y] = l[x+1][y+1] + 1
			} else {
				l[x][y] = max(l[x+1][y], l[x][y+1])
			}
		}
	}
	ops := bytes.Repeat([]byte{'='}, p)
	x, y := 0, 0
	for x < n || y < m {
		switch {
		case x < n && y < m && a[x] == b[y]:
			ops = append(ops, '=')
			x++
			y++
		case y < m && (x == n || l[x][y+1] >= l[x+1][y]):
			ops = append(ops, '+')
			y++
		default:
			ops = append(ops, '-')
			x++
		}
	}
	return append(ops, bytes.Repeat([]byte{'='}, s)...)
}

func TestUnmarkedChanges(t *testing.T) {
	orig := splitLines("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn")
	cases := []struct {
		name string
		fork string
		want int
	}{
		{"identical", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 0},
		{"marked insert", "a\nb\n// shovel: why\nx\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 0},
		{"unmarked insert", "a\nb\nx\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 1},
		{"unmarked delete", "a\nb\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 1},
		{"marked change covers a nearby delete", "a\nB // shovel: why\nc\nd\nf\ng\nh\ni\nj\nk\nl\nm\nn", 0},
		{"far apart, one unmarked", "a\nB // shovel: why\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nN", 1},
	}
	for _, c := range cases {
		if got := len(unmarkedChanges(orig, splitLines(c.fork))); got != c.want {
			t.Errorf("%s: %d unmarked regions, want %d", c.name, got, c.want)
		}
	}
}

// BenchmarkShovelFlush measures what the scroll-optimization patch changes:
// the renderer's flush of a new slide, and of a tall slide scrolled by three
// lines, at 120×40, with ultraviolet's scroll optimization on (upstream) and
// off (shovel). Run interleaved: see PATCHES.md.
func BenchmarkShovelFlush(b *testing.B) {
	slides := make([]string, 8)
	for k := range slides {
		slides[k] = benchSlide(k, 0, 40)
	}
	scrolled := make([]string, 8)
	for k := range scrolled {
		scrolled[k] = benchSlide(0, 3*k, 40)
	}
	for _, frames := range []struct {
		name   string
		frames []string
	}{{"next", slides}, {"scroll", scrolled}} {
		for _, optim := range []bool{true, false} {
			b.Run(fmt.Sprintf("%s/scrollOptim=%v", frames.name, optim), func(b *testing.B) {
				var out countWriter
				r := newCursedRenderer(&out, []string{"TERM=xterm-256color"}, 120, 40)
				r.scr.SetScrollOptim(optim)
				r.render(View{Content: frames.frames[0], AltScreen: true})
				_ = r.flush(false)
				out.n = 0
				b.ReportAllocs()
				// CPU time of this thread, not wall time: on a shared,
				// loaded machine wall time mostly measures the neighbours.
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				start := threadCPU()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					r.render(View{Content: frames.frames[(i+1)%len(frames.frames)], AltScreen: true})
					_ = r.flush(false)
				}
				b.ReportMetric(float64(threadCPU()-start)/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(out.n)/float64(b.N), "bytes-written/op")
			})
		}
	}
}

// threadCPU is the CPU time the calling OS thread has used, in ns.
func threadCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// rusageThread is Linux's RUSAGE_THREAD (syscall does not name it).
const rusageThread = 1

type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// benchSlide is a slide-like frame: a styled title, mixed Chinese and
// English paragraphs, a box-drawn table and a footer, starting at line top
// of a tall page.
func benchSlide(k, top, height int) string {
	var lines []string
	lines = append(lines, "", fmt.Sprintf("  \x1b[1;38;5;39m# 第%d页 Slide title number %d\x1b[0m", k, k), "")
	for p := 0; len(lines) < top+height+10; p++ {
		lines = append(lines,
			fmt.Sprintf("  深度学习 = 大规模矩阵运算 = 海量简单重复计算 %d，GPU 并行能力强、生态成熟（CUDA）。", p+k),
			fmt.Sprintf("  \x1b[38;5;252mThe quick brown fox %d jumps over the lazy dog, \x1b[1mbold\x1b[22m and plain.\x1b[0m", p*k),
			"  ┌──────────┬──────────────────────────────┬─────────────────┐",
			fmt.Sprintf("  │ 芯片 %-3d │ 优势                         │ 劣势            │", p),
			"  └──────────┴──────────────────────────────┴─────────────────┘",
			"")
	}
	lines = lines[top : top+height-1]
	lines = append(lines, fmt.Sprintf("\x1b[2m 英伟达市值 · 为什么是GPU %80d / 39\x1b[0m", k+1))
	return strings.Join(lines, "\n")
}
