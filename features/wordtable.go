package features

import "math/bits"

// wordTable is a read-only open-addressing hash table from a word's
// xxHash64 to a small bit set. It replaces Go maps with string keys on the
// hot path: one hash of the word, then usually one probe. Key 0 marks an
// empty slot (a word hashing to 0 would be absent, with odds of 2^-64).
type wordTable struct {
	keys []uint64
	vals []uint32
	mask uint64
}

func newWordTable(m map[uint64]uint32) *wordTable {
	size := 1 << bits.Len(uint(len(m)*4)) // load factor at most 1/4
	t := &wordTable{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
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

func (t *wordTable) get(k uint64) uint32 {
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// Word classes of the mention finder. They hold for a word spelled
// exactly as listed ("May" is a month, "may" and "MAY" are not), but live
// in the term table, keyed by the normalised word like everything else
// there, so that a token costs one hash and one lookup: the entry holds
// the classes of the capitalised spelling and of the all-capitals one
// apart, and nameClass picks by the token's spelling.
// The eight classes fill the byte that each spelling has in the entry
// (see capShift): a ninth needs another layout. Feature set 5's words
// have classes of their own, since the older sets' finders must not see
// them; an extractor of set 5 on adds the class they extend (see
// fold5).
const (
	clsTitle uint16 = 1 << iota
	clsTitleModifier
	clsFunction
	clsCommonNoun
	clsDemonym
	clsCalendar
	clsFunction5      // function words of feature set 5 on (functionWords5): clsFunction to it
	clsTitleModifier5 // title modifiers of feature set 5 on (titleModifiers5): clsTitleModifier to it

	clsName   uint16 = 1 << 15 // not a word class: the token can be part of a name (isNameToken)
	clsHyphen uint16 = 1 << 14 // not a word class: a name token with a hyphen in it (indexHyphen)
	clsAt     uint16 = 1 << 13 // not a word class: the "@" that starts a handle (isHandleAt)
	// not a word class: a name token that is a demonym of demonyms7, from
	// feature set 7 on; looked up in a table of its own (names7Table),
	// as the term table has no bit to spare.
	clsDemonym7 uint16 = 1 << 8
	// not a word class: a name token, capitalised, that is a title of
	// titles8 or a title modifier of modifiers8, from feature set 8 on
	// (names7Table), so that retitle8 and the headline rules need not look
	// its spelling up again.
	clsWord8 uint16 = 1 << 9
)

// Where the mention classes sit in a term table entry.
const (
	capShift   = 16 // classes of the capitalised spelling ("May", "Mr")
	upperShift = 24 // classes of the all-capitals spelling ("CEO", "OK")
)

// nameClassWords lists the mention finder's words by class.
var nameClassWords = []struct {
	cls   uint16
	words map[string]struct{}
}{
	{clsTitle, titles}, {clsTitleModifier, titleModifiers}, {clsFunction, functionWords},
	{clsCommonNoun, commonNouns}, {clsDemonym, demonyms}, {clsCalendar, calendarWords},
	{clsFunction5, functionWords5}, {clsTitleModifier5, titleModifiers5},
}

// addNameClasses adds the mention classes to the term table entries m.
// Every listed word is ASCII letters, spelled capitalised ("The") or in
// capitals ("CEO"); it panics on any other spelling, a defect in the lists
// that the tests catch.
func addNameClasses(m map[uint64]uint32) {
	for _, c := range nameClassWords {
		for w := range c.words {
			var shift uint
			switch spelling(w) {
			case spellCapital:
				shift = capShift
			case spellUpper:
				shift = upperShift
			default:
				panic("features: mention word list entry " + w + " is neither capitalised nor in capitals")
			}
			m[normHash(w)] |= uint32(c.cls) << shift
		}
	}
}

// Spellings that nameClass tells apart.
const (
	spellOther   = iota
	spellCapital // an ASCII capital, then only ASCII lower-case letters: "May", "A"
	spellUpper   // ASCII capitals only, at least two: "CEO"
)

func spelling(w string) int {
	if len(w) == 0 || w[0] < 'A' || w[0] > 'Z' {
		return spellOther
	}
	lower, upper := 0, 0
	for i := 1; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z':
			lower++
		case 'A' <= c && c <= 'Z':
			upper++
		default:
			return spellOther
		}
	}
	switch {
	case upper == 0:
		return spellCapital
	case lower == 0:
		return spellUpper
	}
	return spellOther
}

// nameClass returns the mention classes of the token w, whose term table
// entry is entry: those of its exact spelling.
// Most words have no mention classes; that case is inlined.
func nameClass(w string, entry uint32) uint16 {
	if entry>>capShift == 0 {
		return 0
	}
	return nameClassOf(w, entry)
}

func nameClassOf(w string, entry uint32) uint16 {
	switch spelling(w) {
	case spellCapital:
		return uint16(entry>>capShift) & 0xff
	case spellUpper:
		return uint16(entry>>upperShift) & 0xff
	}
	return 0
}

// wordClass is one class of a word table: its bit and its words, spelled
// as they are hashed.
type wordClass struct {
	bit   uint32
	words []string
}

// buildWordTable adds each class's bit to the entries of its words' hashes
// in m and builds the table.
func buildWordTable(m map[uint64]uint32, classes ...wordClass) *wordTable {
	for _, c := range classes {
		for _, w := range c.words {
			m[normHash(w)] |= c.bit
		}
	}
	return newWordTable(m)
}
