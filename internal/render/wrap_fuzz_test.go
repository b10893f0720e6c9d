package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"shovel/internal/termsafe"
)

func FuzzWrap(f *testing.F) {
	seeds := []string{
		"在当前阶段，GPU 配合 CPU 是AI芯片的主流。",
		"英伟达的CUDA生态（包括cuDNN、TensorRT）已有1750亿参数的模型和RISC-V架构。",
		"“引用文字”很好。……等等！（注：见下文）",
		"日本語の文章、句読点。ァィゥ「かぎ括弧」です。",
		"한국어 문장은 띄어쓰기를 합니다. 그렇지요?",
		"emoji 👩‍💻 and flags 🇨🇳🇯🇵 e\u0301 ① → ∝",
		"a\n\nb\r\nc\u2028d",
		"supercalifragilisticexpialidocious",
		"，，，，，，，，，，（（（（（（（",
	}
	for i, s := range seeds {
		f.Add(s, 1+i*3)
	}
	// Issue 12: a C1 control was drawn as U+FFFD counted 1 cell, but U+FFFD
	// is ambiguous, 2 cells under ambiguous width 2: a 4-cell line at 3.
	f.Add("0\u00800", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) || width < 1 || width > 300 {
			t.Skip()
		}
		for _, amb := range []int{1, 2} {
			m := newMeasurer(amb)
			gs := m.appendGlyphs(nil, text, "")
			spans := fill(nil, gs, width)
			for _, e := range checkFill(gs, spans, width) {
				t.Errorf("amb %d, width %d, %q: %s", amb, width, text, e)
			}
			lines := wrapPlain(m, text, width)
			for _, l := range lines {
				if w := m.text(l); w > width && len(gs) > 0 && !singleGrapheme(l) {
					t.Errorf("line %q is %d cells, width %d", l, w, width)
				}
			}
			// Nothing but spaces and line breaks may be lost.
			if got, want := removeSpace(strings.Join(lines, "")), removeSpace(termsafe.Text(text)); got != want {
				t.Errorf("amb %d, width %d: lost text\n got %q\nwant %q", amb, width, got, want)
			}
		}
	})
}

func singleGrapheme(s string) bool {
	return len(newMeasurer(1).appendGlyphs(nil, s, "")) <= 1
}
