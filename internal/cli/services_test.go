package cli

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shovel/deck"
	"shovel/internal/rehearse"
)

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// start starts the watcher, the follow socket and the history once;
// close stops them.
func TestServicesStartAndStop(t *testing.T) {
	dir := t.TempDir()
	path, d := openTalk(t, dir, "# 一\n\n---\n\n# 二\n")
	store := filepath.Join(dir, "runs")
	if _, err := (rehearse.Store{Dir: store}).Save(recordedRun(t, d, 30, 1)); err != nil {
		t.Fatal(err)
	}
	run, err := os.MkdirTemp("", "svc") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(run) })
	s := newTalkServices(servicesParams{
		opts: &PresentOptions{Path: path, Store: store}, d: d, watch: true, history: true,
		getenv: envOf("XDG_RUNTIME_DIR", run), log: quietLog(),
	})
	got := s.start()
	if got.Watcher == nil || got.Followers == nil || got.History == nil {
		t.Fatalf("watcher %v, followers %v, history %v", got.Watcher, got.Followers, got.History != nil)
	}
	if again := s.start(); again.Watcher != nil || again.Followers != nil || again.History != nil {
		t.Error("started twice")
	}
	if h := got.History(d); len(h) != 2 {
		t.Errorf("history %v", h)
	}
	sock := got.Followers.Path()
	if _, err := os.Stat(sock); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	s.close(&errOut)
	if errOut.Len() > 0 {
		t.Errorf("messages: %q", errOut.String())
	}
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Errorf("socket left after close: %v", err)
	}
	select {
	case _, open := <-got.Watcher.Changes():
		if open {
			t.Error("a change reported after close")
		}
	default:
		t.Error("the watcher is still open after close")
	}
}

// What the services have to say comes out when they stop, after the
// screen is given back, in the order it always did: the share's failure,
// then the history's warnings.
func TestServicesMessagesInOrder(t *testing.T) {
	dir := t.TempDir()
	path, d := openTalk(t, dir, "# 一\n")
	store := filepath.Join(dir, "runs")
	if err := os.Mkdir(store, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, store, "bad.json", "{")
	notADir := writeFile(t, dir, "file", "") // the runtime directory is a file: no socket
	s := newTalkServices(servicesParams{
		opts: &PresentOptions{Path: path, Store: store}, d: d, history: true,
		getenv: envOf("XDG_RUNTIME_DIR", notADir), log: quietLog(),
	})
	got := s.start()
	if got.Followers != nil || got.Watcher != nil {
		t.Errorf("followers %v, watcher %v", got.Followers, got.Watcher)
	}
	var errOut bytes.Buffer
	s.close(&errOut)
	out := errOut.String()
	share := strings.Index(out, "other screens cannot follow this talk")
	warn := strings.Index(out, filepath.Join(store, "bad.json"))
	if share < 0 || warn < 0 || warn < share {
		t.Errorf("messages %q: want the share's, then the warning naming bad.json", out)
	}
}

// A talk that ends before its services start (q at once) starts none.
func TestServicesNotStartedAfterClose(t *testing.T) {
	dir := t.TempDir()
	path, d := openTalk(t, dir, "# 一\n")
	run := filepath.Join(dir, "run")
	s := newTalkServices(servicesParams{
		opts: &PresentOptions{Path: path}, d: d, watch: true,
		getenv: envOf("XDG_RUNTIME_DIR", run), log: quietLog(),
	})
	s.close(io.Discard)
	if got := s.start(); got.Watcher != nil || got.Followers != nil {
		t.Fatal("started after close")
	}
	if _, err := os.Stat(run); !os.IsNotExist(err) {
		t.Errorf("the socket's directory was made: %v", err)
	}
}

func envOf(key, value string) func(string) string {
	return func(k string) string {
		if k == key {
			return value
		}
		return ""
	}
}

// openTalk writes src as dir/talk.md and opens it.
func openTalk(t *testing.T, dir, src string) (string, *deck.Deck) {
	t.Helper()
	path := writeFile(t, dir, "talk.md", src)
	d, err := deck.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, d
}
