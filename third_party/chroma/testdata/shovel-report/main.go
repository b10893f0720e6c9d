// Command shovel-report prints, as JSON, what chroma's lexer and style
// registries answer: lexers/shovel_test.go builds it once against the
// released chroma and once against this fork and compares the two.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/quick"
	"github.com/alecthomas/chroma/v2/styles"
)

// samples are code in several languages: tokens, analysers and highlighted
// output are compared for each.
var samples = map[string]string{
	"go":               "package main\n\nimport \"fmt\"\n\n// main says hi.\nfunc main() {\n\tx := 42 // answer\n\tfmt.Println(\"hi\", x, 3.14, 'c')\n}\n",
	"python":           "#!/usr/bin/env python3\nimport os\n\nclass A(object):\n    def f(self, x=1):\n        \"\"\"doc\"\"\"\n        return [i ** 2 for i in range(x)]  # squares\n",
	"html":             "<!DOCTYPE html>\n<html><head><style>body { color: #fff; }</style>\n<script>var x = 1 + 2; alert(`${x}`);</script></head>\n<body class=\"a\">Hi &amp; bye</body></html>\n",
	"php":              "<?php\n$x = array(1, 2);\nforeach ($x as $y) { echo \"$y\\n\"; }\n?>\n<p>text</p>\n",
	"common-lisp":      "(defun fact (n)\n  (if (<= n 1) 1 (* n (fact (- n 1)))))\n(format t \"~a~%\" (fact 5))\n",
	"emacs-lisp":       "(defvar my-var 1 \"Doc.\")\n(defun my-fn (x) (interactive) (message \"%s\" (+ x my-var)))\n",
	"go-html-template": "<ul>{{ range .Items }}<li>{{ .Name | html }}</li>{{ end }}</ul>\n",
	"go-text-template": "Hello {{ .Name }}{{ if .X }}!{{ else }}.{{ end }}\n",
	"markdown":         "# Title\n\nSome *emphasis* and `code`.\n\n```go\nfunc f() {}\n```\n\n- item\n",
	"bash":             "#!/bin/bash\nfor f in *.txt; do\n  echo \"$f\" | wc -l > /dev/null 2>&1\ndone\n",
	"yaml":             "key: value\nlist:\n  - 1\n  - \"two\"\n# comment\n",
	"rust":             "fn main() {\n    let v: Vec<u32> = vec![1, 2];\n    println!(\"{:?}\", v);\n}\n",
	"json":             "{\"a\": [1, 2.5, true, null], \"b\": \"c\"}\n",
	"sql":              "SELECT a, COUNT(*) FROM t WHERE b = 'x' GROUP BY a; -- comment\n",
	"mysql":            "SELECT `name` FROM `users` WHERE `id` = 1;\n",
	"dns":              "$ORIGIN example.com.\n@ IN SOA ns1 admin 1 2 3 4 5\nwww IN A 1.2.3.4\n",
	"zed":              "definition user {}\ndefinition doc {\n  relation reader: user\n  permission read = reader\n}\n",
	"rst":              "Title\n=====\n\n.. code-block:: python\n\n   print(1)\n",
	"raku":             "my $x = 1;\nsay \"x is $x\";\nsub f($a) { $a * 2 }\n",
	"c":                "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 1); return 0; }\n",
	"typescript":       "const x: number = 1;\nexport function f<T>(a: T): T { return a; }\n",
	"plaintext":        "just text\n",
}

// queries for Get: beyond every name and alias, extensions, file names and
// odd cases.
var queries = []string{"", "GO", "Golang", "py", "js", "ts", "tsx", "md", "sh", "zsh", "Dockerfile",
	"Makefile", "CMakeLists.txt", "c++", "cpp", "h", "hpp", "rb", "rs", "yml", "txt", "html", "htm",
	"xml", "svg", "go.mod", "nosuchlang", "shell", "console", "text", "plain", "php", "lisp", "el"}

type lexerInfo struct {
	Name, Type string
	Config     *chroma.Config
}

type report struct {
	Names, NamesWithAliases []string
	Lexers                  []lexerInfo
	Get, Match, MimeType    map[string]string
	Analyse                 map[string]string
	Scores                  map[string]map[string]float32
	Tokens                  map[string][]chroma.Token
	Highlighted             map[string]string
	StyleNames              []string
	Styles                  map[string]map[string]string
	Fallback                string
	// Get before anything else, for the keys in $SHOVEL_REPORT_KEYS, and
	// whether Get gives the same lexers after the registry has loaded.
	Early, EarlySame map[string]string
	// How many lexers the registry held after Get of the keys before the
	// file's "--" line: the fork answers those without loading (0), so
	// the comparison leaves this out.
	LexersAfterIndexed int
}

