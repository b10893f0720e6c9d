package deck

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// decodeProblem is why a file's bytes are not a Markdown text at all.
type decodeProblem struct{ msg string }

func (p *decodeProblem) Error() string { return p.msg }

// normalize checks that src is UTF-8 text and returns it with the BOM
// removed and line endings normalised to \n. Invalid UTF-8 is not fatal:
// it is reported (with its byte offset) and the text is kept as is.
func normalize(display string, src []byte) (string, []Diagnostic, error) {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return "", nil, &decodeProblem{fmt.Sprintf("file is UTF-16 (little-endian); save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 %s", display)}
	}
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return "", nil, &decodeProblem{fmt.Sprintf("file is UTF-16 (big-endian); save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 %s", display)}
	}
	src = bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	if enc := guessUTF16(src); enc != "" {
		return "", nil, &decodeProblem{fmt.Sprintf("file looks like UTF-16 (%s) without a byte order mark; save it as UTF-8", enc)}
	}
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return "", nil, &decodeProblem{fmt.Sprintf("binary file (NUL byte at offset %d), not a Markdown deck", i)}
	}

	var diags []Diagnostic
	if !utf8.Valid(src) {
		off := firstInvalidUTF8(src)
		line := 1 + bytes.Count(src[:off], []byte{'\n'})
		lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
		col := 1 + utf8.RuneCount(src[lineStart:off])
		diags = append(diags, Diagnostic{
			Pos:      Pos{File: display, Line: line, Col: col},
			Severity: Error,
			Message:  fmt.Sprintf("invalid UTF-8 at byte offset %d (is the file in another encoding, such as GBK?)", off),
		})
	}
	if bytes.IndexByte(src, '\r') < 0 {
		// The text is the bytes read, shared rather than copied: the
		// deck keeps both (Sources, and its blocks are parts of the
		// text), and a copy would hold a long deck twice. The bytes are
		// the loader's own (sources return a fresh slice), and nothing
		// writes to them.
		return unsafe.String(unsafe.SliceData(src), len(src)), diags, nil
	}
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n"), diags, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// guessUTF16 spots BOM-less UTF-16: in mostly-ASCII text every other byte
// is zero.
func guessUTF16(b []byte) string {
	if len(b) > 512 {
		b = b[:512]
	}
	if len(b) < 4 {
		return ""
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	switch {
	case odd > half*3/4 && even == 0:
		return "little-endian"
	case even > half*3/4 && odd == 0:
		return "big-endian"
	}
	return ""
}
