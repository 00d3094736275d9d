package stance

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/testtexts"
)

// TestFactoredMatchesPredict checks that scoring a sentence's mentions
// together gives every mention the label and, up to rounding, the
// probabilities that Predict gives it alone: on every corpus and NewsMTSC
// dev sentence, with the default model and with models whose settings
// change what factors.
func TestFactoredMatchesPredict(t *testing.T) {
	texts := testtexts.All(t)
	def, err := Default()
	require.NoError(t, err)
	train, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	noClause, err := Train(train, features.NewExtractor(features.WithClause(false), features.WithWindow(3, 1)),
		WithVariant(Combined), WithGroupWeight(features.GroupSide, 0))
	require.NoError(t, err)
	binary, err := Train(train, nil, WithBinary(true))
	require.NoError(t, err)

	for name, m := range map[string]*Model{"default": def, "no clause, window 3, sides weighted 0": noClause} {
		t.Run(name, func(t *testing.T) {
			var f factored
			var p features.Prepared
			compared := 0
			for _, text := range texts {
				m.ext.Prepare(&p, text)
				if !m.factor(&f, &p) {
					continue
				}
				for j, sp := range p.Mentions() {
					got, ok := m.predictFactored(&f, j)
					if !ok {
						continue
					}
					want, err := m.Predict(text, sp)
					require.NoError(t, err)
					require.Equal(t, want.Label, got.Label, "%q target %q", text, text[sp.Start:sp.End])
					for l := range want.Probs {
						require.LessOrEqual(t, math.Abs(want.Probs[l]-got.Probs[l]), 1e-9, "%q target %q", text, text[sp.Start:sp.End])
					}
					compared++
				}
			}
			t.Logf("%d mentions compared", compared)
			assert.Greater(t, compared, 5000)
		})
	}
	var f factored
	var p features.Prepared
	binary.ext.Prepare(&p, texts[0])
	assert.False(t, binary.factor(&f, &p), "a binary model counts each id once: it does not factor")
	require.NotEmpty(t, p.Mentions())
	sp := p.Mentions()[0]
	want, err := binary.PredictPrepared(&p, sp)
	require.NoError(t, err)
	assert.Equal(t, want, binary.predictMention(&f, false, &p, 0, sp), "unfactored, a mention is scored alone")
}
