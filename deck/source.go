package deck

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// source abstracts where deck files come from: the real file system (paths
// as the user typed them) or an fs.FS such as the embedded built-in deck.
type source interface {
	ReadFile(name string) ([]byte, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	Stat(name string) (fs.FileInfo, error)
	Join(elem ...string) string
	Dir(name string) string
	// Display is the name shown in diagnostics.
	Display(name string) string
	// Key identifies a file for include-cycle detection.
	Key(name string) string
}

type osSource struct{}

func (osSource) ReadFile(n string) ([]byte, error)       { return os.ReadFile(n) }
func (osSource) ReadDir(n string) ([]fs.DirEntry, error) { return os.ReadDir(n) }
func (osSource) Stat(n string) (fs.FileInfo, error)      { return os.Stat(n) }
func (osSource) Join(e ...string) string                 { return filepath.Join(e...) }
func (osSource) Dir(n string) string                     { return filepath.Dir(n) }
func (osSource) Display(n string) string                 { return n }
func (osSource) Key(n string) string {
	if a, err := filepath.Abs(n); err == nil {
		if r, err := filepath.EvalSymlinks(a); err == nil {
			return r
		}
		return a
	}
	return filepath.Clean(n)
}

type fsSource struct {
	fsys   fs.FS
	prefix string // shown before names in diagnostics, e.g. "slides"
}

func (s fsSource) ReadFile(n string) ([]byte, error)       { return fs.ReadFile(s.fsys, n) }
func (s fsSource) ReadDir(n string) ([]fs.DirEntry, error) { return fs.ReadDir(s.fsys, n) }
func (s fsSource) Stat(n string) (fs.FileInfo, error)      { return fs.Stat(s.fsys, n) }
func (s fsSource) Join(e ...string) string                 { return path.Join(e...) }
func (s fsSource) Dir(n string) string                     { return path.Dir(n) }
func (s fsSource) Key(n string) string                     { return path.Clean(n) }
func (s fsSource) Display(n string) string {
	if s.prefix == "" {
		return n
	}
	if n == "." {
		return s.prefix
	}
	return path.Join(s.prefix, n)
}
