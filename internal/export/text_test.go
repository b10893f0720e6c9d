package export

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"shovel/deck"
	"shovel/internal/render"
)

// TestTextGoldenBuiltin pins one export of the built-in talk, so that a
// change to the handout shows in review; the properties below check every
// width. Regenerate with go test ./internal/export -run Golden -update and
// read the diff.
func TestTextGoldenBuiltin(t *testing.T) {
	golden.RequireEqual(t, exportText(t, openDeck(t, ""), TextOptions{Width: 80, Notes: true}))
}

func TestTextGoldenMixed(t *testing.T) {
	d := openDeck(t, mixedDeck)
	for name, opts := range map[string]TextOptions{
		"w80":                 {Width: 80},
		"w40-notes-steps-all": {Width: 40, Notes: true, Steps: StepsAll},
		"w20-notes":           {Width: 20, Notes: true},
		"w60-slides-2-4":      {Width: 60, Slides: []int{1, 3}},
	} {
		t.Run(name, func(t *testing.T) {
			golden.RequireEqual(t, exportText(t, d, opts))
		})
	}
}

// What each option adds or leaves out, independently of the renderer's
// typesetting (which the golden files pin).
func TestTextOptions(t *testing.T) {
	d := openDeck(t, mixedDeck)
	plain := exportText(t, d, TextOptions{Width: 80})
	withNotes := exportText(t, d, TextOptions{Width: 80, Notes: true})
	allSteps := exportText(t, d, TextOptions{Width: 80, Steps: StepsAll})
	some := exportText(t, d, TextOptions{Width: 80, Slides: []int{1, 3}})

	front := []string{"铲子与金矿：GPU 的故事", "A small bilingual deck for export tests", "测试者 Tester",
		"2026-11-29", "shovel 导出测试", "6 slides (1 more marked skip_slide left out)", "10m planned, 5m15s in slide time budgets"}
	for _, s := range front {
		if !strings.Contains(plain, s) {
			t.Errorf("front page lacks %q:\n%s", s, plain)
		}
	}
	for _, s := range []string{"Notes\n─────", "开场：先问听众", "Time budget: 1m30s", "arrow --> like this", "Marp-style note"} {
		if strings.Contains(plain, s) {
			t.Errorf("export without --notes has %q", s)
		}
		if !strings.Contains(withNotes, s) {
			t.Errorf("export with --notes lacks %q", s)
		}
	}
	if strings.Contains(plain, "This slide is being reworked") {
		t.Error("a skip_slide slide was exported")
	}
	if n := strings.Count(plain, "── "); n != 6 {
		t.Errorf("plain export has %d slide headers; want 6", n)
	}
	for i := 1; i <= 3; i++ {
		h := fmt.Sprintf("── 2/6 · Why GPUs? (step %d/3) ─", i)
		if !strings.Contains(allSteps, h) {
			t.Errorf("--steps all lacks header %q", h)
		}
	}
	if strings.Contains(plain, "(step ") || strings.Contains(allSteps, "1/6 · 铲子与金矿 (step") {
		t.Error("a step label on a final-step export or on a slide without pauses")
	}
	if strings.Count(allSteps, "CPUs run a few threads very fast") != 3 {
		t.Error("--steps all should show the first point on each of the three steps")
	}
	if !strings.Contains(some, "── 2/6 · Why GPUs? ─") || !strings.Contains(some, "── 4/6 · 训练 vs 推理 ─") ||
		strings.Contains(some, "── 1/6") || strings.Contains(some, "── 3/6") || !strings.Contains(some, "Exported  slides 2, 4") {
		t.Errorf("--slides 2,4 export:\n%s", some)
	}
}

func TestTextDeterministic(t *testing.T) {
	for name, d := range testDecks(t) {
		opts := TextOptions{Width: 72, Notes: true, Steps: StepsAll}
		a, b := exportText(t, d, opts), exportText(t, d, opts)
		if a != b {
			t.Errorf("%s: two exports differ:\n%s", name, firstDiff(a, b))
		}
	}
}

// The properties the issue asks for, at every width a reader might use.
func TestTextProperties(t *testing.T) {
	decks := testDecks(t)
	// The author's terminal draws ambiguous characters wide: every line
	// must fit by that measure too.
	wide := openDeck(t, mixedDeck)
	wide.Meta.AmbiguousWidth = 2
	decks["mixed, ambiguous_width 2"] = wide
	for name, d := range decks {
		amb := max(d.Meta.AmbiguousWidth, 1)
		code := codeLines(d)
		tables := 0
		for width := MinWidth; width <= 130; width++ {
			for _, opts := range []TextOptions{
				{Width: width, Notes: true},
				{Width: width, Steps: StepsAll},
			} {
				out := exportText(t, d, opts)
				if err := checkPlain(out, width, amb); err != nil {
					t.Fatalf("%s at %d cells: %v", name, width, err)
				}
				if err := checkHandout(out, code); err != nil {
					t.Fatalf("%s at %d cells: %v", name, width, err)
				}
				n, err := checkTables(out, amb)
				if err != nil {
					t.Fatalf("%s at %d cells: %v", name, width, err)
				}
				tables += n
			}
		}
		// Both decks hold tables; finding none means the check is blind.
		if tables == 0 {
			t.Errorf("%s: no table found in any export", name)
		}
		t.Logf("%s: %d tables checked", name, tables)
	}
}

