package export

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/internal/render"
)

func TestParseSlides(t *testing.T) {
	tests := []struct {
		spec string
		want []int
	}{
		{"1", []int{0}},
		{"3-5", []int{2, 3, 4}},
		{"3-7,12", []int{2, 3, 4, 5, 6, 11}},
		{" 12 , 3-4 ", []int{2, 3, 11}},
		{"2-4,3-5", []int{1, 2, 3, 4}},
		{"5-5", []int{4}},
		{"12", []int{11}},
	}
	for _, tt := range tests {
		got, err := ParseSlides(tt.spec, 12)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSlides(%q, 12) = %v, %v; want %v", tt.spec, got, err, tt.want)
		}
	}
}

func TestParseSlidesRejects(t *testing.T) {
	for spec, want := range map[string]string{
		"":      "empty",
		"0":     "outside the deck",
		"13":    "outside the deck",
		"3-13":  "outside the deck",
		"7-3":   "backwards",
		"a":     "malformed",
		"3-":    "malformed",
		"-3":    "malformed",
		"1,,2":  "malformed",
		"1-2-3": "malformed",
		"+2":    "malformed",
		"1.5":   "malformed",
	} {
		_, err := ParseSlides(spec, 12)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseSlides(%q, 12) error = %v; want one saying %q", spec, err, want)
		}
	}
}

func TestParseSteps(t *testing.T) {
	for in, want := range map[string]Steps{"final": StepsFinal, "all": StepsAll} {
		if got, err := ParseSteps(in); err != nil || got != want {
			t.Errorf("ParseSteps(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "ALL", "first", "2"} {
		if _, err := ParseSteps(in); err == nil {
			t.Errorf("ParseSteps(%q) accepted", in)
		}
	}
}

func TestCheckWidth(t *testing.T) {
	for w, ok := range map[int]bool{19: false, 20: true, 80: true, 1000: true, 1001: false, 0: false, -5: false} {
		if err := CheckWidth(w); (err == nil) != ok {
			t.Errorf("CheckWidth(%d) = %v", w, err)
		}
	}
}

func TestFormatDurationReadsBack(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second:               "30s",
		90 * time.Second:               "1m30s",
		25 * time.Minute:               "25m",
		time.Hour + 5*time.Minute:      "1h5m",
		2*time.Hour + 3*time.Second:    "2h3s",
		1500 * time.Millisecond:        "1.5s",
		time.Hour + 30*time.Minute + 1: "1h30m0.000000001s",
	} {
		got := formatDuration(d)
		if got != want {
			t.Errorf("formatDuration(%v) = %q; want %q", d, got, want)
		}
		if back, err := deck.ParseDuration(got); err != nil || back != d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", got, back, err, d)
		}
	}
}

func TestFormatSelection(t *testing.T) {
	for _, tt := range []struct {
		idx  []int
		want string
	}{
		{[]int{0}, "1"},
		{[]int{2, 3, 4, 5, 6, 11}, "3-7, 12"},
		{[]int{0, 2, 4}, "1, 3, 5"},
		{[]int{0, 1, 3, 4}, "1-2, 4-5"},
	} {
		if got := formatSelection(tt.idx); got != tt.want {
			t.Errorf("formatSelection(%v) = %q; want %q", tt.idx, got, tt.want)
		}
	}
}

func TestHeaderFillsWidth(t *testing.T) {
	for _, tt := range []struct {
		num, total  int
		title       string
		step, steps int
		width       int
		want        []string
	}{
		{3, 34, "为什么是GPU", 0, 0, 30, []string{"── 3/34 · 为什么是GPU ────────"}},
		{3, 34, "Why", 2, 3, 30, []string{"── 3/34 · Why (step 2/3) ─────"}},
		// Exactly the minimum tail of three rule characters.
		{1, 9, "abcdefghijklm", 0, 0, 26, []string{"── 1/9 · abcdefghijklm ───"}},
		// One cell less: the title moves to a line of its own, whole.
		{1, 9, "abcdefghijklm", 0, 0, 25, []string{"── 1/9 ──────────────────", "abcdefghijklm"}},
		{12, 34, "一个非常非常长的标题需要换行", 1, 2, 20, []string{
			"── 12/34 ───────────", "一个非常非常长的标题", "需要换行 (step 1/2)"}},
	} {
		got := newMeasure(1).header(tt.num, tt.total, tt.title, tt.step, tt.steps, tt.width)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("header(%d, %d, %q, %d, %d, %d) =\n%q\nwant\n%q", tt.num, tt.total, tt.title, tt.step, tt.steps, tt.width, got, tt.want)
		}
		if w := render.StringWidthAmbiguous(got[0], 1); w != tt.width {
			t.Errorf("header line %q is %d cells; want exactly %d", got[0], w, tt.width)
		}
	}
}

// A header never cuts a title, whatever the width.
func TestHeaderKeepsWholeTitle(t *testing.T) {
	titles := []string{"短", "为什么是GPU", "A rather long English title that goes on and on and on",
		"一个非常非常长的标题，用来测试导出时标题过长需要换行而不能被静默截断的情况"}
	for _, title := range titles {
		for width := MinWidth; width <= 120; width++ {
			lines := newMeasure(1).header(4321, 5000, title, 7, 12, width)
			joined := strings.Join(lines, "")
			if !strings.Contains(strings.ReplaceAll(joined, " ", ""), strings.ReplaceAll(title, " ", "")) {
				t.Fatalf("width %d: header %q lost part of the title %q", width, lines, title)
			}
			for _, l := range lines {
				if render.StringWidthAmbiguous(l, 1) > width {
					t.Fatalf("width %d: header line %q is %d cells", width, l, render.StringWidthAmbiguous(l, 1))
				}
			}
			if render.StringWidthAmbiguous(lines[0], 1) != width {
				t.Fatalf("width %d: header rule %q does not fill the width", width, lines[0])
			}
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain  ":                   "plain",
		"\x1b[1;31mred\x1b[0m text": "red text",
		"\x1b]8;;https://x.y\x07link\x1b]8;;\x07": "link",
		"\x1b]8;;https://x.y\x1b\\link":           "link",
		"bell\a and del\x7f":                      "bell and del",
		"中文\x1bM":                                 "中文",
		"ends with esc\x1b":                       "ends with esc",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q; want %q", in, got, want)
		}
	}
}

// Where the deck says ambiguous characters are wide, box-drawing rules and
// "·" would take two cells each; the header falls back to ASCII and still
// fills the width exactly by the deck's measure.
func TestHeaderAmbiguousWide(t *testing.T) {
	m := newMeasure(2)
	got := m.header(3, 34, "“引号”标题", 0, 0, 30)
	want := []string{"-- 3/34 | “引号”标题 -------"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("header at ambiguous width 2 = %q; want %q", got, want)
	}
	if w := render.StringWidthAmbiguous(got[0], 2); w != 30 {
		t.Errorf("header is %d cells at ambiguous width 2; want 30", w)
	}
}
