package export

import (
	"bytes"
	"context"
	"io"
	"testing"

	"shovel/deck"
	"shovel/internal/export/gendeck"
)

// BenchmarkExportText measures the text export alone (the deck is parsed
// before the timer starts) at 80 columns with notes. For the whole command
// on a long deck, time the real binary on a file written by
// go run ./internal/export/gendeck/cmd/gendeck -n 5000.
func BenchmarkExportText(b *testing.B) {
	b.Run("builtin", func(b *testing.B) {
		benchText(b, openDeck(b, ""))
	})
	b.Run("generated-5000", func(b *testing.B) {
		var src bytes.Buffer
		if err := gendeck.Write(&src, 5000); err != nil {
			b.Fatal(err)
		}
		d, err := deck.Parse("big.md", src.Bytes())
		if err != nil || d.Diagnostics.HasErrors() || len(d.Slides) != 5000 {
			b.Fatalf("generated deck: %v, %d slides, %v", err, len(d.Slides), d.Diagnostics.Errors())
		}
		benchText(b, d)
	})
}

func benchText(b *testing.B, d *deck.Deck) {
	opts := TextOptions{Width: 80, Notes: true}
	var n countingWriter
	b.ReportAllocs()
	for b.Loop() {
		if err := Text(context.Background(), &n, d, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "out-bytes/op")
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
