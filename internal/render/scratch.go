package render

import "sync"

// scratch is a typesetter's working memory. Nothing a render returns
// refers to it (a Page holds strings built at the end), so a Renderer
// keeps it from one render to the next: a key press that typesets the
// next slide reuses the last one's buffers instead of allocating them.
type scratch struct {
	// glyphs and spans are for wrap, reused from one paragraph to the
	// next; cellGlyphs holds a table's cells while it is laid out.
	glyphs, cellGlyphs []glyph
	spans              []lineSpan
	// runs, lines and pieces are slabs that filled lines and inline
	// pieces are cut from: one allocation for many (cutRuns, newLines,
	// inlines).
	runs   []run
	lines  []line
	pieces []piece
}

// reset empties s for the next render, keeping its memory.
func (s *scratch) reset() {
	s.glyphs, s.cellGlyphs, s.spans = s.glyphs[:0], s.cellGlyphs[:0], s.spans[:0]
	s.runs, s.lines, s.pieces = s.runs[:0], s.lines[:0], s.pieces[:0]
}

// typesetters keeps a typesetter, with its scratch, between renders. It
// is one spare guarded by a mutex rather than a sync.Pool, which the
// runtime keeps reachable until two collections later: a replaced
// Renderer, its deck and the deck's text are free as soon as it is.
type typesetters struct {
	mu    sync.Mutex
	spare *typesetter
}

func (p *typesetters) get() *typesetter {
	p.mu.Lock()
	ts := p.spare
	p.spare = nil
	p.mu.Unlock()
	if ts == nil {
		ts = &typesetter{}
	}
	return ts
}

// put takes ts back once everything it typeset has been turned into
// strings.
func (p *typesetters) put(ts *typesetter) {
	ts.scratch.reset()
	ts.cur, ts.refs = parsed{}, nil // no tree kept alive by a spare
	p.mu.Lock()
	p.spare = ts
	p.mu.Unlock()
}

// cutRuns returns an empty slice of capacity n cut from the typesetter's
// slab; appending beyond n reallocates rather than overwrite a neighbour.
func (ts *typesetter) cutRuns(n int) []run {
	if cap(ts.runs)-len(ts.runs) < n {
		ts.runs = make([]run, 0, max(n, 128))
	}
	first := len(ts.runs)
	ts.runs = ts.runs[:first+n]
	return ts.runs[first : first : first+n]
}

// newLines returns n zero lines cut from the typesetter's slab; the slice
// cannot grow into lines handed out later (cap is len).
func (ts *typesetter) newLines(n int) []line {
	if cap(ts.lines)-len(ts.lines) < n {
		ts.lines = make([]line, 0, max(n, 64))
	}
	first := len(ts.lines)
	ts.lines = ts.lines[:first+n]
	return ts.lines[first : first+n : first+n]
}
