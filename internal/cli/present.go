package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/config"
	"shovel/internal/hugeheap"
	"shovel/internal/polltty"
	"shovel/internal/prefault"
	"shovel/internal/render"
	"shovel/internal/termsafe"
	"shovel/internal/tui"
)

// PresentOptions are the inputs of "shovel present".
type PresentOptions struct {
	IO   *IOStreams
	Path string // "" for the built-in deck, "-" for standard input
	// IncludeRoots are folders besides the deck's own that includes may
	// come from (--include-root).
	IncludeRoots []string
	// Start is the first slide shown: a number from 1, or text found in a
	// slide's title; "" is the first slide.
	Start string
	// Presenter starts in the presenter view.
	Presenter bool
	// Theme is dark, light, auto, notty or a style file; "" lets NO_COLOR,
	// then the deck's front matter, then auto decide.
	Theme string
	// LogFile receives debug logs; "" means $SHOVEL_LOG, else none.
	LogFile string
	// NoWatch turns live reload off.
	NoWatch bool
	// FPS caps the frame rate (0: bubbletea's default).
	FPS int
	// Store is the directory of the deck's rehearsals; "" means the
	// default under $XDG_STATE_HOME.
	Store string
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string

	// flagSet reports whether a flag was given: the config file's
	// settings apply only where no flag was (nil: none were).
	flagSet func(name string) bool

	// command names the command in messages ("present" when empty);
	// configure, when set, completes the TUI's options in place of the
	// rehearsal history present reads (rehearse sets both).
	command   string
	configure func(*tui.Options) error
}

// NewCmdPresent builds "shovel present". runF replaces runPresent in tests.
func NewCmdPresent(io *IOStreams, runF func(*PresentOptions) error) *cobra.Command {
	opts := &PresentOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "present [FILE|DIR]",
		Short: "Present a deck full-screen (the built-in deck without an argument)",
		Long: `Present a deck full-screen in this terminal. Press ? for the keys.

The deck's files (includes too) are watched: saving one reloads the deck in
place. A deck that no longer parses keeps the last good version on screen
with a banner naming the file and line.

P toggles the presenter view (current and next slide, speaker notes, clock,
timer and pace against the slides' time budgets); --presenter starts in it.
Another terminal (the projector's) can show the audience view with
'shovel follow'; see docs/two-screens.md.

Without an argument, present shows the built-in deck; with -, a deck
read from standard input (keys then come from the terminal, /dev/tty).
Keys are read from /dev/tty too whenever standard input is not a terminal.

--start N opens the deck at slide N; --start TEXT at the first slide whose
title contains TEXT (any case).

When the deck has been rehearsed ('shovel rehearse'), the presenter view
also tells when the talk ends at your rehearsed pace.`,
		Example: `  shovel present talk.md --start 12
  shovel present talk/ --presenter --start "Q&A"
  generate-slides | shovel present -`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPresent(opts)
		},
	}
	addPresentFlags(cmd, opts)
	return cmd
}

// addPresentFlags declares present's flags on cmd: "shovel present" and
// "shovel FILE" take the same ones.
func addPresentFlags(cmd *cobra.Command, opts *PresentOptions) {
	f := cmd.Flags()
	opts.flagSet = f.Changed
	addTalkFlags(cmd, opts, "start at slide `N` (from 1), or at the first slide whose title contains the text given")
	f.BoolVar(&opts.Presenter, "presenter", false, "start in the presenter view (speaker notes, timer, pace)")
	f.StringVar(&opts.Store, "store", "", "read rehearsals from `DIR` for the pace at your rehearsed speed (default $XDG_STATE_HOME/shovel/rehearsals/…)")
}

// addTalkFlags adds the flags of every command that presents a deck it
// reads itself (present, "shovel FILE", rehearse).
func addTalkFlags(cmd *cobra.Command, opts *PresentOptions, startUsage string) {
	f := cmd.Flags()
	f.StringVar(&opts.Start, "start", "", startUsage)
	_ = cmd.RegisterFlagCompletionFunc("start", cobra.NoFileCompletions)
	f.BoolVar(&opts.NoWatch, "no-watch", false, "do not reload when the deck's files change")
	addIncludeRootFlag(cmd, &opts.IncludeRoots)
	addScreenFlags(cmd, &opts.Theme, &opts.LogFile, &opts.FPS)
}

