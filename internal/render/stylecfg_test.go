package render

import (
	"encoding/json"
	"fmt"
	"maps"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// TestBuiltinStylesMatchGlamour compares each generated style with
// glamour's, field by field through JSON: after a glamour upgrade that
// changes a style, run go generate in internal/render.
func TestBuiltinStylesMatchGlamour(t *testing.T) {
	var names []string
	for name := range styles.DefaultStyles {
		names = append(names, name)
	}
	slices.Sort(names)
	if !slices.Equal(BuiltinStyles(), names) {
		t.Fatalf("built-in styles %q, glamour has %q: run go generate in internal/render", BuiltinStyles(), names)
	}
	for _, name := range names {
		want, err := json.Marshal(styles.DefaultStyles[name])
		if err != nil {
			t.Fatal(err)
		}
		cfg, ok := builtinStyle(name)
		if !ok {
			t.Fatalf("builtinStyle(%q) found nothing", name)
		}
		got, err := json.Marshal(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("style %s differs from glamour's at %s: run go generate in internal/render", name, jsonDiff(t, got, want))
		}
	}
	if _, ok := builtinStyle("no-such-style"); ok {
		t.Error(`builtinStyle("no-such-style") found a style`)
	}
}

// jsonDiff names the first place where JSON documents a and b differ.
func jsonDiff(t *testing.T, a, b []byte) string {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	var diff func(path string, x, y any) string
	diff = func(path string, x, y any) string {
		mx, okx := x.(map[string]any)
		my, oky := y.(map[string]any)
		if !okx || !oky {
			if !reflect.DeepEqual(x, y) {
				return fmt.Sprintf("%s: %v, glamour's %v", path, x, y)
			}
			return ""
		}
		keys := slices.Sorted(maps.Keys(mx))
		for k := range my {
			if _, ok := mx[k]; !ok {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			if d := diff(path+"."+k, mx[k], my[k]); d != "" {
				return d
			}
		}
		return ""
	}
	return diff("", x, y)
}

// TestBuiltinStylesGeneratedFromGlamourInGoMod: the generated file names
// the glamour release it came from, which must be the one go.mod requires.
func TestBuiltinStylesGeneratedFromGlamourInGoMod(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "charm.land/glamour/v2").Output()
	if err != nil {
		t.Fatalf("go list -m charm.land/glamour/v2: %v", err)
	}
	if v := strings.TrimSpace(string(out)); v != glamourVersion {
		t.Errorf("builtinstyles.go was generated from glamour %s; go.mod has %s: run go generate in internal/render", glamourVersion, v)
	}
}

// TestBuiltinStylesAreCopies: a theme may change the style it was given
// (defuse rewrites strings through its pointers), which must not reach the
// next theme made from the same built-in style.
func TestBuiltinStylesAreCopies(t *testing.T) {
	a, _ := builtinStyle(darkStyle)
	*a.Document.Margin = 99
	*a.CodeBlock.Chroma.Keyword.Color = "#ff0000"
	b, _ := builtinStyle(darkStyle)
	if *b.Document.Margin == 99 || *b.CodeBlock.Chroma.Keyword.Color == "#ff0000" {
		t.Error("builtinStyle returned a style that shares pointers with an earlier one")
	}
}

// TestStyleNamesAreBuiltin: the style names shovel's code uses exist.
func TestStyleNamesAreBuiltin(t *testing.T) {
	for _, name := range []string{asciiStyle, darkStyle, lightStyle, nottyStyle, tokyoNightStyle} {
		if !isBuiltinStyle(name) {
			t.Errorf("%q is not a built-in style", name)
		}
	}
}

// TestStyleTypesMatchGlamour walks shovel's StyleConfig and glamour's side
// by side: the same fields, in the same order, with the same JSON tags and
// kinds, so a style file decodes into both alike.
func TestStyleTypesMatchGlamour(t *testing.T) {
	var walk func(path string, ours, theirs reflect.Type)
	walk = func(path string, ours, theirs reflect.Type) {
		if ours.Kind() != theirs.Kind() || ours.Name() != theirs.Name() {
			t.Errorf("%s: shovel has %s (%s), glamour %s (%s)", path, ours, ours.Kind(), theirs, theirs.Kind())
			return
		}
		switch ours.Kind() {
		case reflect.Pointer:
			walk(path, ours.Elem(), theirs.Elem())
		case reflect.Struct:
			if ours.NumField() != theirs.NumField() {
				t.Errorf("%s: shovel's %s has %d fields, glamour's %d", path, ours.Name(), ours.NumField(), theirs.NumField())
			}
			for i := range min(ours.NumField(), theirs.NumField()) {
				o, g := ours.Field(i), theirs.Field(i)
				if o.Name != g.Name || o.Tag != g.Tag || o.Anonymous != g.Anonymous {
					t.Errorf("%s: field %d is %s `%s`, glamour's %s `%s`", path, i, o.Name, o.Tag, g.Name, g.Tag)
					continue
				}
				walk(path+"."+o.Name, o.Type, g.Type)
			}
		}
	}
	walk("StyleConfig", reflect.TypeFor[StyleConfig](), reflect.TypeFor[ansi.StyleConfig]())
}
