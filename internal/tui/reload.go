package tui

import (
	"fmt"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/tui/nav"
)

// Watcher reports changes to the deck's files (internal/watch in the real
// program, a fake in tests).
type Watcher interface {
	Changes() <-chan []string
	// WatchDeck replaces what is watched with the files (and folder) of a
	// reloaded deck, whose includes may have changed.
	WatchDeck(d *deck.Deck) error
}

// changeMsg says that deck files changed on disk.
type changeMsg struct{ files []string }

// reloadMsg carries a freshly parsed deck, or why it could not be read.
type reloadMsg struct {
	deck *deck.Deck
	err  error
	// seq numbers the parse: parses run concurrently and may finish out
	// of order, and only one newer than the last applied may be applied.
	seq int
}

// reloads numbers the parses started and remembers the newest applied.
type reloads struct{ started, applied int }

func waitForChange(w Watcher) tea.Cmd {
	return func() tea.Msg {
		files, ok := <-w.Changes()
		if !ok {
			return nil
		}
		return changeMsg{files}
	}
}

// reloadCmd re-reads the deck outside Update: parsing a large deck must not
// stall the keyboard.
func (m *Model) reloadCmd() tea.Cmd {
	load := m.opts.Load
	if load == nil {
		return nil
	}
	m.reloads.started++
	seq := m.reloads.started
	return func() (msg tea.Msg) {
		// A parser bug must cost this reload, not the talk.
		defer func() {
			if r := recover(); r != nil {
				msg = reloadMsg{err: fmt.Errorf("internal error while reading the deck: %v", r), seq: seq}
			}
		}()
		d, err := load()
		if err == nil && d == nil {
			err = fmt.Errorf("no deck was read")
		}
		return reloadMsg{deck: d, err: err, seq: seq}
	}
}

// applyReload installs a good deck, staying on the current slide or going
// to the first slide that changed. A deck that cannot be read or has errors
// leaves the last good one on screen under a banner: the talk never dies.
func (m *Model) applyReload(msg reloadMsg) tea.Cmd {
	if msg.seq <= m.reloads.applied {
		// A slow parse of an older version: a newer one is on screen.
		m.c.Log.Debug("stale reload dropped", "seq", msg.seq, "applied", m.reloads.applied)
		return nil
	}
	m.reloads.applied = msg.seq
	if m.partial.on {
		// The first slides are showing: this parse stands for the whole
		// deck's, which may have read an older version.
		return m.applyRest(restMsg{deck: msg.deck, err: msg.err})
	}
	m.reloadNote = "" // an earlier "reloaded" must not sit beside a new failure
	switch {
	case msg.err != nil:
		m.banner = "⚠ kept the last good version · reload failed: " + msg.err.Error()
		m.c.Log.Debug("reload failed", "err", msg.err)
		return nil
	case msg.deck.Diagnostics.HasErrors():
		errs := msg.deck.Diagnostics.Errors()
		more := ""
		if len(errs) > 1 {
			more = fmt.Sprintf(" (+%d more)", len(errs)-1)
		}
		m.banner = "⚠ kept the last good version · " + shortPos(errs[0]) + more
		m.c.Log.Debug("reloaded deck has errors", "first", errs[0].String())
		return nil
	case len(msg.deck.Slides) == 0:
		m.banner = "⚠ kept the last good version · the deck has no slides"
		return nil
	}
	changed := firstChanged(m.deck, msg.deck)
	old := m.pos
	if err := m.setDeck(msg.deck); err != nil {
		m.banner = "⚠ " + err.Error()
		return nil
	}
	m.banner = ""
	if m.opts.Watcher != nil {
		if err := m.opts.Watcher.WatchDeck(msg.deck); err != nil {
			m.c.Log.Debug("re-watch failed", "err", err)
		}
	}
	target := old
	if changed >= 0 && changed != old.Slide {
		// Show the edit whole: the changed text may sit behind a pause.
		target = nav.State{Slide: changed, Step: m.shape[min(changed, len(m.shape)-1)] - 1}
	}
	m.pos = nav.Clamp(m.shape, target)
	if m.pos.Slide != old.Slide {
		m.audience.scroll, m.presentV.scroll, m.presentV.notesScroll = 0, 0, 0
	}
	m.reloadNote = "reloaded"
	m.search.matches = nil
	if m.search.query != "" {
		m.search.matches = findAll(m.searchTexts(), m.search.query)
	}
	m.c.Log.Debug("reloaded", "slides", len(msg.deck.Slides), "firstChanged", changed)
	return m.sync()
}

// shortPos formats a diagnostic with the file's base name, so the banner
// fits: "talk.md:14:1: unterminated code fence".
func shortPos(d deck.Diagnostic) string {
	p := d.Pos
	p.File = filepath.Base(p.File)
	return fmt.Sprintf("%s: %s", p, d.Message)
}

// firstChanged is the index of the first slide whose content differs
// between a and b (a slide added at the end counts), or -1.
func firstChanged(a, b *deck.Deck) int {
	n := min(len(a.Slides), len(b.Slides))
	for i := 0; i < n; i++ {
		if fingerprint(a.Slides[i]) != fingerprint(b.Slides[i]) {
			return i
		}
	}
	if len(a.Slides) != len(b.Slides) {
		return min(n, len(b.Slides)-1)
	}
	return -1
}

// fingerprint is a slide's content without its position in the file, so
// that an edit above a slide does not count as changing it.
func fingerprint(s *deck.Slide) string {
	f := fmt.Sprintf("%q|%q|%v|%d|%v|%v|%v|%v", s.Title, s.Notes, s.Time, s.Steps, s.Alignment, s.JumpToMiddle, s.NoFooter, len(s.Layouts))
	for _, b := range s.Blocks {
		f += fmt.Sprintf("|%d,%d,%d:%q", b.Step, b.Layout, b.Column, b.Markdown)
	}
	for _, l := range s.Layouts {
		f += fmt.Sprintf("|%v", l.Widths)
	}
	return f
}
