package render

// MonoTheme is the theme for a terminal without colour (NO_COLOR): bold,
// italic, underline, reverse and dim only.
const MonoTheme = "mono"

// The built-in glamour styles shovel's own code names.
const (
	asciiStyle      = "ascii"
	darkStyle       = "dark"
	lightStyle      = "light"
	nottyStyle      = "notty"
	tokyoNightStyle = "tokyo-night"
)

// The two styles below are shovel's own, not glamour's: glamour's notty
// style shows Markdown's markers (# heading, **bold**, `code`), which read
// as source, not as a slide or a handout.

// plainStyle is "notty": text only, no escape sequences, no Markdown
// markers. Headings are set off by a rule under them (theme.headingRule);
// tables are box-drawn like every other theme's.
func plainStyle() StyleConfig {
	c, _ := builtinStyle(nottyStyle)
	for _, h := range []*StyleBlock{&c.H1, &c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Prefix, h.Suffix = "", ""
	}
	c.Emph.BlockPrefix, c.Emph.BlockSuffix = "", ""
	c.Strong.BlockPrefix, c.Strong.BlockSuffix = "", ""
	c.Strikethrough.BlockPrefix, c.Strikethrough.BlockSuffix = "", ""
	c.Code.BlockPrefix, c.Code.BlockSuffix = "", ""
	c.ImageText.Format = "[image: {{.text}}]"
	c.Table.ColumnSeparator, c.Table.RowSeparator, c.Table.CenterSeparator = nil, nil, nil
	return c
}

// monoStyle is "mono": plainStyle's layout with SGR attributes that every
// monochrome terminal has, and never a colour. The title is reversed, other
// headings bold (and underlined at level 2), code spans reversed, links
// underlined and their addresses dim.
func monoStyle() StyleConfig {
	c := plainStyle()
	on := ptr(true)
	c.H1.StylePrimitive = StylePrimitive{Prefix: " ", Suffix: " ", Bold: on, Inverse: on}
	c.H2.StylePrimitive = StylePrimitive{Bold: on, Underline: on}
	for _, h := range []*StyleBlock{&c.H3, &c.H4, &c.H5, &c.H6} {
		h.StylePrimitive = StylePrimitive{Bold: on}
	}
	c.Emph.Italic = on
	c.Strong.Bold = on
	c.Strikethrough.CrossedOut = on
	c.Code.StylePrimitive = StylePrimitive{Prefix: " ", Suffix: " ", Inverse: on}
	c.LinkText.Underline = on
	c.Link.Faint = on
	c.ImageText.Faint = on
	c.BlockQuote.IndentToken = ptr("│ ")
	c.BlockQuote.Faint = on
	c.HorizontalRule.Faint = on
	c.Enumeration.Bold = on
	return c
}

func ptr[T any](v T) *T { return &v }
