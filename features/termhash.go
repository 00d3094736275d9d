package features

import (
	"math/bits"

	"github.com/cespare/xxhash/v2"
)

// normHash returns the hash of w's normalised form, xxHash64 with seed 0
// of AppendNormalized(nil, w): the key of w in the word tables.
func normHash(w string) uint64 { return xxhash.Sum64(AppendNormalized(nil, w)) }

// termHashSlow is normHash(w), normalising into buf; with joiners false,
// the hash of the form before feature set 11, which kept the joiners (see
// appendNormalized). A token's hash is normHash of its text (for feature
// sets before 11, of that older form), and Extractor.prepare computes it
// in two steps: shortASCIIHash, a fused path for words shorter than 32
// bytes and all ASCII — nearly every token — that lower-cases eight bytes
// at a time and hashes them as it goes, with no copy; else termHashSlow.
// TestTermHash and FuzzTermHash hold the two steps equal to normHash, and
// TestTermHash checks prepare's hashes too.
func termHashSlow(buf *[]byte, w string, joiners bool) uint64 {
	*buf = appendNormalized((*buf)[:0], w, joiners)
	return xxhash.Sum64(*buf)
}

// The xxHash64 primes (see the xxHash specification,
// https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md).
const (
	xxPrime1 uint64 = 11400714785074694791
	xxPrime2 uint64 = 14029467366897019727
	xxPrime3 uint64 = 1609587929392839161
	xxPrime4 uint64 = 9650029242287828579
	xxPrime5 uint64 = 2870177450012600261
)

// shortASCIIHash is xxHash64 (seed 0) of s lower-cased, for len(s) < 32:
// the specification's short-input path — no stripes, then 8-byte lanes,
// one 4-byte lane, single bytes and the avalanche. upper reports whether s
// holds a capital. It reports ok false, and the caller takes the general
// path, when s holds a non-ASCII byte or is 32 bytes or longer.
func shortASCIIHash(s string) (h uint64, upper, ok bool) {
	n := len(s)
	if n >= 32 {
		return 0, false, false
	}
	var caps uint64
	h = xxPrime5 + uint64(n)
	i := 0
	for ; i+8 <= n; i += 8 {
		b := s[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x&high8 != 0 {
			return 0, false, false
		}
		lx := lowerASCII8(x)
		caps |= lx ^ x
		k := bits.RotateLeft64(lx*xxPrime2, 31) * xxPrime1
		h ^= k
		h = bits.RotateLeft64(h, 27)*xxPrime1 + xxPrime4
	}
	if i+4 <= n {
		b := s[i : i+4]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24
		if x&high8 != 0 {
			return 0, false, false
		}
		lx := lowerASCII8(x)
		caps |= lx ^ x
		h ^= lx * xxPrime1
		h = bits.RotateLeft64(h, 23)*xxPrime2 + xxPrime3
		i += 4
	}
	for ; i < n; i++ {
		c := s[i]
		if c >= 0x80 {
			return 0, false, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			caps = 1
		}
		h ^= uint64(c) * xxPrime5
		h = bits.RotateLeft64(h, 11) * xxPrime1
	}
	h ^= h >> 33
	h *= xxPrime2
	h ^= h >> 29
	h *= xxPrime3
	h ^= h >> 32
	return h, caps != 0, true
}

// lowerASCII8 lower-cases the ASCII capitals among the eight bytes of x,
// all below 0x80: a byte b gets its 0x20 bit when 'A' <= b <= 'Z'. Adding
// 0x80-'A' to b sets its high bit when b >= 'A', adding 0x80-'Z'-1 when
// b > 'Z'; no sum carries into the next byte since b < 0x80.
func lowerASCII8(x uint64) uint64 {
	ge := x + ones8*(0x80-'A')
	gt := x + ones8*(0x80-'Z'-1)
	return x | (ge&^gt&high8)>>2
}
