package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"XDG_CONFIG_HOME", map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, "/x/shovel/config.yaml"},
		{"relative XDG_CONFIG_HOME is ignored", map[string]string{"XDG_CONFIG_HOME": "x", "HOME": "/h"}, "/h/.config/shovel/config.yaml"},
		{"HOME", map[string]string{"HOME": "/h"}, "/h/.config/shovel/config.yaml"},
		{"neither", map[string]string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Path(env(tt.env))
			if got != tt.want || (err != nil) != (tt.want == "") {
				t.Errorf("Path = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func problems(ps []Problem) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.String())
	}
	return strings.Join(s, "\n")
}

func TestParse(t *testing.T) {
	yes := true
	tests := []struct {
		name  string
		src   string
		want  Config
		probs string
	}{
		{"empty", "", Config{}, ""},
		{"only comments", "# theme: dark\n", Config{}, ""},
		{"everything", "theme: light\nambiguous_width: 2\npresenter: true\ntimer: immediately\nkeys:\n  next: [x, right]\n  quit: Q\n",
			Config{Theme: "light", ThemeLine: 1, AmbiguousWidth: 2, Presenter: &yes, Timer: TimerImmediately,
				Keys: []Binding{{"next", []string{"x", "right"}, 6}, {"quit", []string{"Q"}, 7}}}, ""},
		{"broken keys keep their defaults, good ones apply",
			"theme: dark\nambiguous_width: 3\npresenter: maybe\ntimer: later\ncolour: red\n",
			Config{Theme: "dark", ThemeLine: 1},
			"c.yaml:2: ambiguous_width: want 1 or 2; got \"3\"\n" +
				"c.yaml:3: presenter: want true or false; got \"maybe\"\n" +
				"c.yaml:4: timer: want first-move or immediately; got \"later\"\n" +
				"c.yaml:5: unknown key \"colour\" (known: theme, ambiguous_width, presenter, timer, keys)"},
		{"a bad key binding is dropped, the others kept", "keys:\n  next: [a, [b]]\n  prev: ''\n  help: H\n",
			Config{Keys: []Binding{{"help", []string{"H"}, 4}}},
			"c.yaml:2: keys: next: want a key or a list of keys, such as [right, space]\n" +
				"c.yaml:3: keys: prev: want a key or a list of keys, such as [right, space]"},
		{"keys not a map", "keys: [a]\n", Config{}, "c.yaml:1: keys: want one action per line, such as next: [right, space]"},
		{"not YAML", "theme: dark\n  bad: [\n", Config{}, "c.yaml:2: "},
		{"not a map", "- theme\n", Config{}, "c.yaml:1: want keys such as theme: and keys:; the whole file is ignored"},
		{"empty theme", "theme: ''\n", Config{}, "c.yaml:1: theme: want a theme name or a style file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := Parse("c.yaml", []byte(tt.src))
			if ps := problems(probs); !strings.HasPrefix(ps, tt.probs) || (tt.probs == "") != (ps == "") {
				t.Errorf("problems:\n%s\nwant:\n%s", ps, tt.probs)
			}
			if !equal(got, tt.want) {
				t.Errorf("config = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func equal(a, b Config) bool {
	if a.Theme != b.Theme || a.ThemeLine != b.ThemeLine || a.AmbiguousWidth != b.AmbiguousWidth || a.Timer != b.Timer ||
		(a.Presenter == nil) != (b.Presenter == nil) || (a.Presenter != nil && *a.Presenter != *b.Presenter) || len(a.Keys) != len(b.Keys) {
		return false
	}
	for i := range a.Keys {
		x, y := a.Keys[i], b.Keys[i]
		if x.Action != y.Action || x.Line != y.Line || strings.Join(x.Keys, " ") != strings.Join(y.Keys, " ") {
			return false
		}
	}
	return true
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if c, probs, err := Load(filepath.Join(dir, "missing.yaml")); err != nil || probs != nil || c.Theme != "" {
		t.Errorf("a missing file: %+v, %v, %v", c, probs, err)
	}
	if _, _, err := Load(dir); err == nil {
		t.Error("a folder is read as a config")
	}
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte("theme: light\ntimer: soon\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, probs, err := Load(p)
	if err != nil || c.Theme != "light" || len(probs) != 1 || !strings.HasPrefix(probs[0].String(), p+":2: timer:") {
		t.Errorf("Load = %+v, %v, %v", c, problems(probs), err)
	}
}
