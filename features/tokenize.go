package features

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// The kinds of token that Tokenize produces.
const (
	// Word is a run of letters, digits and combining marks, with inner
	// apostrophes, hyphens and acronym dots ("don", "States-led", "U.S.")
	// and, from feature set 11 on, inner invisible joiners (see Tokenize).
	Word Kind = iota + 1
	// Number is a run of digits with inner separators ("3.5", "1,000",
	// "10:30") and, from feature set 11 on, inner invisible joiners.
	Number
	// Clitic is a possessive or contracted ending split from its word
	// ("'s", "’s", "n't").
	Clitic
	// URL is a web address starting with http://, https:// or www.
	URL
	// Punct is one punctuation or symbol rune, or "..." as one token.
	Punct
	// Invalid is one byte that is not valid UTF-8. It is kept as a token so
	// that no input is lost.
	Invalid
)

var kindNames = [...]string{"?", "word", "number", "clitic", "url", "punct", "invalid"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Token is one token of a text: the bytes text[Start:End] and their kind.
type Token struct {
	Start, End int
	Kind       Kind
}

// tokenFollows reports whether t can follow a token that ends at prevEnd
// (0 for the first) among the tokens of a text of n bytes, as Tokenize
// makes them: not empty, in order, apart and inside the text. The rest of
// the package relies on it for tokens it is given.
func tokenFollows(t Token, prevEnd, n int) bool {
	return prevEnd <= t.Start && t.Start < t.End && t.End <= n
}

// Text returns the token's text as a subslice of text, the string the
// token was produced from. It does no allocation.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// TokenizeFunc is the signature of a tokenizer: it appends the tokens of
// text to dst and returns the extended slice. Tokenize is one.
type TokenizeFunc func(dst []Token, text string) []Token

// Tokenize appends the tokens of text to dst and returns the extended
// slice. Tokens are in order, do not overlap, and cover every byte of text
// that is not white space, so no text is lost; invalid UTF-8 bytes become
// Invalid tokens of one byte. It allocates only when dst must grow.
//
// Words keep inner apostrophes and hyphens ("O'Brien", "States-led") and
// acronym dots ("U.S."); a possessive or contracted ending is split off as
// a Clitic ("NATO's" → "NATO", "'s"; "didn't" → "did", "n't"). An
// invisible joiner between two letters or digits — a soft hyphen U+00AD,
// a zero-width non-joiner U+200C or joiner U+200D, a word joiner U+2060 —
// is inside the word or number ("Zelen\u00adskyy" is one word, as web
// pages that hint line breaks write it; "5\u00ad00" one number);
// Normalize drops it. One before a contraction's "n't" stays at the end
// of its word ("did\u00ad", "n't"); one elsewhere, or a second in a row,
// is a Punct token. This is the tokenizer of feature set 11 on;
// Extractor.Tokenize gives that of an extractor's own set, as before
// feature set 11 a joiner split the word.
func Tokenize(dst []Token, text string) []Token { return tokenize(dst, text, true) }

// tokenize is Tokenize of feature set 11 on (v11), which keeps joiners
// inside words and starts a web address at "www." only before a letter or
// digit, or of the sets before it, where a joiner is a Punct token of its
// own and any rune after "www." will do.
func tokenize(dst []Token, text string, v11 bool) []Token {
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, Token{i, i + 1, Invalid})
				i++
				continue
			}
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		switch {
		case asciiLetter(c) && c|0x20 != 'h' && c|0x20 != 'w':
			// Most tokens: an ASCII word that no URL can start, ended by a
			// space or by punctuation that cannot join a word. appendWord
			// gives the same token for these; it takes the rest.
			end := wordRunEnd(text, i+1)
			if end < len(text) {
				if b := text[end]; b >= utf8.RuneSelf || b == '\'' || b == '-' || b == '.' {
					dst, i = appendWord(dst, text, i, v11)
					continue
				}
			}
			dst = append(dst, Token{i, end, Word})
			i = end
		case (c == 'h' || c == 'w' || c == 'H' || c == 'W') && isURLStart(text[i:], v11):
			end := i
			for end < len(text) {
				r, sz := utf8.DecodeRuneInString(text[end:])
				if unicode.IsSpace(r) || (r == utf8.RuneError && sz == 1) {
					break
				}
				end += sz
			}
			// Trailing sentence punctuation is not part of the address.
			for end > i && isTrailingURLPunct(text[end-1]) {
				end--
			}
			dst = append(dst, Token{i, end, URL})
			i = end
		case isDigit(r):
			end := scanNumber(text, i, v11)
			if end < len(text) && (startsWord(text[end:]) || v11 && joinerLen(text[end:]) > 0 && startsWord(text[end+joinerLen(text[end:]):])) {
				// "3rd", "G7s", "2024-era": a word that starts with digits.
				dst, i = appendWord(dst, text, i, v11)
				continue
			}
			dst = append(dst, Token{i, end, Number})
			i = end
		case isWordRune(r):
			dst, i = appendWord(dst, text, i, v11)
		case (r == '\'' || r == '’') && i+size < len(text) && cliticLen(text[i+size:]) > 0:
			// A clitic after a space or quote ("'s" standing alone) stays one token.
			end := i + size + cliticLen(text[i+size:])
			dst = append(dst, Token{i, end, Clitic})
			i = end
		case c == '.' && i+2 < len(text) && text[i+1] == '.' && text[i+2] == '.':
			dst = append(dst, Token{i, i + 3, Punct})
			i += 3
		default:
			dst = append(dst, Token{i, i + size, Punct})
			i += size
		}
	}
	return dst
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// asciiWord marks the bytes that are ASCII word runes: letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// wordRunEnd returns the end of the run of ASCII letters and digits that
// starts at i. It looks at eight bytes at a time while there are eight:
// one branch a word instead of one a byte.
func wordRunEnd(text string, i int) int {
	for i+8 <= len(text) {
		b := text[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if stop := ^asciiWordBytes(x) & high8; stop != 0 {
			return i + bits.TrailingZeros64(stop)/8
		}
		i += 8
	}
	for i < len(text) && asciiWord[text[i]] {
		i++
	}
	return i
}

const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
)

