package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the program answers to. Update dispatches with
// key.Matches on these bindings, and the help overlay, docs/keys.md and the
// README's key table are generated from them, so they cannot disagree. The
// help text names the keys actually bound (see setHelp).
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
	ForceQuit               key.Binding // quits even from an overlay
	Close, Choose           key.Binding // inside the index, search and help
	ChooseDown, ChooseUp    key.Binding
	PageDown, PageUp        key.Binding // a page of the index
	EraseChar               key.Binding
}

// Action is one rebindable thing the program does: its name in the config
// file, its binding and what it does.
type Action struct {
	Name    string
	Binding *key.Binding
	Desc    string
}

// Actions lists every binding by name, in the order the config file and
// docs/config.md list them. Count (the digits) is not rebindable.
func (k *KeyMap) Actions() []Action {
	return []Action{
		{"next", &k.Next, "next step or slide"},
		{"prev", &k.Prev, "previous step or slide"},
		{"next_slide", &k.NextSlide, "next slide, all steps shown"},
		{"prev_slide", &k.PrevSlide, "previous slide, all steps"},
		{"first", &k.First, "first slide"},
		{"first_chord", &k.FirstChord, "first slide (pressed twice)"},
		{"last", &k.Last, "last slide"},
		{"reveal_all", &k.RevealAll, "show all steps of this slide"},
		{"scroll_down", &k.ScrollDown, "scroll a tall slide down"},
		{"scroll_up", &k.ScrollUp, "scroll a tall slide up"},
		{"index", &k.Index, "slide index, filterable"},
		{"search", &k.Search, "search text and titles"},
		{"search_next", &k.SearchNext, "next match"},
		{"search_prev", &k.SearchPrev, "previous match"},
		{"presenter", &k.Presenter, "presenter view with notes"},
		{"help", &k.Help, "this help"},
		{"blank", &k.Blank, "blank the screen"},
		{"notes_down", &k.NotesDown, "notes down half a page"},
		{"notes_up", &k.NotesUp, "notes up half a page"},
		{"timer_toggle", &k.TimerToggle, "start or pause the timer"},
		{"timer_reset", &k.TimerReset, "reset the timer"},
		{"reload", &k.Reload, "reload the deck now"},
		{"quit", &k.Quit, "quit"},
		{"force_quit", &k.ForceQuit, "quit, even from an overlay"},
		{"suspend", &k.Suspend, "suspend (fg resumes)"},
		{"close", &k.Close, "close index, search, help"},
		{"choose", &k.Choose, "jump to the chosen slide or search"},
		{"choose_down", &k.ChooseDown, "next entry in the index"},
		{"choose_up", &k.ChooseUp, "previous entry in the index"},
		{"page_down", &k.PageDown, "a page down in the index"},
		{"page_up", &k.PageUp, "a page up in the index"},
		{"erase_char", &k.EraseChar, "erase a character of the filter or query"},
	}
}

// DefaultKeyMap is shovel's keymap.
func DefaultKeyMap() KeyMap {
	b := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	k := KeyMap{
		Next:       b("right", "l", "j", "space", "enter", "pgdown"),
		Prev:       b("left", "h", "k", "backspace", "pgup"),
		NextSlide:  b("n"),
		PrevSlide:  b("p"),
		First:      b("home"),
		FirstChord: b("g"),
		Last:       b("G", "end"),
		Count:      b("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		RevealAll:  b("s"),
		ScrollDown: b("down"),
		ScrollUp:   b("up"),

		Index:      b("tab"),
		Search:     b("/"),
		SearchNext: b("ctrl+n"),
		SearchPrev: b("ctrl+p"),
		Presenter:  b("P"),
		Help:       b("?"),
		Blank:      b("b"),

		NotesDown:   b("ctrl+d", "J"),
		NotesUp:     b("ctrl+u", "K"),
		TimerToggle: b("t"),
		TimerReset:  b("T"),

		Reload:    b("ctrl+r"),
		Quit:      b("q"),
		ForceQuit: b("ctrl+c"),
		Suspend:   b("ctrl+z"),

		Close:      b("esc"),
		Choose:     b("enter"),
		ChooseDown: b("down", "ctrl+j", "ctrl+n"),
		ChooseUp:   b("up", "ctrl+k", "ctrl+p"),
		PageDown:   b("pgdown"),
		PageUp:     b("pgup"),
		EraseChar:  b("backspace"),
	}
	k.SetHelp()
	return k
}

// SetHelp writes each binding's help from the keys it has, so that after a
// rebinding the help overlay and the docs name the keys that work. First
// and Count are chords: their help spells the sequence.
func (k *KeyMap) SetHelp() {
	for _, a := range k.Actions() {
		a.Binding.SetHelp(KeyNames(a.Binding.Keys()...), a.Desc)
	}
	chord := KeyNames(k.FirstChord.Keys()...)
	k.First.SetHelp(strings.TrimSpace(chord+" "+chord+"  "+KeyNames(k.First.Keys()...)), "first slide")
	var gos []string
	for _, g := range k.goKeys() {
		gos = append(gos, "12 "+KeyNames(g))
	}
	k.Count.SetHelp(strings.Join(gos, "  "), "go to slide 12")
}

// goKeys end a typed slide number: "12 enter", "12 G".
func (k *KeyMap) goKeys() []string {
	return append(append([]string(nil), k.Choose.Keys()...), k.Last.Keys()...)
}

// keyName is how a key is written for people: arrows as arrows.
func keyName(k string) string {
	switch k {
	case "right":
		return "→"
	case "left":
		return "←"
	case "up":
		return "↑"
	case "down":
		return "↓"
	}
	return k
}

// KeyNames writes keys as help and docs show them, separated by spaces.
func KeyNames(keys ...string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = keyName(k)
	}
	return strings.Join(out, " ")
}

// firstKey is the first key of b as help shows it, for one-line hints such
// as "esc closes"; "" when b has no keys.
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return KeyNames(ks[0])
	}
	return ""
}

// shortKey is the shortest key of b as help shows it, for labels with
// little room ("J K scroll"); "" when b has no keys.
func shortKey(b key.Binding) string {
	best := ""
	for _, k := range b.Keys() {
		if n := KeyNames(k); best == "" || len(n) < len(best) {
			best = n
		}
	}
	return best
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
		{"Program", []key.Binding{k.Reload, k.Suspend, k.Quit, k.ForceQuit}},
	}
}
