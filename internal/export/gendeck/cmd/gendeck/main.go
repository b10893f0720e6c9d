// Command gendeck writes a synthetic deck, for measuring shovel on long
// talks: go run ./internal/export/gendeck/cmd/gendeck -n 5000 > big.md
package main

import (
	"flag"
	"fmt"
	"os"

	"shovel/internal/export/gendeck"
)

func main() {
	n := flag.Int("n", 5000, "number of slides")
	flag.Parse()
	if *n < 1 {
		fmt.Fprintln(os.Stderr, "gendeck: -n must be at least 1")
		os.Exit(2)
	}
	if err := gendeck.Write(os.Stdout, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gendeck:", err)
		os.Exit(1)
	}
}
