package tui

import (
	tea "charm.land/bubbletea/v2"

	"shovel/internal/tui/nav"
)

// next is the forward key: on a slide taller than the screen it first
// scrolls a page (the footer says "↓ more", so the rest must be seen
// before the slide is left), then reveals the next step or slide.
func (m *Model) next() tea.Cmd {
	var scrolled bool
	if m.presenter {
		scrolled = m.presentV.pageDown()
	} else {
		scrolled = m.audience.pageDown()
	}
	if scrolled {
		return nil
	}
	return m.move(nav.Action{Kind: nav.Next})
}

// pageDown scrolls a tall slide by a page less one row (kept for context);
// false when the bottom already shows.
func (v *audienceView) pageDown() bool {
	old := v.scroll
	v.scrollBy(max(v.area()-1, 1))
	return v.scroll != old
}

func (v *presenterView) pageDown() bool {
	old := v.scroll
	v.scrollSlide(max(v.bodyHeight()-1, 1))
	return v.scroll != old
}
