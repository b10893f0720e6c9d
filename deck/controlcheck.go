package deck

import (
	"fmt"
	"strings"

	"shovel/internal/termsafe"
)

// controlChecks warns about raw control characters (ESC, BEL, C1 controls,
// a lone CR; tab is fine) and bidirectional controls in a file, one
// diagnostic per kind and line. shovel never sends them to the terminal —
// it shows their pictures — but a deck from someone else that carries them
// is likely trying something: an escape sequence, or text that reads
// differently from what it says (U+202E).
func controlChecks(display, text string) []Diagnostic {
	var out []Diagnostic
	for i, line := range strings.Split(text, "\n") {
		if !hasControl(line) {
			continue
		}
		col := 0
		var sawCtl, sawBidi bool
		for _, r := range line {
			col++
			p := Pos{File: display, Line: i + 1, Col: col}
			if d, ok := controlDiagnostic(p, r, &sawCtl, &sawBidi); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// valueControls warns about control and bidi characters in a single value,
// such as a front matter title written with YAML escapes ("Talk\e]0;…"),
// which the file's text does not show raw.
func valueControls(pos Pos, key, value string) []Diagnostic {
	if !hasControl(value) {
		return nil
	}
	var out []Diagnostic
	var sawCtl, sawBidi bool
	for _, r := range value {
		if d, ok := controlDiagnostic(pos, r, &sawCtl, &sawBidi); ok {
			d.Message = key + ": " + d.Message
			out = append(out, d)
		}
	}
	return out
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return (termsafe.IsControl(r) && r != '\t') || termsafe.IsBidi(r)
	}) >= 0
}

func controlDiagnostic(p Pos, r rune, sawCtl, sawBidi *bool) (Diagnostic, bool) {
	switch {
	case r == '\t':
	case termsafe.IsControl(r) && !*sawCtl:
		*sawCtl = true
		pic, _ := termsafe.Picture(r)
		return Diagnostic{Pos: p, Severity: Warning, Message: fmt.Sprintf(
			"control character U+%04X: a terminal would take it as a command (shovel shows it as %s)", r, pic)}, true
	case termsafe.IsBidi(r) && !*sawBidi:
		*sawBidi = true
		return Diagnostic{Pos: p, Severity: Warning, Message: fmt.Sprintf(
			"bidirectional control U+%04X: it reorders the text around it, so what shows differs from what is written", r)}, true
	}
	return Diagnostic{}, false
}
