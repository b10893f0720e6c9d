package tui

import (
	"image/color"
	"log/slog"
	"time"

	"charm.land/lipgloss/v2"

	"shovel/internal/render"
)

// Common is the state every view shares: the screen size, the styles of the
// chrome around the slides, the keymap, the clock and the logger. The root
// model owns it and hands a pointer to each child.
type Common struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	// Cells measures text as the renderer does (ambiguous_width included).
	Cells render.Measurer
	// Match is the search marked on the slide (highlight.go); "" for none.
	Match string
	// Now is the clock; tests inject a fixed one.
	Now func() time.Time
	Log *slog.Logger
	// Gen counts changes of Styles and Cells (setStyles, setCells), so
	// that views can cache what they build from them.
	Gen int
}

func (c *Common) setStyles(s Styles) { c.Styles = s; c.Gen++ }

func (c *Common) setCells(m render.Measurer) { c.Cells = m; c.Gen++ }

// Styles are the looks of everything that is not slide content (the
// renderer styles that): footer, banners, overlays, presenter panes.
type Styles struct {
	Footer, FooterDim lipgloss.Style
	BarDone, BarLeft  lipgloss.Style
	Banner            lipgloss.Style
	Flash             lipgloss.Style
	Label             lipgloss.Style
	Dim               lipgloss.Style
	Selected          lipgloss.Style
	Key               lipgloss.Style
	Rule              lipgloss.Style
	OnTime, Behind    lipgloss.Style
	Ahead             lipgloss.Style
}

// NewStyles returns the chrome styles for a resolved theme: "notty" has no
// colour or attributes at all (golden files stay plain text), "mono" has
// attributes but no colour (NO_COLOR), "light" is for light backgrounds,
// anything else (dark, a style file) for dark ones.
func NewStyles(theme string) Styles {
	plain := lipgloss.NewStyle()
	switch theme {
	case "notty":
		return Styles{Footer: plain, FooterDim: plain, BarDone: plain, BarLeft: plain, Banner: plain,
			Flash: plain, Label: plain, Dim: plain, Selected: plain, Key: plain, Rule: plain,
			OnTime: plain, Behind: plain, Ahead: plain}
	case render.MonoTheme:
		dim, bold := plain.Faint(true), plain.Bold(true)
		return Styles{Footer: plain, FooterDim: dim, BarDone: bold, BarLeft: dim, Banner: bold.Reverse(true),
			Flash: bold, Label: bold, Dim: dim, Selected: plain.Reverse(true), Key: bold, Rule: dim,
			OnTime: bold, Behind: bold.Reverse(true), Ahead: bold.Underline(true)}
	}
	pick := func(dark, light string) color.Color {
		if theme == "light" {
			return lipgloss.Color(light)
		}
		return lipgloss.Color(dark)
	}
	fg := func(dark, light string) lipgloss.Style { return plain.Foreground(pick(dark, light)) }
	return Styles{
		Footer:    fg("#A8A8A8", "#4E4E4E"),
		FooterDim: fg("#6C6C6C", "#8A8A8A"),
		BarDone:   fg("#5FAFFF", "#005FD7"),
		BarLeft:   fg("#444444", "#C6C6C6"),
		Banner:    plain.Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#AF0000")).Bold(true),
		Flash:     fg("#FFD75F", "#AF5F00"),
		Label:     fg("#5FAFFF", "#005FD7").Bold(true),
		Dim:       fg("#6C6C6C", "#8A8A8A"),
		Selected:  plain.Reverse(true),
		Key:       fg("#FFD75F", "#AF5F00").Bold(true),
		Rule:      fg("#444444", "#C6C6C6"),
		OnTime:    fg("#5FD75F", "#008700").Bold(true),
		Behind:    fg("#FF5F5F", "#D70000").Bold(true),
		Ahead:     fg("#FFD75F", "#AF5F00").Bold(true),
	}
}
