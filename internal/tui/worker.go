package tui

import (
	"fmt"
	"runtime/debug"
	"sync"
	"time"
)

// worker runs functions one at a time on a goroutine it keeps between
// them. Typesetting runs in commands, and bubbletea starts a goroutine for
// each; a new goroutine's stack is small, and goldmark's parser and the
// typesetter's recursion grow it by copying, several times a render: 2.5 %
// of a key press's CPU on the 1,000-slide deck (perf, 300 presses). Kept,
// the stack stays grown. The goroutine ends after idleAfter without work,
// so a program left idle, or a model no longer used, keeps none.
type worker struct {
	idleAfter time.Duration
	mu        sync.Mutex // held by do while it hands a job over
	running   bool
	jobs      chan func()
}

func newWorker(idleAfter time.Duration) *worker {
	return &worker{idleAfter: idleAfter, jobs: make(chan func())}
}

// jobPanic is a panic of a worker's job, raised again in the caller with
// the stack it happened on.
type jobPanic struct {
	value any
	stack []byte
}

func (p *jobPanic) String() string {
	return fmt.Sprintf("%v\n\non the worker's goroutine:\n%s", p.value, p.stack)
}

// do runs f on the worker's goroutine and returns when f has. A panic in
// f is raised again in the caller, where bubbletea's recovery for
// commands sees it.
func (w *worker) do(f func()) {
	done := make(chan *jobPanic, 1)
	job := func() {
		defer func() {
			var jp *jobPanic
			if p := recover(); p != nil {
				jp = &jobPanic{p, debug.Stack()}
			}
			done <- jp
		}()
		f()
	}
	w.mu.Lock()
	if !w.running {
		w.running = true
		go w.loop()
	}
	w.jobs <- job
	w.mu.Unlock()
	if p := <-done; p != nil {
		panic(p)
	}
}

func (w *worker) loop() {
	idle := time.NewTimer(w.idleAfter)
	defer idle.Stop()
	for {
		select {
		case job := <-w.jobs:
			job()
			idle.Reset(w.idleAfter)
		case <-idle.C:
			// A do holding the lock is handing a job over: take it (the
			// timer is reset after it). Otherwise no job can arrive before
			// running is false, and the next do starts a goroutine.
			if !w.mu.TryLock() {
				continue
			}
			w.running = false
			w.mu.Unlock()
			return
		}
	}
}
