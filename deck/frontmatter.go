package deck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
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

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseMeta reads front matter YAML. line0 is the file line of the first
// YAML line, so diagnostics point into the file, not into the block.
func parseMeta(file, src string, line0 int) (Meta, []Diagnostic) {
	meta := Meta{Pos: Pos{File: file, Line: line0 - 1, Col: 1}}
	var diags []Diagnostic
	at := func(line, col int) Pos { return Pos{File: file, Line: line0 + line - 1, Col: col} }

	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		p := at(1, 1)
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			if l, err := strconv.Atoi(m[1]); err == nil {
				p = at(l, 1)
			}
			msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(msg, ": ")
		}
		return meta, []Diagnostic{{Pos: p, Severity: Error, Message: "malformed front matter: " + msg}}
	}
	if len(root.Content) == 0 { // empty front matter
		return meta, nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return meta, []Diagnostic{{Pos: at(doc.Line, doc.Column), Severity: Error,
			Message: "malformed front matter: expected \"key: value\" lines"}}
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		pos := at(v.Line, v.Column)
		if v.Kind != yaml.ScalarNode {
			diags = append(diags, Diagnostic{Pos: pos, Severity: Error,
				Message: fmt.Sprintf("front matter %q must be a single value", k.Value)})
			continue
		}
		val := strings.TrimSpace(v.Value)
		diags = append(diags, valueControls(pos, k.Value, val)...)
		switch strings.ReplaceAll(strings.ToLower(k.Value), "-", "_") {
		case "title":
			meta.Title = val
		case "sub_title", "subtitle":
			meta.SubTitle = val
		case "author":
			meta.Author = val
		case "date":
			meta.Date = val
		case "event":
			meta.Event = val
		case "theme":
			meta.Theme = val
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
		default:
			diags = append(diags, Diagnostic{Pos: at(k.Line, k.Column), Severity: Warning,
				Message: fmt.Sprintf("unknown front matter key %q (known: title, sub_title, author, date, event, theme, duration, max_width, ambiguous_width)", k.Value)})
		}
	}
	return meta, diags
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
		return time.Duration(mi)*time.Minute + time.Duration(se)*time.Second, nil
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return 0, fmt.Errorf("%q has no unit; write %ss or %sm", s, s, s)
	}
	d, err := time.ParseDuration(strings.ReplaceAll(s, " ", ""))
	if err != nil || d < 0 {
		return 0, fmt.Errorf("want a time such as 90s, 2m or 1m30s; got %q", s)
	}
	return d, nil
}
