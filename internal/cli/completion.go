package cli

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"shovel/internal/render"
)

// deckExts are the extensions of the Markdown files a directory deck reads.
var deckExts = []string{"md", "markdown"}

// shells are the shells cobra writes completion scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

// NewCmdCompletion builds "shovel completion SHELL". It replaces cobra's
// default command, which prints its help and exits 0 for a shell it does
// not know.
func NewCmdCompletion(io *IOStreams) *cobra.Command {
	var noDesc bool
	cmd := &cobra.Command{
		Use:   "completion SHELL",
		Short: "Print the completion script for bash, zsh, fish or powershell",
		Long: `Print a script that completes shovel's commands, flags and values in
SHELL: deck arguments complete to Markdown files and directories, and
--format, --steps and --theme to the values they take.

  bash        source <(shovel completion bash)             # in ~/.bashrc (needs the bash-completion package)
  zsh         shovel completion zsh > "${fpath[1]}/_shovel"  # then start a new shell
  fish        shovel completion fish > ~/.config/fish/completions/shovel.fish
  powershell  shovel completion powershell | Out-String | Invoke-Expression`,
		ValidArgs:             shells,
		DisableFlagsInUseLine: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || !slices.Contains(shells, args[0]) {
				got := "none"
				if len(args) > 0 {
					got = fmt.Sprintf("%q", strings.Join(args, " "))
				}
				return FlagErrorf("completion: want one shell of %s; got %s", strings.Join(shells, ", "), got)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(io.Out, !noDesc)
			case "zsh":
				if noDesc {
					return root.GenZshCompletionNoDesc(io.Out)
				}
				return root.GenZshCompletion(io.Out)
			case "fish":
				return root.GenFishCompletion(io.Out, !noDesc)
			default:
				if noDesc {
					return root.GenPowerShellCompletion(io.Out)
				}
				return root.GenPowerShellCompletionWithDesc(io.Out)
			}
		},
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, "complete without descriptions")
	return cmd
}

// completeDeck completes a deck argument: Markdown files and directories.
func completeDeck(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return deckExts, cobra.ShellCompDirectiveFilterFileExt
}

// completeDecks gives every command under cmd whose argument is a deck
// ("present [FILE|DIR]") and that completes nothing itself the deck
// completion, so that a new command gets it without remembering to.
func completeDecks(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		if sub.ValidArgsFunction == nil && len(sub.ValidArgs) == 0 && strings.Contains(sub.Use, "FILE|DIR") {
			sub.ValidArgsFunction = completeDeck
		}
		completeDecks(sub)
	}
}

// completeRootArg completes "shovel ARG", which is a command or a deck.
// cobra has already offered the commands that match; a shell told to
// filter files by extension would drop them, so when any match, the
// decks are listed here instead.
func completeRootArg(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
			return listFiles(toComplete, deckExts), cobra.ShellCompDirectiveNoFileComp
		}
	}
	return completeDeck(cmd, args, toComplete)
}

// completeTheme completes --theme: glamour's built-in styles, auto and
// mono, or a style JSON file.
func completeTheme(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	names := append(render.BuiltinStyles(), "auto", render.MonoTheme)
	slices.Sort(names)
	var out []cobra.Completion
	for _, n := range names {
		if strings.HasPrefix(n, toComplete) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return []string{"json"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return append(out, listFiles(toComplete, []string{"json"})...), cobra.ShellCompDirectiveNoFileComp
}

// listFiles lists the directories (ending in /) and the files with one of
// exts that start with toComplete, for completions that mix files with
// other values. The shell adds a space after a directory too: the other
// values would get none otherwise.
func listFiles(toComplete string, exts []string) []cobra.Completion {
	dir, prefix := filepath.Split(toComplete)
	entries, err := os.ReadDir(cmp.Or(dir, "."))
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".")) {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(cmp.Or(dir, "."), name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			out = append(out, dir+name+"/")
		case slices.Contains(exts, strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))):
			out = append(out, dir+name)
		}
	}
	return out
}

// fixedCompletions completes a flag to the given values ("value\tdescription").
func fixedCompletions(values ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
}
