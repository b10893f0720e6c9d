package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func TestPresentFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    PresentOptions
		wantErr bool
	}{
		{nil, PresentOptions{}, false},
		{[]string{"talk.md"}, PresentOptions{Path: "talk.md"}, false},
		{[]string{"--presenter", "--theme", "light", "--log", "x.log", "--no-watch", "talk/"},
			PresentOptions{Path: "talk/", Presenter: true, Theme: "light", LogFile: "x.log", NoWatch: true}, false},
		{[]string{"-", "--start", "Q&A"}, PresentOptions{Path: "-", Start: "Q&A"}, false},
		{[]string{"a.md", "b.md"}, PresentOptions{}, true},
	}
	for _, tt := range tests {
		got, err := parseFlags(NewCmdPresent, tt.args)
		if (err != nil) != tt.wantErr {
			t.Errorf("%v: err = %v", tt.args, err)
			continue
		}
		if tt.wantErr {
			continue
		}
		if got.Path != tt.want.Path || got.Presenter != tt.want.Presenter || got.Theme != tt.want.Theme ||
			got.LogFile != tt.want.LogFile || got.NoWatch != tt.want.NoWatch || got.Start != tt.want.Start {
			t.Errorf("%v: options = %+v, want %+v", tt.args, *got, tt.want)
		}
	}
}

// Full-screen output into a pipe or file is garbage: present refuses and
// says what to use instead. Bare shovel (the built-in deck) does the same.
func TestPresentNeedsATerminal(t *testing.T) {
	for _, args := range [][]string{{"present"}, {}} {
		io, _, out, errOut := testStreams()
		if code := Run(args, io); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
		if !strings.Contains(errOut.String(), "shovel export") {
			t.Errorf("%v: stderr does not point to export: %q", args, errOut.String())
		}
		if out.Len() != 0 {
			t.Errorf("%v: wrote to stdout: %q", args, out.String())
		}
	}
}

func terminalStreams() (*IOStreams, *strings.Builder) {
	io, _, _, _ := testStreams()
	var errOut strings.Builder
	io.ErrOut = &errOut
	io.IsTerminal = func() bool { return true }
	return io, &errOut
}

// A deck with errors is not presented: its diagnostics go to stderr and the
// exit status is 1, before any full-screen output.
func TestPresentRefusesADeckWithErrors(t *testing.T) {
	path := writeFile(t, t.TempDir(), "talk.md", "# 一\n\n<!-- column: 1 -->\n")
	io, errOut := terminalStreams()
	err := runPresent(&PresentOptions{IO: io, Path: path})
	var se *SilentError
	if !errors.As(err, &se) || se.Code != ExitFailure {
		t.Fatalf("err = %v, want exit 1", err)
	}
	if !strings.Contains(errOut.String(), "talk.md:3:1: error:") {
		t.Errorf("stderr lacks the diagnostic: %q", errOut.String())
	}
}

func TestPresentMissingDeck(t *testing.T) {
	io, _ := terminalStreams()
	err := runPresent(&PresentOptions{IO: io, Path: filepath.Join(t.TempDir(), "nope.md")})
	if code := exitCode(err); code != ExitUsage {
		t.Fatalf("exit %d (%v), want %d", code, err, ExitUsage)
	}
}

func TestPresentTheme(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	for _, tt := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, "auto"},
		{"light", nil, "light"},
		{"", map[string]string{"NO_COLOR": "1"}, "mono"},
		{"dark", map[string]string{"NO_COLOR": "1"}, "mono"},
		{"notty", map[string]string{"NO_COLOR": "1"}, "notty"},
		{"", map[string]string{"NO_COLOR": ""}, "auto"},
	} {
		if got := presentTheme(nil, tt.flag, env(tt.env)).Name; got != tt.want {
			t.Errorf("presentTheme(%q, %v) = %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}

func TestOpenLog(t *testing.T) {
	dir := t.TempDir()
	fromEnv := filepath.Join(dir, "env.log")
	getenv := func(k string) string {
		if k == "SHOVEL_LOG" {
			return fromEnv
		}
		return ""
	}
	log, closeLog, err := openLog("", getenv)
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("hello from the test")
	closeLog()
	if b, err := os.ReadFile(fromEnv); err != nil || !strings.Contains(string(b), "hello from the test") {
		t.Fatalf("SHOVEL_LOG file: %q, %v", b, err)
	}
	if _, _, err := openLog(filepath.Join(dir, "no", "such", "dir.log"), getenv); exitCode(err) != ExitUsage {
		t.Errorf("an unwritable log file: %v", err)
	}
	log, closeLog, err = openLog("", func(string) string { return "" })
	if err != nil || log == nil {
		t.Fatalf("no log: %v", err)
	}
	closeLog()
}

// Without a terminal, a missing or broken deck is still reported as such:
// that is the message a script needs, not "needs a terminal".
func TestPresentReportsTheDeckBeforeTheTerminal(t *testing.T) {
	bad := writeFile(t, t.TempDir(), "talk.md", "# 一\n\n<!-- column: 1 -->\n")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"present", bad}, ExitFailure, "talk.md:3:1: error: column 1 outside"},
		{[]string{"present", filepath.Join(t.TempDir(), "nope.md")}, ExitUsage, "no such file or directory"},
	}
	for _, tt := range tests {
		io, _, _, errOut := testStreams()
		if code := Run(tt.args, io); code != tt.code || !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errOut.String(), tt.code, tt.want)
		}
	}
}

// The full-screen commands describe their shared flags in one wording:
// rehearse and follow once said NO_COLOR forced notty after it became mono.
func TestScreenFlagsAgree(t *testing.T) {
	io, _, _, _ := testStreams()
	root := NewCmdRoot(io)
	usage := map[string]string{}
	for _, name := range []string{"present", "rehearse", "follow"} {
		cmd, _, err := root.Find([]string{name})
		if err != nil {
			t.Fatal(err)
		}
		for _, flag := range []string{"theme", "log", "fps"} {
			f := cmd.Flags().Lookup(flag)
			if f == nil {
				t.Fatalf("%s has no --%s", name, flag)
			}
			if u, ok := usage[flag]; ok && u != f.Usage {
				t.Errorf("%s --%s says %q, present says %q", name, flag, f.Usage, u)
			}
			usage[flag] = f.Usage
		}
	}
	if !strings.Contains(usage["theme"], "NO_COLOR forces mono") {
		t.Errorf("--theme says %q; NO_COLOR selects mono", usage["theme"])
	}
}

// "shovel talk.md" is "shovel present talk.md": the root takes every flag
// present takes.
func TestRootTakesPresentFlags(t *testing.T) {
	io, _, _, _ := testStreams()
	root := NewCmdRoot(io)
	present, _, err := root.Find([]string{"present"})
	if err != nil {
		t.Fatal(err)
	}
	present.Flags().VisitAll(func(f *pflag.Flag) {
		if root.Flags().Lookup(f.Name) == nil && f.Name != "help" {
			t.Errorf("present takes --%s, shovel FILE does not", f.Name)
		}
	})
}
