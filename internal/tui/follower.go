package tui

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/follow"
	"shovel/internal/termsafe"
	"shovel/internal/tui/nav"
)

// FollowOptions make the program a follower (shovel follow): it shows the
// audience view of another shovel's talk at its own size, and its
// navigation keys move the shared position.
type FollowOptions struct {
	// Client is the connection; Options.Deck is the deck it sent first,
	// with sequence number Seq.
	Client *follow.Client
	Seq    int
	// State is the speaker's position when known (else the first slide).
	State *follow.State
	// Banner is shown until the speaker's next deck (e.g. a mismatch).
	Banner string
	// Wait, when set, is called after the presentation ended and blocks
	// until another starts (--wait); nil means the follower only says so.
	Wait func() (*follow.Client, error)
}

// followerState is a follower's link to the speaker.
type followerState struct {
	opts   FollowOptions
	client *follow.Client
	seq    int          // of the deck shown
	state  follow.State // the speaker's latest, applied once its deck is shown
	ended  string       // why the presentation ended; "" while it runs
	// listen returns the command that waits for the speaker's next
	// message; tests replace it and deliver messages themselves.
	listen func(*follow.Client) tea.Cmd
}

// followMsg is a message from the speaker.
type followMsg struct {
	client *follow.Client
	msg    follow.Message
}

// followDeckMsg is a speaker's deck, parsed outside Update.
type followDeckMsg struct {
	seq  int
	deck *deck.Deck
	err  error
}

// followAgainMsg is the next presentation, found after one ended.
type followAgainMsg struct {
	client *follow.Client
	err    error
}

func listenTo(c *follow.Client) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-c.Messages()
		if !ok {
			return nil
		}
		return followMsg{client: c, msg: msg}
	}
}

func newFollower(o FollowOptions) *followerState {
	f := &followerState{opts: o, client: o.Client, seq: o.Seq, listen: listenTo}
	if o.State != nil {
		f.state = *o.State
	} else {
		f.state.Deck = o.Seq
	}
	return f
}

func (m *Model) followMessage(fm followMsg) tea.Cmd {
	f := m.fl
	if fm.client != f.client {
		return nil // from a connection already given up
	}
	switch fm.msg.Kind {
	case follow.KindDeck:
		d := *fm.msg.Deck
		open := func() tea.Msg {
			dk, err := d.Open()
			return followDeckMsg{seq: d.Seq, deck: dk, err: err}
		}
		return tea.Batch(open, f.listen(f.client))
	case follow.KindState:
		f.state = *fm.msg.State
		return tea.Batch(m.applyFollowState(), f.listen(f.client))
	case follow.KindEnd:
		f.ended = fm.msg.End
		f.client.Close()
		m.overlay = noOverlay
		if f.opts.Wait == nil {
			return nil
		}
		wait := f.opts.Wait
		return func() tea.Msg {
			c, err := wait()
			return followAgainMsg{client: c, err: err}
		}
	}
	return f.listen(f.client)
}

func (m *Model) followDeck(msg followDeckMsg) tea.Cmd {
	f := m.fl
	switch {
	case msg.deck == nil:
		m.banner = "⚠ cannot show the speaker's deck: " + msg.err.Error()
		return nil
	case msg.seq < f.seq:
		return nil // an older deck parsed late
	}
	if err := m.setDeck(msg.deck); err != nil {
		m.banner = "⚠ " + err.Error()
		return nil
	}
	f.seq, f.ended = msg.seq, ""
	m.banner = ""
	if errors.Is(msg.err, follow.ErrMismatch) {
		m.banner = "⚠ showing the deck as saved now; the speaker's version differs"
	}
	return m.applyFollowState()
}

