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
			top := max(s[0], s[1], s[2])
			for l := range s {
				s[l] -= top
			}
			f.scores = append(f.scores, s)
			f.gold = append(f.gold, int8(g))
		}
		got, err := f.Fit()
		require.NoError(t, err)
		assert.InDelta(t, 1, got/want, 0.05, "T %v: fitted %v", want, got)
		assert.Less(t, f.loss(1/got), f.loss(1/(got*1.2)))
		assert.Less(t, f.loss(1/got), f.loss(1/(got/1.2)))
		assert.False(t, math.IsNaN(got))
	}
}
