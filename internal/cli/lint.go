package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"shovel/deck"
)

// LintOptions are the inputs of "shovel lint".
type LintOptions struct {
	IO   *IOStreams
	Path string // "" for the built-in deck
	// Strict makes warnings fail the run too.
	Strict bool
}

// NewCmdLint builds "shovel lint". runF replaces runLint in tests.
func NewCmdLint(io *IOStreams, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "lint [FILE|DIR]",
		Short: "Check a deck and print every problem as file:line:col",
		Long: `Parse a deck and print every diagnostic like a compiler:

  talk.md:14:1: error: unterminated code fence opened here

Exit status: 0 when there are no errors, 1 when the deck has errors (or
warnings, with --strict), 2 when the deck cannot be read at all.
Without an argument, lint checks the built-in deck.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runLint(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors")
	return cmd
}

func runLint(opts *LintOptions) error {
	d, err := openDeck(opts.Path)
	if err != nil {
		return err
	}
	for _, diag := range d.Diagnostics {
		fmt.Fprintln(opts.IO.Out, diag)
	}
	errs, warns := d.Diagnostics.Count(deck.Error), d.Diagnostics.Count(deck.Warning)
	fmt.Fprintf(opts.IO.ErrOut, "%s: %s, %s, %s\n", d.Root, plural(len(d.Slides), "slide"),
		plural(errs, "error"), plural(warns, "warning"))
	if errs > 0 || (opts.Strict && warns > 0) {
		return &SilentError{Code: ExitFailure}
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
