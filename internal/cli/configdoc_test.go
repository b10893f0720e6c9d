package cli

import (
	"os"
	"strings"
	"testing"
)

// docs/config.md shows the file "shovel config init" writes, verbatim:
// it is generated from the keymap, so a changed default shows up here.
func TestConfigDocShowsTheDefaultFile(t *testing.T) {
	doc, err := os.ReadFile("../../docs/config.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```yaml\n"+DefaultConfig()+"```\n") {
		t.Error("docs/config.md does not show the current default file (copy shovel config init's output into it)")
	}
}
