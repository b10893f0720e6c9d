package slides_test

// The deck as a talk: it tells the audience what a figure rests on, leads
// from one part to the next and ends by answering the question it asked.

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/slides"
)

// maxBodyHan is the most Chinese characters a slide shows: past it the
// audience reads instead of listening.
const maxBodyHan = 140

// spellingsTable is one spelling per term on the slides and in the notes.
// Product names keep their maker's spelling (NVIDIA Grace).
var spellingsTable = []spelling{
	{regexp.MustCompile(`(?i)scaling\s*laws?`), regexp.MustCompile(`^Scaling Law$`)},
	{regexp.MustCompile(`(?i)\barm\b`), regexp.MustCompile(`^Arm$`)},
	{regexp.MustCompile(`(?i)nvidia(?: grace)?|英伟达`), regexp.MustCompile(`^(英伟达|NVIDIA Grace)$`)},
	{regexp.MustCompile(`(?i)infini\s*band`), regexp.MustCompile(`^InfiniBand$`)},
	{regexp.MustCompile(`分工分时|分时分工`), regexp.MustCompile(`^分工分时$`)},
	{regexp.MustCompile(`互联|互连(?:[^接]|$)`), regexp.MustCompile(`^互联$`)}, // 相互连接 is no term
	{regexp.MustCompile(`(?i)rt\s*cores?`), regexp.MustCompile(`^RT Core$`)},
	{regexp.MustCompile(`\d+\s*[年月]`), regexp.MustCompile(`^\d+[年月]$`)},
}

func TestOneSpellingPerTerm(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		text := s.Title + "\n" + body(s) + "\n" + s.Notes
		if p := spellingProblems(text, spellingsTable); len(p) > 0 {
			t.Errorf("%s %q: other spellings %q", s.File, s.Title, p)
		}
	}
}

// A presenter reads notes aloud; an editor's remark belongs in a plain
// comment, which the audience does not see either.
func TestEditorsRemarksAreNeitherNotesNorShown(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		if strings.Contains(s.Notes, "整理说明") || strings.Contains(body(s), "整理说明") {
			t.Errorf("%s %q: an editor's remark (整理说明) is in the notes or on the slide", s.File, s.Title)
		}
	}
}