// applyFollowState shows the speaker's position, once the deck it refers
// to is the one shown.
func (m *Model) applyFollowState() tea.Cmd {
	f := m.fl
	if f.state.Deck != f.seq {
		return nil
	}
	m.pos = nav.Clamp(m.shape, nav.State{Slide: f.state.Slide, Step: f.state.Step})
	m.overlay = noOverlay
	if f.state.Blank {
		m.overlay = blankOverlay
	}
	return m.sync()
}

// followScroll scrolls a tall slide as far down, in share of the way, as
// the speaker's; it runs after refresh, when the page's length is known.
func (m *Model) followScroll() {
	if most := len(m.audience.lines()) - m.audience.area(); most > 0 {
		m.audience.scroll = (m.fl.state.Scroll*most + follow.ScrollScale/2) / follow.ScrollScale
	}
}

func (m *Model) followAgain(msg followAgainMsg) tea.Cmd {
	if msg.err != nil || msg.client == nil {
		m.fl.ended = "cannot wait for the next presentation: " + errString(msg.err)
		m.fl.opts.Wait = nil
		return nil
	}
	m.fl.client = msg.client
	return m.fl.listen(msg.client)
}

func errString(err error) string {
	if err == nil {
		return "no connection"
	}
	return err.Error()
}

// followerKey: q quits this screen only; navigation goes to the speaker
// (move and scrollSlide send it); the speaker's own tools (index, search,
// notes, presenter view, timer, reload) do nothing here, so nothing but
// slides ever shows on this screen.
func (m *Model) followerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit, k.Quit) {
		return m.quit()
	}
	if m.fl.ended != "" {
		if m.fl.opts.Wait == nil {
			return m.quit() // "press any key"
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Blank):
		m.fl.client.Send(follow.Nav{Action: follow.NavBlank})
		return nil
	case key.Matches(msg, k.Index, k.Search, k.SearchNext, k.SearchPrev, k.Help, k.Presenter,
		k.NotesDown, k.NotesUp, k.TimerToggle, k.TimerReset, k.Reload):
		return nil
	}
	return m.slideKey(msg)
}

// followerMouse: clicks and the wheel move the talk, as on the speaker's
// screen.
func (m *Model) followerMouse(ms tea.Mouse) tea.Cmd {
	if m.fl.ended != "" {
		return nil
	}
	switch ms.Button {
	case tea.MouseLeft, tea.MouseWheelDown:
		m.fl.request(nav.Action{Kind: nav.Next})
	case tea.MouseRight, tea.MouseWheelUp:
		m.fl.request(nav.Action{Kind: nav.Prev})
	}
	return nil
}

// request sends a navigation action to the speaker instead of moving here:
// the position is the speaker's, and comes back as a state.
func (f *followerState) request(a nav.Action) {
	for _, na := range navActions {
		if na.act.Kind == a.Kind {
			f.client.Send(follow.Nav{Action: na.name, N: a.N})
			return
		}
	}
}

func (f *followerState) scroll(d int) {
	if d > 0 {
		f.client.Send(follow.Nav{Action: follow.NavScrollDown})
	} else if d < 0 {
		f.client.Send(follow.Nav{Action: follow.NavScrollUp})
	}
}

// endedView says that the talk is over, in the middle of the screen.
func (m *Model) endedView() string {
	reason := termsafe.Line(m.fl.ended) // it came over the socket
	if r, n := utf8.DecodeRuneInString(reason); n > 0 {
		reason = string(unicode.ToUpper(r)) + reason[n:]
	}
	if !strings.HasSuffix(reason, ".") {
		reason += "."
	}
	next := "Press any key to close this screen."
	if m.fl.opts.Wait != nil {
		next = "Waiting for the next presentation… (q quits)"
	}
	w, h := m.c.Width, m.c.Height
	msg := []string{reason, "", next}
	rows := make([]string, 0, h)
	rows = append(rows, make([]string, max((h-len(msg))/2, 0))...)
	for _, l := range msg {
		rows = append(rows, m.c.center(l, w))
	}
	return strings.Join(padLines(rows, h), "\n")
}
