package deck

import "testing"

func TestMarkdownText(t *testing.T) {
	tests := []struct{ md, want string }{
		{`Q\&A &amp; more`, "Q&A & more"},
		{`\&amp; stays`, "&amp; stays"},
		{`&#38; &#x26; &copy; &nosuch; & alone`, "& & © &nosuch; & alone"},
		{"**bold** *em* ~~gone~~ `a\\&b  c`", "bold em gone a\\&b  c"},
		{"[text](https://x.org) ![alt](p.png) <b>raw</b>", "text alt raw"},
		{"line\nnext", "line next"},
		{"- one\n- two", "one\ntwo"},
		{"```\ncode &amp;\n```", "code &amp;\n"},
	}
	for _, tt := range tests {
		if got := MarkdownText(tt.md); got != tt.want {
			t.Errorf("MarkdownText(%q) = %q; want %q", tt.md, got, tt.want)
		}
	}
}

// A title is what the slide shows: escapes and entities resolved, markup
// dropped, on one line.
func TestTitleResolvesEscapes(t *testing.T) {
	d, err := Parse("t.md", []byte("# Q\\&A &amp; *more*\n\n---\n\na\nb `c\\&d`\n===\n"))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"Q&A & more", "a b c\\&d"} {
		if got := d.Slides[i].Title; got != want {
			t.Errorf("slide %d title = %q; want %q", i+1, got, want)
		}
	}
}
