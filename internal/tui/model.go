package tui

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"shovel/deck"
	"shovel/internal/render"
	"shovel/internal/tui/chord"
	"shovel/internal/tui/nav"
	"shovel/internal/tui/pace"
)

// overlay is what covers the slides, if anything.
type overlay int

const (
	noOverlay overlay = iota
	indexOverlay
	searchOverlay
	helpOverlay
	blankOverlay
)

// Model is the root model. It owns the mode and the shared state, and is
// the only one to return a tea.View; the views below it return strings.
type Model struct {
	c    *Common
	opts Options

	deck      *deck.Deck
	shape     nav.Shape
	budgets   []time.Duration
	texts     []slideText
	r         *render.Renderer
	theme     string // resolved: dark, light, notty or a style file
	autoTheme bool
	// profile is the colour profile frames are drawn with, once bubbletea
	// has told it (profileSeen).
	profile     colorprofile.Profile
	profileSeen bool
	final       *finalColoursMsg // the full detection, once it came
	gen         int
	cache       pageCache
	// typesetter runs the commands that typeset pages (pages.go).
	typesetter *worker

	pos       nav.State
	presenter bool
	overlay   overlay

	chord chord.State // "12 enter", "g g" being typed

	timer   pace.Timer
	tickGen int
	tick    func(gen int) tea.Cmd

	reloads reloads
	flash   string // a one-off message in the footer, cleared by the next key
	banner  string // a reload error, kept until a good reload
	// reloadNote is "reloaded" or "reloading…": like banner, shown in the
	// presenter view only (the room sees a marker at most).
	reloadNote string

	search searchState
	obs    observer

	audience audienceView
	presentV presenterView
	index    indexView
	bar      searchBar
	help     helpView
	cur      shown
	quitting bool

	partial partialState // rest.go: the deck is still being read

	share speakerShare   // share.go: the speaker's side of two screens
	fl    *followerState // follower.go: set when following another screen
}

// shown are the pages on screen. When a page is not rendered yet the old
// one stays, so the screen never flashes empty.
type shown struct {
	slide, next, notes *render.Page
	hasNext            bool
	nextPos            nav.State
}

