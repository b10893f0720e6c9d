package e2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childPid is the pid of shovel: the only child of the pane's shell.
func (tm *term) childPid() int {
	tm.t.Helper()
	shell := strings.TrimSpace(tm.tmux("display", "-p", "-t", "e2e", "#{pane_pid}"))
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		out, _ := exec.Command("pgrep", "-P", shell).Output()
		if f := strings.Fields(string(out)); len(f) == 1 {
			pid, err := strconv.Atoi(f[0])
			if err == nil {
				return pid
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("no child of the pane's shell %s", shell)
	return 0
}

// modes are the pane's terminal modes: alternate screen, mouse tracking
// (any of the modes bubbletea may turn on) and cursor visibility.
func (tm *term) modes() string {
	return strings.TrimSpace(tm.tmux("display", "-p", "-t", "e2e",
		"alt=#{alternate_on} mouse=#{?#{||:#{mouse_any_flag},#{||:#{mouse_button_flag},#{mouse_standard_flag}}},1,0} cursor=#{cursor_flag}"))
}

// waitModes polls the pane's modes until they are want.
func (tm *term) waitModes(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	got := tm.modes()
	for got != want && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		got = tm.modes()
	}
	if got != want {
		tm.t.Fatalf("modes %s, want %s", got, want)
	}
}

// TestSignalsRestoreTheTerminal: SIGHUP, SIGTERM and SIGQUIT end a talk
// with the terminal as it was (no alternate screen, no mouse tracking,
// cursor shown) and exit 128+signal (issue 12).
func TestSignalsRestoreTheTerminal(t *testing.T) {
	if _, err := exec.LookPath("pgrep"); err != nil {
		t.Skip("pgrep is not installed")
	}
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			deck := copyDeck(t)
			tm := newTerm(t, 80, 24, fmt.Sprintf("%s present %s", bin, deck))
			tm.waitFor("铲子测试", "1 / 13")
			// The first slide is painted before bubbletea starts and turns
			// the mouse on (tui.Run), so the modes can lag the slide.
			tm.waitModes("alt=1 mouse=1 cursor=0")
			if err := syscall.Kill(tm.childPid(), sig); err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("EXIT=%d", 128+int(sig))
			s := tm.waitUntil(want, func(s string) bool { return strings.Contains(s, "EXIT=") })
			if !strings.Contains(s, want) {
				t.Errorf("want %s:\n%s", want, s)
			}
			if strings.Contains(s, "goroutine ") {
				t.Errorf("a stack dump was printed:\n%s", s)
			}
			if got := tm.modes(); got != "alt=0 mouse=0 cursor=1" {
				t.Errorf("after %v: %s, want alt=0 mouse=0 cursor=1", sig, got)
			}
		})
	}
}

// TestExportSignalRemovesTempFile: export -o stopped by any catchable
// signal leaves no hidden temporary file and no output, and exits
// 128+signal.
func TestExportSignalRemovesTempFile(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 15000; i++ { // long enough to be stopped midway
		fmt.Fprintf(&b, "# 第%d页\n\n在当前阶段，GPU 配合 CPU 是AI芯片的主流。英伟达的CUDA生态（包括cuDNN、TensorRT）已有1750亿参数。\n\n---\n\n", i)
	}
	dir := t.TempDir()
	deck := filepath.Join(dir, "big.md")
	if err := os.WriteFile(deck, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		out := filepath.Join(t.TempDir(), "talk.txt")
		cmd := exec.Command(bin, "export", deck, "-o", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The temporary file exists from the first slide written on.
		deadline := time.Now().Add(30 * time.Second)
		var tmp []string
		for len(tmp) == 0 && time.Now().Before(deadline) {
			tmp, _ = filepath.Glob(filepath.Join(filepath.Dir(out), ".talk.txt.tmp*"))
			time.Sleep(time.Millisecond)
		}
		if len(tmp) == 0 {
			t.Fatalf("%v: no temporary file seen", sig)
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
			t.Errorf("%v: export ended with %v, want exit status %d", sig, err, 128+int(sig))
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".talk.txt.tmp*")); len(left) > 0 {
			t.Errorf("%v: temporary file left: %v", sig, left)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: %s was written although the export was stopped", sig, out)
		}
	}
}
