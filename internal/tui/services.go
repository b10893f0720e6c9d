package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/follow"
	"shovel/internal/tui/pace"
)

// Services are what a talk runs beside the screen: the live-reload
// watcher, the server other screens follow, the speaker's rehearsal
// history. Options.Services starts them once the first frame is out:
// together they took ~1 ms of the first frame's path (files, a socket, a
// hash of the deck; docs/dev/performance.md, "2026-12-03 (fourth
// session)"), and none of them is needed to show slide 1. A nil field is
// a service that did not start.
type Services struct {
	Watcher   Watcher
	Followers *follow.Server
	History   func(*deck.Deck) []time.Duration
}

// servicesMsg carries the services Options.Services started.
type servicesMsg struct{ s Services }

// startServices runs start in a command: bubbletea runs Init's commands
// once the initial view is on the screen.
func startServices(start func() Services) tea.Cmd {
	return func() tea.Msg { return servicesMsg{start()} }
}

// attachServices makes the started services the model's, as if they had
// been in Options (Watcher, Followers, History) from the start: the
// followers get the deck now and the state after this Update (publish),
// and the rehearsed pace is planned again with the history.
func (m *Model) attachServices(s Services) tea.Cmd {
	var cmds []tea.Cmd
	if s.Watcher != nil && m.opts.Watcher == nil {
		m.opts.Watcher = s.Watcher
		cmds = append(cmds, waitForChange(s.Watcher))
	}
	if s.Followers != nil && m.share.srv == nil {
		m.opts.Followers, m.share.srv = s.Followers, s.Followers
		m.share.deckChanged(m.deck)
		cmds = append(cmds, m.share.wait(m.share.srv))
	}
	if s.History != nil && m.opts.History == nil {
		m.opts.History = s.History
		if m.obs.deck != nil && m.obs.deck == m.deck {
			m.obs.plan = pace.Rehearsed(s.History(m.deck), m.budgets)
		}
	}
	return tea.Batch(cmds...)
}
