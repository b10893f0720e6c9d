package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"shovel/deck"
)

// A handout (Options.Handout) cannot be clicked and should not be cluttered
// with addresses: a link shows its text and a number, an image its alt text
// and a number, and the page lists the numbered addresses (Page.References).

// refList numbers addresses in reading order, each address once.
type refList struct {
	num  map[string]int
	urls []string
}

// addRefs numbers the addresses of the links and images in doc.
func (rl *refList) addRefs(doc ast.Node, src []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.Link:
			dest = linkRef(n, src)
		case *ast.Image:
			dest = string(n.Destination)
		}
		if dest != "" && rl.num[dest] == 0 {
			if rl.num == nil {
				rl.num = map[string]int{}
			}
			rl.urls = append(rl.urls, dest)
			rl.num[dest] = len(rl.urls)
		}
		return ast.WalkContinue, nil
	})
}

// linkRef is the address a link adds to the page: none for an anchor in
// the deck, or when the text already is the address.
func linkRef(n *ast.Link, src []byte) string {
	dest := string(n.Destination)
	if dest == "" || strings.HasPrefix(dest, "#") || dest == deck.PlainText(n, src) {
		return ""
	}
	return dest
}
