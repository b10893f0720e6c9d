package render

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"shovel/deck"
)

func themeDeck(t *testing.T, dir, theme string) *deck.Deck {
	t.Helper()
	path := filepath.Join(dir, "talk.md")
	if err := os.WriteFile(path, []byte("---\ntitle: T\ntheme: "+theme+"\n---\n\n# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := deck.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestResolveTheme(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ok.json"), []byte(`{"h1": {"prefix": "» "}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("default:\n  colors: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.json"), make([]byte, maxThemeFile+1), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		theme, name string
		severity    string // "", "warning" or "error"
		msg         string
	}{
		{"", "auto", "", ""},
		{"dracula", "dracula", "", ""},
		{"tokyo-night", "tokyo-night", "", ""},
		{"catppuccin-mocha", "dark", "warning", `theme "catppuccin-mocha" is presenterm's; shown in the nearest built-in style, "dark"`},
		{"catppuccin-latte", "light", "warning", "presenterm's"},
		{"tokyonight-storm", "tokyo-night", "warning", "presenterm's"},
		{"gaia", "auto", "warning", `theme "gaia" is Marp's`},
		{"sepia", "auto", "warning", `unknown theme "sepia"; the default theme is used`},
		{"https://example.com/t.json", "auto", "warning", "is a URL; shovel never fetches anything"},
		{"{name: rose-pine-dawn}", "light", "warning", "presenterm's"},
		{"{path: p.yaml}", "auto", "warning", "theme file p.yaml is presenterm's"},
		{"ok.json", filepath.Join(dir, "ok.json"), "", ""},
		{"missing.json", "", "error", "missing.json: no such file or directory"},
		{"/dev/zero", "", "error", "/dev/zero is not a regular file"},
		{"fifo.json", "", "error", "fifo.json is not a regular file"},
		{"big.json", "", "error", "a theme file may be at most 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.theme, func(t *testing.T) {
			d := themeDeck(t, dir, tt.theme)
			c := ResolveTheme(d, "", false)
			if c.Name != tt.name {
				t.Errorf("name = %q, want %q", c.Name, tt.name)
			}
			if tt.severity == "" {
				if len(c.Diagnostics) != 0 || c.Notice != "" {
					t.Errorf("diagnostics %v, notice %q", c.Diagnostics, c.Notice)
				}
				return
			}
			if len(c.Diagnostics) != 1 {
				t.Fatalf("diagnostics = %v", c.Diagnostics)
			}
			got := c.Diagnostics[0].String()
			if !strings.HasPrefix(got, filepath.Join(dir, "talk.md")+":3:8: "+tt.severity+": ") || !strings.Contains(got, tt.msg) {
				t.Errorf("diagnostic %q, want %s at talk.md:3:8 with %q", got, tt.severity, tt.msg)
			}
			if tt.severity == "warning" && c.Notice == "" {
				t.Error("a replaced theme has no notice for the speaker")
			}
			// The renderer takes the same decision: errors refuse, the
			// rest show.
			if _, err := New(d, Options{}); (err != nil) != (tt.severity == "error") {
				t.Errorf("New: err = %v", err)
			}
		})
	}
}

func TestResolveThemeFlagAndNoColor(t *testing.T) {
	d := themeDeck(t, t.TempDir(), "light")
	if c := ResolveTheme(d, "dracula", false); c.Name != "dracula" {
		t.Errorf("the flag does not win: %q", c.Name)
	}
	if c := ResolveTheme(d, "dracula", true); c.Name != MonoTheme {
		t.Errorf("NO_COLOR does not win: %q", c.Name)
	}
	if c := ResolveTheme(d, "notty", true); c.Name != "notty" {
		t.Errorf("NO_COLOR replaced notty, which has no colour either: %q", c.Name)
	}
	if c := ResolveTheme(d, MonoTheme, false); c.Name != MonoTheme || len(c.Diagnostics) > 0 {
		t.Errorf("--theme mono: %q, %v", c.Name, c.Diagnostics)
	}
	c := ResolveTheme(d, "/dev/zero", false)
	if err := c.Err(); err == nil || !strings.HasPrefix(err.Error(), "--theme: error: theme: /dev/zero is not a regular file") {
		t.Errorf("--theme /dev/zero: %v", err)
	}
}
