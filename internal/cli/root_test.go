package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"
)

// rootRun runs the root command with present replaced, and returns the
// options "shovel ARGS" would present with (nil when it ran something else).
func rootRun(t *testing.T, args ...string) (*PresentOptions, int, string) {
	t.Helper()
	io, _, _, errOut := testStreams()
	var got *PresentOptions
	cmd := newCmdRoot(io, func(o *PresentOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	c, err := cmd.ExecuteC()
	code := report(io.ErrOut, c.CommandPath(), err)
	return got, code, errOut.String()
}

func TestRootPresentsADeck(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "talk.md", "# 一\n")
	writeFile(t, dir, "lint", "# a deck called lint\n")
	tests := []struct {
		args      []string
		path      string // "" when present must not run
		code      int
		stderrHas string
	}{
		{[]string{"talk.md"}, "talk.md", ExitOK, ""},
		{[]string{"talk.md", "--presenter", "--start", "2"}, "talk.md", ExitOK, ""},
		{[]string{"--theme", "light", "talk.md"}, "talk.md", ExitOK, ""},
		{[]string{"-"}, "-", ExitOK, ""},
		{[]string{"./lint"}, "./lint", ExitOK, ""},
		// A command wins over a file of the same name.
		{[]string{"lint", "--size", "nonsense"}, "", ExitUsage, "Run 'shovel lint --help' for usage."},
		{[]string{"presnt"}, "", ExitUsage, `unknown command "presnt" (and no such file); did you mean present?`},
		{[]string{"exprot", "talk.md"}, "", ExitUsage, "accepts at most 1 arg"},
		{[]string{"frobnicate"}, "", ExitUsage, `unknown command "frobnicate"`},
		{[]string{"a.md", "b.md"}, "", ExitUsage, "Run 'shovel --help' for usage."},
		{[]string{"--colour"}, "", ExitUsage, "unknown flag: --colour"},
	}
	for _, tt := range tests {
		got, code, stderr := rootRun(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderrHas) {
			t.Errorf("shovel %v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderrHas)
		}
		switch {
		case tt.path == "" && got != nil:
			t.Errorf("shovel %v presented %q", tt.args, got.Path)
		case tt.path != "" && (got == nil || got.Path != tt.path):
			t.Errorf("shovel %v presented %+v, want %q", tt.args, got, tt.path)
		}
	}
	got, _, _ := rootRun(t, "talk.md", "--presenter", "--start", "2", "--theme", "light")
	if !got.Presenter || got.Start != "2" || got.Theme != "light" {
		t.Errorf("present's flags on the root: %+v", got)
	}
}

// A missing file that looks like no command is reported as a missing deck.
func TestRootMissingDeck(t *testing.T) {
	io, _, _, errOut := testStreams()
	missing := filepath.Join(t.TempDir(), "nope.md")
	if code := Run([]string{missing}, io); code != ExitUsage || !strings.Contains(errOut.String(), missing+": no such file or directory") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		io, _, out, _ := testStreams()
		if code := Run(args, io); code != ExitOK || out.String() != versionLine()+"\n" || !strings.HasPrefix(out.String(), "shovel ") {
			t.Errorf("%v: exit %d, stdout %q; want %q", args, code, out, versionLine())
		}
	}
}

// Usage errors name the help of the command that failed; other errors,
// whatever their text, are failures without a usage hint.
func TestReport(t *testing.T) {
	tests := []struct {
		cmd   string
		err   error
		code  int
		want  string
		usage bool
	}{
		{"shovel export", FlagErrorf("--width: too narrow"), ExitUsage, "shovel: --width: too narrow\n", true},
		{"shovel export", &fs.PathError{Op: "write", Path: "x.txt", Err: syscall.EINVAL}, ExitFailure, "shovel: write x.txt: invalid argument\n", false},
		{"shovel", fmt.Errorf("unknown command %q", "x"), ExitFailure, "shovel: unknown command \"x\"\n", false},
		{"shovel lint", &SilentError{Code: ExitFailure}, ExitFailure, "", false},
		{"shovel", ErrInterrupted, ExitInterrupted, "", false},
	}
	for _, tt := range tests {
		var b strings.Builder
		code := report(&b, tt.cmd, tt.err)
		want := tt.want
		if tt.usage {
			want += "Run '" + tt.cmd + " --help' for usage.\n"
		}
		if code != tt.code || b.String() != want {
			t.Errorf("report(%v) = %d, %q; want %d, %q", tt.err, code, b.String(), tt.code, want)
		}
	}
}

func TestUsageErrorsNameTheCommandsHelp(t *testing.T) {
	for _, tt := range []struct{ args []string }{
		{[]string{"export", "--colour"}},
		{[]string{"export", "a.md", "b.md"}},
		{[]string{"export", "--width", "wide"}},
		{[]string{"completion", "tcsh"}},
		{[]string{"completion"}},
		{[]string{"man"}},
		{[]string{"version", "extra"}},
	} {
		io, _, out, errOut := testStreams()
		code := Run(tt.args, io)
		hint := "Run 'shovel " + tt.args[0] + " --help' for usage."
		if code != ExitUsage || !strings.Contains(errOut.String(), hint) || out.Len() > 0 {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q; want exit 2 and %q", tt.args, code, out.Len(), errOut, hint)
		}
	}
}

// cobra's required flags and flag groups are usage errors too, for
// commands that use them.
func TestFlagRulesAreUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"x"}, `required flag(s) "must" not set`},
		{[]string{"x", "--must", "--a", "--b"}, "none of the others can be"},
	} {
		io, _, _, errOut := testStreams()
		root := NewCmdRoot(io)
		x := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
		x.Flags().Bool("must", false, "")
		x.Flags().Bool("a", false, "")
		x.Flags().Bool("b", false, "")
		_ = x.MarkFlagRequired("must")
		x.MarkFlagsMutuallyExclusive("a", "b")
		root.AddCommand(x)
		root.SetArgs(tt.args)
		c, err := root.ExecuteC()
		if code := report(errOut, c.CommandPath(), err); code != ExitUsage || !strings.Contains(errOut.String(), tt.want) ||
			!strings.Contains(errOut.String(), "Run 'shovel x --help'") {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errOut)
		}
	}
}

