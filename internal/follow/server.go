package follow

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"shovel/deck"
)

// Timeouts: a follower that says nothing, or stops reading, is dropped
// rather than waited for; the speaker's program never waits on it.
const (
	helloTimeout = 5 * time.Second
	writeTimeout = 10 * time.Second
)

// EndReason is what followers show when the speaker's program exits.
const EndReason = "the presentation has ended"

// Event is something followers did: a navigation request, or a change in
// how many screens follow.
type Event struct {
	Nav     *Nav // a follower's request; nil for a count change
	Screens int  // followers connected, after a count change
}

// Server is the speaker's end. It accepts followers of the same user on
// its socket, sends each the latest deck and state (older ones that were
// never sent are skipped: a follower only needs to catch up), and passes
// their requests on as Events.
type Server struct {
	ln     *net.UnixListener
	path   string
	info   Info
	log    *slog.Logger
	uid    int
	events chan Event
	done   chan struct{}
	once   sync.Once

	mu      sync.Mutex
	deck    []byte // the newest deck frame encoded
	deckSeq int
	// latest is the newest deck published, encoded only once a follower
	// is attached: with nobody following, a long deck is neither hashed
	// nor copied into a frame.
	latest    *deck.Deck
	latestSeq int
	encoding  int // the seq being encoded, 0: none
	// stateNow is the latest state published, and state its frame,
	// encoded only when a follower is attached (stateFrame): with nobody
	// following, a key press does not marshal JSON.
	stateNow  State
	haveState bool
	state     []byte // nil: not encoded yet
	peers     map[*peer]bool
}

// Listen starts accepting followers on <dir>/<pid>.sock. dir is created
// private (EnsureDir) and a socket of the same name left by a crashed
// program is removed.
func Listen(dir string, info Info, log *slog.Logger) (*Server, error) {
	if err := EnsureDir(dir); err != nil {
		return nil, err
	}
	if info.PID == 0 {
		info.PID = os.Getpid()
	}
	path := filepath.Join(dir, strconv.Itoa(info.PID)+".sock")
	if _, err := RemoveStale(path); err != nil {
		return nil, err
	}
	return listenAt(path, info, log)
}

// listenAt listens on path, which must be in a directory already checked.
func listenAt(path string, info Info, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, fmt.Errorf("cannot listen for other screens: %w", err)
	}
	// The directory already keeps others out; the socket's own mode is
	// the second lock.
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{ln: ln, path: path, info: info, log: log, uid: os.Getuid(),
		events: make(chan Event, 16), done: make(chan struct{}), peers: map[*peer]bool{}}
	go s.accept()
	return s, nil
}

// Path is the socket's path.
func (s *Server) Path() string { return s.path }

// Info is what the server tells followers about the session.
func (s *Server) Info() Info { return s.info }

// Events delivers followers' requests and screen counts.
func (s *Server) Events() <-chan Event { return s.events }

// Done is closed when the server is closed.
func (s *Server) Done() <-chan struct{} { return s.done }

// PublishDeck sends d to every follower, now and on connecting. The files
// are hashed and encoded in the background, and only while a follower is
// attached: a reload of a large deck must not hold up the speaker's
// screen, and a talk nobody follows pays nothing. seq orders decks; an
// older one is dropped.
func (s *Server) PublishDeck(d *deck.Deck, seq int) {
	s.mu.Lock()
	if seq < s.latestSeq {
		s.mu.Unlock()
		return
	}
	s.latest, s.latestSeq = d, seq
	following := len(s.peers) > 0
	s.mu.Unlock()
	if following {
		s.encodeLatest()
	}
}

// encodeLatest encodes the newest deck published, unless it is encoded or
// being encoded already, and queues it for every follower when done.
func (s *Server) encodeLatest() {
	s.mu.Lock()
	d, seq := s.latest, s.latestSeq
	if d == nil || s.encoding == seq || (s.deck != nil && s.deckSeq >= seq) {
		s.mu.Unlock()
		return
	}
	s.encoding = seq
	s.mu.Unlock()
	go func() {
		frame, err := Encode(Message{Kind: KindDeck, Deck: ptr(DeckOf(d, seq, s.info.Deck))})
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.encoding == seq {
			s.encoding = 0
		}
		if err != nil {
			s.log.Debug("follow: cannot encode the deck", "err", err)
			return
		}
		if seq < s.deckSeq || (seq == s.deckSeq && s.deck != nil) {
			return
		}
		first := s.deck == nil
		s.deck, s.deckSeq = frame, seq
		for p := range s.peers {
			if first {
				// The state waited for the first deck (see PublishState).
				p.queue(frame, s.stateFrame())
			} else {
				p.queue(frame, nil)
			}
		}
	}()
}

// PublishState sends what the audience sees to every follower. It only
// queues: a slow follower gets the latest state when it reads again.
func (s *Server) PublishState(st State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stateNow, s.haveState, s.state = st, true, nil
	if s.deck == nil || len(s.peers) == 0 {
		// A follower gets the deck before any state: until the first deck
		// is encoded the state waits with it. Nobody following: encoded
		// when somebody does.
		return
	}
	frame := s.stateFrame()
	for p := range s.peers {
		p.queue(nil, frame)
	}
}

