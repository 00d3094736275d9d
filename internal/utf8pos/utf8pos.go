// Package utf8pos locates invalid UTF-8, so that errors can say where the
// bad byte is.
package utf8pos

import "unicode/utf8"

// FirstInvalid returns the byte offset of the first invalid UTF-8
// sequence in s, or -1 if s is valid UTF-8. A U+FFFD written out in s is
// valid, not a bad byte. Callers with a []byte convert it: this runs only
// on the way to an error.
func FirstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}
