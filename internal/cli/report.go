package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"shovel/internal/rehearse"
)

// ReportOptions are the inputs of "shovel report".
type ReportOptions struct {
	IO   *IOStreams
	Path string // "" for the built-in deck
	// Run is last, a run number or all.
	Run string
	// Format is text, json or csv.
	Format string
	// Width is the text report's width; 0 means the terminal's, else 80.
	Width int
	// Store is the directory of the runs; "" means the default.
	Store string
	// Budgets prints suggested time directives instead of the report.
	Budgets bool
	// IncludeRoots are folders besides the deck's own that includes may
	// come from.
	IncludeRoots []string
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
	// Location is the time zone of dates in the text (time.Local when nil).
	Location *time.Location
}

// NewCmdReport builds "shovel report". runF replaces runReport in tests.
func NewCmdReport(io *IOStreams, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "report [FILE|DIR]",
		Short: "Show where the time went in the rehearsals of a talk",
		Long: `Show the rehearsals of a talk (see 'shovel rehearse'): a table per slide
with its budget, the time in the last run, the median of the last 5 runs
and how far over or under budget it was, with a bar per slide against its
budget; the totals against the duration and the sum of the budgets; the 3
slides most over budget; and the total of every run as a trend.

Slides are matched by title, so runs made before the deck was edited still
count; runs made on an older version are marked.

Colour on a terminal; plain characters with NO_COLOR, when piped, or with
--width. --format json and csv print the runs for other tools.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
		ValidArgsFunction: completeDeck,
	}
	f := cmd.Flags()
	f.StringVar(&opts.Run, "run", "last", "the run to show: last, a run `N` (1 is the first), or all (medians of every run)")
	f.StringVar(&opts.Format, "format", "text", "text, json or csv")
	f.IntVar(&opts.Width, "width", 0, "width of the text report in `COLUMNS` (default: the terminal's, else 80; implies no colour)")
	f.StringVar(&opts.Store, "store", "", "read the runs from `DIR` (default $XDG_STATE_HOME/shovel/rehearsals/<deck id>)")
	addIncludeRootFlag(cmd, &opts.IncludeRoots)
	f.BoolVar(&opts.Budgets, "budgets", false, "print a <!-- time: --> directive per slide from the median of the last runs")
	return cmd
}

func parseSelection(s string) (rehearse.Selection, error) {
	switch s {
	case "", "last":
		return rehearse.Selection{}, nil
	case "all":
		return rehearse.Selection{All: true}, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return rehearse.Selection{}, FlagErrorf("--run %q: want last, all or a run number from 1", s)
	}
	return rehearse.Selection{N: n}, nil
}

func runReport(opts *ReportOptions) error {
	getenv := opts.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	sel, err := parseSelection(opts.Run)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "text", "json", "csv":
	default:
		return FlagErrorf("--format %q: want text, json or csv", opts.Format)
	}
	if opts.Width != 0 && opts.Width < rehearse.MinWidth {
		return FlagErrorf("--width %d: the report needs at least %d columns", opts.Width, rehearse.MinWidth)
	}
	if opts.Path == "-" {
		return &InputError{Err: errors.New("report needs a deck file or directory: runs are kept per deck, and standard input has no name")}
	}
	d, err := openDeck(opts.Path, opts.IO.In, opts.IncludeRoots)
	if err != nil {
		return err
	}
	if len(d.Slides) == 0 {
		return &InputError{Err: fmt.Errorf("%s has no slides", d.Root)}
	}
	info, err := rehearse.Info(d, opts.Path)
	if err != nil {
		return err
	}
	store, err := storeFor(opts.Store, info.ID, getenv)
	if err != nil {
		return err
	}
	runs, warnings, err := store.Load()
	if err != nil {
		return fmt.Errorf("reading rehearsals: %w", err)
	}
	printWarnings(opts.IO.ErrOut, warnings)
	if len(runs) == 0 {
		return noRunsError(opts.Path, opts.Store)
	}
	rep, err := rehearse.Build(d, info, runs, sel)
	var nr *rehearse.ErrNoRun
	if errors.As(err, &nr) {
		return &FlagError{Err: fmt.Errorf("--run %d: %w", nr.N, err)}
	}
	if err != nil {
		return err
	}
	switch {
	case opts.Budgets:
		return rehearse.WriteBudgets(opts.IO.Out, rep)
	case opts.Format == "json":
		return rehearse.WriteJSON(opts.IO.Out, rep)
	case opts.Format == "csv":
		return rehearse.WriteCSV(opts.IO.Out, rep)
	}
	tty := opts.IO.IsTerminal != nil && opts.IO.IsTerminal()
	width := opts.Width
	if width == 0 {
		width = 80
		if w := terminalWidth(opts.IO); tty && w > 0 {
			width = w
		}
	}
	return rehearse.WriteText(opts.IO.Out, rep, rehearse.TextOptions{
		Width:    width,
		Color:    tty && opts.Width == 0 && getenv("NO_COLOR") == "",
		Location: opts.Location,
	})
}

// noRunsError: no rehearsals yet, and the command that makes one.
func noRunsError(path, store string) error {
	name, cmd := "the built-in deck", []string{"shovel rehearse"}
	if store != "" {
		cmd = append(cmd, "--store "+shellQuote(store))
	}
	if path != "" {
		name = path
		cmd = append(cmd, shellQuote(path))
	}
	return fmt.Errorf("no rehearsals of %s yet; run: %s", name, strings.Join(cmd, " "))
}

// terminalWidth is the width of the terminal on standard output, 0 when
// it is not one.
func terminalWidth(io *IOStreams) int {
	if io.OutFile == nil {
		return 0
	}
	w, _, err := term.GetSize(io.OutFile.Fd())
	if err != nil {
		return 0
	}
	return w
}
