package deck

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"
)

// A deck holds its file once: the slides' blocks are parts of the bytes
// read (Sources), unless line endings had to be rewritten.
func TestBlocksShareSources(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, src string
		shared    bool
	}{
		{"lf.md", "# A\n\ntext\n\n---\n\n# B\n\n- x\n", true},
		{"bom.md", "\xEF\xBB\xBF# A\n\ntext\n", true},
		{"crlf.md", "# A\r\n\r\ntext\r\n", false},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		raw := d.Sources[0]
		if string(raw) != c.src {
			t.Errorf("%s: Sources = %q, want the file as read", c.name, raw)
		}
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(raw)))
		for _, s := range d.Slides {
			for _, b := range s.Blocks {
				p := uintptr(unsafe.Pointer(unsafe.StringData(b.Markdown)))
				if in := p >= lo && p < lo+uintptr(len(raw)); in != c.shared {
					t.Errorf("%s: block %q in Sources=%v, want %v", c.name, b.Markdown, in, c.shared)
				}
			}
		}
		if got := d.Slides[0].Blocks[1].Markdown; got != "text" {
			t.Errorf("%s: block %q, want \"text\"", c.name, got)
		}
	}
}
