// Package watch tells when any of a deck's files changes on disk. It
// watches the directories that hold the files, not the files themselves,
// because editors save by writing a new file and renaming it over the old
// one, which ends a watch on the old file. Bursts of events (an editor's
// write, rename and chmod) are debounced into one report. There is no
// polling: the process sleeps until the kernel reports an event.
package watch

import (
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"shovel/deck"
)

// Watcher reports changed files on Changes, debounced.
type Watcher struct {
	fs       *fsnotify.Watcher
	debounce time.Duration
	log      *slog.Logger
	out      chan []string
	done     chan struct{}
	wg       sync.WaitGroup

	mu     sync.Mutex
	files  map[string]bool // absolute paths of the watched files
	mdDirs map[string]bool // directory decks: any .md file in them counts
	dirs   map[string]bool // directories added to fs
}

// New starts a watcher that reports after debounce without further events.
func New(debounce time.Duration, log *slog.Logger) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w := &Watcher{
		fs: fw, debounce: debounce, log: log,
		out: make(chan []string), done: make(chan struct{}),
		files: map[string]bool{}, mdDirs: map[string]bool{}, dirs: map[string]bool{},
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Paths are what to watch for d: its files (includes too) and, for a
// directory deck, the directory, where a new .md file adds a slide.
func Paths(d *deck.Deck) []string {
	paths := append([]string(nil), d.Files...)
	if fi, err := os.Stat(d.Root); err == nil && fi.IsDir() {
		paths = append(paths, d.Root)
	}
	return paths
}

// Watch replaces the set of watched paths: each is a file, or a directory
// in which every .md file counts.
func (w *Watcher) Watch(paths []string) error {
	files, mdDirs, dirs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			mdDirs[abs], dirs[abs] = true, true
			continue
		}
		files[abs], dirs[filepath.Dir(abs)] = true, true
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	var firstErr error
	for d := range dirs {
		if !w.dirs[d] {
			if err := w.fs.Add(d); err != nil && firstErr == nil {
				firstErr = err
			}
		}
	}
	for d := range w.dirs {
		if !dirs[d] {
			_ = w.fs.Remove(d)
		}
	}
	w.files, w.mdDirs, w.dirs = files, mdDirs, dirs
	return firstErr
}

// Changes delivers the changed files, sorted, once events have settled.
// It is closed by Close.
func (w *Watcher) Changes() <-chan []string { return w.out }

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	err := w.fs.Close()
	w.wg.Wait()
	return err
}

func (w *Watcher) relevant(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files[name] {
		return true
	}
	return w.mdDirs[filepath.Dir(name)] && strings.EqualFold(filepath.Ext(name), ".md")
}

func (w *Watcher) loop() {
	defer w.wg.Done()
	defer close(w.out)
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var fire <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			// A bare chmod (some editors, backup tools) changes no text.
			if ev.Op == fsnotify.Chmod || !w.relevant(ev.Name) {
				continue
			}
			w.log.Debug("watch event", "event", ev.String())
			pending[ev.Name] = true
			timer.Reset(w.debounce)
			fire = timer.C
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.log.Debug("watch error", "err", err)
		case <-fire:
			fire = nil
			batch := make([]string, 0, len(pending))
			for f := range pending {
				batch = append(batch, f)
			}
			sort.Strings(batch)
			clear(pending)
			select {
			case w.out <- batch:
			case <-w.done:
				return
			}
		}
	}
}
