package tui

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// goroutineID is the calling goroutine's number, from its stack header.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	return string(bytes.Fields(buf)[1])
}

func TestWorkerKeepsItsGoroutineBetweenJobs(t *testing.T) {
	w := newWorker(time.Minute)
	var first, second string
	w.do(func() { first = goroutineID() })
	w.do(func() { second = goroutineID() })
	if first != second {
		t.Errorf("jobs ran on goroutines %s and %s, want one kept between them", first, second)
	}
	if first == goroutineID() {
		t.Error("the job ran on the caller's goroutine")
	}
}

func TestWorkerEndsWhenIdleAndStartsAgain(t *testing.T) {
	w := newWorker(20 * time.Millisecond)
	var first, later string
	w.do(func() { first = goroutineID() })
	deadline := time.Now().Add(5 * time.Second)
	for {
		w.mu.Lock()
		running := w.running
		w.mu.Unlock()
		if !running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the worker's goroutine did not end after its idle time")
		}
		time.Sleep(5 * time.Millisecond)
	}
	w.do(func() { later = goroutineID() })
	if later == "" || later == first {
		t.Errorf("after the idle end, a job ran on %q (first on %q): want a new goroutine", later, first)
	}
}

func TestWorkerRaisesAPanicInTheCaller(t *testing.T) {
	w := newWorker(time.Minute)
	defer func() {
		p, _ := recover().(*jobPanic)
		if p == nil || p.value != "boom" || !strings.Contains(p.String(), "worker_test.go") {
			t.Errorf("recovered %v, want the job's panic with its stack", p)
		}
		ran := false
		w.do(func() { ran = true }) // the worker survived it
		if !ran {
			t.Error("the worker did not run a job after a panic")
		}
	}()
	w.do(func() { panic("boom") })
	t.Error("do returned after its job panicked")
}

// TestWorkerConcurrentCallers runs jobs from many goroutines while the
// worker keeps ending on a short idle time: every job runs once, one at a
// time.
func TestWorkerConcurrentCallers(t *testing.T) {
	w := newWorker(time.Millisecond)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		ran     int
		running int
	)
	for i := range 50 {
		wg.Go(func() {
			for range 20 {
				w.do(func() {
					mu.Lock()
					running++
					if running > 1 {
						t.Error("two jobs ran at once")
					}
					mu.Unlock()
					if i%7 == 0 {
						time.Sleep(time.Millisecond)
					}
					mu.Lock()
					running--
					ran++
					mu.Unlock()
				})
			}
		})
	}
	wg.Wait()
	if ran != 50*20 {
		t.Errorf("%d jobs ran, want %d", ran, 50*20)
	}
}