// stateFrame is the latest state's frame, encoding it if need be; nil
// before the first state. s.mu must be held.
func (s *Server) stateFrame() []byte {
	if s.state == nil && s.haveState {
		frame, err := Encode(Message{Kind: KindState, State: &s.stateNow})
		if err != nil {
			s.log.Debug("follow: cannot encode the state", "err", err)
			return nil
		}
		s.state = frame
	}
	return s.state
}

// Screens is how many followers are connected.
func (s *Server) Screens() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.peers)
}

// Close tells every follower that the presentation has ended, stops
// listening and removes the socket.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		err = s.ln.Close() // also unlinks the socket
		end, _ := Encode(Message{Kind: KindEnd, End: EndReason})
		s.mu.Lock()
		peers := s.peers
		s.peers = map[*peer]bool{}
		s.mu.Unlock()
		for p := range peers {
			p.finish(end)
		}
	})
	return err
}

func (s *Server) accept() {
	for {
		c, err := s.ln.AcceptUnix()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			s.log.Debug("follow: accept", "err", err)
			select {
			case <-s.done:
				return
			case <-time.After(50 * time.Millisecond): // e.g. out of file descriptors
			}
			continue
		}
		go s.serve(c)
	}
}

// serve is one follower's connection, from the credential check to the
// end. Anything wrong closes this connection only.
func (s *Server) serve(c *net.UnixConn) {
	uid, err := peerUID(c)
	if err != nil || uid != s.uid {
		s.log.Debug("follow: refused a peer", "uid", uid, "err", err)
		c.Close()
		return
	}
	_ = c.SetReadDeadline(time.Now().Add(helloTimeout))
	hello, err := Read(c)
	if err != nil || hello.Kind != KindHello {
		s.log.Debug("follow: bad hello", "kind", hello.Kind, "err", err)
		c.Close()
		return
	}
	_ = c.SetReadDeadline(time.Time{})
	info := s.info
	frame, err := Encode(Message{Kind: KindInfo, Info: &info})
	if err == nil {
		_ = c.SetWriteDeadline(time.Now().Add(writeTimeout))
		_, err = c.Write(frame)
	}
	if err != nil || hello.Role == RoleProbe {
		c.Close()
		return
	}

	p := &peer{c: c, wake: make(chan struct{}, 1), quit: make(chan struct{})}
	s.mu.Lock()
	select {
	case <-s.done:
		s.mu.Unlock()
		c.Close()
		return
	default:
	}
	s.peers[p] = true
	if s.deck != nil { // else both come when the deck is encoded
		p.queue(s.deck, s.stateFrame())
	}
	n := len(s.peers)
	s.mu.Unlock()
	s.encodeLatest() // the first follower: the deck was not encoded yet
	go p.write(s.log)
	s.emit(Event{Screens: n})
	s.log.Debug("follow: a screen attached", "screens", n)

	for {
		msg, err := Read(c)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				s.log.Debug("follow: dropping a follower", "err", err)
			}
			break
		}
		if msg.Kind != KindNav {
			s.log.Debug("follow: dropping a follower that sent", "kind", msg.Kind)
			break
		}
		s.emit(Event{Nav: msg.Nav})
	}
	s.mu.Lock()
	_, ours := s.peers[p]
	delete(s.peers, p)
	n = len(s.peers)
	s.mu.Unlock()
	p.finish(nil)
	if ours {
		s.emit(Event{Screens: n})
	}
}

func (s *Server) emit(ev Event) {
	select {
	case s.events <- ev:
	case <-s.done:
	}
}

// peer is one follower. Its writer sends the latest deck and state queued
// for it, in that order, so a state never arrives before its deck.
type peer struct {
	c     *net.UnixConn
	wake  chan struct{}
	quit  chan struct{}
	once  sync.Once
	mu    sync.Mutex
	deck  []byte
	state []byte
}

func (p *peer) queue(deck, state []byte) {
	p.mu.Lock()
	if deck != nil {
		p.deck = deck
	}
	if state != nil {
		p.state = state
	}
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *peer) write(log *slog.Logger) {
	for {
		select {
		case <-p.wake:
		case <-p.quit:
			return
		}
		p.mu.Lock()
		frames := [][]byte{p.deck, p.state}
		p.deck, p.state = nil, nil
		p.mu.Unlock()
		for _, f := range frames {
			if f == nil {
				continue
			}
			_ = p.c.SetWriteDeadline(time.Now().Add(writeTimeout))
			if _, err := p.c.Write(f); err != nil {
				log.Debug("follow: cannot write to a follower", "err", err)
				p.c.Close()
				return
			}
		}
	}
}

// finish sends a last frame (if any) and closes the connection.
func (p *peer) finish(last []byte) {
	p.once.Do(func() {
		close(p.quit)
		if last != nil {
			_ = p.c.SetWriteDeadline(time.Now().Add(time.Second))
			_, _ = p.c.Write(last)
		}
		p.c.Close()
	})
}

func ptr[T any](v T) *T { return &v }
