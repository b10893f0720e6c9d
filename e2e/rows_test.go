package e2e

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// settled polls the screen, colours included, until it shows position
// "k / n" in its footer and stays the same for a few polls.
func (tm *term) settled(k, n int) string {
	tm.t.Helper()
	footer := regexp.MustCompile(fmt.Sprintf(`(?m)(^|\D)%d / %d(\D|$)`, k, n))
	deadline := time.Now().Add(15 * time.Second)
	var last string
	same := 0
	for time.Now().Before(deadline) {
		s := tm.tmux("capture-pane", "-e", "-p", "-t", tm.name())
		switch {
		case !footer.MatchString(lastLine(s)):
			same = 0
		case s == last:
			same++
		default:
			same = 0
		}
		if same >= 3 {
			return s
		}
		last = s
		time.Sleep(30 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never settled on %d / %d:\n%s", k, n, last)
	return ""
}

// TestSlidesReachedByKeysLookAsWhenOpenedThere checks the renderer's
// redraw of changed rows only (third_party/bubbletea, "Only the rows that
// changed are drawn") in a real terminal: every slide of the built-in deck
// (wide characters, tables, styled text), reached by jumping from another
// slide in a shuffled order, and then, for the first few, with an overlay
// opened over it and closed, shows exactly, colours included, what the
// terminal shows when shovel is opened on that slide.
func TestSlidesReachedByKeysLookAsWhenOpenedThere(t *testing.T) {
	const w, h = 100, 30
	probe := newTerm(t, w, h, bin)
	first := probe.waitFor(" / ")
	m := regexp.MustCompile(`1 / (\d+)`).FindStringSubmatch(lastLine(first))
	if m == nil {
		t.Fatalf("no slide count in the footer:\n%s", first)
	}
	var n int
	fmt.Sscan(m[1], &n)

	// Each slide opened in a session of its own on the same tmux server.
	fresh := make([]string, n+1)
	for k := 1; k <= n; k++ {
		s := &term{t: t, socket: probe.socket, target: fmt.Sprintf("start%d", k)}
		script := fmt.Sprintf(`%s --start %d; echo "EXIT=$?"; sleep 60`, bin, k)
		s.tmux("new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", s.target, "sh", "-c", script)
		fresh[k] = s.settled(k, n)
		s.keys("q")
		s.waitFor("EXIT=0")
	}

	order := rand.New(rand.NewPCG(15, 3)).Perm(n)
	tm := probe
	tm.settled(1, n)
	for j, i := range order {
		k := i + 1
		tm.keys(strings.Split(fmt.Sprint(k), "")...)
		tm.keys("Enter")
		if got := tm.settled(k, n); !sameLook(got, fresh[k]) {
			t.Errorf("slide %d reached by keys differs from slide %d opened with --start:\n%s", k, k, diffLines(got, fresh[k]))
		}
		if j >= 4 {
			continue
		}
		// An overlay drawn over the slide and closed again: help, the
		// slide index, the blanked screen.
		for _, o := range []struct{ open, shows, close string }{{"?", "shovel keys", "Escape"}, {"Tab", "Slides", "Escape"}, {"b", "", "b"}} {
			before := tm.screen()
			tm.keys(o.open)
			tm.waitUntil("the overlay of "+o.open, func(s string) bool {
				return s != before && strings.Contains(s, o.shows)
			})
			tm.keys(o.close)
			if got := tm.settled(k, n); !sameLook(got, fresh[k]) {
				t.Errorf("slide %d after %s and %s differs from slide %d opened with --start:\n%s", k, o.open, o.close, k, diffLines(got, fresh[k]))
			}
		}
	}
	tm.keys("q")
	tm.waitFor("EXIT=0")
}

// visible are the attributes that show on a blank cell.
const visible = uv.AttrReverse | uv.AttrStrikethrough

// look is what a screen capture (capture-pane -e) shows: its cells, rows
// cut after the last cell that shows anything, blank cells keeping only
// what shows on them. Terminals and tmux are free to leave a foreground
// colour or bold on a space; an ultraviolet diff does (leaving a space
// drawn with the pen it had), a fresh draw does not.
func look(capture string) []string {
	var rows []string
	for _, l := range uv.NewStyledString(capture).Lines(ansi.GraphemeWidth) {
		end := 0
		for i := range l {
			c := &l[i]
			if strings.TrimSpace(c.Content) == "" {
				c.Style.Fg = nil
				c.Style.Attrs &= visible
				if c.Style.Underline == uv.UnderlineNone {
					c.Style.UnderlineColor = nil
				}
				if c.Style.Bg == nil && c.Style.Attrs == 0 && c.Style.Underline == uv.UnderlineNone {
					continue
				}
			}
			end = i + 1
		}
		rows = append(rows, fmt.Sprintf("%+v", l[:end]))
	}
	return rows
}

func sameLook(a, b string) bool { return slices.Equal(look(a), look(b)) }

// diffLines lists the lines where a and b differ.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var sb strings.Builder
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&sb, "row %d by keys: %q\nrow %d opened:  %q\n", i+1, x, i+1, y)
		}
	}
	return sb.String()
}
