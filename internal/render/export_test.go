package render

// Shorthands only the tests use: the program always measures with the
// deck's ambiguous_width (StringWidthAmbiguous, WrapTextAmbiguous,
// Renderer.Measurer).

// WrapText is WrapTextAmbiguous with ambiguous characters 1 cell wide.
func WrapText(text string, width int) []string { return WrapTextAmbiguous(text, width, 1) }

// StringWidth is StringWidthAmbiguous with ambiguous characters 1 cell wide.
func StringWidth(s string) int { return StringWidthAmbiguous(s, 1) }

// NewMeasurer returns the rules for ambiguous characters amb cells wide
// (1 or 2; anything else means 1).
func NewMeasurer(amb int) Measurer { return Measurer{newMeasurer(amb)} }
