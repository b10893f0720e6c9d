package lexers

// shovel: this file is not upstream's. It measures what loading the lexer
// registry costs, which upstream paid at init and shovel now pays on its
// first code block.

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// BenchmarkShovelLoadLexers loads a fresh registry from the embedded XML
// lexers and looks one up: the registry's one-off load.
func BenchmarkShovelLoadLexers(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if chroma.NewLazyLexerRegistry(embeddedLexers, nil).Get("python") == nil {
			b.Fatal("no python lexer")
		}
	}
}

const firstBlock = "import os\n\nclass A(object):\n    def f(self, x=1):\n        \"\"\"doc\"\"\"\n        return [i ** 2 for i in range(x)]  # squares\n"

// BenchmarkShovelFirstBlock is a first code block's lexing in a fresh
// process, as near as a benchmark gets: a fresh registry loaded, a fresh
// lexer's rules read and compiled (upstream also did that on first use),
// the block tokenised. The style's first use adds styles'
// BenchmarkShovelLoadStyle.
func BenchmarkShovelFirstBlock(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		lexer := chroma.NewLazyLexerRegistry(embeddedLexers, nil).Get("python")
		if _, err := chroma.Tokenise(chroma.Coalesce(lexer), nil, firstBlock); err != nil {
			b.Fatal(err)
		}
	}
}
