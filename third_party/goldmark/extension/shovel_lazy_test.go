package extension

// shovel: this file is shovel's own (see PATCHES.md). The fork compiles
// these regexps on first use instead of at package init; the test pins
// each to the expression upstream v1.8.7 compiled eagerly, and the
// benchmark measures what each used to cost every start.

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
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
	if got := p.urlRegexp(nil).String(); got != `^http://x` {
		t.Errorf("URL regexp %q, want the configured one", got)
	}
	if got := p.wwwRegexp(nil).String(); got != `^www\.y` {
		t.Errorf("www regexp %q, want the configured one", got)
	}
	d := NewLinkifyParser().(*linkifyParser)
	short, long := []byte("https://example.com"), []byte("https://"+strings.Repeat("a", 257)+".com")
	if d.urlRegexp(short) != urlShortRegexp() || d.wwwRegexp(short) != wwwURLShortRegexp() {
		t.Error("an unconfigured linkify parser does not use the short default regexps for a short host")
	}
	if d.urlRegexp(long) != urlRegexp() || d.wwwRegexp(long) != wwwURLRegxp() {
		t.Error("an unconfigured linkify parser does not use upstream's regexps for a host of 257 characters")
	}
}

// TestShovelShortURLRegexpsMatchUpstreams: on lines without a run of more
// than 256 host characters, the [...]+ regexps find exactly what upstream's
// [...]{1,256} ones find. Random lines from an alphabet of the characters
// that matter, with host runs around the 256 limit; and the regexps linkify
// picks (defaultURLRegexp) agree with upstream's on every line.
func TestShovelShortURLRegexpsMatchUpstreams(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 2026))
	pieces := []string{"http://", "https://", "ftp://", "www.", "httpx://", ".", "..", "a", "Z9", "-", "@", ":", "%",
		"_", "+", "~", "#", "=", "/", "?", "!", "&", "(", ")", ";", ",", "'", "\"", ">", "^", "{", "}", "[", "]",
		"`", "$", " ", "*", "<", "é", ":8080", ".com", ".org/path?q=1", "example"}
	pairs := []struct {
		name         string
		exact, short func() *regexp.Regexp
	}{
		{"url", urlRegexp, urlShortRegexp},
		{"www", wwwURLRegxp, wwwURLShortRegexp},
	}
	checked, matched := 0, 0
	for i := range 20000 {
		var b strings.Builder
		b.WriteString([]string{"http://", "https://", "ftp://", "www."}[i%4])
		if i%3 == 0 { // a host run near the limit
			n := 250 + rng.IntN(12)
			for j := range n {
				b.WriteByte("abc.-9"[j%6])
			}
		}
		if i%4 != 3 { // a host
			b.WriteString([]string{"example.com", "a.b", "x.org:80", "e.g.", "w.x.y.Z"}[rng.IntN(5)])
		}
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		line := []byte(b.String())
		for _, p := range pairs {
			want := p.exact().FindSubmatchIndex(line)
			if want != nil {
				matched++
			}
			picked := defaultURLRegexp(line, p.exact, p.short).FindSubmatchIndex(line)
			if !slices.Equal(picked, want) {
				t.Fatalf("%s on %q: linkify's regexp finds %v, upstream's %v", p.name, line, picked, want)
			}
			if picked := defaultURLRegexp(line, p.exact, p.short); picked != p.exact() {
				checked++
				if got := p.short().FindSubmatchIndex(line); !slices.Equal(got, want) {
					t.Fatalf("%s on %q: short regexp finds %v, upstream's %v", p.name, line, got, want)
				}
			}
		}
	}
	t.Logf("%d of 40,000 lines went to the short regexps; upstream's matched %d", checked, matched)
	if checked < 20000 || matched < 10000 {
		t.Errorf("only %d lines went to the short regexps, %d matched", checked, matched)
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

// BenchmarkShovelShortURLRegexps compiles the regexps linkify uses for
// hosts of up to 256 characters, what the first URL costs now.
func BenchmarkShovelShortURLRegexps(b *testing.B) {
	for name, expr := range map[string]string{"urlShortRegexp": urlShortRegexp().String(),
		"wwwURLShortRegexp": wwwURLShortRegexp().String()} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				regexp.MustCompile(expr)
			}
		})
	}
}
