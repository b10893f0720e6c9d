package deck

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
)

// slideBuilder collects one slide's items.
type slideBuilder struct {
	s            *Slide
	hasContent   bool
	pendingPause *Pos
	step         int
	layout       int
	column       int
	timeSet      bool
	skip         bool
	notes        []string
	// incremental overrides the deck's incremental_lists for the rest of
	// the slide.
	incremental *bool
	noteParts   []Note
}

func (l *loader) assemble(d *Deck, items iter.Seq[item]) {
	var b *slideBuilder
	finish := func() {
		s := b.s
		if b.pendingPause != nil {
			l.warnf(*b.pendingPause, "pause at the end of the slide reveals nothing")
		}
		s.Steps = b.step + 1
		s.Notes = strings.Join(b.notes, "\n\n")
		s.NoteParts = b.noteParts
		switch {
		case !b.hasContent && len(b.notes) == 0:
			l.warnf(Pos{File: s.File, Line: s.StartLine, Col: 1}, "slide has directives but no content; it is left out")
		case b.skip:
			d.Skipped++
		default:
			s.Number = len(d.Slides) + 1
			d.Slides = append(d.Slides, s)
		}
		b = nil
	}

	broke, lastBoundary := false, false // a break came before; it was a file boundary
	for v := range items {
		it := &v
		if it.kind == itemBreak {
			if b != nil {
				finish()
			} else if broke && !lastBoundary && !it.boundary {
				l.warnf(it.pos, "empty slide (two slide separators in a row?) is left out")
			}
			broke, lastBoundary = true, it.boundary
			continue
		}
		if b == nil {
			b = &slideBuilder{s: &Slide{File: it.pos.File, StartLine: it.pos.Line, EndLine: it.pos.Line}, layout: -1}
		}
		if it.pos.File == b.s.File {
			b.s.EndLine = max(b.s.EndLine, it.pos.Line, it.endLine)
		}
		l.addItem(b, it)
	}
	if b != nil {
		finish()
	}

	for i, s := range d.Slides {
		if s.Title == "" {
			if i == 0 && d.Meta.Title != "" {
				s.Title = d.Meta.Title
			} else {
				s.Title = fmt.Sprintf("Slide %d", s.Number)
			}
		}
	}
	if len(d.Slides) == 0 && !l.refused { // a refused file has said why
		p := Pos{Line: 1, Col: 1}
		if len(d.Files) > 0 {
			p.File = d.Files[0]
		} else {
			p.File = d.Root
		}
		l.errorf(p, "deck has no slides")
	}
}

func (l *loader) addItem(b *slideBuilder, it *item) {
	s := b.s
	switch it.kind {
	case itemContent:
		if len(it.listItems) > 1 && l.incremental(b) {
			l.addList(b, it)
			return
		}
		l.addBlock(b, Block{Markdown: it.text, Pos: it.pos})
		if it.heading != "" && !s.Heading {
			s.Title, s.Heading = it.heading, true
		}
	case itemPause:
		if !b.hasContent {
			l.warnf(it.pos, "pause before any content on the slide does nothing")
			return
		}
		p := it.pos
		b.pendingPause = &p
	case itemNotes:
		b.notes = append(b.notes, it.text)
		b.noteParts = append(b.noteParts, Note{Text: it.text, Markdown: it.markdown})
		if s.NotesLine == 0 {
			s.NotesLine = it.pos.Line
		}
	case itemDirective:
		l.slideDirective(b, it)
	}
}

// addBlock adds a block of content at the slide's current step and column.
func (l *loader) addBlock(b *slideBuilder, blk Block) {
	if b.pendingPause != nil {
		b.step++
		b.pendingPause = nil
	}
	if b.layout >= 0 && b.column < 0 {
		l.warnf(blk.Pos, "content after column_layout but before a column directive; it goes in column 0")
		b.column = 0
	}
	blk.Step, blk.Layout = b.step, b.layout
	if b.layout >= 0 {
		blk.Column = b.column
	}
	b.s.Blocks = append(b.s.Blocks, blk)
	b.hasContent = true
}

