// Package follow lets a second terminal (the projector) show what the
// speaker's shovel shows. The speaker's program listens on an owner-only
// Unix domain socket; followers connect, receive the deck and every change
// of position, and may send navigation back. There is no network at all.
//
// A frame is a 4-byte big-endian length and that many bytes of JSON. Every
// message carries the protocol version; a frame that is too long, not JSON,
// of another version or inconsistent closes that one connection and nothing
// else.
package follow

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// Version is the protocol version. A peer speaking another one is refused.
const Version = 1

// MaxMessage is the longest frame either side accepts, in bytes.
const MaxMessage = 1 << 20

// Kind says what a message is.
type Kind string

const (
	// KindHello opens a connection (follower → speaker).
	KindHello Kind = "hello"
	// KindInfo describes the session (speaker → follower).
	KindInfo Kind = "info"
	// KindDeck carries the speaker's deck (speaker → follower).
	KindDeck Kind = "deck"
	// KindState is the audience's position (speaker → follower).
	KindState Kind = "state"
	// KindNav asks the speaker to move (follower → speaker).
	KindNav Kind = "nav"
	// KindEnd says the presentation is over (speaker → follower).
	KindEnd Kind = "end"
)

// Roles a follower says hello with.
const (
	// RoleFollow stays connected and follows.
	RoleFollow = "follow"
	// RoleProbe only asks for the session's Info (listing sessions); the
	// speaker does not count it as a screen.
	RoleProbe = "probe"
)

// Message is one frame. Exactly the field of its Kind is set.
type Message struct {
	V     int    `json:"v"`
	Kind  Kind   `json:"kind"`
	Role  string `json:"role,omitempty"`   // hello
	Info  *Info  `json:"info,omitempty"`   // info
	Deck  *Deck  `json:"deck,omitempty"`   // deck
	State *State `json:"state,omitempty"`  // state
	Nav   *Nav   `json:"nav,omitempty"`    // nav
	End   string `json:"reason,omitempty"` // end: why, for the follower to show
}

// Info describes a running presentation.
type Info struct {
	PID int `json:"pid"`
	// Deck is the absolute path of the deck (file or directory); "" for
	// the built-in deck.
	Deck    string    `json:"deck"`
	Title   string    `json:"title"`
	Program string    `json:"program"` // present or rehearse
	Started time.Time `json:"started"`
}

// Deck is the speaker's deck as read: the files (or, when they do not fit
// in a frame, none, and the follower reads Path itself) and their hash.
type Deck struct {
	Seq   int    `json:"seq"`  // increases with every reload
	Root  string `json:"root"` // as the speaker opened it
	Path  string `json:"path"` // absolute, for re-reading; "" for the built-in deck
	Hash  string `json:"hash"`
	Files []File `json:"files,omitempty"`
}

// File is one file of a deck.
type File struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// ScrollScale is the denominator of State.Scroll.
const ScrollScale = 1000

// State is what the audience sees.
type State struct {
	Deck  int `json:"deck"` // the Seq of the deck it refers to
	Slide int `json:"slide"`
	Step  int `json:"step"`
	// Scroll is how far down a slide taller than the screen is scrolled,
	// in thousandths of the way (screens differ in size, so rows would
	// not mean the same on both).
	Scroll int  `json:"scroll"`
	Blank  bool `json:"blank"`
}

// Nav actions a follower may ask for.
const (
	NavNext       = "next"
	NavPrev       = "prev"
	NavNextSlide  = "next-slide"
	NavPrevSlide  = "prev-slide"
	NavFirst      = "first"
	NavLast       = "last"
	NavGoto       = "goto" // N: slide number, 1-based
	NavRevealAll  = "reveal-all"
	NavScrollDown = "scroll-down"
	NavScrollUp   = "scroll-up"
	NavBlank      = "blank" // toggle
)

// isNavAction: the navigation requests a follower may send. (A switch, not
// a map literal: a package-level map is built at every start-up.)
func isNavAction(action string) bool {
	switch action {
	case NavNext, NavPrev, NavNextSlide, NavPrevSlide, NavFirst, NavLast, NavGoto, NavRevealAll,
		NavScrollDown, NavScrollUp, NavBlank:
		return true
	}
	return false
}

// Nav is a follower's request to move the shared position.
type Nav struct {
	Action string `json:"action"`
	N      int    `json:"n,omitempty"`
}

// Errors that close a connection.
var (
	ErrTooLarge  = errors.New("message too large")
	ErrMalformed = errors.New("malformed message")
	ErrVersion   = errors.New("protocol version mismatch")
)

// Encode returns msg as a frame, stamping the version.
func Encode(msg Message) ([]byte, error) {
	msg.V = Version
	if err := validate(msg); err != nil {
		return nil, err
	}
	body, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	if len(body) > MaxMessage {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(body), MaxMessage)
	}
	frame := make([]byte, 4+len(body))
	binary.BigEndian.PutUint32(frame, uint32(len(body)))
	copy(frame[4:], body)
	return frame, nil
}

// ReadFrame reads one frame's body from r. A length over MaxMessage is
// refused before anything is allocated.
func ReadFrame(r io.Reader) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > MaxMessage {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, n, MaxMessage)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return body, nil
}

// Decode parses a frame's body and checks it.
func Decode(body []byte) (Message, error) {
	var msg Message
	if err := json.Unmarshal(body, &msg); err != nil {
		return Message{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if msg.V != Version {
		return Message{}, fmt.Errorf("%w: got %d, want %d", ErrVersion, msg.V, Version)
	}
	if err := validate(msg); err != nil {
		return Message{}, err
	}
	return msg, nil
}

// Read reads and decodes one message.
func Read(r io.Reader) (Message, error) {
	body, err := ReadFrame(r)
	if err != nil {
		return Message{}, err
	}
	return Decode(body)
}

// validate checks that a message has exactly the part its kind needs, with
// values in range, so that no receiver has to.
func validate(m Message) error {
	bad := func(why string) error { return fmt.Errorf("%w: %s %s", ErrMalformed, m.Kind, why) }
	parts := 0
	for _, set := range []bool{m.Role != "", m.Info != nil, m.Deck != nil, m.State != nil, m.Nav != nil, m.End != ""} {
		if set {
			parts++
		}
	}
	if parts > 1 {
		return bad("has more than one part")
	}
	switch m.Kind {
	case KindHello:
		if m.Role != RoleFollow && m.Role != RoleProbe {
			return bad("without a known role")
		}
	case KindInfo:
		if m.Info == nil || m.Info.PID <= 0 {
			return bad("without a pid")
		}
	case KindDeck:
		d := m.Deck
		if d == nil || d.Seq < 0 || d.Root == "" || d.Hash == "" {
			return bad("without seq, root or hash")
		}
		if len(d.Files) == 0 && d.Path == "" {
			return bad("with neither files nor a path")
		}
		for _, f := range d.Files {
			if f.Name == "" {
				return bad("with a file without a name")
			}
		}
	case KindState:
		s := m.State
		if s == nil || s.Deck < 0 || s.Slide < 0 || s.Step < 0 || s.Scroll < 0 || s.Scroll > ScrollScale {
			return bad("out of range")
		}
	case KindNav:
		if m.Nav == nil || !isNavAction(m.Nav.Action) || m.Nav.N < 0 {
			return bad("with an unknown action")
		}
		if m.Nav.Action == NavGoto && m.Nav.N < 1 {
			return bad("goto without a slide number")
		}
	case KindEnd:
	default:
		return fmt.Errorf("%w: unknown kind %q", ErrMalformed, m.Kind)
	}
	return nil
}
