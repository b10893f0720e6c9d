package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"
)

// testStreams returns streams backed by buffers, for tests.
func testStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, IsTerminal: func() bool { return false }}, in, out, errOut
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// parseFlags runs a command built by newCmd on args with a runF that only
// captures the options, as cli/cli tests flag parsing.
func parseFlags[T any](newCmd func(*IOStreams, func(*T) error) *cobra.Command, args []string) (*T, error) {
	io, _, _, _ := testStreams()
	var got *T
	cmd := newCmd(io, func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}
