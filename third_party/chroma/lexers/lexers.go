package lexers

import (
	"embed"
	"io/fs"
	"sort" // shovel: lookUp
	"sync" // shovel: xmlLexers

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
// registered at init before; now its load on first use. The registry's
// get them from xmlLexer, so that its index and its load hand out the
// same lexers.
func embeddedLexers() []chroma.Lexer { return embeddedLexersFrom(xmlLexer) }

// shovel: embeddedLexersFrom is upstream's loop, making each lexer with
// newLexer (benchmarks make fresh ones).
func embeddedLexersFrom(newLexer func(path string) chroma.Lexer) []chroma.Lexer {
	// index(reg)
	paths, err := fs.Glob(embedded, "embedded/*.xml")
	if err != nil {
		panic(err)
	}
	lexers := make([]chroma.Lexer, 0, len(paths)) // shovel: returned to the registry's load
	for _, path := range paths {
		lexers = append(lexers, newLexer(path)) // shovel: registered by the load
	}
	return lexers
}

// shovel: xmlLexers are the global registry's lexers made from embedded
// files so far, by path.
var xmlLexers struct {
	sync.Mutex
	byPath map[string]chroma.Lexer
}

// shovel: xmlLexer is the global registry's lexer for an embedded file,
// made on first ask.
func xmlLexer(path string) chroma.Lexer {
	xmlLexers.Lock()
	defer xmlLexers.Unlock()
	if lexer := xmlLexers.byPath[path]; lexer != nil {
		return lexer
	}
	if xmlLexers.byPath == nil {
		xmlLexers.byPath = map[string]chroma.Lexer{}
	}
	lexer := chroma.MustNewXMLLexer(embedded, path)
	xmlLexers.byPath[path] = lexer
	return lexer
}

// shovel: lookUp is the global registry's index (see
// chroma.LexerRegistry.SetLazyIndex), from shovel_index.go.
func lookUp(byAlias bool, key string) (chroma.Lexer, bool) { return lookUpWith(xmlLexer, byAlias, key) }

// shovel: lookUpWith is lookUp making lexers with newLexer (benchmarks
// make fresh ones).
func lookUpWith(newLexer func(path string) chroma.Lexer, byAlias bool, key string) (chroma.Lexer, bool) {
	index := xmlNameIndex[:]
	if byAlias {
		index = xmlAliasIndex[:]
	}
	i := sort.Search(len(index), func(i int) bool { return index[i].key >= key })
	if i == len(index) || index[i].key != key {
		return nil, true // no embedded lexer has this key
	}
	if index[i].path == "" {
		return nil, false // its lexer's analyser is set after the load: load
	}
	return newLexer(index[i].path), true
}

// shovel: the index is set once every package variable has registered its
// lexer, so that a Register after this turns it off.
func init() { // nolint: gochecknoinits
	GlobalLexerRegistry.SetLazyIndex(lookUp)
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
