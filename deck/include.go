package deck

import (
	"path"
	"path/filepath"
	"strings"
)

// What a deck may make shovel read (docs/security.md): a stranger's deck
// must not exhaust memory or time through its files and includes.
const (
	// maxIncludeDepth stops runaway include chains that are not cycles (for
	// example a generated file that includes a new generated file).
	maxIncludeDepth = 32
	// MaxFileBytes caps each file of a deck, includes too (and a deck read
	// from standard input).
	MaxFileBytes = 16 << 20
	// maxDeckBytes caps the deck after includes are expanded: a file
	// included twice counts twice.
	maxDeckBytes = 64 << 20
	// maxIncludes caps the include directives expanded in a deck, nested
	// ones too, so files that each include the next one twice stop early.
	maxIncludes = 10000
)

// budget is how much of the deck's expansion limits a part of it takes.
type budget struct {
	bytes    int64
	includes int
	items    int
}

func (b *budget) add(o budget) { b.bytes += o.bytes; b.includes += o.includes; b.items += o.items }

// expansion is a file's items with its includes spliced in.
type expansion struct {
	items []item
	budget
}

// file reads one file into items, expanding its includes. from is the
// include directive that asked for it (nil for a deck file). A deck file
// that cannot be read is a *ReadError; an include that cannot be read is a
// diagnostic at the include.
func (l *loader) file(name string, from *Pos, frontMatter bool) (*expansion, error) {
	display := l.src.Display(name)
	fail := func(err error) (*expansion, error) {
		if from == nil {
			return nil, &ReadError{Path: display, Err: err}
		}
		l.errorf(*from, "cannot include %s: %v", display, err)
		return nil, nil
	}
	var raw []byte
	var err error
	if pr, ok := l.src.(prefixReader); ok && l.first && from == nil {
		// Slide 1 first: a long deck's start is enough, so the first
		// frame does not wait for reading a file of any length.
		var whole bool
		raw, whole, err = pr.ReadPrefix(name, MaxFileBytes, firstPrefixBytes)
		l.prefix = !whole
	} else {
		raw, err = l.src.ReadFile(name, MaxFileBytes)
	}
	if err != nil {
		return fail(cleanErr(err))
	}
	text, diags, err := normalize(display, raw)
	if err != nil {
		return fail(err)
	}
	key := l.src.Key(name)
	exp := &expansion{budget: budget{bytes: int64(len(raw))}}
	l.done[key] = exp
	l.files = append(l.files, display)
	l.raws = append(l.raws, raw)
	l.addDiags(diags)
	if len(diags) == 0 && !l.first { // invalid UTF-8 would flag every lost byte
		l.addDiags(textChecks(display, text))
	}
	if strings.TrimSpace(text) == "" {
		if from == nil {
			l.warnf(Pos{File: display, Line: 1, Col: 1}, "file is empty")
		} else {
			l.warnf(*from, "included file %s is empty", display)
		}
		return exp, nil
	}

	base := 0
	if y, n, ok, unterminated := splitFrontMatter(text); ok {
		if frontMatter && len(y) > maxFrontMatter {
			l.errorf(Pos{File: display, Line: 1, Col: 1}, "front matter is %d KiB long; at most %d KiB are read", len(y)>>10, maxFrontMatter>>10)
		} else if frontMatter {
			meta, fm, mdiags := parseMeta(display, y, 2)
			l.meta, l.dialect, l.themePos = meta, fm.dialect, fm.themePos
			l.addDiags(mdiags)
		} else {
			l.warnf(Pos{File: display, Line: 1, Col: 1}, "front matter is only read from the deck's first file; this one is ignored")
		}
		base = n
		text = strings.Join(strings.SplitAfterN(text, "\n", n+1)[n:], "")
	} else if unterminated && frontMatter {
		l.errorf(Pos{File: display, Line: 1, Col: 1}, "front matter opened here is never closed (add a line --- after it)")
	}

	l.stack = append(l.stack, display)
	l.keys = append(l.keys, key)
	defer func() {
		l.stack = l.stack[:len(l.stack)-1]
		l.keys = l.keys[:len(l.keys)-1]
	}()

	// Includes are spliced by appending to a new slice: splicing in place
	// would copy the rest of the file once per include.
	l.curFile = name
	var items []item
	if l.first && from == nil {
		if items = l.firstItems(display, text, base); items == nil {
			l.noFirst = true
			return exp, nil
		}
	} else {
		items = l.parseBody(display, text, base)
	}
	if !hasInclude(items) {
		exp.items, exp.budget.items = items, len(items)
		return exp, nil
	}
	out := make([]item, 0, len(items))
	for _, it := range items {
		if it.kind == itemDirective && it.name == dirInclude {
			out = l.include(name, it, exp, out)
			continue
		}
		out = append(out, it)
		exp.budget.items++
	}
	exp.items = out
	return exp, nil
}

// hasInclude reports whether items hold an include directive; without
// one a file's items are its expansion as they are, with no copy.
func hasInclude(items []item) bool {
	for _, it := range items {
		if it.kind == itemDirective && it.name == dirInclude {
			return true
		}
	}
	return false
}

// include appends the expansion of the include directive it, found in the
// file from, to out, charging it to parent's budget.
func (l *loader) include(from string, it item, parent *expansion, out []item) []item {
	if filepath.IsAbs(it.value) || path.IsAbs(it.value) {
		l.errorf(it.pos, "cannot include %s: an include must be a path relative to the including file, not an absolute path", it.value)
		return out
	}
	target := l.src.Join(l.src.Dir(from), it.value)
	display := l.src.Display(target)
	key, ok := l.keyOf[target] // resolving links for every include line adds up
	if !ok {
		key = l.src.Key(target)
		l.keyOf[target] = key
	}
	for i, k := range l.keys {
		if k == key {
			chain := append(append([]string(nil), l.stack[i:]...), display)
			l.errorf(it.pos, "include cycle: %s", strings.Join(chain, " → "))
			return out
		}
	}
	if len(l.stack) >= maxIncludeDepth {
		l.errorf(it.pos, "includes nested more than %d deep", maxIncludeDepth)
		return out
	}
	child := l.done[key]
	if child == nil {
		if err := l.src.Confine(target); err != nil {
			l.errorf(it.pos, "cannot include %s: %v", display, err)
			return out
		}
		pos := it.pos
		if child, _ = l.file(target, &pos, false); child == nil {
			return out
		}
	}
	cost := budget{bytes: child.bytes, includes: 1 + child.includes, items: child.budget.items}
	total := l.used
	total.add(parent.budget)
	total.add(cost)
	switch {
	case total.includes > maxIncludes:
		l.errorf(it.pos, "too many includes: with this one the deck expands more than %d includes (does a file include another more than once?)", maxIncludes)
		return out
	case total.items > maxBlocks:
		l.errorf(it.pos, "deck too large: with this include the deck has more than %d blocks", maxBlocks)
		return out
	case total.bytes > maxDeckBytes:
		l.errorf(it.pos, "deck too large: with this include the deck grows past %d MiB", maxDeckBytes>>20)
		return out
	}
	parent.add(cost)
	return append(out, child.items...)
}
