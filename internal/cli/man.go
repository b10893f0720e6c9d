package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"shovel/internal/atomicfile"
)

// NewCmdMan builds "shovel man DIR".
func NewCmdMan(streams *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write man pages for shovel and its commands into DIR",
		Long: `Write a man page for shovel and one for each command (shovel-export.1
and so on) into DIR, made from the same text as --help. DIR is created if
needed; pages already there are replaced.

  shovel man ~/.local/share/man/man1 && man shovel`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := writeManPages(cmd.Root(), args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(streams.ErrOut, "%s: wrote %s\n", args[0], plural(n, "man page"))
			return nil
		},
	}
}

// writeManPages writes a section 1 page for root and each command under
// it that a user can run, each file atomically; it returns how many.
func writeManPages(root *cobra.Command, dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	source := "shovel " + buildVersion()
	n := 0
	var walk func(*cobra.Command) error
	walk = func(c *cobra.Command) error {
		if c != root && (!c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) {
			return nil
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		if err := atomicfile.Write(filepath.Join(dir, name), func(w io.Writer) error { return manPage(w, c, source) }); err != nil {
			return err
		}
		n++
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	return n, walk(root)
}
