package features

import (
	"unicode"
	"unicode/utf8"
)

// AppendNormalized appends the normalised form of s to dst and returns the
// extended slice: letters are lower-cased, curly apostrophes and quotes are
// folded to straight ones, the Unicode hyphens to '-', and the invisible
// joiners that Tokenize keeps inside words (the soft hyphen, the
// zero-width non-joiner and joiner, the word joiner) are dropped, so that
// "Zelen\u00adskyy" is "zelenskyy". Invalid UTF-8 bytes are copied
// unchanged, and a joiner right after one is kept: dropping it could join
// two stray bytes into a new rune ("\xc2\u200c\xad" would read as a soft
// hyphen), and the result must read as it was written, so that
// normalising twice is normalising once. ASCII input takes a fast path; it
// allocates only when dst must grow.
func AppendNormalized(dst []byte, s string) []byte { return appendNormalized(dst, s, true) }

// appendNormalized is AppendNormalized, dropping the joiners (feature set
// 11 on) or keeping them (the terms of the sets before it).
func appendNormalized(dst []byte, s string, joiners bool) []byte {
	stray := false // the rune before was an invalid byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			stray = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, c)
			i++
			stray = true
			continue
		}
		if !joiners || !isJoiner(r) || stray {
			dst = utf8.AppendRune(dst, foldRune(r))
		}
		i += size
		stray = false
	}
	return dst
}

// StripJoiners returns s without the invisible joiners that Tokenize
// keeps inside words (see Tokenize), so that "Zelen\u00adskyy" reads
// "Zelenskyy"; it returns s itself, without allocating, when s has none.
// As in AppendNormalized, a joiner right after an invalid byte is kept, so
// that no two stray bytes meet as a new rune and stripping twice is
// stripping once.
func StripJoiners(s string) string {
	if !hasJoiner(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	stray := false // the rune before was an invalid byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !stray && isJoiner(r) {
			i += size
			continue
		}
		b = append(b, s[i:i+size]...)
		i += size
		stray = r == utf8.RuneError && size == 1
	}
	return string(b)
}

// Normalize returns the normalised form of s (see AppendNormalized). It
// returns s itself, without allocating, when s is already normal.
// Normalize is idempotent.
func Normalize(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return string(AppendNormalized(make([]byte, 0, len(s)), s))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && (foldRune(r) != r || isJoiner(r)) {
			return string(AppendNormalized(make([]byte, 0, len(s)), s))
		}
		i += size
	}
	return s
}

func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '‛', '′':
		return '\''
	case '“', '”', '„', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '−':
		return '-'
	}
	l := unicode.ToLower(r)
	if utf8.RuneLen(l) < 0 {
		return r
	}
	return l
}
