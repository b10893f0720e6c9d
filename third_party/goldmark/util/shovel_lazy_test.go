package util

// shovel: this file is shovel's own (see PATCHES.md). The fork builds the
// case-folding map and compiles the email regexp on first use instead of
// at package init; the tests pin them to what upstream v1.8.7 built, and
// the benchmarks measure what each used to cost every start.

import (
	"regexp"
	"slices"
	"testing"
)

// upstreamEmailDomain is the expression upstream compiled at init.
const upstreamEmailDomain = `^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*`

func TestShovelLazyEmailRegexpIsUpstreams(t *testing.T) {
	if got := emailDomainRegexp().String(); got != upstreamEmailDomain {
		t.Errorf("emailDomainRegexp compiles %q, upstream compiled %q", got, upstreamEmailDomain)
	}
	if emailDomainRegexp() != emailDomainRegexp() {
		t.Error("emailDomainRegexp compiled again on its second use")
	}
	if got := FindEmailIndex([]byte("a.b@example.com rest")); got != len("a.b@example.com") {
		t.Errorf("FindEmailIndex = %d", got)
	}
}

// TestShovelLazyCaseFoldingsAreUpstreams checks the map built on first use
// entry by entry against the generated tables it comes from, with a few
// foldings spelled out (one rune to several, and to non-ASCII).
func TestShovelLazyCaseFoldingsAreUpstreams(t *testing.T) {
	m := unicodeCaseFoldings()
	if len(m) != _unicodeCaseFoldingLength {
		t.Fatalf("%d foldings, want %d", len(m), _unicodeCaseFoldingLength)
	}
	total := 0
	for i, from := range _unicodeCaseFoldingFrom {
		n := int(_unicodeCaseFoldingToIndex[i])
		if want := _unicodeCaseFoldingTo[total : total+n]; !slices.Equal(m[from], want) {
			t.Errorf("%U folds to %q, want %q", from, string(m[from]), string(want))
		}
		total += n
	}
	if total != len(_unicodeCaseFoldingTo) {
		t.Errorf("the foldings use %d runes of %d", total, len(_unicodeCaseFoldingTo))
	}
	for from, want := range map[rune]string{'A': "a", 'ß': "ss", 'ẞ': "ss", 'Σ': "σ", 'ﬃ': "ffi", 'Ω': "ω"} {
		if got := string(m[from]); got != want {
			t.Errorf("%q folds to %q, want %q", from, got, want)
		}
	}
	if _, ok := m['a']; ok {
		t.Error("'a' has a folding")
	}
	if got := string(ToLinkReference([]byte("  STRASSE ẞ  "))); got != "strasse ss" {
		t.Errorf("ToLinkReference = %q", got)
	}
}

// BenchmarkShovelEagerInit builds each value as upstream's package init did
// (go test -run '^$' -bench ShovelEagerInit -benchmem).
func BenchmarkShovelEagerInit(b *testing.B) {
	b.Run("unicodeCaseFoldings", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			buildUnicodeCaseFoldings()
		}
	})
	b.Run("emailDomainRegexp", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			regexp.MustCompile(upstreamEmailDomain)
		}
	})
}
