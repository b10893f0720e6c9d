GO      ?= go
BIN     := bin/shovel
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X shovel/internal/cli.version=$(VERSION)
PKGS    := ./...
# The race detector needs cgo and a C compiler; without one, test anyway.
RACE    := $(shell [ "$$(go env CGO_ENABLED)" = 1 ] && command -v $$(go env CC) >/dev/null 2>&1 && echo -race)
NOCGO   := $(if $(RACE),,CGO_ENABLED=0 )

.PHONY: run build test vet bench fuzz fmt e2e clean

## run: present the built-in deck (shovel needs no cgo: a static binary)
run:
	CGO_ENABLED=0 $(GO) run -ldflags "$(LDFLAGS)" ./cmd/shovel

## build: build bin/shovel
build:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/shovel

## test: vet and run every test with the race detector (when a C compiler is there)
test: vet
	@[ -n "$(RACE)" ] || echo "note: no C compiler for cgo, so tests run without the race detector"
	$(NOCGO)$(GO) test $(RACE) -count=1 $(PKGS)
	@# the patched bubbletea is a module of its own: upstream's tests and the fork check
	@# (TestViewModel is skipped: its goldens depend on timing; see PATCHES.md)
	cd third_party/bubbletea && $(NOCGO)$(GO) test $(RACE) -count=1 -skip '^TestViewModel$$' ./...

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(NOCGO)$(GO) vet $(PKGS)

## bench: run the Go benchmarks with allocation counts
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

## fuzz: fuzz the deck parser for 30 seconds
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./deck

## fmt: format the code
fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
