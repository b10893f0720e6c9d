package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/termsafe"
	"shovel/internal/tui/nav"
)

// slideText is a slide's searchable text: the title, and each block's
// plain text (what the slide shows, not its markup) with the step on which
// it appears, lower-cased once.
type slideText struct {
	title  string
	blocks []stepText
}

type stepText struct {
	step int
	text string
}

func slideTexts(d *deck.Deck) []slideText {
	out := make([]slideText, len(d.Slides))
	for i, s := range d.Slides {
		out[i].title = strings.ToLower(s.Title)
		for _, b := range s.Blocks {
			out[i].blocks = append(out[i].blocks, stepText{b.Step, strings.ToLower(deck.MarkdownText(b.Markdown))})
		}
	}
	return out
}

// searchTexts returns the deck's searchable text, reading every block on
// the first search after a load rather than delaying every load for a
// search that may never come.
func (m *Model) searchTexts() []slideText {
	if m.texts == nil && m.deck != nil {
		m.texts = slideTexts(m.deck)
	}
	return m.texts
}

// match is a slide containing the query, and the step where it first shows.
type match struct{ slide, step int }

// findAll returns the slides whose title or text contains q (case-folded;
// Chinese needs no folding), in deck order.
func findAll(texts []slideText, q string) []match {
	q = strings.ToLower(q)
	var out []match
	for i, t := range texts {
		if strings.Contains(t.title, q) {
			out = append(out, match{i, 0})
			continue
		}
		for _, b := range t.blocks {
			if strings.Contains(b.text, q) {
				out = append(out, match{i, b.step})
				break
			}
		}
	}
	return out
}

// searchState is the last search, for ctrl+n and ctrl+p.
type searchState struct {
	query   string
	matches []match
}

// runSearch finds query and goes to the first match at or after the
// current slide (wrapping round).
func (m *Model) runSearch(query string) tea.Cmd {
	m.search = searchState{query: query, matches: findAll(m.searchTexts(), query)}
	m.c.Match = ""
	if len(m.search.matches) == 0 {
		m.flash = fmt.Sprintf("no slide contains “%s”", query)
		return nil
	}
	for _, mt := range m.search.matches {
		if mt.slide >= m.pos.Slide {
			return m.goMatch(mt)
		}
	}
	return m.goMatch(m.search.matches[0])
}

// nextMatch goes to the next (dir 1) or previous (dir -1) matching slide.
func (m *Model) nextMatch(dir int) tea.Cmd {
	ms := m.search.matches
	if len(ms) == 0 {
		if m.search.query == "" {
			m.flash = "no search yet: press " + firstKey(m.c.Keys.Search) + " to search"
		} else {
			m.flash = fmt.Sprintf("no slide contains “%s”", m.search.query)
		}
		return nil
	}
	if dir > 0 {
		for _, mt := range ms {
			if mt.slide > m.pos.Slide {
				return m.goMatch(mt)
			}
		}
		return m.goMatch(ms[0])
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].slide < m.pos.Slide {
			return m.goMatch(ms[i])
		}
	}
	return m.goMatch(ms[len(ms)-1])
}

func (m *Model) goMatch(mt match) tea.Cmd {
	n := 0
	for i, x := range m.search.matches {
		if x == mt {
			n = i + 1
		}
	}
	cmd := m.move(nav.Action{Kind: nav.GotoStep, N: mt.slide + 1, Step: mt.step})
	m.c.Match = m.search.query
	m.flash = fmt.Sprintf("“%s” %d/%d · %s next · %s previous", m.search.query, n, len(m.search.matches),
		firstKey(m.c.Keys.SearchNext), firstKey(m.c.Keys.SearchPrev))
	return cmd
}

// searchBar is the one-line query input that covers the bottom row.
type searchBar struct {
	c     *Common
	w, h  int
	input string
}

func (b *searchBar) SetSize(w, h int) { b.w, b.h = w, h }

func (b *searchBar) open() { b.input = "" }

// Update edits the query; done is true on enter (query set) or esc.
func (b *searchBar) Update(msg tea.KeyPressMsg) (query string, done bool) {
	k := b.c.Keys
	switch {
	case key.Matches(msg, k.Close):
		return "", true
	case key.Matches(msg, k.Choose):
		return strings.TrimSpace(b.input), true
	case key.Matches(msg, k.EraseChar):
		if r := []rune(b.input); len(r) > 0 {
			b.input = string(r[:len(r)-1])
		}
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		b.input += msg.Text
	}
	return "", false
}

// Over puts the input on the last row of base.
func (b *searchBar) Over(base string) string {
	st := b.c.Styles
	i := strings.LastIndexByte(base, '\n')
	k := b.c.Keys
	line := " " + st.Key.Render(firstKey(k.Search)) + termsafe.Line(b.input) + "█" +
		st.Dim.Render("   "+firstKey(k.Choose)+" search · "+firstKey(k.Close)+" cancel")
	return base[:i+1] + b.c.truncate(line, b.w)
}
