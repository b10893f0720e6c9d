package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdRoot builds the shovel command and its subcommands.
func NewCmdRoot(io *IOStreams) *cobra.Command {
	return newCmdRoot(io, nil)
}

// newCmdRoot is NewCmdRoot with runF replacing runPresent for "shovel
// FILE", as in the subcommands' tests.
func newCmdRoot(io *IOStreams, runF func(*PresentOptions) error) *cobra.Command {
	opts := &PresentOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "shovel [FILE|DIR|-]",
		Short: "Present Markdown slides in the terminal",
		Long: `shovel presents a talk written in Markdown from a terminal, with
speaker notes, a presenter view, rehearsal timing and text export.

"shovel talk.md" is "shovel present talk.md"; without an argument, shovel
presents the built-in deck. A command name wins over a file of the same
name: write ./lint to present a file called lint.`,
		Args:          cobra.MaximumNArgs(1),
		Version:       versionLine(),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if err := checkDeckArg(cmd, args[0]); err != nil {
					return err
				}
				opts.Path = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPresent(opts)
		},
		ValidArgsFunction: completeRootArg,
		PersistentPreRunE: checkFlagRules,
		// cobra sets this only where it suggests by itself, which a root
		// that takes an argument never does; checkDeckArg asks instead.
		SuggestionsMinimumDistance: 2,
	}
	addPresentFlags(cmd, opts)
	// Declared here for its help text; cobra still handles it.
	cmd.Flags().BoolP("version", "v", false, "print shovel's version")
	cmd.SetVersionTemplate("{{.Version}}\n")
	cmd.SetIn(io.In)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &FlagError{Err: err} })
	cmd.CompletionOptions.DisableDefaultCmd = true // NewCmdCompletion replaces it
	cmd.AddCommand(
		NewCmdLint(io, nil),
		NewCmdPresent(io, nil),
		NewCmdFollow(io, nil),
		NewCmdRehearse(io, nil),
		NewCmdReport(io, nil),
		NewCmdExport(io, nil),
		NewCmdVersion(io),
		NewCmdCompletion(io),
		NewCmdMan(io),
		NewCmdConfig(io),
		NewCmdThemes(io),
	)
	typedArgErrors(cmd)
	completeDecks(cmd)
	return cmd
}