// Characters lost in the PDF were restored, and one word rewritten, from
// outside the source's text: each is disclosed in an editor's comment.
func TestEditorsCommentsDiscloseRepairs(t *testing.T) {
	names, err := fs.Glob(slides.FS(), "*.md")
	if err != nil {
		t.Fatal(err)
	}
	var comments []string
	for _, name := range names {
		src, err := fs.ReadFile(slides.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		comments = append(comments, editorsComments(string(src))...)
	}
	all := strings.Join(comments, "\n")
	for _, repair := range []string{"BlueField-2", "x86", "NVLink-C2C", "GeForce 50", "工业体系", "432"} {
		if !strings.Contains(all, repair) {
			t.Errorf("no editor's comment (<!-- 整理说明：… -->) discloses %q", repair)
		}
	}
	if len(comments) < 7 {
		t.Errorf("%d editor's comments, want the deck-wide one and one per repaired slide", len(comments))
	}
}

// The agenda asks "为什么需要铲？": the audience must have met the shovel
// seller before.
func TestMetaphorBeforeAgenda(t *testing.T) {
	d := openDeck(t)
	agenda := slideWith(d, func(s *deck.Slide) bool { return strings.Contains(body(s), "为什么需要铲？") })
	seller := slideWith(d, func(s *deck.Slide) bool { return strings.Contains(body(s), "卖铲人") })
	if agenda < 0 || seller < 0 || seller > agenda {
		t.Errorf("卖铲人 first shown on slide %d, the agenda is slide %d", seller+1, agenda+1)
	}
}

// 曼德勃罗 is a name the audience has not heard: the notes say what it is,
// in the source's words, where it first appears.
func TestMandelbrotIntroduced(t *testing.T) {
	d := openDeck(t)
	i := slideWith(d, func(s *deck.Slide) bool {
		return strings.Contains(body(s)+s.Notes, "曼德勃罗")
	})
	if i < 0 {
		t.Fatal("no slide mentions 曼德勃罗")
	}
	first := sentenceWith(d.Slides[i].Notes, "曼德勃罗")
	if !strings.Contains(first, "核心厂商、架构制定者、通用模型提供商") {
		t.Errorf("slide %d: the notes first name 曼德勃罗 without saying what it is: %q", i+1, first)
	}
}

// Forecasts are the source author's ("我们预计"), and what the source says
// of its own time is marked as such.
func TestForecastsAttributedAndDated(t *testing.T) {
	d := openDeck(t)
	i := slideWith(d, func(s *deck.Slide) bool { return strings.Contains(s.Title, "盈利业务") })
	if i < 0 {
		t.Fatal("no 盈利业务 slide")
	}
	s := d.Slides[i]
	if !strings.Contains(body(s), "我们预计") {
		t.Errorf("盈利业务: the table does not say whose forecast it is (我们预计)")
	}
	if n, ours := strings.Count(s.Notes, "预计"), strings.Count(s.Notes, "我们预计"); n != ours || ours < 4 {
		t.Errorf("盈利业务 notes: %d forecasts, %d of them 我们预计; want every one attributed, one per business", n, ours)
	}
	timeBound := []string{"GPT-4o", "17年积累", "或延迟量产"}
	for _, s := range d.Slides {
		for _, p := range timeBound {
			if strings.Contains(body(s), p) && !strings.Contains(body(s), "原稿成稿时") {
				t.Errorf("%q shows %q without dating it (原稿成稿时)", s.Title, p)
			}
		}
	}
}

// The threat section opens by naming what the bullish case rests on.
func TestBridgeIntoThreats(t *testing.T) {
	d := openDeck(t)
	i := slideWith(d, func(s *deck.Slide) bool { return s.Title == "自成长模型对英伟达的冲击" })
	if i < 0 {
		t.Fatal("no divider 自成长模型对英伟达的冲击")
	}
	b := body(d.Slides[i])
	for _, p := range []string{"Scaling Law", "CUDA", "？"} {
		if !strings.Contains(b, p) {
			t.Errorf("the divider into the threats lacks %q: %q", p, b)
		}
	}
}

// The talk ends on the agenda's third question, answered by setting what
// supports today's value against what threatens the moat.
func TestClosingSlideAnswersAgenda(t *testing.T) {
	d := openDeck(t)
	last := d.Slides[len(d.Slides)-1]
	if last.Title != "这把铲能卖多久？" {
		t.Fatalf("the talk ends on %q, not on the agenda's 这把铲能卖多久？", last.Title)
	}
	for _, side := range []struct{ earlier, phrase string }{
		{"盈利基石：软件生态与需求粘性", "需求粘性"},
		{"打破CUDA生态", "跨越英伟达核心护城河"},
	} {
		i := slideWith(d, func(s *deck.Slide) bool { return s.Title == side.earlier })
		if i < 0 || !strings.Contains(body(d.Slides[i]), side.phrase) {
			t.Errorf("slide %q does not show %q", side.earlier, side.phrase)
		}
		if !strings.Contains(body(last), side.phrase) {
			t.Errorf("the closing slide does not take up %q from %q", side.phrase, side.earlier)
		}
	}
	if !strings.Contains(body(last), "算法") || !strings.HasPrefix(strings.TrimSpace(last.Notes), "回到开头的问题：这把铲能卖多久？") {
		t.Errorf("the closing slide does not answer in the source's terms (算法) or restate the question in its notes")
	}
}

func TestLabelsStandOnTheirOwnLines(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		for _, p := range labelProblems(body(s)) {
			t.Errorf("%q: label runs into the next line: %q", s.Title, p)
		}
	}
}

func TestSlidesAreNotDense(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		if n := hanCount(body(s)); n > maxBodyHan {
			t.Errorf("%q shows %d Chinese characters, want at most %d: split or trim it", s.Title, n, maxBodyHan)
		}
	}
}

// charsPerMinute is how fast a presenter reads Chinese notes aloud.
const charsPerMinute = 240

// Every slide's notes can be said within its time budget.
func TestNotesFitTimeBudgets(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		need := time.Duration(spokenLength(s.Notes)) * time.Minute / charsPerMinute
		if need > s.Time {
			t.Errorf("%q: notes take %v to read at %d characters a minute, budget %v", s.Title, need.Round(time.Second), charsPerMinute, s.Time)
		}
	}
}

func slideWith(d *deck.Deck, ok func(*deck.Slide) bool) int {
	for i, s := range d.Slides {
		if ok(s) {
			return i
		}
	}
	return -1
}

// sentenceWith returns the first sentence of text containing word.
func sentenceWith(text, word string) string {
	for _, s := range sentenceRe.Split(text, -1) {
		if strings.Contains(s, word) {
			return s
		}
	}
	return ""
}
