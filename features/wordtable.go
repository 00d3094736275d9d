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

var wordClasses = func() *wordTable {
	m := map[uint64]uint16{}
	for set, c := range map[*map[string]struct{}]uint16{
		&titles: clsTitle, &titleModifiers: clsTitleModifier, &functionWords: clsFunction,
		&commonNouns: clsCommonNoun, &demonyms: clsDemonym, &calendarWords: clsCalendar,
	} {
		for w := range *set {
			m[xxhash.Sum64String(w)] |= c
		}
	}
	return newWordTable(m)
}()

// classOf returns the word classes of w, spelled exactly.
func classOf(w string) uint16 { return wordClasses.get(xxhash.Sum64String(w)) }
