package slides_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"shovel/deck"
	"shovel/slides"
)

// The audience reads the deck from a 100×30 terminal: these are the limits
// the slides are written to until the renderer can check real output.
const (
	maxBodyLines     = 18 // non-blank Markdown lines of a slide, notes excluded
	maxTableColumns  = 5  // columns of a table
	maxTableWidth    = 90 // cells: a table fits 100 columns, margins included, unwrapped
	maxCodeWidth     = 60 // cells; code blocks are never re-wrapped
	minSlides        = 28
	maxSlides        = 42 // the source's 39 pages, the closing slide and one split
	minNoteSentences = 2
	maxNoteSentences = 6
)

func openDeck(t *testing.T) *deck.Deck {
	t.Helper()
	d, err := deck.OpenFS(slides.FS(), ".", "slides")
	if err != nil {
		t.Fatalf("opening the built-in deck: %v", err)
	}
	return d
}

// body is the slide's audience-visible Markdown: every block, notes and
// directives excluded.
func body(s *deck.Slide) string {
	parts := make([]string, len(s.Blocks))
	for i, b := range s.Blocks {
		parts[i] = b.Markdown
	}
	return strings.Join(parts, "\n\n")
}

func TestFrontMatter(t *testing.T) {
	m := openDeck(t).Meta
	if m.Title != "英伟达市值" || m.SubTitle != "是什么支持了英伟达的市值？" {
		t.Errorf("title %q, sub_title %q", m.Title, m.SubTitle)
	}
	if m.Duration != 25*time.Minute {
		t.Errorf("duration %v, want 25m", m.Duration)
	}
}

func TestLintIsClean(t *testing.T) {
	for _, diag := range openDeck(t).Diagnostics {
		t.Errorf("lint: %s", diag)
	}
}

func TestEverySlideHasTitleNotesAndTime(t *testing.T) {
	d := openDeck(t)
	if n := len(d.Slides); n < minSlides || n > maxSlides {
		t.Errorf("%d slides, want %d–%d", n, minSlides, maxSlides)
	}
	for _, s := range d.Slides {
		where := s.File + ": " + s.Title
		if !s.Heading {
			t.Errorf("%s: slide %d has no heading", where, s.Number)
		}
		if strings.TrimSpace(s.Notes) == "" {
			t.Errorf("%s: no speaker notes", where)
		} else if n := sentences(s.Notes); n < minNoteSentences || n > maxNoteSentences {
			t.Errorf("%s: notes have %d sentences, want %d–%d", where, n, minNoteSentences, maxNoteSentences)
		}
		if s.Time <= 0 {
			t.Errorf("%s: no time budget", where)
		}
	}
}

func TestTimeBudgetsFitDuration(t *testing.T) {
	d := openDeck(t)
	if total, want := d.TotalTime(), d.Meta.Duration; total != want {
		t.Errorf("time budgets sum to %v, want the duration, %v", total, want)
	}
}

func TestBodyFitsTerminal(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		if n := nonBlankLines(body(s)); n > maxBodyLines {
			t.Errorf("%s: %q has %d body lines, want at most %d", s.File, s.Title, n, maxBodyLines)
		}
	}
}

// sections are the source's sections, in the source's order; each must be
// (part of) a slide title, at or after the previous one.
var sections = []string{
	"英伟达市值", "英伟达的机遇", "企业价值来源", "AI时代的GPU需求",
	"AI时代红利——为什么需要“铲”？", "生成式AI引爆技术奇点", "AI能力质变", "Scaling Law",
	"原有认知 vs 当前现实", "算力需求", "为什么是GPU",
	"英伟达核心价值", "核心逻辑", "飞轮", "硬件层——三芯战略", "三芯分工",
	"硬件层——GPU", "硬件层——CPU", "硬件层——DPU", "NVLink与InfiniBand",
	"软件层", "应用工具层", "护城河", "应用层布局", "数字孪生和元宇宙", "空间智能",
	"长期成长——盈利预测", "盈利基石", "盈利业务",
	"自成长模型对英伟达的冲击", "突破Scaling Law", "自成长模块化大模型产业生态链", "打破CUDA生态",
}

func TestSectionsInSourceOrder(t *testing.T) {
	titles := titlesOf(openDeck(t))
	if missing := missingInOrder(titles, sections); len(missing) > 0 {
		t.Errorf("sections missing or out of order: %q\ntitles: %q", missing, titles)
	}
}

func titlesOf(d *deck.Deck) []string {
	out := make([]string, len(d.Slides))
	for i, s := range d.Slides {
		out[i] = s.Title
	}
	return out
}

func TestAgendaAndDividers(t *testing.T) {
	d := openDeck(t)
	first := body(d.Slides[0])
	if !strings.Contains(first, "是什么支持了英伟达的市值？") {
		t.Errorf("title slide lacks the sub-title: %q", first)
	}
	agenda := body(d.Slides[1])
	for _, q := range []string{"为什么需要铲？", "为什么是英伟达的铲？", "这把铲能卖多久？"} {
		if !strings.Contains(agenda, q) {
			t.Errorf("agenda lacks %q", q)
		}
	}
	// Each part is a file and opens with a centred divider.
	wantDividers := []string{"英伟达市值", "AI时代红利——为什么需要“铲”？", "英伟达核心价值",
		"长期成长——盈利预测", "自成长模型对英伟达的冲击"}
	var dividers []string
	seenFile := map[string]bool{}
	for _, s := range d.Slides {
		if s.JumpToMiddle {
			dividers = append(dividers, s.Title)
		}
		if !seenFile[s.File] {
			seenFile[s.File] = true
			if !s.JumpToMiddle {
				t.Errorf("%s starts with %q, not a divider", s.File, s.Title)
			}
		}
	}
	if strings.Join(dividers, "|") != strings.Join(wantDividers, "|") {
		t.Errorf("dividers %q, want %q", dividers, wantDividers)
	}
	if len(d.Files) != len(wantDividers) {
		t.Errorf("deck read from %d files, want one per part (%d)", len(d.Files), len(wantDividers))
	}
}

