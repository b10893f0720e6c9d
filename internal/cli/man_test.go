package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The man pages build (CI runs this) and carry each command's flags.
func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	io, _, _, errOut := testStreams()
	if code := Run([]string{"man", dir}, io); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := map[string]string{
		"shovel.1":             "\\fB\\-\\-start\\fP",
		"shovel-present.1":     "\\fB\\-\\-presenter\\fP",
		"shovel-export.1":      "\\fB\\-\\-format\\fP",
		"shovel-lint.1":        "\\fB\\-\\-strict\\fP",
		"shovel-version.1":     "version",
		"shovel-completion.1":  "powershell",
		"shovel-man.1":         "man pages",
		"shovel-follow.1":      "\\fB\\-\\-session\\fP",
		"shovel-rehearse.1":    "\\fB\\-\\-no\\-save\\fP",
		"shovel-report.1":      "\\fB\\-\\-budgets\\fP",
		"shovel-config.1":      "config.yaml",
		"shovel-config-path.1": "settings file",
		"shovel-config-init.1": "never overwrites",
		"shovel-themes.1":      "preview",
	}
	for name, has := range want {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		page := string(b)
		if !strings.HasPrefix(page, ".nh\n.TH ") || !strings.Contains(page, has) || strings.Contains(page, "Auto generated") {
			t.Errorf("%s does not look like its man page (want %q):\n%.300s", name, has, page)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("%d files in %s, want %d", len(entries), dir, len(want))
	}
	if !strings.Contains(errOut.String(), fmt.Sprintf("wrote %d man pages", len(want))) {
		t.Errorf("stderr %q", errOut)
	}
}

// Text that roff would read as requests or escapes is escaped.
func TestRoffEscapes(t *testing.T) {
	for in, want := range map[string]string{
		`.start`:         `\&.start`,
		`'quoted'`:       `\&'quoted'`,
		`C:\path`:        `C:\epath`,
		"--flag and a-b": `\-\-flag and a\-b`,
		"plain 中文":       "plain 中文",
	} {
		if got := roffLine(in); got != want {
			t.Errorf("roffLine(%q) = %q, want %q", in, got, want)
		}
	}
}
