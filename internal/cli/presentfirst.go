package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"shovel/deck"
	"shovel/internal/termsafe"
	"shovel/internal/tui"
)

// openPresentDeck reads the deck present shows. A deck file shown from
// its first slide on a terminal, without a debug log (whose check needs
// all of the deck's files) and not rehearsed (the recorder counts the
// slides from the start), is read only up to the end of its first
// slide when that is safe (deck.OpenFirstWith): rest then reads it whole,
// after the first frame, and the start-up of a long deck does not grow
// with it. Otherwise the deck is read whole and rest is nil.
func openPresentDeck(opts *PresentOptions, logName string) (d *deck.Deck, rest func() (*deck.Deck, error), err error) {
	terminal := opts.IO.IsTerminal != nil && opts.IO.IsTerminal()
	if opts.Path != "" && opts.Path != "-" && opts.Start == "" && logName == "" && opts.configure == nil && terminal && bigDeckFile(opts.Path) {
		dopts := deck.Options{IncludeRoots: opts.IncludeRoots}
		first, ok, ferr := deck.OpenFirstWith(opts.Path, dopts)
		if ferr == nil && ok && !first.Diagnostics.HasErrors() {
			path := opts.Path
			return first, func() (*deck.Deck, error) { return deck.OpenWith(path, dopts) }, nil
		}
	}
	d, err = openDeck(opts.Path, opts.IO.In, opts.IncludeRoots)
	return d, nil, err
}

// firstSlideFirstSize is the deck file size from which present shows the
// first slide before parsing the rest: below it the whole parse takes a few
// milliseconds, and the footer's slide count is right from the first frame.
const firstSlideFirstSize = 32 << 10

// bigDeckFile reports whether path is a regular file of at least
// firstSlideFirstSize bytes.
func bigDeckFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() >= firstSlideFirstSize
}

// refuseBrokenDeck prints a deck's diagnostics and refuses to present it
// when it has errors.
func refuseBrokenDeck(errOut io.Writer, d *deck.Deck) error {
	if !d.Diagnostics.HasErrors() {
		return nil
	}
	for _, diag := range d.Diagnostics {
		fmt.Fprintln(errOut, termsafe.Line(diag.String()))
	}
	fmt.Fprintf(errOut, "%s: %s; not presenting (run 'shovel lint' after fixing)\n",
		termsafe.Line(d.Root), plural(d.Diagnostics.Count(deck.Error), "error"))
	return &SilentError{Code: ExitFailure}
}

// restFailure reports, after the program ended, a whole deck that could
// not be presented once its first slide was showing: the same message
// and exit code as when it is read whole before the first frame.
func restFailure(errOut io.Writer, m *tui.Model) error {
	failed, d, err := m.RestFailure()
	switch {
	case !failed:
		return nil
	case d != nil:
		if err := refuseBrokenDeck(errOut, d); err != nil {
			return err
		}
		return &InputError{Err: errors.New("the deck has no slides")}
	}
	var re *deck.ReadError
	if errors.As(err, &re) {
		return &InputError{Err: err}
	}
	return err
}
