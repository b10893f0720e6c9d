package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shovel/deck"
)

type fakeWatcher struct {
	ch      chan []string
	watched []string
}

func (f *fakeWatcher) Changes() <-chan []string     { return f.ch }
func (f *fakeWatcher) WatchDeck(d *deck.Deck) error { f.watched = d.Files; return nil }

// reloadHarness presents a deck file that the test rewrites; reloads read
// it from disk as the real program does. It shows the presenter view,
// where reload news is shown (the audience sees only a marker).
func reloadHarness(t *testing.T, src string, mutate ...func(*Options)) (*harness, string, *fakeWatcher) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "talk.md")
	writeDeck(t, path, src)
	// A closed channel: the harness runs commands synchronously, and a
	// wait for the next change must not block it.
	fw := &fakeWatcher{ch: make(chan []string)}
	close(fw.ch)
	h := newHarness(t, openDeckFile(t, path), 80, 24, func(o *Options) {
		o.Load = func() (*deck.Deck, error) { return deck.Open(path) }
		o.Watcher = fw
		o.Presenter = true
		for _, f := range mutate {
			f(o)
		}
	})
	return h, path, fw
}

func writeDeck(t *testing.T, path, src string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

const threeSlides = "# 甲\n\n第一页\n\n---\n\n# 乙\n\n第二页\n\n---\n\n# 丙\n\n第三页\n"

func TestReloadStaysOnTheSlide(t *testing.T) {
	h, path, fw := reloadHarness(t, threeSlides)
	h.keys("right right").at(2, 0)
	writeDeck(t, path, strings.Replace(threeSlides, "第三页", "第三页，改过了", 1))
	h.send(changeMsg{files: []string{path}}).at(2, 0)
	h.contains("第三页，改过了")
	h.contains("reloaded")
	if len(fw.watched) == 0 {
		t.Error("the reloaded deck's files are not watched")
	}
}

func TestReloadGoesToTheFirstChangedSlide(t *testing.T) {
	h, path, _ := reloadHarness(t, threeSlides)
	h.at(0, 0)
	// Editing slide 2 while showing slide 1 shows the edit; slide 2 gets
	// a pause, and is shown whole.
	writeDeck(t, path, strings.Replace(threeSlides, "第二页\n", "第二页\n\n<!-- pause -->\n\n新的一点\n", 1))
	h.send(changeMsg{}).at(1, 1)
	h.contains("新的一点")
	// An edit that changes no slide (front matter) stays put.
	h.keys("left left").at(0, 0)
	writeDeck(t, path, "---\ntitle: 新标题\n---\n\n"+strings.Replace(threeSlides, "第二页\n", "第二页\n\n<!-- pause -->\n\n新的一点\n", 1))
	h.send(changeMsg{}).at(0, 0)
	if got := h.m.deck.Meta.Title; got != "新标题" {
		t.Errorf("title after reload = %q", got)
	}
}

func TestReloadWithErrorsKeepsTheLastGoodDeck(t *testing.T) {
	h, path, _ := reloadHarness(t, threeSlides)
	h.keys("right").at(1, 0)
	writeDeck(t, path, threeSlides+"\n---\n\n# 丁\n\n<!-- column: 1 -->\n")
	h.send(changeMsg{}).at(1, 0)
	h.contains("第二页")
	h.contains("talk.md:21:1: column 1 outside a column layout")
	h.contains("kept the last good version")
	checkFits(t, h, 80, 24)
	// Navigation still works on the last good deck.
	h.keys("right").at(2, 0)
	// Fixing the file clears the banner.
	writeDeck(t, path, threeSlides+"\n---\n\n# 丁\n\n第四页\n")
	h.send(changeMsg{}).at(3, 0)
	h.lacks("last good version")
	h.contains("第四页")
}

func TestReloadOfAMissingFileKeepsTheDeck(t *testing.T) {
	h, path, _ := reloadHarness(t, threeSlides)
	os.Remove(path)
	h.send(changeMsg{})
	h.contains("reload failed")
	h.contains("第一页")
	writeDeck(t, path, threeSlides)
	h.keys("ctrl+r")
	h.lacks("reload failed")
}

func TestReloadKeyWithoutLoader(t *testing.T) {
	h := newHarness(t, openTestDeck(t), 80, 24, func(o *Options) { o.Presenter = true })
	h.keys("ctrl+r")
	h.contains("cannot be reloaded")
	h.send(reloadMsg{err: errors.New("boom"), seq: 1})
	h.contains("boom")
}

func TestFirstChanged(t *testing.T) {
	parse := func(src string) *deck.Deck { return parseDeck(t, src) }
	a := parse(threeSlides)
	for _, tt := range []struct {
		name string
		src  string
		want int
	}{
		{"same", threeSlides, -1},
		{"lines added above do not count", "\n\n\n" + threeSlides, -1},
		{"text", strings.Replace(threeSlides, "第二页", "第2页", 1), 1},
		{"notes", threeSlides + "\n<!-- speaker_note: 新备注 -->\n", 2},
		{"slide added at the end", threeSlides + "\n---\n\n# 丁\n", 3},
		{"slide removed at the end", "# 甲\n\n第一页\n\n---\n\n# 乙\n\n第二页\n", 1},
	} {
		if got := firstChanged(a, parse(tt.src)); got != tt.want {
			t.Errorf("%s: firstChanged = %d, want %d", tt.name, got, tt.want)
		}
	}
}
