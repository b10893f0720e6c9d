package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"shovel/internal/tui/chord"
	"shovel/internal/tui/nav"
)

// handleKey routes a key press: overlays take keys first, then the slides.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	// ForceQuit (ctrl+c) quits whatever covers the screen: the speaker's
	// emergency exit.
	if key.Matches(msg, k.ForceQuit) {
		return m.quit()
	}
	if m.fl != nil {
		return m.followerKey(msg)
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
	m.flash, m.reloadNote = "", ""
	var res chord.Result
	m.chord, res = chord.Feed(m.chord, k.chordKey(msg))
	switch res.Do {
	case chord.Wait:
		return nil
	case chord.Goto:
		return m.move(nav.Action{Kind: nav.Goto, N: res.N})
	case chord.First:
		return m.move(nav.Action{Kind: nav.First})
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Close):
		m.c.Match = "" // the search stays for ctrl+n, unmarked
	case key.Matches(msg, k.Next):
		return m.next()
	case key.Matches(msg, k.Prev):
		return m.move(nav.Action{Kind: nav.Prev})
	case key.Matches(msg, k.NextSlide):
		return m.move(nav.Action{Kind: nav.NextSlide})
	case key.Matches(msg, k.PrevSlide):
		return m.move(nav.Action{Kind: nav.PrevSlide})
	case key.Matches(msg, k.First):
		return m.move(nav.Action{Kind: nav.First})
	case key.Matches(msg, k.Last):
		return m.move(nav.Action{Kind: nav.Last})
	case key.Matches(msg, k.RevealAll):
		return m.move(nav.Action{Kind: nav.RevealAll})
	case key.Matches(msg, k.ScrollDown):
		m.scrollSlide(1)
	case key.Matches(msg, k.ScrollUp):
		m.scrollSlide(-1)
	case key.Matches(msg, k.NotesDown):
		m.presentV.scrollNotesPage(1)
	case key.Matches(msg, k.NotesUp):
		m.presentV.scrollNotesPage(-1)
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
		return m.blank()
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
		m.reloadNote = "reloading…"
		return m.reloadCmd()
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	}
	return nil
}

// handleMouse: the wheel and a left click go forward, the wheel up and a
// right click go back; on a blank screen any click returns.
func (m *Model) handleMouse(ms tea.Mouse, wheel bool) tea.Cmd {
	if m.fl != nil {
		return m.followerMouse(ms)
	}
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
	m.flash, m.reloadNote = "", ""
	switch ms.Button {
	case tea.MouseLeft, tea.MouseWheelDown:
		return m.next()
	case tea.MouseRight, tea.MouseWheelUp:
		return m.move(nav.Action{Kind: nav.Prev})
	}
	return nil
}

// move applies a navigation action. The first step forward or back starts
// the timer; a jump (a slide number, the index, search, first, last) does
// not: before the talk the speaker may be finding their place.
func (m *Model) move(a nav.Action) tea.Cmd {
	if m.fl != nil {
		m.fl.request(a) // the speaker moves, and this screen with it
		return nil
	}
	res := nav.Navigate(m.shape, m.pos, a)
	m.flash = res.Note
	if res.State == m.pos {
		if m.flash == "" && (a.Kind == nav.Next || a.Kind == nav.NextSlide) && m.pos.Slide == len(m.shape)-1 {
			m.flash = "end of the deck"
		}
		return nil
	}
	if res.Slide != m.pos.Slide {
		// A new slide starts at its top; a new step of the same slide keeps
		// the scroll, so that what it reveals below stays in view.
		m.presentV.notesScroll = 0
		m.audience.scroll, m.presentV.scroll = 0, 0
	}
	m.pos = res.State
	if !m.timer.Started && startsClock(a.Kind) {
		m.timer = m.timer.Start(m.c.Now())
	}
	return m.sync()
}

func (m *Model) togglePresenter() tea.Cmd {
	m.presenter = !m.presenter
	m.audience.scroll, m.presentV.scroll = 0, 0
	if !m.presenter && m.share.blank {
		// The audience view is the audience's: blanked, it shows blank.
		m.share.blank, m.overlay = false, blankOverlay
	}
	if !m.presenter {
		m.stopTicking()
		return m.sync()
	}
	return tea.Batch(m.sync(), m.startTicking())
}

func (m *Model) scrollSlide(d int) {
	if m.fl != nil {
		m.fl.scroll(d)
		return
	}
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

// chordKey classifies a key for the chord reader: digits, the keys that
// end a typed number (enter, G), esc and the g of "g g".
func (k KeyMap) chordKey(msg tea.KeyPressMsg) chord.Key {
	switch {
	case key.Matches(msg, k.Count) && len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9':
		return chord.Key{Kind: chord.Digit, Digit: int(msg.Text[0] - '0')}
	case key.Matches(msg, k.FirstChord):
		return chord.Key{Kind: chord.G}
	case key.Matches(msg, k.Choose, k.Last):
		return chord.Key{Kind: chord.Go}
	case key.Matches(msg, k.Close):
		return chord.Key{Kind: chord.Cancel}
	}
	return chord.Key{Kind: chord.Other}
}

// chordStatus is the footer's note while a chord is being typed.
func (m *Model) chordStatus() string {
	k := m.c.Keys
	var gos []string
	for _, g := range k.goKeys() {
		gos = append(gos, KeyNames(g))
	}
	return m.chord.Status(strings.Join(gos, " or "), firstKey(k.FirstChord))
}

// startsClock reports whether a move of kind k starts a stopped clock.
func startsClock(k nav.Kind) bool {
	switch k {
	case nav.Goto, nav.GotoStep, nav.First, nav.Last:
		return false
	}
	return true
}
