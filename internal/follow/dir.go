package follow

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// DirError says why the socket directory cannot be used. It is the user's
// to fix (another user's directory, loose permissions), so the CLI reports
// it as bad input.
type DirError struct {
	Dir string
	Why string
}

func (e *DirError) Error() string {
	return fmt.Sprintf("socket directory %s %s; shovel will not share a talk through it (remove it, or set XDG_RUNTIME_DIR)", e.Dir, e.Why)
}

// DefaultDir is where sockets live: $XDG_RUNTIME_DIR/shovel, which only
// the user can enter, else $TMPDIR/shovel-<uid> (/tmp when TMPDIR is
// unset), which shovel makes private.
func DefaultDir(getenv func(string) string) string {
	if d := getenv("XDG_RUNTIME_DIR"); d != "" {
		return filepath.Join(d, "shovel")
	}
	tmp := getenv("TMPDIR")
	if tmp == "" {
		tmp = "/tmp"
	}
	return filepath.Join(tmp, "shovel-"+strconv.Itoa(os.Getuid()))
}

// EnsureDir creates dir with mode 0700 if it does not exist, and checks
// that it is a real directory (not a symlink) owned by this user that no
// one else may enter or list. Anything else is a *DirError: a directory
// another user made in /tmp first is how sockets get hijacked.
func EnsureDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err == nil {
		// The umask may have taken bits away, never added them; set the
		// mode exactly.
		if err := os.Chmod(dir, 0o700); err != nil {
			return err
		}
	} else if !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("socket directory: %w", err)
	}
	return CheckDir(dir)
}

// CheckDir checks an existing socket directory (see EnsureDir).
func CheckDir(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("socket directory: %w", err)
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return &DirError{dir, "is a symbolic link"}
	}
	if !fi.IsDir() {
		return &DirError{dir, "is not a directory"}
	}
	uid, ok := ownerUID(fi)
	if !ok {
		return &DirError{dir, "has no owner this system reports"}
	}
	if uid != os.Getuid() {
		return &DirError{dir, fmt.Sprintf("belongs to uid %d, not to you (uid %d)", uid, os.Getuid())}
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return &DirError{dir, fmt.Sprintf("has mode %04o: others may enter it (want 0700)", perm)}
	}
	return nil
}
