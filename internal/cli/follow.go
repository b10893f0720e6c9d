package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"shovel/internal/follow"
	"shovel/internal/termsafe"
	"shovel/internal/tui"
)

// FollowOptions are the inputs of "shovel follow".
type FollowOptions struct {
	IO *IOStreams
	// Path is the deck whose presentation to follow; "" means any.
	Path string
	// Session is the pid of the presentation to follow; 0 means any.
	Session int
	// Wait waits for a presentation to start, and for the next one after
	// it ends.
	Wait bool
	// List prints the running presentations and exits.
	List    bool
	Theme   string
	LogFile string
	FPS     int
	Getenv  func(string) string
	// Dir is the socket directory ("" for follow.DefaultDir).
	Dir string
	// Interactive reports whether the user can be asked to choose (stdin
	// is a terminal when nil).
	Interactive func() bool
	// Poll is how often --wait looks for a presentation (250 ms if 0).
	Poll time.Duration
}

// NewCmdFollow builds "shovel follow". runF replaces runFollow in tests.
func NewCmdFollow(io *IOStreams, runF func(*FollowOptions) error) *cobra.Command {
	opts := &FollowOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "follow [FILE|DIR]",
		Short: "Show a running presentation's slides in this terminal (the projector's)",
		Long: `Show the audience view of a talk that 'shovel present' is presenting in
another terminal of this user, at this terminal's size. It follows every
move of the speaker: slides, steps, scrolling, blanking, jumps. Notes, the
presenter view and the speaker's index, search and help never show here.

Navigation keys here move the talk for both screens (a clicker may be
focused on either window); q closes only this screen. When the speaker's
program exits, this screen says that the presentation has ended.

With FILE or DIR, follows the presentation of that deck; without, the only
one running, or asks which when there are several (or use --session ID;
an ID alone, 'shovel follow 7503', works too when no deck has that name).
The screens talk over a Unix socket only this user can reach; there is no
network. See docs/two-screens.md.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Path = args[0]
			}
			if opts.Session < 0 {
				return FlagErrorf("--session takes a process id, not %d", opts.Session)
			}
			if runF != nil {
				return runF(opts)
			}
			return runFollow(opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Session, "session", 0, "follow the presentation with this process `ID` (see --list)")
	f.BoolVar(&opts.Wait, "wait", false, "wait for a presentation to start, and for the next one when it ends")
	f.BoolVar(&opts.List, "list", false, "list the running presentations and exit")
	addScreenFlags(cmd, &opts.Theme, &opts.LogFile, &opts.FPS)
	cmd.ValidArgsFunction = completeDeck
	_ = cmd.RegisterFlagCompletionFunc("session", completeSession)
	return cmd
}

// completeSession completes --session with the running presentations.
func completeSession(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	all, _ := follow.List(follow.DefaultDir(os.Getenv))
	var out []cobra.Completion
	for _, s := range all {
		what := s.Deck
		if what == "" {
			what = "the built-in deck"
		}
		out = append(out, cobra.CompletionWithDesc(strconv.Itoa(s.PID), what))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func runFollow(opts *FollowOptions) error {
	getenv := opts.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	dir := opts.Dir
	if dir == "" {
		dir = follow.DefaultDir(getenv)
	}
	want := sessionFilter{pid: opts.Session}
	if pid, ok := sessionArg(opts.Path); ok && opts.Session == 0 {
		// The list and the picker show IDs, so "follow 5645" is taken
		// for --session 5645 when no deck has that name.
		want.pid = pid
	} else if opts.Path != "" {
		abs, err := filepath.Abs(opts.Path)
		if err != nil {
			return &InputError{Err: err}
		}
		want.deck = canonical(abs)
	}
	if opts.List {
		all, err := follow.List(dir)
		if err != nil {
			return &InputError{Err: err}
		}
		if len(all) == 0 {
			fmt.Fprintln(opts.IO.Out, "no presentation is running")
			return nil
		}
		writeSessions(opts.IO.Out, all)
		return nil
	}
	if opts.IO.IsTerminal == nil || !opts.IO.IsTerminal() {
		return &InputError{Err: errors.New("follow needs a terminal, and standard output is not one")}
	}
	log, closeLog, err := openLog(opts.LogFile, getenv)
	if err != nil {
		return err
	}
	defer closeLog()

	s, err := chooseSession(opts, dir, want)
	if err != nil {
		return err
	}
	c, err := follow.Dial(s.Path)
	if err != nil {
		return fmt.Errorf("cannot follow the presentation (pid %d): %w", s.PID, err)
	}
	defer c.Close()
	fd, st, err := c.First(10 * time.Second)
	if err != nil {
		return fmt.Errorf("cannot follow the presentation (pid %d): %w", s.PID, err)
	}
	d, err := fd.Open()
	var banner string
	switch {
	case errors.Is(err, follow.ErrMismatch):
		banner = "⚠ showing the deck as saved now; the speaker's version differs"
	case err != nil:
		return fmt.Errorf("cannot read the speaker's deck: %w", err)
	}
	fo := &tui.FollowOptions{Client: c, Seq: fd.Seq, State: st, Banner: banner}
	if opts.Wait {
		// After the end nobody can be asked: the newest match is taken.
		fo.Wait = func() (*follow.Client, error) {
			s, err := waitForSession(context.Background(), dir, want, opts.Poll)
			if err != nil {
				return nil, err
			}
			return follow.Dial(s.Path)
		}
	}
	theme := presentTheme(d, opts.Theme, getenv)
	if err := theme.Err(); err != nil {
		if opts.Theme != "" {
			return &InputError{Err: err}
		}
		// The deck's style file is the speaker's to get right: its slides
		// still show here, in the default theme.
		log.Debug("follow: the deck's theme", "err", err)
		theme = presentTheme(d, "auto", getenv)
	}
	sig := startSignals()
	defer sig.release()
	m, err := tui.New(tui.Options{Deck: d, Theme: theme.Name, Log: log, Follow: fo})
	if err != nil {
		return &InputError{Err: err}
	}
	keys, closeKeys, err := keyInput(opts.IO, false)
	if err != nil {
		return err
	}
	defer closeKeys()
	return runFullScreen(sig.context(), opts.IO, m, keys, opts.FPS, terminalColours(opts.IO))
}

// sessionFilter picks presentations by deck (absolute, symlinks resolved)
// and pid; zero values match any.
type sessionFilter struct {
	deck string
	pid  int
}

func (f sessionFilter) match(all []follow.Session) []follow.Session {
	var out []follow.Session
	for _, s := range all {
		if f.pid != 0 && s.PID != f.pid {
			continue
		}
		if f.deck != "" && (s.Deck == "" || canonical(s.Deck) != f.deck) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// sessionArg reports whether arg names a presentation's ID rather than a
// deck: all digits, and no file or folder of that name.
func sessionArg(arg string) (int, bool) {
	pid, err := strconv.Atoi(arg)
	if err != nil || pid <= 0 || strings.TrimLeft(arg, "0123456789") != "" {
		return 0, false
	}
	if _, err := os.Stat(arg); err == nil {
		return 0, false
	}
	return pid, true
}

func (f sessionFilter) String() string {
	switch {
	case f.pid != 0:
		return fmt.Sprintf("no presentation with pid %d is running", f.pid)
	case f.deck != "":
		return "no presentation of " + f.deck + " is running"
	}
	return "no presentation is running"
}

func canonical(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// chooseSession finds the presentation to follow: the only match, the
// user's choice among several, or (--wait) the first to start.
func chooseSession(opts *FollowOptions, dir string, want sessionFilter) (follow.Session, error) {
	all, err := follow.List(dir)
	if err != nil {
		return follow.Session{}, &InputError{Err: err}
	}
	matches := want.match(all)
	switch {
	case len(matches) == 1:
		return matches[0], nil
	case len(matches) == 0 && opts.Wait:
		fmt.Fprintf(opts.IO.ErrOut, "%s yet; waiting for one (ctrl+c stops)…\n", want)
		s, err := waitForSession(context.Background(), dir, want, opts.Poll)
		return s, err
	case len(matches) == 0:
		var b strings.Builder
		b.WriteString(want.String())
		if len(all) > 0 {
			b.WriteString("; these are:\n")
			writeSessions(&b, all)
		} else {
			b.WriteString(" (start 'shovel present' in another terminal, or use --wait)")
		}
		return follow.Session{}, errors.New(strings.TrimRight(b.String(), "\n"))
	}
	interactive := opts.Interactive
	if interactive == nil {
		interactive = func() bool { return opts.IO.InFile != nil && term.IsTerminal(opts.IO.InFile.Fd()) }
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d presentations are running:\n", len(matches))
	writeSessions(&b, matches)
	if !interactive() {
		return follow.Session{}, FlagErrorf("%schoose one with --session ID", b.String())
	}
	fmt.Fprint(opts.IO.ErrOut, b.String())
	return askSession(opts.IO.In, opts.IO.ErrOut, matches)
}

// askSession reads a choice: a line number or a pid.
func askSession(in io.Reader, out io.Writer, matches []follow.Session) (follow.Session, error) {
	r := bufio.NewReader(in)
	for tries := 0; tries < 3; tries++ {
		fmt.Fprintf(out, "Follow which? [1-%d or ID] ", len(matches))
		line, err := r.ReadString('\n')
		n, convErr := strconv.Atoi(strings.TrimSpace(line))
		if convErr == nil {
			if n >= 1 && n <= len(matches) {
				return matches[n-1], nil
			}
			for _, s := range matches {
				if s.PID == n {
					return s, nil
				}
			}
		}
		if err != nil {
			break
		}
	}
	return follow.Session{}, FlagErrorf("no presentation chosen")
}

// writeSessions prints sessions as a numbered table.
func writeSessions(w io.Writer, all []follow.Session) {
	fmt.Fprintf(w, "  %-3s %-8s %-9s %-12s %s\n", "#", "ID", "PROGRAM", "STARTED", "DECK")
	now := time.Now()
	for i, s := range all {
		started := s.Started.Local().Format("15:04:05")
		if y, m, d := s.Started.Local().Date(); y != now.Year() || m != now.Month() || d != now.Day() {
			started = s.Started.Local().Format("Jan 2 15:04")
		}
		deck := s.Deck
		if deck == "" {
			deck = "(the built-in deck)"
		}
		if s.Title != "" {
			deck += " — " + s.Title
		}
		// Titles and paths come from other programs: nothing in them may
		// reach the terminal as a control sequence.
		fmt.Fprintf(w, "  %-3d %-8d %-9s %-12s %s\n", i+1, s.PID, termsafe.Line(s.Program), started, termsafe.Line(deck))
	}
}

// waitForSession polls the socket directory until a matching presentation
// runs, and returns the newest. Polling a directory a few times a second
// costs nothing, and works however the speaker's program was started.
func waitForSession(ctx context.Context, dir string, want sessionFilter, every time.Duration) (follow.Session, error) {
	if every <= 0 {
		every = 250 * time.Millisecond
	}
	for {
		all, err := follow.List(dir)
		if err != nil {
			return follow.Session{}, &InputError{Err: err}
		}
		if m := want.match(all); len(m) > 0 {
			return m[len(m)-1], nil
		}
		select {
		case <-ctx.Done():
			return follow.Session{}, ctx.Err()
		case <-time.After(every):
		}
	}
}
