package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/atomicfile"
	"shovel/internal/config"
	"shovel/internal/render"
	"shovel/internal/termsafe"
	"shovel/internal/tui"
)

// ConfigOptions are the inputs of "shovel config path|init".
type ConfigOptions struct {
	IO *IOStreams
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
}

// NewCmdConfig builds "shovel config" with its path and init commands.
func NewCmdConfig(io *IOStreams) *cobra.Command {
	return newCmdConfig(&ConfigOptions{IO: io})
}

func newCmdConfig(opts *ConfigOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show where the settings file is, or write a commented one",
		Long: `shovel reads its settings from $XDG_CONFIG_HOME/shovel/config.yaml
(~/.config/shovel/config.yaml when XDG_CONFIG_HOME is not set): the
default theme, ambiguous width, presenter view on start, when the timer
starts, and key bindings. Flags win over the file. A mistake in it is
reported with the file and line, and that setting keeps its default.`,
		// Without a RunE cobra answers any argument, a mistyped
		// subcommand included, with this help and exit 0.
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return FlagErrorf("unknown command %q for \"shovel config\" (path or init)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print where the settings file is read from",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			p, err := configPath(opts.Getenv)
			if err != nil {
				return &InputError{Err: err}
			}
			fmt.Fprintln(opts.IO.Out, p)
			return nil
		},
	}, &cobra.Command{
		Use:   "init",
		Short: "Write a commented settings file with the defaults (never overwrites)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runConfigInit(opts)
		},
	})
	return cmd
}

func configPath(getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	return config.Path(getenv)
}

func runConfigInit(opts *ConfigOptions) error {
	p, err := configPath(opts.Getenv)
	if err != nil {
		return &InputError{Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	err = atomicfile.WriteWith(p, atomicfile.Options{NoReplace: true}, func(w io.Writer) error {
		_, err := io.WriteString(w, DefaultConfig())
		return err
	})
	if errors.Is(err, fs.ErrExist) {
		return &InputError{Err: fmt.Errorf("%s already exists; not overwritten (edit it, or remove it first)", p)}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, "wrote", p)
	return nil
}

// DefaultConfig is the commented file "shovel config init" writes, every
// setting at its default and commented out; docs/config.md shows it.
func DefaultConfig() string {
	var b strings.Builder
	b.WriteString(`# shovel's settings (docs/config.md). Every setting is optional and shown
# here, commented out, at its default. Command-line flags win over this file.

# Theme when neither --theme nor the deck's front matter names one: dark,
# light, auto, mono, notty, another glamour style (shovel themes lists
# them) or a glamour style JSON file.
# theme: auto

# Cells that East Asian ambiguous characters (“ ” ① ★) take on your
# terminal when the deck does not say: 1 or 2.
# ambiguous_width: 1

# Start in the presenter view, as --presenter does.
# presenter: false

# When the talk timer starts: first-move (the first key that moves) or
# immediately (as soon as the deck is on screen).
# timer: first-move

# Keys per action: a key or a list of keys replaces that action's keys.
# keys:
`)
	km := tui.DefaultKeyMap()
	for _, a := range km.Actions() {
		fmt.Fprintf(&b, "#   %s: [%s]  # %s\n", a.Name, strings.Join(quoteKeys(a.Binding.Keys()), ", "), a.Desc)
	}
	return b.String()
}

// quoteKeys quotes the keys YAML would misread ("?", "/", digits).
func quoteKeys(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if strings.ContainsAny(k, "?/:#[]{},&*!|>'\"%@`-") || strings.Trim(k, "0123456789") == "" {
			k = `"` + k + `"`
		}
		out[i] = k
	}
	return out
}

// userConfig is the settings file read for present: its values, and each
// problem reported on errOut (the program still starts, with defaults for
// what is broken). errOut is a problemWriter in present, so that the first
// problem also shows in the footer.
func userConfig(getenv func(string) string, errOut io.Writer) (config.Config, string) {
	p, err := configPath(getenv)
	if err != nil {
		return config.Config{}, "" // no home: nothing to read
	}
	c, probs, err := config.Load(p)
	if err != nil {
		fmt.Fprintln(errOut, termsafe.Line("config: "+err.Error()+"; using the defaults"))
		return config.Config{}, p
	}
	for _, pr := range probs {
		fmt.Fprintln(errOut, termsafe.Line(pr.String()))
	}
	return c, p
}

// configTheme is the config file's theme, the speaker's default (below
// --theme and the deck's own); a bad one is reported with the file and
// line, and fallback is kept.
func configTheme(d *deck.Deck, c config.Config, file string, getenv func(string) string, errOut io.Writer, fallback render.ThemeChoice) render.ThemeChoice {
	t := presentTheme(d, c.Theme, getenv)
	msg := t.Notice
	if err := t.Err(); err != nil {
		msg = err.Error()
	}
	if msg == "" {
		return t
	}
	fmt.Fprintln(errOut, termsafe.Line(config.Problem{File: file, Line: c.ThemeLine, Msg: "theme: " + msg}.String()))
	return fallback
}

// keyMap applies the file's key bindings to the default keymap; a binding
// naming no action is reported and skipped.
func keyMap(c config.Config, file string, errOut io.Writer) tui.KeyMap {
	km := tui.DefaultKeyMap()
	actions := map[string]tui.Action{}
	var names []string
	for _, a := range km.Actions() {
		actions[a.Name] = a
		names = append(names, a.Name)
	}
	for _, b := range c.Keys {
		a, ok := actions[b.Action]
		if !ok {
			fmt.Fprintln(errOut, termsafe.Line(config.Problem{File: file, Line: b.Line,
				Msg: fmt.Sprintf("keys: unknown action %q (known: %s)", b.Action, strings.Join(names, ", "))}.String()))
			continue
		}
		a.Binding.SetKeys(b.Keys...)
	}
	km.SetHelp()
	return km
}

// problemWriter passes lines on to w and keeps the first and a count, for
// a footer notice: printed problems scroll away under the full screen.
type problemWriter struct {
	w     io.Writer
	first string
	n     int
}

func (p *problemWriter) Write(b []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if p.n == 0 {
			p.first = l
			if i := strings.Index(l, ".yaml:"); i >= 0 { // the file's base name fits a footer
				p.first = filepath.Base(l[:i+5]) + l[i+5:]
			}
		}
		p.n++
	}
	return p.w.Write(b)
}

// notice is "config.yaml:4: timer: … (+2 more)", or "" with no problem.
func (p *problemWriter) notice() string {
	switch p.n {
	case 0:
		return ""
	case 1:
		return p.first
	}
	return fmt.Sprintf("%s (+%d more)", p.first, p.n-1)
}
