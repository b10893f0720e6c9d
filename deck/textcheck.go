package deck

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text pasted from a PDF carries look-alike characters: Kangxi radicals
// (U+2F00–U+2FDF) and CJK radical supplement forms (U+2E80–U+2EFF) that
// render like ordinary ideographs but do not search, sort or read aloud
// like them, and U+FFFD where the extractor lost a character.

// kangxiFix is the ordinary (simplified) character for each Kangxi
// radical, U+2F00 onwards. NFKC is not used: it turns some into
// traditional forms (⻓ → 長). (Arrays, not a map: a package-level map is
// built at every start-up.)
var kangxiFix = [...]rune{
	'一', '丨', '丶', '丿', '乙', '亅', '二', '亠', '人', '儿', '入', '八', '冂', '冖', '冫', '几',
	'凵', '刀', '力', '勹', '匕', '匚', '匸', '十', '卜', '卩', '厂', '厶', '又', '口', '囗', '土',
	'士', '夂', '夊', '夕', '大', '女', '子', '宀', '寸', '小', '尢', '尸', '屮', '山', '巛', '工',
	'己', '巾', '干', '幺', '广', '廴', '廾', '弋', '弓', '彐', '彡', '彳', '心', '戈', '户', '手',
	'支', '攴', '文', '斗', '斤', '方', '无', '日', '曰', '月', '木', '欠', '止', '歹', '殳', '毋',
	'比', '毛', '氏', '气', '水', '火', '爪', '父', '爻', '爿', '片', '牙', '牛', '犬', '玄', '玉',
	'瓜', '瓦', '甘', '生', '用', '田', '疋', '疒', '癶', '白', '皮', '皿', '目', '矛', '矢', '石',
	'示', '禸', '禾', '穴', '立', '竹', '米', '糸', '缶', '网', '羊', '羽', '老', '而', '耒', '耳',
	'聿', '肉', '臣', '自', '至', '臼', '舌', '舛', '舟', '艮', '色', '艸', '虍', '虫', '血', '行',
	'衣', '襾', '见', '角', '言', '谷', '豆', '豕', '豸', '贝', '赤', '走', '足', '身', '车', '辛',
	'辰', '辵', '邑', '酉', '釆', '里', '金', '长', '门', '阜', '隶', '隹', '雨', '青', '非', '面',
	'革', '韦', '韭', '音', '页', '风', '飞', '食', '首', '香', '马', '骨', '高', '髟', '斗', '鬯',
	'鬲', '鬼', '鱼', '鸟', '卤', '鹿', '麦', '麻', '黄', '黍', '黑', '黹', '黾', '鼎', '鼓', '鼠',
	'鼻', '齐', '齿', '龙', '龟', '龠',
}

// supplementFix: the CJK radicals supplement forms seen in PDF extractions,
// look-alike first.
var supplementFix = [...][2]rune{
	{'⻓', '长'}, {'⻔', '门'}, {'⻋', '车'}, {'⻅', '见'}, {'⻘', '青'}, {'⻝', '食'}, {'⻢', '马'}, {'⻥', '鱼'},
	{'⻦', '鸟'}, {'⻬', '齐'}, {'⻮', '齿'}, {'⻰', '龙'}, {'⻆', '角'}, {'⻜', '飞'}, {'⻚', '页'}, {'⻛', '风'},
	{'⻉', '贝'}, {'⺠', '民'}, {'⻣', '骨'}, {'⻤', '鬼'}, {'⻩', '黄'}, {'⻨', '麦'}, {'⻙', '韦'}, {'⺟', '母'},
	{'⺣', '灬'}, {'⺮', '竹'}, {'⻖', '阝'}, {'⺁', '厂'}, {'⺇', '几'},
}

// RadicalFix returns the ordinary character for a radical look-alike.
func RadicalFix(r rune) (rune, bool) {
	var f rune
	if i := int(r) - 0x2F00; i >= 0 && i < len(kangxiFix) {
		f = kangxiFix[i]
	} else {
		for _, p := range supplementFix {
			if p[0] == r {
				f = p[1]
				break
			}
		}
	}
	return f, f != 0 && f != r
}

// IsRadical reports whether r is a Kangxi radical or a CJK radical
// supplement character.
func IsRadical(r rune) bool {
	return (r >= 0x2F00 && r <= 0x2FDF) || (r >= 0x2E80 && r <= 0x2EFF)
}

// textChecks warns about PDF-extraction damage in a file, one diagnostic
// per damaged character so that each points at a place to fix: text pasted
// from a PDF often has several on one line, and fixing only the first
// would leave the rest unreported until the next lint.
func textChecks(display, text string) []Diagnostic {
	var out []Diagnostic
	for i, line := range strings.Split(text, "\n") {
		col := 0
		for _, r := range line {
			col++
			p := Pos{File: display, Line: i + 1, Col: col}
			switch {
			case r == utf8.RuneError:
				out = append(out, Diagnostic{Pos: p, Severity: Warning,
					Message: "U+FFFD replacement character: a character was lost here (text pasted from a PDF?)"})
			case r == twoEmDash:
				out = append(out, Diagnostic{Pos: p, Severity: Warning,
					Message: "⸺ (U+2E3A) is how PDF extraction renders a Chinese dash; write —— (two U+2014)"})
			case IsRadical(r):
				msg := fmt.Sprintf("%c (U+%04X) is a radical look-alike, not an ordinary character", r, r)
				if f, ok := RadicalFix(r); ok {
					msg += fmt.Sprintf("; write %c (U+%04X)", f, f)
				}
				out = append(out, Diagnostic{Pos: p, Severity: Warning, Message: msg})
			}
		}
	}
	return append(out, controlChecks(display, text)...)
}

const twoEmDash = '⸺'

// Repair replaces the PDF look-alikes that have exactly one right answer:
// radical look-alikes become the ordinary characters and ⸺ becomes ——. It
// returns the repaired text and how many characters it replaced. U+FFFD is
// left alone: only a person can tell which character was lost.
func Repair(text string) (string, int) {
	n := 0
	var b strings.Builder
	for i, r := range text {
		fix, ok := RadicalFix(r)
		switch {
		case ok:
			if n == 0 {
				b.Grow(len(text))
				b.WriteString(text[:i])
			}
			b.WriteRune(fix)
			n++
		case r == twoEmDash:
			if n == 0 {
				b.Grow(len(text))
				b.WriteString(text[:i])
			}
			b.WriteString("——")
			n++
		case n > 0:
			b.WriteRune(r)
		}
	}
	if n == 0 {
		return text, 0
	}
	return b.String(), n
}