// incremental reports whether lists on this slide reveal their items one
// by one: the slide's last incremental_lists directive, else the deck's.
func (l *loader) incremental(b *slideBuilder) bool {
	if b.incremental != nil {
		return *b.incremental
	}
	return l.dialect.IncrementalLists
}

// addList adds a list item by item, a pause before each but the first.
// The renderer joins the pieces back into one list.
func (l *loader) addList(b *slideBuilder, it *item) {
	offs := append(it.listItems, len(it.text))
	for i := 0; i+1 < len(offs); i++ {
		chunk := trimBlankTail(it.text[offs[i]:offs[i+1]])
		if strings.TrimSpace(chunk) == "" {
			continue
		}
		pos := it.pos
		pos.Line += strings.Count(it.text[:offs[i]], "\n")
		if i > 0 {
			p := pos
			b.pendingPause = &p
		}
		l.addBlock(b, Block{Markdown: chunk, Pos: pos})
	}
}

func (l *loader) slideDirective(b *slideBuilder, it *item) {
	s := b.s
	switch it.name {
	case dirTime:
		t, err := ParseDuration(it.value)
		if err != nil {
			l.errorf(it.pos, "time: %v", err)
			return
		}
		if b.timeSet {
			l.warnf(it.pos, "second time budget on this slide; %s replaces %s", t, s.Time)
		}
		s.Time, b.timeSet = t, true
	case dirAlignment:
		switch strings.ToLower(it.value) {
		case "center", "centre":
			s.Alignment = AlignCenter
		case "left":
			s.Alignment = AlignLeft
		case "right":
			s.Alignment = AlignRight
		default:
			l.errorf(it.pos, "alignment: want center, left or right; got %q", it.value)
		}
	case dirJumpToMiddle:
		s.JumpToMiddle = true
	case dirSkipSlide:
		b.skip = true
	case dirNoFooter:
		s.NoFooter = true
	case dirColumnLayout:
		widths, err := parseWidths(it.value)
		if err != nil {
			l.errorf(it.pos, "column_layout: %v", err)
			return
		}
		s.Layouts = append(s.Layouts, ColumnLayout{Widths: widths, Pos: it.pos})
		b.layout, b.column = len(s.Layouts)-1, -1
	case dirColumn:
		n, err := strconv.Atoi(strings.TrimSpace(it.value))
		switch {
		case b.layout < 0:
			l.errorf(it.pos, "column %s outside a column layout (put <!-- column_layout: [1, 1] --> before it)", it.value)
		case err != nil || n < 0 || n >= len(s.Layouts[b.layout].Widths):
			l.errorf(it.pos, "column: want a number from 0 to %d for this layout; got %q", len(s.Layouts[b.layout].Widths)-1, it.value)
		default:
			b.column = n
		}
	case dirResetLayout:
		b.layout, b.column = -1, 0
	case dirIncrementalLists:
		on := it.value == "true"
		b.incremental = &on
	case dirNewLines:
		n, _ := newLines(it.value)
		l.addBlock(b, Block{NewLines: n, Pos: it.pos})
	}
}

// parseWidths reads "[1, 2]": between 1 and 6 positive proportions.
func parseWidths(v string) ([]int, error) {
	t := strings.TrimSpace(v)
	if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
		return nil, fmt.Errorf("want a list such as [1, 1]; got %q", v)
	}
	var out []int
	for _, f := range strings.Split(t[1:len(t)-1], ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || n > 100 {
			return nil, fmt.Errorf("widths must be whole numbers from 1 to 100; got %q", v)
		}
		out = append(out, n)
	}
	if len(out) == 0 || len(out) > 6 {
		return nil, fmt.Errorf("want 1 to 6 columns; got %q", v)
	}
	return out, nil
}
