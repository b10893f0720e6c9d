package deck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"shovel/internal/lazy"
)

// splitFrontMatter finds a YAML front matter block at the start of text.
// It returns the YAML, the number of lines the block takes (including both
// fences), and ok=false when the text has no front matter. An opening fence
// without a closing one is reported as unterminated.
func splitFrontMatter(text string) (yamlText string, lines int, ok, unterminated bool) {
	first, rest, found := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" || !found {
		return "", 0, false, false
	}
	var b strings.Builder
	n := 1
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		n++
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			return b.String(), n, true, false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return "", 0, false, true
}

var yamlLine = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) }}

// frontMatter is what the front matter says beyond Meta: the settings other
// presentation tools keep there, which decide how the deck is read.
type frontMatter struct {
	dialect  Dialect
	themePos Pos
}

// parseMeta reads front matter YAML. line0 is the file line of the first
// YAML line, so diagnostics point into the file, not into the block.
// Every YAML value type is accepted: decks written for other tools keep
// maps and lists there, and a key shovel does not use is only a warning.
func parseMeta(file, src string, line0 int) (Meta, frontMatter, []Diagnostic) {
	meta := Meta{Pos: Pos{File: file, Line: line0 - 1, Col: 1}}
	var fm frontMatter
	var diags []Diagnostic
	at := func(line, col int) Pos { return Pos{File: file, Line: line0 + line - 1, Col: col} }

	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		p := at(1, 1)
		if m := yamlLine.Get().FindStringSubmatch(msg); m != nil {
			if l, err := strconv.Atoi(m[1]); err == nil {
				p = at(l, 1)
			}
			msg = strings.TrimSpace(yamlLine.Get().ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(msg, ": ")
		}
		return meta, fm, []Diagnostic{{Pos: p, Severity: Error, Message: "malformed front matter: " + msg}}
	}
	if len(root.Content) == 0 { // empty front matter
		return meta, fm, nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return meta, fm, []Diagnostic{{Pos: at(doc.Line, doc.Column), Severity: Error,
			Message: "malformed front matter: expected \"key: value\" lines"}}
	}
	fm.dialect.Tool = toolOf(doc)
	warn := func(n *yaml.Node, format string, args ...any) {
		diags = append(diags, Diagnostic{Pos: at(n.Line, n.Column), Severity: Warning, Message: fmt.Sprintf(format, args...)})
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		pos := at(v.Line, v.Column)
		key := normKey(k.Value)
		// Keys whose value is a map or a list in other tools' decks.
		switch key {
		case "theme":
			fm.themePos = pos
			meta.Theme = themeValue(v, func(format string, args ...any) { warn(v, format, args...) })
			diags = append(diags, valueControls(pos, k.Value, meta.Theme)...)
			continue
		case "author", "authors":
			meta.Author = joinScalars(v)
			diags = append(diags, valueControls(pos, k.Value, meta.Author)...)
			continue
		case "options":
			presentermOptions(v, &fm.dialect, warn)
			continue
		case "patat":
			patatOptions(v, &fm.dialect, &meta, warn)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			if isShovelKey(key) {
				warn(v, "front matter %q should be a single value; this %s is ignored", k.Value, kindName(v))
			} else {
				warn(k, "%s", unknownKey(k.Value, fm.dialect.Tool))
			}
			continue
		}
		val := strings.TrimSpace(v.Value)
		diags = append(diags, valueControls(pos, k.Value, val)...)
		switch key {
		case "title":
			meta.Title = val
		case "sub_title", "subtitle":
			meta.SubTitle = val
		case "date":
			meta.Date = val
		case "event":
			meta.Event = val
		case "duration":
			d, err := ParseDuration(val)
			if err != nil {
				diags = append(diags, Diagnostic{Pos: pos, Severity: Error, Message: "duration: " + err.Error()})
				continue
			}
			meta.Duration = d
		case "max_width":
			n, err := strconv.Atoi(val)
			if err != nil || n < 20 {
				diags = append(diags, Diagnostic{Pos: pos, Severity: Error,
					Message: fmt.Sprintf("max_width: want a number of cells, at least 20; got %q", val)})
				continue
			}
			meta.MaxWidth = n
		case "ambiguous_width":
			if val != "1" && val != "2" {
				diags = append(diags, Diagnostic{Pos: pos, Severity: Error,
					Message: fmt.Sprintf("ambiguous_width: want 1 or 2; got %q", val)})
				continue
			}
			meta.AmbiguousWidth = int(val[0] - '0')
		case "marp":
			// Read by toolOf: Marp's comments are speaker notes.
		case "headingdivider":
			// Marp splits slides before headings of this level and above.
			if n, err := strconv.Atoi(val); err == nil && n >= 1 && n <= 6 {
				fm.dialect.SlideLevel = n
			} else {
				warn(v, "headingDivider: want a heading level from 1 to 6; got %q", val)
			}
		default:
			warn(k, "%s", unknownKey(k.Value, fm.dialect.Tool))
		}
	}
	return meta, fm, diags
}

