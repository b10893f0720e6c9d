// Command shovel presents Markdown slides in the terminal.
package main

import (
	"os"

	"shovel/internal/cli"
)

func main() { os.Exit(cli.Main()) }
