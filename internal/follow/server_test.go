package follow

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"shovel/deck"
)

func listen(t *testing.T, dir string, info Info) *Server {
	t.Helper()
	s, err := Listen(dir, info, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func dial(t *testing.T, path string) *Client {
	t.Helper()
	c, err := Dial(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// next waits for the next message; the limit only stops a broken build
// from hanging.
func next(t *testing.T, c *Client) Message {
	t.Helper()
	select {
	case m, ok := <-c.Messages():
		if !ok {
			t.Fatal("the connection ended")
		}
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no message from the speaker")
	}
	return Message{}
}

func event(t *testing.T, s *Server) Event {
	t.Helper()
	select {
	case e := <-s.Events():
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no event from the followers")
	}
	return Event{}
}

func openTalk(t *testing.T) *deck.Deck {
	t.Helper()
	d, err := deck.Open("../tui/testdata/talk.md")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFollowerGetsDeckStateAndEnd(t *testing.T) {
	dir := privateDir(t)
	d := openTalk(t)
	s := listen(t, dir, Info{Title: "铲子测试", Program: "present", Started: time.Now()})
	s.PublishDeck(d, 1)
	s.PublishState(State{Deck: 1, Slide: 2, Step: 1})

	sessions, err := List(dir)
	if err != nil || len(sessions) != 1 || sessions[0].PID != os.Getpid() || sessions[0].Title != "铲子测试" {
		t.Fatalf("List = %+v, %v", sessions, err)
	}
	c := dial(t, s.Path())
	if e := event(t, s); e.Nav != nil || e.Screens != 1 {
		t.Fatalf("event after attaching = %+v, want 1 screen (the probe must not count)", e)
	}
	m := next(t, c)
	if m.Kind != KindDeck {
		t.Fatalf("first message %s, want the deck", m.Kind)
	}
	got, err := m.Deck.Open()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Slides) != len(d.Slides) || got.Slides[3].Title != d.Slides[3].Title || m.Deck.Hash != Hash(d.Files, d.Sources) {
		t.Fatalf("the follower's deck differs: %d slides, hash %s", len(got.Slides), m.Deck.Hash)
	}
	if m := next(t, c); m.Kind != KindState || *m.State != (State{Deck: 1, Slide: 2, Step: 1}) {
		t.Fatalf("second message %+v, want the state", m)
	}

	c.Send(Nav{Action: NavGoto, N: 5})
	if e := event(t, s); e.Nav == nil || *e.Nav != (Nav{Action: NavGoto, N: 5}) {
		t.Fatalf("event = %+v, want goto 5", e)
	}
	s.PublishState(State{Deck: 1, Slide: 4, Blank: true})
	if m := next(t, c); !m.State.Blank || m.State.Slide != 4 {
		t.Fatalf("after publishing: %+v", m.State)
	}

	s.Close()
	if m := next(t, c); m.Kind != KindEnd || m.End != EndReason {
		t.Fatalf("after Close: %+v, want the end", m)
	}
	if _, err := os.Lstat(s.Path()); !os.IsNotExist(err) {
		t.Fatalf("the socket is still there after Close: %v", err)
	}
}

func TestMalformedMessageClosesOnlyThatConnection(t *testing.T) {
	dir := privateDir(t)
	s := listen(t, dir, Info{Title: "t"})
	s.PublishDeck(openTalk(t), 1)
	good := dial(t, s.Path())
	event(t, s)
	next(t, good) // the deck

	for name, junk := range map[string][]byte{
		"not json":       frame([]byte("{{{{")),
		"wrong version":  frame([]byte(`{"v":9,"kind":"nav","nav":{"action":"next"}}`)),
		"an end message": frame([]byte(`{"v":1,"kind":"end"}`)),
		"over 1 MiB":     binary.BigEndian.AppendUint32(nil, MaxMessage+1),
	} {
		t.Run(name, func(t *testing.T) {
			bad, err := hello(s.Path(), RoleFollow)
			if err != nil {
				t.Fatal(err)
			}
			defer bad.Close()
			if _, err := readInfo(bad); err != nil {
				t.Fatal(err)
			}
			if e := event(t, s); e.Screens != 2 {
				t.Fatalf("screens = %d, want 2", e.Screens)
			}
			drain(bad) // the deck
			if _, err := bad.Write(junk); err != nil {
				t.Fatal(err)
			}
			if e := event(t, s); e.Nav != nil || e.Screens != 1 {
				t.Fatalf("after junk: %+v, want the bad follower dropped", e)
			}
			_ = bad.SetReadDeadline(time.Now().Add(10 * time.Second))
			if _, err := io.ReadAll(bad); err != nil {
				t.Fatalf("the bad connection was not closed: %v", err)
			}
		})
	}
	// The good follower and the speaker go on.
	s.PublishState(State{Deck: 1, Slide: 7})
	if m := next(t, good); m.State == nil || m.State.Slide != 7 {
		t.Fatalf("the good follower got %+v", m)
	}
	good.Send(Nav{Action: NavNext})
	if e := event(t, s); e.Nav == nil || e.Nav.Action != NavNext {
		t.Fatalf("event %+v", e)
	}
}

func frame(body []byte) []byte {
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(body))), body...)
}

// drain reads what is already sent.
func drain(c net.Conn) {
	_ = c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	_, _ = io.Copy(io.Discard, c)
	_ = c.SetReadDeadline(time.Time{})
}

func TestCrashedSpeakerEndsThePresentation(t *testing.T) {
	dir := privateDir(t)
	path := filepath.Join(dir, "1.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		_, _ = Read(c)
		f, _ := Encode(Message{Kind: KindInfo, Info: &Info{PID: 1}})
		_, _ = c.Write(f)
		f, _ = Encode(Message{Kind: KindState, State: &State{Slide: 1}})
		_, _ = c.Write(f)
		c.Close() // no goodbye: as if killed
	}()
	c := dial(t, path)
	if m := next(t, c); m.Kind != KindState {
		t.Fatalf("got %+v", m)
	}
	if m := next(t, c); m.Kind != KindEnd || m.End != EndReason {
		t.Fatalf("got %+v, want %q", m, EndReason)
	}
	if _, ok := <-c.Messages(); ok {
		t.Fatal("Messages not closed after the end")
	}
}

// TestOtherUsersAreRefused connects as another uid. The directory and
// socket modes normally keep other users out; here they are opened up, so
// that only the peer-credential check stands in the way.
func TestOtherUsersAreRefused(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to connect as another uid (syscall.Credential); run the tests as root to check the peer-credential check")
	}
	dir, err := os.MkdirTemp("", "sfu")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "helper")
	copyExe(t, bin)
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "s.sock")
	s, err := listenAt(path, Info{PID: os.Getpid(), Title: "t"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.Chmod(path, 0o777); err != nil {
		t.Fatal(err)
	}
	connectAs := func(uid uint32) string {
		cmd := exec.Command(bin, "-test.run=^TestHelperConnect$")
		cmd.Env = append(os.Environ(), "SHOVEL_FOLLOW_TEST_SOCKET="+path)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid}}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run()
		return out.String()
	}
	if out := connectAs(65534); !strings.Contains(out, "RESULT refused") {
		t.Fatalf("uid 65534 was not refused:\n%s", out)
	}
	if n := s.Screens(); n != 0 {
		t.Fatalf("%d screens after another user connected", n)
	}
	// The same helper as this user gets in: the check is what refused.
	if out := connectAs(0); !strings.Contains(out, "RESULT accepted") {
		t.Fatalf("uid 0 was not accepted:\n%s", out)
	}
}

