package e2e

import (
	"os/exec"
	"testing"
)

// "shovel FILE" presents the file; --start opens it at a slide given by
// number or by a word of its title; with the deck on standard input, or
// standard input not a terminal, keys come from the terminal (/dev/tty).
func TestPresentFromTheCommandLine(t *testing.T) {
	deck := copyDeck(t)
	tests := []struct {
		name, command string
		first         []string // on the screen at the start
		next          string   // the footer after n (next slide)
	}{
		{"file", bin + " " + deck + " --start 3", []string{"GPU 与 CPU", "3 / 13"}, "4 / 13"},
		{"title", bin + " present --start 训练 " + deck, []string{"4 / 13"}, "5 / 13"},
		{"stdin", "cat " + deck + " | " + bin + " present -", []string{"铲子测试", "1 / 13"}, "2 / 13"},
		{"devnull", bin + " " + deck + " </dev/null", []string{"铲子测试", "1 / 13"}, "2 / 13"},
		{"pipe", "echo | " + bin + " " + deck, []string{"铲子测试", "1 / 13"}, "2 / 13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := newTerm(t, 100, 30, tt.command)
			tm.waitFor(tt.first...)
			tm.keys("n")
			tm.waitFor(tt.next)
			tm.keys("q")
			tm.waitFor("EXIT=0")
		})
	}
}

// Without any terminal to read keys from, present says so.
func TestNoTerminalForKeys(t *testing.T) {
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("setsid (util-linux) is not installed")
	}
	// setsid starts a session without a controlling terminal; the output
	// still goes to the pane.
	tm := newTerm(t, 200, 30, "setsid -w "+bin+" "+copyDeck(t)+" </dev/null")
	tm.waitFor("no controlling terminal", "EXIT=2")
}
