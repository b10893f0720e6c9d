package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/internal/follow"
)

func TestFollowFlags(t *testing.T) {
	got, err := parseFlags(NewCmdFollow, []string{"--session", "4242", "--wait", "--theme", "light", "talk.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != "talk.md" || got.Session != 4242 || !got.Wait || got.Theme != "light" || got.List {
		t.Fatalf("options = %+v", *got)
	}
	if _, err := parseFlags(NewCmdFollow, []string{"--session", "-3"}); err == nil {
		t.Fatal("a negative --session was accepted")
	}
	if _, err := parseFlags(NewCmdFollow, []string{"a.md", "b.md"}); err == nil {
		t.Fatal("two decks were accepted")
	}
}

func TestSessionFilter(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.md", "# a")
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	all := []follow.Session{
		{Info: follow.Info{PID: 10, Deck: a}},
		{Info: follow.Info{PID: 11, Deck: filepath.Join(dir, "b.md")}},
		{Info: follow.Info{PID: 12}}, // the built-in deck
	}
	pids := func(ss []follow.Session) (out []int) {
		for _, s := range ss {
			out = append(out, s.PID)
		}
		return out
	}
	for _, c := range []struct {
		name string
		f    sessionFilter
		want []int
	}{
		{"any", sessionFilter{}, []int{10, 11, 12}},
		{"by deck", sessionFilter{deck: canonical(a)}, []int{10}},
		{"by a symlink to the deck", sessionFilter{deck: canonical(link)}, []int{10}},
		{"by pid", sessionFilter{pid: 12}, []int{12}},
		{"deck and pid disagree", sessionFilter{deck: canonical(a), pid: 11}, nil},
	} {
		if got := pids(c.f.match(all)); !equalInts(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// speakers starts n sharing servers in a private socket directory.
func speakers(t *testing.T, decks ...string) string {
	t.Helper()
	base, err := os.MkdirTemp("", "sfc")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	dir := filepath.Join(base, "shovel")
	for i, p := range decks {
		d, err := deck.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(p)
		s, err := follow.Listen(dir, follow.Info{PID: 1000 + i, Deck: abs, Title: d.Meta.Title, Program: "present",
			Started: time.Now().Add(time.Duration(i) * time.Second)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		s.PublishDeck(d, 1)
	}
	return dir
}

func TestFollowListAndChoose(t *testing.T) {
	ddir := t.TempDir()
	a := writeFile(t, ddir, "a.md", "---\ntitle: 甲\n---\n\n# a")
	b := writeFile(t, ddir, "b.md", "# b")
	dir := speakers(t, a, b)

	io, _, out, _ := testStreams()
	if err := runFollow(&FollowOptions{IO: io, Dir: dir, List: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1000", "1001", a + " — 甲", "present"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--list lacks %q:\n%s", want, out)
		}
	}

	// Two running and nobody to ask: a usage error listing both.
	opts := &FollowOptions{IO: io, Dir: dir, Interactive: func() bool { return false }}
	_, err := chooseSession(opts, dir, sessionFilter{})
	if exitCode(err) != ExitUsage || !strings.Contains(err.Error(), "--session") || !strings.Contains(err.Error(), b) {
		t.Fatalf("several, non-interactive: %v (exit %d)", err, exitCode(err))
	}
	// The deck given picks one.
	s, err := chooseSession(opts, dir, sessionFilter{deck: canonical(b)})
	if err != nil || s.PID != 1001 {
		t.Fatalf("by deck: %+v, %v", s, err)
	}
	// Asked, the user answers with a line number (after a wrong answer).
	io.In = strings.NewReader("9\n2\n")
	opts.Interactive = func() bool { return true }
	s, err = chooseSession(opts, dir, sessionFilter{})
	if err != nil || s.PID != 1001 {
		t.Fatalf("asked: %+v, %v", s, err)
	}
	// None of that deck: the message says so and shows what runs.
	_, err = chooseSession(opts, dir, sessionFilter{deck: "/nowhere.md"})
	if err == nil || exitCode(err) != ExitFailure || !strings.Contains(err.Error(), "no presentation of /nowhere.md") || !strings.Contains(err.Error(), a) {
		t.Fatalf("none: %v", err)
	}
}

func TestFollowWaitsForAPresentation(t *testing.T) {
	base, err := os.MkdirTemp("", "sfw")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	dir := filepath.Join(base, "shovel")
	found := make(chan follow.Session, 1)
	go func() {
		s, _ := waitForSession(context.Background(), dir, sessionFilter{}, 10*time.Millisecond)
		found <- s
	}()
	time.Sleep(50 * time.Millisecond) // nothing runs yet
	s, err := follow.Listen(dir, follow.Info{PID: 77, Title: "late"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	select {
	case got := <-found:
		if got.PID != 77 {
			t.Fatalf("waited for %+v", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("--wait never found the presentation")
	}
}

func TestFollowNeedsATerminal(t *testing.T) {
	io, _, _, _ := testStreams()
	err := runFollow(&FollowOptions{IO: io, Dir: t.TempDir()})
	if exitCode(err) != ExitUsage || !strings.Contains(err.Error(), "needs a terminal") {
		t.Fatalf("err = %v", err)
	}
}

func TestAskSessionGivesUp(t *testing.T) {
	var out bytes.Buffer
	_, err := askSession(strings.NewReader("x\ny\nz\nw\n"), &out, []follow.Session{{Info: follow.Info{PID: 5}}})
	if err == nil || strings.Count(out.String(), "Follow which?") != 3 {
		t.Fatalf("err = %v, asked:\n%s", err, out.String())
	}
}
