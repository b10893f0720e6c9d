package follow

import (
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	"time"
)

// Client is a follower's connection to a speaker.
type Client struct {
	c    *net.UnixConn
	info Info
	msgs chan Message
	out  chan []byte
	quit chan struct{}
	once sync.Once
}

// Dial connects to the presentation listening on path and reads its Info.
func Dial(path string) (*Client, error) {
	c, err := hello(path, RoleFollow)
	if err != nil {
		return nil, err
	}
	info, err := readInfo(c)
	if err != nil {
		c.Close()
		return nil, err
	}
	cl := &Client{c: c, info: info, msgs: make(chan Message, 64), out: make(chan []byte, 16), quit: make(chan struct{})}
	go cl.read()
	go cl.write()
	return cl, nil
}

// Info describes the session followed.
func (cl *Client) Info() Info { return cl.info }

// Messages delivers the speaker's deck and state messages. Its last
// message is always a KindEnd, also when the speaker crashed or sent
// something malformed; then it is closed.
func (cl *Client) Messages() <-chan Message { return cl.msgs }

// Send asks the speaker to move. It never blocks: a request that cannot be
// queued (the speaker is not reading) is dropped.
func (cl *Client) Send(n Nav) {
	frame, err := Encode(Message{Kind: KindNav, Nav: &n})
	if err != nil {
		return
	}
	select {
	case cl.out <- frame:
	default:
	}
}

// Close disconnects; the speaker goes on.
func (cl *Client) Close() error {
	cl.once.Do(func() { close(cl.quit) })
	return cl.c.Close()
}

func (cl *Client) read() {
	defer close(cl.msgs)
	end := func(reason string) {
		select {
		case cl.msgs <- Message{V: Version, Kind: KindEnd, End: reason}:
		case <-cl.quit:
		}
	}
	for {
		msg, err := Read(cl.c)
		switch {
		case err == nil && (msg.Kind == KindDeck || msg.Kind == KindState):
			select {
			case cl.msgs <- msg:
			case <-cl.quit:
				return
			}
		case err == nil && msg.Kind == KindEnd:
			end(msg.End)
			return
		case err == nil:
			end("the presentation sent an unexpected " + string(msg.Kind) + " message; disconnected")
			return
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed), errors.Is(err, syscall.ECONNRESET):
			// The speaker's program exited without a goodbye: it crashed
			// or was killed. To the room it is the same.
			end(EndReason)
			return
		default:
			end("lost the presentation: " + err.Error())
			return
		}
	}
}

func (cl *Client) write() {
	for {
		select {
		case f := <-cl.out:
			_ = cl.c.SetWriteDeadline(time.Now().Add(writeTimeout))
			if _, err := cl.c.Write(f); err != nil {
				return
			}
		case <-cl.quit:
			return
		}
	}
}

// First waits for the speaker's deck, which comes first on a new
// connection, and returns it with the latest state sent before it, if
// any. The speaker may still be encoding its deck, hence the wait.
func (cl *Client) First(timeout time.Duration) (Deck, *State, error) {
	var st *State
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-cl.msgs:
			if !ok {
				return Deck{}, nil, errors.New("the presentation closed the connection")
			}
			switch m.Kind {
			case KindDeck:
				return *m.Deck, st, nil
			case KindState:
				st = m.State
			case KindEnd:
				return Deck{}, nil, errors.New(m.End)
			}
		case <-deadline:
			return Deck{}, nil, errors.New("the presentation did not send its deck")
		}
	}
}
