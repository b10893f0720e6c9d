// Package atomicfile writes files so that readers see either the old
// content or the complete new content, never a half-written file: the data
// goes to a temporary file in the same directory, is synced, and is then
// renamed over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// DefaultPerm is the mode of a file that did not exist before.
const DefaultPerm fs.FileMode = 0o644

// Write calls write with a writer for a temporary file next to path and,
// when write succeeds, replaces path with that file. On any error, the
// temporary file is removed and path is left as it was. An existing file
// keeps its permission bits; a symbolic link at path is followed, so the
// file it points to is replaced and the link stays.
func Write(path string, write func(io.Writer) error) error {
	return WriteMode(path, DefaultPerm, write)
}

// WriteMode is Write with the mode a new file gets: private files (0600)
// must never exist, even for a moment, with wider permissions.
func WriteMode(path string, perm fs.FileMode, write func(io.Writer) error) error {
	return WriteWith(path, Options{Perm: perm}, write)
}

// Options change how WriteWith replaces a file.
type Options struct {
	// Perm is the mode of a file that did not exist before (DefaultPerm
	// when 0).
	Perm fs.FileMode
	// Rewrite is for editing a file in place (lint --fix): the new file
	// keeps the old one's owner and group as well as its mode, or nothing
	// is written; and a file with more than one hard link is refused,
	// since the rename would quietly split it from its other names.
	Rewrite bool
	// NoReplace refuses to replace an existing file (an error wrapping
	// fs.ErrExist), also one created while the new one was being written.
	NoReplace bool
}

// ErrHardLinks is returned (wrapped) when Options.Rewrite meets a file
// with other hard links.
var ErrHardLinks = errors.New("the file has more than one hard link; rewriting it would break them (edit it by hand, or copy it first)")

// WriteWith is Write with options.
func WriteWith(path string, opts Options, write func(io.Writer) error) error {
	perm := opts.Perm
	if perm == 0 {
		perm = DefaultPerm
	}
	target, err := resolve(path)
	if err != nil {
		return err
	}
	var old fs.FileInfo
	if info, err := os.Stat(target); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		perm = info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		old = info
	}
	if opts.NoReplace && old != nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	if opts.Rewrite && old != nil && links(old) > 1 {
		return &fs.PathError{Op: "rewrite", Path: path, Err: ErrHardLinks}
	}
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return targetError("create", path, "", err)
	}
	tmp := f.Name()
	renamed := false
	defer func() { // also when write panics
		if !renamed {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return targetError("write", path, tmp, err)
	}
	if opts.Rewrite && old != nil {
		if err = keepOwner(f, old); err != nil {
			return targetError("keep the owner of", path, tmp, err)
		}
	}
	if err = f.Chmod(perm); err != nil { // after chown, which clears set-id bits
		return targetError("write", path, tmp, err)
	}
	if err = f.Sync(); err != nil {
		return targetError("write", path, tmp, err)
	}
	if err = f.Close(); err != nil {
		return targetError("write", path, tmp, err)
	}
	if opts.NoReplace {
		// A hard link, unlike a rename, fails when the target exists.
		if err = os.Link(tmp, target); err != nil {
			return targetError("create", path, tmp, err)
		}
		os.Remove(tmp)
	} else if err = os.Rename(tmp, target); err != nil {
		return targetError("write", path, tmp, err)
	}
	renamed = true
	syncDir(dir)
	return nil
}

// targetError names path instead of the temporary file in a failure of
// the file system: the user asked for path and has never heard of the
// temporary name. Errors about other files (from write's own work) pass
// unchanged; tmp "" stands for any path (os.CreateTemp reports a pattern).
func targetError(op, path, tmp string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe) && (tmp == "" || pe.Path == tmp):
		return &fs.PathError{Op: op, Path: path, Err: pe.Err}
	case errors.As(err, &le):
		return &fs.PathError{Op: op, Path: path, Err: le.Err}
	}
	return err
}

// Resolve returns the file that Write(path) replaces or creates: symbolic
// links at path are followed, dangling ones too, so that the rename
// replaces the file a link points to, not the link. A path that does not
// exist yet is returned as it is. Callers that guard where output may go
// check this path, not the one they were given.
func Resolve(path string) (string, error) { return resolve(path) }

func resolve(path string) (string, error) {
	for range 40 { // as many links as the kernel follows
		r, err := filepath.EvalSymlinks(path)
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(path); lerr != nil {
			return path, nil // does not exist yet
		}
		t, rerr := os.Readlink(path)
		if rerr != nil {
			return path, nil // a missing folder on the way: create fails later
		}
		// A dangling link: write where it points (which may be a link).
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(path), t)
		}
		path = t
	}
	return "", &fs.PathError{Op: "resolve", Path: path, Err: errors.New("too many levels of symbolic links")}
}

// syncDir makes the rename durable. Not every system can sync a directory;
// the rename has happened either way, so a failure here is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
