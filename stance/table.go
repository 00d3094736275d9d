package stance

import "math/bits"

// table is an open-addressing hash table from feature id to the feature's
// per-label log-likelihoods. Feature ids are already uniform hashes, so the
// slot is the id's low bits. Key 0 marks an empty slot; the one feature
// whose id is 0 is stored in zeroVal.
type table struct {
	keys    []uint64
	vals    [][NumLabels]float32
	mask    uint64
	hasZero bool
	zeroVal [NumLabels]float32
}

func newTable(n int) *table {
	size := 1 << bits.Len(uint(n*2)) // load factor at most 1/2
	if size < 8 {
		size = 8
	}
	return &table{
		keys: make([]uint64, size),
		vals: make([][NumLabels]float32, size),
		mask: uint64(size - 1),
	}
}

func (t *table) put(k uint64, v [NumLabels]float32) {
	if k == 0 {
		t.hasZero, t.zeroVal = true, v
		return
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i], t.vals[i] = k, v
			return
		}
	}
}

// get returns a pointer to k's values, or nil if k is absent.
func (t *table) get(k uint64) *[NumLabels]float32 {
	if k == 0 {
		if t.hasZero {
			return &t.zeroVal
		}
		return nil
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i]
		case 0:
			return nil
		}
	}
}
