// Package export writes a deck in formats meant to be read outside shovel:
// plain text (typeset by internal/render, no escape sequences) for review,
// email, diffs and handouts, and normalised Markdown for migrating decks.
//
// Both writers stream slide by slide, so the memory they need does not grow
// with the length of the deck, and both are deterministic: the same deck and
// options always give the same bytes.
package export

import (
	"fmt"
	"strconv"
	"strings"
)

// Width limits for text export. Below MinWidth a header, a table column or
// a Chinese line has no room left; above MaxWidth the request is a typo.
const (
	MinWidth     = 20
	MaxWidth     = 1000
	DefaultWidth = 80
)

// Steps chooses which reveal steps of a slide are exported.
type Steps int

const (
	// StepsFinal exports each slide as it looks after its last pause.
	StepsFinal Steps = iota
	// StepsAll exports every step of a slide as its own block.
	StepsAll
)

// ParseSteps reads the --steps flag value.
func ParseSteps(s string) (Steps, error) {
	switch s {
	case "final":
		return StepsFinal, nil
	case "all":
		return StepsAll, nil
	}
	return 0, fmt.Errorf("want final or all; got %q", s)
}

// TextOptions choose what Text writes.
type TextOptions struct {
	// Width is the widest line, in terminal cells.
	Width int
	// Notes adds each slide's speaker notes and time budget.
	Notes bool
	// Slides are the 0-based indexes of the slides to export, in order;
	// nil means every slide.
	Slides []int
	Steps  Steps
}

// CheckWidth reports whether w is a usable export width.
func CheckWidth(w int) error {
	if w < MinWidth || w > MaxWidth {
		return fmt.Errorf("width must be from %d to %d cells; got %d", MinWidth, MaxWidth, w)
	}
	return nil
}

// ParseSlides reads a slide selection such as "3-7,12" for a deck of n
// slides. Numbers are 1-based as shown in the slide headers; the result is
// 0-based indexes in ascending order, each once, so that an export reads
// like the talk even when ranges overlap.
func ParseSlides(spec string, n int) ([]int, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, fmt.Errorf("empty slide selection; write for example 3-7,12")
	}
	chosen := make([]bool, n)
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		first, err := slideNumber(lo, part)
		if err != nil {
			return nil, err
		}
		last := first
		if isRange {
			if last, err = slideNumber(hi, part); err != nil {
				return nil, err
			}
			if last < first {
				return nil, fmt.Errorf("slide range %q runs backwards; write %d-%d", part, last, first)
			}
		}
		if first < 1 || last > n {
			return nil, fmt.Errorf("slide range %q is outside the deck, which has slides 1 to %d", part, n)
		}
		for i := first; i <= last; i++ {
			chosen[i-1] = true
		}
	}
	var out []int
	for i, ok := range chosen {
		if ok {
			out = append(out, i)
		}
	}
	return out, nil
}

func slideNumber(s, part string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || strings.HasPrefix(strings.TrimSpace(s), "+") {
		return 0, fmt.Errorf("malformed slide range %q; write numbers and ranges such as 3-7,12", part)
	}
	return v, nil
}

// checkSelection guards the writers against indexes that did not come from
// ParseSlides.
func checkSelection(idx []int, n int) error {
	for _, i := range idx {
		if i < 0 || i >= n {
			return fmt.Errorf("slide index %d is outside the deck of %d slides", i, n)
		}
	}
	return nil
}
