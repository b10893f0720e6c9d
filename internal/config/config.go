// Package config reads the speaker's settings file,
// $XDG_CONFIG_HOME/shovel/config.yaml (~/.config/shovel/config.yaml). A
// mistake in it never keeps shovel from starting: each broken key is
// reported with the file and line and keeps its default.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"shovel/internal/lazy"
)

// Timer starts: when the talk timer starts running.
const (
	TimerFirstMove   = "first-move"  // on the first key that moves (the default)
	TimerImmediately = "immediately" // as soon as shovel starts presenting
)

// Config is what the file sets; zero values mean "not set".
type Config struct {
	Theme     string
	ThemeLine int // where theme is set, for a later complaint about its value
	// AmbiguousWidth is 1 or 2, 0 when not set.
	AmbiguousWidth int
	// Presenter is non-nil when set.
	Presenter *bool
	// Timer is TimerFirstMove, TimerImmediately or "".
	Timer string
	// Keys rebind actions, in file order.
	Keys []Binding
}

// Binding is one "action: keys" entry of the keys section.
type Binding struct {
	Action string
	Keys   []string
	Line   int
}

// Problem is a mistake in the file: the key at Line keeps its default.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

// Path is where the config file is read from: $XDG_CONFIG_HOME (when it
// is an absolute path, as the XDG spec requires), else $HOME/.config.
func Path(getenv func(string) string) (string, error) {
	if d := getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "shovel", "config.yaml"), nil
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "shovel", "config.yaml"), nil
	}
	return "", errors.New("cannot find the config folder: neither XDG_CONFIG_HOME nor HOME is set")
}

// maxSize bounds the file read: a settings file is a few hundred bytes.
const maxSize = 1 << 20

// Load reads and parses the file at path. A missing file is no config at
// all; a file that cannot be read is an error.
func Load(path string) (Config, []Problem, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil, nil
	}
	if err != nil {
		return Config{}, nil, err
	}
	if !fi.Mode().IsRegular() {
		return Config{}, nil, fmt.Errorf("%s: not a regular file", path)
	}
	if fi.Size() > maxSize {
		return Config{}, nil, fmt.Errorf("%s: larger than 1 MiB; not a shovel config", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, nil, err
	}
	c, probs := Parse(path, data)
	return c, probs, nil
}

var yamlLine = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) }}

// Parse reads a config file's text; file names it in problems.
func Parse(file string, data []byte) (Config, []Problem) {
	var c Config
	var probs []Problem
	bad := func(line int, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.Get().FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		bad(line, "%s; the whole file is ignored", msg)
		return Config{}, probs
	}
	if len(doc.Content) == 0 {
		return c, nil // empty, or only comments
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		bad(root.Line, "want keys such as theme: and keys:; the whole file is ignored")
		return Config{}, probs
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "theme":
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				bad(v.Line, "theme: want a theme name or a style file")
				continue
			}
			c.Theme, c.ThemeLine = strings.TrimSpace(v.Value), v.Line
		case "ambiguous_width":
			if v.Kind != yaml.ScalarNode || (v.Value != "1" && v.Value != "2") {
				bad(v.Line, "ambiguous_width: want 1 or 2; got %s", show(v))
				continue
			}
			c.AmbiguousWidth = int(v.Value[0] - '0')
		case "presenter":
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				bad(v.Line, "presenter: want true or false; got %s", show(v))
				continue
			}
			c.Presenter = &b
		case "timer":
			if v.Kind != yaml.ScalarNode || (v.Value != TimerFirstMove && v.Value != TimerImmediately) {
				bad(v.Line, "timer: want %s or %s; got %s", TimerFirstMove, TimerImmediately, show(v))
				continue
			}
			c.Timer = v.Value
		case "keys":
			c.Keys = append(c.Keys, parseKeys(v, bad)...)
		default:
			bad(k.Line, "unknown key %q (known: theme, ambiguous_width, presenter, timer, keys)", k.Value)
		}
	}
	return c, probs
}

// parseKeys reads "action: key" or "action: [key, key]" entries.
func parseKeys(v *yaml.Node, bad func(int, string, ...any)) []Binding {
	if v.Kind != yaml.MappingNode {
		bad(v.Line, "keys: want one action per line, such as next: [right, space]")
		return nil
	}
	var out []Binding
	for i := 0; i+1 < len(v.Content); i += 2 {
		a, ks := v.Content[i], v.Content[i+1]
		var keys []string
		switch ks.Kind {
		case yaml.ScalarNode:
			keys = []string{ks.Value}
		case yaml.SequenceNode:
			for _, k := range ks.Content {
				if k.Kind != yaml.ScalarNode {
					keys = nil
					break
				}
				keys = append(keys, k.Value)
			}
		}
		ok := len(keys) > 0
		for _, k := range keys {
			if strings.TrimSpace(k) == "" || strings.ContainsAny(k, " \t") {
				ok = false
			}
		}
		if !ok {
			bad(ks.Line, "keys: %s: want a key or a list of keys, such as [right, space]", a.Value)
			continue
		}
		out = append(out, Binding{Action: a.Value, Keys: keys, Line: a.Line})
	}
	return out
}

// show quotes a value for a message: scalars as written, else their kind.
func show(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode {
		return strconv.Quote(v.Value)
	}
	return "a list or a map"
}
