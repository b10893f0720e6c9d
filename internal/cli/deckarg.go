package cli

import (
	"errors"

	"shovel/deck"
	"shovel/slides"
)

// openDeck reads the deck at path, or the built-in deck when path is "".
// A deck that cannot be read at all is an InputError.
func openDeck(path string) (*deck.Deck, error) {
	var (
		d   *deck.Deck
		err error
	)
	if path == "" {
		d, err = slides.Open()
	} else {
		d, err = deck.Open(path)
	}
	var re *deck.ReadError
	if errors.As(err, &re) {
		return nil, &InputError{Err: err}
	}
	return d, err
}
