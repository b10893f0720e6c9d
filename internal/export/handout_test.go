package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"shovel/deck"
)

// markers are Markdown's inline markers, which a handout never shows
// outside code blocks.
var markers = []string{"**", "__", "`", "~~"}

// checkHandout checks that an export reads as text, not Markdown: no
// inline markers outside code blocks (code holds the deck's code lines),
// and no "#" heading right after a slide header (the header names the
// slide).
func checkHandout(out string, code map[string]bool) error {
	afterHeader := false
	for i, l := range strings.Split(out, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(l, "── ") {
			afterHeader = true
			continue
		}
		if t == "" {
			continue
		}
		if afterHeader && strings.HasPrefix(t, "#") {
			return fmt.Errorf("line %d starts with # right after a slide header: %q", i+1, l)
		}
		afterHeader = false
		if isCode(t, code) {
			continue
		}
		for _, m := range markers {
			if strings.Contains(l, m) {
				return fmt.Errorf("line %d shows the Markdown marker %s: %q", i+1, m, l)
			}
		}
	}
	return nil
}

// isCode reports whether an exported line is (the start of) a line of one
// of the deck's code blocks; spacing is compared loosely, as tabs are
// expanded and long lines clipped.
func isCode(line string, code map[string]bool) bool {
	norm := strings.Join(strings.Fields(line), " ")
	if code[norm] {
		return true
	}
	if cut, ok := strings.CutSuffix(norm, "…"); ok {
		for c := range code {
			if strings.HasPrefix(c, cut) {
				return true
			}
		}
	}
	return false
}

// codeLines collects the lines of every code block on d's slides and in
// their notes, spacing normalised as isCode compares it.
func codeLines(d *deck.Deck) map[string]bool {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	out := map[string]bool{}
	add := func(src string) {
		b := []byte(src)
		_ = ast.Walk(md.Parser().Parse(text.NewReader(b)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.(type) {
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				if entering {
					for i := 0; i < n.Lines().Len(); i++ {
						seg := n.Lines().At(i)
						if l := strings.Join(strings.Fields(string(seg.Value(b))), " "); l != "" {
							out[l] = true
						}
					}
				}
			}
			return ast.WalkContinue, nil
		})
	}
	for _, s := range d.Slides {
		for _, b := range s.Blocks {
			add(b.Markdown)
		}
		add(s.Notes)
	}
	return out
}

func TestCheckHandoutCatchesMarkdown(t *testing.T) {
	code := map[string]bool{"x := `a` ** 2": true, "a very long line of code with ~~": true}
	good := "── 1/2 · T ──\n\n  text [1]\n  x := `a` ** 2\n  a very long line…\n\n── 2/2 · U ──\n  Sub\n  ───\n"
	if err := checkHandout(good, code); err != nil {
		t.Errorf("checkHandout rejected a handout: %v", err)
	}
	for _, bad := range []string{
		"  some **bold** text\n", "  __strong__\n", "  a `span`\n", "  ~~gone~~\n",
		"── 1/2 · T ──\n\n  # T\n", "── 1/2 · T ──\n  ## Sub\n",
	} {
		if checkHandout(bad, code) == nil {
			t.Errorf("checkHandout accepted %q", bad)
		}
	}
}

// Links become text and a number, with the addresses under the slide;
// images their alt text; bare addresses stay; the title is shown once; a
// note in a comment keeps its lines and a Markdown note is typeset.
func TestTextHandout(t *testing.T) {
	out := exportText(t, openDeck(t, handoutDeck), TextOptions{Width: 70, Notes: true})
	for _, want := range []string{
		"Read the shovel manual [1] and 英伟达财报[2]",
		"same manual [1] again", "an anchor, and https://example.com/x.",
		"https://example.org/autolink",
		"https://example.net/bare/url",
		"[image: GPU 机房] [3] and [image] [4]",
		"\n[1] https://example.com/shovel/manual\n[2] https://investor.nvidia.com/",
		"\n[3] https://example.com/img/datacenter.png\n[4] https://example.com/img/no-alt.png\n",
		"supply chain、strong、em、struck and code span.",
		"Q&A & more.",
		"Notes\n─────\n第一行备注，\n第二行备注，不要合并。\nThird line with bold and a link [1].\n\n[1] https://example.com/notes\n",
		"  Section two\n  ───────────\n",
		"  第三级\n  ──────\n",
		"│ 粗体 │ docs [2] │",
		"\n[1] https://example.com/quote\n[2] https://example.com/docs\n",
		"A Markdown note is typeset like slide text: these two lines join.\n\n• first point\n• second point with a link [1]\n\n[1] https://example.com/md-note\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	for _, title := range []string{"Links, images and emphasis", "二级标题的页面"} {
		if n := strings.Count(out, title); n != 1 {
			t.Errorf("title %q shown %d times; want once, in the header", title, n)
		}
	}
	for _, gone := range []string{"](", "Image:", "→", "#top", "[5]"} {
		if strings.Contains(out, gone) {
			t.Errorf("export shows %q:\n%s", gone, out)
		}
	}
}
