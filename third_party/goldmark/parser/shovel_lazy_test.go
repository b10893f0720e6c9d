package parser

// shovel: this file is shovel's own (see PATCHES.md). The fork compiles the
// raw-HTML and HTML-block regexps on first use instead of at package init;
// the test pins each to the expression upstream v1.8.7 compiled eagerly,
// and the benchmark measures what each used to cost every start.

import (
	"maps"
	"regexp"
	"testing"
)

// eagerRegexps are upstream's package-level regexps, their expressions
// copied from v1.8.7 (raw_html.go, html_block.go), with the fork's lazy
// replacements.
var eagerRegexps = []struct {
	name string
	lazy func() *regexp.Regexp
	expr string
}{
	{"openTagRegexp", openTagRegexp, "^<" + tagnamePattern + attributePattern + `*` + spaceOrOneNewline + `*/?>`},
	{"closeTagRegexp", closeTagRegexp, "^</" + tagnamePattern + spaceOrOneNewline + `*>`},
	{"htmlBlockType1OpenRegexp", htmlBlockType1OpenRegexp, `(?i)^[ ]{0,3}<(script|pre|style|textarea)(?:\s.*|>.*|/>.*|)(?:\r\n|\n)?$`},
	{"htmlBlockType1CloseRegexp", htmlBlockType1CloseRegexp, `(?i)^.*</(?:script|pre|style|textarea)>.*`},
	{"htmlBlockType2OpenRegexp", htmlBlockType2OpenRegexp, `^[ ]{0,3}<!\-\-`},
	{"htmlBlockType3OpenRegexp", htmlBlockType3OpenRegexp, `^[ ]{0,3}<\?`},
	{"htmlBlockType4OpenRegexp", htmlBlockType4OpenRegexp, `^[ ]{0,3}<![A-Z]+.*(?:\r\n|\n)?$`},
	{"htmlBlockType5OpenRegexp", htmlBlockType5OpenRegexp, `^[ ]{0,3}<\!\[CDATA\[`},
	{"htmlBlockType6Regexp", htmlBlockType6Regexp, `^[ ]{0,3}<(?:/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(?:[ ].*|>.*|/>.*|)(?:\r\n|\n)?$`},
	{"htmlBlockType7Regexp", htmlBlockType7Regexp, `^[ ]{0,3}<(/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(` + attributePattern + `*)[ ]*(?:>|/>)[ ]*(?:\r\n|\n)?$`},
}

func TestShovelLazyRegexpsAreUpstreams(t *testing.T) {
	for _, r := range eagerRegexps {
		got := r.lazy()
		if got.String() != r.expr {
			t.Errorf("%s compiles %q, upstream compiled %q", r.name, got.String(), r.expr)
		}
		if r.lazy() != got {
			t.Errorf("%s compiled again on its second use", r.name)
		}
	}
}

// BenchmarkShovelEagerInit compiles each regexp as upstream's package init
// did (go test -run '^$' -bench ShovelEagerInit -benchmem).
func BenchmarkShovelEagerInit(b *testing.B) {
	for _, r := range eagerRegexps {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				regexp.MustCompile(r.expr)
			}
		})
	}
	// allowedBlockTags stays a map literal built at init (see PATCHES.md);
	// a copy of it costs about what the literal does
	b.Run("allowedBlockTags (kept)", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sink = maps.Clone(allowedBlockTags)
		}
	})
}

var sink map[string]bool
