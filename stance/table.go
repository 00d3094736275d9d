package stance

import (
	"math"
	"math/bits"
)

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
// per-label counts, used while training. A slot holds a key and its counts
// together, so that counting one feature touches one cache line (two, for
// the quarter of slots that straddle a line), where keys and counts apart
// took two misses on a large table. Key 0 is kept aside as in table.
type counts struct {
	slots   []countSlot
	n       int
	shift   uint // slot = key >> shift: slot order is close to key order
	mask    uint64
	hasZero bool
	zero    [NumLabels]uint32
}

type countSlot struct {
	key uint64
	c   [NumLabels]uint32
}

func newCounts(size int) *counts {
	size = 1 << bits.Len(uint(max(size, 8)-1))
	return &counts{slots: make([]countSlot, size),
		shift: uint(64 - bits.TrailingZeros(uint(size))), mask: uint64(size - 1)}
}

// at returns a pointer to k's counts, inserting zero counts if k is new.
func (c *counts) at(k uint64) *[NumLabels]uint32 {
	if k == 0 {
		c.hasZero = true
		return &c.zero
	}
	if 2*(c.n+1) > len(c.slots) {
		c.grow(c.n + 1)
	}
	for i := k >> (c.shift & 63); ; i = (i + 1) & c.mask {
		s := &c.slots[i]
		switch s.key {
		case k:
			return &s.c
		case 0:
			s.key = k
			c.n++
			return &s.c
		}
	}
}

// grow moves the counts to a table with room for n keys at load 1/2.
func (c *counts) grow(n int) {
	old := *c
	*c = *newCounts(max(2*len(old.slots), 2*n))
	c.hasZero, c.zero = old.hasZero, old.zero
	for _, s := range old.slots {
		if s.key != 0 {
			*c.at(s.key) = s.c
		}
	}
}

// add counts one example of label index l for each id, saturating at the
// largest uint32: at's work, for a whole example, with the table's fields
// in locals and room made for every id first, so that the loop is little
// more than its probes. It writes at's probe loop out again: the loop as
// one function inlined into both cost add 9% more instructions (31.2M
// against 28.7M per BenchmarkTrainer run, .ci/instr 'Trainer$' 3), for the
// flag it must return.
func (c *counts) add(ids []uint64, l int) {
	if 2*(c.n+len(ids)) > len(c.slots) {
		c.grow(c.n + len(ids))
	}
	slots, shift, mask := c.slots, c.shift&63, c.mask
	n := c.n
	for _, k := range ids {
		var v *[NumLabels]uint32
		if k == 0 {
			c.hasZero = true
			v = &c.zero
		} else {
			for i := k >> shift; ; i = (i + 1) & mask {
				s := &slots[i]
				if s.key == k {
					v = &s.c
					break
				}
				if s.key == 0 {
					s.key = k
					n++
					v = &s.c
					break
				}
			}
		}
		if v[l] < math.MaxUint32 {
			v[l]++
		}
	}
	c.n = n
}

// len returns the number of keys.
func (c *counts) len() int {
	if c.hasZero {
		return c.n + 1
	}
	return c.n
}

// sorted returns the keys in ascending order and their counts. It reads
// the slots in order, which is nearly key order: a key sits at its home
// slot (its high bits) or a few slots past it, in the same run of full
// slots as the keys it is out of order with. The keys whose probe wrapped
// past the last slot are moved to the end, where they belong, and an
// insertion sort then puts each key in place in a few steps. This costs a
// fraction of sorting the keys and looking each up again, which missed the
// cache once a key on a large table.
func (c *counts) sorted() ([]uint64, [][NumLabels]uint32) {
	keys := make([]uint64, c.len())
	vals := make([][NumLabels]uint32, c.len())
	n := 0
	if c.hasZero {
		keys[0], vals[0] = 0, c.zero
		n = 1
	}
	// The keys whose probe wrapped past the last slot sit at the start
	// of the table; they go after the rest.
	var tail []int
	slots, shift := c.slots, c.shift&63
	for i := range slots {
		switch k := slots[i].key; {
		case k == 0:
		case k>>shift > uint64(i):
			tail = append(tail, i)
		default:
			keys[n], vals[n] = k, slots[i].c
			n++
		}
	}
	for _, i := range tail {
		keys[n], vals[n] = slots[i].key, slots[i].c
		n++
	}
	for i := 1; i < n; i++ {
		k := keys[i]
		if keys[i-1] <= k {
			continue
		}
		v := vals[i]
		j := i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j], vals[j] = keys[j-1], vals[j-1]
		}
		keys[j], vals[j] = k, v
	}
	return keys, vals
}
