package deck

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeFiles creates files (name → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// openWithin opens path with opts, failing the test if it has not returned
// after a long time: FIFOs and terminals used to block forever.
func openWithin(t *testing.T, path string, opts Options) *Deck {
	t.Helper()
	type result struct {
		d   *Deck
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := OpenWith(path, opts)
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("OpenWith(%s): %v", path, r.err)
		}
		return r.d
	case <-time.After(30 * time.Second):
		t.Fatalf("OpenWith(%s) hangs", path)
	}
	return nil
}

func errorsOf(d *Deck) string {
	var out []string
	for _, x := range d.Diagnostics.Errors() {
		out = append(out, x.String())
	}
	return strings.Join(out, "\n")
}

func TestIncludePolicy(t *testing.T) {
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"secret.md": "SECRET\n"})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"parts/a.md":  "from a\n<!-- include: ../shared/b.md -->\n",
		"shared/b.md": "from b\n",
	})
	rel, err := filepath.Rel(dir, filepath.Join(outside, "secret.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileBytes+1); err != nil {
		t.Fatal(err)
	}
	for _, dev := range []string{"/dev/zero", "/dev/tty", "/proc/self/fd/0"} {
		if err := os.Symlink(dev, filepath.Join(dir, filepath.Base(dev)+".md")); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name    string
		include string
		opts    Options
		want    string // in the error; "" for none
	}{
		{"relative to the including file, inside the folder", "parts/a.md", Options{}, ""},
		{"dot-dot out of the folder", rel, Options{}, "cannot include " + filepath.Join(dir, rel) + ": it is outside the deck's folder"},
		{"--include-root widens the folder", rel, Options{IncludeRoots: []string{outside}}, ""},
		{"a symbolic link out of the folder", "link.md", Options{}, "link.md: it is outside the deck's folder"},
		{"an absolute path", filepath.Join(outside, "secret.md"), Options{IncludeRoots: []string{outside}}, "not an absolute path"},
		{"a FIFO", "fifo.md", Options{}, "fifo.md: it is a named pipe (FIFO), not a regular file"},
		{"a file over the size cap", "big.md", Options{}, "big.md: it is larger than 16 MiB"},
		{"/dev/zero", "zero.md", Options{IncludeRoots: []string{"/dev"}}, "zero.md: it is a device, not a regular file"},
		{"/dev/zero outside the folder", "zero.md", Options{}, "zero.md: it is outside the deck's folder"},
		{"/dev/tty", "tty.md", Options{IncludeRoots: []string{"/dev"}}, "tty.md: "},
		{"/proc/self/fd/0", "0.md", Options{IncludeRoots: []string{"/dev", "/proc"}}, "0.md: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			main := filepath.Join(dir, "main.md")
			writeFiles(t, dir, map[string]string{"main.md": "# Main\n\n<!-- include: " + tt.include + " -->\n"})
			d := openWithin(t, main, tt.opts)
			got := errorsOf(d)
			if tt.want == "" {
				if got != "" {
					t.Fatalf("errors:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, main+":3:1: error: ") || !strings.Contains(got, tt.want) {
				t.Errorf("errors:\n%s\nwant one at %s:3:1 containing %q", got, main, tt.want)
			}
			if strings.Contains(fmt.Sprint(d.Slides[0].Blocks), "SECRET") {
				t.Errorf("the outside file was read")
			}
		})
	}
}

func TestDirectoryDeckFilesStayInside(t *testing.T) {
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"secret.md": "SECRET\n"})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"01.md": "# A\n"})
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "02.md")); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), "02.md: it is outside the deck's folder") {
		t.Errorf("err = %v, want 02.md outside the deck's folder", err)
	}
	if _, err := OpenWith(dir, Options{IncludeRoots: []string{outside}}); err != nil {
		t.Errorf("with --include-root: %v", err)
	}
}

func TestDeckFileMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "talk.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := Open(fifo); done <- err }()
	select {
	case err := <-done:
		var re *ReadError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("err = %v, want a ReadError about a named pipe", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("opening a FIFO deck hangs")
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// An include bomb: each of 25 files includes the next one twice, so the
// deck would expand to 2^25 copies of the last one.
func TestIncludeFanOutIsBounded(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"main.md": "# Bomb\n\n<!-- include: _0.md -->\n"}
	const levels = 25
	for i := 0; i < levels; i++ {
		files[fmt.Sprintf("_%d.md", i)] = fmt.Sprintf("level %d\n\n<!-- include: _%d.md -->\n<!-- include: _%d.md -->\n", i, i+1, i+1)
	}
	files[fmt.Sprintf("_%d.md", levels)] = "leaf\n"
	writeFiles(t, dir, files)
	var d *Deck
	n := allocated(func() { d = openWithin(t, filepath.Join(dir, "main.md"), Options{}) })
	got := errorsOf(d)
	if !strings.Contains(got, "too many includes") || !strings.Contains(got, ".md:4:1: error:") {
		t.Errorf("errors:\n%s\nwant too many includes at file:line", got)
	}
	if n > 400<<20 {
		t.Errorf("loading the bomb allocated %d MB", n>>20)
	}
	if len(d.Files) != levels+2 {
		t.Errorf("Files lists %d files, want each of the %d once", len(d.Files), levels+2)
	}
}

// 10,000 include lines: the splice must be linear (it used to copy the
// rest of the file for every include: gigabytes).
func TestManyIncludesSpliceLinearly(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("# Many\n\n")
	for range maxIncludes {
		b.WriteString("<!-- include: _p.md -->\n")
	}
	writeFiles(t, dir, map[string]string{"main.md": b.String(), "_p.md": "p\n"})
	var d *Deck
	n := allocated(func() { d = openWithin(t, filepath.Join(dir, "main.md"), Options{}) })
	if d.Diagnostics.HasErrors() || len(d.Slides[0].Blocks) != maxIncludes+1 {
		t.Fatalf("errors %s, %d blocks", errorsOf(d), len(d.Slides[0].Blocks))
	}
	if n > 400<<20 { // quadratic was 6 GB; the race detector doubles what is linear
		t.Errorf("10,000 includes allocated %d MB", n>>20)
	}
	if testing.Verbose() {
		t.Logf("allocated %d MB", n>>20)
	}
}

// A file included several times is read and parsed once: its warnings are
// reported once and it is listed once.
func TestIncludedFileParsedOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.md": "# A\n\n<!-- include: _p.md -->\n\n---\n\n# B\n\n<!-- include: _p.md -->\n<!-- include: ./_p.md -->\n",
		"_p.md":   "p <!-- pause: x -->\n\n<!-- pase -->\n",
	})
	d := openWithin(t, filepath.Join(dir, "main.md"), Options{})
	if len(d.Files) != 2 {
		t.Errorf("Files = %v", d.Files)
	}
	if n := d.Diagnostics.Count(Warning); n != 1 {
		t.Errorf("%d warnings, want the one in _p.md once: %v", n, d.Diagnostics)
	}
	if len(d.Slides) != 2 || len(d.Slides[1].Blocks) != 3 {
		t.Errorf("slides %d, blocks of the second %d", len(d.Slides), len(d.Slides[1].Blocks))
	}
}
