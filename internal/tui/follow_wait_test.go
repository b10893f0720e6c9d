package tui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"shovel/deck"
	"shovel/internal/follow"
	"shovel/slides"
)

// With --wait, the follower outlives the talk: it says it waits, and
// shows the next presentation when one starts.
func TestFollowerWaitsForTheNextPresentation(t *testing.T) {
	p := newPair(t, openTestDeck(t), false)
	builtin, err := deck.OpenFS(slides.FS(), ".", "slides")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	p.fo.m.fl.opts.Wait = func() (*follow.Client, error) {
		<-started
		dir, err := os.MkdirTemp("", "sfn")
		if err != nil {
			return nil, err
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		srv, err := follow.Listen(filepath.Join(dir, "shovel"), follow.Info{Title: "next"}, nil)
		if err != nil {
			return nil, err
		}
		t.Cleanup(func() { srv.Close() })
		srv.PublishDeck(builtin, 1)
		srv.PublishState(follow.State{Deck: 1, Slide: 2})
		c, err := follow.Dial(srv.Path())
		if err == nil {
			t.Cleanup(func() { c.Close() })
		}
		return c, err
	}
	p.srv.Close()
	// The end arrives; the harness would run the wait command at once, so
	// deliver it by hand to look at the screen while waiting.
	var msg follow.Message
	for msg.Kind != follow.KindEnd {
		select {
		case msg = <-p.cl.Messages():
			if msg.Kind != follow.KindEnd {
				p.fo.send(followMsg{client: p.cl, msg: msg})
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no end")
		}
	}
	{
		_, cmd := p.fo.m.Update(followMsg{client: p.cl, msg: msg})
		p.fo.contains("The presentation has ended.")
		p.fo.contains("Waiting for the next presentation")
		p.fo.keys("space")
		if p.fo.quit {
			t.Fatal("a key closed a waiting follower")
		}
		close(started)
		p.fo.run(cmd)
	}
	next := p.fo.m.fl.client
	if next == p.cl {
		t.Fatal("the follower did not attach to the next presentation")
	}
	deadline := time.After(10 * time.Second)
	for p.fo.m.Position().Slide != 2 || len(p.fo.m.deck.Slides) != len(builtin.Slides) {
		select {
		case msg := <-next.Messages():
			p.fo.send(followMsg{client: next, msg: msg})
		case <-deadline:
			t.Fatalf("the next presentation never showed:\n%s", p.fo.view())
		}
	}
	p.fo.lacks("ended")
	p.fo.contains("3 / ")
}
