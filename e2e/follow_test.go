package e2e

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestTwoScreens runs a speaker and a follower (the projector) as two
// terminals of one tmux server, as a speaker would set up a talk.
func TestTwoScreens(t *testing.T) {
	deck := copyDeck(t)
	run, err := os.MkdirTemp("", "sfe") // the socket directory's parent, like /run/user/UID
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(run)
	if err := os.Chmod(run, 0o700); err != nil {
		t.Fatal(err)
	}
	env := "XDG_RUNTIME_DIR=" + run + " "
	speaker := newTerm(t, 100, 30, env+bin+" present --presenter "+deck)
	speaker.waitFor("PRESENTER", "1 / 13")

	// The projector: a second terminal of the same tmux server.
	projector := &term{t: t, socket: speaker.socket, target: "projector"}
	projector.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "projector", "sh", "-c",
		env+bin+" follow "+deck+`; echo "EXIT=$?"; sleep 60`)
	projector.waitFor("铲子测试", "1 / 13")
	speaker.waitFor("1 screen")

	// The speaker moves; the projector follows without notes.
	speaker.keys("Right", "Right")
	speaker.waitFor("三个要点，一个一个地揭示。", "step 2/3")
	s := projector.waitFor("英伟达就是 AI 时代卖铲子的人", "step 2/3", "2 / 13")
	if strings.Contains(s, "三个要点") || strings.Contains(s, "PRESENTER") {
		t.Fatalf("the projector shows the speaker's notes:\n%s", s)
	}

	// b in the presenter view blanks the projector only.
	speaker.keys("b")
	speaker.waitFor("audience blanked", "三个要点，一个一个地揭示。", "⏱")
	projector.waitUntil("a blank projector", func(s string) bool { return strings.TrimSpace(s) == "" })
	speaker.keys("b")
	projector.waitFor("2 / 13")

	// A clicker on the projector's window moves the talk for both.
	projector.keys("Right")
	projector.waitFor("step 3/3", "这把铲能卖多久？")
	speaker.waitFor("step 3/3")

	// A live edit on the speaker's side shows on the projector.
	speaker.keys("3", "G")
	projector.waitFor("GPU 与 CPU", "3 / 13")
	src, _ := os.ReadFile(deck)
	replace(t, deck, strings.Replace(string(src), "| GPU | 并行能力强 | 功耗大 |", "| GPU | 并行能力强 | 功耗大，已修改 |", 1))
	speaker.waitFor("功耗大，已修改")
	projector.waitFor("功耗大，已修改", "3 / 13")

	// The speaker's program dies: the projector says so, and closes on a key.
	pid := strings.TrimSpace(speaker.tmux("list-panes", "-t", "e2e", "-F", "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", pid).Output()
	child, convErr := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil || convErr != nil {
		t.Fatalf("the speaker's shovel (child of pane pid %s): %q %v %v", pid, out, err, convErr)
	}
	if err := syscall.Kill(child, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	speaker.waitFor("EXIT=137")
	projector.waitFor("The presentation has ended.")
	projector.keys("Space")
	projector.waitFor("EXIT=0")
}
