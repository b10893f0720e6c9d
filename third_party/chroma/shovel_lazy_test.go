package chroma

// shovel: this file is not upstream's. It checks that the lazy registry,
// styles and lexers behave as upstream's eager ones. (That every
// difference from the release is marked, shovel's third_party/forks_test.go
// checks.)

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// countingFS counts the files opened, to see when a lazy lexer reads.
type countingFS struct {
	fs.FS
	opens int
}

func (c *countingFS) Open(name string) (fs.File, error) { c.opens++; return c.FS.Open(name) }

const testLexerXML = `<lexer>
  <config>
    <name>Test</name>
    <alias>test</alias>
    <filename>*.test</filename>
    <mime_type>text/x-test</mime_type>
    <analyse first="true">
      <regex pattern="^TEST" score="0.9"/>
    </analyse>
  </config>
  <rules>
    <state name="root">
      <rule pattern="\d+"><token type="LiteralNumber"/></rule>
      <rule pattern="\w+"><token type="Name"/></rule>
      <rule pattern="\s+"><token type="Text"/></rule>
    </state>
  </rules>
</lexer>
`

// TestLazyXMLLexer: MustNewLazyXMLLexer reads nothing until first use,
// then behaves as MustNewXMLLexer's lexer; SetConfig before that wins
// over the file's config, as it did on an eager lexer.
func TestLazyXMLLexer(t *testing.T) {
	files := &countingFS{FS: fstest.MapFS{"test.xml": {Data: []byte(testLexerXML)}}}
	eager := MustNewXMLLexer(files, "test.xml")
	files.opens = 0
	lazy := MustNewLazyXMLLexer(files, "test.xml")
	renamed := MustNewLazyXMLLexer(files, "test.xml").SetConfig(&Config{Name: "Renamed"})
	if files.opens != 0 {
		t.Fatalf("making lazy lexers opened %d files, want none", files.opens)
	}
	if !reflect.DeepEqual(lazy.Config(), eager.Config()) {
		t.Errorf("lazy config %+v, want %+v", lazy.Config(), eager.Config())
	}
	if files.opens != 1 {
		t.Errorf("after Config, %d files opened, want 1", files.opens)
	}
	if got := renamed.Config().Name; got != "Renamed" {
		t.Errorf("SetConfig before first use: name %q, want Renamed", got)
	}
	for _, text := range []string{"TEST 1", "other"} {
		if a, b := lazy.AnalyseText(text), eager.AnalyseText(text); a != b {
			t.Errorf("AnalyseText(%q) = %v, want %v", text, a, b)
		}
		if a, b := renamed.AnalyseText(text), eager.AnalyseText(text); a != b {
			t.Errorf("renamed AnalyseText(%q) = %v, want %v (SetConfig keeps the file's analyser)", text, a, b)
		}
	}
	want, err := Tokenise(eager, nil, "abc 12 d\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []*RegexLexer{lazy, renamed} {
		got, err := Tokenise(l, nil, "abc 12 d\n")
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: tokens %v, %v; want %v", l, got, err, want)
		}
	}
	// SetAnalyser on a lazy lexer is not undone by its later read.
	custom := MustNewLazyXMLLexer(files, "test.xml")
	custom.SetAnalyser(func(string) float32 { return 0.25 })
	if got := custom.AnalyseText("TEST"); got != 0.25 {
		t.Errorf("SetAnalyser on a lazy lexer: AnalyseText %v, want 0.25", got)
	}
}

func testLexer(name string, aliases, globs []string, prio float32, score float32) Lexer {
	return MustNewLexer(&Config{Name: name, Aliases: aliases, Filenames: globs, MimeTypes: []string{"text/" + name}, Priority: prio},
		func() Rules { return Rules{"root": {{`.+`, Text, nil}}} }).
		SetAnalyser(func(string) float32 { return score })
}

