package render

// NewMeasurer returns the rules for ambiguous characters amb cells wide
// (1 or 2; anything else means 1). Only tests need it: the program
// measures with its renderer's rules (Renderer.Measurer).
func NewMeasurer(amb int) Measurer { return Measurer{newMeasurer(amb)} }
