package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/atomicfile"
	"shovel/internal/export"
	"shovel/internal/termsafe"
)

// ExportOptions are the inputs of "shovel export".
type ExportOptions struct {
	IO   *IOStreams
	Path string // "" for the built-in deck, "-" for standard input
	// IncludeRoots are folders besides the deck's own that includes may
	// come from (--include-root).
	IncludeRoots []string
	// Output is the file to write; "" or "-" means standard output.
	Output string
	Format string // "text" or "markdown"
	Width  int
	Notes  bool
	// Slides is the selection as typed, e.g. "3-7,12"; "" means all. It is
	// checked against the deck once the deck is read.
	Slides string
	Steps  export.Steps
}

// NewCmdExport builds "shovel export". runF replaces runExport in tests.
func NewCmdExport(io *IOStreams, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: io}
	var steps string
	cmd := &cobra.Command{
		Use:   "export [FILE|DIR|-]",
		Short: "Write a deck as plain text (or normalised Markdown)",
		Long: `Write the deck as plain UTF-8 text for review, email, diffs and handouts:
a front page, then each slide under a header line with its number and title,
typeset at --width cells without colour. --notes adds the speaker notes and
time budgets. The same deck and flags always give the same bytes.

--format markdown writes the deck in shovel's own format instead (front
matter, slides, pauses, layouts, notes as <!-- speaker_note: ... -->), which
helps to migrate decks written for other tools.

Without an argument, export writes the built-in deck; with -, Markdown read
from standard input. Output goes to standard output unless -o names a file;
the file is replaced atomically, and export refuses to overwrite the deck it
reads.

Exit status: 0 on success; 1 when the deck has errors (nothing is written;
run 'shovel lint' for details) or the output cannot be written; 2 for bad
flags or an unreadable deck.`,
		Example: `  shovel export talk.md --notes -o talk.txt
  shovel export talk/ --slides 3-7,12 --steps all --width 100
  shovel export old-talk.md --format markdown -o talk.md
  generate-slides | shovel export - -o talk.txt`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if err := checkExportFlags(cmd, opts, steps); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExport(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output (- for standard output)")
	f.StringVar(&opts.Format, "format", "text", "text or markdown")
	f.IntVar(&opts.Width, "width", export.DefaultWidth, "line width in terminal cells (text only)")
	f.BoolVar(&opts.Notes, "notes", false, "include speaker notes and time budgets (text; markdown always has them)")
	f.StringVar(&opts.Slides, "slides", "", "export only these slides, e.g. 3-7,12")
	f.StringVar(&steps, "steps", "final", "final: each slide as it ends; all: every reveal step (text only)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text\tplain UTF-8 text", "markdown\tshovel's own Markdown"))
	_ = cmd.RegisterFlagCompletionFunc("steps", fixedCompletions("final\teach slide as it ends", "all\tevery reveal step"))
	_ = cmd.RegisterFlagCompletionFunc("width", cobra.NoFileCompletions)
	_ = cmd.RegisterFlagCompletionFunc("slides", cobra.NoFileCompletions)
	addIncludeRootFlag(cmd, &opts.IncludeRoots)
	return cmd
}

// checkExportFlags rejects flag values that are wrong whatever the deck.
func checkExportFlags(cmd *cobra.Command, opts *ExportOptions, steps string) error {
	if opts.Format != "text" && opts.Format != "markdown" {
		return FlagErrorf("--format: want text or markdown; got %q", opts.Format)
	}
	if err := export.CheckWidth(opts.Width); err != nil {
		return FlagErrorf("--width: %v", err)
	}
	s, err := export.ParseSteps(steps)
	if err != nil {
		return FlagErrorf("--steps: %v", err)
	}
	opts.Steps = s
	if opts.Format == "markdown" {
		for _, name := range []string{"width", "steps"} {
			if cmd.Flags().Changed(name) {
				return FlagErrorf("--%s applies to text export only, not --format markdown", name)
			}
		}
	}
	if cmd.Flags().Changed("slides") && strings.TrimSpace(opts.Slides) == "" {
		return FlagErrorf("--slides: empty selection; write for example 3-7,12")
	}
	return nil
}

