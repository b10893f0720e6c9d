package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A message that lists things keeps its lines; control characters in any
// line are still shown, not obeyed.
func TestReportKeepsLinesAndNeutersControls(t *testing.T) {
	var out bytes.Buffer
	code := report(&out, "shovel follow", errors.New("no presentation of x.md is running; these are:\n  1   5645   present   deck\x1b[31m.md"))
	want := "shovel: no presentation of x.md is running; these are:\n  1   5645   present   deck␛[31m.md\n"
	if got := out.String(); got != want || code != ExitFailure {
		t.Errorf("report wrote %q (exit %d), want %q (exit %d)", got, code, want, ExitFailure)
	}
}

func TestSessionArg(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(filepath.Join(dir, "2024"), []byte("# deck\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		arg string
		pid int
		ok  bool
	}{
		{"5645", 5645, true},
		{"2024", 0, false}, // a deck of that name wins
		{"talk.md", 0, false},
		{"-5", 0, false},
		{"+5", 0, false},
		{"0", 0, false},
		{"", 0, false},
	} {
		if pid, ok := sessionArg(c.arg); pid != c.pid || ok != c.ok {
			t.Errorf("sessionArg(%q) = %d, %v; want %d, %v", c.arg, pid, ok, c.pid, c.ok)
		}
	}
}
