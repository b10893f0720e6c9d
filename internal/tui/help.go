package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// helpView lists the keymap's bindings, grouped, in as many columns as the
// width allows; it scrolls when even one column does not fit.
type helpView struct {
	c      *Common
	w, h   int
	lines  []string // laid out for the current size
	stale  bool     // lines are for another size or other styles
	scroll int
}

// build is called when the styles change; the text itself comes from the
// keymap at layout time.
func (v *helpView) build() { v.stale = true }

func (v *helpView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.stale = true
}

// ensure lays the help out if the size or styles changed since it was
// last. The model calls it after every Update while the help is shown;
// laying it out at every start-up and resize cost the first
// frame ~1 ms for a screen most talks never open.
func (v *helpView) ensure() {
	if v.stale {
		v.stale = false
		v.layout()
	}
}

// helpColumn renders groups as one column: titles, then key and description
// with the keys aligned.
func (v *helpView) helpColumn(groups []KeyGroup) []string {
	st := v.c.Styles
	kw := 0
	for _, g := range groups {
		for _, b := range g.Bindings {
			kw = max(kw, v.c.width(b.Help().Key))
		}
	}
	var out []string
	for i, g := range groups {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, st.Label.Render(g.Title))
		for _, b := range g.Bindings {
			out = append(out, helpLine(v.c, b, kw))
		}
	}
	return out
}

func helpLine(c *Common, b key.Binding, kw int) string {
	h := b.Help()
	return c.Styles.Key.Render(h.Key) + strings.Repeat(" ", kw-c.width(h.Key)+2) + h.Desc
}

// layout tries three, then two columns of whole groups, balanced by rows,
// and keeps the first that fits the width; else one column that scrolls.
func (v *helpView) layout() {
	if v.w == 0 {
		return
	}
	groups := v.c.Keys.Groups()
	total := 0
	for _, g := range groups {
		total += len(g.Bindings) + 2
	}
	for n := 3; n >= 1; n-- {
		var cols [][]string
		var cur []KeyGroup
		rows := 0
		for _, g := range groups {
			if len(cur) > 0 && len(cols) < n-1 && rows+len(g.Bindings)+1 > (total+n-1)/n {
				cols = append(cols, v.helpColumn(cur))
				cur, rows = nil, 0
			}
			cur = append(cur, g)
			rows += len(g.Bindings) + 2
		}
		cols = append(cols, v.helpColumn(cur))
		if n == 1 || joinedWidth(v.c, cols) <= v.w-2 {
			v.lines = joinColumns(v.c, cols)
			break
		}
	}
	v.lines = append(v.lines, "", "  "+v.c.Styles.Dim.Render(v.c.truncate(mouseHelp, v.w-3)))
	v.scrollBy(0)
}

func colWidth(cm *Common, c []string) int {
	w := 0
	for _, l := range c {
		w = max(w, cm.width(l))
	}
	return w
}

func joinedWidth(cm *Common, cols [][]string) int {
	w := 0
	for _, c := range cols {
		w += colWidth(cm, c) + 4
	}
	return w
}

func joinColumns(cm *Common, cols [][]string) []string {
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	out := make([]string, rows)
	for i := range out {
		var b strings.Builder
		for j, c := range cols {
			cell := ""
			if i < len(c) {
				cell = c[i]
			}
			b.WriteString("  " + cell)
			if j < len(cols)-1 {
				b.WriteString(strings.Repeat(" ", colWidth(cm, c)-cm.width(cell)+2))
			}
		}
		out[i] = b.String()
	}
	return out
}

func (v *helpView) body() int { return max(v.h-3, 1) }

func (v *helpView) scrollBy(d int) {
	v.scroll = min(max(v.scroll+d, 0), max(len(v.lines)-v.body(), 0))
}

func (v *helpView) View() string {
	st := v.c.Styles
	rows := []string{v.c.spread(" "+st.Label.Render("shovel keys"), st.Dim.Render("any other key closes "), v.w), ""}
	for _, l := range v.lines[v.scroll:min(v.scroll+v.body(), len(v.lines))] {
		rows = append(rows, v.c.truncate(l, v.w))
	}
	rows = padLines(rows, v.h-1)
	hint := ""
	if len(v.lines) > v.body() {
		hint = firstKey(v.c.Keys.ScrollUp) + firstKey(v.c.Keys.ScrollDown) + " scroll "
	}
	rows = append(rows, v.c.spread("", st.Dim.Render(hint), v.w))
	return strings.Join(rows, "\n")
}
