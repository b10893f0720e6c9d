package lexers_test

// shovel: this file is not upstream's. It checks that the lazy registries
// answer as upstream's eager ones (comparing with the released module),
// that upstream's lexer test data still passes, and that package init no
// longer reads the embedded lexers and styles.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

const upstreamVersion = "v2.14.0"

// lexersAtStart is how many lexers the registry held when the tests began,
// after every package init: reading the field does not load the registry.
var lexersAtStart int

func TestMain(m *testing.M) {
	lexersAtStart = len(lexers.GlobalLexerRegistry.Lexers)
	// Then load it: upstream's TestCompileAllRegexes reads the Lexers field
	// directly, which does not load, and would check nothing.
	lexers.Names(false)
	os.Exit(m.Run())
}

func TestShovelNotLoadedAtInit(t *testing.T) {
	if lexersAtStart != 0 {
		t.Errorf("the lexer registry held %d lexers after init, want none: something loads it at init", lexersAtStart)
	}
	if n := len(lexers.Names(false)); n < 200 {
		t.Errorf("after first use, %d lexers, want the ~260 of chroma %s", n, upstreamVersion)
	}
}

// TestShovelInitIsCheap runs this test binary again with
// GODEBUG=inittrace=1 and checks what the lexers' and styles' package
// inits allocate: upstream's took 2.3 MB in 25,860 allocations and 1.6 MB
// in 34,000, parsing every embedded XML file. No timing: allocations are
// what parsing costs and they do not depend on the machine's load.
func TestShovelInitIsCheap(t *testing.T) {
	if os.Getenv("SHOVEL_INITTRACE_CHILD") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestShovelInitIsCheap$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "SHOVEL_INITTRACE_CHILD=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	line := regexp.MustCompile(`(?m)^init (github\.com/alecthomas/chroma/v2/(?:lexers|styles)) @.* clock, (\d+) bytes, (\d+) allocs$`)
	found := map[string]bool{}
	for _, m := range line.FindAllStringSubmatch(stderr.String(), -1) {
		bytes, _ := strconv.Atoi(m[2])
		allocs, _ := strconv.Atoi(m[3])
		found[m[1]] = true
		if bytes > 100_000 || allocs > 1_000 {
			t.Errorf("init of %s: %d bytes in %d allocations, want under 100 kB and 1,000 (no XML parsed)", m[1], bytes, allocs)
		}
	}
	if len(found) != 2 {
		t.Errorf("inittrace shows %v, want lexers and styles:\n%s", found, stderr.String())
	}
}

// TestShovelUpstreamTestdata runs upstream's TestLexers and
// TestLexersTextAnalyser, unchanged, on upstream's test data in the
// downloaded module (5.7 MB, not copied here): the tokens of every lexer's
// samples and the analysers' scores.
func TestShovelUpstreamTestdata(t *testing.T) {
	up := upstream(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(filepath.Join(up.Dir, "lexers")); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(wd); err != nil {
			t.Fatal(err)
		}
	}()
	TestLexers(t)
	TestLexersTextAnalyser(t)
}

// TestShovelSameAsUpstream builds testdata/shovel-report once against the
// released chroma and once against this fork, each in a fresh process, and
// compares what they print: the lexers in registry order with their
// configs, Names, Get for every name, alias, extension and file name,
// Match, MatchMimeType, Analyse and every analyser's score, tokens and
// highlighted output for code in 22 languages, and every style's entry for
// every token type.
func TestShovelSameAsUpstream(t *testing.T) {
	up := upstream(t)
	fork, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	keys := earlyKeys(t)
	want := runReport(t, up, "", keys)
	got := runReport(t, up, fork, keys)
	var w, g map[string]json.RawMessage
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if len(w) == 0 || len(w) != len(g) {
		t.Fatalf("report sections: fork %d, upstream %d", len(g), len(w))
	}
	if n := string(g["LexersAfterIndexed"]); n != "0" {
		t.Errorf("the fork's registry held %s lexers after Get of every name and alias, want 0 (answered from its index)", n)
	}
	delete(w, "LexersAfterIndexed")
	for k := range w {
		if !bytes.Equal(w[k], g[k]) {
			wl, gl := strings.Split(string(w[k]), "\n"), strings.Split(string(g[k]), "\n")
			i := 0
			for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
				i++
			}
			t.Errorf("%s differs from chroma %s at line %d:\n fork:     %q\n upstream: %q", k, upstreamVersion, i+1, at(gl, i), at(wl, i))
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end>"
}

// earlyKeys writes the keys the report looks up before anything else: every
// name and alias as given, lower-cased and upper-cased, then after a "--"
// line those of the lexers whose analysers are set after the load (the
// index does not answer for them), extensions and unknown names.
func earlyKeys(t *testing.T) string {
	var indexed, rest []string
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		c := l.Config()
		for _, k := range append([]string{c.Name}, c.Aliases...) {
			for _, key := range []string{k, strings.ToLower(k), strings.ToUpper(k)} {
				switch lexers.Get(key).Config().Name {
				case "dns", "MySQL", "Zed":
					rest = append(rest, key)
				default:
					indexed = append(indexed, key)
				}
			}
		}
	}
	rest = append(rest, "py", "go.mod", "Makefile", "nosuchlang", "")
	path := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(path, []byte(strings.Join(append(append(indexed, "--"), rest...), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runReport builds and runs the report in a module of its own that
// requires chroma, replaced by the fork at replace if that is set.
func runReport(t *testing.T, up upstreamModule, replace, keys string) []byte {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../testdata/shovel-report/main.go")
	if err != nil {
		t.Fatal(err)
	}
	mod := "module shovelreport\n\ngo 1.19\n\nrequire github.com/alecthomas/chroma/v2 " + upstreamVersion + "\n"
	if replace != "" {
		mod += "\nreplace github.com/alecthomas/chroma/v2 => " + replace + "\n"
	}
	// chroma's own go.sum covers its dependencies.
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	sum = append(sum, fmt.Sprintf("github.com/alecthomas/chroma/v2 %s %s\ngithub.com/alecthomas/chroma/v2 %s/go.mod %s\n",
		upstreamVersion, up.Sum, upstreamVersion, up.GoModSum)...)
	for name, data := range map[string][]byte{"main.go": src, "go.mod": []byte(mod), "go.sum": sum} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := exec.Command("go", "build", "-o", "report")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the report (replace %q): %v\n%s", replace, err, out)
	}
	run := exec.Command(filepath.Join(dir, "report"))
	run.Env = append(os.Environ(), "SHOVEL_REPORT_KEYS="+keys)
	var stderr bytes.Buffer
	run.Stderr = &stderr
	out, err := run.Output()
	if err != nil {
		t.Fatalf("report (replace %q): %v\n%s", replace, err, stderr.String())
	}
	return out
}

type upstreamModule struct{ Dir, Sum, GoModSum string }

// upstream returns the released module in the module cache, downloading it
// if needed. Offline it skips, except in CI, as shovel's fork check does
// (third_party/forks_test.go, in another module: test helpers cannot be
// shared).
func upstream(t *testing.T) upstreamModule {
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
	var info upstreamModule
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	return info
}
