package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/atomicfile"
	"shovel/internal/render"
	"shovel/internal/termsafe"
)

// LintOptions are the inputs of "shovel lint".
type LintOptions struct {
	IO   *IOStreams
	Path string // "" for the built-in deck, "-" for standard input
	// IncludeRoots are folders besides the deck's own that includes may
	// come from (--include-root).
	IncludeRoots []string
	// Strict makes warnings fail the run too.
	Strict bool
	// Fix rewrites the deck's files with PDF look-alikes repaired first.
	Fix bool
	// Width and Height are the terminal the talk will be given in: slides
	// taller than it get a warning (they will scroll).
	Width, Height int
}

// NewCmdLint builds "shovel lint". runF replaces runLint in tests.
func NewCmdLint(io *IOStreams, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: io}
	var size string
	cmd := &cobra.Command{
		Use:   "lint [FILE|DIR|-]",
		Short: "Check a deck and print every problem as file:line:col",
		Long: `Parse a deck and print every diagnostic like a compiler:

  talk.md:14:1: error: unterminated code fence opened here

--fix first repairs what text pasted from a PDF gets wrong and has one
right answer (radical look-alikes such as ⽀ for 支, ⸺ for ——) in every
file of the deck, includes too, rewriting each file atomically; what it
cannot decide (� where a character was lost) is still reported.

Slides are also typeset for the terminal given by --size; one that will not
fit above the footer gets a warning, since it will have to scroll.

Exit status: 0 when there are no errors, 1 when the deck has errors (or
warnings, with --strict), 2 when the deck cannot be read at all.
Without an argument, lint checks the built-in deck; with -, Markdown read
from standard input (its diagnostics name it <stdin>).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			w, h, err := parseSize(size)
			if err != nil {
				return err
			}
			opts.Width, opts.Height = w, h
			if runF != nil {
				return runF(opts)
			}
			return runLint(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors")
	cmd.Flags().BoolVar(&opts.Fix, "fix", false, "repair PDF look-alike characters in the deck's files")
	cmd.Flags().StringVar(&size, "size", "100x30", "terminal the talk will be given in, `COLSxROWS`")
	_ = cmd.RegisterFlagCompletionFunc("size", cobra.NoFileCompletions)
	addIncludeRootFlag(cmd, &opts.IncludeRoots)
	return cmd
}

func runLint(opts *LintOptions) error {
	if opts.Fix && (opts.Path == "" || opts.Path == "-") {
		return FlagErrorf("--fix rewrites files: give the path of your deck (the built-in deck is read-only, standard input cannot be rewritten)")
	}
	d, err := openDeck(opts.Path, opts.IO.In, opts.IncludeRoots)
	if err != nil {
		return err
	}
	if opts.Fix {
		fixed, err := repairFiles(opts.Path, d.Files, opts.IO.ErrOut)
		if err != nil {
			return err
		}
		if fixed > 0 { // else the deck read above is the deck on disk
			if d, err = openDeck(opts.Path, opts.IO.In, opts.IncludeRoots); err != nil {
				return err
			}
		}
	}
	// The theme is decided as present decides it, so lint and present
	// agree on what is an error.
	d.Diagnostics = append(d.Diagnostics, render.ResolveTheme(d, "", false).Diagnostics...)
	d.Diagnostics.Sort(d.Files)
	if !d.Diagnostics.HasErrors() && opts.Width > 0 {
		d.Diagnostics = append(d.Diagnostics, tooTall(d, opts.Width, opts.Height)...)
		d.Diagnostics.Sort(d.Files)
	}
	for _, diag := range d.Diagnostics {
		fmt.Fprintln(opts.IO.Out, termsafe.Line(diag.String()))
	}
	// On stderr with the summary: stdout stays the list of problems.
	fmt.Fprintln(opts.IO.ErrOut, termsafe.Line(dialectInfo(d)))
	errs, warns := d.Diagnostics.Count(deck.Error), d.Diagnostics.Count(deck.Warning)
	fmt.Fprintf(opts.IO.ErrOut, "%s: %s, %s, %s\n", termsafe.Line(d.Root), plural(len(d.Slides), "slide"),
		plural(errs, "error"), plural(warns, "warning"))
	if errs > 0 || (opts.Strict && warns > 0) {
		return &SilentError{Code: ExitFailure}
	}
	return nil
}

// dialectInfo is lint's line about how the deck's slides were split, so
// that a speaker coming from another tool sees which rules apply.
func dialectInfo(d *deck.Deck) string {
	where := d.Root
	if len(d.Files) > 0 {
		where = d.Files[0]
	}
	return fmt.Sprintf("%s: info: %s", where, d.Dialect)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// tooTall warns about slides that, fully revealed, are taller than a
// width×height terminal leaves above the footer: the TUI scrolls them, but
// a speaker would rather know before the talk.
func tooTall(d *deck.Deck, width, height int) deck.Diagnostics {
	// Measured in the monochrome theme: it lays slides out as the colour
	// themes do (notty adds a rule under each heading).
	r, err := render.New(d, render.Options{Theme: render.MonoTheme, NoCache: true})
	if err != nil {
		return nil
	}
	room := height - 1 // the footer
	var out deck.Diagnostics
	for i, s := range d.Slides {
		p, err := r.Slide(i, s.Steps-1, width)
		if err != nil || len(p.Lines) <= room {
			continue
		}
		out = append(out, deck.Diagnostic{
			Pos:      deck.Pos{File: s.File, Line: s.StartLine, Col: 1},
			Severity: deck.Warning,
			Message: fmt.Sprintf("slide %d %q is %d lines tall in a %dx%d terminal (%d fit above the footer); it will scroll",
				s.Number, s.Title, len(p.Lines), width, height, room),
		})
	}
	return out
}

// parseSize reads "COLSxROWS", e.g. 100x30.
func parseSize(s string) (int, int, error) {
	var w, h int
	if n, err := fmt.Sscanf(s, "%dx%d", &w, &h); n != 2 || err != nil || w < 20 || h < 5 || fmt.Sprintf("%dx%d", w, h) != s {
		return 0, 0, FlagErrorf("--size: want COLSxROWS such as 100x30 (at least 20x5); got %q", s)
	}
	return w, h, nil
}

// repairFiles applies deck.Repair to each file, writing only the files it
// changes, each atomically, and returns how many it rewrote. A file that
// is not valid UTF-8 is left alone: lint reports it, and guessing at its
// bytes could lose data. Only Markdown files inside the deck's folder are
// rewritten: an include from --include-root (or any other file) is the
// speaker's to change, not lint's.
func repairFiles(root string, files []string, log io.Writer) (int, error) {
	folder := root
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		folder = filepath.Dir(root)
	}
	realFolder, err := filepath.EvalSymlinks(folder)
	if err != nil {
		return 0, err
	}
	rewritten := 0
	for _, f := range files {
		if why := notRepairable(realFolder, f); why != "" {
			fmt.Fprintf(log, "%s: not repaired: %s\n", termsafe.Line(f), why)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return rewritten, err
		}
		if !utf8.Valid(data) {
			continue
		}
		fixed, n := deck.Repair(string(data))
		if n == 0 || bytes.Equal(data, []byte(fixed)) {
			continue
		}
		if err := atomicfile.WriteWith(f, atomicfile.Options{Rewrite: true}, func(w io.Writer) error {
			_, err := io.WriteString(w, fixed)
			return err
		}); err != nil {
			return rewritten, fmt.Errorf("--fix: %w", err)
		}
		rewritten++
		fmt.Fprintf(log, "%s: repaired %s\n", termsafe.Line(f), plural(n, "character"))
	}
	return rewritten, nil
}

// notRepairable says why --fix must not rewrite f, or "".
func notRepairable(realFolder, f string) string {
	ext := strings.ToLower(filepath.Ext(f))
	if ext != ".md" && ext != ".markdown" {
		return "--fix rewrites only Markdown files (.md, .markdown)"
	}
	r, err := filepath.EvalSymlinks(f)
	if err != nil {
		return err.Error()
	}
	if rel, err := filepath.Rel(realFolder, r); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "it is outside the deck's folder, and --fix rewrites only the deck's own files"
	}
	return ""
}
