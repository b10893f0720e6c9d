package e2e

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// unwanted are packages the shovel binary must not link, with the reason.
// Their package inits run on every start, before the first frame.
var unwanted = []struct{ path, why string }{
	{"charm.land/glamour", "shovel has its own style types and glamour's styles generated into internal/render (glamour's ansi package drags in the packages below)"},
	{"github.com/microcosm-cc/bluemonday", "HTML sanitizer glamour links: ~2 ms and ~0.8 MB of init"},
	{"github.com/gorilla/css", "CSS scanner bluemonday links: its init compiles regexps"},
	{"github.com/aymerick/douceur", "CSS parser bluemonday links"},
	{"github.com/yuin/goldmark-emoji", "emoji table glamour links"},
	{"github.com/alecthomas/chroma/v2/quick", "chroma's convenience package links its HTML and SVG formatters"},
	{"testing", "test code in the binary"},
}

// linkedUnwanted returns the packages of deps that are, or are inside, an
// unwanted path, each with the reason.
func linkedUnwanted(deps []string) []string {
	var bad []string
	for _, d := range deps {
		for _, u := range unwanted {
			if d == u.path || strings.HasPrefix(d, u.path+"/") {
				bad = append(bad, d+": "+u.why)
			}
		}
	}
	return bad
}

func TestLinkedUnwanted(t *testing.T) {
	deps := []string{"fmt", "charm.land/glamour/v2/ansi", "github.com/gorilla/css/scanner",
		"github.com/alecthomas/chroma/v2", "github.com/alecthomas/chroma/v2/quickly", "testing",
		"github.com/x/testing", "testing/iotest"}
	var got []string
	for _, b := range linkedUnwanted(deps) {
		got = append(got, b[:strings.Index(b, ": ")])
	}
	want := []string{"charm.land/glamour/v2/ansi", "github.com/gorilla/css/scanner", "testing", "testing/iotest"}
	if !slices.Equal(got, want) {
		t.Errorf("linkedUnwanted = %q, want %q", got, want)
	}
}

// TestBinaryLinksNoUnwanted lists what the shovel binary links, built as
// make build builds it.
func TestBinaryLinksNoUnwanted(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "shovel/cmd/shovel")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "shovel/internal/render") {
		t.Fatalf("go list -deps shovel/cmd/shovel does not list shovel/internal/render:\n%s", out)
	}
	for _, b := range linkedUnwanted(deps) {
		t.Errorf("the shovel binary links %s", b)
	}
}