func name(l chroma.Lexer) string {
	if l == nil {
		return "<nil>"
	}
	return l.Config().Name
}

func main() {
	var keys []string
	if path := os.Getenv("SHOVEL_REPORT_KEYS"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			fail(err)
		}
		keys = strings.Split(strings.TrimSpace(string(data)), "\n")
	}
	early, earlyLexers, indexed := map[string]string{}, map[string]chroma.Lexer{}, -1
	for _, k := range keys {
		if k == "--" {
			indexed = len(lexers.GlobalLexerRegistry.Lexers)
			continue
		}
		l := lexers.Get(k)
		early[k], earlyLexers[k] = name(l), l
	}
	r := report{
		Early:              early,
		EarlySame:          map[string]string{},
		LexersAfterIndexed: indexed,
		Names:              lexers.Names(false),
		NamesWithAliases:   lexers.Names(true),
		Get:                map[string]string{},
		Match:              map[string]string{},
		MimeType:           map[string]string{},
		Analyse:            map[string]string{},
		Scores:             map[string]map[string]float32{},
		Tokens:             map[string][]chroma.Token{},
		Highlighted:        map[string]string{},
		StyleNames:         styles.Names(),
		Styles:             map[string]map[string]string{},
		Fallback:           styles.Fallback.Name,
	}
	for k, l := range earlyLexers {
		r.EarlySame[k] = fmt.Sprint(lexers.Get(k) == l)
	}
	var files, mimes []string
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		c := l.Config()
		r.Lexers = append(r.Lexers, lexerInfo{c.Name, fmt.Sprintf("%T", l), c})
		for _, g := range append(append([]string{}, c.Filenames...), c.AliasFilenames...) {
			files = append(files, strings.NewReplacer("*", "x", "?", "y", "[", "", "]", "").Replace(g))
		}
		mimes = append(mimes, c.MimeTypes...)
	}
	for _, q := range append(append(append([]string{}, r.NamesWithAliases...), queries...), files...) {
		r.Get[q] = name(lexers.Get(q))
	}
	for _, f := range append(append([]string{}, files...), queries...) {
		r.Match[f] = name(lexers.Match(f))
		r.Match[f+".bak"] = name(lexers.Match(f + ".bak"))
	}
	for _, m := range append(mimes, "text/nosuch") {
		r.MimeType[m] = name(lexers.MatchMimeType(m))
	}
	var langs []string
	for lang := range samples {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		code := samples[lang]
		r.Analyse[lang] = name(lexers.Analyse(code))
		scores := map[string]float32{}
		for _, l := range lexers.GlobalLexerRegistry.Lexers {
			if a, ok := l.(chroma.Analyser); ok {
				if s := a.AnalyseText(code); s != 0 {
					scores[l.Config().Name] = s
				}
			}
		}
		r.Scores[lang] = scores
		lexer := lexers.Get(lang)
		if lexer == nil {
			fail(fmt.Errorf("no lexer for %s", lang))
		}
		toks, err := chroma.Tokenise(chroma.Coalesce(lexer), nil, code)
		if err != nil {
			fail(err)
		}
		r.Tokens[lang] = toks
		var out bytes.Buffer
		if err := quick.Highlight(&out, code, lang, "terminal256", "monokai"); err != nil {
			fail(err)
		}
		r.Highlighted[lang+"/terminal256/monokai"] = out.String()
		out.Reset()
		it, err := lexer.Tokenise(nil, code)
		if err != nil {
			fail(err)
		}
		if err := formatters.TTY16m.Format(&out, styles.Get("dracula"), it); err != nil {
			fail(err)
		}
		r.Highlighted[lang+"/terminal16m/dracula"] = out.String()
	}
	for _, s := range append(r.StyleNames, "nosuchstyle") {
		style := styles.Get(s)
		entries := map[string]string{"name": style.Name}
		for _, tt := range chroma.TokenTypeValues() {
			entries[tt.String()] = fmt.Sprintf("%s has=%v", style.Get(tt), style.Has(tt))
		}
		r.Styles[s] = entries
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(r); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "shovel-report:", err)
	os.Exit(1)
}
