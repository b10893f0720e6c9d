package chroma

// shovel: this file is not upstream's. It keeps the fork honest: every
// difference from the released module must be marked, and the lazy
// registries, styles and lexers behave as upstream's eager ones.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// upstreamVersion is the release this directory is a copy of.
const upstreamVersion = "v2.14.0"

// forkOnly are the files that exist here and not upstream.
var forkOnly = map[string]bool{
	"PATCHES.md":                     true,
	"shovel_fork_test.go":            true,
	"lexers/shovel_test.go":          true,
	"lexers/shovel_internal_test.go": true,
	"styles/shovel_test.go":          true,
	"testdata/shovel-report/main.go": true,
}

// leftOut are upstream's files that are not copied here (see PATCHES.md):
// tools, the hermit binaries, CI and editor settings, docs, and the lexers'
// 5.7 MB of test data, which lexers/shovel_test.go reads from the
// downloaded module instead.
var leftOut = map[string]bool{
	".editorconfig": true, ".gitignore": true, ".golangci.yml": true, ".goreleaser.yml": true,
	".github/FUNDING.yml": true, ".github/ISSUE_TEMPLATE/bug_report.yaml": true,
	".github/ISSUE_TEMPLATE/feature_request.yaml": true, ".github/ISSUE_TEMPLATE/lexer_request.yaml": true,
	".github/workflows/ci.yml": true, ".github/workflows/release.yml": true,
	"Bitfile": true, "Makefile": true, "README.md": true, "lexers/README.md": true,
	"pygments-lexers.txt": true, "renovate.json5": true, "table.py": true,
	"_tools/css2style/main.go": true, "_tools/exercise/main.go": true, "_tools/pygments2chroma.hlb": true,
	"_tools/pygments2chroma_xml.py": true, "_tools/style.py": true,
	"bin/README.hermit.md": true, "bin/activate-hermit": true, "bin/chroma": true, "bin/chromad": true,
	"bin/hermit": true, "bin/hermit.hcl": true,
}

// leftOutDir is the one upstream directory left out whole.
const leftOutDir = "lexers/testdata/"

// TestForkMatchesUpstream diffs every file here against the released
// module: Go files may differ only in changed regions that carry a
// "shovel:" comment, every other file must be identical, and upstream's
// files must all be here but those listed in leftOut.
func TestForkMatchesUpstream(t *testing.T) {
	upstream := downloadUpstream(t)
	ours := files(t, ".")
	theirs := files(t, upstream)
	for name := range ours {
		if forkOnly[name] {
			continue
		}
		if !theirs[name] {
			t.Errorf("%s is not in chroma %s; add it to forkOnly if it is shovel's", name, upstreamVersion)
			continue
		}
		orig, err := os.ReadFile(filepath.Join(upstream, name))
		if err != nil {
			t.Fatal(err)
		}
		fork, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(name, ".go") {
			if !bytes.Equal(orig, fork) {
				t.Errorf("%s differs from chroma %s (only Go files may be patched, with shovel: comments)", name, upstreamVersion)
			}
			continue
		}
		lines := splitLines(string(fork))
		for _, r := range unmarkedChanges(splitLines(string(orig)), lines) {
			t.Errorf("%s:%d-%d: changed from chroma %s without a \"shovel:\" comment:\n%s",
				name, r.from+1, r.to, upstreamVersion, strings.Join(lines[r.from:r.to], "\n"))
		}
	}
	for name := range theirs {
		left := leftOut[name] || strings.HasPrefix(name, leftOutDir)
		switch {
		case left && ours[name]:
			t.Errorf("%s is listed as left out but is here", name)
		case !left && !ours[name]:
			t.Errorf("%s of chroma %s is missing here; copy it, or list it in leftOut and PATCHES.md", name, upstreamVersion)
		}
	}
	for name := range leftOut {
		if !theirs[name] {
			t.Errorf("leftOut lists %s, which chroma %s does not have", name, upstreamVersion)
		}
	}
}

