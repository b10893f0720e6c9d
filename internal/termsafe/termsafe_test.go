package termsafe

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// payloads are what a hostile deck puts into its text (issue 12).
var payloads = []string{
	"Talk\x1b]52;c;SGVsbG8gZnJvbSBkZWNr\a\x1b]0;HIJACKED\a",  // OSC 52 clipboard, OSC 0 window title
	"# Agenda\u009d52;c;SGVsbG8=\u009c",                      // C1 OSC and ST
	"\u009b31mred\u009b0m",                                   // C1 CSI
	"\x1bP+q544e\x1b\\",                                      // DCS (XTGETTCAP)
	"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", // OSC 8 hyperlink
	"\x1b[2J\x1b[H\x1b[?1049l",                               // CSI: clear screen, leave alt screen
	"a\x00b\x7fc\rd\ne\tf",
	"\xff\xfe invalid",
}

// raw reports whether s holds a byte or character a terminal would act on.
func raw(s string, keep string) bool {
	for _, r := range s {
		if IsControl(r) && !strings.ContainsRune(keep, r) {
			return true
		}
	}
	return false
}

func TestLineLeavesNoControls(t *testing.T) {
	for _, p := range payloads {
		got := Line(p)
		if raw(got, "") || !utf8.ValidString(got) || strings.ContainsAny(got, "\u202e\u2066") {
			t.Errorf("Line(%q) = %q: still has controls", p, got)
		}
	}
	if got, want := Line(payloads[0]), "Talk␛]52;c;SGVsbG8gZnJvbSBkZWNr␇␛]0;HIJACKED␇"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got, want := Line("# Agenda\u009d52;c;x\u009c"), `# Agenda\x9d52;c;x\x9c`; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got, want := Line("abc\u202efdp.exe\u2066x\u2069"), `abc\u202efdp.exe\u2066x\u2069`; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got, want := Line("two\nlines\tand tab"), "two␊lines␉and tab"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
}

func TestTextKeepsLayoutAndBidi(t *testing.T) {
	for _, p := range payloads {
		if got := Text(p); raw(got, "\t\n\r") {
			t.Errorf("Text(%q) = %q: still has controls", p, got)
		}
	}
	if got, want := Text("a\tb\nc\u202ed\x1b[0m"), "a\tb\nc\u202ed␛[0m"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	s := "中文 text, “quotes”"
	if got := Line(s); got != s {
		t.Errorf("clean text changed: %q", got)
	}
}

// TestPictureWidthFixed: a picture is as wide under ambiguous width 2 as
// under 1 (U+FFFD, used before, is ambiguous: the fuzz crasher of issue 12).
func TestPictureWidthFixed(t *testing.T) {
	for r := rune(0); r < 0xa0; r++ {
		p, ok := Picture(r)
		if ok != IsControl(r) {
			t.Fatalf("Picture(%U) ok=%v", r, ok)
		}
		if !ok {
			continue
		}
		for _, pr := range p {
			if width.LookupRune(pr).Kind() == width.EastAsianAmbiguous || IsControl(pr) {
				t.Errorf("picture of %U has %U, ambiguous or a control", r, pr)
			}
		}
		if w := uniseg.StringWidth(p); w < 1 {
			t.Errorf("picture of %U is %d cells", r, w)
		}
	}
}

func TestWriterSplitsCharacters(t *testing.T) {
	in := "标题\x1b]0;x\a\u009d中\u202e文\n\tend\xe4"
	var b bytes.Buffer
	w := &Writer{W: &b}
	for i := 0; i < len(in); i++ { // one byte at a time: every split
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "标题␛]0;x␇\\x9d中\\u202e文\n\tend\ufffd"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
