package deck

import "strings"

// maxFirstTries bounds how many candidate "---" lines OpenFirst tries
// (each try parses a longer prefix) before it gives up on a deck.
const maxFirstTries = 8

// firstPrefixBytes is how much of a deck file OpenFirst reads: its first
// slide must end within them (else the deck is read whole).
const firstPrefixBytes = 64 << 10

// OpenFirstWith reads the deck at path like OpenWith but parses only up to
// the end of its first slide, so that a presenter can show slide 1 before
// the rest of a long deck is parsed. The deck it returns holds the slides
// before the cut (at least one), exactly as OpenWith would make them; its
// Diagnostics cover only that part, and lint, export and the slide count
// must use OpenWith's deck.
//
// ok is false, with a nil deck, when the prefix could disagree with the
// whole deck: a directory deck, a deck whose first slide does not end at a
// bare "---" line (only that line makes the slide rule the same for every
// continuation: pandoc's heading split and presenterm's end_slide rule are
// decided from the whole deck), or front matter naming patat or
// presenterm. The caller then reads the deck whole.
func OpenFirstWith(path string, opts Options) (d *Deck, ok bool, err error) {
	src, err := osSourceFor(path, opts)
	if err != nil {
		return nil, false, err
	}
	d, err = load(src, path, true)
	if err != nil || d == nil {
		return nil, false, err
	}
	if t := d.Dialect.Tool; t == ToolPresenterm || t == ToolPatat || d.Dialect.Split != SplitSeparators || len(d.Slides) == 0 {
		return nil, false, nil
	}
	return d, true, nil
}

// firstItems parses body only up to and including the first bare "---"
// line that ends a slide at the top level (not one inside a code fence, a
// div or an HTML block, nor a setext underline), or returns nil. Block
// parsing is line by line: the blocks before such a line come out the same
// whatever follows it.
func (l *loader) firstItems(display, body string, base int) []item {
	// A failed try's diagnostics are dropped with it.
	diags, dropped, droppedAt := len(l.diags), l.dropped, l.droppedAt
	reset := func() { l.diags, l.dropped, l.droppedAt = l.diags[:diags], dropped, droppedAt }
	off := 0
	for try := 0; try < maxFirstTries; try++ {
		end, line, found := nextDashLine(body, off)
		if !found {
			return nil
		}
		off = end
		reset()
		items := l.parseBody(display, body[:end], base)
		if n := len(items); n > 0 {
			last := items[n-1]
			if last.kind == itemBreak && last.sep && last.pos.Line == base+line {
				return items
			}
		}
	}
	reset()
	return nil
}

// nextDashLine finds the first line at or after offset from that is a
// separator ("---" or longer, up to three spaces before it), and returns
// the offset just after it, its 1-based line number in body, and whether
// there was one.
func nextDashLine(body string, from int) (end, line int, found bool) {
	for from < len(body) {
		nl := strings.IndexByte(body[from:], '\n')
		stop := len(body)
		if nl >= 0 {
			stop = from + nl
		}
		ln := body[from:stop]
		if leadingSpaces(ln) <= 3 && isSeparator(ln) {
			end = stop
			if stop < len(body) {
				end = stop + 1
			}
			return end, 1 + strings.Count(body[:from], "\n"), true
		}
		from = stop + 1
	}
	return 0, 0, false
}
