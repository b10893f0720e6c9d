package tui

import (
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"shovel/internal/render"
	"shovel/internal/termsafe"
	"shovel/internal/tui/nav"
	"shovel/internal/tui/pace"
)

// keysFor lists the pages the current view needs when the deck is at s.
func (m *Model) keysFor(s nav.State) []pageKey {
	if !m.presenter {
		return []pageKey{slideKey(s, m.c.Width)}
	}
	lw, rw := presenterWidths(m.c.Width)
	keys := []pageKey{slideKey(s, lw), notesKey(s.Slide, rw)}
	if n, ok := m.nextOf(s); ok {
		keys = append(keys, slideKey(n, rw))
	}
	return keys
}

// nextOf is where the next key press goes from s; false at the deck's end.
func (m *Model) nextOf(s nav.State) (nav.State, bool) {
	n := nav.Navigate(m.shape, s, nav.Action{Kind: nav.Next}).State
	return n, n != s
}

// sync shows what is cached for the current position and returns commands
// that render what is missing: first the pages on screen, then, in a
// separate command, the pages one key press away, so that the next move
// finds them ready.
func (m *Model) sync() tea.Cmd {
	if m.c.Width == 0 || m.tooSmall() {
		return nil
	}
	m.resolve()
	want := m.keysFor(m.pos)
	near := slices.Clip(want) // appending leaves want as it is
	for _, n := range nav.Neighbours(m.shape, m.pos) {
		near = append(near, m.keysFor(n)...)
	}
	m.cache.touch(want)
	m.cache.trim(near)
	now := m.cache.missing(want)
	ahead := m.cache.missing(near[len(want):])
	return tea.Batch(renderPages(m.typesetter, m.r, m.gen, now), renderPages(m.typesetter, m.r, m.gen, ahead))
}

// resolve picks the cached pages for the current position; a page not yet
// rendered leaves the previous one on screen until it arrives.
func (m *Model) resolve() {
	pick := func(dst **render.Page, k pageKey) {
		if p := m.cache.pages[k]; p != nil {
			*dst = p
		}
	}
	if !m.presenter {
		pick(&m.cur.slide, slideKey(m.pos, m.c.Width))
		return
	}
	lw, rw := presenterWidths(m.c.Width)
	pick(&m.cur.slide, slideKey(m.pos, lw))
	pick(&m.cur.notes, notesKey(m.pos.Slide, rw))
	m.cur.nextPos, m.cur.hasNext = m.nextOf(m.pos)
	if m.cur.hasNext {
		pick(&m.cur.next, slideKey(m.cur.nextPos, rw))
	} else {
		m.cur.next = nil
	}
}

// refresh hands the children what they show. It runs after every Update,
// so that View only has to join strings.
func (m *Model) refresh() {
	if m.c.Width == 0 {
		return
	}
	s := m.deck.Slides[m.pos.Slide]
	// Everything below comes from the deck or from error messages that
	// quote it: shown as text, never sent to the terminal as commands.
	status := termsafe.Line(m.footerStatus())
	// Reload news is the speaker's business: the room keeps the last good
	// slide and at most sees a marker in the footer.
	m.audience.set(m.cur.slide, "", !s.NoFooter, footer{
		left:   m.footerLeft(),
		flash:  status,
		marker: m.reloadMarker(),
		step:   m.stepText(),
		slide:  m.pos.Slide + 1, total: len(m.deck.Slides),
	})
	if m.presenter {
		if status == "" {
			status = m.reloadNote
		}
		m.presentV.set(m.presenterData(status))
	}
}

// reloadMarker is the audience footer's sign of reload news the speaker
// has not seen: ⚠ while the last good version is kept after a failed
// reload, ↻ after a reload; the presenter view has the words.
func (m *Model) reloadMarker() string {
	switch {
	case m.banner != "":
		return "⚠"
	case m.reloadNote != "":
		return "↻"
	}
	return ""
}

func (m *Model) footerLeft() string {
	title := termsafe.Line(m.deck.Meta.Title)
	st := m.slideTitle(m.pos.Slide)
	switch {
	case title == "":
		return st
	case st == "" || st == title:
		return title
	}
	return title + " · " + st
}

// footerStatus is the one-off message or the state of a key sequence being
// typed, shown in place of the title.
func (m *Model) footerStatus() string {
	if s := m.chordStatus(); s != "" {
		return s
	}
	return m.flash
}

func (m *Model) stepText() string {
	if n := m.shape[m.pos.Slide]; n > 1 {
		return fmt.Sprintf("step %d/%d", m.pos.Step+1, n)
	}
	return ""
}

func (m *Model) presenterData(status string) presenterData {
	now := m.c.Now()
	elapsed := m.timer.Elapsed(now).Truncate(time.Second) // what the clock shows
	rep := pace.ForTimer(m.budgets, m.pos.Slide, m.timer, now, m.deck.Meta.Duration)
	d := presenterData{
		label: "PRESENTER",
		cur:   m.cur.slide, next: m.cur.next, notes: m.cur.notes,
		banner:  termsafe.Line(m.banner),
		status:  status,
		slide:   m.pos.Slide + 1,
		total:   len(m.deck.Slides),
		step:    m.stepText(),
		title:   m.slideTitle(m.pos.Slide),
		clock:   now.Format("15:04:05"),
		elapsed: pace.Clock(elapsed),
		timer:   m.timer,
		pace:    rep,
		budget:  m.deck.Slides[m.pos.Slide].Time,
		screens: m.share.screens,
		blanked: m.share.blank,
	}
	if m.opts.Rehearsal {
		d.label = "REHEARSAL"
	}
	d.forecast, d.hasForecast = m.forecast(now)
	switch {
	case !m.cur.hasNext:
		d.nextLabel = "END — last slide"
	case m.cur.nextPos.Slide == m.pos.Slide:
		d.nextLabel = fmt.Sprintf("NEXT — step %d/%d of this slide", m.cur.nextPos.Step+1, m.shape[m.pos.Slide])
	default:
		d.nextLabel = fmt.Sprintf("NEXT — %d. %s", m.cur.nextPos.Slide+1, m.slideTitle(m.cur.nextPos.Slide))
	}
	return d
}

// slideTitle is slide i's title as the chrome shows it.
func (m *Model) slideTitle(i int) string { return termsafe.Line(m.deck.Slides[i].Title) }
