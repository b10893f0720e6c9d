package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"shovel/deck"
)

// ThemeChoice is the theme a deck is shown in. ResolveTheme makes it, and
// lint, present and the renderer all use it, so they cannot disagree.
type ThemeChoice struct {
	// Name is a built-in glamour style ("dark", "light", "notty", ...),
	// "auto" (dark or light to match the terminal), or the path of a
	// glamour style JSON file that has been checked.
	Name string
	// Diagnostics are warnings when the theme asked for was replaced and
	// errors when a theme file must not be read; they point at the front
	// matter line, or at "--theme" when the flag asked.
	Diagnostics deck.Diagnostics
	// Notice is a one-line message for the speaker when the theme asked
	// for was replaced; "" otherwise.
	Notice string
}

// maxThemeFile is the largest theme file shovel reads; glamour's own
// styles are under 10 KB.
const maxThemeFile = 1 << 20

// presentermTheme maps presenterm's built-in themes onto the nearest
// built-in style ("" for other names). (Switches, not map literals: a
// package-level map is built at every start-up.)
func presentermTheme(name string) string {
	switch name {
	case "catppuccin-latte", "tokyonight-day", "terminal-light", "rose-pine-dawn", "solarized-light":
		return lightStyle
	case "catppuccin-frappe", "catppuccin-macchiato", "catppuccin-mocha", "gruvbox-dark", "terminal-dark",
		"rose-pine", "rose-pine-moon", "solarized-dark":
		return darkStyle
	case "tokyonight-storm", "tokyonight-moon", "tokyonight-night":
		return tokyoNightStyle
	}
	return ""
}

// otherThemeTool names the tool whose built-in theme name shovel cannot
// show ("" for other names).
func otherThemeTool(name string) string {
	switch name {
	case "default", "gaia", "uncover":
		return deck.ToolMarp
	}
	return ""
}

// ResolveTheme decides the theme: NO_COLOR (noColor) wins with the
// monochrome theme (unless the flag asks for notty, which has no
// attributes either), then the --theme flag, then the deck's front matter, then auto. A name shovel
// does not know (another tool's, a URL) falls back to auto with a warning,
// never an error, and nothing is ever fetched. A path must name a regular
// file of at most 1 MiB holding a glamour style; anything else is an error.
func ResolveTheme(d *deck.Deck, flag string, noColor bool) ThemeChoice {
	if noColor {
		if strings.TrimSpace(flag) == nottyStyle {
			return ThemeChoice{Name: nottyStyle}
		}
		return ThemeChoice{Name: MonoTheme}
	}
	name, at, dir := flag, deck.Pos{File: "--theme"}, ""
	if name == "" && d != nil {
		name, at = d.Meta.Theme, d.ThemePos
		if len(d.Files) > 0 {
			dir = filepath.Dir(d.Files[0])
		}
	}
	name = strings.TrimSpace(name)
	var c ThemeChoice
	fallback := func(format string, args ...any) ThemeChoice {
		msg := fmt.Sprintf(format, args...)
		c.Name, c.Notice = "auto", msg
		c.Diagnostics = deck.Diagnostics{{Pos: at, Severity: deck.Warning, Message: msg}}
		return c
	}
	switch {
	case name == "" || name == "auto":
		return ThemeChoice{Name: "auto"}
	case isBuiltinStyle(name) || name == MonoTheme:
		return ThemeChoice{Name: name}
	case presentermTheme(name) != "":
		c = fallback("theme %q is presenterm's; shown in the nearest built-in style, %q", name, presentermTheme(name))
		c.Name = presentermTheme(name)
		return c
	case strings.Contains(name, "://"):
		return fallback("theme %q is a URL; shovel never fetches anything, so the default theme is used", name)
	case !strings.ContainsAny(name, `/\.`):
		if tool := otherThemeTool(name); tool != "" {
			return fallback("theme %q is %s's; the default theme is used (shovel has %s)", name, tool, builtinNames())
		}
		return fallback("unknown theme %q; the default theme is used (shovel has %s, or a glamour style JSON file)", name, builtinNames())
	}
	path := name
	if !filepath.IsAbs(path) && dir != "" && flag == "" {
		path = filepath.Join(dir, path) // front matter names files relative to the deck
	}
	data, err := readThemeFile(path)
	if err != nil {
		c.Diagnostics = deck.Diagnostics{{Pos: at, Severity: deck.Error, Message: "theme: " + err.Error()}}
		return c
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" {
		return fallback("theme file %s is presenterm's; shovel reads glamour style JSON files, so the default theme is used", name)
	}
	var cfg StyleConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		c.Diagnostics = deck.Diagnostics{{Pos: at, Severity: deck.Error,
			Message: fmt.Sprintf("theme %s: not a glamour style file: %v", name, err)}}
		return c
	}
	return ThemeChoice{Name: path}
}

func builtinNames() string {
	return strings.Join(append(BuiltinStyles(), MonoTheme, "auto"), ", ")
}

// BuiltinStyles are the names of glamour's built-in styles, sorted; shovel
// has them without glamour (see stylecfg.go).
func BuiltinStyles() []string { return slices.Clone(builtinStyleNames[:]) }

func isBuiltinStyle(name string) bool { return slices.Contains(builtinStyleNames[:], name) }

// Err is the first error of the choice, or nil.
func (c ThemeChoice) Err() error {
	for _, d := range c.Diagnostics {
		if d.Severity == deck.Error {
			return d
		}
	}
	return nil
}

// readThemeFile reads a theme file that must be a regular file of at most
// maxThemeFile bytes. It checks before opening (so a FIFO or a device is
// never opened), opens without blocking, and checks the open file again
// (it may have been replaced in between), then reads through the cap.
func readThemeFile(path string) ([]byte, error) {
	check := func(fi os.FileInfo) error {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		if fi.Size() > maxThemeFile {
			return fmt.Errorf("%s is %d bytes; a theme file may be at most 1 MiB", path, fi.Size())
		}
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, cleanPathErr(err, path)
	}
	if err := check(fi); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, cleanPathErr(err, path)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, cleanPathErr(err, path)
	}
	if err := check(fi); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxThemeFile+1))
	if err != nil {
		return nil, cleanPathErr(err, path)
	}
	if len(data) > maxThemeFile {
		return nil, fmt.Errorf("%s is larger than 1 MiB; a theme file may be at most 1 MiB", path)
	}
	return data, nil
}

func cleanPathErr(err error, path string) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", path, pe.Err)
	}
	return err
}
