package tui

import (
	"log/slog"
	"time"

	"shovel/deck"
	"shovel/internal/follow"
)

// MinWidth and MinHeight are the smallest terminal shovel presents in;
// below it shows a message instead of a garbled slide.
const (
	MinWidth  = 40
	MinHeight = 12
)

// Options configure the program.
type Options struct {
	// Deck is the deck to present; it must have no errors.
	Deck *deck.Deck
	// Rest, when set, reads the whole deck: Deck then holds only its first
	// slides (rest.go).
	Rest func() (*deck.Deck, error)
	// Load re-reads the deck for live reload and ctrl+r; nil disables both.
	Load func() (*deck.Deck, error)
	// Theme is dark, light, auto, notty or a glamour style file; "" means
	// the deck's theme, else auto (both as render.ResolveTheme decides).
	Theme string
	// Notice is shown in the footer at the start, e.g. that the deck's
	// theme was replaced.
	Notice string
	// Presenter starts in the presenter view.
	Presenter bool
	// Start is the slide shown first, from 0 (clamped to the deck).
	Start int
	// Watcher reports changes to the deck's files; nil means no live reload.
	Watcher Watcher
	// AmbiguousWidth (1 or 2) applies when the deck does not set
	// ambiguous_width; 0 means 1.
	AmbiguousWidth int
	// StartTimer starts the talk timer at once instead of on the first
	// move.
	StartTimer bool
	// Keys is the keymap, e.g. rebound by the config file; nil means
	// DefaultKeyMap.
	Keys *KeyMap
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Log receives debug logs; nil discards them. Never the terminal.
	Log *slog.Logger
	// Followers, when set, shares the talk with other screens (shovel
	// follow): what the audience sees is published, their keys applied.
	Followers *follow.Server
	// Follow, when set, makes this program a follower of another's talk.
	Follow *FollowOptions
	// Rehearsal marks the header REHEARSAL and starts the clock when the
	// first slide shows. A rehearsal is always in the presenter view.
	Rehearsal bool
	// Recorder hears every move, step, timer change, reload and the quit;
	// nil records nothing.
	Recorder Recorder
	// History gives each slide of a deck the speaker's rehearsed time (0
	// where unknown), for the pace at their own speed; nil: no history.
	History func(*deck.Deck) []time.Duration
	// Services, when set, starts the watcher, the followers' server and
	// the history once the first frame is out (services.go); what it
	// starts is used as Watcher, Followers and History would be.
	Services func() Services
	// Width and Height are the terminal's size when known before the
	// program starts (0: unknown). New then typesets the first page ahead
	// of time, so that the first frame does not wait for bubbletea's size
	// message and a render command's round trip.
	Width, Height int
}
