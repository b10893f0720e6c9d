package cli

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"shovel/deck"
	"shovel/internal/follow"
)

// shareTalk lets 'shovel follow' attach to this program's talk: every
// present (and rehearse) calls it once the first frame is out
// (talkServices) and hands the server to the TUI. A talk that cannot be
// shared is still presented; why is said on errOut (written after the
// full screen closes) and in the log.
func shareTalk(d *deck.Deck, path, program string, getenv func(string) string, errOut io.Writer, log *slog.Logger) (*follow.Server, func()) {
	info := follow.Info{PID: os.Getpid(), Title: d.Meta.Title, Program: program, Started: time.Now()}
	if path != "" && path != "-" { // "-": read from stdin, nothing to re-read
		if abs, err := filepath.Abs(path); err == nil {
			info.Deck = abs
		}
	}
	if info.Title == "" && len(d.Slides) > 0 {
		info.Title = d.Slides[0].Title
	}
	srv, err := follow.Listen(follow.DefaultDir(getenv), info, log)
	if err != nil {
		log.Debug("not sharing the talk", "err", err)
		fmt.Fprintf(errOut, "shovel: other screens cannot follow this talk: %v\n", err)
		return nil, func() {}
	}
	return srv, func() { srv.Close() }
}
