package tea

// shovel: this file is not upstream's. The scroll optimization patch is
// measured by BenchmarkShovelFlush; shovel's third_party/forks_test.go
// checks that every difference from the released module is marked.

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/muesli/cancelreader"
)

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

// shovelCancelInput is an input that makes its own cancellable reader, as
// shovel's polltty.TTY does; reading it directly is a failure.
type shovelCancelInput struct {
	t *testing.T
	r *shovelChanReader
}

func (in shovelCancelInput) Read([]byte) (int, error) {
	in.t.Error("the input was read directly, not through its CancelReader")
	return 0, io.EOF
}

func (in shovelCancelInput) CancelReader() (cancelreader.CancelReader, error) { return in.r, nil }

type shovelChanReader struct {
	data      chan []byte
	cancelled chan struct{}
	once      sync.Once
}

func (r *shovelChanReader) Read(b []byte) (int, error) {
	select {
	case d := <-r.data:
		return copy(b, d), nil
	case <-r.cancelled:
		return 0, cancelreader.ErrCanceled
	}
}

func (r *shovelChanReader) Cancel() bool {
	r.once.Do(func() { close(r.cancelled) })
	return true
}

func (r *shovelChanReader) Close() error { return nil }

type shovelKeysModel struct{ keys []string }

func (m *shovelKeysModel) Init() Cmd { return nil }

func (m *shovelKeysModel) Update(msg Msg) (Model, Cmd) {
	if k, ok := msg.(KeyPressMsg); ok {
		m.keys = append(m.keys, k.String())
		if k.String() == "q" {
			return m, Quit
		}
	}
	return m, nil
}

func (m *shovelKeysModel) View() View { return NewView(strings.Join(m.keys, " ")) }

// TestShovelInputWithItsOwnCancelReader: an input with a CancelReader
// method is read through the reader it makes, and quitting cancels it.
func TestShovelInputWithItsOwnCancelReader(t *testing.T) {
	r := &shovelChanReader{data: make(chan []byte), cancelled: make(chan struct{})}
	m := &shovelKeysModel{}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	p := NewProgram(m, WithContext(ctx), WithInput(shovelCancelInput{t, r}), WithOutput(io.Discard))
	go func() {
		for _, k := range []string{"x", "q"} {
			select {
			case r.data <- []byte(k):
			case <-ctx.Done():
				return
			}
		}
	}()
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.keys, " "); got != "x q" {
		t.Errorf("keys = %q, want \"x q\"", got)
	}
	select {
	case <-r.cancelled:
	default:
		t.Error("quitting did not cancel the input's reader")
	}
}

// shovelFirstWrite records how many updates the model had seen when the
// program first wrote to the terminal.
type shovelFirstWrite struct {
	mu      sync.Mutex
	m       *shovelCountModel
	atFirst int
	wrote   bool
}

func (w *shovelFirstWrite) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.wrote && strings.Contains(string(b), "first view") {
		w.wrote = true
		w.atFirst = int(w.m.updates.Load())
	}
	return len(b), nil
}

type shovelCountModel struct{ updates atomic.Int32 }

func (m *shovelCountModel) Init() Cmd { return nil }

func (m *shovelCountModel) Update(msg Msg) (Model, Cmd) {
	m.updates.Add(1)
	if k, ok := msg.(KeyPressMsg); ok && k.String() == "q" {
		return m, Quit
	}
	return m, nil
}

func (m *shovelCountModel) View() View { return NewView("first view") }

// TestShovelInitialViewWrittenBeforeTheEventLoop: the initial view goes to
// the terminal before the event loop hands the model its first message.
// Upstream left it to the render loop's goroutine, which on one P ran only
// after the event loop had handled the start-up messages.
func TestShovelInitialViewWrittenBeforeTheEventLoop(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for range 20 {
		m := &shovelCountModel{}
		w := &shovelFirstWrite{m: m}
		r := &shovelChanReader{data: make(chan []byte), cancelled: make(chan struct{})}
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		p := NewProgram(m, WithContext(ctx), WithInput(shovelCancelInput{t, r}), WithOutput(w), WithWindowSize(80, 24))
		go func() {
			time.Sleep(20 * time.Millisecond)
			select {
			case r.data <- []byte("q"):
			case <-ctx.Done():
			}
		}()
		_, err := p.Run()
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		w.mu.Lock()
		wrote, at := w.wrote, w.atFirst
		w.mu.Unlock()
		if !wrote {
			t.Fatal("the initial view was never written")
		}
		if at != 0 {
			t.Fatalf("the initial view was written after %d updates, not before the first", at)
		}
	}
}

// TestShovelInputReadAfterTheInitialView checks that the read loop (and
// the key table it builds) waits until Run has written the initial view:
// the view here takes 50 ms to compose, and upstream's read loop had read
// the input long before it was written.
func TestShovelInputReadAfterTheInitialView(t *testing.T) {
	for range 5 {
		var mu sync.Mutex
		var events []string
		note := func(e string) {
			mu.Lock()
			events = append(events, e)
			mu.Unlock()
		}
		r := &shovelChanReader{data: make(chan []byte), cancelled: make(chan struct{})}
		in := shovelCancelInput{t, r}
		m := &shovelSlowViewModel{}
		w := shovelNoteWrites{note: note}
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		p := NewProgram(m, WithContext(ctx), WithInput(shovelNoteReads{in, note}), WithOutput(w), WithWindowSize(80, 24))
		go func() {
			select {
			case r.data <- []byte("q"):
			case <-ctx.Done():
			}
		}()
		_, err := p.Run()
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		got := slices.Clone(events)
		mu.Unlock()
		if len(got) < 2 || got[0] != "view written" {
			t.Fatalf("events %q: want the initial view written before the input is read", got)
		}
	}
}

// shovelNoteReads notes when its cancel reader is first read.
type shovelNoteReads struct {
	in   shovelCancelInput
	note func(string)
}

func (n shovelNoteReads) Read(b []byte) (int, error) { return n.in.Read(b) }

func (n shovelNoteReads) CancelReader() (cancelreader.CancelReader, error) {
	return shovelNotedReader{n.in.r, n.note}, nil
}

type shovelNotedReader struct {
	*shovelChanReader
	note func(string)
}

func (r shovelNotedReader) Read(b []byte) (int, error) {
	r.note("input read")
	return r.shovelChanReader.Read(b)
}

type shovelNoteWrites struct{ note func(string) }

func (w shovelNoteWrites) Write(b []byte) (int, error) {
	if strings.Contains(string(b), "slow view") {
		w.note("view written")
	}
	return len(b), nil
}

type shovelSlowViewModel struct{ views atomic.Int32 }

func (m *shovelSlowViewModel) Init() Cmd { return nil }

func (m *shovelSlowViewModel) Update(msg Msg) (Model, Cmd) {
	if k, ok := msg.(KeyPressMsg); ok && k.String() == "q" {
		return m, Quit
	}
	return m, nil
}

func (m *shovelSlowViewModel) View() View {
	if m.views.Add(1) == 1 {
		time.Sleep(50 * time.Millisecond)
	}
	return NewView("slow view")
}