// addScreenFlags adds the flags of every full-screen command (present,
// rehearse, follow): one wording, so their help cannot drift apart.
func addScreenFlags(cmd *cobra.Command, theme, logFile *string, fps *int) {
	f := cmd.Flags()
	f.StringVar(theme, "theme", "", "dark, light, auto, mono (no colour), notty (no escape sequences), another glamour style or a glamour style JSON file (default: the deck's, else auto; NO_COLOR forces mono)")
	_ = cmd.RegisterFlagCompletionFunc("theme", completeTheme)
	f.StringVar(logFile, "log", "", "write debug logs to `FILE` (default $SHOVEL_LOG; never the terminal)")
	f.IntVar(fps, "fps", 0, "most frames drawn per second (default 60)")
	_ = f.MarkHidden("fps") // a tuning knob for measurements, not for speakers
}

func runPresent(opts *PresentOptions) error {
	getenv := opts.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	// The deck is read first: a missing file or a broken deck is the more
	// useful message, with or without a terminal.
	logName, logFrom := logPath(opts.LogFile, getenv)
	d, rest, err := openPresentDeck(opts, logName)
	if err != nil {
		return err
	}
	if err := refuseBrokenDeck(opts.IO.ErrOut, d); err != nil {
		return err
	}
	start, err := startSlide(d, opts.Start)
	if err != nil {
		return err
	}
	probs := &problemWriter{w: opts.IO.ErrOut}
	cfg, cfgFile := userConfig(getenv, probs)
	theme := presentTheme(d, opts.Theme, getenv)
	if opts.Theme == "" && d.Meta.Theme == "" && cfg.Theme != "" {
		theme = configTheme(d, cfg, cfgFile, getenv, probs, theme)
	}
	if err := theme.Err(); err != nil {
		if opts.Theme != "" {
			return &InputError{Err: err}
		}
		fmt.Fprintln(opts.IO.ErrOut, termsafe.Line(err.Error()))
		fmt.Fprintf(opts.IO.ErrOut, "%s: 1 error; not presenting (run 'shovel lint' after fixing)\n", termsafe.Line(d.Root))
		return &SilentError{Code: ExitFailure}
	}
	if err := checkLogPath(logName, logFrom, d); err != nil {
		return err
	}
	if opts.IO.IsTerminal == nil || !opts.IO.IsTerminal() {
		return &InputError{Err: errors.New(opts.commandName() + " needs a terminal, and standard output is not one; " +
			"to get the deck as text use 'shovel export'")}
	}
	keys, closeKeys, err := keyInput(opts.IO, opts.Path == "-")
	if err != nil {
		return err
	}
	defer closeKeys()
	log, closeLog, err := openLog(logName, getenv)
	if err != nil {
		return err
	}
	defer closeLog()
	log.Debug("start-up heap", "hugepages", hugeheap.AtInit)
	log.Debug("start-up code", "mapped", prefault.AtInit == nil, "err", prefault.AtInit)

	topts := tui.Options{
		Deck:      d,
		Theme:     theme.Name,
		Notice:    theme.Notice,
		Presenter: opts.Presenter,
		// The config file's settings, where no flag says otherwise.
		AmbiguousWidth: cfg.AmbiguousWidth,
		StartTimer:     cfg.Timer == config.TimerImmediately,
		Start:          start,
		Log:            log,
		Load:           deckLoader(opts.Path, deck.Options{IncludeRoots: opts.IncludeRoots}),
		Rest:           rest,
	}
	switch opts.Path {
	case "":
		topts.Load = openBuiltin
	case "-":
		topts.Load = nil // standard input is read once: nothing to reload
	}
	// The watcher, the socket other screens follow and the rehearsal
	// history start once the first frame is out (services.go).
	services := newTalkServices(servicesParams{
		opts: opts, d: d, logName: logName, getenv: getenv, log: log,
		watch:   opts.Path != "" && opts.Path != "-" && !opts.NoWatch,
		history: opts.configure == nil,
	})
	defer services.close(opts.IO.ErrOut)
	topts.Services = services.start
	if cfg.Presenter != nil && (opts.flagSet == nil || !opts.flagSet("presenter")) {
		topts.Presenter = *cfg.Presenter
	}
	km := keyMap(cfg, cfgFile, probs)
	topts.Keys = &km
	if topts.Notice == "" {
		topts.Notice = probs.notice()
	}
	if opts.configure != nil {
		if err := opts.configure(&topts); err != nil {
			return err
		}
	}
	if opts.IO.OutFile != nil {
		// Known now, the size lets the first page be typeset before the
		// program starts.
		topts.Width, topts.Height, _ = term.GetSize(opts.IO.OutFile.Fd())
	}
	sig := startSignals()
	defer sig.release()
	m, err := tui.New(topts)
	if err != nil {
		return &InputError{Err: err}
	}
	if err := runFullScreen(sig.context(), opts.IO, m, keys, opts.FPS, terminalColours(opts.IO)); err != nil {
		return err
	}
	return restFailure(opts.IO.ErrOut, m)
}

