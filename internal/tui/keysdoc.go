package tui

import (
	"errors"
	"strings"
)

// mouseHelp describes the mouse, which has no key.Binding.
const mouseHelp = "Mouse: the wheel and a left click move forward, a right click and the wheel upwards move back."

// KeysMarkdown is the key reference as Markdown tables, one per group,
// generated from km: docs/keys.md and the README's key section are this text.
func KeysMarkdown(km KeyMap) string {
	var b strings.Builder
	for _, g := range km.Groups() {
		b.WriteString("**" + g.Title + "**\n\n| key | does |\n|---|---|\n")
		for _, kb := range g.Bindings {
			h := kb.Help()
			b.WriteString("| `" + strings.ReplaceAll(h.Key, "|", `\|`) + "` | " + h.Desc + " |\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(mouseHelp + "\n")
	return b.String()
}

// KeysDoc is the whole of docs/keys.md.
func KeysDoc(km KeyMap) string {
	return "# Keys\n\n" +
		"<!-- Generated from internal/tui/keys.go by `go run ./internal/tui/cmd/genkeys`; do not edit. -->\n\n" +
		"`shovel present` (and bare `shovel`) answers to these keys. Press `?` while presenting to see them.\n\n" +
		"On a slide taller than the screen the next-step keys (and the mouse) scroll a page before they move on; " +
		"the footer says `↓ more` until the bottom shows. " +
		"A search marks its matches on the slide in reverse video until `" + km.Close.Help().Key + "`.\n\n" +
		KeysMarkdown(km)
}

const (
	keysStart = "<!-- keys:start -->"
	keysEnd   = "<!-- keys:end -->"
)

// ReplaceKeysSection puts the generated key tables between the README's
// keys:start and keys:end markers, leaving the rest untouched.
func ReplaceKeysSection(readme string, km KeyMap) (string, error) {
	i := strings.Index(readme, keysStart)
	j := strings.Index(readme, keysEnd)
	if i < 0 || j < i {
		return "", errors.New("README has no " + keysStart + " … " + keysEnd + " section")
	}
	return readme[:i+len(keysStart)] + "\n" + KeysMarkdown(km) + readme[j:], nil
}
