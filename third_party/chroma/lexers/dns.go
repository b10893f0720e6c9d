package lexers

import (
	"regexp"
	"sync" // shovel: see zoneAnalyserRe
)

// TODO(moorereason): can this be factored away?
// shovel: compiled on first use, not at package init (every start paid).
var zoneAnalyserRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^@\s+IN\s+SOA\s+`) })

func init() { // nolint: gochecknoinits
	// shovel: on first use of the registry, not at init (Get would load it)
	afterLoad = append(afterLoad, func(Get lexerGetter) {
		Get("dns").SetAnalyser(func(text string) float32 {
			if zoneAnalyserRe().FindString(text) != "" { // shovel: a sync.OnceValue
				return 1.0
			}
			return 0.0
		})
	})
}
