package runewidth

// shovel: this file is not upstream's. It checks the block-by-block build
// of strictWidthLUT (see strictWidthBlockBits in runewidth.go).

import (
	"os"
	"os/exec"
	"testing"
)

// TestShovelFirstLookupBuildsOneBlock runs itself in a new process, where
// no test has built the table yet: measuring a Chinese rune must paint the
// one block it is in, of the one plane asked for, and give the width the
// interval search gives. Upstream's build painted all 2 × 272 blocks.
func TestShovelFirstLookupBuildsOneBlock(t *testing.T) {
	if os.Getenv("SHOVEL_RUNEWIDTH_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestShovelFirstLookupBuildsOneBlock$", "-test.count=1")
		cmd.Env = append(os.Environ(), "SHOVEL_RUNEWIDTH_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("in a new process: %v\n%s", err, out)
		}
		return
	}
	c := &Condition{StrictEmojiNeutral: true}
	if got := built(); got != 0 {
		t.Fatalf("%d blocks built before any lookup, want 0", got)
	}
	for _, r := range "中文字" { // U+4E2D, U+6587, U+5B57: blocks 4, 6 and 5
		if got, want := c.RuneWidth(r), runeWidthNoLUT(r, false, true); got != want {
			t.Errorf("RuneWidth(%U) = %d, want %d", r, got, want)
		}
	}
	if got := built(); got != 3 {
		t.Errorf("%d blocks built after three lookups in three blocks, want 3", got)
	}
	if strictWidthLUTLimit.Load() != 0x300 {
		t.Errorf("limit %#x, want 0x300 (the whole table is not built)", strictWidthLUTLimit.Load())
	}
	// Within a built block every rune agrees with the interval search, on
	// both sides of the limit's low region, and the other plane is still
	// untouched.
	for r := rune(0x4000); r < 0x5000; r++ {
		if got, want := c.RuneWidth(r), runeWidthNoLUT(r, false, true); got != want {
			t.Errorf("RuneWidth(%U) = %d, want %d", r, got, want)
		}
	}
	for _, b := range strictWidthBlockBuilt[1] {
		if b.Load() {
			t.Fatal("a block of the East Asian plane was built for a lookup in the other")
		}
	}
	// Block 0 straddles the region init fills: its build must leave that
	// region alone and fill the rest.
	ea := &Condition{EastAsianWidth: true, StrictEmojiNeutral: true}
	for r := rune(0); r < strictWidthBlockSize; r++ {
		if got, want := ea.RuneWidth(r), runeWidthNoLUT(r, true, true); got != want {
			t.Errorf("East Asian RuneWidth(%U) = %d, want %d", r, got, want)
		}
	}
}

func built() int {
	n := 0
	for p := range strictWidthBlockBuilt {
		for i := range strictWidthBlockBuilt[p] {
			if strictWidthBlockBuilt[p][i].Load() {
				n++
			}
		}
	}
	return n
}
