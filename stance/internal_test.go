package stance

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
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
