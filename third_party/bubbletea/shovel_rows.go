package tea

// shovel: this file is shovel's own (see PATCHES.md, "Only the rows that
// changed are drawn").

import (
	"strings"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// frameRows is the text of each screen row as the last frame drew it, for
// an alternate-screen frame whose rows all end with the style and the link
// reset. Such a frame can be redrawn row by row: a row's cells depend on
// its own text only, so a row whose text is unchanged still holds the right
// cells and is left alone, untouched, and the terminal renderer does not
// diff it either. Nil when the cell buffer cannot be trusted that way.
type frameRows struct {
	rows []string
	// next is scratch space for the frame being drawn.
	next []string
	// row draws one row; kept to draw without an allocation per row.
	row uv.StyledString
}

// splitRows cuts content into at most h rows, the missing ones empty (as
// upstream's Draw leaves them after its Clear).
func splitRows(dst []string, content string, h int) []string {
	dst = dst[:0]
	for len(dst) < h {
		i := strings.IndexByte(content, '\n')
		if i < 0 {
			dst = append(dst, content)
			content = ""
			break
		}
		dst = append(dst, content[:i])
		content = content[i+1:]
	}
	for len(dst) < h {
		dst = append(dst, "")
	}
	return dst
}

// drawChangedRows redraws into buf the rows of content that differ from
// the last frame's and reports whether it could. It cannot (and changes
// nothing) when the last frame is unknown or of another size, when a row
// carries "\r\n" (which Draw folds into "\n"), or when a changed row does
// not end with its style and link reset: the next row would then start
// with them, and only a whole-frame draw gets that right.
func (f *frameRows) drawChangedRows(buf *uv.ScreenBuffer, content string) bool {
	h := buf.Height()
	if len(f.rows) != h || h == 0 || strings.Contains(content, "\r\n") {
		return false
	}
	f.next = splitRows(f.next, content, h)
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	for y, line := range f.next {
		if line != f.rows[y] && !rowEndsReset(line, p) {
			return false
		}
	}
	w := buf.Width()
	for y, line := range f.next {
		if line == f.rows[y] {
			continue
		}
		f.row.Text = line
		f.row.Draw(buf, uv.Rect(0, y, w, 1))
		f.rows[y] = line
	}
	return true
}

// record remembers the rows of a frame drawn whole, when it could be
// redrawn row by row next time.
func (f *frameRows) record(buf *uv.ScreenBuffer, content string) {
	h := buf.Height()
	if h == 0 || strings.Contains(content, "\r\n") {
		f.forget()
		return
	}
	rows := splitRows(f.rows, content, h)
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	for _, line := range rows {
		if !rowEndsReset(line, p) {
			f.forget()
			return
		}
	}
	f.rows = rows
}

// forget makes the next frame draw whole.
func (f *frameRows) forget() { f.rows = f.rows[:0] }

// rowEndsReset reports whether drawing line on its own leaves nothing
// behind for the next line: it ends with no style and no hyperlink set
// (read as uv's printString reads them), holds no sequence that printString
// carries over to the next glyph (APC, DCS, SOS, PM) or that is cut off,
// and does not start with a zero-width mark that would join the cell before
// it. Invalid UTF-8 counts as not reset: only in valid UTF-8 is every byte
// from 0x80 to 0x9f part of a character rather than a C1 control.
func rowEndsReset(line string, p *ansi.Parser) bool {
	if !utf8.ValidString(line) {
		return false
	}
	var (
		style uv.Style
		link  uv.Link
		first = true // the line's first text is still to be seen
	)
	for len(line) > 0 {
		i := strings.IndexByte(line, ansi.ESC)
		text := line
		if i >= 0 {
			text = line[:i]
		}
		if first && len(text) > 0 {
			first = false
			if text[0] >= utf8.RuneSelf {
				if _, w := ansi.FirstGraphemeCluster(text, ansi.GraphemeWidth); w == 0 {
					return false
				}
			}
		}
		if i < 0 {
			break
		}
		seq, _, n, state := ansi.DecodeSequence(line[i:], ansi.NormalState, p)
		if state != ansi.NormalState || n == 0 {
			return false
		}
		switch {
		case ansi.HasCsiPrefix(seq) && p.Command() == 'm':
			uv.ReadStyle(p.Params(), &style)
		case ansi.HasOscPrefix(seq) && p.Command() == 8:
			uv.ReadLink(p.Data(), &link)
		case ansi.HasApcPrefix(seq) || ansi.HasDcsPrefix(seq) || ansi.HasSosPrefix(seq) || ansi.HasPmPrefix(seq):
			return false
		}
		line = line[i+n:]
	}
	return style.IsZero() && link.IsZero()
}
