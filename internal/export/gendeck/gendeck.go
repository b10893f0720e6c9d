// Package gendeck writes synthetic decks of any length, for benchmarks and
// for measuring the real binary on a long talk. The decks are deterministic
// and mix what costs the most to typeset: Chinese paragraphs, tables, lists
// with pauses, code, column layouts and multi-line notes.
package gendeck

import (
	"bufio"
	"fmt"
	"io"
)

// Write writes a deck of n slides to w.
func Write(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "---\ntitle: 生成的演示 %d 页\nauthor: gendeck\nduration: %dm\n---\n", n, n)
	for i := 1; i <= n; i++ {
		if i > 1 {
			bw.WriteString("\n---\n")
		}
		slide(bw, i)
	}
	return bw.Flush()
}

func slide(w *bufio.Writer, i int) {
	fmt.Fprintf(w, "\n# 第 %d 页：GPU 与数据中心（Slide %d）\n\n", i, i)
	switch i % 4 {
	case 0:
		fmt.Fprintf(w, "英伟达（NVIDIA）在第 %d 季度的数据中心收入继续增长，"+
			"CUDA 生态、NVLink 互联和 InfiniBand 网络共同构成了它的护城河。"+
			"Training large models needs thousands of GPUs working together for weeks.\n", i)
	case 1:
		w.WriteString("| 项目 | 数值 | 说明 |\n|---|---:|---|\n")
		for r := 0; r < 4; r++ {
			fmt.Fprintf(w, "| 指标 %d | %d 亿美元 | 同比增长 %d%% |\n", r+1, 100+i%97+r, (i*7+r)%400)
		}
	case 2:
		w.WriteString("- 为什么需要铲？\n\n<!-- pause -->\n\n- 为什么是英伟达的铲？\n\n<!-- pause -->\n\n- 这把铲能卖多久？\n")
	case 3:
		w.WriteString("<!-- column_layout: [1, 1] -->\n<!-- column: 0 -->\n**训练**：用数据开发出模型\n" +
			"<!-- column: 1 -->\n**推理**：用训练好的模型计算\n<!-- reset_layout -->\n\n" +
			"```go\nfor i := range gpus {\n    launch(i)\n}\n```\n")
	}
	fmt.Fprintf(w, "\n<!-- speaker_note:\n第 %d 页的备注：先讲结论，再讲数据。\nKeep it under a minute.\n-->\n<!-- time: %ds -->\n", i, 30+i%60)
}
