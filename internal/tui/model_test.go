package tui

import (
	"strings"
	"testing"
)

func TestKeyMsgSpelling(t *testing.T) {
	for _, s := range []string{"right", "space", "G", "P", "T", "ctrl+n", "ctrl+c", "/", "?", "g", "1"} {
		if got := keyMsg(s).String(); got != s {
			t.Errorf("keyMsg(%q).String() = %q", s, got)
		}
	}
}

func TestNavigationKeys(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.at(0, 0)
	h.keys("right").at(1, 0)
	h.keys("l").at(1, 1) // slide 2 has three steps
	h.keys("space").at(1, 2)
	h.keys("enter").at(2, 0)
	h.keys("left").at(1, 2) // back onto slide 2, fully revealed
	h.keys("k backspace pgup").at(0, 0)
	h.keys("n").at(1, 2) // n ignores pauses and shows the slide whole
	h.keys("n p").at(1, 2)
	h.keys("G").at(12, 0)
	h.keys("g g").at(0, 0)
	h.keys("end").at(12, 0)
	h.keys("home").at(0, 0)
	h.keys("1 2 enter").at(11, 0)
	h.keys("2 G").at(1, 0)
	h.keys("s").at(1, 2)
	h.keys("j").at(2, 0)
	h.keys("pgdown").at(3, 0)
	h.keys("1 1 g g").at(10, 0)
	h.keys("g x g").at(10, 0) // another key between the two g cancels
}

func TestGotoFeedback(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.keys("1 2")
	h.contains("go to slide 12")
	h.at(0, 0) // nothing moves until enter or G
	h.keys("esc").at(0, 0)
	h.lacks("go to slide")
	h.keys("9 9 enter").at(12, 0)
	h.contains("only 13 slides")
	h.keys("0 enter").at(12, 0)
	h.contains("no slide 0")
	h.keys("right")
	h.contains("end of the deck")
	// A digit then another key cancels the number and does the key.
	h.keys("g g 3 right").at(1, 0)
}

func TestFooter(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.keys("right l")
	last := lastLine(h.view())
	for _, want := range []string{"铲子测试 · 为什么需要铲？", "step 2/3", "2 / 13"} {
		if !strings.Contains(last, want) {
			t.Errorf("footer %q lacks %q", last, want)
		}
	}
	// no_footer hides it (slide 11 is a section divider).
	h.keys("1 1 G")
	if last := lastLine(h.view()); strings.TrimSpace(last) != "" {
		t.Errorf("no_footer slide shows a footer: %q", last)
	}
}

func lastLine(s string) string { return s[strings.LastIndexByte(s, '\n')+1:] }

func TestEveryLineFits(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {100, 30}, {160, 45}} {
		h := newHarness(t, openTestDeck(t), sz[0], sz[1])
		for i := 0; i < 2; i++ {
			for s := 0; s < 20; s++ {
				checkFits(t, h, sz[0], sz[1])
				h.keys("right")
			}
			h.keys("home P") // then the presenter view
		}
	}
}

func checkFits(t *testing.T, h *harness, w, hh int) {
	t.Helper()
	lines := strings.Split(h.view(), "\n")
	if len(lines) != hh {
		t.Fatalf("%dx%d %s slide %d: %d lines", w, hh, h.m.Mode(), h.m.pos.Slide+1, len(lines))
	}
	for i, l := range lines {
		if h.m.c.width(l) > w {
			t.Fatalf("%dx%d %s slide %d: line %d is %d cells wide: %q", w, hh, h.m.Mode(), h.m.pos.Slide+1, i, h.m.c.width(l), l)
		}
	}
}

func TestTooSmall(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 39, 24)
	h.contains("too small")
	h.contains("39×24")
	h.send(size(80, 11))
	h.contains("80×11")
	h.send(size(40, 12))
	h.lacks("too small")
	h.contains("铲子测试")
	// Keys still work while too small, so the speaker can quit.
	h.send(size(20, 5)).keys("q")
	if !h.quit {
		t.Error("q did not quit on a too-small screen")
	}
}

