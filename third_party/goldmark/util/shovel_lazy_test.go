package util

// shovel: this file is shovel's own (see PATCHES.md). The fork builds the
// case-folding map and compiles the email regexp on first use instead of
// at package init; the tests pin them to what upstream v1.8.7 built, and
// the benchmarks measure what each used to cost every start.

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
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

// TestShovelShortEmailRegexpMatchesUpstreams: on domains without a run of
// more than 62 letters, digits and hyphens, the regexp with * finds exactly
// what upstream's with {0,61} finds, and the one FindEmailIndex picks
// always does. Random domains with labels around the 63-character limit.
func TestShovelShortEmailRegexpMatchesUpstreams(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 2026))
	pieces := []string{"a", "Z", "9", "-", "--", ".", "..", "_", " ", "@", "example", "com", "é", "x-y"}
	checked, matched := 0, 0
	for i := range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			if rng.IntN(3) == 0 { // a label near the limit
				for j := range 58 + rng.IntN(10) {
					b.WriteByte("ab-9"[j%4])
				}
			}
			for range rng.IntN(6) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			if i%2 == 0 {
				b.WriteByte('.')
			}
		}
		domain := []byte(b.String())
		want := emailDomainRegexp().FindSubmatchIndex(domain)
		if want != nil && want[1] > 1 {
			matched++
		}
		picked := emailDomainRegexpFor(domain)
		if got := picked.FindSubmatchIndex(domain); !slices.Equal(got, want) {
			t.Fatalf("on %q FindEmailIndex's regexp finds %v, upstream's %v", domain, got, want)
		}
		if picked != emailDomainRegexp() {
			checked++
			if got := emailDomainShortRegexp().FindSubmatchIndex(domain); !slices.Equal(got, want) {
				t.Fatalf("on %q the short regexp finds %v, upstream's %v", domain, got, want)
			}
		}
	}
	t.Logf("%d of 20,000 domains went to the short regexp; upstream's matched more than one character of %d", checked, matched)
	if checked < 5000 || matched < 5000 {
		t.Errorf("only %d domains went to the short regexp, %d matched", checked, matched)
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
	// what the first email address costs now
	b.Run("emailDomainShortRegexp (fork)", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			regexp.MustCompile(emailDomainShortRegexp().String())
		}
	})
}
