package util

//go:generate go run ../_tools unicode-case-folding-map -o ../_tools/unicode-case-folding-map.json
//go:generate go run ../_tools emb-structs -i ../_tools/unicode-case-folding-map.json -o ./unicode_case_folding.gen.go

import "sync" // shovel: the map is built on first use

// shovel: built on first use (the first non-ASCII letter in a link label)
// rather than in init: 1,530 entries, ~140 KB and ~1 ms of every start.
var unicodeCaseFoldings = sync.OnceValue(buildUnicodeCaseFoldings)

func buildUnicodeCaseFoldings() map[rune][]rune {
	foldings := make(map[rune][]rune, _unicodeCaseFoldingLength)
	cTo := 0
	for i := range _unicodeCaseFoldingLength {
		tTo := cTo + int(_unicodeCaseFoldingToIndex[i])
		to := _unicodeCaseFoldingTo[cTo:tTo]
		foldings[_unicodeCaseFoldingFrom[i]] = to
		cTo = tTo
	}
	return foldings
}