// asciiWordBytes sets the high bit of each of the eight bytes of x that is
// an ASCII letter or digit. The bytes are cut to seven bits first so that
// no sum below carries into the next byte; the bytes that had the high bit
// set are no ASCII and are cleared at the end.
func asciiWordBytes(x uint64) uint64 {
	x7 := x &^ high8
	lower := x7 | ones8*0x20 // folds capitals onto lower-case letters
	letter := (lower + ones8*(0x80-'a')) &^ (lower + ones8*(0x80-'z'-1))
	digit := (x7 + ones8*(0x80-'0')) &^ (x7 + ones8*(0x80-'9'-1))
	return (letter | digit) &^ x & high8
}

// isWordRune reports whether r can start or continue a word. The ASCII
// case is small enough to be inlined where it is called.
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	if r < 0 || generalPunct(r) { // curly quotes and dashes: most non-ASCII runes of news
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isJoiner reports whether r is an invisible joiner that Tokenize keeps
// inside a word and Normalize drops: the soft hyphen U+00AD, the
// zero-width non-joiner U+200C and joiner U+200D, and the word joiner
// U+2060. All four are Default_Ignorable_Code_Points, which Unicode's
// NFKC_Casefold also maps to nothing.
func isJoiner(r rune) bool { return r == '\u00ad' || r == '\u200c' || r == '\u200d' || r == '\u2060' }

// hasJoiner reports whether w holds a joiner (see isJoiner).
func hasJoiner(w string) bool {
	for i := 0; i < len(w); i++ {
		if joinerLen(w[i:]) > 0 {
			return true
		}
	}
	return false
}

// joinerLen returns the length in bytes of the joiner (see isJoiner) that
// s starts with, or 0.
func joinerLen(s string) int {
	switch {
	case len(s) >= 2 && s[0] == 0xc2 && s[1] == 0xad: // U+00AD
		return 2
	case len(s) >= 3 && s[0] == 0xe2 && (s[1] == 0x80 && (s[2] == 0x8c || s[2] == 0x8d) || s[1] == 0x81 && s[2] == 0xa0): // U+200C, U+200D, U+2060
		return 3
	}
	return 0
}

// generalPunct reports whether r is in Unicode's General Punctuation
// block, U+2000 to U+206F: spaces, dashes, quotation marks, the ellipsis
// and format characters, none of them a letter, digit or mark
// (TestGeneralPunct checks every one), so that isWordRune and isLetterRune
// answer for them without searching Unicode's tables.
func generalPunct(r rune) bool { return r >= 0x2000 && r <= 0x206f }

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r) && !isDigit(r)
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return !generalPunct(r) && unicode.IsLetter(r)
}

