package deck

import (
	"errors"
	"io/fs"
	"sort"
	"strings"
	"testing/fstest"
)

// maxIncludeDepth stops runaway include chains that are not cycles (for
// example a generated file that includes a new generated file).
const maxIncludeDepth = 32

type loader struct {
	src   source
	files []string
	diags []Diagnostic
	stack []string // include chain, as display names
	keys  []string // include chain, as keys
	meta  Meta
	compat
}

// Open reads a deck from a Markdown file or a directory of them.
// The error is non-nil only when the deck cannot be read at all (a
// *ReadError); everything else is in Deck.Diagnostics.
func Open(path string) (*Deck, error) {
	return load(osSource{}, path)
}

// OpenFS reads a deck from fsys; name is a file or directory in fsys, and
// prefix is put before file names in diagnostics (e.g. "slides").
func OpenFS(fsys fs.FS, name, prefix string) (*Deck, error) {
	return load(fsSource{fsys: fsys, prefix: prefix}, name)
}

// Parse reads a single-file deck from memory; includes cannot be resolved.
func Parse(name string, src []byte) (*Deck, error) {
	return OpenFS(fstest.MapFS{name: {Data: src}}, name, "")
}

func load(src source, root string) (*Deck, error) {
	l := &loader{src: src}
	info, err := src.Stat(root)
	if err != nil {
		return nil, &ReadError{Path: src.Display(root), Err: cleanErr(err)}
	}
	var items []item
	if info.IsDir() {
		names, err := markdownFiles(src, root)
		if err != nil {
			return nil, &ReadError{Path: src.Display(root), Err: cleanErr(err)}
		}
		if len(names) == 0 {
			return nil, &ReadError{Path: src.Display(root), Err: errors.New("no Markdown files (*.md) in this directory")}
		}
		for i, n := range names {
			its, err := l.file(n, nil, i == 0)
			if err != nil {
				return nil, err
			}
			if i > 0 {
				items = append(items, item{kind: itemBreak, boundary: true, pos: Pos{File: src.Display(n), Line: 1, Col: 1}})
			}
			items = append(items, its...)
		}
	} else {
		its, err := l.file(root, nil, true)
		if err != nil {
			return nil, err
		}
		items = its
	}
	items = l.split(items, info.IsDir())
	d := &Deck{Meta: l.meta, Files: l.files, Root: src.Display(root), Dialect: l.dialect, ThemePos: l.themePos}
	l.assemble(d, items)
	d.Diagnostics = append(Diagnostics(nil), l.diags...)
	d.Diagnostics.Sort(d.Files)
	return d, nil
}

// markdownFiles lists a directory deck's files in name order. Hidden files
// and files starting with "_" (parts meant for include) are left out.
func markdownFiles(src source, dir string) ([]string, error) {
	entries, err := src.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
			continue
		}
		if ext := strings.ToLower(n[strings.LastIndexByte(n, '.')+1:]); ext == "md" || ext == "markdown" {
			names = append(names, src.Join(dir, n))
		}
	}
	sort.Strings(names)
	return names, nil
}

func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// file reads one file into items, expanding its includes. from is the
// include directive that asked for it (nil for a deck file). A deck file
// that cannot be read is a *ReadError; an include that cannot be read is a
// diagnostic at the include.
func (l *loader) file(name string, from *Pos, frontMatter bool) ([]item, error) {
	display := l.src.Display(name)
	fail := func(err error) ([]item, error) {
		if from == nil {
			return nil, &ReadError{Path: display, Err: err}
		}
		l.errorf(*from, "cannot include %s: %v", display, err)
		return nil, nil
	}
	raw, err := l.src.ReadFile(name)
	if err != nil {
		return fail(cleanErr(err))
	}
	text, diags, err := normalize(display, raw)
	if err != nil {
		return fail(err)
	}
	l.files = append(l.files, display)
	l.diags = append(l.diags, diags...)
	if len(diags) == 0 { // invalid UTF-8 would flag every lost byte
		l.diags = append(l.diags, textChecks(display, text)...)
	}
	if strings.TrimSpace(text) == "" {
		if from == nil {
			l.warnf(Pos{File: display, Line: 1, Col: 1}, "file is empty")
		} else {
			l.warnf(*from, "included file %s is empty", display)
		}
		return nil, nil
	}

	base := 0
	if y, n, ok, unterminated := splitFrontMatter(text); ok {
		if frontMatter {
			meta, fm, mdiags := parseMeta(display, y, 2)
			l.meta, l.dialect, l.themePos = meta, fm.dialect, fm.themePos
			l.diags = append(l.diags, mdiags...)
		} else {
			l.warnf(Pos{File: display, Line: 1, Col: 1}, "front matter is only read from the deck's first file; this one is ignored")
		}
		base = n
		text = strings.Join(strings.SplitAfterN(text, "\n", n+1)[n:], "")
	} else if unterminated && frontMatter {
		l.errorf(Pos{File: display, Line: 1, Col: 1}, "front matter opened here is never closed (add a line --- after it)")
	}

	l.stack = append(l.stack, display)
	l.keys = append(l.keys, l.src.Key(name))
	defer func() {
		l.stack = l.stack[:len(l.stack)-1]
		l.keys = l.keys[:len(l.keys)-1]
	}()

	l.curFile = name
	items := l.parseBody(display, text, base)
	for i := 0; i < len(items); i++ {
		if it := items[i]; it.kind == itemDirective && it.name == dirInclude {
			inc := l.include(name, it)
			items = append(items[:i], append(inc, items[i+1:]...)...)
			i += len(inc) - 1
		}
	}
	return items, nil
}

func (l *loader) include(from string, it item) []item {
	target := l.src.Join(l.src.Dir(from), it.value)
	key := l.src.Key(target)
	for i, k := range l.keys {
		if k == key {
			chain := append(append([]string(nil), l.stack[i:]...), l.src.Display(target))
			l.errorf(it.pos, "include cycle: %s", strings.Join(chain, " → "))
			return nil
		}
	}
	if len(l.stack) >= maxIncludeDepth {
		l.errorf(it.pos, "includes nested more than %d deep", maxIncludeDepth)
		return nil
	}
	if info, err := l.src.Stat(target); err == nil && info.IsDir() {
		l.errorf(it.pos, "cannot include %s: it is a directory", l.src.Display(target))
		return nil
	}
	pos := it.pos
	items, _ := l.file(target, &pos, false)
	return items
}
