package tui

import (
	"os"
	"strings"
	"testing"
)

// The key reference in docs/keys.md and README.md is generated from the
// keymap; this fails when someone changes a binding and forgets to run the
// generator.
func TestKeyDocsAreCurrent(t *testing.T) {
	km := DefaultKeyMap()
	doc, err := os.ReadFile("../../docs/keys.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc) != KeysDoc(km) {
		t.Error("docs/keys.md is stale: run go run ./internal/tui/cmd/genkeys")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReplaceKeysSection(string(readme), km)
	if err != nil {
		t.Fatal(err)
	}
	if string(readme) != want {
		t.Error("README.md's key section is stale: run go run ./internal/tui/cmd/genkeys")
	}
}

func TestKeysMarkdownListsEveryBinding(t *testing.T) {
	km := DefaultKeyMap()
	md := KeysMarkdown(km)
	for _, g := range km.Groups() {
		if !strings.Contains(md, "**"+g.Title+"**") {
			t.Errorf("group %q missing", g.Title)
		}
		for _, b := range g.Bindings {
			if !strings.Contains(md, b.Help().Desc) {
				t.Errorf("binding %q missing", b.Help().Desc)
			}
		}
	}
	if _, err := ReplaceKeysSection("no markers here", km); err == nil {
		t.Error("a README without markers is accepted")
	}
	got, err := ReplaceKeysSection("a\n<!-- keys:start -->\nold\n<!-- keys:end -->\nb\n", km)
	if err != nil || !strings.HasPrefix(got, "a\n<!-- keys:start -->\n**Moving**") || !strings.HasSuffix(got, "<!-- keys:end -->\nb\n") || strings.Contains(got, "old") {
		t.Errorf("ReplaceKeysSection = %q, %v", got, err)
	}
}

// Every key the issue names reaches a binding: a typo in a key name
// ("pgdn" for "pgdown") would silently disable it.
func TestIssueKeysAreBound(t *testing.T) {
	km := DefaultKeyMap()
	var all []string
	for _, g := range km.Groups() {
		for _, b := range g.Bindings {
			all = append(all, b.Keys()...)
		}
	}
	all = append(all, km.FirstChord.Keys()...)
	bound := map[string]bool{}
	for _, k := range all {
		bound[k] = true
	}
	for _, k := range []string{"right", "l", "j", "space", "enter", "pgdown", "left", "h", "k", "backspace", "pgup",
		"n", "p", "g", "home", "G", "end", "s", "tab", "/", "ctrl+n", "ctrl+p", "b", "?", "ctrl+r", "q", "ctrl+c",
		"ctrl+z", "P", "t", "T", "down", "up"} {
		if !bound[k] {
			t.Errorf("key %q is not bound", k)
		}
		if bound[k] && keyMsg(k).String() != k {
			t.Errorf("a terminal's %q arrives as %q", k, keyMsg(k).String())
		}
	}
}
