package cli

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// lint and present take the same decision about a deck's theme: a theme
// file that must not be read is an error in both, at the front matter
// line; a name shovel does not know is a warning in lint and no refusal.
func TestThemeLintAndPresentAgree(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		theme string
		error string // "" when the deck is presented
		warn  string
	}{
		{"/dev/zero", "talk.md:2:8: error: theme: /dev/zero is not a regular file", ""},
		{"pipe.json", "talk.md:2:8: error: theme: " + fifo + " is not a regular file", ""},
		{"missing.json", "talk.md:2:8: error: theme: " + filepath.Join(dir, "missing.json") + ": no such file or directory", ""},
		{"catppuccin-mocha", "", `talk.md:2:8: warning: theme "catppuccin-mocha" is presenterm's`},
		{"https://example.com/theme.json", "", "is a URL; shovel never fetches anything"},
	} {
		t.Run(tt.theme, func(t *testing.T) {
			path := writeFile(t, dir, "talk.md", "---\ntheme: "+tt.theme+"\n---\n\n# A\n")
			io, _, out, errOut := testStreams()
			code := Run([]string{"lint", path}, io)
			if tt.error != "" {
				if code != ExitFailure || !strings.Contains(out.String(), tt.error) {
					t.Errorf("lint: exit %d, stdout %q; want 1 and %q", code, out, tt.error)
				}
			} else if code != ExitOK || !strings.Contains(out.String(), tt.warn) {
				t.Errorf("lint: exit %d, stdout %q, stderr %q; want 0 and %q", code, out, errOut, tt.warn)
			}

			pio, perr := terminalStreams()
			err := runPresent(&PresentOptions{IO: pio, Path: path})
			var se *SilentError
			if tt.error != "" {
				if !errors.As(err, &se) || se.Code != ExitFailure || !strings.Contains(perr.String(), tt.error) {
					t.Errorf("present: err %v, stderr %q; want exit 1 and %q", err, perr, tt.error)
				}
			} else if errors.As(err, &se) || strings.Contains(perr.String(), "theme") {
				t.Errorf("present refused the deck: %v, %s", err, perr)
			} else {
				t.Logf("present: %v", err)
			}
		})
	}
}
