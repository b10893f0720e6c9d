package tui

import (
	"strings"
	"testing"
)

// The room never sees reload news: a broken save keeps the last good slide
// with no banner over the title, and a good reload says nothing; a marker
// at the right of the footer tells the speaker to look (issue 14).
func TestAudienceSeesNoReloadNews(t *testing.T) {
	h, path, _ := reloadHarness(t, threeSlides, func(o *Options) { o.Presenter = false })
	h.keys("right").at(1, 0)
	writeDeck(t, path, threeSlides+"\n---\n\n# 丁\n\n<!-- column: 1 -->\n")
	h.send(changeMsg{}).at(1, 0)
	h.lacks("kept the last good version")
	h.lacks("column 1 outside")
	rows := strings.Split(h.view(), "\n")
	if top := rows[0] + rows[1]; strings.Contains(top, "⚠") {
		t.Errorf("the top of the slide carries a warning:\n%s", h.view())
	}
	foot := rows[len(rows)-1]
	if !strings.Contains(foot, "⚠") || !strings.Contains(foot, "乙") {
		t.Errorf("footer = %q, want the title and a ⚠ marker", foot)
	}
	checkFits(t, h, 80, 24)
	// The presenter view has the words.
	h.keys("P")
	h.contains("kept the last good version")
	h.contains("column 1 outside")
	h.keys("P")

	// A good reload: the new text, no "reloaded" in the room, a ↻ marker
	// until the next key.
	writeDeck(t, path, strings.Replace(threeSlides, "第二页", "第二页，改过了", 1))
	h.send(changeMsg{}).at(1, 0)
	h.contains("第二页，改过了")
	h.lacks("reloaded")
	h.lacks("⚠")
	rows = strings.Split(h.view(), "\n")
	if foot := rows[len(rows)-1]; !strings.Contains(foot, "↻") {
		t.Errorf("footer after a good reload = %q, want a ↻ marker", foot)
	}
	h.keys("right")
	h.lacks("↻")
}

// On a slide with no footer the marker still shows, in the bottom row.
func TestReloadMarkerWithoutFooter(t *testing.T) {
	src := "# 甲\n\n<!-- no_footer -->\n\n第一页\n"
	h, path, _ := reloadHarness(t, src, func(o *Options) { o.Presenter = false })
	writeDeck(t, path, src+"\n<!-- column: 1 -->\n")
	h.send(changeMsg{})
	rows := strings.Split(h.view(), "\n")
	if foot := rows[len(rows)-1]; !strings.Contains(foot, "⚠") {
		t.Errorf("bottom row = %q, want a ⚠ marker", foot)
	}
	h.lacks("kept the last good version")
}

// The presenter view shows "reloaded" after a good reload.
func TestPresenterSeesReloaded(t *testing.T) {
	h, path, _ := reloadHarness(t, threeSlides)
	writeDeck(t, path, strings.Replace(threeSlides, "第一页", "第一页，改过了", 1))
	h.send(changeMsg{})
	h.contains("第一页，改过了")
	h.contains("reloaded")
}
