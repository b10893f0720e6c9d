package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/render"
)

// themeSample is the one line each theme is previewed with: emphasis,
// code, a link and Chinese, the things themes differ in.
const themeSample = "**粗体 bold** *italic* `code` [link](https://example.com) 中文"

// NewCmdThemes builds "shovel themes".
func NewCmdThemes(io *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "themes",
		Short: "List the themes, each with a one-line preview",
		Long: `List the themes --theme, the deck's theme: and the config file's theme:
take, each with a one-line preview in its style (plain text when standard
output is not a terminal or NO_COLOR is set). auto picks dark or light from
the terminal's background; a glamour style JSON file works too.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runThemes(io, os.Getenv)
		},
	}
}

// themeNames are the built-in glamour styles and shovel's mono, sorted.
func themeNames() []string {
	names := append(render.BuiltinStyles(), render.MonoTheme)
	slices.Sort(names)
	return slices.Compact(names)
}

func runThemes(io *IOStreams, getenv func(string) string) error {
	d, err := deck.Parse("themes", []byte("# themes\n\n"+themeSample+"\n"))
	if err != nil {
		return err
	}
	styled := io.IsTerminal != nil && io.IsTerminal() && !render.NoColor(getenv)
	names := themeNames()
	w := 0
	for _, n := range names {
		w = max(w, len(n))
	}
	for _, name := range names {
		line, err := themePreview(d, name)
		if err != nil {
			return fmt.Errorf("theme %s: %w", name, err)
		}
		if styled {
			line += ansi.ResetStyle // the next name starts unstyled
		} else {
			line = ansi.Strip(line)
		}
		fmt.Fprintf(io.Out, "%-*s  %s\n", w, name, line)
	}
	return nil
}

// themePreview is the sample line as the theme renders it, margins cut.
func themePreview(d *deck.Deck, name string) (string, error) {
	r, err := render.New(d, render.Options{Theme: name, NoCache: true})
	if err != nil {
		return "", err
	}
	p, err := r.Slide(0, 0, 100)
	if err != nil {
		return "", err
	}
	for _, l := range p.Lines {
		if plain := ansi.Strip(l); strings.Contains(plain, "italic") {
			lead := len(plain) - len(strings.TrimLeft(plain, " "))
			return ansi.Cut(l, lead, ansi.StringWidth(strings.TrimRight(plain, " "))), nil
		}
	}
	return "", fmt.Errorf("the sample line is missing")
}
