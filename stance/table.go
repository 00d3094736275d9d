package stance

import "math/bits"

// table is an open-addressing hash table from feature id to the feature's
// per-label weights. Feature ids are already uniform hashes, so the slot is
// the id's high bits (the low bits carry the feature group). A slot holds
// the key and its weights together, so a lookup touches one cache line.
// Key 0 marks an empty slot; the one feature whose id is 0 is stored in
// zero.
type table struct {
	slots   []slot
	shift   uint
	mask    uint64
	hasZero bool
	zero    [NumLabels]float32
}

type slot struct {
	key uint64
	val [NumLabels]float32
}

func newTable(n int) *table {
	size := 1 << bits.Len(uint(n*2)) // load factor at most 1/2
	if size < 8 {
		size = 8
	}
	return &table{slots: make([]slot, size), shift: uint(64 - bits.TrailingZeros(uint(size))), mask: uint64(size - 1)}
}

func (t *table) put(k uint64, v [NumLabels]float32) {
	if k == 0 {
		t.hasZero, t.zero = true, v
		return
	}
	for i := k >> t.shift; ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.key == 0 || s.key == k {
			s.key, s.val = k, v
			return
		}
	}
}

// get returns a pointer to k's weights, or nil if k is absent.
func (t *table) get(k uint64) *[NumLabels]float32 {
	if k == 0 {
		if t.hasZero {
			return &t.zero
		}
		return nil
	}
	for i := k >> t.shift; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch s.key {
		case k:
			return &s.val
		case 0:
			return nil
		}
	}
}
