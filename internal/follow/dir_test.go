package follow

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	uid := filepath.Base(DefaultDir(env(nil)))
	if want := "shovel-" + strconv.Itoa(os.Getuid()); uid != want {
		t.Errorf("DefaultDir without TMPDIR: %s, want /tmp/%s", DefaultDir(env(nil)), want)
	}
	if got := DefaultDir(env(map[string]string{"XDG_RUNTIME_DIR": "/run/user/1000", "TMPDIR": "/x"})); got != "/run/user/1000/shovel" {
		t.Errorf("with XDG_RUNTIME_DIR: %s", got)
	}
	if got := DefaultDir(env(map[string]string{"TMPDIR": "/var/tmp"})); got != filepath.Join("/var/tmp", "shovel-"+strconv.Itoa(os.Getuid())) {
		t.Errorf("with TMPDIR: %s", got)
	}
}

func TestEnsureDirCreatesPrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "shovel")
	if err := EnsureDir(dir); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Fatalf("mode %04o, want 0700", fi.Mode().Perm())
	}
	if err := EnsureDir(dir); err != nil {
		t.Fatalf("second EnsureDir of our own directory: %v", err)
	}
}

func TestEnsureDirRefuses(t *testing.T) {
	base := t.TempDir()
	loose := filepath.Join(base, "loose")
	if err := os.Mkdir(loose, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(loose, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "link")
	if err := os.Symlink(t.TempDir(), link); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct{ dir, why string }{
		"0755 dir":   {loose, "mode 0755"},
		"symlink":    {link, "symbolic link"},
		"not a dir":  {file, "not a directory"},
		"group-only": {mkdirMode(t, base, "group", 0o770), "mode 0770"},
	} {
		err := EnsureDir(c.dir)
		var de *DirError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: EnsureDir = %v, want a DirError saying %q", name, err, c.why)
		}
	}
}

func mkdirMode(t *testing.T, base, name string, mode os.FileMode) string {
	p := filepath.Join(base, name)
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEnsureDirRefusesAnotherUsersDir(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to make a directory owned by another user (run the tests as root to check this)")
	}
	dir := filepath.Join(t.TempDir(), "theirs")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	err := EnsureDir(dir)
	var de *DirError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "belongs to uid 65534") {
		t.Fatalf("EnsureDir of uid 65534's directory = %v, want a DirError naming the owner", err)
	}
	if _, err := Listen(dir, Info{Title: "x"}, nil); !errors.As(err, &de) {
		t.Fatalf("Listen in uid 65534's directory = %v, want a DirError", err)
	}
}

func TestStaleSocketIsRemoved(t *testing.T) {
	dir := privateDir(t)
	path := filepath.Join(dir, "999999.sock")
	// A socket whose program died: bound, then the listener's fd closed
	// without unlinking, as after a crash.
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Lstat(path); err != nil {
		t.Fatalf("the stale socket should exist: %v", err)
	}
	sessions, err := List(dir)
	if err != nil || len(sessions) != 0 {
		t.Fatalf("List = %v, %v; want no sessions", sessions, err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("List left the stale socket: %v", err)
	}

	// A live one stays, and Listen over a stale socket of its own pid works.
	s := listen(t, dir, Info{PID: 999999, Title: "live"})
	if removed, err := RemoveStale(s.Path()); removed || err != nil {
		t.Fatalf("RemoveStale of a live socket = %v, %v", removed, err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket mode: %v %v, want 0600", fi.Mode().Perm(), err)
	}
	// A regular file with a socket's name is not ours to remove.
	odd := filepath.Join(dir, "1.sock")
	if err := os.WriteFile(odd, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := RemoveStale(odd); err == nil {
		t.Fatal("RemoveStale removed a regular file")
	}
}

// privateDir is a short (socket paths are limited to ~104 bytes) private
// directory for sockets.
func privateDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sf")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}
