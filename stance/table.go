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
	shift   uint // below 64; lookups mask it with 63 so that the compiler need not handle a larger one
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

// maxProbe bounds the probe length ReadModel accepts.
const maxProbe = 256

// put stores k's weights and returns how many slots it probed. It gives up,
// storing nothing, after more than maxProbe slots.
func (t *table) put(k uint64, v [NumLabels]float32) int {
	if k == 0 {
		t.hasZero, t.zero = true, v
		return 1
	}
	n := 1
	for i := k >> (t.shift & 63); ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.key == 0 || s.key == k {
			s.key, s.val = k, v
			return n
		}
		if n++; n > maxProbe {
			return n
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
	for i := k >> (t.shift & 63); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch s.key {
		case k:
			return &s.val
		case 0:
			return nil
		}
	}
}

// addWeights adds the weights of the keys in ids to score, in order, as
// a loop of get would; absent keys add nothing. The sums are kept in
// registers and the table's fields in locals, so that an iteration is
// little more than its probe and more of the probes' cache misses
// overlap.
func (t *table) addWeights(score *[NumLabels]float64, ids []uint64) {
	_ = [1]struct{}{}[NumLabels-3] // written for three labels: fails to compile otherwise
	s0, s1, s2 := score[0], score[1], score[2]
	slots, shift, mask := t.slots, t.shift&63, t.mask
	for _, k := range ids {
		var v *[NumLabels]float32
		if k == 0 {
			if !t.hasZero {
				continue
			}
			v = &t.zero
		} else {
			for i := k >> shift; ; i = (i + 1) & mask {
				s := &slots[i]
				if s.key == k {
					v = &s.val
					break
				}
				if s.key == 0 {
					break
				}
			}
			if v == nil {
				continue
			}
		}
		s0 += float64(v[0])
		s1 += float64(v[1])
		s2 += float64(v[2])
	}
	score[0], score[1], score[2] = s0, s1, s2
}

// counts is a growing open-addressing hash table from feature id to its
// per-label counts, used while training. Key 0 is kept aside as in table.
type counts struct {
	keys    []uint64
	vals    [][NumLabels]uint32
	n       int
	shift   uint // slot = key >> shift: slot order is close to key order
	mask    uint64
	hasZero bool
	zero    [NumLabels]uint32
}

func newCounts(size int) *counts {
	size = 1 << bits.Len(uint(max(size, 8)-1))
	return &counts{keys: make([]uint64, size), vals: make([][NumLabels]uint32, size),
		shift: uint(64 - bits.TrailingZeros(uint(size))), mask: uint64(size - 1)}
}

// at returns a pointer to k's counts, inserting zero counts if k is new.
func (c *counts) at(k uint64) *[NumLabels]uint32 {
	if k == 0 {
		c.hasZero = true
		return &c.zero
	}
	if 2*(c.n+1) > len(c.keys) {
		c.grow()
	}
	for i := k >> (c.shift & 63); ; i = (i + 1) & c.mask {
		switch c.keys[i] {
		case k:
			return &c.vals[i]
		case 0:
			c.keys[i] = k
			c.n++
			return &c.vals[i]
		}
	}
}

func (c *counts) grow() {
	old := *c
	*c = *newCounts(2 * len(old.keys))
	c.hasZero, c.zero = old.hasZero, old.zero
	for i, k := range old.keys {
		if k != 0 {
			*c.at(k) = old.vals[i]
		}
	}
}

// each calls fn for every key and its counts, nearly in ascending key
// order (slots follow the keys' high bits; probing displaces a few).
func (c *counts) each(fn func(k uint64, v [NumLabels]uint32)) {
	if c.hasZero {
		fn(0, c.zero)
	}
	for i, k := range c.keys {
		if k != 0 {
			fn(k, c.vals[i])
		}
	}
}

// len returns the number of keys.
func (c *counts) len() int {
	if c.hasZero {
		return c.n + 1
	}
	return c.n
}

// get returns k's counts, or zero counts if k is absent.
func (c *counts) get(k uint64) [NumLabels]uint32 {
	if k == 0 {
		return c.zero
	}
	for i := k >> (c.shift & 63); ; i = (i + 1) & c.mask {
		switch c.keys[i] {
		case k:
			return c.vals[i]
		case 0:
			return [NumLabels]uint32{}
		}
	}
}