// files lists the files under root, by slash-separated relative path.
func files(t *testing.T, root string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		out[filepath.ToSlash(rel)] = true
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// downloadUpstream returns the released module's directory in the module
// cache, downloading it if needed. Offline it skips, except in CI.
func downloadUpstream(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", "github.com/alecthomas/chroma/v2@"+upstreamVersion)
	cmd.Dir = t.TempDir() // outside this module
	out, err := cmd.Output()
	if err != nil {
		msg := fmt.Sprintf("cannot download chroma %s to compare the fork with: %v", upstreamVersion, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	return info.Dir
}

func splitLines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

// span is a half-open range of lines of the fork.
type span struct{ from, to int }

// unmarkedChanges returns the fork's changed regions (runs of inserted or
// deleted lines less than seven lines apart, as a unified diff would join
// them) that have no "shovel:" on their inserted lines.
func unmarkedChanges(orig, fork []string) []span {
	const join = 6
	var regions []span
	marked := []bool{}
	i, j := 0, 0
	for _, op := range lcsOps(orig, fork) {
		switch op {
		case '=':
			i++
			j++
			continue
		case '-':
			i++
		case '+':
			j++
		}
		// a changed line at fork position j (after an insert, j-1)
		at := j
		if op == '+' {
			at = j - 1
		}
		if n := len(regions); n > 0 && at-regions[n-1].to <= join {
			regions[n-1].to = maxInt(regions[n-1].to, at+1)
		} else {
			regions = append(regions, span{at, at + 1})
			marked = append(marked, false)
		}
		if op == '+' && strings.Contains(fork[at], "shovel:") {
			marked[len(marked)-1] = true
		}
	}
	var bad []span
	for k, r := range regions {
		if !marked[k] {
			bad = append(bad, span{r.from, minInt(r.to, len(fork))})
		}
	}
	return bad
}

// lcsOps is a line diff: '=' keep, '-' delete from orig, '+' insert from
// fork. The patched files are a few thousand lines at most, so the
// quadratic table is fine.
func lcsOps(a, b []string) []byte {
	n, m := len(a), len(b)
	// Common prefix and suffix first: the fork differs in a few places.
	p := 0
	for p < n && p < m && a[p] == b[p] {
		p++
	}
	s := 0
	for s < n-p && s < m-p && a[n-1-s] == b[m-1-s] {
		s++
	}
	a, b = a[p:n-s], b[p:m-s]
	n, m = len(a), len(b)
	l := make([][]int32, n+1)
	for x := range l {
		l[x] = make([]int32, m+1)
	}
	for x := n - 1; x >= 0; x-- {
		for y := m - 1; y >= 0; y-- {
			if a[x] == b[y] {
				l[x][y] = l[x+1][y+1] + 1
			} else {
				l[x][y] = max32(l[x+1][y], l[x][y+1])
			}
		}
	}
	ops := bytes.Repeat([]byte{'='}, p)
	x, y := 0, 0
	for x < n || y < m {
		switch {
		case x < n && y < m && a[x] == b[y]:
			ops = append(ops, '=')
			x++
			y++
		case y < m && (x == n || l[x][y+1] >= l[x+1][y]):
			ops = append(ops, '+')
			y++
		default:
			ops = append(ops, '-')
			x++
		}
	}
	return append(ops, bytes.Repeat([]byte{'='}, s)...)
}

// This module says go 1.19, before the min and max built-ins.
func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func max32(a, b int32) int32 {
	if a > b {
		return a
	}
	return b
}

func TestUnmarkedChanges(t *testing.T) {
	orig := splitLines("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn")
	cases := []struct {
		name string
		fork string
		want int
	}{
		{"identical", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 0},
		{"marked insert", "a\nb\n// shovel: why\nx\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 0},
		{"unmarked insert", "a\nb\nx\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 1},
		{"unmarked delete", "a\nb\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn", 1},
		{"marked change covers a nearby delete", "a\nB // shovel: why\nc\nd\nf\ng\nh\ni\nj\nk\nl\nm\nn", 0},
		{"far apart, one unmarked", "a\nB // shovel: why\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nN", 1},
	}
	for _, c := range cases {
		if got := len(unmarkedChanges(orig, splitLines(c.fork))); got != c.want {
			t.Errorf("%s: %d unmarked regions, want %d", c.name, got, c.want)
		}
	}
}

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
