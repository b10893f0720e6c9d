package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestMarkMatches(t *testing.T) {
	const on, off = "\x1b[7m", "\x1b[27m"
	tests := []struct{ name, line, q, want string }{
		{"plain", "shovel 铲子 shovel", "shovel", on + "shovel" + off + " 铲子 " + on + "shovel" + off},
		{"case folded", "Shovel", "sHOVEL", on + "Shovel" + off},
		{"chinese", "用铲子挖", "铲子", "用" + on + "铲子" + off + "挖"},
		{"no match", "abc", "x", "abc"},
		{"empty query", "abc", "", "abc"},
		{"across styles, re-armed after a reset", "\x1b[1mab\x1b[0mcd", "bc",
			"\x1b[1ma" + on + "b\x1b[0m" + on + "c" + off + "d"},
		{"escape sequences are not text", "\x1b[38;5;1mm\x1b[0m", "m", "\x1b[38;5;1m" + on + "m" + off + "\x1b[0m"},
		{"hyperlink text only", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "link", "\x1b]8;;http://x\x07" + on + "link" + off + "\x1b]8;;\x07"},
		{"non-overlapping", "aaaa", "aa", on + "aa" + off + on + "aa" + off},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markMatches(tt.line, tt.q, on, off)
			if got != tt.want {
				t.Errorf("markMatches(%q, %q) = %q, want %q", tt.line, tt.q, got, tt.want)
			}
			if ansi.Strip(got) != ansi.Strip(tt.line) {
				t.Errorf("visible text changed: %q → %q", ansi.Strip(tt.line), ansi.Strip(got))
			}
		})
	}
}

// A search marks its matches on the slide in reverse video, lines keep
// their width, and esc unmarks them; the page cache is untouched (the
// page's own lines carry no mark).
func TestSearchMarksTheSlide(t *testing.T) {
	d := parseDeck(t, "# 甲\n\n第一页\n\n---\n\n# 乙\n\n铲子在这里，铲子在那里\n")
	h := newHarness(t, d, 80, 24, func(o *Options) { o.Theme = "dark" })
	h.keys("/")
	h.typeText("铲子")
	h.keys("enter").at(1, 0)
	h.contains("\x1b[7m铲子\x1b[27m在这里，\x1b[7m铲子\x1b[27m在那里")
	checkFits(t, h, 80, 24)
	for _, l := range h.m.cur.slide.Lines {
		if strings.Contains(l, "\x1b[7m") {
			t.Fatalf("the cached page was marked: %q", l)
		}
	}
	h.keys("esc")
	h.lacks("\x1b[7m铲子")
	h.contains("铲子在这里")
	h.keys("ctrl+n") // the search is still there, and marks again
	h.contains("\x1b[7m铲子\x1b[27m")
}
