package render

import (
	"image/color"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	chromastyles "github.com/alecthomas/chroma/v2/styles"
	xansi "github.com/charmbracelet/x/ansi"

	"shovel/internal/termsafe"
)

// highlighter colours code with chroma in the theme's code_block style (a
// chroma theme name or glamour's chroma entries). The chroma style is
// built on first use, as most slides have no code. Tokens are styled here
// rather than through chroma's terminal formatter so that lines can be
// measured and clipped as runs, and so that two themes in one process do
// not share glamour's single registered "charm" chroma style.
type highlighter struct {
	th    *theme
	once  sync.Once
	style *chroma.Style // nil: no highlighting
	sgrs  sync.Map      // chroma.TokenType → string
}

func (h *highlighter) load() {
	cb := h.th.cfg.CodeBlock
	if h.th.plain {
		return
	}
	if cb.Chroma != nil {
		c := cb.Chroma
		entries := chroma.StyleEntries{}
		for tt, p := range map[chroma.TokenType]StylePrimitive{
			chroma.Text: c.Text, chroma.Error: c.Error, chroma.Comment: c.Comment,
			chroma.CommentPreproc: c.CommentPreproc, chroma.Keyword: c.Keyword,
			chroma.KeywordReserved: c.KeywordReserved, chroma.KeywordNamespace: c.KeywordNamespace,
			chroma.KeywordType: c.KeywordType, chroma.Operator: c.Operator,
			chroma.Punctuation: c.Punctuation, chroma.Name: c.Name,
			chroma.NameBuiltin: c.NameBuiltin, chroma.NameTag: c.NameTag,
			chroma.NameAttribute: c.NameAttribute, chroma.NameClass: c.NameClass,
			chroma.NameConstant: c.NameConstant, chroma.NameDecorator: c.NameDecorator,
			chroma.NameException: c.NameException, chroma.NameFunction: c.NameFunction,
			chroma.NameOther: c.NameOther, chroma.Literal: c.Literal,
			chroma.LiteralNumber: c.LiteralNumber, chroma.LiteralDate: c.LiteralDate,
			chroma.LiteralString: c.LiteralString, chroma.LiteralStringEscape: c.LiteralStringEscape,
			chroma.GenericDeleted: c.GenericDeleted, chroma.GenericEmph: c.GenericEmph,
			chroma.GenericInserted: c.GenericInserted, chroma.GenericStrong: c.GenericStrong,
			chroma.GenericSubheading: c.GenericSubheading, chroma.Background: c.Background,
		} {
			if s := chromaEntry(p); s != "" {
				entries[tt] = s
			}
		}
		if s, err := chroma.NewStyle("shovel", entries); err == nil {
			h.style = s
		}
		return
	}
	if cb.Theme != "" {
		h.style = chromastyles.Get(cb.Theme)
	}
}

// chromaEntry writes a glamour style primitive in chroma's style syntax.
func chromaEntry(p StylePrimitive) string {
	var f []string
	if p.Color != nil {
		f = append(f, *p.Color)
	}
	if p.BackgroundColor != nil {
		f = append(f, "bg:"+*p.BackgroundColor)
	}
	for _, a := range []struct {
		on   *bool
		name string
	}{{p.Italic, "italic"}, {p.Bold, "bold"}, {p.Underline, "underline"}} {
		if a.on != nil && *a.on {
			f = append(f, a.name)
		}
	}
	return strings.Join(f, " ")
}

// tokenSGR is the escape sequence for a token type. Backgrounds equal to
// the style's own background are left out: the slide is not painted.
func (h *highlighter) tokenSGR(tt chroma.TokenType) string {
	if v, ok := h.sgrs.Load(tt); ok {
		return v.(string)
	}
	e := h.style.Get(tt)
	bg := h.style.Get(chroma.Background).Background
	var st xansi.Style
	if e.Colour.IsSet() {
		st = st.ForegroundColor(rgb(e.Colour))
	}
	if e.Background.IsSet() && e.Background != bg {
		st = st.BackgroundColor(rgb(e.Background))
	}
	if e.Bold == chroma.Yes {
		st = st.Bold()
	}
	if e.Italic == chroma.Yes {
		st = st.Italic(true)
	}
	if e.Underline == chroma.Yes {
		st = st.Underline(true)
	}
	s := ""
	if len(st) > 0 {
		s = st.String()
	}
	h.sgrs.Store(tt, s)
	return s
}

func rgb(c chroma.Colour) color.Color {
	return color.RGBA{R: c.Red(), G: c.Green(), B: c.Blue(), A: 0xff}
}

// codeRow builds one line of code, expanding tabs to 4-column stops.
type codeRow struct {
	runs []run
	w    int
}

