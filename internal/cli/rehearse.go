package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/rehearse"
	"shovel/internal/tui"
	"shovel/internal/tui/pace"
)

// RehearseOptions are the inputs of "shovel rehearse".
type RehearseOptions struct {
	PresentOptions
	// NoSave rehearses without keeping the run.
	NoSave bool
	// Now is the clock (time.Now when nil): monotonic, so that a clock
	// change during a rehearsal does not distort it.
	Now func() time.Time
}

// NewCmdRehearse builds "shovel rehearse". runF replaces runRehearse in tests.
func NewCmdRehearse(io *IOStreams, runF func(*RehearseOptions) error) *cobra.Command {
	opts := &RehearseOptions{PresentOptions: PresentOptions{IO: io}}
	cmd := &cobra.Command{
		Use:   "rehearse [FILE|DIR]",
		Short: "Rehearse a talk in the presenter view and keep the timing of every slide",
		Long: `Rehearse a talk: the deck shows in the presenter view (notes, next slide,
timer, pace), marked REHEARSAL, and the clock starts with the first slide.
t pauses and resumes the clock (paused time does not count), T resets it
and starts the run over.

Every visit to a slide is recorded: the time on each slide (all visits
summed), on each step, and the moves back. On quit (q, ctrl+c) the run is
saved, marked partial if it never reached the last slide; a run shorter
than 5 s is not. Live reload keeps recording, matching slides by title.

Runs are kept one file each in $XDG_STATE_HOME/shovel/rehearsals/<deck>/
(~/.local/state/... when unset), or in the directory given by --store.
'shovel report' shows where the time went.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeDeck,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runRehearse(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Store, "store", "", "keep the runs in `DIR` (default $XDG_STATE_HOME/shovel/rehearsals/<deck id>)")
	f.BoolVar(&opts.NoSave, "no-save", false, "do not keep this run")
	addTalkFlags(cmd, &opts.PresentOptions, "start at slide `N` (from 1), or at the first slide whose title contains the text given: rehearse a part")
	return cmd
}

func runRehearse(opts *RehearseOptions) error {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if opts.Path == "-" {
		return &InputError{Err: errors.New("rehearse needs a deck file or directory: runs are kept per deck, and standard input has no name")}
	}
	var (
		rec    *rehearse.Recorder
		store  rehearse.Store
		before int
		d      *deck.Deck
	)
	opts.command, opts.Presenter = "rehearse", true
	opts.configure = func(t *tui.Options) error {
		d = t.Deck
		info, err := rehearse.Info(d, opts.Path)
		if err != nil {
			return err
		}
		if store, err = storeFor(opts.Store, info.ID, getenvOr(opts.Getenv)); err != nil {
			return err
		}
		runs, warnings, err := store.Load()
		if err != nil {
			return fmt.Errorf("reading rehearsals: %w", err)
		}
		printWarnings(opts.IO.ErrOut, warnings)
		before = len(runs)
		rec = rehearse.NewRecorder(d, info)
		t.Rehearsal, t.Recorder, t.Now = true, rec, now
		t.History = rehearse.History(runs)
		return nil
	}
	err := runPresent(&opts.PresentOptions)
	if rec != nil {
		// Whatever ended the program, the run is kept: a rehearsal is
		// never lost to an interrupt.
		rec.Quit(now())
		if serr := saveRun(opts, store, rec.Run(), before, d); serr != nil {
			err = errors.Join(err, serr)
		}
	}
	return err
}

func getenvOr(f func(string) string) func(string) string {
	if f == nil {
		return os.Getenv
	}
	return f
}

// saveRun keeps run unless it is too short or --no-save was given, and
// says what happened on stderr (the screen is the speaker's again).
func saveRun(opts *RehearseOptions, store rehearse.Store, run rehearse.Run, before int, d *deck.Deck) error {
	total := pace.Clock(run.Total())
	switch {
	case opts.NoSave:
		fmt.Fprintf(opts.IO.ErrOut, "rehearsal not saved (--no-save): %s on the clock\n", total)
		return nil
	case run.Total() < rehearse.MinRun:
		fmt.Fprintf(opts.IO.ErrOut, "rehearsal not saved: %s on the clock is less than %v\n", total, rehearse.MinRun)
		return nil
	}
	path, err := store.Save(run)
	if err != nil {
		return fmt.Errorf("saving the rehearsal: %w", err)
	}
	how := "complete"
	if run.Partial {
		reached := 0
		for _, s := range run.Slides {
			if s.Visits > 0 && s.Number > reached {
				reached = s.Number
			}
		}
		how = fmt.Sprintf("partial, up to slide %d of %d", reached, len(d.Slides))
	}
	fmt.Fprintf(opts.IO.ErrOut, "rehearsal %d saved: %s on the clock (%s)\n  %s\n  see where the time went: %s\n",
		before+1, total, how, path, reportCommand(opts.Path, opts.Store))
	return nil
}

// reportCommand is the command line that reports on this deck's runs.
func reportCommand(path, store string) string {
	parts := []string{"shovel report"}
	if store != "" {
		parts = append(parts, "--store "+shellQuote(store))
	}
	if path != "" {
		parts = append(parts, shellQuote(path))
	}
	return strings.Join(parts, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f)
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// storeFor is the store of the deck with id: dir when given (the runs of
// one talk, kept where the speaker likes), else the default per deck.
func storeFor(dir, id string, getenv func(string) string) (rehearse.Store, error) {
	if dir != "" {
		return rehearse.Store{Dir: dir}, nil
	}
	d, err := rehearse.DefaultDir(id, getenv)
	if err != nil {
		return rehearse.Store{}, err
	}
	return rehearse.Store{Dir: d}, nil
}

func printWarnings(errOut io.Writer, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(errOut, "warning:", w)
	}
}

// loadHistory reads the deck's rehearsals for the presenter view's pace
// at the speaker's own speed. Without a store or runs there is no history,
// and that is no reason not to present.
func loadHistory(opts *PresentOptions, d *deck.Deck, errOut io.Writer) func(*deck.Deck) []time.Duration {
	if opts.Path == "-" {
		return nil // standard input has no name to keep runs under
	}
	info, err := rehearse.Info(d, opts.Path)
	if err != nil {
		return nil
	}
	store, err := storeFor(opts.Store, info.ID, getenvOr(opts.Getenv))
	if err != nil {
		return nil
	}
	runs, warnings, err := store.Load()
	if err != nil {
		fmt.Fprintln(errOut, "warning: reading rehearsals:", err)
		return nil
	}
	printWarnings(errOut, warnings)
	return rehearse.History(runs)
}