// A file that cannot be written is named as the user gave it, never by
// the temporary file's name, and is a failure (1), not a usage error.
func TestExportWriteFailure(t *testing.T) {
	target := filepath.Join(t.TempDir(), "nonexistent", "dir", "x.txt")
	io, _, _, errOut := testStreams()
	code := Run([]string{"export", "-o", target}, io)
	if code != ExitFailure || !strings.Contains(errOut.String(), target+": no such file or directory") ||
		strings.Contains(errOut.String(), ".tmp") || strings.Contains(errOut.String(), "--help") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestDeckFromStdin(t *testing.T) {
	tests := []struct {
		args       []string
		in         string
		code       int
		out, inErr string
	}{
		{[]string{"export", "-"}, exportTestDeck, ExitOK, "导出测试", ""},
		{[]string{"export", "-", "--format", "markdown"}, exportTestDeck, ExitOK, "<!-- speaker_note: 第一页的备注 -->", ""},
		{[]string{"lint", "-"}, exportTestDeck, ExitOK, "", "<stdin>: 3 slides, 0 errors"},
		{[]string{"lint", "-"}, "# A\n\n<!-- column: 1 -->\n", ExitFailure, "<stdin>:3:1: error: column 1 outside a column layout", ""},
		{[]string{"lint", "--fix", "-"}, exportTestDeck, ExitUsage, "", "standard input cannot be rewritten"},
		{[]string{"export", "-"}, "\x00\x01\x02", ExitUsage, "", "binary"},
		// present reads the whole deck before it looks for a terminal.
		{[]string{"present", "-"}, "# A\n\n<!-- column: 1 -->\n", ExitFailure, "", "<stdin>:3:1: error"},
		{[]string{"-"}, exportTestDeck, ExitUsage, "", "present needs a terminal"},
	}
	for _, tt := range tests {
		io, in, out, errOut := testStreams()
		in.WriteString(tt.in)
		code := Run(tt.args, io)
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.inErr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, code, out, errOut, tt.code, tt.out, tt.inErr)
		}
	}
}

func TestKeyInput(t *testing.T) {
	tty, err := os.Open(os.DevNull) // stands for /dev/tty
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	stdin := os.Stdin
	yes := func() bool { return true }
	no := func() bool { return false }
	openTTY := func() (*os.File, error) { return tty, nil }
	noTTY := func() (*os.File, error) { return nil, &fs.PathError{Op: "open", Path: "/dev/tty", Err: syscall.ENXIO} }
	tests := []struct {
		name       string
		isTerminal func() bool
		open       func() (*os.File, error)
		deckStdin  bool
		want       *os.File
		errHas     string
	}{
		{"stdin is the terminal", yes, openTTY, false, stdin, ""},
		{"stdin piped", no, openTTY, false, tty, ""},
		{"deck on stdin", yes, openTTY, true, tty, ""},
		{"no terminal at all", no, noTTY, false, nil, "standard input is not a terminal, and there is no controlling terminal (open /dev/tty: no such device or address)"},
		{"deck on stdin, no terminal", yes, noTTY, true, nil, "standard input holds the deck, and there is no controlling terminal"},
	}
	for _, tt := range tests {
		streams := &IOStreams{InFile: stdin, StdinIsTerminal: tt.isTerminal, OpenTTY: tt.open}
		r, closeKeys, err := keyInput(streams, tt.deckStdin)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) || exitCode(err) != ExitUsage {
				t.Errorf("%s: err %v; want exit 2 and %q", tt.name, err, tt.errHas)
			}
			continue
		}
		if err != nil || r != tt.want {
			t.Errorf("%s: reader %v, err %v; want %v", tt.name, r, err, tt.want.Name())
			continue
		}
		if tt.want == stdin {
			closeKeys() // must not close standard input
			if _, err := stdin.Stat(); err != nil {
				t.Errorf("%s: standard input closed", tt.name)
			}
		}
	}
}

func TestStartSlide(t *testing.T) {
	d, err := openDeck("-", strings.NewReader("# Intro\n\n---\n\n# Q&A and more\n\n---\n\n# 谢谢\n\n---\n\n# q&a\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		start  string
		want   int
		errHas string
	}{
		{"", 0, ""},
		{"1", 0, ""},
		{"3", 2, ""},
		{" 4 ", 3, ""},
		{"5", 0, "the deck has slides 1 to 4"},
		{"0", 0, "the deck has slides 1 to 4"},
		{"-1", 0, "the deck has slides 1 to 4"},
		{"q&a", 3, ""}, // a whole title before a part of one
		{"Q&", 1, ""},
		{"AND MORE", 1, ""},
		{"谢", 2, ""},
		{"outro", 0, `--start "outro": no slide number, and no slide title contains it`},
	}
	for _, tt := range tests {
		got, err := startSlide(d, tt.start)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) || exitCode(err) != ExitUsage {
				t.Errorf("startSlide(%q) = %d, %v; want usage error %q", tt.start, got, err, tt.errHas)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("startSlide(%q) = %d, %v; want %d", tt.start, got, err, tt.want)
		}
	}
}
