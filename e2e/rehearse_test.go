package e2e

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A real rehearsal in a real terminal with real waits: the times shovel
// records are the times the speaker spent, paused time excluded.
func TestRehearseAndReport(t *testing.T) {
	deck := copyDeck(t)
	store := filepath.Join(t.TempDir(), "runs")
	tm := newTerm(t, 100, 30, bin+" rehearse --store "+store+" "+deck)
	tm.waitFor("REHEARSAL", "1 / 13")
	// Hold each position for a while, then press a key. shovel acts on
	// the key some time between the moment it was sent and the moment the
	// screen shows its effect: on a loaded machine that can be longer than
	// the tolerance, so each key's moment is kept as that span.
	hold := func(d time.Duration, key string, until func(string) bool) span {
		time.Sleep(d)
		sent := time.Now()
		tm.keys(key)
		tm.waitUntil("the effect of "+key, until)
		return span{sent, time.Now()}
	}
	shows := func(text string) func(string) bool {
		return func(s string) bool { return strings.Contains(s, text) }
	}
	s2 := hold(1500*time.Millisecond, "Right", shows("2 / 13")) // slide 2, step 1
	hold(700*time.Millisecond, "Right", shows("step 2/3"))
	hold(700*time.Millisecond, "Right", shows("step 3/3"))
	s3 := hold(700*time.Millisecond, "Right", shows("3 / 13"))
	p := hold(1200*time.Millisecond, "t", shows("paused")) // the next second does not count
	r := hold(1000*time.Millisecond, "t", func(s string) bool { return !strings.Contains(s, "paused") })
	end := hold(800*time.Millisecond, "q", shows("EXIT="))
	screen := tm.waitFor("EXIT=0")
	if !strings.Contains(screen, "rehearsal 1 saved") || !strings.Contains(screen, "partial, up to slide 3 of 13") {
		t.Errorf("no word of the saved run:\n%s", screen)
	}

	out, err := exec.Command(bin, "report", "--format", "json", "--store", store, deck).Output()
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	var rep struct {
		Runs []struct {
			Partial      bool    `json:"partial"`
			TotalSeconds float64 `json:"total_seconds"`
			Slides       []struct {
				Title   string  `json:"title"`
				Seconds float64 `json:"seconds"`
				Visits  int     `json:"visits"`
			} `json:"slides"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(rep.Runs) != 1 || !rep.Runs[0].Partial {
		t.Fatalf("runs: %s", out)
	}
	run := rep.Runs[0]
	// The clock started with the first frame, a moment before the screen
	// showed it here: the run file has that moment.
	start := runStarted(t, store)
	begin := span{start, start}
	paused := between(p, r)
	third := between(s3, end)
	want := []struct{ lo, hi float64 }{
		between(begin, s2),
		between(s2, s3),
		{third.lo - paused.hi, third.hi - paused.lo},
	}
	sum := 0.0
	for i, w := range want {
		got := run.Slides[i].Seconds
		t.Logf("slide %d: %.3f s recorded, %.3f–%.3f s spent", i+1, got, w.lo, w.hi)
		if got < w.lo-0.3 || got > w.hi+0.3 {
			t.Errorf("slide %d (%s): %.3f s recorded, %.3f–%.3f s spent (±0.3 s)", i+1, run.Slides[i].Title, got, w.lo, w.hi)
		}
		if run.Slides[i].Visits != 1 {
			t.Errorf("slide %d: %d visits", i+1, run.Slides[i].Visits)
		}
		sum += got
	}
	// The total is exactly the slides' sum.
	if math.Abs(run.TotalSeconds-sum) > 0.005 {
		t.Errorf("total %.3f s, but the slides sum to %.3f s", run.TotalSeconds, sum)
	}
	if run.Slides[3].Seconds != 0 || run.Slides[3].Visits != 0 {
		t.Errorf("slide 4 never shown, yet %+v", run.Slides[3])
	}

	// The text report, and the presenter view's pace at the rehearsed speed.
	text, err := exec.Command(bin, "report", "--width", "80", "--store", store, deck).Output()
	if err != nil || !strings.Contains(string(text), "rehearsal 1 of 1") || !strings.Contains(string(text), "为什么需要铲？") {
		t.Errorf("text report: %v\n%s", err, text)
	}
	// A subtest has its own tmux server: a server just killed may still
	// hold the socket's name.
	t.Run("present shows the rehearsed pace", func(t *testing.T) {
		pt := newTerm(t, 160, 40, bin+" present --presenter --store "+store+" "+deck)
		pt.waitFor("PRESENTER", "clock not started")
		pt.keys("Right")
		pt.waitFor("at your rehearsed pace: ends")
		pt.keys("q")
		pt.waitFor("EXIT=0")
	})
}

// runStarted is when the only run in store started, from its file.
func runStarted(t *testing.T, store string) time.Time {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(store, "*.json"))
	if err != nil || len(files) != 1 {
		t.Fatalf("run files %v, %v; want one", files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var run struct {
		Started time.Time `json:"started"`
	}
	if err := json.Unmarshal(data, &run); err != nil {
		t.Fatal(err)
	}
	return run.Started
}

// span is when shovel acted on a key: after it was sent, before its effect
// showed.
type span struct{ from, to time.Time }

// between is the shortest and longest time that can have passed between
// the actions at a and b, in seconds.
func between(a, b span) struct{ lo, hi float64 } {
	return struct{ lo, hi float64 }{b.from.Sub(a.to).Seconds(), b.to.Sub(a.from).Seconds()}
}
