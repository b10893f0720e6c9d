package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLintFlags(t *testing.T) {
	tests := []struct {
		args     []string
		wantPath string
		strict   bool
		wantErr  bool
	}{
		{nil, "", false, false},
		{[]string{"talk.md"}, "talk.md", false, false},
		{[]string{"--strict", "dir/"}, "dir/", true, false},
		{[]string{"a.md", "b.md"}, "", false, true},
	}
	for _, tt := range tests {
		got, err := parseFlags(NewCmdLint, tt.args)
		if (err != nil) != tt.wantErr {
			t.Errorf("%v: err = %v", tt.args, err)
			continue
		}
		if err == nil && (got.Path != tt.wantPath || got.Strict != tt.strict) {
			t.Errorf("%v: options = %+v", tt.args, got)
		}
	}
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.md", "# A\n\n---\n\n# B\n")
	warn := writeFile(t, dir, "warn.md", "---\nspeaker: me\n---\n\n# A\n")
	bad := writeFile(t, dir, "bad.md", "# A\n\n<!-- column: 1 -->\n")
	binary := writeFile(t, dir, "bin.md", "\x00\x01\x02")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string
		stderrIn string
	}{
		{"built-in deck", []string{"lint"}, ExitOK, "", "slides: "},
		{"clean deck", []string{"lint", clean}, ExitOK, "", "2 slides, 0 errors, 0 warnings"},
		{"warnings pass", []string{"lint", warn}, ExitOK, warn + `:2:1: warning: unknown front matter key "speaker"`, "1 slide, 0 errors, 1 warning"},
		{"warnings fail with --strict", []string{"lint", "--strict", warn}, ExitFailure, "warning", ""},
		{"errors fail", []string{"lint", bad}, ExitFailure, bad + ":3:1: error: column 1 outside a column layout", "1 error"},
		{"missing file", []string{"lint", filepath.Join(dir, "nope.md")}, ExitUsage, "", "no such file or directory"},
		{"binary file", []string{"lint", binary}, ExitUsage, "", "binary file"},
		{"bad flag", []string{"lint", "--bogus"}, ExitUsage, "", "unknown flag: --bogus"},
		{"too many args", []string{"lint", "a", "b"}, ExitUsage, "", "accepts at most 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, out, errOut := testStreams()
			code := Run(tt.args, io)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", out, tt.stdout)
			}
			if !strings.Contains(errOut.String(), tt.stderrIn) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.stderrIn)
			}
		})
	}
}

func TestVersionAndUsage(t *testing.T) {
	io, _, out, _ := testStreams()
	if code := Run([]string{"version"}, io); code != ExitOK || !strings.HasPrefix(out.String(), "shovel ") {
		t.Errorf("version: code %d, out %q", code, out)
	}
	io, _, _, errOut := testStreams()
	if code := Run([]string{"frobnicate"}, io); code != ExitUsage || !strings.Contains(errOut.String(), "unknown command") {
		t.Errorf("unknown command: code %d, stderr %q", code, errOut)
	}
	io, _, out, _ = testStreams()
	if code := Run([]string{"completion", "bash"}, io); code != ExitOK || !strings.Contains(out.String(), "bash completion") {
		t.Errorf("completion: code %d, %d bytes", code, out.Len())
	}
}

func TestLintSize(t *testing.T) {
	if got, err := parseFlags(NewCmdLint, []string{"--size", "80x24"}); err != nil || got.Width != 80 || got.Height != 24 {
		t.Errorf("--size 80x24: err %v, options %+v", err, got)
	}
	for _, bad := range []string{"big", "80", "80x", "10x30", "80x24x2", "80x24 "} {
		io, _, _, errOut := testStreams()
		if code := Run([]string{"lint", "--size", bad}, io); code != ExitUsage || !strings.Contains(errOut.String(), "--size") {
			t.Errorf("--size %q: exit %d, stderr %q", bad, code, errOut)
		}
	}
}

// A slide that will scroll in the talk's terminal is worth a warning, at
// the slide's first line; in a taller terminal it fits and lint is quiet.
func TestLintWarnsAboutSlidesThatScroll(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Short\n\n---\n\n# 很长的一页\n\n")
	for i := 1; i <= 40; i++ {
		b.WriteString("- 第" + strings.Repeat("一", i%5+1) + "项\n")
	}
	path := writeFile(t, t.TempDir(), "tall.md", b.String())

	io, _, out, _ := testStreams()
	if code := Run([]string{"lint", path}, io); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	want := path + `:5:1: warning: slide 2 "很长的一页" is 42 lines tall in a 100x30 terminal (29 fit above the footer); it will scroll`
	if strings.TrimSpace(out.String()) != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	io, _, out, _ = testStreams()
	if code := Run([]string{"lint", "--size", "100x50", path}, io); code != ExitOK || out.Len() != 0 {
		t.Errorf("100x50: exit %d, stdout %q", code, out)
	}
}

// --fix repairs the look-alikes with one right answer in every file of the
// deck (includes too), keeps CRLF and the rest byte for byte, and what is
// left (U+FFFD) is still reported.
func TestLintFix(t *testing.T) {
	dir := t.TempDir()
	main := writeFile(t, dir, "talk.md", "# 是什么⽀持了英伟达的市值？\r\n\r\n<!-- include: part.md -->\r\n")
	part := writeFile(t, dir, "part.md", "⻓期成⻓⸺盈利预测\n\n时代红利\uFFFD+\n")
	io, _, out, errOut := testStreams()
	if code := Run([]string{"lint", "--fix", main}, io); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for path, want := range map[string]string{
		main: "# 是什么支持了英伟达的市值？\r\n\r\n<!-- include: part.md -->\r\n",
		part: "长期成长——盈利预测\n\n时代红利\uFFFD+\n",
	} {
		got, _ := os.ReadFile(path)
		if string(got) != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if !strings.Contains(errOut.String(), "talk.md: repaired 1 character") || !strings.Contains(errOut.String(), "part.md: repaired 3 characters") {
		t.Errorf("stderr: %s", errOut)
	}
	if got := strings.TrimSpace(out.String()); got != part+":3:5: warning: U+FFFD replacement character: a character was lost here (text pasted from a PDF?)" {
		t.Errorf("remaining diagnostics: %q", got)
	}
	io, _, _, errOut = testStreams()
	if code := Run([]string{"lint", "--fix"}, io); code != ExitUsage || !strings.Contains(errOut.String(), "built-in deck is read-only") {
		t.Errorf("--fix on the built-in deck: exit %d, %s", code, errOut)
	}
}
