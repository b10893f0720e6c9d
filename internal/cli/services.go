package cli

import (
	"bytes"
	"io"
	"log/slog"
	"sync"
	"time"

	"shovel/deck"
	"shovel/internal/tui"
	"shovel/internal/watch"
)

// talkServices starts what a presented talk runs beside the screen (the
// live-reload watcher, the socket other screens follow, the rehearsal
// history) when the TUI asks, once its first frame is out
// (tui.Options.Services), and stops them when the talk ends.
//
// What they have to say (a talk that cannot be shared, unreadable
// rehearsals) is written when they stop, after the screen is given back:
// printed before the program took the screen, as it once was, it was
// covered by the talk and seen only after it just the same.
type talkServices struct {
	p servicesParams

	mu      sync.Mutex
	started bool // start ran, or is running: close waits for done
	closed  bool // close ran: start must not
	done    chan struct{}

	messages bytes.Buffer
	closers  []func()
}

// servicesParams is what starting them needs.
type servicesParams struct {
	opts    *PresentOptions
	d       *deck.Deck
	watch   bool   // live reload asked for (a file, not --no-watch)
	logName string // the debug log's file, which the watcher ignores
	history bool   // load the history (rehearse loads its own)
	getenv  func(string) string
	log     *slog.Logger
}

func newTalkServices(p servicesParams) *talkServices {
	return &talkServices{p: p, done: make(chan struct{})}
}

// start starts the services, once; after close it starts nothing.
func (s *talkServices) start() tui.Services {
	s.mu.Lock()
	if s.started || s.closed {
		s.mu.Unlock()
		return tui.Services{}
	}
	s.started = true
	s.mu.Unlock()
	defer close(s.done)

	p := s.p
	var out tui.Services
	if p.watch {
		w, err := watch.New(100*time.Millisecond, p.log)
		if err != nil {
			p.log.Debug("no live reload", "err", err)
		} else {
			s.closers = append(s.closers, func() { w.Close() })
			if p.logName != "" {
				w.Ignore(p.logName)
			}
			if err := w.WatchDeck(p.d); err != nil {
				p.log.Debug("watch", "err", err)
			}
			out.Watcher = w
		}
	}
	srv, unshare := shareTalk(p.d, p.opts.Path, p.opts.commandName(), p.getenv, &s.messages, p.log)
	s.closers = append(s.closers, unshare)
	out.Followers = srv
	if p.history {
		out.History = loadHistory(p.opts, p.d, &s.messages)
	}
	return out
}

// close stops the services (waiting for a start under way) and writes
// their messages to errOut.
func (s *talkServices) close(errOut io.Writer) {
	s.mu.Lock()
	s.closed = true
	started := s.started
	s.mu.Unlock()
	if !started {
		return
	}
	<-s.done
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
	if s.messages.Len() > 0 {
		_, _ = errOut.Write(s.messages.Bytes())
	}
}