// The source is tabular in these places; each must be a real table.
var wantTables = []struct {
	name, slide     string
	header, rowKeys []string
}{
	{"milestones", "AI能力质变", []string{"时间节点", "里程碑事件", "意义"}, []string{"2020年", "2022.12", "现在"}},
	{"chip types", "为什么是GPU", []string{"芯片类型", "优势", "劣势", "适用阶段"}, []string{"CPU", "GPU", "FPGA", "ASIC"}},
	{"三芯", "三芯分工", []string{"芯片", "典型代表", "职责", "关键场景"}, []string{"CPU", "GPU", "DPU"}},
	{"software", "软件层", []string{"组件", "对应硬件", "核心功能", "一句话理解"}, []string{"CUDA", "DOCA", "RTX", "Magnum IO"}},
	{"数字孪生 vs 元宇宙", "数字孪生和元宇宙", []string{"", "数字孪生", "元宇宙"}, nil},
}

func TestSourceTablesAreTables(t *testing.T) {
	d := openDeck(t)
	for _, want := range wantTables {
		found := false
		for _, s := range d.Slides {
			if !strings.Contains(s.Title, want.slide) {
				continue
			}
			for _, tab := range tablesIn(body(s)) {
				if strings.Join(tab[0], "|") == strings.Join(want.header, "|") &&
					(want.rowKeys == nil || strings.Join(tab.firstColumn(), "|") == strings.Join(want.rowKeys, "|")) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no table with header %q and rows %q on slide %q", want.name, want.header, want.rowKeys, want.slide)
		}
	}
}

func TestTablesAreNarrow(t *testing.T) {
	for _, s := range openDeck(t).Slides {
		for _, tab := range tablesIn(body(s)) {
			if n := len(tab[0]); n > maxTableColumns {
				t.Errorf("%q: table has %d columns, want at most %d", s.Title, n, maxTableColumns)
			}
			if w := tab.width(); w > maxTableWidth {
				t.Errorf("%q: table %q is %d cells wide, want at most %d", s.Title, tab[0], w, maxTableWidth)
			}
		}
	}
}

var fenceRe = regexp.MustCompile("(?s)```[a-z]*\n(.*?)\n```")

// TestCodeBlocksNarrowAndAligned checks the diagrams: a code block is never
// re-wrapped, so it must fit, contain no East Asian ambiguous characters
// (their width depends on the terminal) and keep its box edges aligned.
func TestCodeBlocksNarrowAndAligned(t *testing.T) {
	blocks := 0
	for _, s := range openDeck(t).Slides {
		for _, m := range fenceRe.FindAllStringSubmatch(body(s), -1) {
			blocks++
			for _, p := range codeBlockProblems(m[1]) {
				t.Errorf("%q: %s", s.Title, p)
			}
		}
	}
	if blocks < 2 {
		t.Errorf("%d code blocks, want the layer diagram and the flywheel at least", blocks)
	}
}

func TestNoPDFDamage(t *testing.T) {
	names, err := fs.Glob(slides.FS(), "*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded files: %v", err)
	}
	for _, name := range names {
		src, err := fs.ReadFile(slides.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if p := pdfDamage(src); len(p) > 0 {
			t.Errorf("%s: %q", name, p)
		}
	}
}

// keyPhrases are distinctive phrases of the source (after repair): the
// talk's content must survive on the slides or in the notes.
var keyPhrases = []string{
	"卖铲人", "时代红利", "护城河", "长期成长", "算力严重不足", "大规模矩阵运算",
	"Scaling Law", "1750亿参数", "ChatGPT 3.5", "大力出奇迹", "边际收益递减",
	"训练", "推理", "集群计算", "谷歌TPU", "CUDA生态加持", "硬件定义能力边界",
	"更多开发者采用CUDA", "三芯", "BlueField-2", "NVIDIA Grace", "x86", "NVLink-C2C",
	"GPU-direct RDMA", "5-12倍", "生态离不开", "DOCA", "Magnum IO", "切换成本极高",
	"5000万+下载量", "DRIVE & Omniverse", "以虚强实", "空间智能", "世界模型",
	"多层次的护城河", "需求粘性", "30%-40%", "脑子清楚的AI", "逃出算力黑洞",
	"自成长模块化大模型产业生态链", "曼德勃罗", "即插即用", "跨越英伟达核心护城河",
}

func TestKeyPhrasesSurvive(t *testing.T) {
	var all strings.Builder
	for _, s := range openDeck(t).Slides {
		all.WriteString(body(s) + "\n" + s.Notes + "\n")
	}
	text := all.String()
	for _, p := range keyPhrases {
		if !strings.Contains(text, p) {
			t.Errorf("key phrase %q is on no slide and in no notes", p)
		}
	}
}
