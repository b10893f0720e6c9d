package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const lookalike = "# ⽀持\n"

func TestLintFixRewritesOnlyTheDecksMarkdown(t *testing.T) {
	shared := t.TempDir()
	outsidePart := writeFile(t, shared, "part.md", "外⽀\n")
	dir := t.TempDir()
	txtPart := writeFile(t, dir, "part.txt", "文⽀\n")
	rel, _ := filepath.Rel(dir, outsidePart)
	talk := writeFile(t, dir, "talk.md", lookalike+"\n<!-- include: "+rel+" -->\n\n<!-- include: part.txt -->\n")
	io, _, _, errOut := testStreams()
	Run([]string{"lint", "--fix", "--include-root", shared, talk}, io)
	for path, want := range map[string]string{outsidePart: "外⽀\n", txtPart: "文⽀\n"} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s rewritten to %q", path, got)
		}
	}
	if got, _ := os.ReadFile(talk); !strings.HasPrefix(string(got), "# 支持") {
		t.Errorf("the deck file was not repaired: %q", got)
	}
	for _, want := range []string{"part.md: not repaired: it is outside the deck's folder", "part.txt: not repaired: --fix rewrites only Markdown files"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestLintFixKeepsModeAndOwner(t *testing.T) {
	dir := t.TempDir()
	talk := writeFile(t, dir, "talk.md", lookalike)
	if err := os.Chmod(talk, 0o640); err != nil {
		t.Fatal(err)
	}
	root := os.Getuid() == 0
	if root {
		if err := os.Chown(talk, 4321, 4322); err != nil {
			t.Fatal(err)
		}
	}
	io, _, _, errOut := testStreams()
	if code := Run([]string{"lint", "--fix", talk}, io); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	info, err := os.Stat(talk)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(talk); string(got) != "# 支持\n" {
		t.Fatalf("not repaired: %q", got)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	if st := info.Sys().(*syscall.Stat_t); root && (st.Uid != 4321 || st.Gid != 4322) {
		t.Errorf("owner %d:%d, want 4321:4322", st.Uid, st.Gid)
	}
	if !root {
		t.Log("not root: the owner check needs a file owned by someone else")
	}
}

func TestLintFixRefusesHardLinks(t *testing.T) {
	dir := t.TempDir()
	talk := writeFile(t, dir, "talk.md", lookalike)
	other := filepath.Join(t.TempDir(), "other-name.md")
	if err := os.Link(talk, other); err != nil {
		t.Skip("no hard links here:", err)
	}
	io, _, _, errOut := testStreams()
	code := Run([]string{"lint", "--fix", talk}, io)
	if code == ExitOK || !strings.Contains(errOut.String(), "more than one hard link") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, p := range []string{talk, other} {
		if got, _ := os.ReadFile(p); string(got) != lookalike {
			t.Errorf("%s changed: %q", p, got)
		}
	}
	a, _ := os.Stat(talk)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) {
		t.Errorf("the hard link was broken")
	}
}

func TestExportOutputGuards(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "01.md", "# A\n")
	link := filepath.Join(dir, "out.txt")
	if err := os.Symlink("99-new.md", link); err != nil { // dangling
		t.Fatal(err)
	}
	io, _, _, errOut := testStreams()
	code := Run([]string{"export", dir, "-o", link}, io)
	if code != ExitUsage || !strings.Contains(errOut.String(), "would become a slide") {
		t.Errorf("dangling link into a directory deck: exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := os.Lstat(filepath.Join(dir, "99-new.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("export created a new slide file: %v", err)
	}

	io, _, _, errOut = testStreams()
	if code := Run([]string{"export", dir, "-o", os.DevNull}, io); code != ExitOK {
		t.Errorf("-o %s: exit %d, stderr:\n%s", os.DevNull, code, errOut)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("%s is no longer a device: %v %v", os.DevNull, info.Mode(), err)
	}
}

// failingWriter is standard output on a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestCommandsFailWhenOutputIsLost(t *testing.T) {
	dir := t.TempDir()
	talk := writeFile(t, dir, "talk.md", "# A\n\n<!-- pase -->\n")
	for _, args := range [][]string{{"lint", talk}, {"export", talk}, {"version"}, {"--help"}} {
		io, _, _, errOut := testStreams()
		io.Out = failingWriter{}
		if code := Run(args, io); code != ExitFailure || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%v with a full disk: exit %d, stderr:\n%s", args, code, errOut)
		}
	}
}