// New builds the root model for opts.Deck.
func New(opts Options) (*Model, error) {
	if opts.Deck == nil || len(opts.Deck.Slides) == 0 {
		return nil, fmt.Errorf("the deck has no slides")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	keys := DefaultKeyMap()
	if opts.Keys != nil {
		keys = *opts.Keys
	}
	theme := opts.Theme
	if theme == "" {
		theme = render.ResolveTheme(opts.Deck, "", false).Name
	}
	m := &Model{
		c:         &Common{Keys: keys, Now: opts.Now, Log: opts.Log},
		opts:      opts,
		presenter: opts.Presenter || opts.Rehearsal,
		pos:       nav.State{Slide: opts.Start},
		tick:      everySecond,
		flash:     opts.Notice,
		share:     speakerShare{srv: opts.Followers, wait: waitForFollowers},
		partial:   partialState{on: opts.Rest != nil},
		// A speaker may leave a slide up for many minutes; the stack is
		// worth keeping through that, not through a program left open.
		typesetter: newWorker(10 * time.Minute),
	}
	if opts.Follow != nil {
		m.fl, m.presenter = newFollower(*opts.Follow), false
	}
	if opts.StartTimer {
		m.timer = m.timer.Start(opts.Now())
	}
	if theme == "auto" {
		// Dark until the terminal says otherwise: most terminals are, and
		// waiting for the answer would delay the first frame.
		m.autoTheme, theme = true, "dark"
	}
	m.audience.c, m.presentV.c, m.index.c, m.bar.c, m.help.c = m.c, m.c, m.c, m.c, m.c
	if err := m.setTheme(theme); err != nil {
		return nil, err
	}
	if err := m.setDeck(opts.Deck); err != nil {
		return nil, err
	}
	// m.deck from here on: the first slides of a long deck (Options.Rest)
	// would otherwise keep the whole file's text after the rest arrives.
	m.opts.Deck = nil
	if m.fl != nil {
		m.banner = opts.Follow.Banner
		m.applyFollowState()
	}
	if opts.Width > 0 && opts.Height > 0 {
		m.c.Width, m.c.Height = opts.Width, opts.Height
		m.setSizes()
		m.renderFirstPages()
	}
	return m, nil
}

// renderFirstPages typesets the pages of the first screen before the
// program runs (never in Update or View): the terminal's size is known, so
// the first frame can be drawn as soon as bubbletea starts.
func (m *Model) renderFirstPages() {
	if m.tooSmall() {
		return
	}
	if keys := m.cache.missing(m.keysFor(m.pos)); len(keys) > 0 && m.cache.add(typeset(m.r, m.gen, keys)) {
		m.resolve()
	}
	m.refresh()
}

// setTheme switches the chrome styles and, if a deck is loaded, the renderer.
func (m *Model) setTheme(theme string) error {
	m.theme = theme
	m.c.setStyles(NewStyles(theme))
	m.help.build()
	if m.deck == nil {
		return nil
	}
	return m.setRenderer()
}

// setDeck installs a (re)loaded deck and a renderer for it.
func (m *Model) setDeck(d *deck.Deck) error {
	m.deck = d
	m.shape = make(nav.Shape, len(d.Slides))
	times := make([]time.Duration, len(d.Slides))
	for i, s := range d.Slides {
		m.shape[i] = s.Steps
		times[i] = s.Time
	}
	m.budgets = pace.Budgets(times, d.Meta.Duration)
	m.texts = nil // built on the first search
	m.index.setDeck(d)
	m.pos = nav.Clamp(m.shape, m.pos)
	m.share.deckChanged(d)
	return m.setRenderer()
}

func (m *Model) setRenderer() error {
	amb := 0 // the deck's own setting wins over the speaker's default
	if m.deck.Meta.AmbiguousWidth == 0 {
		amb = m.opts.AmbiguousWidth
	}
	r, err := render.New(m.deck, render.Options{Theme: m.theme, AmbiguousWidth: amb})
	if err != nil {
		return err
	}
	m.r = r
	m.c.setCells(r.Measurer())
	m.help.build() // its key column is measured with the new rules
	m.gen++
	m.cache = newPageCache(m.gen)
	return nil
}

// Init asks the terminal for its background colour when the theme is auto,
// and starts the watcher and the presenter clock.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	switch {
	case m.opts.Rest != nil && m.cur.slide != nil:
		// The first page was typeset before the program started
		// (Options.Width): read the rest while bubbletea draws it.
		cmds = append(cmds, m.startRest())
	case m.opts.Rest != nil:
		cmds = append(cmds, tea.Tick(restFallback, func(time.Time) tea.Msg { return restStartMsg{} }))
	}
	if m.autoTheme {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.opts.Watcher != nil {
		cmds = append(cmds, waitForChange(m.opts.Watcher))
	}
	if m.opts.Services != nil {
		cmds = append(cmds, startServices(m.opts.Services))
	}
	if m.presenter {
		cmds = append(cmds, m.startTicking())
	}
	if m.share.srv != nil {
		cmds = append(cmds, m.share.wait(m.share.srv))
	}
	if m.fl != nil {
		cmds = append(cmds, m.fl.listen(m.fl.client))
	}
	return tea.Batch(cmds...)
}

// tickMsg is the presenter view's once-a-second clock tick. gen tells
// ticks of the current loop from those of a loop that was stopped.
type tickMsg struct{ gen int }

func everySecond(gen int) tea.Cmd {
	return tea.Every(time.Second, func(time.Time) tea.Msg { return tickMsg{gen} })
}

// startTicking starts a new tick loop; any older loop dies at its next tick.
// Ticks run only while the presenter view (the only clock on screen) shows,
// so an idle audience view costs no CPU.
func (m *Model) startTicking() tea.Cmd {
	m.tickGen++
	return m.tick(m.tickGen)
}

