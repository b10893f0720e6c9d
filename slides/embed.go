// Package slides holds the built-in deck, embedded in the binary.
package slides

import (
	"embed"
	"io/fs"

	"shovel/deck"
)

//go:embed *.md
var files embed.FS

// FS returns the built-in deck's files.
func FS() fs.FS { return files }

// Open parses the built-in deck. Diagnostics name files as slides/NAME.md.
func Open() (*deck.Deck, error) {
	return deck.OpenFS(files, ".", "slides")
}
