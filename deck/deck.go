// Package deck is shovel's model of a talk: front matter, slides, steps
// (pauses), speaker notes, per-slide directives and the diagnostics found
// while reading them. It parses Markdown with goldmark and never imports a
// terminal library, so the renderer, the TUI, export and lint all share one
// understanding of a deck.
package deck

import (
	"fmt"
	"math"
	"time"
)

// Deck is a parsed talk.
type Deck struct {
	Meta   Meta
	Slides []*Slide // presentable slides, in order; skip_slide ones are left out
	// Skipped counts slides marked skip_slide (not in Slides).
	Skipped int
	// Files lists every file the deck was read from, includes too, so that a
	// watcher knows what to watch. The first is the deck file (or the
	// directory's first file).
	Files []string
	// Sources are the bytes read from each of Files, as read: what a
	// second screen needs to show exactly this version of the deck. They
	// must not be modified: the slides' text shares them.
	Sources [][]byte
	// Root is the path the deck was opened from (a file or a directory).
	Root        string
	Diagnostics Diagnostics
	// Dialect is how the deck was read (which tool's conventions).
	Dialect Dialect
	// ThemePos is where the front matter names the theme.
	ThemePos Pos
}

// Meta is the deck's front matter.
type Meta struct {
	Title    string
	SubTitle string
	Author   string
	Date     string
	Event    string
	Theme    string
	// Duration is the planned length of the talk; 0 when not set.
	Duration time.Duration
	// MaxWidth is the widest the content box may grow, in cells; 0 means
	// the renderer's default.
	MaxWidth int
	// AmbiguousWidth is 1 or 2: how many cells East Asian ambiguous
	// characters (“ ” → ①) take on the speaker's terminal; 0 means 1.
	AmbiguousWidth int
	// Pos is where the front matter starts; zero when there is none.
	Pos Pos
}

// Alignment is a slide's horizontal alignment directive.
type Alignment int

const (
	AlignDefault Alignment = iota
	AlignLeft
	AlignCenter
	AlignRight
)

func (a Alignment) String() string {
	switch a {
	case AlignLeft:
		return "left"
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	}
	return "default"
}

// Slide is one slide of the deck.
type Slide struct {
	// Number is the 1-based position among the presentable slides.
	Number int
	// Title is the plain text of the slide's first heading, else the deck
	// title for the first slide, else "Slide N".
	Title string
	// Heading is true when Title came from a heading on the slide.
	Heading bool
	// File, StartLine and EndLine locate the slide in its source (1-based,
	// inclusive). A slide assembled from includes reports where it started.
	File      string
	StartLine int
	EndLine   int
	// Blocks are the slide's Markdown blocks in order.
	Blocks []Block
	// Layouts are the column layouts that Blocks refer to.
	Layouts []ColumnLayout
	// Steps is the number of reveal steps: 1 + the pauses that have content
	// after them.
	Steps int
	// Notes is the speaker notes as Markdown; empty when there are none.
	// Several notes on a slide are joined by a blank line.
	Notes string
	// NoteParts are the slide's notes one by one, as written.
	NoteParts []Note
	NotesLine int
	// Time is the slide's time budget; 0 when not set.
	Time time.Duration

	Alignment    Alignment
	JumpToMiddle bool
	NoFooter     bool
}

// Note is one speaker note.
type Note struct {
	Text string
	// Markdown is true for a "::: notes" div, which is typeset like slide
	// text; a note in a comment keeps its line breaks as written.
	Markdown bool
}

// Block is a top-level Markdown block of a slide.
type Block struct {
	// Markdown is the block's source, exactly as written (line endings
	// normalised to \n), without trailing blank lines.
	Markdown string
	// Step is the first step (0-based) on which the block is shown.
	Step int
	// Layout is an index into Slide.Layouts, or -1 for the full width.
	Layout int
	// Column is the column of Layout the block goes into; 0 when Layout is -1.
	Column int
	// NewLines is the number of blank lines a new_lines directive asks
	// for; such a block has no Markdown.
	NewLines int
	Pos      Pos
}

// ColumnLayout is a row of columns whose widths are proportional to Widths.
type ColumnLayout struct {
	Widths []int
	Pos    Pos
}

// Visible reports whether b is shown at step.
func (b Block) Visible(step int) bool { return b.Step <= step }

// TotalTime is the sum of the slides' time budgets. It saturates rather
// than overflow: each budget is at most MaxDuration, but a deck may have
// many slides.
func (d *Deck) TotalTime() time.Duration {
	var t time.Duration
	for _, s := range d.Slides {
		if t > math.MaxInt64-s.Time {
			return math.MaxInt64
		}
		t += s.Time
	}
	return t
}

// Pos is a position in a source file; Line and Col are 1-based, Col counts
// runes (so editors that count characters agree).
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}
