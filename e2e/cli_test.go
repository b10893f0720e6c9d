package e2e

import (
	"os/exec"
	"testing"
)

// "shovel FILE" presents the file, and --start opens it at a slide given
// by number or by a word of its title.
func TestShovelFileWithStart(t *testing.T) {
	deck := copyDeck(t)
	tm := newTerm(t, 100, 30, bin+" "+deck+" --start 3")
	tm.waitFor("GPU 与 CPU", "3 / 13")
	tm.keys("n")
	tm.waitFor("4 / 13")
	tm.keys("q")
	tm.waitFor("EXIT=0")
}

func TestStartAtATitle(t *testing.T) {
	tm := newTerm(t, 100, 30, bin+" present --start 训练 "+copyDeck(t))
	tm.waitFor("4 / 13")
	tm.keys("q")
	tm.waitFor("EXIT=0")
}

// With the deck on standard input, or standard input not a terminal, keys
// come from the terminal (/dev/tty).
func TestPipedStdin(t *testing.T) {
	deck := copyDeck(t)
	for name, command := range map[string]string{
		"deck":    "cat " + deck + " | " + bin + " present -",
		"devnull": bin + " " + deck + " </dev/null",
		"pipe":    "echo | " + bin + " " + deck,
	} {
		t.Run(name, func(t *testing.T) {
			tm := newTerm(t, 100, 30, command)
			tm.waitFor("铲子测试", "1 / 13")
			tm.keys("n")
			tm.waitFor("2 / 13")
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
	deck := copyDeck(t)
	// setsid starts a session without a controlling terminal; the output
	// still goes to the pane.
	tm := newTerm(t, 200, 30, "setsid -w "+bin+" "+deck+" </dev/null")
	tm.waitFor("no controlling terminal", "EXIT=2")
}
