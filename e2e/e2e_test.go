// Package e2e runs the built shovel binary in a real terminal (tmux) and
// reads the screen back, as a speaker would see it.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bin is the shovel binary built once for all tests.
var bin string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "shovel-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "shovel")
	build := exec.Command("go", "build", "-o", bin, "shovel/cmd/shovel")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building shovel:", err)
		return 1
	}
	return m.Run()
}

// term is a tmux session on a private server, so that tests never touch
// the developer's own tmux.
type term struct {
	t      *testing.T
	socket string
	target string // the tmux session; "" is the first, "e2e"
}

func newTerm(t *testing.T, w, h int, command string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end tests drive the binary in tmux (apt-get install tmux)")
	}
	tm := &term{t: t, socket: fmt.Sprintf("shovel-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))}
	// The pane stays after shovel exits, showing its exit status.
	script := command + `; echo "EXIT=$?"; sleep 60`
	tm.tmux("new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "e2e", "sh", "-c", script)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", tm.name()) }

func (tm *term) name() string {
	if tm.target == "" {
		return "e2e"
	}
	return tm.target
}

// keys sends tmux key names ("Right", "Enter", "q").
func (tm *term) keys(keys ...string) {
	tm.tmux(append([]string{"send-keys", "-t", tm.name()}, keys...)...)
}

// waitUntil polls the screen until ok accepts it. The limit only keeps a
// broken build from hanging the suite; it is not a speed check.
func (tm *term) waitUntil(what string, ok func(screen string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		if s = tm.screen(); ok(s) {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %s:\n%s", what, s)
	return ""
}

// waitFor polls the screen until every string shows.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	return tm.waitUntil(fmt.Sprintf("%q", want), func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

func copyDeck(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../internal/tui/testdata/talk.md")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "talk.md")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// replace saves path the way editors do: a new file renamed over the old.
func replace(t *testing.T, path, text string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestNavigateResizeAndLiveEdit(t *testing.T) {
	deck := copyDeck(t)
	tm := newTerm(t, 100, 30, bin+" present "+deck)
	tm.waitFor("铲子测试", "1 / 13")

	tm.keys("Right", "Right")
	tm.waitFor("英伟达就是 AI 时代卖铲子的人", "step 2/3", "2 / 13")
	tm.keys("1", "2", "Enter")
	tm.waitFor("卖铲子的生意还能做很久", "12 / 13")
	tm.keys("g", "g")
	tm.waitFor("1 / 13")
	tm.keys("Tab")
	tm.waitFor("13. 谢谢")
	// esc alone: sent together with the next key, a terminal reads esc 3
	// as alt+3, as it would for a person typing that fast.
	tm.keys("Escape")
	tm.waitFor("1 / 13")
	tm.keys("3", "G")
	tm.waitFor("GPU 与 CPU", "3 / 13")

	// Resize: the footer moves to the new last row, and nothing is wider
	// than the window.
	tm.tmux("resize-window", "-t", "e2e", "-x", "140", "-y", "40")
	tm.waitUntil("the footer on row 40, a bar reaching column 140", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		last := lastLine(s)
		return len(lines) == 40 && strings.Contains(last, "3 / 13") && strings.HasSuffix(strings.TrimRight(last, " "), "─") &&
			len([]rune(strings.TrimRight(last, " "))) > 120
	})
	tm.tmux("resize-window", "-t", "e2e", "-x", "30", "-y", "10")
	tm.waitFor("too small")
	tm.tmux("resize-window", "-t", "e2e", "-x", "100", "-y", "30")
	tm.waitFor("GPU 与 CPU", "3 / 13")

	// Live edit: saving the file shows the change in place.
	src, _ := os.ReadFile(deck)
	replace(t, deck, strings.Replace(string(src), "| GPU | 并行能力强 | 功耗大 |", "| GPU | 并行能力强 | 功耗大，已修改 |", 1))
	tm.waitFor("功耗大，已修改", "3 / 13")

	// A broken save keeps the last good deck: the room sees only a ⚠ in
	// the footer, the presenter view a banner naming the file and line;
	// fixing it clears the banner.
	replace(t, deck, string(src)+"\n---\n\n# 坏的\n\n<!-- column: 1 -->\n")
	tm.waitUntil("a ⚠ in the footer and no banner", func(s string) bool {
		return strings.Contains(lastLine(s), "⚠") && !strings.Contains(s, "kept the last good version") && strings.Contains(s, "GPU 与 CPU")
	})
	tm.keys("P")
	tm.waitFor("kept the last good version", "talk.md:", "outside a column layout", "GPU 与 CPU")
	replace(t, deck, string(src))
	tm.waitUntil("the banner gone after the fix", func(s string) bool {
		return !strings.Contains(s, "kept the last good version") && strings.Contains(s, "reloaded") &&
			strings.Contains(s, "3 / 13") && !strings.Contains(s, "已修改")
	})

	tm.keys("q")
	tm.waitFor("EXIT=0")
}

func TestPresenterView(t *testing.T) {
	deck := copyDeck(t)
	tm := newTerm(t, 100, 30, bin+" present --presenter "+deck)
	tm.waitFor("PRESENTER", "开场：先问听众一个问题。", "NEXT — 2. 为什么需要铲？")
	tm.keys("Right")
	tm.waitFor("三个要点，一个一个地揭示。", "⏱ 0:0")
	tm.keys("P")
	s := tm.waitFor("铲子测试 · 为什么需要铲？", "2 / 13")
	if strings.Contains(s, "三个要点") {
		t.Fatalf("notes on the audience view:\n%s", s)
	}
	tm.keys("C-c")
	tm.waitFor("EXIT=0")
}

func TestDeckWithErrorsIsNotPresented(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.md")
	if err := os.WriteFile(path, []byte("# 一\n\n<!-- column: 1 -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t, 100, 30, bin+" present "+path)
	tm.waitFor("bad.md:3:1: error:", "EXIT=1")
}

func TestBareShovelPresentsTheBuiltInDeck(t *testing.T) {
	tm := newTerm(t, 120, 40, bin)
	s := tm.waitFor("英伟达")
	if !strings.Contains(lastLine(s), "1 / ") {
		t.Fatalf("no footer on the last row:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("EXIT=0")
}
