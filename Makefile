GO      ?= go
BIN     := bin/shovel
# shovel reads its version from the build info the go command records: the
# commit, its time and whether the tree was modified. -buildvcs=auto
# records it even where GOFLAGS says -buildvcs=false, and skips it quietly
# outside a git checkout.
BUILDFLAGS := -buildvcs=auto
MANDIR  ?= man
PKGS    := ./...
# The race detector needs cgo and a C compiler; without one, test anyway.
RACE    := $(shell [ "$$(go env CGO_ENABLED)" = 1 ] && command -v $$(go env CC) >/dev/null 2>&1 && echo -race)
NOCGO   := $(if $(RACE),,CGO_ENABLED=0 )

.PHONY: run build install man test cross vet lint bench fuzz fmt e2e clean

## run: present the built-in deck (shovel needs no cgo: a static binary)
run:
	CGO_ENABLED=0 $(GO) run ./cmd/shovel

## build: build bin/shovel
build:
	CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o $(BIN) ./cmd/shovel

## install: install shovel into $(go env GOBIN), else $(go env GOPATH)/bin
install:
	CGO_ENABLED=0 $(GO) install $(BUILDFLAGS) ./cmd/shovel
	@bin=$$($(GO) env GOBIN); bin=$${bin:-$$($(GO) env GOPATH)/bin}; echo "installed $$bin/shovel"; \
	case ":$$PATH:" in *":$$bin:"*) ;; *) echo "note: $$bin is not on your PATH";; esac

## man: write the man pages into $(MANDIR) (default man/)
man:
	CGO_ENABLED=0 $(GO) run ./cmd/shovel man $(MANDIR)

## test: vet and run every test with the race detector (when a C compiler is there)
test: vet cross
	@[ -n "$(RACE)" ] || echo "note: no C compiler for cgo, so tests run without the race detector"
	$(NOCGO)$(GO) test $(RACE) -count=1 $(PKGS)
	@# the patched modules are modules of their own: upstream's tests against the patches
	@# (third_party/forks_test.go, run above, checks that every patch is marked)
	@# (TestViewModel and TestClearMsg are skipped: their goldens depend on timing; see PATCHES.md)
	cd third_party/bubbletea && $(NOCGO)$(GO) test $(RACE) -count=1 -skip '^(TestViewModel|TestClearMsg)$$' ./...
	cd third_party/lipgloss && $(NOCGO)$(GO) test $(RACE) -count=1 ./...
	@# chroma's TestLexers and TestLexersTextAnalyser need the lexers' test data, left out:
	@# TestShovelUpstreamTestdata runs them on the downloaded module's, without -race, which
	@# makes it ten times slower and checks no concurrency (see third_party/chroma/PATCHES.md)
	cd third_party/chroma && $(NOCGO)$(GO) test $(RACE) -count=1 -skip '^(TestLexers|TestLexersTextAnalyser|TestShovelUpstreamTestdata)$$' ./...
	cd third_party/chroma && $(NOCGO)$(GO) test -count=1 -run '^TestShovelUpstreamTestdata$$' ./lexers
	@# goldmark's *Performance tests give pathological inputs 5 s of wall time: 15-30 s under
	@# -race here, unpatched v1.8.7 too, so they run without it (see third_party/goldmark/PATCHES.md)
	cd third_party/goldmark && $(NOCGO)$(GO) test $(RACE) -count=1 -skip 'Performance$$' ./...
	cd third_party/goldmark && $(NOCGO)$(GO) test -count=1 -run 'Performance$$' .
	cd third_party/go-runewidth && $(NOCGO)$(GO) test $(RACE) -count=1 ./...

# cross: shovel also builds for macOS and Windows (no test runs there; on
# Windows no talk is shared with other screens). A build, to keep it so.
cross:
	GOOS=darwin CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/shovel
	GOOS=windows CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/shovel

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(NOCGO)$(GO) vet $(PKGS)

# Linters at pinned versions, installed into $(go env GOPATH)/bin by go install.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
DEADCODE    := golang.org/x/tools/cmd/deadcode@v0.52.0
GOBIN_DIR    = $$($(GO) env GOBIN | grep . || echo $$($(GO) env GOPATH)/bin)

## lint: staticcheck and deadcode (code only tests need lives in _test.go files)
lint:
	$(GO) install $(STATICCHECK)
	$(GO) install $(DEADCODE)
	$(GOBIN_DIR)/staticcheck ./...
	@out=$$($(GOBIN_DIR)/deadcode ./...) || exit 1; if [ -n "$$out" ]; then echo "$$out"; echo "deadcode: unreachable functions (delete them, or move what tests need into a _test.go file)"; exit 1; fi

## bench: run the Go benchmarks with allocation counts
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

## fuzz: run every fuzz target for FUZZTIME each (plain go test runs their seed corpora)
FUZZTIME ?= 30s
fuzz:
	@set -e; for f in $$(grep -l '^func Fuzz' $$(git ls-files '*_test.go' | grep -v '^third_party/')); do \
	  for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    echo "== $$t ($$(dirname $$f)) for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) ./$$(dirname $$f); \
	  done; \
	done

## fmt: format the code
fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin $(MANDIR)
