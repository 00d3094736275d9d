package stance

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTemperatureFitRecovers draws labels from softmax(scores / T) for a
// known T and checks that Fit finds it again.
func TestTemperatureFitRecovers(t *testing.T) {
	for _, want := range []float64{0.5, 1, 4, 20} {
		r := rand.New(rand.NewPCG(1, uint64(want*8)))
		var f TemperatureFit
		for range 20000 {
			var s [NumLabels]float64
			for l := range s {
				s[l] = r.NormFloat64() * 6
			}
			p := fromScores(s, 1/want)
			u, g := r.Float64(), 0
			for g < NumLabels-1 && u > p.Probs[g] {
				u -= p.Probs[g]
				g++
			}
			f.add(s, g)
		}
		got, err := f.Fit()
		require.NoError(t, err)
		assert.InDelta(t, 1, got/want, 0.05, "T %v: fitted %v", want, got)
		assert.Less(t, f.loss(1/got), f.loss(1/(got*1.2)))
		assert.Less(t, f.loss(1/got), f.loss(1/(got/1.2)))
		assert.False(t, math.IsNaN(got))
	}
}

// TestTemperatureFitEdges: data the scores get right by a wide margin
// wants the sharpest temperature, data they get wrong the softest, and
// huge scores neither overflow nor stall the search.
func TestTemperatureFitEdges(t *testing.T) {
	fit := func(scores [][NumLabels]float64, gold []int) float64 {
		var f TemperatureFit
		for i, s := range scores {
			f.add(s, gold[i])
		}
		got, err := f.Fit()
		require.NoError(t, err)
		return got
	}
	assert.InEpsilon(t, minTemperature, fit([][NumLabels]float64{{100, 0, 0}, {0, 0, 100}}, []int{0, 2}), 1e-9, "all right, margin 100")
	assert.InEpsilon(t, minTemperature, fit([][NumLabels]float64{{5, 0, 0}, {0, 7, 0}}, []int{0, 1}), 1e-9, "one right target each, margins 5 and 7")
	assert.InEpsilon(t, maxTemperature, fit([][NumLabels]float64{{100, 0, 0}, {0, 0, 100}}, []int{1, 1}), 1e-9, "all wrong")
	assert.InEpsilon(t, maxTemperature, fit([][NumLabels]float64{{-1e300, 0, 0}}, []int{0}), 1e-9, "huge scores, wrong")
	assert.InEpsilon(t, minTemperature, fit([][NumLabels]float64{{1e300, 0, 0}}, []int{0}), 1e-9, "huge scores, right")
}

func TestTemperedSharesTable(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	c, err := m.Tempered(2)
	require.NoError(t, err)
	assert.Same(t, m.tab, c.tab, "the scoring table is shared, not rebuilt")
	assert.Equal(t, 0.5, c.invTemp)
	assert.Contains(t, c.String(), "temperature: 2")
}
