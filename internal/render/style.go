package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"
	xansi "github.com/charmbracelet/x/ansi"
)

// theme is a glamour style configuration and the SGR sequences derived
// from it. Colours and decorations all come from glamour's StyleConfig, so
// glamour's built-in styles and glamour style JSON files both work.
type theme struct {
	cfg StyleConfig
	// plain themes (notty, ascii) never emit escape sequences: export
	// writes their output to files.
	plain bool
	// ruledHeadings draws a rule under headings, which a plain theme
	// cannot set off by bold or colour.
	ruledHeadings bool
	// base is the style of body text.
	base StylePrimitive

	sgrCache sync.Map // StylePrimitive → string
}

// NoColor reports whether the user asked for no colour through the
// NO_COLOR environment variable (https://no-color.org: set and not empty).
// The CLI passes os.Getenv to ResolveTheme, which then picks the "mono"
// theme whatever the deck or flags say.
func NoColor(getenv func(string) string) bool { return getenv("NO_COLOR") != "" }

// loadTheme makes the theme named by a ThemeChoice: a built-in glamour
// style, or a glamour style JSON file that ResolveTheme has checked (it is
// read again through the same checks: it may have changed since).
func loadTheme(name string) (*theme, error) {
	switch name {
	case "", "auto":
		name = darkStyle
	}
	switch name {
	case nottyStyle:
		th := newTheme(plainStyle(), true)
		th.ruledHeadings = true
		return th, nil
	case MonoTheme:
		return newTheme(monoStyle(), false), nil
	}
	if cfg, ok := builtinStyle(name); ok {
		return newTheme(cfg, name == asciiStyle), nil
	}
	data, err := readThemeFile(name)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	var cfg StyleConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("theme %s: not a glamour style file: %w", name, err)
	}
	// A style file is whoever wrote it's; the built-in styles hold no
	// control characters (TestBuiltinStylesNeedNoDefusing), and walking
	// one by reflection was 44 % of tui.New for a five-slide deck.
	defuse(&cfg)
	return newTheme(cfg, false), nil
}

func newTheme(cfg StyleConfig, plain bool) *theme {
	t := &theme{cfg: cfg, plain: plain}
	t.base = colours(merge(merge(colours(cfg.Document.StylePrimitive), cfg.Paragraph.StylePrimitive), cfg.Text))
	return t
}

// merge cascades child over parent the way glamour does: set attributes of
// child win; prefixes and suffixes are the child's own.
func merge(parent, child StylePrimitive) StylePrimitive {
	s := parent
	s.BlockPrefix, s.BlockSuffix, s.Prefix, s.Suffix, s.Format = child.BlockPrefix, child.BlockSuffix, child.Prefix, child.Suffix, child.Format
	set := func(dst **bool, v *bool) {
		if v != nil {
			*dst = v
		}
	}
	if child.Color != nil {
		s.Color = child.Color
	}
	if child.BackgroundColor != nil {
		s.BackgroundColor = child.BackgroundColor
	}
	set(&s.Underline, child.Underline)
	set(&s.Bold, child.Bold)
	set(&s.Upper, child.Upper)
	set(&s.Lower, child.Lower)
	set(&s.Title, child.Title)
	set(&s.Italic, child.Italic)
	set(&s.CrossedOut, child.CrossedOut)
	set(&s.Faint, child.Faint)
	set(&s.Conceal, child.Conceal)
	set(&s.Inverse, child.Inverse)
	set(&s.Blink, child.Blink)
	return s
}

// colours keeps only the attributes of p that style text, so that a block's
// prefixes do not leak into the elements inside it.
func colours(p StylePrimitive) StylePrimitive {
	p.BlockPrefix, p.BlockSuffix, p.Prefix, p.Suffix, p.Format = "", "", "", "", ""
	return p
}

// sgr returns the escape sequence that switches on style p, or "" when p
// sets nothing or the theme is plain.
func (t *theme) sgr(p StylePrimitive) string {
	if t.plain {
		return ""
	}
	p = colours(p)
	if v, ok := t.sgrCache.Load(p); ok {
		return v.(string)
	}
	var st xansi.Style
	on := func(b *bool) bool { return b != nil && *b }
	if c := colour(p.Color); c != nil {
		st = st.ForegroundColor(c)
	}
	if c := colour(p.BackgroundColor); c != nil {
		st = st.BackgroundColor(c)
	}
	if on(p.Bold) {
		st = st.Bold()
	}
	if on(p.Faint) {
		st = st.Faint()
	}
	if on(p.Italic) {
		st = st.Italic(true)
	}
	if on(p.Underline) {
		st = st.Underline(true)
	}
	if on(p.CrossedOut) {
		st = st.Strikethrough(true)
	}
	if on(p.Inverse) {
		st = st.Reverse(true)
	}
	if on(p.Blink) {
		st = st.Blink(true)
	}
	s := ""
	if len(st) > 0 {
		s = st.String()
	}
	t.sgrCache.Store(p, s)
	return s
}

func colour(s *string) xansi.Color {
	if s == nil || *s == "" {
		return nil
	}
	c := lipgloss.Color(*s)
	if _, none := c.(lipgloss.NoColor); none {
		return nil
	}
	return c
}

// transform applies a style's letter case to s.
func transform(p StylePrimitive, s string) string {
	switch {
	case p.Upper != nil && *p.Upper:
		return strings.ToUpper(s)
	case p.Lower != nil && *p.Lower:
		return strings.ToLower(s)
	}
	return s
}