// isShovelKey: the front matter keys shovel reads, for the message about
// the others.
func isShovelKey(key string) bool {
	switch key {
	case "title", "sub_title", "subtitle", "author", "date", "event", "theme", "duration", "max_width",
		"ambiguous_width":
		return true
	}
	return false
}

func normKey(k string) string { return strings.ReplaceAll(strings.ToLower(k), "-", "_") }

// toolOf guesses which tool a deck was written for from its front matter
// keys; "" means shovel's own.
func toolOf(doc *yaml.Node) string {
	tool := ""
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := normKey(doc.Content[i].Value), doc.Content[i+1]
		switch {
		case k == "marp" && v.Kind == yaml.ScalarNode && v.Value == "true":
			return ToolMarp
		case k == "patat":
			return ToolPatat
		case k == "options" || k == "authors" || (k == "theme" && v.Kind == yaml.MappingNode):
			tool = ToolPresenterm
		case (k == "styles" || k == "extensions") && tool == "":
			tool = ToolLookatme
		case k == "paging" && tool == "":
			tool = ToolSlides
		}
	}
	return tool
}

// keyOwner names the tool a front matter key shovel does not read belongs
// to (key lower case, without '_'), so the warning tells the speaker why
// it is there.
func keyOwner(key string) string {
	switch key {
	case "location":
		return ToolPresenterm
	case "styles", "extensions":
		return ToolLookatme
	case "paging":
		return ToolSlides
	case "paginate", "size", "class", "header", "footer", "backgroundcolor", "backgroundimage", "color",
		"math", "style", "lang", "transition", "description", "image", "url", "keywords":
		return ToolMarp
	}
	return ""
}

func unknownKey(k, tool string) string {
	owner := keyOwner(strings.ToLower(strings.ReplaceAll(k, "_", "")))
	if owner == "" {
		owner = tool
	}
	if owner != "" {
		return fmt.Sprintf("front matter key %q belongs to %s; shovel does not use it", k, owner)
	}
	return fmt.Sprintf("unknown front matter key %q (known: title, sub_title, author, date, event, theme, duration, max_width, ambiguous_width)", k)
}

func kindName(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "list"
	}
	return "map"
}

