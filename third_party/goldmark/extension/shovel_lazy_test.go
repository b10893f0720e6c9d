package extension

// shovel: this file is shovel's own (see PATCHES.md). The fork compiles
// these regexps on first use instead of at package init; the test pins
// each to the expression upstream v1.8.7 compiled eagerly, and the
// benchmark measures what each used to cost every start.

import (
	"regexp"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// eagerRegexps are upstream's package-level regexps, their expressions
// copied from v1.8.7, with the fork's lazy replacements.
var eagerRegexps = []struct {
	name string
	lazy func() *regexp.Regexp
	expr string
}{
	{"linkify wwwURLRegxp", wwwURLRegxp, `^www\.[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_\+.~#!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`},
	{"linkify urlRegexp", urlRegexp, `^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`},
	{"table tableDelimLeft", tableDelimLeft, `^\s*\:\-+\s*$`},
	{"table tableDelimRight", tableDelimRight, `^\s*\-+\:\s*$`},
	{"table tableDelimCenter", tableDelimCenter, `^\s*\:\-+\:\s*$`},
	{"table tableDelimNone", tableDelimNone, `^\s*\-+\s*$`},
	{"tasklist taskListRegexp", taskListRegexp, `^\[([\sxX])\]\s*`},
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

// TestShovelLinkifyConfiguredRegexps: with the defaults no longer stored in
// LinkifyConfig, a configured regexp must still win over them.
func TestShovelLinkifyConfiguredRegexps(t *testing.T) {
	p := NewLinkifyParser(WithLinkifyURLRegexp(regexp.MustCompile(`^http://x`)),
		WithLinkifyWWWRegexp(regexp.MustCompile(`^www\.y`))).(*linkifyParser)
	if got := p.urlRegexp().String(); got != `^http://x` {
		t.Errorf("URL regexp %q, want the configured one", got)
	}
	if got := p.wwwRegexp().String(); got != `^www\.y` {
		t.Errorf("www regexp %q, want the configured one", got)
	}
	d := NewLinkifyParser().(*linkifyParser)
	if d.urlRegexp() != urlRegexp() || d.wwwRegexp() != wwwURLRegxp() {
		t.Error("an unconfigured linkify parser does not use the default regexps")
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
}

// BenchmarkShovelKeptEager measures the exported package-level values the
// fork leaves as upstream built them (see PATCHES.md).
func BenchmarkShovelKeptEager(b *testing.B) {
	b.Run("CJK", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			NewCJK(WithEastAsianLineBreaks(), WithEscapedSpace())
		}
	})
	b.Run("Table*AttributeFilter", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			// the five filters of table.go, as upstream builds them
			html.GlobalAttributeFilter.ExtendString(`align,bgcolor,border,cellpadding,cellspacing,frame,rules,summary,width`)
			html.GlobalAttributeFilter.ExtendString(`align,bgcolor,char,charoff,valign`)
			html.GlobalAttributeFilter.ExtendString(`align,bgcolor,char,charoff,valign`)
			html.GlobalAttributeFilter.ExtendString(`abbr,align,axis,bgcolor,char,charoff,colspan,headers,height,rowspan,scope,valign,width`)
			html.GlobalAttributeFilter.ExtendString(`abbr,align,axis,bgcolor,char,charoff,colspan,headers,height,rowspan,scope,valign,width`)
		}
	})
}
