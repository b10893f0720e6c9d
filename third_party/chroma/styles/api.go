package styles

import (
	"embed"
	"io/fs"
	"sort"
	"strings" // shovel: style names from file names

	"github.com/alecthomas/chroma/v2"
)

//go:embed *.xml
var embedded embed.FS

// Registry of Styles.
//
// shovel: each embedded style is registered under its file's name (every
// file's style has that name: TestShovelStyleNames checks), as a lazy
// style whose XML is parsed on first use, not at init: parsing all of them
// took ~10 ms and 1.6 MB on every start of shovel. So Get, Names,
// Register, Fallback, the variables in compat.go and reading this map
// directly all behave as before.
var Registry = func() map[string]*chroma.Style {
	registry := map[string]*chroma.Style{}
	// Register all embedded styles.
	files, err := fs.ReadDir(embedded, ".")
	if err != nil {
		panic(err)
	}
	for _, file := range files {
		if file.IsDir() {
			continue
		}
		// shovel: a lazy style, loaded from the file on first use
		file, name := file.Name(), strings.TrimSuffix(file.Name(), ".xml")
		registry[name] = chroma.NewLazyStyle(name, func() (*chroma.Style, error) { return embeddedStyle(file) })
	}
	return registry
}()

// shovel: embeddedStyle parses an embedded style file, as the registry did
// at init before.
func embeddedStyle(file string) (*chroma.Style, error) {
	r, err := embedded.Open(file)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return chroma.NewXMLStyle(r)
}

// Fallback style. Reassign to change the default fallback style.
var Fallback = Registry["swapoff"]

// Register a chroma.Style.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}

// Names of all available styles.
func Names() []string {
	out := []string{}
	for name := range Registry {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Get named style, or Fallback.
func Get(name string) *chroma.Style {
	if style, ok := Registry[name]; ok {
		return style
	}
	return Fallback
}
