package lexers

import (
	"github.com/alecthomas/chroma/v2"
)

// HTML lexer.
var HTML = chroma.MustNewLazyXMLLexer(embedded, "embedded/html.xml") // shovel: Lazy: the file is read on first use, not at init