func TestTallSlideScrolls(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.keys("5 G")
	h.contains("↓ more")
	h.contains("1. 第1行")
	h.lacks("40. 第40行")
	for i := 0; i < 40; i++ {
		h.keys("down")
	}
	h.contains("40. 第40行")
	h.contains("↑ top")
	h.lacks("  很长的一页\n")
	h.keys("up")
	h.contains("↑↓")
	// Moving away and back starts the slide at the top again.
	h.keys("n p")
	h.contains("  很长的一页\n")
}

func TestResizeRelaysOut(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.keys("right")
	h.send(size(160, 45))
	checkFits(t, h, 160, 45)
	if p := h.m.cur.slide; p == nil || p.Width != 160 {
		t.Fatalf("after a resize the page is laid out for %v, want 160", p)
	}
	h.send(size(100, 30))
	checkFits(t, h, 100, 30)
	h.contains("2 / 13")
}

// The pages one key press away are rendered ahead: after a move, the next
// key shows its page without any command having run.
func TestNeighboursArePrerendered(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24)
	h.keys("right") // now on slide 2; its neighbours were rendered
	_, _ = h.m.Update(keyMsg("n"))
	if !strings.Contains(h.view(), "GPU 与 CPU") {
		t.Fatalf("next slide not ready without running a command:\n%s", h.view())
	}
	// Back again: the command Update returns (prefetching the next
	// neighbours) is not run, so the page must already be there.
	_, _ = h.m.Update(keyMsg("p"))
	if !strings.Contains(h.view(), "为什么需要铲？") {
		t.Fatalf("previous slide not ready without running a command:\n%s", h.view())
	}
}

func TestOverlays(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30)
	// Help lists the keymap.
	h.keys("?")
	if h.m.Mode() != "help" {
		t.Fatalf("mode = %s, want help", h.m.Mode())
	}
	h.contains("show all steps of this slide")
	h.contains("ctrl+r")
	h.keys("x")
	if h.m.Mode() != "present" {
		t.Fatalf("any key closes help; mode = %s", h.m.Mode())
	}
	// Blank: any key returns, and does nothing else.
	h.keys("b")
	if h.m.Mode() != "blank" || strings.TrimSpace(h.view()) != "" {
		t.Fatalf("b: mode %s, screen %q", h.m.Mode(), h.view())
	}
	h.keys("right").at(0, 0)
	if h.m.Mode() != "present" {
		t.Fatalf("a key did not bring the slides back")
	}
	// Index: filter by a Chinese title, enter jumps.
	h.keys("tab")
	h.contains("13. 谢谢")
	h.typeText("风险")
	h.contains("10. 风险")
	h.lacks("13. 谢谢")
	h.keys("enter").at(9, 0)
	// Index: arrows choose, esc closes without moving.
	h.keys("tab down down esc").at(9, 0)
	h.keys("tab down enter").at(10, 0)
}

func TestSearch(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30)
	h.keys("/")
	h.typeText("卖铲子")
	h.contains("/卖铲子")
	h.keys("enter").at(1, 0) // the first step already says it
	h.contains("“卖铲子” 1/2")
	h.keys("ctrl+n").at(11, 0)
	h.contains("“卖铲子” 2/2")
	h.keys("ctrl+n").at(1, 0) // wraps round
	h.keys("ctrl+p").at(11, 0)
	// Search text behind a pause lands on the step that shows it.
	h.keys("home /")
	h.typeText("增长主要")
	h.keys("enter").at(6, 1)
	h.keys("/")
	h.typeText("不存在的词")
	h.keys("enter").at(6, 1)
	h.contains("no slide contains")
	// esc cancels a search without moving.
	h.keys("/")
	h.typeText("风险")
	h.keys("esc").at(6, 1)
}

// The help is laid out when it opens, not at start-up or on a resize
// behind the slides, and while open it follows the terminal's size.
func TestHelpLaidOutOnlyWhileShown(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 100, 30)
	h.send(size(120, 40))
	if h.m.help.lines != nil {
		t.Fatal("the help was laid out before it was opened")
	}
	h.keys("?")
	h.contains("show all steps of this slide")
	wide := len(h.m.help.lines)
	h.send(size(40, 30))
	checkFits(t, h, 40, 30)
	if n := len(h.m.help.lines); n <= wide {
		t.Fatalf("after narrowing the open help has %d lines, as many as at 100 columns (%d): not laid out again", n, wide)
	}
}
