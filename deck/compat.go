package deck

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// compat is the loader's state for reading decks written for other tools.
type compat struct {
	dialect  Dialect
	themePos Pos
	// execNoted: lint says once per deck that code is not run.
	execNoted bool
	// curFile is the file being parsed, as the source names it.
	curFile string
}

// checkImages warns about images whose file is missing, resolved next to
// the file that shows them; URLs are not checked (nothing is fetched).
func (l *loader) checkImages(doc ast.Node, src []byte, li *lineIndex, start Pos) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(img.Destination)
		if dest == "" || strings.Contains(dest, ":") || strings.HasPrefix(dest, "#") {
			return ast.WalkContinue, nil
		}
		target := l.src.Join(l.src.Dir(l.curFile), dest)
		if _, err := l.src.Stat(target); err != nil {
			pos := start // where the file's text starts
			if t, ok := img.FirstChild().(*ast.Text); ok {
				pos = li.pos(max(t.Segment.Start-2, 0))
			} else if p := nodeStart(img.Parent()); p >= 0 {
				pos = li.pos(p)
			}
			l.warnf(pos, "image file %s not found", l.src.Display(target))
		}
		return ast.WalkContinue, nil
	})
}

// isRunFlag: presenterm's code block attributes that run or render the
// code; shovel shows such blocks as code. (Sets here are switches, not map
// literals: a package-level map is built at every start-up.)
func isRunFlag(f string) bool {
	switch f {
	case "+exec", "+exec_replace", "+render", "+acquire_terminal", "+image", "+auto_exec":
		return true
	}
	return false
}

// codeFlags notes, once per deck, that code blocks asking to be run are
// shown as code.
func (l *loader) codeFlags(n ast.Node, src []byte, pos Pos) {
	fc, ok := n.(*ast.FencedCodeBlock)
	if !ok || fc.Info == nil || l.execNoted {
		return
	}
	for _, f := range strings.Fields(string(fc.Info.Segment.Value(src))) {
		if isRunFlag(f) {
			l.execNoted = true
			l.warnf(pos, "code block flag %s: shovel shows the code but does not run it (said once per deck)", f)
			return
		}
	}
}

// isMarpDirective: Marp's settings written as comments (name lower case);
// in a Marp deck they are not speaker notes.
func isMarpDirective(name string) bool {
	switch name {
	case "theme", "paginate", "header", "footer", "class", "backgroundcolor", "backgroundimage",
		"backgroundposition", "backgroundrepeat", "backgroundsize", "color", "size", "math", "style",
		"headingdivider", "lang", "transition", "title", "description", "author", "image", "keywords",
		"url", "marp":
		return true
	}
	return false
}

// commentNote makes a speaker note of a plain comment in a patat or Marp
// deck; Marp's directive comments ("_class: lead") stay silent.
func (l *loader) commentNote(body string, pos Pos) (item, bool) {
	if !l.dialect.commentNotes() {
		return item{}, false
	}
	t := strings.TrimSpace(body)
	if name, _, ok := strings.Cut(t, ":"); ok {
		if isMarpDirective(strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "_"))) {
			return item{}, false
		}
	}
	t = strings.TrimSpace(dedent(strings.Trim(body, "\n")))
	if t == "" {
		return item{}, false
	}
	return item{kind: itemNotes, text: t, pos: pos}, true
}

// yamlNote reads a note written as a YAML block scalar
// ("speaker_note: |" and indented lines), as presenterm allows.
func yamlNote(body string) (string, bool) {
	_, v, _ := strings.Cut(body, ":")
	if t := strings.TrimSpace(v); !strings.HasPrefix(t, "|") && !strings.HasPrefix(t, ">") {
		return "", false
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(strings.TrimLeft(body, " \t\n")), &m); err != nil || len(m) != 1 {
		return "", false
	}
	for _, x := range m {
		if s, ok := x.(string); ok {
			return strings.TrimSpace(s), true
		}
	}
	return "", false
}

// newLines reads the value of new_lines / newlines: a small count.
func newLines(v string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	return n, err == nil && n >= 1 && n <= 50
}

// PortableBlock rewrites the blocks whose dash line would end the slide
// in a shovel deck: a setext heading with a dash underline ("Title" over
// "---", presenterm's slide title) becomes an ATX heading ("## Title"),
// and a rule written "---" becomes "***". Any other block is returned
// unchanged.
func PortableBlock(md string) string {
	t := strings.TrimRight(md, "\n")
	if isSeparator(t) {
		return "***"
	}
	i := strings.LastIndexByte(t, '\n')
	if i < 0 || strings.HasPrefix(strings.TrimLeft(t, " "), "#") {
		return md
	}
	if u := strings.TrimSpace(t[i+1:]); u == "" || strings.Trim(u, "-") != "" {
		return md
	}
	src := []byte(t)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	h, ok := doc.FirstChild().(*ast.Heading)
	if !ok || h.NextSibling() != nil || h.Lines().Len() == 0 {
		return md
	}
	var parts []string
	for j := 0; j < h.Lines().Len(); j++ {
		seg := h.Lines().At(j)
		parts = append(parts, strings.TrimSpace(string(seg.Value(src))))
	}
	return strings.Repeat("#", h.Level) + " " + strings.Join(parts, " ")
}
