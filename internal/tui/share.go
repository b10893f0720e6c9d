package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/follow"
	"shovel/internal/tui/nav"
)

// speakerShare is the speaker's side of two screens: it publishes what the
// audience sees to the followers (Options.Followers) and applies their
// navigation. Any program built on Model (present, rehearse) gets it by
// setting Options.Followers.
type speakerShare struct {
	srv     *follow.Server
	seq     int // of the deck last published
	last    follow.State
	sent    bool
	screens int
	// blank is "audience blanked" from the presenter view: the followers
	// show nothing while the speaker keeps notes and timer.
	blank bool
	// wait returns the command that waits for the next event; tests
	// replace it and deliver events themselves.
	wait func(*follow.Server) tea.Cmd
}

// followEventMsg is a follower's request or a change in their number.
type followEventMsg follow.Event

func waitForFollowers(srv *follow.Server) tea.Cmd {
	return func() tea.Msg {
		select {
		case ev := <-srv.Events():
			return followEventMsg(ev)
		case <-srv.Done():
			return nil
		}
	}
}

// deckChanged publishes a newly installed deck.
func (s *speakerShare) deckChanged(d *deck.Deck) {
	if s.srv == nil {
		return
	}
	s.seq++
	s.srv.PublishDeck(d, s.seq)
}

// publish sends the audience's state if it changed. It runs after every
// Update and only compares and queues: it never waits for a follower.
func (m *Model) publish() {
	if m.share.srv == nil || m.c.Width == 0 {
		return
	}
	st := follow.State{Deck: m.share.seq, Slide: m.pos.Slide, Step: m.pos.Step,
		Scroll: m.scrollFraction(), Blank: m.overlay == blankOverlay || m.share.blank}
	if m.share.sent && st == m.share.last {
		return
	}
	m.share.last, m.share.sent = st, true
	m.share.srv.PublishState(st)
}

// scrollFraction is how far down the slide on the speaker's screen is
// scrolled, in follow.ScrollScale parts: screens of other sizes scroll
// the same share of the way.
func (m *Model) scrollFraction() int {
	scroll, most := m.audience.scroll, len(m.audience.lines())-m.audience.area()
	if m.presenter {
		scroll, most = m.presentV.scroll, len(pageLines(m.presentV.d.cur))-m.presentV.bodyHeight()
	}
	if most <= 0 {
		return 0
	}
	return min(scroll*follow.ScrollScale/most, follow.ScrollScale)
}

func (m *Model) followEvent(ev followEventMsg) tea.Cmd {
	next := m.share.wait(m.share.srv)
	if ev.Nav == nil {
		switch {
		case ev.Screens > m.share.screens:
			m.flash = "a screen follows · " + screens(ev.Screens)
		case ev.Screens < m.share.screens:
			m.flash = "a screen left · " + screens(ev.Screens)
		}
		m.share.screens = ev.Screens
		return next
	}
	return tea.Batch(next, m.applyNav(*ev.Nav))
}

func screens(n int) string {
	if n == 1 {
		return "1 screen"
	}
	return fmt.Sprintf("%d screens", n)
}

// applyNav does what a follower asked. On a blanked audience any request
// brings the slides back first, as a key does on the speaker's screen.
func (m *Model) applyNav(n follow.Nav) tea.Cmd {
	blanked := m.overlay == blankOverlay || m.share.blank
	if n.Action == follow.NavBlank && !blanked {
		return m.blank()
	}
	if blanked {
		m.share.blank = false
		if m.overlay == blankOverlay {
			m.overlay = noOverlay
		}
		return nil
	}
	switch n.Action {
	case follow.NavScrollDown:
		m.scrollSlide(1)
		return nil
	case follow.NavScrollUp:
		m.scrollSlide(-1)
		return nil
	}
	a, ok := navAction(n.Action)
	if !ok {
		return nil
	}
	a.N = n.N
	return m.move(a)
}

// navActions pairs the protocol's navigation requests with the moves they
// make. (An array, not a map literal: a package-level map is built at
// every start-up.)
var navActions = [...]struct {
	name string
	act  nav.Action
}{
	{follow.NavNext, nav.Action{Kind: nav.Next}}, {follow.NavPrev, nav.Action{Kind: nav.Prev}},
	{follow.NavNextSlide, nav.Action{Kind: nav.NextSlide}}, {follow.NavPrevSlide, nav.Action{Kind: nav.PrevSlide}},
	{follow.NavFirst, nav.Action{Kind: nav.First}}, {follow.NavLast, nav.Action{Kind: nav.Last}},
	{follow.NavGoto, nav.Action{Kind: nav.Goto}}, {follow.NavRevealAll, nav.Action{Kind: nav.RevealAll}},
}

// navAction is the move a navigation request names.
func navAction(name string) (nav.Action, bool) {
	for _, na := range navActions {
		if na.name == name {
			return na.act, true
		}
	}
	return nav.Action{}, false
}

// blank is the b key. In the presenter view with other screens following
// it blanks only theirs: the speaker keeps notes and timer. Otherwise the
// speaker's own screen is the audience's, and it goes blank.
func (m *Model) blank() tea.Cmd {
	if m.presenter && (m.share.screens > 0 || m.share.blank) {
		m.share.blank = !m.share.blank
		return nil
	}
	m.overlay = blankOverlay
	return nil
}

// shareAfterUpdate runs after every Update: a follower scrolls as the
// speaker did; a speaker publishes what the audience now sees.
func (m *Model) shareAfterUpdate() {
	if m.fl != nil {
		m.followScroll()
		return
	}
	m.publish()
}
