package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"shovel/deck"
	"shovel/internal/polltty"
	"shovel/slides"
)

// stdinName names a deck read from standard input in diagnostics.
const stdinName = "<stdin>"

// addIncludeRootFlag adds --include-root, which widens the folders a deck's
// includes may come from (see docs/security.md).
func addIncludeRootFlag(cmd *cobra.Command, roots *[]string) {
	cmd.Flags().StringArrayVar(roots, "include-root", nil,
		"also let includes come from `DIR` (repeatable); otherwise they must stay inside the deck's folder")
}

// openDeck reads the deck at path: the built-in deck when path is "", and
// Markdown from stdin when it is "-". includeRoots are the folders besides
// the deck's own that includes may come from. A deck that cannot be read
// at all is an InputError.
func openDeck(path string, stdin io.Reader, includeRoots []string) (*deck.Deck, error) {
	var (
		d   *deck.Deck
		err error
	)
	switch path {
	case "":
		d, err = openBuiltin()
	case "-":
		d, err = readStdinDeck(stdin)
	default:
		d, err = deck.OpenWith(path, deck.Options{IncludeRoots: includeRoots})
	}
	var re *deck.ReadError
	if errors.As(err, &re) {
		return nil, &InputError{Err: err}
	}
	return d, err
}

// openBuiltin parses the built-in deck; diagnostics name its files
// slides/NAME.md.
func openBuiltin() (*deck.Deck, error) {
	return deck.OpenFS(slides.FS(), ".", "slides")
}

func readStdinDeck(stdin io.Reader) (*deck.Deck, error) {
	if stdin == nil {
		return nil, &InputError{Err: errors.New("-: no standard input to read the deck from")}
	}
	src, err := io.ReadAll(io.LimitReader(stdin, deck.MaxFileBytes+1))
	if err != nil {
		return nil, &InputError{Err: fmt.Errorf("reading the deck from standard input: %w", err)}
	}
	if len(src) > deck.MaxFileBytes {
		return nil, &InputError{Err: fmt.Errorf("-: the deck on standard input is larger than %d MiB, the most a deck file may be", deck.MaxFileBytes>>20)}
	}
	return deck.Parse(stdinName, src)
}

// checkDeckArg is for "shovel ARG", where cobra found no command named
// ARG: a missing path that looks like a mistyped command gets the
// suggestion cobra would have made.
func checkDeckArg(cmd *cobra.Command, arg string) error {
	if arg == "-" {
		return nil
	}
	if _, err := os.Stat(arg); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if s := cmd.SuggestionsFor(arg); len(s) > 0 {
		return FlagErrorf("unknown command %q (and no such file); did you mean %s?", arg, strings.Join(s, " or "))
	}
	if !strings.ContainsAny(arg, `./\`) {
		return FlagErrorf("unknown command %q, and no file or directory of that name", arg)
	}
	return nil // openDeck reports the missing file
}

// startSlide finds the slide --start names, as an index from 0: a number
// counts from 1; other text is looked for in the slides' titles, ignoring
// case, a whole title first, then the first title containing it.
func startSlide(d *deck.Deck, start string) (int, error) {
	start = strings.TrimSpace(start)
	if start == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(start); err == nil {
		if n < 1 || n > len(d.Slides) {
			return 0, FlagErrorf("--start %d: the deck has slides 1 to %d", n, len(d.Slides))
		}
		return n - 1, nil
	}
	want := strings.ToLower(start)
	for i, s := range d.Slides {
		if strings.ToLower(s.Title) == want {
			return i, nil
		}
	}
	for i, s := range d.Slides {
		if strings.Contains(strings.ToLower(s.Title), want) {
			return i, nil
		}
	}
	return 0, FlagErrorf("--start %q: no slide number, and no slide title contains it", start)
}

// keyInput is where present reads keys: standard input when it is a
// terminal and not the deck, else the controlling terminal, so that
// "cmd | shovel present -" and "shovel present talk.md </dev/null" work.
func keyInput(streams *IOStreams, deckOnStdin bool) (io.Reader, func(), error) {
	if !deckOnStdin && streams.InFile != nil && streams.StdinIsTerminal != nil && streams.StdinIsTerminal() {
		// Keys are read through the runtime's poller where the system
		// allows it: less CPU per key (polltty).
		if in, err := polltty.Open(streams.InFile.Fd()); err == nil {
			return in, func() { in.Close() }, nil
		}
		return streams.InFile, func() {}, nil
	}
	why := "standard input is not a terminal"
	if deckOnStdin {
		why = "standard input holds the deck"
	}
	if streams.OpenTTY == nil {
		return nil, nil, &InputError{Err: fmt.Errorf("present reads keys from a terminal: %s, and there is no controlling terminal", why)}
	}
	tty, err := streams.OpenTTY()
	if err != nil {
		return nil, nil, &InputError{Err: fmt.Errorf("present reads keys from a terminal: %s, and there is no controlling terminal (%v)", why, err)}
	}
	return tty, func() { tty.Close() }, nil
}
