package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// terminalActive reports the first character in s a terminal would act on
// (anything but tab and newline among the controls) or show reordered.
func terminalActive(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			return r, true
		case r == 0x202e || (r >= 0x2066 && r <= 0x2069):
			return r, true
		}
	}
	return 0, false
}

// TestDiagnosticsShowEscapes: lint, export and present echo deck text in
// their messages (include names, column values, ::: attributes, file names
// of a directory deck, front matter); none of it may reach stdout or
// stderr as an escape sequence (issue 12).
func TestDiagnosticsShowEscapes(t *testing.T) {
	dir := t.TempDir()
	osc := "\x1b]52;c;SGVsbG8=\a"
	file := writeFile(t, dir, "evil.md", "---\n"+`title: "Talk\e]0;HIJACKED\a"`+"\n---\n\n"+
		"# A\u009d0;x\u009c\n\n<!-- include: nope"+osc+".md -->\n\n"+
		"<!-- column_layout: [1"+osc+", 1] -->\n\n<!-- colum: x"+osc+" -->\n\n"+
		"::: notes"+osc+" \u202e\n\nunterminated\n")
	ddir := filepath.Join(dir, "deck")
	if err := os.Mkdir(ddir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, ddir, "01-\x1b]0;HIJACKED\a.md", "# B\n\n<!-- column: 1 -->\n")
	for _, args := range [][]string{
		{"lint", file}, {"lint", "--strict", ddir}, {"export", file}, {"export", ddir},
		{"present", file}, {"lint", filepath.Join(dir, "missing\x1b]0;x\a.md")},
	} {
		io, _, out, errOut := testStreams()
		code := Run(args, io)
		if code == ExitOK {
			t.Errorf("%q: exit 0, want a failure", args)
		}
		all := out.String() + errOut.String()
		if r, bad := terminalActive(all); bad {
			t.Errorf("%q: output has U+%04X:\n%s", args, r, all)
		}
		if !strings.Contains(all, "␛]") && !strings.Contains(all, `\x9d`) {
			t.Errorf("%q: no picture of the escapes:\n%s", args, all)
		}
	}
}

// TestLintWarnsAboutControls: raw control and bidi characters in a deck,
// and front matter values written with YAML escapes, get a warning with
// file:line:col.
func TestLintWarnsAboutControls(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "talk.md", "---\n"+`title: "Talk\e]0;x\a"`+"\n---\n\n# A\n\nok\ttab\n\nx\x1b[31my\n\nab\u202ecd\u009b\n")
	io, _, out, _ := testStreams()
	Run([]string{"lint", file}, io)
	for _, want := range []string{
		file + `:2:8: warning: title: control character U+001B`,
		file + `:9:2: warning: control character U+001B`,
		file + `:11:3: warning: bidirectional control U+202E`,
		file + `:11:6: warning: control character U+009B`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), ":7:") {
		t.Errorf("a tab was reported:\n%s", out.String())
	}
}

// TestMarkdownExportToTerminal: --format markdown copies the deck's text,
// escapes included; to a terminal they are shown as pictures, to a file or
// pipe they are kept byte for byte.
func TestMarkdownExportToTerminal(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "talk.md", "# A\u009d0;x\u009c\n\nbody \x1b]52;c;eA==\a 中文 \u202e\n")
	for _, tty := range []bool{true, false} {
		io, _, out, _ := testStreams()
		io.IsTerminal = func() bool { return tty }
		if code := Run([]string{"export", "--format", "markdown", file}, io); code != ExitOK {
			t.Fatalf("exit %d", code)
		}
		_, active := terminalActive(out.String())
		if active == tty {
			t.Errorf("terminal %v: output has escapes %v:\n%q", tty, active, out.String())
		}
		if tty && !strings.Contains(out.String(), "body ␛]52;c;eA==␇ 中文 \\u202e") {
			t.Errorf("terminal: %q", out.String())
		}
	}
}

// TestTextExportShowsEscapes: titles in the text export's front page and
// slide headers show controls as the slides do, as pictures, measured
// before the header is laid out.
func TestTextExportShowsEscapes(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "talk.md", "---\n"+`title: "Talk\e]0;HIJACKED\a"`+"\n---\n\n# A\u009d0;x\u009c\n\nbody\n")
	io, _, out, _ := testStreams()
	if code := Run([]string{"export", "--width", "60", file}, io); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if r, bad := terminalActive(out.String()); bad {
		t.Errorf("export has U+%04X:\n%s", r, out.String())
	}
	for _, want := range []string{"Talk␛]0;HIJACKED␇", `A\x9d0;x\x9c`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
}
