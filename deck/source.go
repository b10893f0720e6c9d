package deck

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// source abstracts where deck files come from: the real file system (paths
// as the user typed them) or an fs.FS such as the embedded built-in deck.
type source interface {
	// ReadFile reads a regular file of at most limit bytes; anything else
	// (a FIFO, a device, a directory, a larger file) is an error.
	ReadFile(name string, limit int64) ([]byte, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	Stat(name string) (fs.FileInfo, error)
	Join(elem ...string) string
	Dir(name string) string
	// Display is the name shown in diagnostics.
	Display(name string) string
	// Key identifies a file for include-cycle detection.
	Key(name string) string
	// Confine returns an error when name, after following symbolic links,
	// lies outside the folders a deck may read.
	Confine(name string) error
}

// osSource reads the real file system. roots are the folders (symbolic
// links resolved) that a deck's files and includes must stay inside.
type osSource struct{ roots []string }

func (osSource) ReadFile(n string, limit int64) ([]byte, error) { return readRegular(n, limit) }
func (osSource) ReadDir(n string) ([]fs.DirEntry, error)        { return os.ReadDir(n) }
func (osSource) Stat(n string) (fs.FileInfo, error)             { return os.Stat(n) }
func (osSource) Join(e ...string) string                        { return filepath.Join(e...) }
func (osSource) Dir(n string) string                            { return filepath.Dir(n) }
func (osSource) Display(n string) string                        { return n }
func (osSource) Key(n string) string {
	if r, err := realPath(n); err == nil {
		return r
	}
	if a, err := filepath.Abs(n); err == nil {
		return a
	}
	return filepath.Clean(n)
}

func (s osSource) Confine(n string) error {
	r, err := realPath(n)
	if err != nil {
		return cleanErr(err)
	}
	for _, root := range s.roots {
		if within(root, r) {
			return nil
		}
	}
	return errOutside
}

var errOutside = errors.New("it is outside the deck's folder (a speaker's own shared folder can be allowed with --include-root)")

// realPath is the absolute path of n with every symbolic link resolved.
func realPath(n string) (string, error) {
	a, err := filepath.Abs(n)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(a)
}

// within reports whether path p is root or below it (both absolute, clean).
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// readRegular reads a regular file through a size cap without ever
// blocking: a FIFO or a terminal would wait for a writer forever and
// /dev/zero never ends. The file is checked before it is opened and again
// on the open descriptor, since it may be swapped in between; O_NONBLOCK
// keeps the open itself from waiting on a FIFO.
func readRegular(name string, limit int64) ([]byte, error) {
	data, _, err := readRegularPrefix(name, limit, limit)
	return data, err
}

// prefixReader is a source that can read the start of a big file.
type prefixReader interface {
	// ReadPrefix reads name like ReadFile when it is at most n bytes;
	// else its first n bytes up to the end of the last whole line in
	// them, and whole is false.
	ReadPrefix(name string, limit, n int64) (data []byte, whole bool, err error)
}

func (osSource) ReadPrefix(name string, limit, n int64) ([]byte, bool, error) {
	return readRegularPrefix(name, limit, n)
}

// readRegularPrefix is readRegular reading at most n bytes (n <= limit): a
// longer file is cut after its last newline within them, and whole is false.
func readRegularPrefix(name string, limit, n int64) (data []byte, whole bool, err error) {
	data, err = readRegularUpTo(name, limit, n)
	if err != nil || int64(len(data)) <= n {
		return data, err == nil, err
	}
	nl := bytes.LastIndexByte(data[:n], '\n')
	return data[:nl+1], false, nil
}

// readRegularUpTo reads a regular file of at most limit bytes, but no more
// than n+1 of them (n+1: to tell a file of exactly n bytes from a longer
// one).
func readRegularUpTo(name string, limit, n int64) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(info, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(info, limit); err != nil {
		return nil, err
	}
	// Read into a buffer of the file's size: io.ReadAll would grow one
	// by doubling, leaving garbage and up to twice the file in Sources.
	want := min(limit, n) + 1
	buf := bytes.NewBuffer(make([]byte, 0, min(info.Size(), want)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, want)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// checkRegular says why a file is not something a deck may read.
func checkRegular(info fs.FileInfo, limit int64) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
		if info.Size() > limit {
			return tooLarge(limit)
		}
		return nil
	case m.IsDir():
		return errors.New("it is a directory")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("it is a named pipe (FIFO), not a regular file")
	case m&fs.ModeDevice != 0:
		return errors.New("it is a device, not a regular file")
	case m&fs.ModeSocket != 0:
		return errors.New("it is a socket, not a regular file")
	}
	return errors.New("it is not a regular file")
}

func tooLarge(limit int64) error {
	return fmt.Errorf("it is larger than %d MiB, the most a deck file may be", limit>>20)
}

type fsSource struct {
	fsys   fs.FS
	prefix string // shown before names in diagnostics, e.g. "slides"
}

func (s fsSource) ReadFile(n string, limit int64) ([]byte, error) {
	info, err := fs.Stat(s.fsys, n)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(info, limit); err != nil {
		return nil, err
	}
	return fs.ReadFile(s.fsys, n)
}
func (s fsSource) ReadDir(n string) ([]fs.DirEntry, error) { return fs.ReadDir(s.fsys, n) }
func (s fsSource) Stat(n string) (fs.FileInfo, error)      { return fs.Stat(s.fsys, n) }
func (s fsSource) Join(e ...string) string                 { return path.Join(e...) }
func (s fsSource) Dir(n string) string                     { return path.Dir(n) }
func (s fsSource) Key(n string) string                     { return path.Clean(n) }

// Confine: an fs.FS cannot name anything outside itself.
func (s fsSource) Confine(string) error { return nil }
func (s fsSource) Display(n string) string {
	if s.prefix == "" {
		return n
	}
	if n == "." {
		return s.prefix
	}
	return path.Join(s.prefix, n)
}

// memSource is the one file Parse reads from memory. It replaces
// testing/fstest.MapFS, which would put the testing packages into the
// binary; like MapFS it serves name only when name is a valid fs path,
// so an include names nothing else.
type memSource struct {
	name string
	data []byte
}

func (s memSource) file(op, n string) error {
	if n == s.name && fs.ValidPath(n) {
		return nil
	}
	return &fs.PathError{Op: op, Path: n, Err: fs.ErrNotExist}
}

func (s memSource) ReadFile(n string, limit int64) ([]byte, error) {
	if err := s.file("open", n); err != nil {
		return nil, err
	}
	if int64(len(s.data)) > limit {
		return nil, tooLarge(limit)
	}
	return append([]byte(nil), s.data...), nil // the caller's slice stays theirs
}

func (s memSource) ReadDir(n string) ([]fs.DirEntry, error) {
	return nil, &fs.PathError{Op: "readdir", Path: n, Err: fs.ErrNotExist}
}

func (s memSource) Stat(n string) (fs.FileInfo, error) {
	if err := s.file("stat", n); err != nil {
		return nil, err
	}
	return memInfo{name: path.Base(n), size: int64(len(s.data))}, nil
}

func (memSource) Join(e ...string) string { return path.Join(e...) }
func (memSource) Dir(n string) string     { return path.Dir(n) }
func (memSource) Display(n string) string { return n }
func (memSource) Key(n string) string     { return path.Clean(n) }
func (memSource) Confine(string) error    { return nil }

// memInfo describes memSource's file: a regular, read-only file.
type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string     { return i.name }
func (i memInfo) Size() int64      { return i.size }
func (memInfo) Mode() fs.FileMode  { return 0o444 }
func (memInfo) ModTime() time.Time { return time.Time{} }
func (memInfo) IsDir() bool        { return false }
func (memInfo) Sys() any           { return nil }
