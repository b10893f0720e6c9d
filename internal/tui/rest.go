package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"shovel/deck"
)

// A long deck is shown before it is parsed whole: Options.Deck may hold
// only its first slides (deck.OpenFirstWith) and Options.Rest read the
// whole deck, which a command delivers after the first frame. Until then
// keys other than quit wait in a queue and are applied, in order, to the
// whole deck; the first slides being the same, nothing on screen moves.

// restMsg carries the whole deck, or why it could not be read.
type restMsg struct {
	deck *deck.Deck
	err  error
}

// partialState is the model's side of a deck still being read.
type partialState struct {
	on      bool
	started bool // the whole deck is being read
	queued  []tea.KeyPressMsg
	// failed is set when the whole deck could not be read or has errors:
	// the program quits and the caller reports it as if nothing had shown.
	failed   bool
	failDeck *deck.Deck
	failErr  error
}

// restStartMsg starts reading the whole deck if the first page has not
// done so by then (e.g. a terminal too small to show a slide).
type restStartMsg struct{}

// restFallback is how long reading the whole deck waits for the first
// page at most.
const restFallback = 200 * time.Millisecond

// startRest reads the whole deck once, after the first page is rendered:
// on a loaded machine the parse would otherwise compete with it.
func (m *Model) startRest() tea.Cmd {
	if !m.partial.on || m.partial.started {
		return nil
	}
	m.partial.started = true
	return restCmd(m.opts.Rest)
}

func restCmd(load func() (*deck.Deck, error)) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = restMsg{err: fmt.Errorf("internal error while reading the deck: %v", r)}
			}
		}()
		d, err := load()
		if err == nil && d == nil {
			err = fmt.Errorf("no deck was read")
		}
		return restMsg{deck: d, err: err}
	}
}

// queueKey holds a key pressed before the whole deck is read; quit keys
// still quit at once.
func (m *Model) queueKey(msg tea.KeyPressMsg) bool {
	if !m.partial.on || key.Matches(msg, m.c.Keys.Quit, m.c.Keys.ForceQuit) {
		return false
	}
	m.partial.queued = append(m.partial.queued, msg)
	return true
}

// applyRest installs the whole deck and replays the queued keys; a deck
// that cannot be presented ends the program (RestFailure says why).
func (m *Model) applyRest(msg restMsg) tea.Cmd {
	if !m.partial.on {
		return nil // a live reload already replaced the first slides
	}
	switch {
	case msg.err != nil, msg.deck.Diagnostics.HasErrors(), len(msg.deck.Slides) == 0:
		m.partial.failed, m.partial.failDeck, m.partial.failErr = true, msg.deck, msg.err
		m.partial.on = false
		return m.quit()
	}
	if err := m.setDeck(msg.deck); err != nil {
		m.partial.failed, m.partial.failErr = true, err
		m.partial.on = false
		return m.quit()
	}
	if m.opts.Watcher != nil {
		if err := m.opts.Watcher.WatchDeck(msg.deck); err != nil {
			m.c.Log.Debug("watch of the whole deck failed", "err", err)
		}
	}
	return m.endPartial()
}

// endPartial applies the keys pressed while the deck was being read.
func (m *Model) endPartial() tea.Cmd {
	m.partial.on = false
	cmds := []tea.Cmd{m.sync()}
	for _, k := range m.partial.queued {
		cmds = append(cmds, m.handleKey(k))
	}
	m.partial.queued = nil
	return tea.Batch(cmds...)
}

// RestFailure reports, after Run, whether the program quit because the
// whole deck (Options.Rest) could not be presented: the deck with its
// errors, or the error reading it.
func (m *Model) RestFailure() (failed bool, d *deck.Deck, err error) {
	return m.partial.failed, m.partial.failDeck, m.partial.failErr
}