// checkPlain checks that every line fits width (ambiguous characters taking
// amb cells) and that the text holds no escape sequence or other control
// character.
func checkPlain(out string, width, amb int) error {
	if !strings.HasSuffix(out, "\n") {
		return errors.New("output does not end with a newline")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := render.StringWidthAmbiguous(line, amb); w > width {
			return fmt.Errorf("line %d is %d cells: %q", i+1, w, line)
		}
		if j := strings.IndexFunc(line, isControl); j >= 0 {
			return fmt.Errorf("line %d has control character %q: %q", i+1, line[j], line)
		}
	}
	return nil
}

// checkTables finds tables, runs of lines framed by table borders (box
// drawing, or the Markdown-like | and + of plain themes), and checks that
// each table's lines are equally wide.
func checkTables(out string, amb int) (int, error) {
	tables, rowWidth, start := 0, -1, 0
	for i, line := range strings.Split(out, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || !strings.ContainsAny(t[:1], "|+") && !hasAnyPrefix(t, "│", "┌", "├", "└") ||
			!strings.ContainsAny(t[len(t)-1:], "|+") && !hasAnySuffix(t, "│", "┐", "┤", "┘") {
			rowWidth = -1
			continue
		}
		w := render.StringWidthAmbiguous(line, amb)
		switch {
		case rowWidth < 0:
			tables++
			rowWidth, start = w, i+1
		case w != rowWidth:
			return tables, fmt.Errorf("table starting on line %d: line %d is %d cells, the table's first line %d:\n%s",
				start, i+1, w, rowWidth, line)
		}
	}
	return tables, nil
}

func hasAnyPrefix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func TestCheckersCatchFaults(t *testing.T) {
	if err := checkPlain("ok\n中文中文中\n", 10, 1); err != nil {
		t.Errorf("checkPlain rejected good text: %v", err)
	}
	for _, bad := range []string{"ok\n中文中文中文\n", "\x1b[1mbold\n", "no newline"} {
		if checkPlain(bad, 10, 1) == nil {
			t.Errorf("checkPlain accepted %q", bad)
		}
	}
	if checkPlain("“quoted”  \n", 10, 2) == nil {
		t.Error("checkPlain measured ambiguous quotes as 1 cell at ambiguous width 2")
	}
	good := "┌──┬──┐\n│a │中│\n└──┴──┘\ntext\n  │x│\n  │y│\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| quote, not a table\n| a longer quote\n"
	if n, err := checkTables(good, 1); n != 3 || err != nil {
		t.Errorf("checkTables(good) = %d, %v", n, err)
	}
	for _, ragged := range []string{"┌──┐\n│中文│\n└──┘\n", "| a | b |\n|---|---|\n| 1 | 22 |\n"} {
		if _, err := checkTables(ragged, 1); err == nil {
			t.Errorf("checkTables accepted a ragged table:\n%s", ragged)
		}
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestTextReportsWriteErrors(t *testing.T) {
	d := openDeck(t, mixedDeck)
	err := Text(context.Background(), &failingWriter{n: 100}, d, TextOptions{Width: 80})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Text to a failing writer = %v; want the write error", err)
	}
}

func TestTextStopsWhenCancelled(t *testing.T) {
	d := openDeck(t, mixedDeck)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	if err := Text(ctx, &b, d, TextOptions{Width: 80}); !errors.Is(err, context.Canceled) {
		t.Errorf("Text with a cancelled context = %v", err)
	}
	if strings.Contains(b.String(), "── 1/") {
		t.Error("a cancelled export still wrote slides")
	}
}

func TestTextRejectsBadWidth(t *testing.T) {
	d := openDeck(t, mixedDeck)
	var b strings.Builder
	if err := Text(context.Background(), &b, d, TextOptions{Width: 19}); err == nil || b.Len() > 0 {
		t.Errorf("Text at width 19 = %v, wrote %d bytes", err, b.Len())
	}
}

func TestWritersRejectBadSelection(t *testing.T) {
	d := openDeck(t, mixedDeck)
	for _, sel := range [][]int{{-1}, {0, 6}} {
		var b strings.Builder
		if err := Text(context.Background(), &b, d, TextOptions{Width: 80, Slides: sel}); err == nil || b.Len() > 0 {
			t.Errorf("Text with slides %v = %v, wrote %d bytes", sel, err, b.Len())
		}
		if err := Markdown(context.Background(), &b, d, sel); err == nil || b.Len() > 0 {
			t.Errorf("Markdown with slides %v = %v, wrote %d bytes", sel, err, b.Len())
		}
	}
}

// The export header and the slide name a title alike: one function turns
// the heading into text for both (a header once kept `\&` and `&amp;`).
func TestTitleEscapesInHeaderAndSlide(t *testing.T) {
	d, err := deck.Parse("t.md", []byte("# Q\\&A &amp; more\n\ntext\n"))
	if err != nil {
		t.Fatal(err)
	}
	const want = "Q&A & more"
	if out := exportText(t, d, TextOptions{Width: 60}); !strings.Contains(out, "── 1/1 · "+want+" ─") {
		t.Errorf("export header does not name %q:\n%s", want, out)
	}
	r, err := render.New(d, render.Options{Theme: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Slide(0, 0, 60)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(p.Lines, "\n"), want) {
		t.Errorf("slide does not show %q:\n%s", want, strings.Join(p.Lines, "\n"))
	}
}
