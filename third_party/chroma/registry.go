package chroma

import (
	"path/filepath"
	"sort"
	"strings"
	"sync" // shovel: lazy registries
)

var (
	ignoredSuffixes = [...]string{
		// Editor backups
		"~", ".bak", ".old", ".orig",
		// Debian and derivatives apt/dpkg/ucf backups
		".dpkg-dist", ".dpkg-old", ".ucf-dist", ".ucf-new", ".ucf-old",
		// Red Hat and derivatives rpm backups
		".rpmnew", ".rpmorig", ".rpmsave",
		// Build system input/template files
		".in",
	}
)

// LexerRegistry is a registry of Lexers.
type LexerRegistry struct {
	Lexers  Lexers
	byName  map[string]Lexer
	byAlias map[string]Lexer
	lazy    *lazyLexers // shovel: set by NewLazyLexerRegistry
}

// NewLexerRegistry creates a new LexerRegistry of Lexers.
func NewLexerRegistry() *LexerRegistry {
	return &LexerRegistry{
		byName:  map[string]Lexer{},
		byAlias: map[string]Lexer{},
	}
}

// shovel: lazyLexers is what a lazy registry defers: its first lexers,
// the lexers registered before it loaded, and what to do after.
type lazyLexers struct {
	once    sync.Once
	mu      sync.Mutex // guards loaded and pending
	loaded  bool
	load    func() []Lexer
	after   func(get func(name string) Lexer)
	pending []Lexer
	index   func(byAlias bool, key string) (lexer Lexer, ok bool) // see SetLazyIndex
	sealed  int                                                   // len(pending) when index was set
}

// shovel: SetLazyIndex lets a lazy registry's Get find a lexer by name or
// alias before it loads, so that a first lookup does not read every lexer.
// index(false, key) returns the lexer among load's that the loaded
// registry would map key to by name (true: by alias), the same instance
// load will return, or nil if none of load's lexers has that key; ok
// false means it cannot tell, and Get loads. Lexers registered before
// this call are looked at as the load would register them (after load's,
// so they win); a Register after it turns the shortcut off.
func (l *LexerRegistry) SetLazyIndex(index func(byAlias bool, key string) (lexer Lexer, ok bool)) {
	lz := l.lazy
	lz.mu.Lock()
	defer lz.mu.Unlock()
	lz.index = index
	lz.sealed = len(lz.pending)
}

// shovel: quickGet answers upstream's first four lookups in Get (name,
// alias, then both lower-cased) from the index and the pending lexers,
// without loading; nil when it cannot, or the name needs Match.
func (l *LexerRegistry) quickGet(name string) Lexer {
	lz := l.lazy
	if lz == nil {
		return nil
	}
	lz.mu.Lock()
	defer lz.mu.Unlock()
	if lz.loaded || lz.index == nil || len(lz.pending) != lz.sealed {
		return nil
	}
	lower := strings.ToLower(name)
	for _, q := range []struct {
		byAlias bool
		key     string
	}{{false, name}, {true, name}, {false, lower}, {true, lower}} {
		// The pending lexers register after load's: the last one with
		// the key would own it.
		for i := len(lz.pending) - 1; i >= 0; i-- {
			if hasKey(lz.pending[i].Config(), q.byAlias, q.key) {
				return lz.pending[i]
			}
		}
		lexer, ok := lz.index(q.byAlias, q.key)
		if !ok {
			return nil
		}
		if lexer != nil {
			lexer.SetRegistry(l)
			return lexer
		}
	}
	return nil
}

// shovel: hasKey reports whether register would map key to a lexer with
// this config, by name or by alias.
func hasKey(config *Config, byAlias bool, key string) bool {
	if !byAlias {
		return config.Name == key || strings.ToLower(config.Name) == key
	}
	for _, alias := range config.Aliases {
		if alias == key || strings.ToLower(alias) == key {
			return true
		}
	}
	return false
}

// shovel: NewLazyLexerRegistry returns a registry that is filled on first
// use of any of its methods but Register: with load's lexers, then the
// lexers registered before that, in order (the same registry as
// registering all of them eagerly would give); then after runs with a Get
// that does not load again (load and after must not call the registry's
// methods). Reading the Lexers field directly does not load.
func NewLazyLexerRegistry(load func() []Lexer, after func(get func(name string) Lexer)) *LexerRegistry {
	l := NewLexerRegistry()
	l.lazy = &lazyLexers{load: load, after: after}
	return l
}

// shovel: resolve fills a lazy registry once; others have nothing to do.
func (l *LexerRegistry) resolve() {
	lz := l.lazy
	if lz == nil {
		return
	}
	lz.once.Do(func() {
		lz.mu.Lock()
		defer lz.mu.Unlock()
		for _, lexer := range lz.load() {
			l.register(lexer)
		}
		for _, lexer := range lz.pending {
			l.register(lexer)
		}
		lz.pending = nil
		if lz.after != nil {
			lz.after(l.get)
		}
		lz.loaded = true
	})
}

// Names of all lexers, optionally including aliases.
func (l *LexerRegistry) Names(withAliases bool) []string {
	l.resolve() // shovel: every method but Register fills a lazy registry first
	out := []string{}
	for _, lexer := range l.Lexers {
		config := lexer.Config()
		out = append(out, config.Name)
		if withAliases {
			out = append(out, config.Aliases...)
		}
	}
	sort.Strings(out)
	return out
}