// joinScalars reads a value that is one name or a list of names.
func joinScalars(v *yaml.Node) string {
	switch v.Kind {
	case yaml.ScalarNode:
		return strings.TrimSpace(v.Value)
	case yaml.SequenceNode:
		var names []string
		for _, c := range v.Content {
			if s := joinScalars(c); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// themeValue reads "theme: NAME" or presenterm's "theme: {name: N, path: P}"
// (a path wins, as in presenterm). Other keys of the map are ignored.
func themeValue(v *yaml.Node, warn func(string, ...any)) string {
	switch v.Kind {
	case yaml.ScalarNode:
		return strings.TrimSpace(v.Value)
	case yaml.MappingNode:
		name, path := "", ""
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, c := normKey(v.Content[i].Value), v.Content[i+1]
			if c.Kind != yaml.ScalarNode {
				continue
			}
			switch k {
			case "name":
				name = strings.TrimSpace(c.Value)
			case "path":
				path = strings.TrimSpace(c.Value)
			}
		}
		if path != "" {
			return path
		}
		return name
	}
	warn("theme: want a name or a file; this list is ignored")
	return ""
}

func boolValue(v *yaml.Node) (bool, bool) {
	if v.Kind != yaml.ScalarNode {
		return false, false
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v.Value))
	return b, err == nil
}

// presentermOptions reads presenterm's "options:" map.
func presentermOptions(v *yaml.Node, d *Dialect, warn func(*yaml.Node, string, ...any)) {
	if v.Kind != yaml.MappingNode {
		warn(v, "options: want a map such as {incremental_lists: true}; ignored")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, c := v.Content[i], v.Content[i+1]
		var dst *bool
		switch normKey(k.Value) {
		case "incremental_lists":
			dst = &d.IncrementalLists
		case "end_slide_shorthand":
			dst = &d.EndSlideShorthand
		case "implicit_slide_ends":
			dst = &d.ImplicitSlideEnds
		default:
			warn(k, "presenterm option %q is not used by shovel", k.Value)
			continue
		}
		if b, ok := boolValue(c); ok {
			*dst = b
		} else {
			warn(c, "options.%s: want true or false", k.Value)
		}
	}
}

// patatOptions reads patat's "patat:" map. wrap: N is the widest a line
// may be, which shovel calls max_width; margins are accepted, shovel
// centres the content box itself.
func patatOptions(v *yaml.Node, d *Dialect, meta *Meta, warn func(*yaml.Node, string, ...any)) {
	if v.Kind != yaml.MappingNode {
		warn(v, "patat: want a map such as {slideLevel: 2}; ignored")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, c := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "slideLevel":
			n, err := strconv.Atoi(strings.TrimSpace(c.Value))
			if c.Kind != yaml.ScalarNode || err != nil || n < 0 || n > 6 {
				warn(c, "patat.slideLevel: want a heading level from 0 to 6; got %q", c.Value)
				continue
			}
			d.SlideLevel = n
			d.SlideLevelSet = true
		case "incrementalLists":
			if b, ok := boolValue(c); ok {
				d.IncrementalLists = b
			} else {
				warn(c, "patat.incrementalLists: want true or false")
			}
		case "wrap":
			if n, err := strconv.Atoi(strings.TrimSpace(c.Value)); c.Kind == yaml.ScalarNode && err == nil && n >= 20 {
				meta.MaxWidth = n
			} else if _, ok := boolValue(c); !ok {
				warn(c, "patat.wrap: want true, false or a column of at least 20")
			}
		case "margins":
		default:
			warn(k, "patat setting %q is not used by shovel", k.Value)
		}
	}
}

// ParseDuration reads a time such as "90s", "2m", "1m30s", "1h" or "1:30"
// (minutes:seconds). A bare number is refused: "90" could mean seconds or
// minutes.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty time")
	}
	if m, sec, ok := strings.Cut(s, ":"); ok {
		mi, err1 := strconv.Atoi(m)
		se, err2 := strconv.Atoi(sec)
		if err1 != nil || err2 != nil || mi < 0 || se < 0 || se > 59 {
			return 0, fmt.Errorf("want minutes:seconds such as 1:30; got %q", s)
		}
		if mi > int(MaxDuration/time.Minute) {
			return 0, tooLong(s)
		}
		return checkMax(s, time.Duration(mi)*time.Minute+time.Duration(se)*time.Second)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return 0, fmt.Errorf("%q has no unit; write %ss or %sm", s, s, s)
	}
	d, err := time.ParseDuration(strings.ReplaceAll(s, " ", ""))
	if err != nil && strings.Contains(err.Error(), "invalid duration") && durationDigits(s) {
		return 0, tooLong(s) // time.ParseDuration's overflow
	}
	if err != nil || d < 0 {
		return 0, fmt.Errorf("want a time such as 90s, 2m or 1m30s; got %q", s)
	}
	return checkMax(s, d)
}

// MaxDuration is the longest time a deck or slide may plan. Capping it
// keeps minutes:seconds and the sum of many slides' budgets from
// overflowing.
const MaxDuration = 24 * time.Hour

// durationDigits reports whether s has only the characters of a Go
// duration ("1h 30m" with a space is one).
func durationDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789. hmsuµn") == "" }

func tooLong(s string) error { return fmt.Errorf("%q is longer than %v", s, MaxDuration) }

func checkMax(s string, d time.Duration) (time.Duration, error) {
	if d > MaxDuration {
		return 0, tooLong(s)
	}
	return d, nil
}
