package tea

import "github.com/charmbracelet/x/ansi"

// shovel: a screen painted before the program starts (PATCHES.md, "The
// first frame may already be on the screen").

// WithScreenPainted tells the program that its caller has already switched
// the terminal to the alternate screen (with ESC[?1049h) and drawn a frame
// there. The program's first frame then draws over it without entering the
// alternate screen again: a second ESC[?1049h makes xterm save the cursor
// again, in the alternate screen's slot, and clear the frame. Should Run
// end before the program has drawn a frame, it leaves the alternate screen
// and shows the cursor itself, as the program would have.
func WithScreenPainted() ProgramOption {
	return func(p *Program) {
		p.screenPainted = true
	}
}

// leavePaintedScreen restores the screen a caller painted when the program
// ended before its renderer drew a frame (which would otherwise leave the
// alternate screen on close).
func (p *Program) leavePaintedScreen() {
	if !p.screenPainted || p.output == nil {
		return
	}
	if r, ok := p.renderer.(*cursedRenderer); ok {
		r.mu.Lock()
		drawn := r.lastView != nil
		r.mu.Unlock()
		if drawn {
			return
		}
	}
	_, _ = p.output.Write([]byte(ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor))
}
