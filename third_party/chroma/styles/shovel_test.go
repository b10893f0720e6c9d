package styles

// shovel: this file is not upstream's. It checks the lazy registry against
// parsing every style eagerly, as upstream's init did, and measures what
// the first use of a style now pays.

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// TestShovelStyleNames: the registry names each lazy style after its file,
// so every file's style must have its file's name, and each lazy style
// must give what parsing its file eagerly gives.
func TestShovelStyleNames(t *testing.T) {
	files, err := fs.ReadDir(embedded, ".")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		eager, err := embeddedStyle(f.Name())
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		if name := strings.TrimSuffix(f.Name(), ".xml"); eager.Name != name {
			t.Errorf("%s holds style %q; the lazy registry would call it %q", f.Name(), eager.Name, name)
		}
		want = append(want, eager.Name)
		lazy := Get(eager.Name)
		if lazy.Name != eager.Name {
			t.Errorf("Get(%q) = style %q", eager.Name, lazy.Name)
		}
		for _, tt := range chroma.TokenTypeValues() {
			if g, w := lazy.Get(tt), eager.Get(tt); g != w {
				t.Errorf("%s: Get(%s) = %v, want %v", eager.Name, tt, g, w)
			}
			if g, w := lazy.Has(tt), eager.Has(tt); g != w {
				t.Errorf("%s: Has(%s) = %v, want %v", eager.Name, tt, g, w)
			}
		}
	}
	sort.Strings(want)
	if got := Names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if Fallback != Registry["swapoff"] || SwapOff != Registry["swapoff"] || Monokai.Name != "monokai" {
		t.Error("Fallback and the compat variables are not the registry's styles")
	}
	if Get("no such style") != Fallback {
		t.Error("Get of an unknown name is not Fallback")
	}
}

// BenchmarkShovelLoadStyle is what the first use of a style pays now: one
// file parsed (monokai, of average size).
func BenchmarkShovelLoadStyle(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s := chroma.NewLazyStyle("monokai", func() (*chroma.Style, error) { return embeddedStyle("monokai.xml") })
		s.Get(chroma.Keyword)
	}
}

// BenchmarkShovelLoadAllStyles is what upstream's init paid on every start:
// every style file parsed.
func BenchmarkShovelLoadAllStyles(b *testing.B) {
	files, err := fs.ReadDir(embedded, ".")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if _, err := embeddedStyle(f.Name()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
