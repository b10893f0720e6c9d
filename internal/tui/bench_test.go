package tui

import (
	"testing"
)

// BenchmarkNextSlide is the time from a key press to the new screen: Update
// with "next" (and the commands it returns, which find everything cached
// when warm) and then View. Issue 5's target: under 1 ms at 160x45 on the
// built-in deck.
func BenchmarkNextSlide(b *testing.B) {
	for _, c := range []struct{ view, theme string }{
		{"audience", "dark"}, {"presenter", "dark"}, {"audience", "notty"}, {"presenter", "notty"},
	} {
		view := c.view
		b.Run(c.view+"-"+c.theme, func(b *testing.B) {
			d := openBuiltinDeck(b)
			h := newHarness(b, d, 160, 45, func(o *Options) { o.Theme = c.theme })
			if view == "presenter" {
				h.keys("P")
			}
			// Warm up: visit every step once so each page is rendered.
			for i := 0; i < 400; i++ {
				h.keys("right")
			}
			h.keys("home")
			next, home := keyMsg("right"), keyMsg("home")
			last := len(d.Slides) - 1
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				msg := next
				if h.m.pos.Slide == last {
					msg = home
				}
				h.send(msg)
				_ = h.m.View()
			}
		})
	}
}

// BenchmarkPresenterTick is the work of one clock tick in the presenter
// view (Update and View; the terminal diff is bubbletea's), the only
// periodic work shovel does.
func BenchmarkPresenterTick(b *testing.B) {
	h := newHarness(b, openBuiltinDeck(b), 120, 40, func(o *Options) { o.Theme = "dark"; o.Presenter = true })
	h.keys("right right")
	b.ReportAllocs()
	for b.Loop() {
		h.m.Update(tickMsg{h.m.tickGen})
		_ = h.m.View()
	}
}
