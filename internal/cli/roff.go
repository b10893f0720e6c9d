package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manPage writes c's section 1 man page in roff, from the same text as
// --help: name and short description, usage, long description, flags,
// examples and related commands. (cobra/doc would do it through a
// Markdown converter whose package init every start of shovel paid for.)
func manPage(w io.Writer, c *cobra.Command, source string) error {
	var b strings.Builder
	page := strings.ReplaceAll(c.CommandPath(), " ", "-")
	fmt.Fprintf(&b, ".nh\n.TH %s 1 \"\" %s \"shovel manual\"\n", roffQuote(strings.ToUpper(page)), roffQuote(source))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", roffText(page), roffText(c.Short))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n\\fB%s\\fP\n", roffText(c.UseLine()))
	if desc := c.Long; desc != "" || c.Short != "" {
		if desc == "" {
			desc = c.Short
		}
		b.WriteString(".SH DESCRIPTION\n")
		roffBlocks(&b, desc)
	}
	roffFlags(&b, "OPTIONS", c.NonInheritedFlags())
	roffFlags(&b, "OPTIONS INHERITED FROM PARENT COMMANDS", c.InheritedFlags())
	if c.Example != "" {
		b.WriteString(".SH EXAMPLE\n.EX\n")
		for _, line := range strings.Split(strings.TrimRight(c.Example, "\n"), "\n") {
			b.WriteString(roffLine(line) + "\n")
		}
		b.WriteString(".EE\n")
	}
	var related []string
	if c.HasParent() {
		related = append(related, strings.ReplaceAll(c.Parent().CommandPath(), " ", "-"))
	}
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			related = append(related, strings.ReplaceAll(sub.CommandPath(), " ", "-"))
		}
	}
	sort.Strings(related)
	if len(related) > 0 {
		b.WriteString(".SH SEE ALSO\n")
		for i, r := range related {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "\\fB%s(1)\\fP", roffText(r))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// roffBlocks writes text's paragraphs (separated by blank lines); lines
// indented by two or more spaces are shown as they are, as in --help.
func roffBlocks(b *strings.Builder, text string) {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	first, verbatim := true, false
	for _, line := range lines {
		switch {
		case strings.TrimSpace(line) == "":
			if verbatim {
				b.WriteString(".EE\n")
				verbatim = false
			}
			first = true
		case strings.HasPrefix(line, "  "):
			if !verbatim {
				if !first {
					b.WriteString(".PP\n")
				}
				b.WriteString(".EX\n")
				verbatim = true
			}
			b.WriteString(roffLine(line) + "\n")
			first = false
		default:
			if verbatim {
				b.WriteString(".EE\n")
				verbatim = false
			}
			if first {
				b.WriteString(".PP\n")
				first = false
			}
			b.WriteString(roffLine(line) + "\n")
		}
	}
	if verbatim {
		b.WriteString(".EE\n")
	}
}

// roffFlags lists a flag set under heading: each flag in bold with its
// default, its usage indented below (the `NAME` in backquotes of a usage
// in italics, as in --help).
func roffFlags(b *strings.Builder, heading string, flags *pflag.FlagSet) {
	first := true
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		if first {
			fmt.Fprintf(b, ".SH %s\n", heading)
			first = false
		}
		name, usage := pflag.UnquoteUsage(f)
		b.WriteString(".TP\n")
		if f.Shorthand != "" {
			fmt.Fprintf(b, "\\fB\\-%s\\fP, ", roffText(f.Shorthand))
		}
		fmt.Fprintf(b, "\\fB\\-\\-%s\\fP", roffText(f.Name))
		if name != "" {
			fmt.Fprintf(b, " \\fI%s\\fP", roffText(name))
		}
		b.WriteString("\n" + roffLine(usage) + "\n")
	})
}

// roffText escapes text for roff: backslashes and hyphens (which roff would
// otherwise typeset as hyphens, not the minus signs of options).
func roffText(s string) string {
	return strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
}

// roffLine escapes a line of text; a line starting with . or ' would be
// read as a request.
func roffLine(s string) string {
	s = roffText(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffQuote quotes a macro argument.
func roffQuote(s string) string { return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"` }
