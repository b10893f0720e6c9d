package deck

import (
	"fmt"
	"sort"
)

// Severity says whether a diagnostic stops the deck from being presented.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is a problem found in a deck, located in its source.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the diagnostic like a compiler: file:line:col: error: message.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
}

func (d Diagnostic) Error() string { return d.String() }

// Diagnostics is a list of diagnostics.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return ds.Count(Error) > 0
}

// Count returns how many diagnostics have severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Errors returns only the errors.
func (ds Diagnostics) Errors() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders diagnostics by file order of appearance, then line and column.
// fileOrder gives each file's rank; files not in it sort after, by name.
func (ds Diagnostics) Sort(fileOrder []string) {
	rank := make(map[string]int, len(fileOrder))
	for i, f := range fileOrder {
		if _, ok := rank[f]; !ok {
			rank[f] = i
		}
	}
	r := func(f string) int {
		if v, ok := rank[f]; ok {
			return v
		}
		return len(fileOrder)
	}
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if ra, rb := r(a.File), r(b.File); ra != rb {
			return ra < rb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// ReadError means the deck could not be read at all: a missing file, a
// directory without Markdown, a binary or UTF-16 file. Callers map it to the
// "bad input" exit code.
type ReadError struct {
	Path string
	Err  error
}

func (e *ReadError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *ReadError) Unwrap() error { return e.Err }
