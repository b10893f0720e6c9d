package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/internal/rehearse"
)

func TestRehearseFlags(t *testing.T) {
	got, err := parseFlags(NewCmdRehearse, []string{"--store", "runs", "--no-save", "--theme", "notty", "--no-watch", "talk.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != "talk.md" || got.Store != "runs" || !got.NoSave || got.Theme != "notty" || !got.NoWatch {
		t.Errorf("options = %+v", *got)
	}
	if _, err := parseFlags(NewCmdRehearse, []string{"a.md", "b.md"}); err == nil {
		t.Error("two decks accepted")
	}
}

func TestRehearseNeedsATerminal(t *testing.T) {
	path := writeFile(t, t.TempDir(), "talk.md", "# 一\n")
	io, _, out, errOut := testStreams()
	if code := Run([]string{"rehearse", "--store", t.TempDir(), path}, io); code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(errOut.String(), "rehearse needs a terminal") || out.Len() != 0 {
		t.Errorf("stderr %q stdout %q", errOut.String(), out.String())
	}
}

func recordedRun(t *testing.T, d *deck.Deck, secs float64, last int) rehearse.Run {
	t.Helper()
	rec := rehearse.NewRecorder(d, rehearse.DeckInfo{ID: "x"})
	t0 := time.Date(2026, 12, 2, 18, 0, 0, 0, time.UTC)
	rec.Show(t0, 0, 0)
	rec.Timer(t0, true)
	rec.Show(t0.Add(time.Second), last, 0)
	rec.Quit(t0.Add(time.Duration(secs * float64(time.Second))))
	return rec.Run()
}

func TestSaveRun(t *testing.T) {
	d, err := deck.Open(writeFile(t, t.TempDir(), "talk.md", "# 一\n\n---\n\n# 二\n\n---\n\n# 三\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		secs   float64
		last   int
		noSave bool
		saved  bool
		want   string
	}{
		{"complete", 65, 2, false, true, "rehearsal 1 saved: 1:05 on the clock (complete)"},
		{"partial", 65, 1, false, true, "rehearsal 1 saved: 1:05 on the clock (partial, up to slide 2 of 3)"},
		{"too short", 4.9, 2, false, false, "rehearsal not saved: 0:04 on the clock is less than 5s"},
		{"--no-save", 65, 2, true, false, "rehearsal not saved (--no-save): 1:05 on the clock"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "runs")
			io, _, _, errOut := testStreams()
			opts := &RehearseOptions{PresentOptions: PresentOptions{IO: io, Path: "my talk.md", Store: dir}, NoSave: tt.noSave}
			if err := saveRun(opts, rehearse.Store{Dir: dir}, recordedRun(t, d, tt.secs, tt.last), 0, d); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("stderr %q, want %q", errOut.String(), tt.want)
			}
			files, _ := os.ReadDir(dir)
			if (len(files) == 1) != tt.saved {
				t.Errorf("%d files saved", len(files))
			}
			if tt.saved && !strings.Contains(errOut.String(), "shovel report --store "+dir+" 'my talk.md'") {
				t.Errorf("no report command in %q", errOut.String())
			}
		})
	}
}

// present reads the history of rehearsals when there is one; bad files are
// named, and no store is no reason not to present.
func TestLoadHistory(t *testing.T) {
	dir := t.TempDir()
	path, d := openTalk(t, dir, "# 一\n\n---\n\n# 二\n")
	store := filepath.Join(dir, "runs")
	io, _, _, errOut := testStreams()
	opts := &PresentOptions{IO: io, Path: path, Store: store}
	if loadHistory(opts, d, io.ErrOut) != nil {
		t.Error("history without runs")
	}
	if _, err := (rehearse.Store{Dir: store}).Save(recordedRun(t, d, 30, 1)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, store, "bad.json", "{")
	h := loadHistory(opts, d, io.ErrOut)
	if h == nil {
		t.Fatal("no history from a saved run")
	}
	if got := h(d); got[0] != time.Second || got[1] != 29*time.Second {
		t.Errorf("history %v", got)
	}
	if !strings.Contains(errOut.String(), filepath.Join(store, "bad.json")) {
		t.Errorf("bad file not named: %q", errOut.String())
	}
	// The default store, under XDG_STATE_HOME.
	state := t.TempDir()
	opts = &PresentOptions{IO: io, Path: path, Getenv: func(k string) string {
		if k == "XDG_STATE_HOME" {
			return state
		}
		return ""
	}}
	if loadHistory(opts, d, io.ErrOut) != nil {
		t.Error("history from an empty default store")
	}
}