// Get a Lexer by name, alias or file extension.
func (l *LexerRegistry) Get(name string) Lexer {
	if lexer := l.quickGet(name); lexer != nil { // shovel: a lazy registry's index, before it loads
		return lexer
	}
	l.resolve() // shovel: fill a lazy registry; get is upstream's Get
	return l.get(name)
}

func (l *LexerRegistry) get(name string) Lexer { // shovel: upstream's Get, which a lazy registry's after uses
	if lexer := l.byName[name]; lexer != nil {
		return lexer
	}
	if lexer := l.byAlias[name]; lexer != nil {
		return lexer
	}
	if lexer := l.byName[strings.ToLower(name)]; lexer != nil {
		return lexer
	}
	if lexer := l.byAlias[strings.ToLower(name)]; lexer != nil {
		return lexer
	}

	candidates := PrioritisedLexers{}
	// Try file extension.
	if lexer := l.match("filename." + name); lexer != nil { // shovel: match, which does not fill a lazy registry
		candidates = append(candidates, lexer)
	}
	// Try exact filename.
	if lexer := l.match(name); lexer != nil { // shovel: match
		candidates = append(candidates, lexer)
	}
	if len(candidates) == 0 {
		return nil
	}
	sort.Sort(candidates)
	return candidates[0]
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func (l *LexerRegistry) MatchMimeType(mimeType string) Lexer {
	l.resolve() // shovel: fill a lazy registry
	matched := PrioritisedLexers{}
	for _, l := range l.Lexers {
		for _, lmt := range l.Config().MimeTypes {
			if mimeType == lmt {
				matched = append(matched, l)
			}
		}
	}
	if len(matched) != 0 {
		sort.Sort(matched)
		return matched[0]
	}
	return nil
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so is not fast.
func (l *LexerRegistry) Match(filename string) Lexer {
	l.resolve() // shovel: fill a lazy registry; match is upstream's Match
	return l.match(filename)
}

func (l *LexerRegistry) match(filename string) Lexer { // shovel: upstream's Match, which get uses
	filename = filepath.Base(filename)
	matched := PrioritisedLexers{}
	// First, try primary filename matches.
	for _, lexer := range l.Lexers {
		config := lexer.Config()
		for _, glob := range config.Filenames {
			ok, err := filepath.Match(glob, filename)
			if err != nil { // nolint
				panic(err)
			} else if ok {
				matched = append(matched, lexer)
			} else {
				for _, suf := range &ignoredSuffixes {
					ok, err := filepath.Match(glob+suf, filename)
					if err != nil {
						panic(err)
					} else if ok {
						matched = append(matched, lexer)
						break
					}
				}
			}
		}
	}
	if len(matched) > 0 {
		sort.Sort(matched)
		return matched[0]
	}
	matched = nil
	// Next, try filename aliases.
	for _, lexer := range l.Lexers {
		config := lexer.Config()
		for _, glob := range config.AliasFilenames {
			ok, err := filepath.Match(glob, filename)
			if err != nil { // nolint
				panic(err)
			} else if ok {
				matched = append(matched, lexer)
			} else {
				for _, suf := range &ignoredSuffixes {
					ok, err := filepath.Match(glob+suf, filename)
					if err != nil {
						panic(err)
					} else if ok {
						matched = append(matched, lexer)
						break
					}
				}
			}
		}
	}
	if len(matched) > 0 {
		sort.Sort(matched)
		return matched[0]
	}
	return nil
}

// Analyse text content and return the "best" lexer..
func (l *LexerRegistry) Analyse(text string) Lexer {
	l.resolve() // shovel: fill a lazy registry
	var picked Lexer
	highest := float32(0.0)
	for _, lexer := range l.Lexers {
		if analyser, ok := lexer.(Analyser); ok {
			weight := analyser.AnalyseText(text)
			if weight > highest {
				picked = lexer
				highest = weight
			}
		}
	}
	return picked
}

// Register a Lexer with the LexerRegistry. If the lexer is already registered
// it will be replaced.
func (l *LexerRegistry) Register(lexer Lexer) Lexer {
	// shovel: a lazy registry that has not loaded yet keeps the lexer for
	// its load, which registers it after load's lexers, as registering at
	// init after the eager load did; Config is not called until then.
	if lz := l.lazy; lz != nil {
		lz.mu.Lock()
		if !lz.loaded {
			lexer.SetRegistry(l)
			lz.pending = append(lz.pending, lexer)
			lz.mu.Unlock()
			return lexer
		}
		lz.mu.Unlock()
	}
	return l.register(lexer)
}

func (l *LexerRegistry) register(lexer Lexer) Lexer { // shovel: upstream's Register, which a lazy registry's load uses
	lexer.SetRegistry(l)
	config := lexer.Config()

	l.byName[config.Name] = lexer
	l.byName[strings.ToLower(config.Name)] = lexer

	for _, alias := range config.Aliases {
		l.byAlias[alias] = lexer
		l.byAlias[strings.ToLower(alias)] = lexer
	}

	l.Lexers = add(l.Lexers, lexer)

	return lexer
}

// add adds a lexer to a slice of lexers if it doesn't already exist, or if found will replace it.
func add(lexers Lexers, lexer Lexer) Lexers {
	for i, val := range lexers {
		if val == nil {
			continue
		}

		if val.Config().Name == lexer.Config().Name {
			lexers[i] = lexer
			return lexers
		}
	}

	return append(lexers, lexer)
}
