package tui

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgramEndToEnd runs the whole program (bubbletea's event loop and
// renderer included) through the sequence of issue 5: open, next ×3, jump
// to 12, the index, a search for a Chinese word, the presenter view, quit.
func TestProgramEndToEnd(t *testing.T) {
	m, err := New(Options{Deck: openTestDeck(t), Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	// The screen is read from the output stream with escape codes removed;
	// the generous duration only bounds a failure, it is not a speed check.
	waitFor := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			text := []byte(ansi.Strip(string(b)))
			for _, w := range what {
				if !bytes.Contains(text, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	key := func(names ...string) {
		for _, n := range names {
			tm.Send(keyMsg(n))
		}
	}

	waitFor("铲子测试", "1 / 13")
	key("right", "right", "right")
	waitFor("这把铲能卖多久", "step 3/3")
	key("1", "2", "enter")
	waitFor("卖铲子的生意还能做很久", "12 / 13")
	key("tab")
	waitFor("Slides", "13. 谢谢")
	key("esc", "/")
	tm.Type("护城河")
	key("enter")
	waitFor("CUDA 是英伟达的护城河", "6 / 13")
	key("P")
	waitFor("PRESENTER", "提一下 cuDNN 和 TensorRT", "NEXT — 7. 数据中心")
	key("q")

	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if p := final.Position(); p.Slide != 5 || final.Mode() != "presenter" {
		t.Errorf("final position slide %d, mode %s; want slide 6 in the presenter view", p.Slide+1, final.Mode())
	}
	if !final.quitting {
		t.Error("the program ended without quitting")
	}
}
