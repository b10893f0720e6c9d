package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// waitFor reads reports until one holds want; the limit guards a hang.
func waitFor(t *testing.T, w *Watcher, want string) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case got := <-w.Changes():
			if slices.Contains(got, want) {
				return
			}
		case <-deadline:
			t.Fatalf("%s never reported", want)
		}
	}
}

// TestFolderRemovedAndRecreated: after the deck's folder is removed and
// made again (a checkout, a sync tool), edits are seen again (issue 12).
func TestFolderRemovedAndRecreated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "talk")
	talk := filepath.Join(dir, "talk.md")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, talk, "# a\n")
	w := newWatcher(t, talk)
	for round := 0; round < 2; round++ {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		waitFor(t, w, talk) // the deck is gone: a reload will say so
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, talk, "# back\n")
		waitFor(t, w, talk)
		write(t, talk, "# edited\n")
		waitFor(t, w, talk)
	}
}

// TestNestedFolderRecreated: the deck's folder and its parent both go.
func TestNestedFolderRecreated(t *testing.T) {
	top := filepath.Join(t.TempDir(), "a")
	dir := filepath.Join(top, "b")
	talk := filepath.Join(dir, "talk.md")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, talk, "# a\n")
	w := newWatcher(t, talk)
	if err := os.RemoveAll(top); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, talk)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, talk, "# back\n")
	waitFor(t, w, talk)
}

// TestSymlinkedDeckSeesTarget: the deck path is a symbolic link; an editor
// saves the target (by renaming over it) in another folder.
func TestSymlinkedDeckSeesTarget(t *testing.T) {
	base := t.TempDir()
	realDir, linkDir := filepath.Join(base, "real"), filepath.Join(base, "link")
	for _, d := range []string{realDir, linkDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	target, link := filepath.Join(realDir, "talk.md"), filepath.Join(linkDir, "talk.md")
	write(t, target, "# a\n")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	w := newWatcher(t, link)
	tmp := filepath.Join(realDir, ".talk.md.swp")
	write(t, tmp, "# b\n")
	if err := os.Rename(tmp, target); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w); len(got) != 1 || got[0] != link {
		t.Fatalf("Changes = %v, want [%s]", got, link)
	}
}

// TestIgnoredFileIsNeverReported: the debug log, even inside a directory
// deck under a .md name, does not count.
func TestIgnoredFileIsNeverReported(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "01.md"), "# a\n")
	logf := filepath.Join(dir, "debug.md")
	w := newWatcher(t, filepath.Join(dir, "01.md"), dir)
	w.Ignore(logf)
	write(t, logf, "log line\n")
	added := filepath.Join(dir, "02.md")
	write(t, added, "# b\n")
	if got := next(t, w); len(got) != 1 || got[0] != added {
		t.Fatalf("Changes = %v, want [%s]", got, added)
	}
}