func (m *Model) stopTicking() { m.tickGen++ }

// Update handles a message; it never renders a page itself.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.overlay == helpOverlay {
		m.help.ensure() // laid out only while shown
	}
	m.observe()
	m.refresh()
	m.shareAfterUpdate()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.setSizes()
		lw, rw := presenterWidths(msg.Width)
		m.cache.keepWidths(msg.Width, lw, rw)
		return m.sync()
	case pagesMsg:
		if m.cache.add(msg) {
			m.resolve()
		}
		return m.startRest()
	case tea.KeyPressMsg:
		if m.queueKey(msg) {
			return nil
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		// Chinese typed through an input method, or pasted, into a query.
		switch m.overlay {
		case searchOverlay:
			m.bar.input += msg.Content
		case indexOverlay:
			m.index.filter += msg.Content
			m.index.apply()
		}
		return nil
	case tea.MouseClickMsg:
		return m.handleMouse(tea.Mouse(msg), false)
	case tea.MouseWheelMsg:
		return m.handleMouse(tea.Mouse(msg), true)
	case tickMsg:
		if msg.gen == m.tickGen && m.presenter {
			return m.tick(m.tickGen)
		}
		return nil
	case tea.ColorProfileMsg:
		return m.colourProfile(msg.Profile)
	case finalColoursMsg:
		return m.finalColours(msg)
	case tea.BackgroundColorMsg:
		return m.backgroundColor(msg)
	case changeMsg:
		m.c.Log.Debug("deck files changed", "files", msg.files)
		return tea.Batch(m.reloadCmd(), waitForChange(m.opts.Watcher))
	case reloadMsg:
		return m.applyReload(msg)
	case restStartMsg:
		return m.startRest()
	case restMsg:
		return m.applyRest(msg)
	case servicesMsg:
		return m.attachServices(msg.s)
	case followEventMsg:
		return m.followEvent(msg)
	case followMsg:
		return m.followMessage(msg)
	case followDeckMsg:
		return m.followDeck(msg)
	case followAgainMsg:
		return m.followAgain(msg)
	}
	return nil
}

func (m *Model) setSizes() {
	w, h := m.c.Width, m.c.Height
	m.audience.SetSize(w, h)
	m.presentV.SetSize(w, h)
	m.index.SetSize(w, h)
	m.bar.SetSize(w, h)
	m.help.SetSize(w, h)
}

// tooSmall reports whether the terminal is below the minimum size.
func (m *Model) tooSmall() bool { return m.c.Width < MinWidth || m.c.Height < MinHeight }

// Position returns the current slide (0-based) and step.
func (m *Model) Position() nav.State { return m.pos }

// Mode names what is on screen: present, presenter, index, search, help or
// blank.
func (m *Model) Mode() string {
	switch m.overlay {
	case indexOverlay:
		return "index"
	case searchOverlay:
		return "search"
	case helpOverlay:
		return "help"
	case blankOverlay:
		return "blank"
	}
	if m.presenter {
		return "presenter"
	}
	return "present"
}

// View composes the screen from pages rendered earlier.
func (m *Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = windowTitle(m.deck.Meta.Title)
	return v
}

func (m *Model) content() string {
	if m.quitting {
		return ""
	}
	if m.c.Width == 0 {
		return "" // no size yet: nothing can be laid out
	}
	if m.tooSmall() {
		return tooSmallView(m.c, m.c.Width, m.c.Height)
	}
	if m.fl != nil && m.fl.ended != "" {
		return m.endedView()
	}
	switch m.overlay {
	case blankOverlay:
		return blankView(m.c.Height)
	case helpOverlay:
		return m.help.View()
	case indexOverlay:
		return m.index.View()
	}
	var base string
	if m.presenter {
		base = m.presentV.View()
	} else {
		base = m.audience.View()
	}
	if m.overlay == searchOverlay {
		return m.bar.Over(base)
	}
	return base
}
