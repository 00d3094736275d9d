package stance

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
)

func TestFromScoresTiesAndExtremes(t *testing.T) {
	cases := []struct {
		name  string
		score [NumLabels]float64
		label Label
		probs [NumLabels]float64
	}{
		{"all equal → lowest index", [NumLabels]float64{-3, -3, -3}, Critical, [NumLabels]float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		{"tie of last two", [NumLabels]float64{-9, -1, -1}, Neutral, [NumLabels]float64{0.000167, 0.499916, 0.499916}},
		{"very negative scores do not underflow", [NumLabels]float64{-1e6, -1e6 + math.Log(3), -2e6}, Neutral, [NumLabels]float64{0.25, 0.75, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := fromScores(c.score, 1)
			assert.Equal(t, c.label, p.Label)
			for i := range c.probs {
				assert.InDelta(t, c.probs[i], p.Probs[i], 1e-6)
			}
		})
	}
}

func TestTable(t *testing.T) {
	tab := newTable(100)
	for k := uint64(0); k < 100; k++ {
		tab.put(k*0x9e3779b97f4a7c15, [NumLabels]float32{float32(k), 1, 2})
	}
	for k := uint64(0); k < 100; k++ {
		v := tab.get(k * 0x9e3779b97f4a7c15)
		if assert.NotNil(t, v, "key %d", k) {
			assert.Equal(t, float32(k), v[0])
		}
	}
	assert.Nil(t, tab.get(12345))
	assert.NotNil(t, tab.get(0), "key 0 is stored aside")
}

// TestCountsSorted checks that counts.sorted returns every key once, in
// ascending order, with its counts, across growth and for the keys that
// make its near-order assumption hardest: many with the same home slot
// (long probe runs), runs that wrap past the last slot, and key 0.
func TestCountsSorted(t *testing.T) {
	cases := map[string]func(i uint64) uint64{
		"uniform, key 0 among them": func(i uint64) uint64 { return i * 0x9e3779b97f4a7c15 },
		"one home":                  func(i uint64) uint64 { return 1<<40 + i },          // every key in slot 0's run
		"at the end":                func(i uint64) uint64 { return math.MaxUint64 - i }, // every probe wraps
		"both ends": func(i uint64) uint64 {
			if i%2 == 0 {
				return math.MaxUint64 - i
			}
			return i
		},
	}
	for name, key := range cases {
		t.Run(name, func(t *testing.T) {
			c := newCounts(8)
			want := map[uint64][NumLabels]uint32{}
			// About three times each key, the table growing meanwhile,
			// in batches of 1 to 19 keys and one label, some keys twice.
			next := uint64(0)
			for b := range 300 {
				var batch []uint64
				for j := range 1 + b%19 {
					k := key(next % 1000)
					next++
					batch = append(batch, k)
					if j%5 == 0 {
						batch = append(batch, k)
					}
				}
				l := b % NumLabels
				c.add(batch, l)
				for _, k := range batch {
					w := want[k]
					w[l]++
					want[k] = w
				}
			}
			keys, vals := c.sorted()
			assert.Equal(t, len(want), c.len())
			if !assert.Len(t, keys, len(want)) || !assert.Len(t, vals, len(want)) {
				return
			}
			for i, k := range keys {
				if i > 0 && !assert.Less(t, keys[i-1], k, "keys %d and %d out of order", i-1, i) {
					return
				}
				assert.Equal(t, want[k], vals[i], "counts of key %#x", k)
			}
		})
	}
}

// TestCountsSaturate checks that a count stops at the largest uint32
// instead of wrapping to 0, for key 0 (kept aside) and any other.
func TestCountsSaturate(t *testing.T) {
	c := newCounts(8)
	for _, k := range []uint64{0, 42 << 50} {
		c.add([]uint64{k}, 1)
		c.at(k)[1] = math.MaxUint32 - 1
		c.add([]uint64{k, k, k}, 1)
		assert.Equal(t, [NumLabels]uint32{0, math.MaxUint32, 0}, *c.at(k), "key %#x", k)
	}
}

// TestMayQuote checks mayQuote against features.IsQuoteMark: it is true
// for every text with a double quotation mark, and false for texts
// without one, also with other punctuation of the same lead bytes (’ —
// … ©).
func TestMayQuote(t *testing.T) {
	marks := []string{"\"", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"}
	others := []string{"NATO", " ", "’", "—", "…", "©", "\u00a0", "é", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		quoted := false
		for range rng.IntN(12) {
			if rng.IntN(8) == 0 {
				b.WriteString(marks[rng.IntN(len(marks))])
				quoted = true
			} else {
				b.WriteString(others[rng.IntN(len(others))])
			}
		}
		s := b.String()
		require.Equal(t, quoted, mayQuote(s), "%q", s)
		for _, r := range s {
			if ok, _, _ := features.IsQuoteMark(string(r)); ok {
				require.True(t, quoted, "%q", s)
			}
		}
	}
}