// commandName is the command in messages: present, or rehearse.
func (opts *PresentOptions) commandName() string {
	if opts.command == "" {
		return "present"
	}
	return opts.command
}

// runFullScreen runs m on the terminal (keys from keys) until it quits or
// ctx is cancelled, with the colour profile terminalColours gave
// (colours). ctx is the stop signals' (startSignals): a closed terminal
// (HUP), kill (TERM) or ctrl+\ (QUIT) ends the talk the way q does,
// terminal restored, then exits 128+signal.
func runFullScreen(ctx context.Context, streams *IOStreams, m *tui.Model, keys io.Reader, fps int, colours *tui.Colours) error {
	if err := context.Cause(ctx); err != nil {
		return err // stopped before the screen was taken
	}
	var out io.Writer = streams.Out
	if streams.OutFile != nil {
		out = streams.OutFile
		// Frames go out through the runtime's poller, as keys come in
		// (polltty; keyInput), where the system allows it.
		if streams.IsTerminal != nil && streams.IsTerminal() {
			if tty, err := polltty.Open(streams.OutFile.Fd()); err == nil {
				defer tty.Close()
				out = tty
			}
		}
	}
	// One P once the talk is under way: a key's work is a chain of
	// goroutines (reader, event loop, renderer, typesetting ahead), and
	// with a second P each hand-off can wake another thread that then
	// finds nothing to do. On one P the chain runs on one thread: CPU per
	// key on the 1,000-slide deck 1.3–1.4 → 1.1–1.2 ms (docs/dev/
	// performance.md, "2026-12-03: CPU per key"). Not at once: the switch
	// stops the world, 0.9–5.6 ms (median 2.6) just before the program
	// started, and start-up work (the rest of a big deck) still has two.
	defer onePAfter(time.Second)()
	err := tui.Run(ctx, m, keys, out, fps, colours)
	if errors.Is(err, tui.ErrInterrupted) {
		return ErrInterrupted
	}
	return err
}

// onePAfter sets GOMAXPROCS to 1 after d; the returned func undoes it
// (waiting for a switch under way).
func onePAfter(d time.Duration) func() {
	prev := runtime.GOMAXPROCS(0)
	switched := make(chan struct{})
	t := time.AfterFunc(d, func() {
		defer close(switched)
		runtime.GOMAXPROCS(1)
	})
	return func() {
		if !t.Stop() {
			<-switched
		}
		runtime.GOMAXPROCS(prev)
	}
}

// presentTheme: NO_COLOR (https://no-color.org) means no colour whatever
// else is asked; else the flag; else the deck's front matter; else auto.
// lint decides the deck's theme the same way (render.ResolveTheme).
func presentTheme(d *deck.Deck, flag string, getenv func(string) string) render.ThemeChoice {
	return render.ResolveTheme(d, flag, render.NoColor(getenv))
}

// openLog opens the debug log: the file named by --log, else $SHOVEL_LOG,
// else nothing. The TUI owns the terminal, so logs never go there.
func openLog(name string, getenv func(string) string) (*slog.Logger, func(), error) {
	if name == "" {
		name = getenv("SHOVEL_LOG")
	}
	if name == "" {
		return slog.New(slog.DiscardHandler), func() {}, nil
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, &InputError{Err: fmt.Errorf("log file: %w", err)}
	}
	return slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug})), func() { f.Close() }, nil
}
