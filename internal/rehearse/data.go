package rehearse

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// JSON is the report for other tools (report --format json).
type JSON struct {
	Deck JSONDeck  `json:"deck"`
	Runs []JSONRun `json:"runs"`
}

// JSONDeck is the deck as it is now.
type JSONDeck struct {
	Title           string   `json:"title"`
	Path            string   `json:"path,omitempty"`
	ID              string   `json:"id"`
	Hash            string   `json:"hash"`
	DurationSeconds *float64 `json:"duration_seconds"`
	BudgetSeconds   *float64 `json:"budget_seconds"`
	Slides          int      `json:"slides"`
}

// JSONRun is one run, its slides matched to the deck as it is now.
type JSONRun struct {
	Number       int         `json:"number"`
	Started      string      `json:"started"`
	Partial      bool        `json:"partial"`
	OlderVersion bool        `json:"older_version"`
	TotalSeconds float64     `json:"total_seconds"`
	PausedSecs   float64     `json:"paused_seconds"`
	Backtracks   int         `json:"backtracks"`
	Slides       []JSONSlide `json:"slides"`
}

// JSONSlide is one slide in one run; seconds 0 and visits 0 when the run
// never showed it.
type JSONSlide struct {
	Number        int      `json:"number"`
	Title         string   `json:"title"`
	Seconds       float64  `json:"seconds"`
	BudgetSeconds *float64 `json:"budget_seconds"`
	Visits        int      `json:"visits"`
}

func optSeconds(d time.Duration) *float64 {
	if d <= 0 {
		return nil
	}
	s := toSeconds(d)
	return &s
}

// Data is the report's selected runs as plain data.
func (rep *Report) Data() JSON {
	out := JSON{Deck: JSONDeck{Title: rep.Deck.Title, Path: rep.Deck.Path, ID: rep.Deck.ID, Hash: rep.Deck.Hash,
		DurationSeconds: optSeconds(rep.Duration), BudgetSeconds: optSeconds(rep.BudgetSum), Slides: len(rep.Rows)},
		Runs: []JSONRun{}}
	for _, i := range rep.Selected {
		run := &rep.Runs[i]
		jr := JSONRun{Number: i + 1, Started: run.Started.UTC().Format(time.RFC3339), Partial: run.Partial,
			OlderVersion: rep.Older[i], TotalSeconds: run.Seconds, PausedSecs: run.PausedSeconds,
			Backtracks: run.Backtracks, Slides: make([]JSONSlide, len(rep.Rows))}
		m := matchRun(titlesOf(rep.Rows), run)
		for k, r := range rep.Rows {
			s := JSONSlide{Number: r.Number, Title: r.Title, BudgetSeconds: optSeconds(r.Budget)}
			if j := m[k]; j >= 0 {
				s.Seconds, s.Visits = run.Slides[j].Seconds, run.Slides[j].Visits
			}
			jr.Slides[k] = s
		}
		out.Runs = append(out.Runs, jr)
	}
	return out
}

func titlesOf(rows []Row) []string {
	t := make([]string, len(rows))
	for i, r := range rows {
		t[i] = r.Title
	}
	return t
}

// WriteJSON writes the selected runs as JSON.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep.Data())
}

// WriteCSV writes one row per slide per selected run, for a spreadsheet.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"run", "started", "partial", "older_version", "number", "title", "seconds", "budget_seconds", "visits"})
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for _, run := range rep.Data().Runs {
		for _, s := range run.Slides {
			budget := ""
			if s.BudgetSeconds != nil {
				budget = f(*s.BudgetSeconds)
			}
			cw.Write([]string{strconv.Itoa(run.Number), run.Started, strconv.FormatBool(run.Partial),
				strconv.FormatBool(run.OlderVersion), strconv.Itoa(s.Number), s.Title, f(s.Seconds), budget, strconv.Itoa(s.Visits)})
		}
	}
	cw.Flush()
	return cw.Error()
}
