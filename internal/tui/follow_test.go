package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/internal/follow"
)

// pair is a speaker and a follower, two models joined by a real socket in
// a private temporary directory. The test carries the socket's messages
// into each model's Update, as the programs' commands would.
type pair struct {
	t      testing.TB
	sp, fo *harness
	srv    *follow.Server
	cl     *follow.Client
}

func newPair(t testing.TB, d *deck.Deck, presenter bool) *pair {
	t.Helper()
	return newPairStarted(t, d, presenter, false)
}

// newPairStarted is newPair; with later the speaker's server comes from
// Options.Services, started after the first frame, as the CLI does.
func newPairStarted(t testing.TB, d *deck.Deck, presenter, later bool) *pair {
	t.Helper()
	dir, err := os.MkdirTemp("", "sft") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	srv, err := follow.Listen(filepath.Join(dir, "shovel"), follow.Info{Title: d.Meta.Title, Program: "present", Started: time.Now()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	p := &pair{t: t, srv: srv}
	p.sp = newHarness(t, d, 100, 30, func(o *Options) {
		o.Presenter = presenter
		if later {
			o.Services = func() Services { return Services{Followers: srv} }
		} else {
			o.Followers = srv
		}
	})
	p.cl, err = follow.Dial(srv.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cl.Close() })
	p.speakerEvent()
	fd, st, err := p.cl.First(10 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	fdeck, err := fd.Open()
	if err != nil {
		t.Fatal(err)
	}
	p.fo = newHarness(t, fdeck, 80, 24, func(o *Options) { o.Follow = &FollowOptions{Client: p.cl, Seq: fd.Seq, State: st} })
	return p
}

// speakerEvent delivers the followers' next event to the speaker.
func (p *pair) speakerEvent() {
	p.t.Helper()
	select {
	case ev := <-p.srv.Events():
		p.sp.send(followEventMsg(ev))
	case <-time.After(10 * time.Second):
		p.t.Fatal("no event from the follower")
	}
}

// follow delivers the speaker's messages to the follower until ok holds.
// The limit only stops a broken build from hanging.
func (p *pair) follow(what string, ok func() bool) {
	p.t.Helper()
	deadline := time.After(10 * time.Second)
	for !ok() {
		select {
		case msg, open := <-p.cl.Messages():
			if !open {
				p.t.Fatalf("connection closed before %s", what)
			}
			p.fo.send(followMsg{client: p.cl, msg: msg})
		case <-deadline:
			p.t.Fatalf("the follower never got to %s:\n%s", what, p.fo.view())
		}
	}
}

func (p *pair) followTo(slide, step int) {
	p.t.Helper()
	p.follow("the speaker's position", func() bool {
		pos := p.fo.m.Position()
		return pos.Slide == slide && pos.Step == step && p.fo.m.Mode() == "present"
	})
}

func TestFollowerFollowsTheSpeaker(t *testing.T) {
	p := newPair(t, openTestDeck(t), true)
	p.sp.contains("1 screen")
	p.sp.keys("right right")
	p.sp.at(1, 1)
	p.followTo(1, 1)
	p.fo.contains("step 2/3")
	p.fo.contains("2 / 13")
	// The presenter view's notes, next slide and clock stay with the
	// speaker: the follower is the audience view.
	p.sp.contains("NOTES")
	for _, s := range []string{"NOTES", "NEXT", "PRESENTER", "⏱"} {
		p.fo.lacks(s)
	}
	if w := len(strings.Split(p.fo.view(), "\n")); w != 24 {
		t.Fatalf("the follower has %d rows, want its own 24", w)
	}

	// Jumps, and the speaker's overlays, which never reach the follower.
	p.sp.keys("tab")
	p.sp.typeText("估值")
	p.sp.keys("enter")
	p.sp.at(8, 0)
	p.followTo(8, 0)
	p.sp.keys("?")
	p.fo.lacks("this help")
	p.fo.contains("9 / 13")
	p.sp.keys("esc")
}

func TestFollowerKeysMoveTheSpeaker(t *testing.T) {
	p := newPair(t, openTestDeck(t), false)
	p.fo.keys("right")
	p.fo.at(0, 0) // nothing moves here until the speaker says so
	p.speakerEvent()
	p.sp.at(1, 0)
	p.followTo(1, 0)
	p.fo.keys("1 2 enter")
	p.speakerEvent()
	p.sp.at(11, 0)
	p.followTo(11, 0)
	// Keys of the speaker's own tools do nothing on the follower.
	p.fo.keys("tab ? P /")
	if mode := p.fo.m.Mode(); mode != "present" {
		t.Fatalf("follower mode %s after tab ? P /", mode)
	}
	// q quits the follower only.
	p.fo.keys("q")
	if !p.fo.quit {
		t.Fatal("q did not quit the follower")
	}
	p.cl.Close()
	p.speakerEvent()
	if p.sp.quit || p.sp.m.share.screens != 0 {
		t.Fatalf("speaker quit=%v screens=%d after the follower left", p.sp.quit, p.sp.m.share.screens)
	}
	p.sp.contains("a screen left")
}

func TestBlankInThePresenterViewBlanksOnlyTheAudience(t *testing.T) {
	p := newPair(t, openTestDeck(t), true)
	p.sp.keys("b")
	p.sp.contains("audience blanked")
	p.sp.contains("开场：先问听众一个问题。") // notes still there
	p.sp.contains("⏱")
	p.follow("a blank screen", func() bool { return p.fo.m.Mode() == "blank" })
	if strings.TrimSpace(p.fo.view()) != "" {
		t.Fatalf("the blanked follower shows:\n%s", p.fo.view())
	}
	// The speaker may move on while the room sees nothing.
	p.sp.keys("right")
	p.sp.contains("audience blanked")
	p.sp.keys("b")
	p.sp.lacks("audience blanked")
	p.followTo(1, 0)

	// The follower's b blanks too; its next key brings the slide back.
	p.fo.keys("b")
	p.speakerEvent()
	p.sp.contains("audience blanked")
	p.follow("a blank screen", func() bool { return p.fo.m.Mode() == "blank" })
	p.fo.keys("space")
	p.speakerEvent()
	p.followTo(1, 0)
}

func TestFollowerScrollsATallSlide(t *testing.T) {
	p := newPair(t, openTestDeck(t), false)
	p.sp.keys("5 G")
	p.followTo(4, 0)
	p.sp.keys("end") // last slide, then back: a fresh scroll
	p.sp.keys("5 G down down down down down down down down down down down down down down down down down down down down")
	if p.sp.m.audience.scroll == 0 {
		t.Fatal("the speaker's tall slide did not scroll")
	}
	p.follow("the bottom of the tall slide", func() bool {
		most := len(p.fo.m.audience.lines()) - p.fo.m.audience.area()
		return most > 0 && p.fo.m.audience.scroll == most
	})
	p.fo.contains("↑ top")
}

func TestFollowerShowsTheSpeakersReload(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/talk.md")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "talk.md")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p := newPair(t, openDeckFile(t, path), false)
	p.sp.keys("3 G")
	p.followTo(2, 0)
	edited := strings.Replace(string(src), "| GPU | 并行能力强 | 功耗大 |", "| GPU | 并行能力强 | 功耗大，已修改 |", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// The file on disk changes again before the follower could read it:
	// the follower still shows the speaker's version, which it was sent.
	p.sp.send(reloadMsg{deck: openDeckFile(t, path), seq: 1})
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p.follow("the edited slide", func() bool { return strings.Contains(p.fo.view(), "已修改") })
	p.fo.at(2, 0)
	p.fo.lacks("⚠")
}

func TestFollowerSaysThePresentationEnded(t *testing.T) {
	p := newPair(t, openTestDeck(t), false)
	p.srv.Close()
	p.follow("the end", func() bool { return p.fo.m.fl.ended != "" })
	p.fo.contains("The presentation has ended.")
	p.fo.contains("Press any key")
	p.fo.keys("space")
	if !p.fo.quit {
		t.Fatal("a key did not close the ended follower")
	}
}

// BenchmarkFollowState is the protocol path of one speaker key press to a
// follower: encode the state, the socket, decode, and the follower's
// Update (with the commands it returns; its pages are cached, as the
// follower renders neighbours ahead). Issue 10's target: under 100 µs.
func BenchmarkFollowState(b *testing.B) {
	p := newPair(b, openTestDeck(b), false)
	n := len(p.fo.m.deck.Slides)
	for i := 0; i < n; i++ { // warm the follower's page cache
		p.srv.PublishState(follow.State{Deck: p.fo.m.fl.seq, Slide: i})
		p.followTo(i, 0)
	}
	seq := p.fo.m.fl.seq
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		i = (i + 1) % n
		p.srv.PublishState(follow.State{Deck: seq, Slide: i})
		msg := <-p.cl.Messages()
		p.fo.send(followMsg{client: p.cl, msg: msg})
	}
	b.StopTimer()
	if p.fo.m.Position().Slide != i {
		b.Fatalf("follower at slide %d, want %d", p.fo.m.Position().Slide+1, i+1)
	}
}
