package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/internal/rehearse"
)

func TestReportFlags(t *testing.T) {
	got, err := parseFlags(NewCmdReport, []string{"--run", "3", "--format", "csv", "--width", "70", "--store", "runs", "--budgets", "talk.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != "talk.md" || got.Run != "3" || got.Format != "csv" || got.Width != 70 || got.Store != "runs" || !got.Budgets {
		t.Errorf("options = %+v", *got)
	}
	if got, _ := parseFlags(NewCmdReport, nil); got.Run != "last" || got.Format != "text" {
		t.Errorf("defaults = %+v", *got)
	}
}

// reportFixture is a deck with two saved runs in a store.
func reportFixture(t *testing.T) (deckPath, store string) {
	t.Helper()
	dir := t.TempDir()
	deckPath = writeFile(t, dir, "talk.md", "---\nduration: 2m\n---\n\n# 开场\n\n<!-- time: 30s -->\n\n---\n\n# 为什么需要铲？\n\n---\n\n# 谢谢\n")
	d, err := deck.Open(deckPath)
	if err != nil {
		t.Fatal(err)
	}
	store = filepath.Join(dir, "runs")
	info, _ := rehearse.Info(d, deckPath)
	for i, secs := range []float64{65, 50} {
		rec := rehearse.NewRecorder(d, info)
		t0 := time.Date(2026, 12, 2, 18, i, 0, 0, time.UTC)
		rec.Show(t0, 0, 0)
		rec.Timer(t0, true)
		rec.Show(t0.Add(20*time.Second), 1, 0)
		rec.Show(t0.Add(40*time.Second), 2, 0)
		rec.Quit(t0.Add(time.Duration(secs) * time.Second))
		if _, err := (rehearse.Store{Dir: store}).Save(rec.Run()); err != nil {
			t.Fatal(err)
		}
	}
	return deckPath, store
}

func TestReportCommand(t *testing.T) {
	path, store := reportFixture(t)
	writeFile(t, store, "broken.json", `{"version": 1, "started": "2026-`)
	tests := []struct {
		name string
		args []string
		code int
		out  []string
		err  []string
	}{
		{"text", []string{"report", "--store", store, path}, ExitOK,
			[]string{"rehearsal 2 of 2", "为什么需要铲？", "total", "runs: 2"}, []string{"broken.json: truncated"}},
		{"run 1", []string{"report", "--store", store, "--run", "1", "--width", "60", path}, ExitOK,
			[]string{"rehearsal 1 of 2", "1:05"}, nil},
		{"run 3 of 2", []string{"report", "--store", store, "--run", "3", path}, ExitUsage,
			nil, []string{"--run 3: there is no run 3; runs are numbered 1 to 2"}},
		{"bad run", []string{"report", "--store", store, "--run", "first", path}, ExitUsage, nil, []string{`--run "first"`}},
		{"bad format", []string{"report", "--store", store, "--format", "xml", path}, ExitUsage, nil, []string{`--format "xml"`}},
		{"narrow", []string{"report", "--store", store, "--width", "20", path}, ExitUsage, nil, []string{"at least 40"}},
		{"csv", []string{"report", "--store", store, "--format", "csv", "--run", "all", path}, ExitOK,
			[]string{"run,started,partial", "2,2026-12-02T18:01:00Z,false,false,2,为什么需要铲？,20,45,1"}, nil},
		{"budgets", []string{"report", "--store", store, "--budgets", path}, ExitOK, []string{"<!-- time: 20s -->"}, nil},
		{"no runs", []string{"report", "--store", filepath.Join(t.TempDir(), "none"), path}, ExitFailure,
			nil, []string{"no rehearsals of " + path + " yet; run: shovel rehearse --store"}},
		{"missing deck", []string{"report", "--store", store, filepath.Join(t.TempDir(), "nope.md")}, ExitUsage, nil, []string{"no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, out, errOut := testStreams()
			if code := Run(tt.args, io); code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, errOut.String())
			}
			for _, w := range tt.out {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.err {
				if !strings.Contains(errOut.String(), w) {
					t.Errorf("stderr lacks %q: %q", w, errOut.String())
				}
			}
			if strings.Contains(out.String(), "\x1b") {
				t.Error("escape sequences in piped output")
			}
		})
	}
}

// The message for a deck never rehearsed is the one the issue asks for.
func TestReportNoRunsMessage(t *testing.T) {
	for _, tt := range []struct{ path, store, want string }{
		{"talk.md", "", "no rehearsals of talk.md yet; run: shovel rehearse talk.md"},
		{"", "", "no rehearsals of the built-in deck yet; run: shovel rehearse"},
		{"my talk/", "runs", "no rehearsals of my talk/ yet; run: shovel rehearse --store runs 'my talk/'"},
	} {
		if got := noRunsError(tt.path, tt.store).Error(); got != tt.want {
			t.Errorf("%q", got)
		}
	}
}

func TestReportJSON(t *testing.T) {
	path, store := reportFixture(t)
	io, _, out, errOut := testStreams()
	if code := Run([]string{"report", "--store", store, "--format", "json", path}, io); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The wire format itself is tested in internal/rehearse; here, that
	// the command prints it.
	var got rehearse.JSON
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(got.Runs) != 1 || got.Runs[0].TotalSeconds != 50 || got.Runs[0].Started != "2026-12-02T18:01:00Z" {
		t.Fatalf("runs %+v", got.Runs)
	}
	s := got.Runs[0].Slides
	if len(s) != 3 || s[0].Seconds != 20 || s[2].Seconds != 10 || *s[0].BudgetSeconds != 30 || *s[1].BudgetSeconds != 45 || s[1].Visits != 1 {
		t.Errorf("slides %+v", s)
	}
}
