package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// complete runs cobra's hidden completion command, as the shell scripts
// do, and returns the candidates (without descriptions) and the directive.
func complete(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	io, _, out, errOut := testStreams()
	if code := Run(append([]string{cobra.ShellCompRequestCmd}, args...), io); code != ExitOK {
		t.Fatalf("__complete %q: exit %d: %s", args, code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	var got []string
	for _, l := range lines[:len(lines)-1] {
		got = append(got, strings.SplitN(l, "\t", 2)[0])
	}
	return got, lines[len(lines)-1]
}

func TestCompletion(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"talk.md", "notes.txt", "style.json", ".hidden.md"} {
		writeFile(t, dir, f, "# x\n")
	}
	if err := os.Mkdir(filepath.Join(dir, "talk"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "talk"), "01.md", "# x\n")

	noFiles := ":4"   // ShellCompDirectiveNoFileComp
	filterExt := ":8" // ShellCompDirectiveFilterFileExt: the shell lists directories and files with the extensions given
	tests := []struct {
		args      []string
		want      []string
		directive string
	}{
		// The root takes a command or a deck: both are offered.
		{[]string{""}, []string{"completion", "config", "export", "follow", "help", "lint", "man", "present", "rehearse", "report", "themes", "version", "talk/", "talk.md"}, noFiles},
		{[]string{"ta"}, []string{"md", "markdown"}, filterExt}, // no command starts with ta: the shell lists the decks
		{[]string{"talk/"}, []string{"md", "markdown"}, filterExt},
		{[]string{"l"}, []string{"lint"}, noFiles},
		{[]string{"present", ""}, []string{"md", "markdown"}, filterExt},
		{[]string{"export", ""}, []string{"md", "markdown"}, filterExt},
		{[]string{"lint", ""}, []string{"md", "markdown"}, filterExt},
		{[]string{"export", "talk.md", ""}, []string{}, noFiles},
		{[]string{"export", "--format", ""}, []string{"text", "markdown"}, noFiles},
		{[]string{"export", "--steps", ""}, []string{"final", "all"}, noFiles},
		{[]string{"present", "--theme", ""}, []string{"ascii", "auto", "dark", "dracula", "light", "mono", "notty", "pink", "tokyo-night", "style.json", "talk/"}, noFiles},
		{[]string{"--theme", "d"}, []string{"dark", "dracula"}, noFiles},
		{[]string{"--theme", "st"}, []string{"json"}, filterExt},
		{[]string{"present", "--start", ""}, []string{}, noFiles},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish", "powershell"}, noFiles},
	}
	for _, tt := range tests {
		got, directive := complete(t, tt.args...)
		if !slices.Equal(nonNil(got), tt.want) || directive != tt.directive {
			t.Errorf("shovel %q<TAB> = %q %s; want %q %s", tt.args, got, directive, tt.want, tt.directive)
		}
	}
}

// Every command whose argument is a deck completes Markdown files, new
// ones too.
func TestEveryDeckArgumentCompletes(t *testing.T) {
	io, _, _, _ := testStreams()
	n := 0
	for _, c := range NewCmdRoot(io).Commands() {
		if !strings.Contains(c.Use, "FILE|DIR") {
			continue
		}
		n++
		if got, directive := complete(t, c.Name(), ""); !slices.Equal(got, deckExts) || directive != ":8" {
			t.Errorf("shovel %s <TAB> = %q %s; want the deck completion", c.Name(), got, directive)
		}
	}
	if n < 3 {
		t.Errorf("only %d commands take a deck", n)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Each shell gets a script naming shovel; an unknown shell is a usage error.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range shells {
		io, _, out, errOut := testStreams()
		if code := Run([]string{"completion", shell}, io); code != ExitOK || !strings.Contains(out.String(), "shovel") || out.Len() < 1000 {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, code, out.Len(), errOut)
		}
	}
	io, _, out, errOut := testStreams()
	if code := Run([]string{"completion", "tcsh"}, io); code != ExitUsage || out.Len() != 0 ||
		!strings.Contains(errOut.String(), `want one shell of bash, zsh, fish, powershell; got "tcsh"`) {
		t.Errorf("completion tcsh: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