// isURLStart reports whether s starts with a web address: "http://",
// "https://", or "www." before a word rune. Feature sets before 11 (fixed
// false) took the byte after "www." for a rune, so that a non-ASCII
// character there ("www.\u00a0") counted as a word rune whatever it was.
func isURLStart(s string, fixed bool) bool {
	if hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") {
		return true
	}
	if !hasPrefixFold(s, "www.") || len(s) <= 4 {
		return false
	}
	if fixed {
		r, _ := utf8.DecodeRuneInString(s[4:])
		return isWordRune(r)
	}
	return isWordRune(rune(s[4]))
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isTrailingURLPunct(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'':
		return true
	}
	return false
}

// scanNumber returns the end of the number starting at i: digits with inner
// '.', ',' or ':' separators that are followed by a digit.
func scanNumber(text string, i int, joiners bool) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == '.' || c == ',' || c == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		case joiners && (c == 0xc2 || c == 0xe2):
			// A joiner between two digits: "5\u00ad00" (feature set 11 on).
			if n := joinerLen(text[i:]); n > 0 && i+n < len(text) && isDigit(rune(text[i+n])) {
				i += n
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// cliticLen returns the length of the clitic ending that s (the text after
// an apostrophe) starts with — s, d, m, t, ll, re, ve, not followed by a
// word rune — or 0 if it starts with none.
func cliticLen(s string) int {
	n := 0
	switch {
	case len(s) >= 2 && (s[:2] == "ll" || s[:2] == "re" || s[:2] == "ve" || s[:2] == "LL" || s[:2] == "RE" || s[:2] == "VE"):
		n = 2
	case len(s) >= 1 && (s[0] == 's' || s[0] == 'd' || s[0] == 'm' || s[0] == 't' || s[0] == 'S' || s[0] == 'D' || s[0] == 'M' || s[0] == 'T'):
		n = 1
	default:
		return 0
	}
	if n < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[n:]); isWordRune(r) {
			return 0
		}
	}
	return n
}

// appendWord scans the word that starts at i and appends it, with any
// clitic split off, to dst. joiners says whether a joiner between two
// word runes is inside the word (see Tokenize).
func appendWord(dst []Token, text string, i int, joiners bool) ([]Token, int) {
	start := i
	end := i
	// Acronym state, kept as we go so that scanning stays linear: acro says
	// the word so far is single letters joined by dots ("U.S"), seg counts
	// the runes since the last dot.
	acro, seg, dots := true, 0, 0
	for end < len(text) {
		if c := text[end]; c < utf8.RuneSelf {
			if asciiWord[c] {
				// ASCII fast path: the whole run of ASCII letters and
				// digits at once. Only a lone letter keeps an acronym.
				run := end
				end = wordRunEnd(text, end+1)
				if seg += end - run; seg > 1 || c <= '9' {
					acro = false
				}
				continue
			}
			if c != '\'' && c != '-' && c != '.' {
				break // space or punctuation that cannot join a word
			}
		}
		r, sz := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			end += sz
			seg++
			if seg > 1 || !isLetterRune(r) {
				acro = false
			}
			continue
		}
		if end+sz >= len(text) {
			break
		}
		next, nsz := utf8.DecodeRuneInString(text[end+sz:])
		switch {
		case r == '\'' || r == '’':
			// Inner apostrophe: "O'Brien" stays whole; "NATO's", "didn't" split.
			if n := cliticLen(text[end+sz:]); n > 0 {
				cl := end
				if cl-1 > start && (text[cl-1] == 'n' || text[cl-1] == 'N') && (next == 't' || next == 'T') {
					// "didn't" → "did" + "n't"
					dst = append(dst, Token{start, cl - 1, Word})
					clEnd := end + sz + 1
					return append(dst, Token{cl - 1, clEnd, Clitic}), clEnd
				}
				dst = append(dst, Token{start, end, Word})
				clEnd := end + sz + n
				return append(dst, Token{end, clEnd, Clitic}), clEnd
			}
			if isLetterRune(next) {
				end += sz + nsz
				acro, seg = false, 1
				continue
			}
		case r == '-' || r == '‑':
			if isWordRune(next) {
				end += sz + nsz
				acro, seg = false, 1
				continue
			}
		case isJoiner(r):
			if joiners && isWordRune(next) {
				end += sz + nsz
				acro, seg = false, 1
				continue
			}
		case r == '.':
			// Acronym dots: single letters separated by dots, "U.S." or "U.N.".
			if acro && seg == 1 && isLetterRune(next) {
				end += sz + nsz
				dots, seg = dots+1, 1
				continue
			}
		}
		break
	}
	// A trailing dot after an acronym ("U.S.") belongs to it.
	if acro && dots > 0 && seg == 1 && end < len(text) && text[end] == '.' {
		end++
	}
	return append(dst, Token{start, end, Word}), end
}
