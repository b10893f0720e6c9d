// Package thirdparty holds shovel's patched copies of released modules,
// each a module of its own used through a replace directive in go.mod (see
// each PATCHES.md). This test keeps them honest.
package thirdparty

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fork is one patched module: its directory here, the module it replaces
// (the version is the one go.mod requires), the files that are shovel's
// own, and the upstream files deliberately left out (paths or folders,
// slash-separated, relative to the module root).
type fork struct {
	dir, module string
	own         []string
	omitted     []string
}

// upstreamMeta are repository files that a fork does not need.
var upstreamMeta = []string{".editorconfig", ".gitattributes", ".github", ".gitignore", ".golangci.yml",
	".goreleaser.yml", "README.md", "Taskfile.yaml", "UPGRADE_GUIDE_V2.md"}

var forks = []fork{
	{dir: "bubbletea", module: "charm.land/bubbletea/v2", own: []string{"PATCHES.md", "shovel_fork_test.go", "shovel_painted.go", "shovel_painted_test.go", "shovel_rows.go", "shovel_rows_test.go"},
		omitted: upstreamMeta},
	{dir: "lipgloss", module: "charm.land/lipgloss/v2", own: []string{"PATCHES.md"}, omitted: upstreamMeta},
	{dir: "chroma", module: "github.com/alecthomas/chroma/v2",
		own: []string{"PATCHES.md", "shovel_lazy_test.go", "lexers/shovel_test.go", "lexers/shovel_internal_test.go", "lexers/shovel_index.go",
			"styles/shovel_test.go", "testdata/shovel-report"},
		// tools, hermit binaries and the lexers' 5.7 MB of test data (see its PATCHES.md)
		omitted: append([]string{"Bitfile", "Makefile", "lexers/README.md", "pygments-lexers.txt", "renovate.json5",
			"table.py", "_tools", "bin", "lexers/testdata"}, upstreamMeta...)},
	{dir: "goldmark", module: "github.com/yuin/goldmark", own: []string{"PATCHES.md", "shovel_lazy_test.go",
		"extension/shovel_lazy_test.go", "parser/shovel_lazy_test.go", "util/shovel_lazy_test.go"},
		// the cmark comparison benchmark (C, 200 KB of data) and the table generators (see its PATCHES.md)
		omitted: append([]string{"_benchmark", "_tools", "Makefile"}, upstreamMeta...)},
	{dir: "go-runewidth", module: "github.com/mattn/go-runewidth", own: []string{"PATCHES.md", "shovel_lazy_test.go"},
		omitted: upstreamMeta},
}

// TestForksMatchUpstream diffs every file of each fork against the released
// module go.mod requires and fails on a changed region without a "shovel:"
// comment on one of its added lines, on a file added that is not listed as
// shovel's own, and on an upstream file missing that is not listed as left
// out. So no unmarked edit, and no forgotten upgrade, slips into a fork.
func TestForksMatchUpstream(t *testing.T) {
	for _, f := range forks {
		t.Run(f.dir, func(t *testing.T) {
			version := requiredVersion(t, f.module)
			upstream := download(t, f.module, version)
			ours := files(t, f.dir, nil)
			theirs := files(t, upstream, f.omitted)
			for _, o := range f.omitted {
				if _, err := os.Stat(filepath.Join(upstream, o)); err != nil && !slices.Contains(upstreamMeta, o) {
					t.Errorf("%s is listed as left out of third_party/%s but %s %s has no such file", o, f.dir, f.module, version)
				}
			}
			for name := range theirs {
				if !ours[name] {
					t.Errorf("%s of %s %s is missing from third_party/%s; list it as omitted if that is meant",
						name, f.module, version, f.dir)
				}
			}
			for name := range ours {
				if !theirs[name] {
					if !listed(f.own, name) {
						t.Errorf("third_party/%s/%s is not in %s %s; list it as shovel's own if that is meant",
							f.dir, name, f.module, version)
					}
					continue
				}
				orig := read(t, filepath.Join(upstream, name))
				fork := read(t, filepath.Join(f.dir, name))
				for _, r := range unmarkedChanges(splitLines(orig), splitLines(fork)) {
					t.Errorf("third_party/%s/%s:%d-%d: changed from %s %s without a \"shovel:\" comment:\n%s",
						f.dir, name, r.from+1, r.to, f.module, version, strings.Join(splitLines(fork)[r.from:r.to], "\n"))
				}
			}
		})
	}
}

// requiredVersion is the version of module in shovel's go.mod.
func requiredVersion(t *testing.T, module string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(module) + `\s+(v\S+)`).FindStringSubmatch(read(t, "../go.mod"))
	if m == nil {
		t.Fatalf("go.mod requires no %s", module)
	}
	return m[1]
}

// download returns the released module's directory in the module cache.
func download(t *testing.T, module, version string) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	cmd.Dir = t.TempDir() // outside shovel's module, so no replace applies
	out, err := cmd.Output()
	if err != nil {
		msg := fmt.Sprintf("cannot download %s@%s to compare the fork with: %v", module, version, err)
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

// files lists the regular files under root (slash paths relative to it),
// leaving out those listed in omitted.
func files(t *testing.T, root string, omitted []string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if rel != "." && listed(omitted, rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out[rel] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// listed reports whether name is in list or inside a folder in it.
func listed(list []string, name string) bool {
	for _, l := range list {
		if name == l || strings.HasPrefix(name, l+"/") {
			return true
		}
	}
	return false
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
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
			regions[n-1].to = max(regions[n-1].to, at+1)
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
			bad = append(bad, span{r.from, min(r.to, len(fork))})
		}
	}
	return bad
}

// lcsOps is a line diff: '=' keep, '-' delete from orig, '+' insert from
// fork. Forks differ in a few places, so after the common prefix and suffix
// the quadratic table is small.
func lcsOps(a, b []string) []byte {
	n, m := len(a), len(b)
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
				l[x][y] = max(l[x+1][y], l[x][y+1])
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

func TestListed(t *testing.T) {
	list := []string{"examples", "README.md"}
	for name, want := range map[string]bool{"examples": true, "examples/a/go.mod": true, "README.md": true,
		"examples2/x": false, "tea.go": false} {
		if listed(list, name) != want {
			t.Errorf("listed(%q) = %v", name, !want)
		}
	}
}
