package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeckTitleCannotRenameTheWindow: a deck title carrying OSC 0 and OSC
// 52 (through YAML escapes) reaches the real terminal as text: tmux's pane
// title is shovel's own, showing the payload's pictures (issue 12).
func TestDeckTitleCannotRenameTheWindow(t *testing.T) {
	deck := filepath.Join(t.TempDir(), "evil.md")
	src := "---\n" + `title: "Talk\e]52;c;SGVsbG8gZnJvbSBkZWNr\a\e]0;HIJACKED\a"` + "\n---\n\n# Agenda\u009d2;HIJACKED2\u009c\n\ntext\n"
	if err := os.WriteFile(deck, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t, 100, 24, fmt.Sprintf("%s present %s", bin, deck))
	tm.waitFor("Talk␛]52;c;SGVsbG8gZnJvbSBkZWNr␇␛]0;HIJACKED␇")
	title := strings.TrimSpace(tm.tmux("display", "-p", "-t", "e2e", "#{pane_title}"))
	if !strings.HasPrefix(title, "shovel — Talk") || strings.HasPrefix(title, "HIJACKED") {
		t.Errorf("pane title %q", title)
	}
	if buf, err := exec.Command("tmux", "-L", tm.socket, "show-buffer").CombinedOutput(); err == nil {
		t.Errorf("the deck wrote the clipboard (a tmux buffer): %q", buf)
	}
	tm.keys("q")
	tm.waitFor("EXIT=0")
}
