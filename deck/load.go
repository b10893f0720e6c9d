package deck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type loader struct {
	src   source
	files []string
	raws  [][]byte
	diags []Diagnostic
	stack []string // include chain, as display names
	keys  []string // include chain, as keys
	meta  Meta
	compat
	// done holds each file read so far, by key, with its includes
	// expanded: a file included many times is read and parsed once.
	done map[string]*expansion
	// keyOf caches src.Key of include targets.
	keyOf map[string]string
	// used is what the deck files finished so far take of the budget.
	used budget
	// dropped counts diagnostics past maxDiagnostics, by severity, and
	// droppedAt is where the first of them was.
	dropped   [2]int
	droppedAt Pos
	// refused is set when a file was too costly to parse (checkShapes).
	refused bool
	// first: parse the deck file's body only up to the end of its first
	// slide (OpenFirst); noFirst is set when that cannot be done safely.
	first, noFirst bool
	// prefix is set when only the start of the deck file was read (first).
	prefix bool
	// sink, when set, collects the diagnostics instead (parseRange).
	sink *[]Diagnostic
}

// Options widen what Open may read.
type Options struct {
	// IncludeRoots are folders, besides the deck's own, that includes (and
	// the files of a directory deck) may come from.
	IncludeRoots []string
}

// Open reads a deck from a Markdown file or a directory of them.
// The error is non-nil only when the deck cannot be read at all (a
// *ReadError); everything else is in Deck.Diagnostics.
func Open(path string) (*Deck, error) {
	return OpenWith(path, Options{})
}

// OpenWith is Open with options. Includes and a directory deck's files
// must lie inside the deck's folder (the directory, or the folder of the
// deck file) or one of opts.IncludeRoots, after symbolic links are
// followed; see docs/security.md.
func OpenWith(path string, opts Options) (*Deck, error) {
	src, err := osSourceFor(path, opts)
	if err != nil {
		return nil, err
	}
	return load(src, path, false)
}

func osSourceFor(path string, opts Options) (source, error) {
	folder := path
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		folder = filepath.Dir(path)
	}
	var roots []string
	for _, dir := range append([]string{folder}, opts.IncludeRoots...) {
		r, err := realPath(dir)
		if err != nil {
			return nil, &ReadError{Path: dir, Err: cleanErr(err)}
		}
		roots = append(roots, r)
	}
	return osSource{roots: roots}, nil
}

// OpenFS reads a deck from fsys; name is a file or directory in fsys, and
// prefix is put before file names in diagnostics (e.g. "slides").
func OpenFS(fsys fs.FS, name, prefix string) (*Deck, error) {
	return load(fsSource{fsys: fsys, prefix: prefix}, name, false)
}

// Parse reads a single-file deck from memory; includes cannot be resolved.
func Parse(name string, src []byte) (*Deck, error) {
	return load(memSource{name: name, data: src}, name, false)
}

func load(src source, root string, first bool) (*Deck, error) {
	l := &loader{src: src, done: map[string]*expansion{}, keyOf: map[string]string{}, first: first}
	info, err := src.Stat(root)
	if err != nil {
		return nil, &ReadError{Path: src.Display(root), Err: cleanErr(err)}
	}
	var items []item
	if info.IsDir() && first {
		return nil, nil // a directory deck is read whole
	}
	if info.IsDir() {
		names, err := markdownFiles(src, root)
		if err != nil {
			return nil, &ReadError{Path: src.Display(root), Err: cleanErr(err)}
		}
		if len(names) == 0 {
			return nil, &ReadError{Path: src.Display(root), Err: errors.New("no Markdown files (*.md) in this directory")}
		}
		for i, n := range names {
			if err := src.Confine(n); err != nil {
				return nil, &ReadError{Path: src.Display(n), Err: err}
			}
			exp := l.done[src.Key(n)] // already included by an earlier file
			if exp == nil {
				if exp, err = l.file(n, nil, i == 0); err != nil {
					return nil, err
				}
			}
			l.used.add(exp.budget)
			if i > 0 {
				items = append(items, item{kind: itemBreak, boundary: true, pos: Pos{File: src.Display(n), Line: 1, Col: 1}})
			}
			items = append(items, exp.items...)
		}
	} else {
		exp, err := l.file(root, nil, true)
		if err != nil {
			return nil, err
		}
		items = exp.items
	}
	if l.noFirst {
		return nil, nil
	}
	slides := l.split(items, info.IsDir())
	d := &Deck{Meta: l.meta, Files: l.files, Sources: l.raws, Root: src.Display(root), Dialect: l.dialect, ThemePos: l.themePos}
	l.assemble(d, slides)
	d.Diagnostics = append(Diagnostics(nil), l.diags...)
	if n := l.dropped[Warning] + l.dropped[Error]; n > 0 {
		sev := Warning
		if l.dropped[Error] > 0 {
			sev = Error
		}
		d.Diagnostics = append(d.Diagnostics, Diagnostic{Pos: l.droppedAt, Severity: sev,
			Message: fmt.Sprintf("%d more problems not shown (%d errors, %d warnings) from here on; fix the ones above first",
				n, l.dropped[Error], l.dropped[Warning])})
	}
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