// registryState is what a registry's methods depend on.
func registryState(r *LexerRegistry) string {
	var b strings.Builder
	names := r.Names(true) // first: reading Lexers does not load
	for _, l := range r.Lexers {
		fmt.Fprintf(&b, "%s %v|", l.Config().Name, l.Config().Aliases)
	}
	fmt.Fprintf(&b, "\n%v\n%v\n", names, r.Analyse("x"))
	for _, q := range []string{"a", "b", "B", "c", "alias-a", "x.a", "y.b", "z.c", "text/c"} {
		fmt.Fprintf(&b, "%s: %v %v %v\n", q, r.Get(q), r.Match(q), r.MatchMimeType(q))
	}
	return b.String()
}

// TestLazyLexerRegistry: a lazy registry loads on first use of any method
// but Register, and ends up as registering its load's lexers and then the
// ones registered before, eagerly, would leave it: the same order (which
// decides ties in Match and Analyse), the same replacements.
func TestLazyLexerRegistry(t *testing.T) {
	first := func() []Lexer {
		return []Lexer{
			testLexer("a", []string{"alias-a"}, []string{"*.a"}, 0, 0.5),
			testLexer("b", nil, []string{"*.b"}, 0, 0.5),
			testLexer("c", nil, []string{"*.c"}, 0, 0.1),
		}
	}
	later := func() []Lexer {
		return []Lexer{
			testLexer("b", []string{"bee"}, []string{"*.b"}, 1, 0.7), // replaces b in place
			testLexer("d", nil, []string{"*.a"}, 0, 0.5),
		}
	}
	eager := NewLexerRegistry()
	for _, l := range append(first(), later()...) {
		eager.Register(l)
	}
	eager.Get("c").(*RegexLexer).SetAnalyser(func(string) float32 { return 0.9 })

	loads := 0
	lazy := NewLazyLexerRegistry(func() []Lexer { loads++; return first() }, func(get func(string) Lexer) {
		get("c").(*RegexLexer).SetAnalyser(func(string) float32 { return 0.9 })
	})
	for _, l := range later() {
		if got := lazy.Register(l); got != l {
			t.Errorf("Register returned %v, want its argument", got)
		}
	}
	if loads != 0 || len(lazy.Lexers) != 0 {
		t.Fatalf("Register loaded the registry (%d loads, %d lexers)", loads, len(lazy.Lexers))
	}
	if got, want := registryState(lazy), registryState(eager); got != want {
		t.Errorf("lazy registry:\n%s\nwant (eager):\n%s", got, want)
	}
	if loads != 1 {
		t.Errorf("loaded %d times, want 1", loads)
	}
	// Registering after the load registers at once.
	lazy.Register(testLexer("e", nil, nil, 0, 0))
	if lazy.Get("e") == nil {
		t.Error("a lexer registered after the load is not there")
	}
	// Each method loads on its own.
	for name, use := range map[string]func(r *LexerRegistry){
		"Names":         func(r *LexerRegistry) { r.Names(false) },
		"Get":           func(r *LexerRegistry) { r.Get("a") },
		"Match":         func(r *LexerRegistry) { r.Match("x.a") },
		"MatchMimeType": func(r *LexerRegistry) { r.MatchMimeType("text/a") },
		"Analyse":       func(r *LexerRegistry) { r.Analyse("x") },
	} {
		r := NewLazyLexerRegistry(first, nil)
		use(r)
		if len(r.Lexers) != 3 {
			t.Errorf("%s did not load the registry", name)
		}
	}
}

