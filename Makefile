GO      ?= go
BIN     := bin/shovel
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X shovel/internal/cli.version=$(VERSION)
PKGS    := ./...

.PHONY: run build test vet bench fuzz fmt e2e clean

## run: present the built-in deck
run:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/shovel

## build: build bin/shovel
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/shovel

## test: vet and run every test with the race detector
test: vet
	$(GO) test -race -count=1 $(PKGS)

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)

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