func (r *codeRow) add(m measurer, s, sgr string) {
	for s != "" {
		i := strings.IndexByte(s, '\t')
		part := s
		if i >= 0 {
			part = s[:i]
		}
		if part != "" {
			r.runs = append(r.runs, run{text: part, sgr: sgr})
			r.w += m.text(part)
		}
		if i < 0 {
			return
		}
		n := 4 - r.w%4
		r.runs = append(r.runs, run{text: spaces(n), sgr: sgr})
		r.w += n
		s = s[i+1:]
	}
}

// codeBlock lays out a code block: never re-wrapped, highlighted, and
// clipped with a marker where a line is wider than the slide (rule 5).
func (ts *typesetter) codeBlock(code string, a codeAttrs, width int) []line {
	cb := ts.th.cfg.CodeBlock
	base := ts.th.sgr(merge(ts.th.base, cb.StylePrimitive))
	rows := ts.highlight(termsafe.Text(strings.TrimRight(code, "\n")), a.lang, base)
	rows = ts.gutter(rows, a, base)
	margin := 0
	if cb.Margin != nil {
		margin += int(*cb.Margin)
	}
	if cb.Indent != nil {
		margin += int(*cb.Indent)
	}
	widest := 0
	for _, r := range rows {
		widest = max(widest, r.w)
	}
	// Give up the margin before clipping anything.
	margin = max(0, min(margin, width-widest))
	avail := width - margin
	out := make([]line, len(rows))
	for i, r := range rows {
		l := line(r)
		if l.w > avail {
			l = ts.clip(l, avail, base)
		}
		out[i] = pad(trimRight(l), margin)
	}
	return out
}

func (ts *typesetter) highlight(code, lang, base string) []codeRow {
	var rows []codeRow
	plain := func() []codeRow {
		for _, l := range strings.Split(code, "\n") {
			var r codeRow
			r.add(ts.m, l, base)
			rows = append(rows, r)
		}
		return rows
	}
	if lang == "" || ts.code == nil {
		return plain()
	}
	h := ts.code
	h.once.Do(h.load)
	lexer := lexers.Get(lang)
	if h.style == nil || lexer == nil {
		return plain()
	}
	toks, err := tokenise(lexer, code)
	if err == nil && hasError(toks) {
		// chroma gives each regexp 250 ms against a coarse clock; on a
		// starved CPU a match can time out and come back as an error
		// token. One more try makes that vanishingly rare.
		if again, err2 := tokenise(lexer, code); err2 == nil {
			toks = again
		}
	}
	if err != nil {
		return plain()
	}
	var cur codeRow
	for _, tok := range toks {
		sgr := h.tokenSGR(tok.Type)
		parts := strings.Split(tok.Value, "\n")
		for i, p := range parts {
			if i > 0 {
				rows = append(rows, cur)
				cur = codeRow{}
			}
			cur.add(ts.m, p, sgr)
		}
	}
	rows = append(rows, cur)
	// chroma ends its output with a newline the code did not have.
	if n := len(rows); n > 1 && rows[n-1].w == 0 && !strings.HasSuffix(code, "\n") {
		rows = rows[:n-1]
	}
	return rows
}

func tokenise(lexer chroma.Lexer, code string) ([]chroma.Token, error) {
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	return it.Tokens(), nil
}

func hasError(toks []chroma.Token) bool {
	for _, t := range toks {
		if t.Type == chroma.Error {
			return true
		}
	}
	return false
}

// clipMarker shows that a code line goes on past the slide's edge.
const clipMarker = "…"

// clip cuts l to width cells, the last ones showing clipMarker.
func (ts *typesetter) clip(l line, width int, sgr string) line {
	mw := ts.m.text(clipMarker)
	room := width - mw
	var out line
	for _, r := range l.runs {
		if out.w >= room {
			break
		}
		text, w := ts.m.cut(r.text, room-out.w)
		if text != "" {
			out.runs = append(out.runs, run{text: text, sgr: r.sgr})
			out.w += w
		}
		if w < ts.m.text(r.text) {
			break
		}
	}
	if gap := room - out.w; gap > 0 { // a wide character did not fit
		out.runs = append(out.runs, run{text: spaces(gap)})
		out.w += gap
	}
	out.runs = append(out.runs, run{text: clipMarker, sgr: sgr})
	out.w += mw
	return out
}

// trimRight drops trailing spaces of a code line.
func trimRight(l line) line {
	for len(l.runs) > 0 {
		last := &l.runs[len(l.runs)-1]
		t := strings.TrimRight(last.text, " ")
		l.w -= len(last.text) - len(t)
		if t != "" {
			last.text = t
			break
		}
		l.runs = l.runs[:len(l.runs)-1]
	}
	return l
}
