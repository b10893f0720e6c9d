package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"shovel/deck"
	"shovel/internal/termsafe"
)

// indexView is the slide index: numbered titles, filtered by what the
// speaker types, enter jumps to the chosen one.
type indexView struct {
	c       *Common
	w, h    int
	items   []string // "12. title", lower-cased copies in keys
	keys    []string
	filter  string
	shown   []int // indexes of items matching the filter
	sel     int   // position in shown
	top     int   // first row of shown on screen
	current int
}

func (v *indexView) SetSize(w, h int) { v.w, v.h = w, h; v.keep() }

func (v *indexView) setDeck(d *deck.Deck) {
	v.items, v.keys = v.items[:0], v.keys[:0]
	digits := len(fmt.Sprint(len(d.Slides)))
	for _, s := range d.Slides {
		item := fmt.Sprintf("%*d. %s", digits, s.Number, termsafe.Line(s.Title))
		v.items = append(v.items, item)
		v.keys = append(v.keys, strings.ToLower(item))
	}
	v.apply()
}

// open shows the index with the current slide chosen and no filter.
func (v *indexView) open(current int) {
	v.current, v.filter = current, ""
	v.apply()
	v.sel = min(current, len(v.shown)-1)
	v.keep()
}

func (v *indexView) apply() {
	v.shown = v.shown[:0]
	f := strings.ToLower(v.filter)
	for i, k := range v.keys {
		if strings.Contains(k, f) {
			v.shown = append(v.shown, i)
		}
	}
	v.sel, v.top = 0, 0
}

func (v *indexView) listRows() int { return max(v.h-3, 1) }

// keep scrolls the list so that the chosen entry is on screen.
func (v *indexView) keep() {
	v.sel = min(max(v.sel, 0), max(len(v.shown)-1, 0))
	if v.sel < v.top {
		v.top = v.sel
	}
	if v.sel >= v.top+v.listRows() {
		v.top = v.sel - v.listRows() + 1
	}
}

func (v *indexView) moveBy(d int) { v.sel += d; v.keep() }

// Update handles a key: jump is the 1-based slide to go to (0 for none),
// done is true when the index closes.
func (v *indexView) Update(msg tea.KeyPressMsg) (jump int, done bool) {
	k := v.c.Keys
	switch {
	case key.Matches(msg, k.Close, k.Index):
		return 0, true
	case key.Matches(msg, k.Choose):
		if len(v.shown) == 0 {
			return 0, false
		}
		return v.shown[v.sel] + 1, true
	case key.Matches(msg, k.ChooseDown):
		v.moveBy(1)
	case key.Matches(msg, k.ChooseUp):
		v.moveBy(-1)
	case key.Matches(msg, k.PageDown):
		v.moveBy(v.listRows())
	case key.Matches(msg, k.PageUp):
		v.moveBy(-v.listRows())
	case key.Matches(msg, k.EraseChar):
		if r := []rune(v.filter); len(r) > 0 {
			v.filter = string(r[:len(r)-1])
			v.apply()
		}
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		v.filter += msg.Text
		v.apply()
	}
	return 0, false
}

func (v *indexView) View() string {
	st := v.c.Styles
	rows := make([]string, 0, v.h)
	rows = append(rows, v.c.spread(" "+st.Label.Render("Slides")+st.Dim.Render(v.hint()),
		st.Footer.Render(fmt.Sprintf("%d/%d ", len(v.shown), len(v.items))), v.w))
	rows = append(rows, " / "+termsafe.Line(v.filter)+"█")
	rows = append(rows, st.Rule.Render(v.c.fill("─", v.w)))
	if len(v.shown) == 0 {
		rows = append(rows, "   "+st.Dim.Render("no slide title matches"))
	}
	end := min(v.top+v.listRows(), len(v.shown))
	for i := v.top; i < end; i++ {
		n := v.shown[i]
		mark := "   "
		switch {
		case i == v.sel:
			mark = " ▸ "
		case n == v.current:
			mark = " • "
		}
		line := v.c.truncate(mark+v.items[n], v.w-1)
		if i == v.sel {
			line = st.Selected.Render(line + strings.Repeat(" ", max(v.w-1-v.c.width(line), 0)))
		}
		rows = append(rows, line)
	}
	return strings.Join(padLines(rows, v.h), "\n")
}

// hint names the index's keys as bound.
func (v *indexView) hint() string {
	k := v.c.Keys
	return " — type to filter · " + firstKey(k.ChooseUp) + firstKey(k.ChooseDown) + " choose · " +
		firstKey(k.Choose) + " jumps · " + firstKey(k.Close) + " closes"
}
