package render

import (
	"reflect"
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"latin words", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"han breaks anywhere", "一二三四五六七八", 6, []string{"一二三", "四五六", "七八"}},
		// glamour moves the whole CJK run after "GPU" to the next line.
		{"cjk after latin word", "GPU 配合 CPU 是AI芯片的主流", 12, []string{"GPU 配合 CPU", "是AI芯片的主", "流"}},
		{"comma never starts a line", "一二三四五，六", 10, []string{"一二三四", "五，六"}},
		{"full stop never starts a line", "一二三四五。", 10, []string{"一二三四", "五。"}},
		{"closing bracket never starts a line", "一二（三四）五", 10, []string{"一二（三", "四）五"}},
		{"opening bracket never ends a line", "一二三四（五六）", 10, []string{"一二三四", "（五六）"}},
		{"opening quote never ends a line", "一二三四“五六”", 10, []string{"一二三四", "“五六”"}},
		{"closing quote never starts a line", "一二三四”五", 8, []string{"一二三", "四”五"}},
		{"ellipsis after a space", "一二三 …", 7, []string{"一二", "三 …"}},
		{"latin word kept whole", "芯片CUDA生态", 6, []string{"芯片", "CUDA生", "态"}},
		{"number and unit kept whole", "参数1750亿个", 6, []string{"参数", "1750亿", "个"}},
		{"hyphenated word kept whole", "采用RISC-V架构", 8, []string{"采用", "RISC-V架", "构"}},
		{"word wider than the width", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"split word keeps kinsoku", "ABCDE，", 5, []string{"ABCD", "E，"}},
		{"split word ends no line with an opening mark", "XYZ(ABC", 4, []string{"XYZ", "(ABC"}},
		{"newlines kept", "ab\n\ncd\n", 10, []string{"ab", "", "cd", ""}},
		{"empty", "", 10, []string{""}},
		{"hanging space", "ab cd", 2, []string{"ab", "cd"}},
		{"emoji zwj sequence is one grapheme", "👩‍💻👩‍💻👩‍💻", 4, []string{"👩‍💻👩‍💻", "👩‍💻"}},
		{"ambiguous counts one", "①②③④", 2, []string{"①②", "③④"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WrapText(tt.text, tt.width)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("WrapText(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestWrapTextAmbiguousWide(t *testing.T) {
	got := WrapTextAmbiguous("①②③④", 4, 2)
	want := []string{"①②", "③④"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStringWidth(t *testing.T) {
	tests := []struct {
		s        string
		one, two int
	}{
		{"abc", 3, 3},
		{"中文", 4, 4},
		{"“引”", 4, 6},
		{"→∝①", 3, 6},
		{"\x1b[1;31m红\x1b[0m", 2, 2},
		{"e\u0301", 1, 1},  // combining acute accent
		{"👩‍💻", 2, 2},      // ZWJ sequence
		{"🇨🇳", 2, 2},       // flag
		{"a\u200db", 2, 2}, // zero-width joiner between letters
		{"ｱｲｳ", 3, 3},      // halfwidth katakana
		{"한국어", 6, 6},      // Hangul
		{"\x1b]8;;https://x.y\x1b\\link\x1b]8;;\x1b\\", 4, 4}, // OSC 8 hyperlink
	}
	for _, tt := range tests {
		if got := StringWidth(tt.s); got != tt.one {
			t.Errorf("StringWidth(%q) = %d, want %d", tt.s, got, tt.one)
		}
		if got := StringWidthAmbiguous(tt.s, 2); got != tt.two {
			t.Errorf("StringWidthAmbiguous(%q, 2) = %d, want %d", tt.s, got, tt.two)
		}
	}
}

// TestStringWidthIgnoresLocale: go-runewidth (behind maaslalani/slides)
// counts ambiguous characters as 2 under a CJK LANG; StringWidth never does.
func TestStringWidthIgnoresLocale(t *testing.T) {
	for _, v := range []string{"LANG", "LC_ALL", "LC_CTYPE"} {
		t.Setenv(v, "zh_CN.UTF-8")
	}
	t.Setenv("RUNEWIDTH_EASTASIAN", "1")
	if got := StringWidth("“①→”"); got != 4 {
		t.Errorf("StringWidth under zh_CN = %d, want 4", got)
	}
	if got := strings.Join(WrapText("“①→”“①→”", 4), "|"); got != "“①→”|“①→”" {
		t.Errorf("WrapText under zh_CN = %q", got)
	}
}
