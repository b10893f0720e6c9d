package rehearse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func sampleRun(start float64, secs ...float64) Run {
	titles := []string{"开场", "为什么需要铲？", "谢谢"}
	run := Run{Version: Version, Deck: DeckInfo{ID: "talk.md-1", Title: "铲子测试", Hash: "h1"}, Started: at(start), Ended: at(start + 100)}
	for i, s := range secs {
		run.Slides = append(run.Slides, SlideRun{Number: i + 1, Title: titles[i%len(titles)], Seconds: s, Visits: 1})
		run.Seconds += s
	}
	return run
}

func TestStoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "talk.md-1")
	s := Store{Dir: dir}
	a, b := sampleRun(100, 10, 20, 5), sampleRun(0, 12.5, 30, 0)
	b.Partial = true
	b.Slides[1].StepSeconds = []float64{10, 20}
	pa, err := s.Save(a)
	if err != nil {
		t.Fatal(err)
	}
	pb, err := s.Save(b)
	if err != nil {
		t.Fatal(err)
	}
	// Two runs started in the same second get two files.
	pc, err := s.Save(a)
	if err != nil || pc == pa {
		t.Fatalf("second save in the same second: %q, %v (first %q)", pc, err, pa)
	}
	runs, warnings, err := s.Load()
	if err != nil || len(warnings) > 0 {
		t.Fatalf("load: %v %v", err, warnings)
	}
	if len(runs) != 3 {
		t.Fatalf("%d runs, want 3", len(runs))
	}
	// Oldest first; what was saved is what is read.
	b.File, a.File = pb, pa
	if !reflect.DeepEqual(runs[0], b) || !reflect.DeepEqual(runs[1], a) {
		t.Errorf("round trip:\n%+v\n%+v\nwant\n%+v\n%+v", runs[0], runs[1], b, a)
	}
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v %v, want 0700", info.Mode().Perm(), err)
	}
	for _, p := range []string{pa, pb, pc} {
		info, err := os.Stat(p)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v %v, want 0600", p, info.Mode().Perm(), err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files in the store, want 3 (no temporary files left)", len(entries))
	}
}

func TestStoreSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	s := Store{Dir: dir}
	good, err := s.Save(sampleRun(0, 10, 20, 30))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	future := strings.Replace(string(data), `"version": 1`, `"version": 99`, 1)
	bad := map[string]struct{ content, want string }{
		"truncated.json": {string(data[:len(data)/2]), "truncated"},
		"corrupt.json":   {"{\"version\": 1, \x00garbage", "not a rehearsal file"},
		"empty.json":     {"", "empty file"},
		"future.json":    {future, "newer shovel (format 99"},
		"other.json":     {`{"name": "not a run"}`, "no version"},
		"negative.json":  {strings.Replace(string(data), `"seconds": 10`, `"seconds": -10`, 1), "negative time"},
	}
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a run"), 0o600)
	runs, warnings, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].File != good {
		t.Errorf("runs %d, want only the good one", len(runs))
	}
	if len(warnings) != len(bad) {
		t.Errorf("%d warnings, want %d: %q", len(warnings), len(bad), warnings)
	}
	for name, b := range bad {
		found := false
		for _, w := range warnings {
			if strings.Contains(w, filepath.Join(dir, name)) && strings.Contains(w, b.want) && strings.HasSuffix(w, "skipped") {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning naming %s with %q: %q", name, b.want, warnings)
		}
		// Never overwritten, never removed.
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != b.content {
			t.Errorf("%s changed: %v", name, err)
		}
	}
	// Saving again does not touch the bad files either.
	if _, err := s.Save(sampleRun(500, 1)); err != nil {
		t.Fatal(err)
	}
	if runs, _, _ := s.Load(); len(runs) != 2 {
		t.Errorf("after a save: %d runs, want 2", len(runs))
	}
}

func TestStoreMissingDirIsEmpty(t *testing.T) {
	runs, warnings, err := Store{Dir: filepath.Join(t.TempDir(), "none")}.Load()
	if runs != nil || warnings != nil || err != nil {
		t.Errorf("got %v %v %v", runs, warnings, err)
	}
}

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_STATE_HOME": "/state", "HOME": "/home/a"}, "/state/shovel/rehearsals/id"},
		{map[string]string{"HOME": "/home/a"}, "/home/a/.local/state/shovel/rehearsals/id"},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/a"}, "/home/a/.local/state/shovel/rehearsals/id"},
	}
	for _, tt := range tests {
		got, err := DefaultDir("id", env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("%v: %q %v, want %q", tt.env, got, err, tt.want)
		}
	}
}

func TestDeckID(t *testing.T) {
	a, b := DeckID("/talks/2026/talk.md"), DeckID("/talks/2025/talk.md")
	if a == b || !strings.HasPrefix(a, "talk.md-") || strings.ContainsAny(a, "/") {
		t.Errorf("ids %q %q", a, b)
	}
	if DeckID("/talks/2026/talk.md") != a {
		t.Error("not stable")
	}
}

func TestContentHash(t *testing.T) {
	d := testDeck([]string{"a", "b"}, []int{10}, nil)
	h := ContentHash(d)
	d.Slides[0].File, d.Slides[0].StartLine = "moved.md", 99
	if ContentHash(d) != h {
		t.Error("moving a slide in its file changed the hash")
	}
	d.Slides[1].Blocks[0].Markdown += " edited"
	if ContentHash(d) == h {
		t.Error("editing a slide did not change the hash")
	}
}
