package deck

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/parser"
)

// A file is parsed slide by slide: goldmark's tree of a 1,000-slide deck
// takes ten times the file's size, and only one slide's tree need be alive
// at a time. A chunk ends at a "---" line that its parse shows to be a
// top-level break: block parsing goes line by line and such a line closes
// every open block, so the chunks' items are those of one parse of the
// whole file. Two things reach across a break, and the file is then parsed
// whole: link reference definitions (a "]:" anywhere), which change how
// headings and images read, and a chunk whose first block has no position
// (its text would belong to the block before, in the previous chunk).

// maxChunkTries bounds how many "---" lines in a row may turn out not to
// be breaks (in a code block, a comment, a setext underline) before the
// rest of the file is parsed in one piece: each try parses the chunk again.
const maxChunkTries = 8

// chunked is whether files are parsed chunk by chunk; tests turn it off
// to check that chunks change nothing.
var chunked = true

// rangeResult is what parseRange makes of a part of a file. Its
// diagnostics are kept by the phase that found them, so that the file's
// diagnostics can be added in the order one parse of the whole file adds
// them (which matters once maxDiagnostics is reached).
type rangeResult struct {
	items         []item
	deep          int // offset of the first block nested too deep, else -1
	images, spans []Diagnostic
	// orphan is set when the first top-level block has no position.
	orphan bool
}

// divert sends the loader's diagnostics to *sink until the returned
// function restores where they went before.
func (l *loader) divert(sink *[]Diagnostic) (restore func()) {
	prev := l.sink
	l.sink = sink
	return func() { l.sink = prev }
}

// parseBody turns a file's Markdown (after front matter) into items.
func (l *loader) parseBody(display, body string, base int) []item {
	li := newLineIndex(display, body, base)
	if !l.checkShapes(li) {
		l.refused = true
		return nil // goldmark is never given what it cannot read in time
	}
	p := newBlockParser()
	var (
		items []item
		parts []rangeResult
	)
	if chunked && !strings.Contains(body, "]:") {
		items, parts = l.chunks(p, li)
	}
	if parts == nil {
		r := l.parseRange(p, li, 0, len(body), nil)
		items, parts = r.items, []rangeResult{r}
	}
	deep := -1
	for _, r := range parts {
		if deep < 0 {
			deep = r.deep
		}
	}
	if deep >= 0 {
		l.errorf(li.pos(deep), "lists, block quotes and fenced divs nest more than %d deep here; deeper ones are read as text", maxNesting)
	}
	for _, r := range parts {
		l.addDiags(r.images)
	}
	for _, r := range parts {
		l.addDiags(r.spans)
	}
	return items
}

// chunks parses the file li indexes chunk by chunk, or returns nil parts
// when it must be parsed whole. The parts hold the chunks' diagnostics.
func (l *loader) chunks(p parser.Parser, li *lineIndex) (items []item, parts []rangeResult) {
	body, noted := li.text, l.execNoted
	from, next, tries := 0, 0, 0
	for from < len(body) {
		to, line := len(body), 0
		if tries < maxChunkTries {
			if line = breakLine(li, next); line > 0 && line < len(li.starts) {
				to = li.starts[line]
			}
		}
		before := l.execNoted
		r := l.parseRange(p, li, from, to, items)
		if from > 0 && r.orphan {
			l.execNoted = noted // the file is parsed again, whole
			return nil, nil
		}
		if line > 0 && !endsWithBreak(r.items[len(items):], li.base+line) {
			l.execNoted = before // the chunk is parsed again, longer
			tries++
			next = line
			continue
		}
		items, r.items = r.items, nil
		parts = append(parts, r)
		if from < len(body)/32 && to >= len(body)/32 {
			// Room for the whole file's items, guessed from its first
			// part: growing by doubling would hold one and a half times
			// them, and leave as much garbage.
			items = slices.Grow(items, len(items)*(len(body)-to)/to*9/8)
		}
		from, next, tries = to, line, 0
	}
	return items, parts
}

// breakLine returns the number of the first line after line after that
// could be a break ("---" or longer, at most three spaces before it), or 0.
func breakLine(li *lineIndex, after int) int {
	for n := after + 1; n <= len(li.starts); n++ {
		start, end := li.starts[n-1], len(li.text)
		if n < len(li.starts) {
			end = li.starts[n] - 1
		}
		if ln := li.text[start:end]; leadingSpaces(ln) <= 3 && isSeparator(ln) {
			return n
		}
	}
	return 0
}

// endsWithBreak reports whether items end with a "---" break on line.
func endsWithBreak(items []item, line int) bool {
	if len(items) == 0 {
		return false
	}
	last := items[len(items)-1]
	return last.kind == itemBreak && last.sep && last.pos.Line == line
}
