package tui

import (
	"strings"
	"testing"
	"time"

	"shovel/deck"
)

// Services started after the first frame (Options.Services) work as if
// they had been in the options: the followers follow, the watcher's
// changes reload, the history paces.

func TestStartedFollowersFollow(t *testing.T) {
	p := newPairStarted(t, openTestDeck(t), true, true)
	p.sp.contains("1 screen")
	p.sp.keys("right right")
	p.followTo(1, 1)
	p.fo.contains("2 / 13")
	p.fo.keys("right")
	p.speakerEvent()
	p.sp.at(1, 2)
}

func TestStartedWatcherReloads(t *testing.T) {
	fw := &fakeWatcher{ch: make(chan []string)}
	close(fw.ch)
	path := t.TempDir() + "/talk.md"
	writeDeck(t, path, threeSlides)
	h := newHarness(t, openDeckFile(t, path), 80, 24, func(o *Options) {
		o.Load = func() (*deck.Deck, error) { return deck.Open(path) }
		o.Presenter = true
		o.Services = func() Services { return Services{Watcher: fw} }
	})
	h.keys("right").at(1, 0)
	writeDeck(t, path, strings.Replace(threeSlides, "第二页", "第二页，改过了", 1))
	h.send(changeMsg{files: []string{path}}).at(1, 0)
	h.contains("第二页，改过了")
	if len(fw.watched) == 0 {
		t.Error("the reloaded deck's files are not watched")
	}
}

func TestStartedHistoryPaces(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 160, 45, func(o *Options) {
		o.Presenter = true
		o.Services = func() Services { return Services{History: minutePerSlide} }
	})
	h.keys("right")
	h.clock.advance(90 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("at your rehearsed pace: ends 12:30, +2:30") // as TestRehearsedPace
}

// The history can come after the pace was first planned (the first
// frame is observed before the services start): it is planned again.
func TestHistoryAfterTheFirstFrame(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 160, 45, func(o *Options) { o.Presenter = true })
	h.keys("right")
	h.send(servicesMsg{Services{History: minutePerSlide}})
	h.clock.advance(90 * time.Second)
	h.send(tickMsg{h.m.tickGen})
	h.contains("at your rehearsed pace: ends 12:30, +2:30")
}

// minutePerSlide is a rehearsal history of a minute on every slide.
func minutePerSlide(d *deck.Deck) []time.Duration {
	out := make([]time.Duration, len(d.Slides))
	for i := range out {
		out[i] = time.Minute
	}
	return out
}
