// Package rehearse records rehearsals of a talk and keeps them: a Recorder
// turns what the speaker does (moves, steps, the timer, reloads) into a Run,
// a Store keeps one JSON file per run, and the report (report.go) shows
// where the time went. Everything but the Store's file I/O is pure: time
// comes in with each event, so tests drive it with a fake clock.
package rehearse

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"shovel/deck"
	"shovel/internal/tui/pace"
)

// Version is the format of the run files this shovel writes. A file with a
// higher version comes from a newer shovel: it is skipped, not misread.
const Version = 1

// BuiltinID is the deck id of the built-in deck, which has no path.
const BuiltinID = "builtin"

// Run is one rehearsal, as stored.
type Run struct {
	Version int      `json:"version"`
	Deck    DeckInfo `json:"deck"`
	// Started is the wall-clock time the clock first ran; Ended when the
	// speaker quit.
	Started time.Time `json:"started"`
	Ended   time.Time `json:"ended"`
	// Partial is true when the run never reached the last slide.
	Partial bool `json:"partial"`
	// Seconds is the time on the clock: the sum of the slides' times,
	// without the time the timer was paused.
	Seconds       float64 `json:"total_seconds"`
	PausedSeconds float64 `json:"paused_seconds"`
	Pauses        int     `json:"pauses"`
	// Backtracks counts moves to an earlier slide.
	Backtracks int `json:"backtracks"`
	// Reloads counts live reloads of the deck during the run.
	Reloads int        `json:"reloads"`
	Slides  []SlideRun `json:"slides"`

	// File is the file the run was read from (not stored).
	File string `json:"-"`
}

// DeckInfo identifies the deck a run was made on.
type DeckInfo struct {
	// ID names the deck's directory in the store: derived from the deck's
	// absolute path, or BuiltinID.
	ID    string `json:"id"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title"`
	// Hash is the deck's content hash (ContentHash): runs made on an older
	// version of the deck have another.
	Hash            string  `json:"hash"`
	DurationSeconds float64 `json:"duration_seconds,omitempty"`
}

// SlideRun is the time spent on one slide in a run.
type SlideRun struct {
	// Number is the slide's 1-based number in the deck as it was at the end
	// of the run; 0 for a slide a live reload removed.
	Number int    `json:"number"`
	Title  string `json:"title"`
	// BudgetSeconds is the slide's planned time (its time: directive, or
	// its share of the duration), 0 when it has none.
	BudgetSeconds float64 `json:"budget_seconds,omitempty"`
	// Seconds sums every visit.
	Seconds float64 `json:"seconds"`
	Visits  int     `json:"visits"`
	// StepSeconds is the time at each step (pause) of the slide.
	StepSeconds []float64 `json:"step_seconds,omitempty"`
	Removed     bool      `json:"removed,omitempty"`
}

// Total is the run's time as a duration.
func (r *Run) Total() time.Duration { return seconds(r.Seconds) }

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func toSeconds(d time.Duration) float64 {
	// Milliseconds are plenty, and keep the files short.
	return float64(d.Round(time.Millisecond)) / float64(time.Second)
}

// Info describes d for the store. root is the path the deck was opened
// from; "" means the built-in deck.
func Info(d *deck.Deck, root string) (DeckInfo, error) {
	info := DeckInfo{ID: BuiltinID, Title: d.Meta.Title, Hash: ContentHash(d),
		DurationSeconds: toSeconds(d.Meta.Duration)}
	if root == "" {
		return info, nil
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return DeckInfo{}, err
	}
	info.Path, info.ID = abs, DeckID(abs)
	return info, nil
}

// DeckID names a deck's directory in the store: the file or directory name,
// readable in a listing, and a hash of the absolute path, so that two
// talk.md in different directories do not share runs.
func DeckID(abs string) string {
	sum := sha256.Sum256([]byte(abs))
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, filepath.Base(abs))
	return name + "-" + hex.EncodeToString(sum[:6])
}

// ContentHash is a hash of what a rehearsal depends on: the slides' titles,
// content, steps, notes and budgets and the deck's duration. Moving the
// files or editing front matter other than the duration keeps it.
func ContentHash(d *deck.Deck) string {
	h := sha256.New()
	fmt.Fprintf(h, "duration %d\n", d.Meta.Duration)
	for _, s := range d.Slides {
		fmt.Fprintf(h, "slide %q %d %d %q\n", s.Title, s.Steps, s.Time, s.Notes)
		for _, b := range s.Blocks {
			fmt.Fprintf(h, "block %d %q\n", b.Step, b.Markdown)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Budgets are d's per-slide planned times, as the presenter view paces them.
func Budgets(d *deck.Deck) []time.Duration {
	times := make([]time.Duration, len(d.Slides))
	for i, s := range d.Slides {
		times[i] = s.Time
	}
	return pace.Budgets(times, d.Meta.Duration)
}
