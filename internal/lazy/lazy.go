// Package lazy holds values made on first use. A package-level Value is
// static data: its composite literal costs nothing when the program
// starts, where a map literal, a regexp.MustCompile or a sync.OnceValue
// call at package level is work every start-up pays for, whatever the
// command (GODEBUG=inittrace=1 shows it; docs/dev/performance.md).
package lazy

import "sync"

// Value is the result of New, called on the first Get. New must not be
// nil; it runs once, even when Get is called from several goroutines.
type Value[T any] struct {
	New  func() T
	once sync.Once
	v    T
}

// Get returns the value, making it first if need be.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.New() })
	return l.v
}
