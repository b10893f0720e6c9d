package render

import (
	"strings"
	"testing"
)

const fitChipTable = `| 芯片类型 | 优势 | 劣势 | 适用阶段 |
|---|---|---|---|
| CPU | 通用性强、生态成熟 | 并行能力弱 | 传统计算 |
| GPU | 并行能力强、生态成熟（CUDA） | 功耗大 | 当前AI主流 |
| FPGA | 灵活可编程 | 开发难度大 | 边缘推理 |
| ASIC | 功耗低、性能强 | 研发周期长、不可更改 | 特定场景（如谷歌TPU） |
`

// At 80 columns the chip table cannot give every row one line, but one
// wrapped row is enough: a proportional share wrapped two.
func TestTableWrapsAsFewRowsAsPossible(t *testing.T) {
	p := renderPlain(t, fitChipTable, 0, 0, 80)
	var rows []string
	for _, l := range p.Lines {
		if strings.Contains(l, "│") {
			rows = append(rows, strings.TrimSpace(l))
		}
	}
	// header + 4 body rows + one continuation line for GPU
	if len(rows) != 6 {
		t.Errorf("table takes %d text lines, want 6:\n%s", len(rows), strings.Join(p.Lines, "\n"))
	}
}

// fitWidths only moves width between columns: the total stays, each column
// stays between its longest word and its one-line width, and the table
// never gets taller than the proportional share made it.
func TestFitWidthsNeverTaller(t *testing.T) {
	m := newMeasurer(1)
	texts := [][]string{
		{"芯片类型", "优势", "劣势", "适用阶段"},
		{"CPU", "通用性强、生态成熟", "并行能力弱", "传统计算"},
		{"GPU", "并行能力强、生态成熟（CUDA）", "功耗大", "当前AI主流"},
		{"ASIC", "功耗低、性能强", "研发周期长、不可更改", "特定场景（如谷歌TPU）"},
		{"x", "Scaling Law 定律已经出现瓶颈，进入边际收益递减阶段", "", "RISC-V"},
	}
	var rows [][]cell
	cols := 4
	minW, maxW := make([]int, cols), make([]int, cols)
	for _, tr := range texts {
		var row []cell
		for i, s := range tr {
			gs := m.appendGlyphs(nil, s, "")
			mn, mx := measureGlyphs(gs)
			row = append(row, cell{gs: gs, minW: mn, maxW: mx})
			minW[i], maxW[i] = max(minW[i], mn, 1), max(maxW[i], mx, 1)
		}
		rows = append(rows, row)
	}
	height := func(w []int) int {
		total := 0
		for _, row := range rows {
			h := 1
			for c, cl := range row {
				h = max(h, len(fill(nil, cl.gs, w[c])))
			}
			total += h
		}
		return total
	}
	for avail := sum(minW); avail < sum(maxW); avail++ {
		share, ok := shareWidths(minW, maxW, avail)
		if !ok {
			t.Fatalf("avail %d: no share", avail)
		}
		fit := (&typesetter{}).fitWidths(rows, share, minW, maxW)
		if sum(fit) != sum(share) {
			t.Errorf("avail %d: widths sum %d, want %d", avail, sum(fit), sum(share))
		}
		for c := range fit {
			if fit[c] < minW[c] || fit[c] > maxW[c] {
				t.Errorf("avail %d: column %d width %d outside %d..%d", avail, c, fit[c], minW[c], maxW[c])
			}
		}
		if hf, hs := height(fit), height(share); hf > hs {
			t.Errorf("avail %d: fitted table %d lines, shared %d", avail, hf, hs)
		}
	}
}
