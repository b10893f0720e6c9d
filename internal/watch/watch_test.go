package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// next waits for a report; the generous limit only guards against a hang.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case got := <-w.Changes():
		return got
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported")
	}
	return nil
}

func newWatcher(t *testing.T, paths ...string) *Watcher {
	t.Helper()
	w, err := New(20*time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if err := w.Watch(paths); err != nil {
		t.Fatal(err)
	}
	return w
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteIsReportedOnce(t *testing.T) {
	dir := t.TempDir()
	talk := filepath.Join(dir, "talk.md")
	write(t, talk, "# a\n")
	w := newWatcher(t, talk)
	// Several writes in a burst are one report.
	for i := 0; i < 5; i++ {
		write(t, talk, "# b\n")
	}
	if got := next(t, w); len(got) != 1 || got[0] != talk {
		t.Fatalf("Changes = %v, want [%s]", got, talk)
	}
}

// Editors save by renaming a new file over the old one; the watch must
// survive it and report the second save too.
func TestRenameOverIsReported(t *testing.T) {
	dir := t.TempDir()
	talk := filepath.Join(dir, "talk.md")
	write(t, talk, "# a\n")
	w := newWatcher(t, talk)
	for i := 0; i < 2; i++ {
		tmp := filepath.Join(dir, ".talk.md.swp")
		write(t, tmp, "# new\n")
		if err := os.Rename(tmp, talk); err != nil {
			t.Fatal(err)
		}
		if got := next(t, w); len(got) != 1 || got[0] != talk {
			t.Fatalf("save %d: Changes = %v, want [%s]", i+1, got, talk)
		}
	}
}

func TestOtherFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	talk := filepath.Join(dir, "talk.md")
	part := filepath.Join(dir, "part.md")
	write(t, talk, "# a\n")
	write(t, part, "# p\n")
	w := newWatcher(t, talk, part)
	write(t, filepath.Join(dir, "notes.txt"), "x")
	write(t, filepath.Join(dir, "other.md"), "x")
	write(t, part, "# changed include\n")
	if got := next(t, w); len(got) != 1 || got[0] != part {
		t.Fatalf("Changes = %v, want only the include %s", got, part)
	}
}

func TestDirectoryDeckReportsNewFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "01.md"), "# a\n")
	w := newWatcher(t, filepath.Join(dir, "01.md"), dir)
	added := filepath.Join(dir, "02.md")
	write(t, added, "# b\n")
	if got := next(t, w); len(got) != 1 || got[0] != added {
		t.Fatalf("Changes = %v, want [%s]", got, added)
	}
}

func TestCloseEndsChanges(t *testing.T) {
	w, err := New(time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, ok := <-w.Changes(); ok {
		t.Fatal("Changes still open after Close")
	}
}
