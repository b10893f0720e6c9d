package follow

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"shovel/deck"
)

// filesBudget is how much file data a deck message may carry; the rest of
// the frame is JSON and base64 overhead (4/3).
const filesBudget = MaxMessage*3/4 - 64<<10

// DeckOf describes d for followers: its files as the speaker read them
// when they fit in a frame, else none, and the follower reads path (the
// deck's absolute path, "" for the built-in deck) itself and compares the
// hash.
func DeckOf(d *deck.Deck, seq int, path string) Deck {
	out := Deck{Seq: seq, Root: d.Root, Path: path, Hash: Hash(d.Files, d.Sources)}
	total := 0
	for _, s := range d.Sources {
		total += len(s)
	}
	if total > filesBudget || len(d.Sources) != len(d.Files) {
		return out
	}
	seen := map[string]bool{}
	for i, name := range d.Files {
		if !seen[name] {
			seen[name] = true
			out.Files = append(out.Files, File{Name: name, Data: d.Sources[i]})
		}
	}
	return out
}

// Hash is a content hash of a deck's files: name and bytes of each, in
// the order they were read.
func Hash(names []string, data [][]byte) string {
	h := sha256.New()
	var n [8]byte
	for i, name := range names {
		var b []byte
		if i < len(data) {
			b = data[i]
		}
		binary.BigEndian.PutUint64(n[:], uint64(len(name)))
		h.Write(n[:])
		h.Write([]byte(name))
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ErrMismatch means the deck a follower read from disk is not the one the
// speaker shows (the files changed again since the speaker read them).
var ErrMismatch = errors.New("the deck on disk differs from the speaker's version")

// Open parses the deck the speaker described. With files, it is parsed
// from exactly those bytes, so it is the speaker's version; without, it is
// read from Path, and a hash that differs is ErrMismatch (the deck is
// still returned, to show something).
func (d Deck) Open() (*deck.Deck, error) {
	if len(d.Files) == 0 {
		dk, err := deck.Open(d.Path)
		if err != nil {
			return nil, err
		}
		if Hash(dk.Files, dk.Sources) != d.Hash {
			return dk, ErrMismatch
		}
		return dk, nil
	}
	dk, err := deck.OpenFS(newMemFS(d.Files), d.Root, "")
	if err != nil {
		return nil, err
	}
	if Hash(dk.Files, dk.Sources) != d.Hash {
		return dk, ErrMismatch
	}
	return dk, nil
}

// memFS serves a deck's files by the names the speaker's loader used
// (absolute, relative, "../x.md" alike). It implements the ReadFile, Stat
// and ReadDir shortcuts, which fs's helpers call without checking that a
// name is a valid fs.FS path, so the follower resolves includes exactly as
// the speaker did.
type memFS map[string][]byte

func newMemFS(files []File) memFS {
	m := memFS{}
	for _, f := range files {
		m[path.Clean(f.Name)] = f.Data
	}
	return m
}

func (m memFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
}

func (m memFS) ReadFile(name string) ([]byte, error) {
	if b, ok := m[path.Clean(name)]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) isDir(name string) bool {
	name = path.Clean(name)
	for f := range m {
		for d := path.Dir(f); ; d = path.Dir(d) {
			if d == name {
				return true
			}
			if d == "." || d == "/" || d == ".." || strings.HasSuffix(d, "/..") {
				break
			}
		}
	}
	return false
}

func (m memFS) Stat(name string) (fs.FileInfo, error) {
	if b, ok := m[path.Clean(name)]; ok {
		return memInfo{name: path.Base(name), size: int64(len(b))}, nil
	}
	if m.isDir(name) {
		return memInfo{name: path.Base(name), dir: true}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	name = path.Clean(name)
	if !m.isDir(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	var out []fs.DirEntry
	for f, b := range m {
		if path.Dir(f) == name {
			out = append(out, fs.FileInfoToDirEntry(memInfo{name: path.Base(f), size: int64(len(b))}))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o500
	}
	return 0o400
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