// TestLazyStyle: a lazy style loads on first use and then is the loaded
// style; a builder made from it before that sees the loaded entries.
func TestLazyStyle(t *testing.T) {
	loads := 0
	load := func() (*Style, error) {
		loads++
		return NewStyle("lazy", StyleEntries{Background: "bg:#000000 #ffffff", Keyword: "bold #ff0000", Comment: "italic"})
	}
	want, err := load()
	if err != nil {
		t.Fatal(err)
	}
	loads = 0
	s := NewLazyStyle("lazy", load)
	child, err := s.Builder().Add(Name, "#00ff00").Build()
	if err != nil {
		t.Fatal(err)
	}
	if loads != 0 {
		t.Fatalf("making a lazy style and a builder from it loaded it %d times", loads)
	}
	for _, tt := range []TokenType{Keyword, KeywordType, Comment, Name, Text, LineNumbers, LineHighlight} {
		if got := s.Get(tt); got != want.Get(tt) {
			t.Errorf("Get(%s) = %v, want %v", tt, got, want.Get(tt))
		}
		if got := s.Has(tt); got != want.Has(tt) {
			t.Errorf("Has(%s) = %v, want %v", tt, got, want.Has(tt))
		}
	}
	if got := child.Get(Keyword); got != want.Get(Keyword) {
		t.Errorf("child Get(Keyword) = %v, want the parent's %v", got, want.Get(Keyword))
	}
	if len(s.Types()) != len(want.Types()) {
		t.Errorf("Types() = %v, want %v", s.Types(), want.Types())
	}
	if loads != 1 {
		t.Errorf("loaded %d times, want 1", loads)
	}
	mismatch := NewLazyStyle("other", load)
	defer func() {
		if recover() == nil {
			t.Error("a lazy style that loads a style of another name did not panic")
		}
	}()
	mismatch.Get(Text)
}

// TestTypeRemappingLexerLazyTable: the lookup table is built on first use
// and remaps as before.
func TestTypeRemappingLexerLazyTable(t *testing.T) {
	base := MustNewLexer(&Config{Name: "r"}, func() Rules {
		return Rules{"root": {{`\w+`, Name, nil}, {`\s+`, Text, nil}}}
	})
	l := TypeRemappingLexer(base, TypeMapping{{Name, Keyword, []string{"if", "else"}}, {Name, NameBuiltin, nil}})
	got, err := Tokenise(l, nil, "if x else")
	if err != nil {
		t.Fatal(err)
	}
	want := []Token{{Keyword, "if"}, {Text, " "}, {NameBuiltin, "x"}, {Text, " "}, {Keyword, "else"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens %v, want %v", got, want)
	}
}

// TestLazyConcurrentFirstUse: many goroutines using a lazy registry, style
// and lexer at once load each once (run with -race: the loads must be
// synchronised with every reader).
func TestLazyConcurrentFirstUse(t *testing.T) {
	loads := int32(0)
	files := fstest.MapFS{"test.xml": {Data: []byte(testLexerXML)}}
	reg := NewLazyLexerRegistry(func() []Lexer {
		atomic.AddInt32(&loads, 1)
		return []Lexer{MustNewLazyXMLLexer(files, "test.xml")}
	}, nil)
	style := NewLazyStyle("lazy", func() (*Style, error) {
		atomic.AddInt32(&loads, 1)
		return NewStyle("lazy", StyleEntries{Keyword: "bold #ff0000"})
	})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := reg.Get("test")
			if l == nil || reg.Match("a.test") != l || reg.Analyse("TEST") != l {
				t.Error("lazy registry: wrong lexer under concurrent first use")
				return
			}
			if _, err := Tokenise(l, nil, "a 1"); err != nil {
				t.Error(err)
			}
			if style.Get(Keyword).Bold != Yes {
				t.Error("lazy style: wrong entry under concurrent first use")
			}
		}()
	}
	wg.Wait()
	if loads != 2 {
		t.Errorf("%d loads, want 2 (the registry's and the style's)", loads)
	}
}