// TestHelperConnect is run by TestOtherUsersAreRefused in a child process.
func TestHelperConnect(t *testing.T) {
	path := os.Getenv("SHOVEL_FOLLOW_TEST_SOCKET")
	if path == "" {
		t.Skip("a helper process of TestOtherUsersAreRefused")
	}
	c, err := Dial(path)
	if err != nil {
		fmt.Println("RESULT refused:", err)
		return
	}
	c.Close()
	fmt.Println("RESULT accepted as pid", c.Info().PID)
}

func copyExe(t *testing.T, dst string) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o755); err != nil {
		t.Fatal(err)
	}
}

// A talk nobody follows does not hash or encode its deck (for a long deck
// that is megabytes copied at every start and reload); the first follower
// gets it all the same, deck first.
func TestDeckIsEncodedOnlyForFollowers(t *testing.T) {
	dir := privateDir(t)
	d := openTalk(t)
	s := listen(t, dir, Info{Title: "t", Program: "present", Started: time.Now()})
	s.PublishDeck(d, 1)
	s.PublishState(State{Deck: 1, Slide: 3})
	time.Sleep(50 * time.Millisecond) // an eager encoder would be done by now
	s.mu.Lock()
	encoded := s.deck != nil || s.encoding != 0
	stateEncoded := s.state != nil
	s.mu.Unlock()
	if encoded {
		t.Fatal("the deck was encoded with no follower attached")
	}
	if stateEncoded {
		t.Fatal("the state was encoded with no follower attached")
	}
	c := dial(t, s.Path())
	if m := next(t, c); m.Kind != KindDeck {
		t.Fatalf("first message %s, want the deck", m.Kind)
	}
	if m := next(t, c); m.Kind != KindState || m.State.Slide != 3 {
		t.Fatalf("second message %+v, want the state", m)
	}
}
