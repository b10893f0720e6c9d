package export

import (
	"fmt"
	"strings"
	"time"

	"shovel/internal/render"
)

// The pieces of a text export that are not slide bodies: slide headers, the
// front page and the notes heading. Each returns finished lines, at most
// width cells wide as the deck measures them.

// minTail is the least number of rule characters after a header's title,
// so that the header reads as a rule, not as text.
const minTail = 3

// measure measures and wraps text as the renderer does for the deck: East
// Asian ambiguous characters take amb cells (front matter ambiguous_width).
// Box-drawing characters and "·" are ambiguous, so where they take two
// cells the rules are drawn in ASCII, as the renderer does for tables.
type measure struct {
	amb                   int
	rule, doubleRule, dot string
}

func newMeasure(amb int) measure {
	m := measure{amb: amb, rule: "─", doubleRule: "═", dot: "·"}
	if m.width(m.rule) != 1 || m.width(m.doubleRule) != 1 || m.width(m.dot) != 1 {
		m.rule, m.doubleRule, m.dot = "-", "=", "|"
	}
	return m
}

func (m measure) width(s string) int            { return render.StringWidthAmbiguous(s, m.amb) }
func (m measure) wrap(s string, w int) []string { return render.WrapTextAmbiguous(s, w, m.amb) }

// header returns the header of slide num (1-based) of total, such as
// "── 3/34 · 为什么是GPU ─────", filling width exactly. step and steps
// (1-based) add "(step 2/3)" when a slide is exported step by step; steps 0
// leaves it out. A title too long for the line is not cut: the rule then
// carries only the number, and the title (and step) follows, wrapped, on
// lines of its own.
func (m measure) header(num, total int, title string, step, steps, width int) []string {
	lead := m.rule + m.rule + " "
	label := fmt.Sprintf("%d/%d", num, total)
	suffix := ""
	if steps > 0 {
		suffix = fmt.Sprintf(" (step %d/%d)", step, steps)
	}
	full := label + " " + m.dot + " " + title + suffix
	if m.width(lead+full+" ")+minTail <= width {
		return []string{m.fill(lead+full+" ", width)}
	}
	head := lead + label + " "
	if m.width(head)+minTail > width { // only with absurd slide counts
		return append([]string{strings.Repeat(m.rule, width)}, m.wrap(full, width)...)
	}
	return append([]string{m.fill(head, width)}, m.wrap(title+suffix, width)...)
}

// reference lays out "[n] address", the address wrapped under itself (a
// long URL breaks only where it must).
func (m measure) reference(n int, url string, width int) []string {
	label := fmt.Sprintf("[%d] ", n)
	lw := m.width(label)
	if width-lw < narrowValue {
		return append([]string{strings.TrimSpace(label)}, m.wrap(url, width)...)
	}
	lines := m.wrap(url, width-lw)
	for i := range lines {
		if i == 0 {
			lines[i] = label + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", lw) + lines[i]
		}
	}
	return lines
}

// fill pads s with rule characters to exactly width cells.
func (m measure) fill(s string, width int) string {
	n := width - m.width(s)
	if n <= 0 {
		return s
	}
	return s + strings.Repeat(m.rule, n)
}

// underline returns a rule as wide as s.
func (m measure) underline(s string) string { return strings.Repeat(m.rule, m.width(s)) }

// frontPage lists what a reader of the export wants to know before the
// first slide: what the talk is, who gives it, when, and how long it is.
func (m measure) frontPage(fm frontMatter, width int) []string {
	bar := strings.Repeat(m.doubleRule, width)
	out := []string{bar}
	out = append(out, m.wrap(fm.title, width)...)
	if fm.subTitle != "" {
		out = append(out, m.wrap(fm.subTitle, width)...)
	}
	out = append(out, bar, "")
	for _, f := range fm.fields() {
		out = append(out, m.field(f[0], f[1], width)...)
	}
	return out
}

