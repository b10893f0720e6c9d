package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"shovel/deck"
)

// Markdown writes d as a normalised shovel deck: front matter with only the
// known keys that are set, slides separated by "---", each slide's blocks
// as written with "<!-- pause -->" between steps and its column layouts,
// then its notes and time budget as directives. Includes are inlined and
// skip_slide slides are left out, as in a presentation. slides selects
// slides by 0-based index; nil means all.
//
// Parsing the result gives back an equivalent deck: the same slides,
// titles, steps, blocks, layouts, notes and time budgets.
func Markdown(ctx context.Context, w io.Writer, d *deck.Deck, slides []int) error {
	if err := checkSelection(slides, len(d.Slides)); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fm, err := frontMatterYAML(d.Meta)
	if err != nil {
		return err
	}
	if fm != "" {
		bw.WriteString("---\n" + fm + "---\n\n")
	}
	first := true
	write := func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !first {
			bw.WriteString("\n---\n\n")
		}
		first = false
		writeSlide(bw, d.Slides[i])
		_, err := bw.Write(nil) // bufio's write error is sticky
		return err
	}
	if slides == nil {
		for i := range d.Slides {
			if err := write(i); err != nil {
				return err
			}
		}
	} else {
		for _, i := range slides {
			if err := write(i); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// frontMatterYAML encodes the known keys that are set, in the order the
// deck format documents them. yaml quotes values that need it.
func frontMatterYAML(m deck.Meta) (string, error) {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k, v string) {
		if v == "" {
			return
		}
		doc.Content = append(doc.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: k},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
	add("title", m.Title)
	add("sub_title", m.SubTitle)
	add("author", m.Author)
	add("date", m.Date)
	add("event", m.Event)
	add("theme", m.Theme)
	if m.Duration > 0 {
		add("duration", formatDuration(m.Duration))
	}
	if m.MaxWidth > 0 {
		add("max_width", strconv.Itoa(m.MaxWidth))
	}
	if m.AmbiguousWidth > 0 {
		add("ambiguous_width", strconv.Itoa(m.AmbiguousWidth))
	}
	if len(doc.Content) == 0 {
		return "", nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return "", fmt.Errorf("front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("front matter: %w", err)
	}
	return b.String(), nil
}

// writeSlide writes one slide. Its parts are separated by blank lines so
// that no block can run into the next.
func writeSlide(w *bufio.Writer, s *deck.Slide) {
	started := false
	part := func(text string) {
		if started {
			w.WriteString("\n\n")
		}
		w.WriteString(text)
		started = true
	}
	switch s.Alignment {
	case deck.AlignCenter:
		part("<!-- alignment: center -->")
	case deck.AlignLeft:
		part("<!-- alignment: left -->")
	case deck.AlignRight:
		part("<!-- alignment: right -->")
	}
	if s.JumpToMiddle {
		part("<!-- jump_to_middle -->")
	}
	if s.NoFooter {
		part("<!-- no_footer -->")
	}
	step, layout, column := 0, -1, 0
	var prev string // the block written last with no directive after it
	for _, b := range s.Blocks {
		if b.Step > step {
			part("<!-- pause -->")
			step, prev = b.Step, ""
		}
		switch {
		case b.Layout != layout && b.Layout < 0:
			part("<!-- reset_layout -->")
			prev = ""
		case b.Layout != layout:
			part("<!-- column_layout: " + formatWidths(s.Layouts[b.Layout].Widths) + " -->")
			part("<!-- column: " + strconv.Itoa(b.Column) + " -->")
			prev = ""
		case b.Layout >= 0 && b.Column != column:
			part("<!-- column: " + strconv.Itoa(b.Column) + " -->")
			prev = ""
		}
		layout, column = b.Layout, b.Column
		if b.NewLines > 0 {
			part("<!-- new_lines: " + strconv.Itoa(b.NewLines) + " -->")
			prev = ""
			continue
		}
		md := deck.PortableBlock(b.Markdown)
		if prev != "" && wouldJoin(prev, md) {
			part("<!-- -->")
		}
		part(md)
		prev = md
	}
	if s.Notes != "" {
		part(notesMarkdown(s.Notes))
	}
	if s.Time > 0 {
		part("<!-- time: " + formatDuration(s.Time) + " -->")
	}
	w.WriteByte('\n')
}

func formatWidths(ws []int) string {
	parts := make([]string, len(ws))
	for i, n := range ws {
		parts[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// wouldJoin reports whether two blocks that were separate in the source
// could merge when written one after the other with only a blank line
// between: a list absorbs a following list of the same kind or an indented
// block, and two indented code blocks become one. The source had something
// between them (an ordinary comment, say), so an empty comment keeps them
// apart.
func wouldJoin(prev, next string) bool {
	indented := strings.HasPrefix(next, " ") || strings.HasPrefix(next, "\t")
	return indented || (isListBlock(prev) && isListBlock(next))
}

func isListBlock(md string) bool {
	t := strings.TrimLeft(md, " ")
	if len(t) >= 1 && strings.ContainsRune("-+*", rune(t[0])) {
		return len(t) == 1 || t[1] == ' ' || t[1] == '\t' || t[1] == '\n'
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	return n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')')
}

// notesMarkdown writes speaker notes so that they read back unchanged. The
// comment form cannot hold "-->", which would end it early; such notes go
// in a pandoc "::: notes" div instead, unless they also hold a line of
// colons that would close the div, in which case "-->" is written as
// "--&gt;" (Markdown shows both the same).
func notesMarkdown(notes string) string {
	if !strings.Contains(notes, "-->") {
		if !strings.Contains(notes, "\n") {
			return "<!-- speaker_note: " + notes + " -->"
		}
		return "<!-- speaker_note:\n" + notes + "\n-->"
	}
	if !hasColonFence(notes) {
		return "::: notes\n" + notes + "\n:::"
	}
	return "<!-- speaker_note:\n" + strings.ReplaceAll(notes, "-->", "--&gt;") + "\n-->"
}

// hasColonFence reports whether a line of text is a fenced div marker
// (three or more colons, indented at most three spaces).
func hasColonFence(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) <= 3 && strings.HasPrefix(t, ":::") {
			return true
		}
	}
	return false
}
