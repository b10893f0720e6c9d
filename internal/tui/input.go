package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"shovel/internal/tui/nav"
)

// handleKey routes a key press: overlays take keys first, then the slides.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	// ctrl+c always quits, whatever covers the screen: the speaker's
	// emergency exit.
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	switch m.overlay {
	case blankOverlay:
		m.overlay = noOverlay // any key brings the slides back
		return nil
	case helpOverlay:
		switch {
		case key.Matches(msg, k.ScrollDown, k.Next):
			m.help.scrollBy(1)
		case key.Matches(msg, k.ScrollUp, k.Prev):
			m.help.scrollBy(-1)
		default:
			m.overlay = noOverlay
		}
		return nil
	case indexOverlay:
		jump, done := m.index.Update(msg)
		if done {
			m.overlay = noOverlay
		}
		if jump > 0 {
			return m.move(nav.Action{Kind: nav.Goto, N: jump})
		}
		return nil
	case searchOverlay:
		query, done := m.bar.Update(msg)
		if done {
			m.overlay = noOverlay
			if query != "" {
				return m.runSearch(query)
			}
		}
		return nil
	}
	return m.slideKey(msg)
}

// slideKey handles a key on the slides (audience or presenter view).
func (m *Model) slideKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	m.flash = ""
	// A slide number being typed: digits add to it, enter or G go there,
	// anything else cancels it (and then does what it normally does).
	if key.Matches(msg, k.Count) {
		if m.count < 100000 {
			m.count = m.count*10 + int(msg.String()[0]-'0')
		}
		m.counting, m.pendingG = true, false
		return nil
	}
	if m.counting {
		n := m.count
		m.count, m.counting = 0, false
		if key.Matches(msg, k.Choose, k.Last) {
			return m.move(nav.Action{Kind: nav.Goto, N: n})
		}
		if key.Matches(msg, k.Close) {
			return nil
		}
		if key.Matches(msg, k.FirstChord) { // "12 g g", as in vim
			m.pendingG, m.gotoN = true, n
			return nil
		}
	}
	if m.pendingG {
		m.pendingG = false
		n := m.gotoN
		m.gotoN = 0
		if key.Matches(msg, k.FirstChord) {
			if n > 0 {
				return m.move(nav.Action{Kind: nav.Goto, N: n})
			}
			return m.move(nav.Action{Kind: nav.First})
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Next):
		return m.move(nav.Action{Kind: nav.Next})
	case key.Matches(msg, k.Prev):
		return m.move(nav.Action{Kind: nav.Prev})
	case key.Matches(msg, k.NextSlide):
		return m.move(nav.Action{Kind: nav.NextSlide})
	case key.Matches(msg, k.PrevSlide):
		return m.move(nav.Action{Kind: nav.PrevSlide})
	case key.Matches(msg, k.First):
		return m.move(nav.Action{Kind: nav.First})
	case key.Matches(msg, k.FirstChord):
		m.pendingG = true
	case key.Matches(msg, k.Last):
		return m.move(nav.Action{Kind: nav.Last})
	case key.Matches(msg, k.RevealAll):
		return m.move(nav.Action{Kind: nav.RevealAll})
	case key.Matches(msg, k.ScrollDown):
		m.scrollSlide(1)
	case key.Matches(msg, k.ScrollUp):
		m.scrollSlide(-1)
	case key.Matches(msg, k.NotesDown):
		m.presentV.scrollNotes(3)
	case key.Matches(msg, k.NotesUp):
		m.presentV.scrollNotes(-3)
	case key.Matches(msg, k.Index):
		m.overlay = indexOverlay
		m.index.open(m.pos.Slide)
	case key.Matches(msg, k.Search):
		m.overlay = searchOverlay
		m.bar.open()
	case key.Matches(msg, k.SearchNext):
		return m.nextMatch(1)
	case key.Matches(msg, k.SearchPrev):
		return m.nextMatch(-1)
	case key.Matches(msg, k.Help):
		m.overlay = helpOverlay
		m.help.scroll = 0
	case key.Matches(msg, k.Blank):
		m.overlay = blankOverlay
	case key.Matches(msg, k.Presenter):
		return m.togglePresenter()
	case key.Matches(msg, k.TimerToggle):
		m.timer = m.timer.Toggle(m.c.Now())
	case key.Matches(msg, k.TimerReset):
		m.timer = m.timer.Reset()
	case key.Matches(msg, k.Reload):
		if m.opts.Load == nil {
			m.flash = "this deck cannot be reloaded"
			return nil
		}
		m.flash = "reloading…"
		return m.reloadCmd()
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	}
	return nil
}

// handleMouse: the wheel and a left click go forward, the wheel up and a
// right click go back; on a blank screen any click returns.
func (m *Model) handleMouse(ms tea.Mouse, wheel bool) tea.Cmd {
	switch m.overlay {
	case blankOverlay:
		if !wheel {
			m.overlay = noOverlay
		}
		return nil
	case indexOverlay:
		if wheel {
			m.index.moveBy(map[bool]int{true: 1, false: -1}[ms.Button == tea.MouseWheelDown])
		}
		return nil
	case noOverlay:
	default:
		return nil
	}
	m.flash = ""
	switch ms.Button {
	case tea.MouseLeft, tea.MouseWheelDown:
		return m.move(nav.Action{Kind: nav.Next})
	case tea.MouseRight, tea.MouseWheelUp:
		return m.move(nav.Action{Kind: nav.Prev})
	}
	return nil
}

// move applies a navigation action. The first move starts the timer.
func (m *Model) move(a nav.Action) tea.Cmd {
	res := nav.Navigate(m.shape, m.pos, a)
	m.flash = res.Note
	if res.State == m.pos {
		if m.flash == "" && (a.Kind == nav.Next || a.Kind == nav.NextSlide) && m.pos.Slide == len(m.shape)-1 {
			m.flash = "end of the deck"
		}
		return nil
	}
	if res.Slide != m.pos.Slide {
		m.presentV.notesScroll = 0
	}
	m.pos = res.State
	m.audience.scroll, m.presentV.scroll = 0, 0
	if !m.timer.Started {
		m.timer = m.timer.Start(m.c.Now())
	}
	return m.sync()
}

func (m *Model) togglePresenter() tea.Cmd {
	m.presenter = !m.presenter
	m.audience.scroll, m.presentV.scroll = 0, 0
	if !m.presenter {
		m.stopTicking()
		return m.sync()
	}
	return tea.Batch(m.sync(), m.startTicking())
}

func (m *Model) scrollSlide(d int) {
	if m.presenter {
		m.presentV.scrollSlide(d)
	} else {
		m.audience.scrollBy(d)
	}
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	return tea.Quit
}