// frontMatter is what the front page shows, taken from the deck.
type frontMatter struct {
	title, subTitle, author, date, event string
	slides, skipped                      int
	planned, budgets                     time.Duration
	// selection describes an export of some slides only, e.g. "3-7, 12".
	selection string
}

func (m frontMatter) fields() [][2]string {
	var fs [][2]string
	add := func(k, v string) {
		if v != "" {
			fs = append(fs, [2]string{k, v})
		}
	}
	add("Author", m.author)
	add("Date", m.date)
	add("Event", m.event)
	slides := plural(m.slides, "slide")
	if m.skipped > 0 {
		slides += fmt.Sprintf(" (%d more marked skip_slide left out)", m.skipped)
	}
	add("Slides", slides)
	if m.selection != "" {
		add("Exported", "slides "+m.selection)
	}
	var dur []string
	if m.planned > 0 {
		dur = append(dur, formatDuration(m.planned)+" planned")
	}
	if m.budgets > 0 {
		dur = append(dur, formatDuration(m.budgets)+" in slide time budgets")
	}
	add("Duration", strings.Join(dur, ", "))
	return fs
}

// labelWidth lines up the front page's values.
const labelWidth = 10

// field lays out "Label     value", wrapping the value under itself. When
// that leaves the value too little room, the value goes under the label.
func (m measure) field(label, value string, width int) []string {
	if width-labelWidth < narrowValue {
		return append([]string{label}, indent(m.wrap(value, width-2), "  ")...)
	}
	lines := m.wrap(value, width-labelWidth)
	for i, l := range lines {
		if i == 0 {
			lines[i] = label + strings.Repeat(" ", labelWidth-m.width(label)) + l
		} else {
			lines[i] = strings.Repeat(" ", labelWidth) + l
		}
	}
	return lines
}

// narrowValue is the least room beside a label worth using.
const narrowValue = 24

func indent(lines []string, prefix string) []string {
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return lines
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// formatDuration writes a time the way a deck author does ("25m",
// "1m30s", "1h5m") and the way deck.ParseDuration reads it back.
func formatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	if d%time.Second != 0 {
		return d.String()
	}
	h, m, s := d/time.Hour, d%time.Hour/time.Minute, d%time.Minute/time.Second
	var b strings.Builder
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dm", m)
	}
	if s > 0 {
		fmt.Fprintf(&b, "%ds", s)
	}
	return b.String()
}

// formatSelection writes 0-based indexes back as 1-based ranges: "3-7, 12".
func formatSelection(idx []int) string {
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, fmt.Sprint(idx[i]+1))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", idx[i]+1, idx[j]+1))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// clean makes a rendered line plain text: no escape sequences or other
// control characters (a deck may contain them, and a terminal would act on
// them), and no trailing blanks, which only make diffs noisy.
func clean(line string) string {
	if strings.IndexFunc(line, isControl) >= 0 {
		line = stripControls(line)
	}
	return strings.TrimRight(line, " ")
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// stripControls drops ANSI escape sequences (CSI, OSC and two-byte ESC
// sequences) and any other control character.
func stripControls(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != 0x1b {
			if !isControl(r) {
				b.WriteRune(r)
			}
			continue
		}
		if i+1 >= len(rs) {
			break
		}
		switch rs[i+1] {
		case '[': // CSI: parameters, then a final byte in @–~
			i += 2
			for i < len(rs) && (rs[i] < 0x40 || rs[i] > 0x7e) {
				i++
			}
		case ']', 'P', '_', '^': // OSC, DCS, APC, PM: up to BEL or ESC \
			i += 2
			for i < len(rs) && rs[i] != 0x07 && !(rs[i] == 0x1b && i+1 < len(rs) && rs[i+1] == '\\') {
				i++
			}
			if i < len(rs) && rs[i] == 0x1b {
				i++
			}
		default:
			i++
		}
	}
	return b.String()
}
