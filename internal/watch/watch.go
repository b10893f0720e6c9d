// Package watch tells when any of a deck's files changes on disk. It
// watches the directories that hold the files, not the files themselves,
// because editors save by writing a new file and renaming it over the old
// one, which ends a watch on the old file. Bursts of events (an editor's
// write, rename and chmod) are debounced into one report. There is no
// polling: the process sleeps until the kernel reports an event.
package watch

import (
	"fmt"
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

	mu sync.Mutex
	// files maps each path an event may name to the path reported: a deck
	// file that is a symbolic link is watched as itself and as its target.
	files  map[string]string
	mdDirs map[string]bool // directory decks: any .md file in them counts
	dirs   map[string]bool // directories the deck lives in
	// lost are directories of dirs that were removed (or renamed away);
	// anchors are the existing ancestors watched until they come back.
	lost    map[string]bool
	anchors map[string]bool
	ignore  map[string]bool // never reported nor logged (the debug log)
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
		files: map[string]string{}, mdDirs: map[string]bool{}, dirs: map[string]bool{},
		lost: map[string]bool{}, anchors: map[string]bool{}, ignore: map[string]bool{},
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Ignore makes events about path (the debug log file) count for nothing:
// they are neither reported nor logged, so the log cannot feed itself.
func (w *Watcher) Ignore(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range sameFile(path) {
		w.ignore[p] = true
	}
}

// sameFile is path made absolute, and its target when it is a symbolic
// link (or lives under one).
func sameFile(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	out := []string{abs}
	if real, err := filepath.EvalSymlinks(abs); err == nil && real != abs {
		out = append(out, real)
	}
	return out
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

// WatchDeck watches Paths(d).
func (w *Watcher) WatchDeck(d *deck.Deck) error { return w.Watch(Paths(d)) }

// Watch replaces the set of watched paths: each is a file, or a directory
// in which every .md file counts. Every directory is added again even if
// it was watched before: one that was removed and recreated lost its
// watch in the kernel, and a manual reload must bring it back.
func (w *Watcher) Watch(paths []string) error {
	files, mdDirs, dirs := map[string]string{}, map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		names := sameFile(p)
		if len(names) == 0 {
			return fmt.Errorf("watch %s: cannot make the path absolute", p)
		}
		if fi, err := os.Stat(names[0]); err == nil && fi.IsDir() {
			for _, n := range names {
				mdDirs[n], dirs[n] = true, true
			}
			continue
		}
		for _, n := range names {
			// A symbolic link is watched in its own folder (it may be
			// replaced) and in its target's, where an editor saves.
			files[n], dirs[filepath.Dir(n)] = names[0], true
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	var firstErr error
	w.lost = map[string]bool{}
	for d := range dirs {
		if err := w.fs.Add(d); err != nil {
			if _, serr := os.Stat(d); os.IsNotExist(serr) {
				w.lost[d] = true // watched from an ancestor until it is back
				continue
			}
			if firstErr == nil {
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
	w.anchorLost()
	return firstErr
}

// anchorLost watches the nearest existing ancestor of each lost directory,
// so that its coming back is seen, and drops anchors no longer needed. An
// ancestor removed before its watch began is passed over for the next one
// up. It reports whether the set of anchors changed. The caller holds mu.
func (w *Watcher) anchorLost() bool {
	want := map[string]bool{}
	for d := range w.lost {
		for a := filepath.Dir(d); ; a = filepath.Dir(a) {
			if want[a] || w.anchors[a] || w.dirs[a] && !w.lost[a] {
				want[a] = true
				break
			}
			if err := w.fs.Add(a); err == nil {
				want[a] = true
				break
			}
			if a == filepath.Dir(a) {
				break
			}
		}
	}
	changed := len(want) != len(w.anchors)
	for a := range w.anchors {
		if !want[a] {
			changed = true
			if !w.dirs[a] {
				_ = w.fs.Remove(a)
			}
		}
	}
	w.anchors = want
	return changed
}

// lose notes that watched directory d went away; the caller holds mu.
func (w *Watcher) lose(d string) {
	_ = w.fs.Remove(d) // a directory renamed away would still be watched
	w.lost[d] = true
	w.anchorLost()
}

// regain re-adds lost directories that exist again and returns the
// watched files in them: they may have been written before the new watch
// began, so they count as changed. The caller holds mu.
func (w *Watcher) regain() []string {
	var changed []string
	// Each pass may anchor deeper, and a folder made before its parent's
	// new watch began sends no event: try again until nothing comes back.
	for again := true; again; {
		again = false
		for d := range w.lost {
			if err := w.fs.Add(d); err != nil {
				continue
			}
			again = true
			delete(w.lost, d)
			w.log.Debug("watching again", "dir", d)
			changed = append(changed, w.filesIn(d)...)
		}
		if w.anchorLost() {
			again = true
		}
	}
	return changed
}

// filesIn are the deck's files in directory d; the caller holds mu.
func (w *Watcher) filesIn(d string) []string {
	var out []string
	for name, report := range w.files {
		if filepath.Dir(name) == d {
			out = append(out, report)
		}
	}
	if w.mdDirs[d] {
		if ents, err := os.ReadDir(d); err == nil {
			for _, e := range ents {
				if strings.EqualFold(filepath.Ext(e.Name()), ".md") {
					out = append(out, filepath.Join(d, e.Name()))
				}
			}
		}
	}
	return out
}

// structural handles events that change what is watched: a watched
// directory removed or renamed away, or something created on the way to a
// lost one. It returns files that count as changed.
func (w *Watcher) structural(ev fsnotify.Event) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dirs[ev.Name] && !w.lost[ev.Name] && (ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename)) {
		w.log.Debug("watched folder gone", "dir", ev.Name)
		w.lose(ev.Name)
		// It may be back already: the event can be read after the folder
		// was made again, and then no Create comes from the ancestor.
		return w.regain()
	}
	if w.anchors[ev.Name] && (ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename)) {
		_ = w.fs.Remove(ev.Name)
		delete(w.anchors, ev.Name)
		return w.regain() // wait further up, unless it is back already
	}
	if ev.Op.Has(fsnotify.Create) && len(w.lost) > 0 {
		for d := range w.lost {
			if d == ev.Name || strings.HasPrefix(d, ev.Name+string(filepath.Separator)) {
				return w.regain()
			}
		}
	}
	return nil
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

// report is the name to report for an event about name, or "" when it is
// none of the deck's files.
func (w *Watcher) report(name string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ignore[name] {
		return ""
	}
	if r, ok := w.files[name]; ok {
		return r
	}
	if w.mdDirs[filepath.Dir(name)] && strings.EqualFold(filepath.Ext(name), ".md") {
		return name
	}
	return ""
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
			changed := w.structural(ev)
			// A bare chmod (some editors, backup tools) changes no text.
			if name := w.report(ev.Name); name != "" && ev.Op != fsnotify.Chmod {
				w.log.Debug("watch event", "event", ev.String())
				changed = append(changed, name)
			}
			if len(changed) == 0 {
				continue
			}
			for _, f := range changed {
				pending[f] = true
			}
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
