package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"shovel/deck"
)

// deckLoader re-reads the deck at path for live reload and ctrl+r. The
// path is made absolute first: a deck opened by a relative name from its
// own folder could never be read again once that folder was removed and
// recreated (the process's working directory is the removed one).
func deckLoader(path string, opts deck.Options) func() (*deck.Deck, error) {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	path = abs(path)
	roots := make([]string, len(opts.IncludeRoots))
	for i, r := range opts.IncludeRoots {
		roots[i] = abs(r)
	}
	opts.IncludeRoots = roots
	return func() (*deck.Deck, error) { return deck.OpenWith(path, opts) }
}

// logPath is the debug log's file: --log, else $SHOVEL_LOG, else "".
func logPath(flag string, getenv func(string) string) (name, from string) {
	if flag != "" {
		return flag, "--log"
	}
	return getenv("SHOVEL_LOG"), "SHOVEL_LOG"
}

// checkLogPath refuses a debug log that would write into the talk: one of
// the deck's files (includes too, by identity, so links count), or a
// Markdown file in a directory deck's folder, which would become a slide.
// Each log line would be a change to reload, and each reload a log line.
func checkLogPath(name, from string, d *deck.Deck) error {
	if name == "" {
		return nil
	}
	refuse := func(why string) error {
		err := fmt.Errorf("%s %s: %s; the log would feed the live reload of the talk — write it elsewhere", from, name, why)
		if from == "--log" {
			return &FlagError{Err: err}
		}
		return &InputError{Err: err}
	}
	if li, err := os.Stat(name); err == nil {
		for _, f := range d.Files {
			if fi, err := os.Stat(f); err == nil && os.SameFile(li, fi) {
				return refuse(fmt.Sprintf("this is %s, a file of the deck", f))
			}
		}
	}
	ri, err := os.Stat(d.Root)
	if err != nil || !ri.IsDir() || !strings.EqualFold(filepath.Ext(name), ".md") {
		return nil
	}
	if di, err := os.Stat(filepath.Dir(name)); err == nil && os.SameFile(di, ri) {
		return refuse(fmt.Sprintf("a .md file in the directory deck %s is a slide", d.Root))
	}
	return nil
}
