package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shovel/deck"
)

// TestLogMayNotFeedTheTalk: --log (or SHOVEL_LOG) naming the deck, an
// include, or a new .md file in a directory deck is refused before
// anything is written (issue 12: 250,000 lines appended to the deck).
func TestLogMayNotFeedTheTalk(t *testing.T) {
	dir := t.TempDir()
	talk := writeFile(t, dir, "talk.md", "# A\n\n<!-- include: part.md -->\n")
	part := writeFile(t, dir, "part.md", "more\n")
	link := filepath.Join(dir, "link.log")
	if err := os.Symlink(talk, link); err != nil {
		t.Fatal(err)
	}
	ddir := filepath.Join(dir, "deck")
	if err := os.Mkdir(ddir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, ddir, "01.md", "# One\n")
	tests := []struct {
		name string
		args []string
		env  string
		want string
	}{
		{"the deck", []string{"present", talk, "--log", talk}, "", "a file of the deck"},
		{"an include", []string{"present", talk, "--log", part}, "", "a file of the deck"},
		{"a link to the deck", []string{"present", talk, "--log", link}, "", "a file of the deck"},
		{"SHOVEL_LOG", []string{"present", talk}, talk, "SHOVEL_LOG " + talk},
		{"a new slide", []string{"present", ddir, "--log", filepath.Join(ddir, "debug.md")}, "", "is a slide"},
	}
	for _, tt := range tests {
		before, _ := os.ReadFile(talk)
		io, _, _, errOut := testStreams()
		io.IsTerminal = func() bool { return true }
		t.Setenv("SHOVEL_LOG", tt.env)
		code := Run(tt.args, io)
		if code != ExitUsage || !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, errOut.String(), ExitUsage, tt.want)
		}
		if after, _ := os.ReadFile(talk); string(after) != string(before) {
			t.Errorf("%s: the deck changed", tt.name)
		}
		if _, err := os.Stat(filepath.Join(ddir, "debug.md")); err == nil {
			t.Errorf("%s: debug.md was created in the directory deck", tt.name)
		}
	}
	// A log beside a single-file deck is fine: it is not a deck file.
	d, err := deck.Open(talk)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkLogPath(filepath.Join(dir, "shovel.log"), "--log", d); err != nil {
		t.Error(err)
	}
}

// TestReloadAfterFolderRecreated: a deck opened by a relative name from its
// own folder is read again after the folder was removed and recreated.
func TestReloadAfterFolderRecreated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "talk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "talk.md", "# One\n")
	t.Chdir(dir)
	load := deckLoader("talk.md", deck.Options{})
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "talk.md", "# Two\n")
	d, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Slides) != 1 || d.Slides[0].Title != "Two" {
		t.Fatalf("reloaded %+v", d.Slides)
	}
}
