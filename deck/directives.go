package deck

import (
	"strconv"
	"strings"
)

// Directive names, as written in <!-- name: value --> comments.
const (
	dirPause        = "pause"
	dirEndSlide     = "end_slide"
	dirTime         = "time"
	dirAlignment    = "alignment"
	dirJumpToMiddle = "jump_to_middle"
	dirColumnLayout = "column_layout"
	dirColumn       = "column"
	dirResetLayout  = "reset_layout"
	dirSkipSlide    = "skip_slide"
	dirNoFooter     = "no_footer"
	dirInclude      = "include"
	dirSpeakerNote  = "speaker_note"
	// From other tools: lookatme's pause, presenterm's incremental lists
	// and blank lines.
	dirStop             = "stop"
	dirIncrementalLists = "incremental_lists"
	dirNewLines         = "new_lines"
	dirNewlines         = "newlines"
)

// isNoteName: the spellings of speaker notes in a comment.
func isNoteName(key string) bool {
	switch key {
	case "speaker_note", "speaker_notes", "notes", "note":
		return true
	}
	return false
}

var knownDirectives = []string{dirPause, dirEndSlide, dirTime, dirAlignment, dirJumpToMiddle,
	dirColumnLayout, dirColumn, dirResetLayout, dirSkipSlide, dirNoFooter, dirInclude, dirSpeakerNote, "notes",
	dirStop, dirIncrementalLists, dirNewLines}

// isDirectiveName reports whether name is a letter followed by letters,
// '_' and '-' (a function, not a regexp compiled at start-up).
func isDirectiveName(name string) bool {
	for i, r := range name {
		letter := r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
		if !letter && (i == 0 || r != '_' && r != '-') {
			return false
		}
	}
	return name != ""
}

// comments reads an HTML block made only of comments into items. It
// returns ok=false when the block holds other HTML, which is content.
func (l *loader) comments(li *lineIndex, base int, raw string) ([]item, bool) {
	var items []item
	rest := raw
	off := 0
	for {
		t := strings.TrimLeft(rest, " \t\n")
		off += len(rest) - len(t)
		rest = t
		if rest == "" {
			return items, true
		}
		if !strings.HasPrefix(rest, "<!--") {
			return nil, false
		}
		pos := li.pos(base + off)
		end := strings.Index(rest[4:], "-->")
		if end < 0 {
			l.errorf(pos, "unterminated HTML comment opened here; everything after it is hidden (close it with -->)")
			return items, true
		}
		body := rest[4 : 4+end]
		it, ok := l.directive(body, pos)
		if !ok {
			it, ok = l.commentNote(body, pos)
		}
		if ok {
			it.endLine = li.line(base+off+4+end) + li.base
			items = append(items, it)
		}
		n := 4 + end + 3
		rest = rest[n:]
		off += n
	}
}

// directive interprets one comment's text. Comments that are not
// directives are ordinary comments and yield nothing, but a near miss of a
// directive name is worth a warning.
func (l *loader) directive(body string, pos Pos) (item, bool) {
	t := strings.TrimSpace(body)
	name, value, hasValue := strings.Cut(t, ":")
	name = strings.TrimSpace(name)
	if !isDirectiveName(name) {
		return item{}, false
	}
	key := strings.ReplaceAll(strings.ToLower(name), "-", "_")
	value = strings.TrimSpace(value)

	if isNoteName(key) {
		if !hasValue {
			return item{}, false
		}
		v, isYAML := yamlNote(body)
		if !isYAML {
			_, v, _ = strings.Cut(body, ":")
			v = strings.TrimSpace(dedent(strings.TrimLeft(v, " \t")))
		}
		if v == "" {
			l.warnf(pos, "empty speaker note")
			return item{}, false
		}
		return item{kind: itemNotes, text: v, pos: pos}, true
	}
	switch key {
	case dirPause, dirStop:
		return item{kind: itemPause, pos: pos}, true
	case dirIncrementalLists:
		on, err := strconv.ParseBool(value)
		if err != nil {
			l.errorf(pos, "incremental_lists: want true or false; got %q", value)
			return item{}, false
		}
		return item{kind: itemDirective, name: key, value: strconv.FormatBool(on), pos: pos}, true
	case dirNewLines, dirNewlines:
		if _, ok := newLines(value); !ok {
			l.errorf(pos, "%s: want a number of blank lines from 1 to 50; got %q", key, value)
			return item{}, false
		}
		return item{kind: itemDirective, name: dirNewLines, value: value, pos: pos}, true
	case dirEndSlide:
		return item{kind: itemBreak, pos: pos}, true
	case dirJumpToMiddle, dirResetLayout, dirSkipSlide, dirNoFooter:
		if value != "" {
			l.warnf(pos, "%s takes no value; %q is ignored", key, value)
		}
		return item{kind: itemDirective, name: key, pos: pos}, true
	case dirTime, dirAlignment, dirColumnLayout, dirColumn, dirInclude:
		if !hasValue || value == "" {
			l.errorf(pos, "%s needs a value, e.g. %s", key, directiveExample(key))
			return item{}, false
		}
		return item{kind: itemDirective, name: key, value: value, pos: pos}, true
	}
	if len(key) >= 4 {
		for _, k := range knownDirectives {
			if editDistance(key, k) <= 2 {
				l.warnf(pos, "unknown directive %q, did you mean %q? (as written it is an ordinary comment and does nothing)", name, k)
				break
			}
		}
	}
	return item{}, false
}

// directiveExample is an example of a directive that takes a value.
func directiveExample(key string) string {
	switch key {
	case dirTime:
		return "<!-- time: 90s -->"
	case dirAlignment:
		return "<!-- alignment: center -->"
	case dirColumnLayout:
		return "<!-- column_layout: [1, 1] -->"
	case dirColumn:
		return "<!-- column: 0 -->"
	case dirInclude:
		return "<!-- include: part.md -->"
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
