package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --include-root lets a speaker's own shared folder be included from; by
// default every command refuses an include outside the deck's folder.
func TestIncludeRootFlag(t *testing.T) {
	shared := t.TempDir()
	writeFile(t, shared, "common.md", "shared part\n")
	dir := t.TempDir()
	rel, err := filepath.Rel(dir, filepath.Join(shared, "common.md"))
	if err != nil {
		t.Fatal(err)
	}
	deck := writeFile(t, dir, "talk.md", "# Talk\n\n<!-- include: "+rel+" -->\n")
	for _, cmd := range [][]string{{"lint"}, {"export"}} {
		io, _, out, errOut := testStreams()
		code := Run(append(cmd, deck), io)
		all := out.String() + errOut.String()
		if code != ExitFailure || !strings.Contains(all, "talk.md:3:1: error: cannot include") || !strings.Contains(all, "outside the deck's folder") {
			t.Errorf("%v: exit %d, output:\n%s", cmd, code, all)
		}
		io, _, out, errOut = testStreams()
		code = Run(append(cmd, "--include-root", shared, deck), io)
		if code != ExitOK {
			t.Errorf("%v --include-root: exit %d, output:\n%s%s", cmd, code, out, errOut)
		}
		if cmd[0] == "export" && !strings.Contains(out.String(), "shared part") {
			t.Errorf("export --include-root: the include is missing:\n%s", out)
		}
	}
	got, err := parseFlags(NewCmdPresent, []string{"--include-root", shared, "--include-root", "b", deck})
	if err != nil || strings.Join(got.IncludeRoots, ",") != shared+",b" {
		t.Errorf("present --include-root: %+v, %v", got, err)
	}
	if _, err := os.Stat(deck); err != nil {
		t.Fatal(err)
	}
}
