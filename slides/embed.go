// Package slides holds the built-in deck's files, embedded in the binary.
// It is data only: the CLI opens the deck (internal/cli.openBuiltin).
package slides

import (
	"embed"
	"io/fs"
)

//go:embed *.md
var files embed.FS

// FS returns the built-in deck's files.
func FS() fs.FS { return files }
