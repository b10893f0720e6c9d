// Package tui is shovel's full-screen presenting program: the audience view,
// the presenter view with notes and pace, and the index, search, help and
// blank overlays. The root Model owns the mode and the shared state; pages
// come from internal/render, always rendered in commands, never in View.
package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the program answers to. Update dispatches with
// key.Matches on these bindings, and the help overlay, docs/keys.md and the
// README's key table are generated from them, so they cannot disagree.
type KeyMap struct {
	Next, Prev           key.Binding
	NextSlide, PrevSlide key.Binding
	First, FirstChord    key.Binding
	Last                 key.Binding
	Count                key.Binding // digits before enter or G: go to slide N
	RevealAll            key.Binding
	ScrollDown, ScrollUp key.Binding

	Index, Search           key.Binding
	SearchNext, SearchPrev  key.Binding
	Presenter, Help, Blank  key.Binding
	NotesDown, NotesUp      key.Binding
	TimerToggle, TimerReset key.Binding
	Reload, Quit, Suspend   key.Binding
	Close, Choose           key.Binding // inside the index, search and help
	ChooseDown, ChooseUp    key.Binding
	EraseChar               key.Binding
}

// DefaultKeyMap is shovel's keymap.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := func(keys ...string) []string { return keys }
	return KeyMap{
		Next:       b(k("right", "l", "j", "space", "enter", "pgdown"), "→ l j space enter pgdown", "next step or slide"),
		Prev:       b(k("left", "h", "k", "backspace", "pgup"), "← h k backspace pgup", "previous step or slide"),
		NextSlide:  b(k("n"), "n", "next slide, all steps shown"),
		PrevSlide:  b(k("p"), "p", "previous slide, all steps"),
		First:      b(k("home"), "g g  home", "first slide"),
		FirstChord: b(k("g"), "g g", "first slide"),
		Last:       b(k("end", "G"), "G  end", "last slide"),
		Count:      b(k("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "12 enter  12 G", "go to slide 12"),
		RevealAll:  b(k("s"), "s", "show all steps of this slide"),
		ScrollDown: b(k("down"), "↓", "scroll a tall slide down"),
		ScrollUp:   b(k("up"), "↑", "scroll a tall slide up"),

		Index:      b(k("tab"), "tab", "slide index, filterable"),
		Search:     b(k("/"), "/", "search text and titles"),
		SearchNext: b(k("ctrl+n"), "ctrl+n", "next match"),
		SearchPrev: b(k("ctrl+p"), "ctrl+p", "previous match"),
		Presenter:  b(k("P"), "P", "presenter view with notes"),
		Help:       b(k("?"), "?", "this help"),
		Blank:      b(k("b"), "b", "blank the screen"),

		NotesDown:   b(k("ctrl+d", "J"), "ctrl+d J", "scroll notes down"),
		NotesUp:     b(k("ctrl+u", "K"), "ctrl+u K", "scroll notes up"),
		TimerToggle: b(k("t"), "t", "start or pause the timer"),
		TimerReset:  b(k("T"), "T", "reset the timer"),

		Reload:  b(k("ctrl+r"), "ctrl+r", "reload the deck now"),
		Quit:    b(k("q", "ctrl+c"), "q  ctrl+c", "quit"),
		Suspend: b(k("ctrl+z"), "ctrl+z", "suspend (fg resumes)"),

		Close:      b(k("esc"), "esc", "close index, search, help"),
		Choose:     b(k("enter"), "enter", "jump to the chosen slide or search"),
		ChooseDown: b(k("down", "ctrl+j", "ctrl+n"), "↓", "next entry in the index"),
		ChooseUp:   b(k("up", "ctrl+k", "ctrl+p"), "↑", "previous entry in the index"),
		EraseChar:  b(k("backspace"), "backspace", "erase a character of the filter or query"),
	}
}

// KeyGroup is a titled list of bindings for help and docs.
type KeyGroup struct {
	Title    string
	Bindings []key.Binding
}

// Groups lists the bindings a speaker needs to know, in the order help and
// docs show them. FirstChord is folded into First's help text.
func (k KeyMap) Groups() []KeyGroup {
	return []KeyGroup{
		{"Moving", []key.Binding{k.Next, k.Prev, k.NextSlide, k.PrevSlide, k.First, k.Last, k.Count, k.RevealAll, k.ScrollDown, k.ScrollUp}},
		{"Finding", []key.Binding{k.Index, k.Search, k.SearchNext, k.SearchPrev, k.Close}},
		{"Showing", []key.Binding{k.Presenter, k.Blank, k.Help}},
		{"Presenter view", []key.Binding{k.TimerToggle, k.TimerReset, k.NotesDown, k.NotesUp}},
		{"Program", []key.Binding{k.Reload, k.Suspend, k.Quit}},
	}
}
