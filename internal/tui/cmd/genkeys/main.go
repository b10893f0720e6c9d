// Command genkeys writes docs/keys.md and the README's key section from the
// TUI's keymap. Run it from the repository root after changing a binding:
//
//	go run ./internal/tui/cmd/genkeys
package main

import (
	"fmt"
	"os"

	"shovel/internal/tui"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "genkeys:", err)
		os.Exit(1)
	}
}

func run() error {
	km := tui.DefaultKeyMap()
	if err := os.WriteFile("docs/keys.md", []byte(tui.KeysDoc(km)), 0o644); err != nil {
		return err
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return err
	}
	out, err := tui.ReplaceKeysSection(string(readme), km)
	if err != nil {
		return err
	}
	return os.WriteFile("README.md", []byte(out), 0o644)
}
