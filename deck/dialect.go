package deck

import (
	"fmt"
	"iter"
	"strings"
)

// Tools whose decks shovel reads, as named in diagnostics.
const (
	ToolPresenterm = "presenterm"
	ToolPatat      = "patat"
	ToolMarp       = "Marp"
	ToolLookatme   = "lookatme"
	ToolSlides     = "slides"
)

// Split is the rule that ends slides, decided once per deck.
type Split int

const (
	// SplitSeparators: a line --- (or <!-- end_slide -->) ends a slide;
	// shovel's own rule, and that of lookatme, slides and Marp.
	SplitSeparators Split = iota
	// SplitEndSlide: presenterm's rule. <!-- end_slide --> ends a slide;
	// "Title" over "---" is a heading and a bare --- is a rule.
	SplitEndSlide
	// SplitHeadings: pandoc's rule (patat, lookatme): a heading at the
	// slide level or above starts a slide.
	SplitHeadings
)

// Dialect is how the deck was read: which tool's conventions it follows
// and the settings it took from that tool's front matter.
type Dialect struct {
	// Tool is the tool the front matter names ("" for shovel's own).
	Tool  string
	Split Split
	// SlideLevel is the heading level that starts a slide under
	// SplitHeadings (and with Marp's headingDivider); 0 means none.
	SlideLevel    int
	SlideLevelSet bool
	// IncrementalLists reveals list items one by one.
	IncrementalLists  bool
	EndSlideShorthand bool
	ImplicitSlideEnds bool
}

// String is the line lint shows about how slides were split.
func (d Dialect) String() string {
	var s string
	switch d.Split {
	case SplitEndSlide:
		s = "slides end at <!-- end_slide --> (presenterm style: \"Title\" over --- is a heading"
		if d.EndSlideShorthand {
			s += ", a bare --- ends a slide too"
		} else {
			s += ", a bare --- is a rule"
		}
		if d.ImplicitSlideEnds {
			s += ", every slide title starts a slide"
		}
		s += ")"
	case SplitHeadings:
		if d.SlideLevel == 0 {
			s = "no slide separators and no heading followed by content: one slide per file"
		} else {
			s = fmt.Sprintf("no --- separators: a heading of level %d or above starts a slide (pandoc style", d.SlideLevel)
			if !d.SlideLevelSet {
				s += "; the first level, counting from #, that is followed directly by content"
			}
			s += ")"
		}
	default:
		s = "slides end at --- and <!-- end_slide -->"
		if d.SlideLevel > 0 {
			s += fmt.Sprintf(" and before headings of level %d or above", d.SlideLevel)
		}
	}
	if d.Tool != "" {
		s = d.Tool + " deck: " + s
	}
	if d.IncrementalLists {
		s += "; list items appear one by one"
	}
	return s
}

// commentNotes reports whether plain HTML comments are speaker notes, as
// they are in patat and Marp.
func (d Dialect) commentNotes() bool { return d.Tool == ToolPatat || d.Tool == ToolMarp }

// split decides the deck's slide rule from its whole item stream (includes
// spliced) and rewrites the stream to shovel's own form: breaks where the
// rule ends slides, headings and rules where it does not. dir is true for
// a directory deck, whose files already separate slides. The rule is
// decided at once; the rewritten stream is made as it is read (assemble
// reads it once), so that a long deck's items are not held twice.
func (l *loader) split(items []item, dir bool) iter.Seq[item] {
	d := &l.dialect
	hasEndSlide, hasSep, hasBare := false, false, false
	for _, it := range items {
		switch {
		case it.kind == itemBreak && it.sep:
			hasSep, hasBare = true, true
		case it.kind == itemBreak && !it.boundary:
			hasEndSlide = true
		case it.setext != nil && it.setext.dashes >= 3:
			hasSep = true
		}
	}
	switch {
	// A deck that ends slides with end_slide and never with a bare ---
	// line is presenterm's; shovel's own decks mix the two.
	case d.Tool == ToolPresenterm || (hasEndSlide && !hasBare && d.Tool == ""):
		d.Split = SplitEndSlide
	case d.Tool == ToolPatat || (!hasSep && !hasEndSlide && !dir):
		d.Split = SplitHeadings
		if !d.SlideLevelSet {
			d.SlideLevel = slideLevel(items)
		}
	}

	return func(yield func(item) bool) {
		seen := false // the slide so far has content
		for _, it := range items {
			switch {
			case it.kind == itemBreak:
				if it.sep && d.Split == SplitEndSlide && !d.EndSlideShorthand {
					if !yield(item{kind: itemContent, text: it.text, pos: it.pos, endLine: it.endLine}) {
						return
					}
					seen = true
					continue
				}
				seen = false
				if !yield(it) {
					return
				}
				continue
			case it.setext != nil && d.Split == SplitSeparators:
				// shovel's rules: "Title" over --- is a paragraph and a
				// separator, as it always was (presenterm and pandoc read a
				// heading).
				if it.setext.dashes < 3 {
					it.heading, it.level, it.setext = "", 0, nil
					break
				}
				if strings.TrimSpace(it.setext.para) != "" {
					if !yield(item{kind: itemContent, text: it.setext.para, pos: it.pos, endLine: it.setext.pos.Line - 1}) {
						return
					}
				}
				if !yield(item{kind: itemBreak, pos: it.setext.pos, endLine: it.setext.pos.Line}) {
					return
				}
				seen = false
				continue
			}
			if it.kind == itemContent && it.level > 0 && seen {
				startsSlide := d.SlideLevel > 0 && it.level <= d.SlideLevel && d.Split != SplitEndSlide
				if d.Split == SplitEndSlide && d.ImplicitSlideEnds && it.setextTitle {
					startsSlide = true
				}
				if startsSlide {
					if !yield(item{kind: itemBreak, pos: it.pos, endLine: it.pos.Line}) {
						return
					}
				}
			}
			if it.kind == itemContent {
				seen = true
			}
			if !yield(it) {
				return
			}
		}
	}
}

// slideLevel is pandoc's: the highest heading level that is followed
// directly by content (not by another heading) somewhere in the deck.
func slideLevel(items []item) int {
	level := 0
	for i, it := range items {
		if it.kind != itemContent || it.level == 0 {
			continue
		}
		for _, next := range items[i+1:] {
			if next.kind == itemNotes || next.kind == itemDirective || next.kind == itemPause {
				continue
			}
			if next.kind == itemContent && next.level == 0 && (level == 0 || it.level < level) {
				level = it.level
			}
			break
		}
	}
	return level
}
