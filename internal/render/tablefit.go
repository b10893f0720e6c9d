package render

// fitWidths improves a table's column widths so the table takes as few
// lines as possible. shareWidths gives each column a proportional share,
// which can wrap two columns where moving a few cells from one to the other
// would wrap none: in the chip table at 80 columns, 优势 holds room it does
// not need while 劣势 wraps "研发周期长、不可更改". Widths stay between each
// column's longest unbreakable run and its one-line width, so no word is
// ever split to save a line.
func (ts *typesetter) fitWidths(rows [][]cell, widths, minW, maxW []int) []int {
	w := append([]int(nil), widths...)
	cols := len(w)
	memo := make([]map[int][]int, cols)
	// lines returns how many lines each row's cell in column c takes at
	// width x.
	lines := func(c, x int) []int {
		if memo[c] == nil {
			memo[c] = map[int][]int{}
		}
		if ls, ok := memo[c][x]; ok {
			return ls
		}
		ls := make([]int, len(rows))
		for r, row := range rows {
			ls[r] = 1
			if c < len(row) && len(row[c].gs) > 0 {
				ts.spans = fill(ts.spans[:0], row[c].gs, x)
				ls[r] = max(1, len(ts.spans))
			}
		}
		memo[c][x] = ls
		return ls
	}
	height := func(w []int) int {
		total := 0
		for r := range rows {
			h := 1
			for c := range w {
				h = max(h, lines(c, w[c])[r])
			}
			total += h
		}
		return total
	}

	best := height(w)
	// Each accepted move lowers the height by at least one line, so the
	// loop ends after at most as many moves as the table has lines.
	for {
		var move struct{ to, from, k int }
		for to := range w {
			// The next width at which column to needs fewer lines.
			k := 0
			cur := lines(to, w[to])
			for x := w[to] + 1; x <= maxW[to]; x++ {
				if fewer(lines(to, x), cur) {
					k = x - w[to]
					break
				}
			}
			if k == 0 {
				continue
			}
			for from := range w {
				if from == to || w[from]-k < minW[from] {
					continue
				}
				w[to], w[from] = w[to]+k, w[from]-k
				if h := height(w); h < best {
					best, move.to, move.from, move.k = h, to, from, k
				}
				w[to], w[from] = w[to]-k, w[from]+k
			}
		}
		if move.k == 0 {
			return w
		}
		w[move.to] += move.k
		w[move.from] -= move.k
	}
}

// fewer reports whether some row takes fewer lines in a than in b.
func fewer(a, b []int) bool {
	for i := range a {
		if a[i] < b[i] {
			return true
		}
	}
	return false
}
