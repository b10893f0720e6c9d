package lexers

import (
	"embed"
	"io/fs"

	"github.com/alecthomas/chroma/v2"
)

//go:embed embedded
var embedded embed.FS

// GlobalLexerRegistry is the global LexerRegistry of Lexers.
//
// shovel: it reads the embedded XML lexers on first use (of any function
// here or method of the registry but Register), not at init: parsing all of
// them took ~12 ms and 2.3 MB on every start of shovel. The Go lexers
// registered at init are kept until then and registered after the XML ones,
// as before; afterLoad then sets the analysers upstream's init functions set.
var GlobalLexerRegistry = chroma.NewLazyLexerRegistry(embeddedLexers, func(get lexerGetter) {
	for _, f := range afterLoad {
		f(get)
	}
})

// shovel: embeddedLexers reads the embedded XML lexers, what the registry
// registered at init before; now its load on first use.
func embeddedLexers() []chroma.Lexer {
	// index(reg)
	paths, err := fs.Glob(embedded, "embedded/*.xml")
	if err != nil {
		panic(err)
	}
	lexers := make([]chroma.Lexer, 0, len(paths)) // shovel: returned to the registry's load
	for _, path := range paths {
		lexers = append(lexers, chroma.MustNewXMLLexer(embedded, path)) // shovel: registered by the load
	}
	return lexers
}

// shovel: lexerGetter is a registry's Get that does not load it.
type lexerGetter = func(name string) chroma.Lexer

// shovel: afterLoad is what init functions here did with Get: they now
// add it here, and it runs once the registry has loaded.
var afterLoad []func(Get lexerGetter)

// Names of all lexers, optionally including aliases.
func Names(withAliases bool) []string {
	return GlobalLexerRegistry.Names(withAliases)
}

// Get a Lexer by name, alias or file extension.
//
// Note that this if there isn't an exact match on name or alias, this will
// call Match(), so it is not efficient.
func Get(name string) chroma.Lexer {
	return GlobalLexerRegistry.Get(name)
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func MatchMimeType(mimeType string) chroma.Lexer {
	return GlobalLexerRegistry.MatchMimeType(mimeType)
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so it's not
// particularly efficient.
func Match(filename string) chroma.Lexer {
	return GlobalLexerRegistry.Match(filename)
}

// Register a Lexer with the global registry.
func Register(lexer chroma.Lexer) chroma.Lexer {
	return GlobalLexerRegistry.Register(lexer)
}

// Analyse text content and return the "best" lexer..
func Analyse(text string) chroma.Lexer {
	return GlobalLexerRegistry.Analyse(text)
}

// PlaintextRules is used for the fallback lexer as well as the explicit
// plaintext lexer.
func PlaintextRules() chroma.Rules {
	return chroma.Rules{
		"root": []chroma.Rule{
			{`.+`, chroma.Text, nil},
			{`\n`, chroma.Text, nil},
		},
	}
}

// Fallback lexer if no other is found.
var Fallback chroma.Lexer = chroma.MustNewLexer(&chroma.Config{
	Name:      "fallback",
	Filenames: []string{"*"},
	Priority:  -1,
}, PlaintextRules)
