package export

import (
	"bufio"
	"context"
	"io"
	"strings"

	"shovel/deck"
	"shovel/internal/render"
	"shovel/internal/termsafe"
)

// Text writes d as plain text to w: a front page, then every selected slide
// with its header, its body typeset by internal/render at opts.Width
// without colour, and with opts.Notes its speaker notes and time budget.
// It stops between slides when ctx is done and returns ctx's error.
func Text(ctx context.Context, w io.Writer, d *deck.Deck, opts TextOptions) error {
	if err := CheckWidth(opts.Width); err != nil {
		return err
	}
	if err := checkSelection(opts.Slides, len(d.Slides)); err != nil {
		return err
	}
	amb := d.Meta.AmbiguousWidth
	if amb != 2 {
		amb = 1
	}
	// The content box fills the width asked for (an export has no screen
	// to centre a narrower box in), and each page is typeset once, so a
	// cache would only hold memory.
	r, err := render.New(d, render.Options{Theme: "notty", MaxWidth: opts.Width, NoCache: true, Handout: true})
	if err != nil {
		return err
	}
	t := &textWriter{
		w:    bufio.NewWriterSize(w, 64<<10),
		d:    d,
		opts: opts,
		r:    r,
		m:    newMeasure(amb),
	}
	t.lines(t.m.frontPage(t.frontMatter(), opts.Width))
	if opts.Slides == nil {
		for i := range d.Slides {
			if err := t.slide(ctx, i); err != nil {
				return err
			}
		}
	} else {
		for _, i := range opts.Slides {
			if err := t.slide(ctx, i); err != nil {
				return err
			}
		}
	}
	return t.w.Flush()
}

type textWriter struct {
	w    *bufio.Writer
	d    *deck.Deck
	opts TextOptions
	r    *render.Renderer
	m    measure

	// pending asks for a blank line before the next line; started says
	// whether anything has been written yet.
	pending, started bool
}

func (t *textWriter) frontMatter() frontMatter {
	m := t.d.Meta
	fm := frontMatter{
		title: termsafe.Line(m.Title), subTitle: termsafe.Line(m.SubTitle), author: termsafe.Line(m.Author),
		date: termsafe.Line(m.Date), event: termsafe.Line(m.Event),
		slides: len(t.d.Slides), skipped: t.d.Skipped,
		planned: m.Duration, budgets: t.d.TotalTime(),
	}
	if fm.title == "" && len(t.d.Slides) > 0 {
		fm.title = termsafe.Line(t.d.Slides[0].Title)
	}
	if t.opts.Slides != nil && len(t.opts.Slides) != len(t.d.Slides) {
		fm.selection = formatSelection(t.opts.Slides)
	}
	return fm
}

// slide writes slide i: once at its final step, or once per step.
func (t *textWriter) slide(ctx context.Context, i int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := t.r
	s := t.d.Slides[i]
	width, total := t.opts.Width, len(t.d.Slides)
	first, steps := s.Steps-1, 0
	if t.opts.Steps == StepsAll && s.Steps > 1 {
		first, steps = 0, s.Steps
	}
	var refs []string
	for step := first; step < s.Steps; step++ {
		p, err := r.Slide(i, step, width)
		if err != nil {
			return err
		}
		t.sep()
		t.lines(t.m.header(s.Number, total, termsafe.Line(s.Title), step+1, steps, width))
		t.sep()
		t.lines(p.Lines)
		refs = p.References
	}
	t.references(refs)
	if t.opts.Notes {
		if err := t.notes(r, i); err != nil {
			return err
		}
	}
	// A failed write is sticky in bufio; stop at once rather than
	// typesetting the rest of a long deck for nothing.
	_, err := t.w.Write(nil)
	return err
}

func (t *textWriter) notes(r *render.Renderer, i int) error {
	s := t.d.Slides[i]
	if strings.TrimSpace(s.Notes) != "" {
		p, err := r.Notes(i, t.opts.Width)
		if err != nil {
			return err
		}
		t.sep()
		t.lines([]string{"Notes", t.m.underline("Notes")})
		t.lines(p.Lines)
		t.references(p.References)
	}
	if s.Time > 0 {
		t.sep()
		t.lines([]string{"Time budget: " + formatDuration(s.Time)})
	}
	return nil
}

// references lists the addresses that a page's reference numbers stand
// for, "[1] https://…", each wrapped under itself.
func (t *textWriter) references(urls []string) {
	if len(urls) == 0 {
		return
	}
	t.sep()
	for n, u := range urls {
		t.lines(t.m.reference(n+1, u, t.opts.Width))
	}
}

// sep asks for a blank line before the next line written. It is written
// lazily so that the export neither starts nor ends with a blank line and
// never has two in a row between its parts.
func (t *textWriter) sep() { t.pending = true }

// lines writes ls as plain text, without their leading and trailing blank
// lines (the parts are spaced by sep); blank lines inside are kept, as in a
// code block.
func (t *textWriter) lines(ls []string) {
	start, end := 0, len(ls)
	for start < end && clean(ls[start]) == "" {
		start++
	}
	for end > start && clean(ls[end-1]) == "" {
		end--
	}
	if start == end {
		return
	}
	if t.pending && t.started {
		t.w.WriteByte('\n')
	}
	t.pending, t.started = false, true
	for _, l := range ls[start:end] {
		t.w.WriteString(clean(l))
		t.w.WriteByte('\n')
	}
}
