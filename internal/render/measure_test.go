package render

import "testing"

func TestMeasurerAmbiguous(t *testing.T) {
	tests := []struct {
		s      string
		amb, w int
	}{
		{"abc", 2, 3},
		{"“引用”", 1, 6},
		{"“引用”", 2, 8},
		{"\x1b[1;31m━━\x1b[0m─", 2, 6},
		{"\x1b[1;31m━━\x1b[0m─", 1, 3},
		{"Привет", 2, 12}, // Cyrillic is East Asian ambiguous
	}
	for _, tt := range tests {
		if got := NewMeasurer(tt.amb).Width(tt.s); got != tt.w {
			t.Errorf("Width(%q, amb %d) = %d, want %d", tt.s, tt.amb, got, tt.w)
		}
	}
}

func TestMeasurerTruncate(t *testing.T) {
	tests := []struct {
		s      string
		amb, w int
		want   string
	}{
		{"abcdef", 1, 4, "abc…"},
		{"abc", 1, 4, "abc"},
		{"Привет", 2, 7, "Пр…"}, // … is ambiguous too: 2 cells
		{"Привет", 1, 4, "При…"},
		{"\x1b[31m中文字\x1b[0m", 1, 5, "\x1b[31m中文…\x1b[0m"},
		{"中文字", 1, 4, "中…"},
	}
	for _, tt := range tests {
		m := NewMeasurer(tt.amb)
		got := m.Truncate(tt.s, tt.w, "…")
		if got != tt.want {
			t.Errorf("Truncate(%q, %d, amb %d) = %q, want %q", tt.s, tt.w, tt.amb, got, tt.want)
		}
		if m.Width(got) > tt.w {
			t.Errorf("Truncate(%q, %d, amb %d) is %d cells", tt.s, tt.w, tt.amb, m.Width(got))
		}
	}
}