// TestLazyIndex: with an index, Get by name or alias answers without
// loading, as the loaded registry would (the pending lexers win over the
// index's); an unknown name, an index that cannot tell, or a Register
// after the index was set make it load.
func TestLazyIndex(t *testing.T) {
	setup := func() (*LexerRegistry, *int, map[string]Lexer) {
		loads := 0
		a := testLexer("a", []string{"alias-a", "Shared"}, []string{"*.a"}, 0, 0)
		b := testLexer("b", nil, []string{"*.b"}, 0, 0)
		dns := testLexer("dns", nil, nil, 0, 0)
		byKey := map[string]Lexer{"a": a, "b": b, "dns": dns}
		reg := NewLazyLexerRegistry(func() []Lexer { loads++; return []Lexer{a, b, dns} }, nil)
		reg.Register(testLexer("b", []string{"shared"}, nil, 0, 0)) // replaces b; owns "shared"
		reg.SetLazyIndex(func(byAlias bool, key string) (Lexer, bool) {
			switch {
			case key == "dns":
				return nil, false
			case !byAlias && (key == "a" || key == "b"):
				return byKey[key], true
			case byAlias && key == "alias-a":
				return a, true
			case byAlias && (key == "Shared" || key == "shared"):
				return a, true
			}
			return nil, true
		})
		return reg, &loads, byKey
	}
	eager := NewLexerRegistry()
	for _, l := range []Lexer{testLexer("a", []string{"alias-a", "Shared"}, []string{"*.a"}, 0, 0),
		testLexer("b", nil, []string{"*.b"}, 0, 0), testLexer("dns", nil, nil, 0, 0),
		testLexer("b", []string{"shared"}, nil, 0, 0)} {
		eager.Register(l)
	}
	for _, key := range []string{"a", "A", "alias-a", "ALIAS-A", "b", "B", "Shared", "shared", "SHARED"} {
		reg, loads, _ := setup()
		got, want := reg.Get(key), eager.Get(key)
		if got == nil || want == nil || got.Config() != nil && got.Config().Name != want.Config().Name ||
			len(got.Config().Aliases) != len(want.Config().Aliases) {
			t.Errorf("Get(%q) = %v, want %v", key, got, want)
		}
		if *loads != 0 {
			t.Errorf("Get(%q) loaded the registry", key)
		}
		if again := reg.Get(key); again != got {
			t.Errorf("Get(%q) after the first gave another lexer", key)
		}
		if reg.Names(false); reg.Get(key) != got {
			t.Errorf("Get(%q) after the load gave another lexer than before it", key)
		}
	}
	for name, use := range map[string]func(r *LexerRegistry){
		"unknown name":      func(r *LexerRegistry) { r.Get("x.a") },
		"index cannot tell": func(r *LexerRegistry) { r.Get("dns") },
		"Register after SetLazyIndex": func(r *LexerRegistry) {
			r.Register(testLexer("late", nil, nil, 0, 0))
			r.Get("a")
		},
	} {
		reg, loads, byKey := setup()
		use(reg)
		if *loads != 1 {
			t.Errorf("%s: %d loads, want 1", name, *loads)
		}
		if reg.Get("a") != byKey["a"] {
			t.Errorf("%s: Get(a) is not load's lexer", name)
		}
	}
}

// TestLazyIndexConcurrent: lexers handed out by the index are in use while
// another goroutine loads the registry, which registers them again (run
// with -race).
func TestLazyIndexConcurrent(t *testing.T) {
	files := fstest.MapFS{"test.xml": {Data: []byte(testLexerXML)}}
	var once sync.Once
	var shared Lexer
	lexer := func() Lexer { once.Do(func() { shared = MustNewXMLLexer(files, "test.xml") }); return shared }
	reg := NewLazyLexerRegistry(func() []Lexer { return []Lexer{lexer()} }, nil)
	reg.SetLazyIndex(func(byAlias bool, key string) (Lexer, bool) {
		if key == "test" {
			return lexer(), true
		}
		return nil, true
	})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i%4 == 0 {
				reg.Names(false)
			}
			l := reg.Get("test")
			if l != lexer() {
				t.Error("Get gave another lexer than the index's")
				return
			}
			if _, err := Tokenise(l, nil, "a 1"); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
}
