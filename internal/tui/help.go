package tui

import (
	"strings"
)

// helpView lists the keymap's bindings, grouped, in as many columns as the
// width allows; it scrolls when even that does not fit.
type helpView struct {
	c      *Common
	w, h   int
	blocks [][]string // one block of lines per group, built from the keymap
	keyW   int
	lines  []string // laid out for the current size
	scroll int
}

// build makes the help text from the keymap (and styles).
func (v *helpView) build() {
	st := v.c.Styles
	v.blocks, v.keyW = nil, 0
	for _, g := range v.c.Keys.Groups() {
		for _, b := range g.Bindings {
			v.keyW = max(v.keyW, width(b.Help().Key))
		}
	}
	for _, g := range v.c.Keys.Groups() {
		block := []string{st.Label.Render(g.Title)}
		for _, b := range g.Bindings {
			h := b.Help()
			block = append(block, st.Key.Render(h.Key)+strings.Repeat(" ", v.keyW-width(h.Key)+2)+h.Desc)
		}
		v.blocks = append(v.blocks, append(block, ""))
	}
	v.blocks = append(v.blocks, []string{st.Dim.Render(mouseHelp)})
	v.layout()
}

func (v *helpView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.layout()
}

// layout flows the groups into columns of colW cells, whole groups only.
func (v *helpView) layout() {
	if v.w == 0 {
		return
	}
	const colW = 76
	cols := max(v.w/colW, 1)
	avail := max(v.h-3, 1)
	var columns [][]string
	var col []string
	for _, b := range v.blocks {
		if len(col) > 0 && len(col)+len(b) > avail && len(columns) < cols-1 {
			columns = append(columns, col)
			col = nil
		}
		col = append(col, b...)
	}
	columns = append(columns, col)
	cw := v.w / len(columns)
	rows := 0
	for _, c := range columns {
		rows = max(rows, len(c))
	}
	v.lines = make([]string, rows)
	for i := range v.lines {
		var b strings.Builder
		for j, c := range columns {
			cell := ""
			if i < len(c) {
				cell = truncate(c[i], cw-3)
			}
			b.WriteString("  " + cell)
			if j < len(columns)-1 {
				b.WriteString(strings.Repeat(" ", max(cw-2-width(cell), 0)))
			}
		}
		v.lines[i] = b.String()
	}
	v.scrollBy(0)
}

func (v *helpView) scrollBy(d int) {
	v.scroll = min(max(v.scroll+d, 0), max(len(v.lines)-(v.h-3), 0))
}

func (v *helpView) View() string {
	st := v.c.Styles
	body := max(v.h-3, 1)
	rows := []string{spread(" "+st.Label.Render("shovel keys"), st.Dim.Render("any other key closes "), v.w), ""}
	end := min(v.scroll+body, len(v.lines))
	rows = append(rows, v.lines[v.scroll:end]...)
	rows = padLines(rows, v.h-1)
	hint := ""
	if len(v.lines) > body {
		hint = "↑↓ scroll "
	}
	rows = append(rows, spread("", st.Dim.Render(hint), v.w))
	return strings.Join(rows, "\n")
}
