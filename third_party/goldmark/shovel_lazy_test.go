package goldmark

// shovel: this file is shovel's own (see PATCHES.md): Convert's default
// Markdown is built on first use instead of at package init.

import (
	"bytes"
	"testing"
)

func TestShovelLazyDefaultMarkdown(t *testing.T) {
	src := []byte("# Title\n\nSome *text* and <b>html</b>.\n\n- [x] item\n")
	var got, want bytes.Buffer
	if err := Convert(src, &got); err != nil {
		t.Fatal(err)
	}
	if err := New().Convert(src, &want); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("Convert = %q, New().Convert = %q", got.String(), want.String())
	}
	if defaultMarkdown() != defaultMarkdown() {
		t.Error("the default Markdown is built again on its second use")
	}
}
