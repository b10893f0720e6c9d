package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdRoot builds the shovel command and its subcommands.
func NewCmdRoot(io *IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "shovel",
		Short: "Present Markdown slides in the terminal",
		Long: `shovel presents a talk written in Markdown from a terminal, with
speaker notes, a presenter view, rehearsal timing and text export.

Run without arguments to present the built-in deck.`,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			// Bare shovel presents the built-in deck.
			return runPresent(&PresentOptions{IO: io})
		},
	}
	cmd.SetIn(io.In)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &FlagError{Err: err} })
	cmd.AddCommand(
		NewCmdLint(io, nil),
		NewCmdPresent(io, nil),
		NewCmdExport(io, nil),
		NewCmdVersion(io),
	)
	return cmd
}
