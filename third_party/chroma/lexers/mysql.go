package lexers

import (
	"regexp"
	"sync" // shovel: see below
)

var (
	// shovel: compiled on first use, not at package init (every start paid).
	mysqlAnalyserNameBetweenBacktickRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`[a-zA-Z_]\\w*`") })
	mysqlAnalyserNameBetweenBracketRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[[a-zA-Z_]\w*\]`) })
)

func init() { // nolint: gochecknoinits
	// shovel: on first use of the registry, not at init (Get would load it)
	afterLoad = append(afterLoad, func(Get lexerGetter) {
		Get("mysql").
			SetAnalyser(func(text string) float32 {
				nameBetweenBacktickCount := len(mysqlAnalyserNameBetweenBacktickRe().FindAllString(text, -1)) // shovel: a sync.OnceValue
				nameBetweenBracketCount := len(mysqlAnalyserNameBetweenBracketRe().FindAllString(text, -1))   // shovel: a sync.OnceValue

				var result float32

				// Same logic as above in the TSQL analysis.
				dialectNameCount := nameBetweenBacktickCount + nameBetweenBracketCount
				if dialectNameCount >= 1 && nameBetweenBacktickCount >= (2*nameBetweenBracketCount) {
					// Found at least twice as many `name` as [name].
					result += 0.5
				} else if nameBetweenBacktickCount > nameBetweenBracketCount {
					result += 0.2
				} else if nameBetweenBacktickCount > 0 {
					result += 0.1
				}

				return result
			})
	})
}
