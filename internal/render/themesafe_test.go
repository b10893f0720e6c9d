package render

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shovel/deck"
)

// hostile are escape sequences a deck or a theme file may carry (issue 12):
// none may reach the terminal as such.
var hostile = []string{"\x1b]52;", "\x1b]0;", "\x1bP", "\x1b]8;", "\u009d", "\u009b", "\u009c", "\a"}

func checkNoHostile(t *testing.T, what string, lines []string) {
	t.Helper()
	for _, l := range lines {
		for _, h := range hostile {
			if strings.Contains(l, h) {
				t.Errorf("%s: line %q contains %q", what, l, h)
			}
		}
	}
}

func TestThemeFileEscapesDefused(t *testing.T) {
	dir := t.TempDir()
	// A DCS in a heading prefix, an OSC 52 in a list marker and a C1 CSI in
	// a table separator.
	style := `{"document":{"color":"252"}, "text":{"color":"\u001b]0;x\u0007"},
	"h1":{"prefix":"\u001bP+q544e\u001b\\ ","suffix":"\u009b2J"},
	"item":{"block_prefix":"\u001b]52;c;SGVsbG8=\u0007• "},
	"table":{"column_separator":"\u009d0;x\u009c"}}`
	path := filepath.Join(dir, "evil.json")
	if err := os.WriteFile(path, []byte(style), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := deck.Parse("t.md", []byte("# Title\n\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(d, Options{Theme: path})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Slide(0, 0, 60)
	if err != nil {
		t.Fatal(err)
	}
	checkNoHostile(t, "theme file", p.Lines)
	all := strings.Join(p.Lines, "\n")
	for _, want := range []string{"␛P+q544e", "␛]52;c;SGVsbG8=␇•", `\x9b2J`} {
		if !strings.Contains(all, want) {
			t.Errorf("picture %q missing from the page:\n%s", want, all)
		}
	}
}

func TestSlideTextEscapesDefused(t *testing.T) {
	src := "# Agenda\u009d52;c;SGVsbG8=\u009c\n\nText \x1b]8;;https://x.example/\x1b\\link\x1b]8;;\x1b\\ and \x1bP1$r\x1b\\.\n\n" +
		"| col \u009b31m | b |\n|---|---|\n| \x1b]0;HIJACKED\a | 2 |\n\n```\ncode \x1b]52;c;eA==\a\n```\n"
	d, err := deck.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range []string{"dark", "notty"} {
		for _, amb := range []int{1, 2} {
			r, err := New(d, Options{Theme: theme, AmbiguousWidth: amb})
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.Slide(0, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			checkNoHostile(t, theme, p.Lines)
			for _, l := range p.Lines {
				if w := StringWidthAmbiguous(l, amb); w > 50 {
					t.Errorf("%s amb %d: line %q is %d cells", theme, amb, l, w)
				}
			}
			if all := strings.Join(p.Lines, "\n"); !strings.Contains(all, `\x9d52;c;`) {
				t.Errorf("%s: no visible C1 picture in\n%s", theme, all)
			}
		}
	}
}

// TestBuiltinStylesNeedNoDefusing checks what lets loadTheme skip defuse for
// the styles shovel carries: defusing them changes nothing. Each style is
// made twice, as its strings sit behind pointers a copy would share.
func TestBuiltinStylesNeedNoDefusing(t *testing.T) {
	styles := map[string]func() StyleConfig{"plain": plainStyle, "mono": monoStyle}
	for _, name := range builtinStyleNames {
		styles[name] = func() StyleConfig { cfg, _ := builtinStyle(name); return cfg }
	}
	for name, style := range styles {
		cfg, defused := style(), style()
		defuse(&defused)
		if !reflect.DeepEqual(defused, cfg) {
			t.Errorf("style %s holds control characters defuse replaces", name)
		}
	}
}
