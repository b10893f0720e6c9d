package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// onlyFiles lists a directory, to show that no temporary file was left.
func onlyFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, writeString("你好\n")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "你好\n" {
		t.Errorf("content %q", got)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != DefaultPerm {
		t.Errorf("mode %v; want %v", info.Mode().Perm(), DefaultPerm)
	}
	if names := onlyFiles(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v", names)
	}
}

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old content that is longer"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "new" {
		t.Errorf("content %q", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; want 0600 kept", info.Mode().Perm())
	}
}

func TestWriteErrorLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Write = %v; want the writer's error", err)
	}
	if got := readFile(t, path); got != "old" {
		t.Errorf("content %q; want the old content", got)
	}
	if names := onlyFiles(t, dir); len(names) != 1 {
		t.Errorf("temporary file left behind: %v", names)
	}
}

func TestWritePanicLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	func() {
		defer func() { recover() }()
		Write(path, func(w io.Writer) error {
			io.WriteString(w, "partial")
			panic("writer bug")
		})
	}()
	if names := onlyFiles(t, dir); len(names) != 0 {
		t.Errorf("after a panic the directory holds %v", names)
	}
}

func TestWriteFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Write(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, real); got != "new" {
		t.Errorf("the link's target holds %q", got)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
}

func TestWriteRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	called := false
	err := Write(dir, func(io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("Write to a directory = %v (writer called: %v)", err, called)
	}
}

func TestWriteMissingDirectory(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "no", "such", "out.txt"), writeString("x")); err == nil {
		t.Error("Write into a missing directory succeeded")
	}
}

func TestWriteModeNewFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "run.json")
	if err := WriteMode(p, 0o600, writeString("{}")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("mode %v, want 0600", got)
	}
}

// The user never heard of the temporary file: errors name the path given.
func TestWriteErrorNamesTarget(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no", "x.txt")
	out := filepath.Join(t.TempDir(), "out.txt")
	other := filepath.Join(t.TempDir(), "other.txt")
	tests := []struct {
		name, path, want string
		write            func(io.Writer) error
	}{
		{"missing directory", missing, missing, writeString("x")},
		{"failed write", out, out, func(w io.Writer) error {
			w.(*os.File).Close() // the next write fails with the temporary file's name
			_, err := w.Write([]byte("x"))
			return err
		}},
		// An error about another file stays as it is.
		{"other file", out, other, func(io.Writer) error {
			_, err := os.ReadFile(other)
			return err
		}},
	}
	for _, tt := range tests {
		err := Write(tt.path, tt.write)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), ".tmp") {
			t.Errorf("%s: error %v; want it to name %s and no temporary file", tt.name, err, tt.want)
		}
	}
}

func TestWriteNoReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := WriteWith(p, Options{NoReplace: true}, writeString("one")); err != nil {
		t.Fatal(err)
	}
	err := WriteWith(p, Options{NoReplace: true}, writeString("two"))
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), p) {
		t.Errorf("second write: %v, want an error naming %s that wraps fs.ErrExist", err, p)
	}
	if got := readFile(t, p); got != "one" {
		t.Errorf("file = %q, want the first write", got)
	}
	if files := onlyFiles(t, dir); len(files) != 1 {
		t.Errorf("left behind: %v", files)
	}
}
