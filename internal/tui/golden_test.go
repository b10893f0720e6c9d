package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenViews pins the audience and presenter views of the test deck
// (Chinese text, pauses, a table, notes) at three sizes. Regenerate with
// go test ./internal/tui -run TestGoldenViews -update after a deliberate
// change of layout or of the renderer; read the diff before committing.
func TestGoldenViews(t *testing.T) {
	sizes := [][2]int{{80, 24}, {100, 30}, {160, 45}}
	// Slide 2 at its second step (a pause), and slide 3 (a table).
	positions := []struct {
		name string
		keys string
	}{
		{"slide2-step2", "2 G l"},
		{"slide3-table", "3 G"},
	}
	for _, sz := range sizes {
		for _, view := range []string{"audience", "presenter"} {
			for _, pos := range positions {
				name := fmt.Sprintf("%s-%dx%d-%s", view, sz[0], sz[1], pos.name)
				t.Run(name, func(t *testing.T) {
					h := newHarness(t, openTestDeck(t), sz[0], sz[1])
					if view == "presenter" {
						h.keys("P")
					}
					h.keys(pos.keys)
					checkFits(t, h, sz[0], sz[1])
					golden.RequireEqual(t, trimRight(h.view()))
				})
			}
		}
	}
}

func TestGoldenOverlays(t *testing.T) {
	for _, tt := range []struct {
		name, keys string
		w, h       int
	}{
		{"help-80x24", "?", 80, 24},
		{"help-160x45", "?", 160, 45},
		{"index-100x30", "tab", 100, 30},
		{"tall-slide-80x24", "5 G down down", 80, 24},
		{"too-small-39x11", "", 39, 11},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, openTestDeck(t), tt.w, tt.h)
			h.keys(tt.keys)
			golden.RequireEqual(t, trimRight(h.view()))
		})
	}
}

// trimRight drops trailing spaces so golden files read cleanly in a diff.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
