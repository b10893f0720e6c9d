package rehearse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"shovel/internal/atomicfile"
)

// Store keeps one JSON file per run in Dir. Runs are never rewritten: a
// new run gets a new file, so a file that cannot be read stays as it was
// for the speaker to look at.
type Store struct{ Dir string }

// DefaultDir is where the runs of the deck with id live:
// $XDG_STATE_HOME/shovel/rehearsals/<id>, or ~/.local/state/... when
// XDG_STATE_HOME is unset (or, as the spec says, not absolute).
func DefaultDir(id string, getenv func(string) string) (string, error) {
	base := getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(base) {
		home := getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("no place for rehearsals: %w (set XDG_STATE_HOME or use --store)", err)
			}
			home = h
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "shovel", "rehearsals", id), nil
}

// Save writes run to a new file named after its start time and returns
// the file's path. The directory is created private (0700), the file too
// (0600): rehearsal times are the speaker's business.
func (s Store) Save(run Run) (string, error) {
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return "", err
	}
	data, err := json.MarshalIndent(run, "", "  ")
	if err != nil {
		return "", err
	}
	data = append(data, '\n')
	base := run.Started.UTC().Format("20060102T150405Z")
	for n := 1; ; n++ {
		name := base + ".json"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.json", base, n)
		}
		path := filepath.Join(s.Dir, name)
		// Claim the name first, so that the rename below never replaces a
		// run another shovel saved in the same second.
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		f.Close()
		err = atomicfile.WriteMode(path, 0o600, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
}

// Load reads every run in the store, oldest first. A file that cannot be
// used (corrupt, truncated, from a newer shovel) is named in a warning and
// skipped. A store that does not exist yet has no runs and no warnings.
func (s Store) Load() (runs []Run, warnings []string, err error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(s.Dir, name)
		run, err := readRun(path)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: %v; skipped", path, err))
			continue
		}
		runs = append(runs, run)
	}
	// Runs started in the same second are in the order they were saved:
	// NAME.json before NAME-2.json.
	sort.SliceStable(runs, func(i, j int) bool {
		a, b := runs[i], runs[j]
		if !a.Started.Equal(b.Started) {
			return a.Started.Before(b.Started)
		}
		if len(a.File) != len(b.File) {
			return len(a.File) < len(b.File)
		}
		return a.File < b.File
	})
	return runs, warnings, nil
}

func readRun(path string) (Run, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Run{}, err
	}
	return parseRun(data, path)
}

// parseRun decodes one run file and checks what the report relies on.
func parseRun(data []byte, path string) (Run, error) {
	var run Run
	if len(bytes.TrimSpace(data)) == 0 {
		return Run{}, errors.New("empty file")
	}
	if err := json.Unmarshal(data, &run); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
			if !json.Valid(data) && isTruncated(data) {
				return Run{}, errors.New("truncated (the file ends early)")
			}
			return Run{}, fmt.Errorf("not a rehearsal file: %v", err)
		}
		return Run{}, fmt.Errorf("not a rehearsal file: %v", err)
	}
	switch {
	case run.Version > Version:
		return Run{}, fmt.Errorf("written by a newer shovel (format %d; this one reads up to %d)", run.Version, Version)
	case run.Version < 1:
		return Run{}, errors.New("not a rehearsal file: no version")
	case run.Started.IsZero() || run.Seconds < 0:
		return Run{}, errors.New("not a rehearsal file: no start time")
	}
	for _, sl := range run.Slides {
		if sl.Seconds < 0 || sl.Visits < 0 {
			return Run{}, fmt.Errorf("corrupt: slide %q has negative time", sl.Title)
		}
	}
	run.File = path
	return run, nil
}

// isTruncated tells a file cut short (valid so far, then the end) from
// one with garbage in it.
func isTruncated(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// MinRun is the shortest rehearsal worth keeping: shorter ones are
// false starts.
const MinRun = 5 * time.Second