func runExport(opts *ExportOptions) error {
	d, err := openDeck(opts.Path, opts.IO.In, opts.IncludeRoots)
	if err != nil {
		return err
	}
	if d.Diagnostics.HasErrors() {
		for _, diag := range d.Diagnostics.Errors() {
			fmt.Fprintln(opts.IO.ErrOut, termsafe.Line(diag.String()))
		}
		fmt.Fprintf(opts.IO.ErrOut, "%s: %s; nothing exported\n", termsafe.Line(d.Root), plural(d.Diagnostics.Count(deck.Error), "error"))
		return &SilentError{Code: ExitFailure}
	}
	var slides []int
	if opts.Slides != "" {
		if slides, err = export.ParseSlides(opts.Slides, len(d.Slides)); err != nil {
			return FlagErrorf("--slides: %v", err)
		}
	}

	// Every catchable stop signal cancels the export, so that -o removes
	// its temporary file instead of leaving it behind.
	ctx, stop := signalContext(context.Background())
	defer stop()
	write := func(w io.Writer) error {
		if opts.Format == "markdown" {
			return export.Markdown(ctx, w, d, slides)
		}
		return export.Text(ctx, w, d, export.TextOptions{
			Width: opts.Width, Notes: opts.Notes, Slides: slides, Steps: opts.Steps,
		})
	}

	if opts.Output == "" || opts.Output == "-" {
		if opts.Format == "markdown" && opts.IO.IsTerminal != nil && opts.IO.IsTerminal() {
			// Markdown is the deck's own text, escapes and all: fine in a
			// file, but on a terminal it is shown, never obeyed.
			tw := &termsafe.Writer{W: opts.IO.Out}
			if err = write(tw); err == nil {
				err = tw.Flush()
			}
		} else {
			err = write(opts.IO.Out)
		}
	} else {
		// The guard checks the file that will really be written: a
		// dangling symbolic link names a file that does not exist yet.
		target, rerr := atomicfile.Resolve(opts.Output)
		if rerr != nil {
			return rerr
		}
		if opts.Path != "" {
			if err := checkNotInput(opts.Output, target, opts.Path, d.Files); err != nil {
				return err
			}
		}
		if info, serr := os.Stat(target); serr == nil && info.Mode()&fs.ModeCharDevice != 0 {
			err = writeDevice(target, write) // /dev/null, a terminal: nothing to replace
		} else {
			err = atomicfile.Write(opts.Output, write)
		}
	}
	if err != nil && ctx.Err() != nil {
		if sig := stoppedBy(ctx); sig != nil {
			return sig
		}
		return ErrInterrupted
	}
	return err
}

// checkNotInput refuses an output path that is one of the deck's files (by
// identity, so symbolic and hard links count too), or a new Markdown file
// in a directory deck, which would become a slide of the deck next time.
// target is out with its symbolic links followed (atomicfile.Resolve).
func checkNotInput(out, target, root string, files []string) error {
	if oi, err := os.Stat(out); err == nil {
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil && os.SameFile(oi, fi) {
				return FlagErrorf("-o %s: refusing to overwrite %s, which is part of the deck being exported", out, f)
			}
		}
	}
	ri, err := os.Stat(root)
	if err != nil || !ri.IsDir() {
		return nil
	}
	base := filepath.Base(target)
	ext := strings.ToLower(filepath.Ext(base))
	if (ext != ".md" && ext != ".markdown") || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
		return nil
	}
	if di, err := os.Stat(filepath.Dir(target)); err == nil && os.SameFile(di, ri) {
		return FlagErrorf("-o %s: the file would become a slide of the directory deck %s; write it elsewhere", out, root)
	}
	return nil
}

// writeDevice writes to a character device such as /dev/null in place.
func writeDevice(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
