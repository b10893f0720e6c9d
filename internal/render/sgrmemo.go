package render

// sgrMemo remembers the escape sequences of the last few styles one
// render asked for. A slide uses a handful of styles over and over;
// comparing one is cheaper than hashing it into the theme's shared cache.
type sgrMemo struct {
	th   *theme
	keys [4]StylePrimitive
	vals [4]string
	n    int // entries in use
	next int // the entry to replace
}

// sgr is m.th.sgr(st).
func (m *sgrMemo) sgr(st StylePrimitive) string {
	st = colours(st) // what theme.sgr keys on
	for i := range m.n {
		if m.keys[i] == st {
			return m.vals[i]
		}
	}
	v := m.th.sgr(st)
	m.keys[m.next], m.vals[m.next] = st, v
	m.next = (m.next + 1) % len(m.keys)
	if m.n < len(m.keys) {
		m.n++
	}
	return v
}
