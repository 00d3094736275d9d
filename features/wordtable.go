package features

import (
	"math/bits"

	"github.com/cespare/xxhash/v2"
)

// wordTable is a read-only open-addressing hash table from a word's
// xxHash64 to a small bit set. It replaces Go maps with string keys on the
// hot path: one hash of the word, then usually one probe. Key 0 marks an
// empty slot (a word hashing to 0 would be absent, with odds of 2^-64).
type wordTable struct {
	keys []uint64
	vals []uint16
	mask uint64
}

func newWordTable(m map[uint64]uint16) *wordTable {
	size := 1 << bits.Len(uint(len(m)*4)) // load factor at most 1/4
	t := &wordTable{keys: make([]uint64, size), vals: make([]uint16, size), mask: uint64(size - 1)}
	for k, v := range m {
		if k == 0 {
			continue
		}
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *wordTable) get(k uint64) uint16 {
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// Word classes of the mention finder, by the word's exact spelling.
const (
	clsTitle uint16 = 1 << iota
	clsTitleModifier
	clsFunction
	clsCommonNoun
	clsDemonym
	clsCalendar
)

// wordClass is one class of a word table: its bit and its words, spelled
// as they are hashed.
type wordClass struct {
	bit   uint16
	words []string
}

// buildWordTable adds each class's bit to the entries of its words' hashes
// in m (which may be nil) and builds the table.
func buildWordTable(m map[uint64]uint16, classes ...wordClass) *wordTable {
	if m == nil {
		m = map[uint64]uint16{}
	}
	for _, c := range classes {
		for _, w := range c.words {
			m[xxhash.Sum64String(w)] |= c.bit
		}
	}
	return newWordTable(m)
}

// keys returns the words of a set.
func keys(set map[string]struct{}) []string {
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	return out
}

var wordClasses = buildWordTable(nil,
	wordClass{clsTitle, keys(titles)}, wordClass{clsTitleModifier, keys(titleModifiers)},
	wordClass{clsFunction, keys(functionWords)}, wordClass{clsCommonNoun, keys(commonNouns)},
	wordClass{clsDemonym, keys(demonyms)}, wordClass{clsCalendar, keys(calendarWords)},
)

// classOf returns the word classes of w, spelled exactly.
func classOf(w string) uint16 { return wordClasses.get(xxhash.Sum64String(w)) }
