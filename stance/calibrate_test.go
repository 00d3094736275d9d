package stance_test

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/stance"
)

func TestTempered(t *testing.T) {
	exs := smallCorpus()
	m, err := stance.Train(exs, nil)
	require.NoError(t, err)
	assert.Equal(t, 1.0, m.Temperature())
	hot, err := m.Tempered(3)
	require.NoError(t, err)
	assert.Equal(t, 3.0, hot.Temperature())
	assert.Equal(t, 1.0, m.Temperature(), "m is unchanged")
	text := "The minister praised NATO on day 7."
	sp := at(text, "NATO")
	cold, err := m.Predict(text, sp)
	require.NoError(t, err)
	warm, err := hot.Predict(text, sp)
	require.NoError(t, err)
	assert.Equal(t, cold.Label, warm.Label, "a temperature never changes the label")
	assert.Less(t, warm.Prob(warm.Label), cold.Prob(cold.Label), "T > 1 softens the top probability")
	// p_T is proportional to p_1^(1/T).
	var z float64
	for _, p := range cold.Probs {
		z += math.Pow(p, 1.0/3)
	}
	for l, p := range cold.Probs {
		assert.InDelta(t, math.Pow(p, 1.0/3)/z, warm.Probs[l], 1e-9)
	}
	// Trained with the option, the model is the same.
	direct, err := stance.Train(exs, nil, stance.WithTemperature(3))
	require.NoError(t, err)
	file := encode(t, hot)
	assert.Equal(t, file, encode(t, direct))
	// The temperature survives a round trip through a file.
	back, err := stance.ReadModel(bytes.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, 3.0, back.Temperature())
	again, err := back.Predict(text, sp)
	require.NoError(t, err)
	assert.Equal(t, warm, again)
	// Models of different temperatures do not merge.
	_, err = stance.Merge(m, hot)
	require.ErrorIs(t, err, stance.ErrIncompatible)

	for _, bad := range []float64{0, -1, 1.0 / 100, 1025, math.NaN(), math.Inf(1)} {
		_, err := m.Tempered(bad)
		require.ErrorIs(t, err, stance.ErrBadOption, "%v", bad)
	}
}

func TestTemperatureFit(t *testing.T) {
	var f stance.TemperatureFit
	_, err := f.Fit()
	require.ErrorIs(t, err, stance.ErrNoData)
	exs := smallCorpus()
	m, err := stance.Train(exs, nil)
	require.NoError(t, err)
	bad := corpus.Example{Text: "NATO", Targets: []corpus.Target{{Start: 0, End: 9, Label: stance.Critical}}}
	require.ErrorIs(t, f.Add(m, bad), stance.ErrBadSpan)
	assert.Zero(t, f.Targets(), "nothing of a bad example is kept")
	_, _, err = stance.Assess(m, []corpus.Example{exs[0], bad})
	require.ErrorIs(t, err, stance.ErrBadSpan)
	for _, ex := range exs {
		require.NoError(t, f.Add(m, ex))
	}
	assert.Equal(t, len(exs), f.Targets())
	temp, err := f.Fit()
	require.NoError(t, err)
	// On its own training data this model is right and sure of it, so the
	// fit makes it surer still (T < 1).
	assert.Less(t, temp, 1.0)
	assert.GreaterOrEqual(t, temp, 1.0/64)
}

// TestDefaultCalibration holds the default model's probabilities to the
// calibration its temperature (fitted by cross-validation on its training
// data, see the README) gives on the corpus's held-out test part: its
// expected calibration error and log loss must stay well below those of
// the same model without a temperature.
func TestDefaultCalibration(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	test, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	raw, err := m.Tempered(1)
	require.NoError(t, err)
	rep, got, err := stance.Assess(m, test)
	require.NoError(t, err)
	_, before, err := stance.Assess(raw, test)
	require.NoError(t, err)
	want, err := stance.Evaluate(m, test)
	require.NoError(t, err)
	assert.Equal(t, want, rep, "Assess's report is Evaluate's")
	assert.Equal(t, rep.Examples, got.Examples())
	t.Logf("temperature %.3f: log loss %.3f (T=1: %.3f), Brier %.3f (%.3f), ECE %.3f (%.3f)",
		m.Temperature(), got.LogLoss(), before.LogLoss(), got.Brier(), before.Brier(), got.ECE(), before.ECE())
	assert.Greater(t, m.Temperature(), 1.0)
	assert.Less(t, got.ECE(), 0.08)
	assert.Less(t, got.LogLoss(), 0.9)
	assert.Less(t, got.LogLoss(), before.LogLoss())
	assert.Less(t, got.Brier(), before.Brier())
}

func TestCalibrationMetrics(t *testing.T) {
	var c stance.Calibration
	assert.Zero(t, c.LogLoss())
	assert.Zero(t, c.ECE())
	sure := stance.Prediction{Label: stance.Critical, Probs: [3]float64{0.9, 0.05, 0.05}}
	unsure := stance.Prediction{Label: stance.Supportive, Probs: [3]float64{0.2, 0.2, 0.6}}
	require.True(t, c.Add(stance.Critical, sure))  // right, confidence 0.9
	require.True(t, c.Add(stance.Neutral, unsure)) // wrong, confidence 0.6
	require.False(t, c.Add("maybe", sure))
	assert.Equal(t, 2, c.Examples())
	assert.InDelta(t, (0.9+0.6)/2, c.Confidence(), 1e-12)
	assert.InDelta(t, (-math.Log(0.9)-math.Log(0.2))/2, c.LogLoss(), 1e-12)
	brier := (0.1*0.1 + 0.05*0.05 + 0.05*0.05) + (0.2*0.2 + 0.8*0.8 + 0.6*0.6)
	assert.InDelta(t, brier/2, c.Brier(), 1e-12)
	// Bins 0.9 (right: gap 0.1) and 0.6 (wrong: gap 0.6), one each.
	assert.InDelta(t, (0.1+0.6)/2, c.ECE(), 1e-12)
	// Probabilities that are not numbers from 0 to 1 are refused.
	for _, probs := range [][3]float64{{math.NaN(), 0.5, 0.5}, {-0.5, 1, 0.5}, {2, 0, 0}} {
		assert.False(t, c.Add(stance.Critical, stance.Prediction{Label: stance.Critical, Probs: probs}), "%v", probs)
	}
	assert.Equal(t, 2, c.Examples())
	// A certain mistake is counted at probability 1e-15, not infinity.
	var d stance.Calibration
	d.Add(stance.Neutral, stance.Prediction{Label: stance.Critical, Probs: [3]float64{1, 0, 0}})
	assert.InDelta(t, -math.Log(1e-15), d.LogLoss(), 1e-9)
}

func TestCrossFitTemperature(t *testing.T) {
	exs := smallCorpus()
	train := func(part []corpus.Example) (*stance.Model, error) { return stance.Train(part, nil) }
	for _, k := range []int{0, 1, len(exs) + 1} {
		_, err := stance.CrossFitTemperature(exs, k, 1, train)
		require.Error(t, err, "k=%d", k)
	}
	temp, err := stance.CrossFitTemperature(exs, 3, 1, train)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, temp, 1.0/64)
	assert.LessOrEqual(t, temp, 1024.0)
	again, err := stance.CrossFitTemperature(exs, 3, 1, train)
	require.NoError(t, err)
	assert.Equal(t, temp, again, "deterministic")
	// A failing trainer's error comes back.
	_, err = stance.CrossFitTemperature(exs, 3, 1, func([]corpus.Example) (*stance.Model, error) {
		return nil, stance.ErrNoData
	})
	require.ErrorIs(t, err, stance.ErrNoData)
}

func TestExplainUnderTemperature(t *testing.T) {
	def, err := stance.Default()
	require.NoError(t, err)
	text := "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO."
	sp := at(text, "NATO")
	base, err := def.Explain(text, sp)
	require.NoError(t, err)
	for _, temp := range []float64{def.Temperature(), 1, 0.25} {
		m, err := def.Tempered(temp)
		require.NoError(t, err)
		e, err := m.Explain(text, sp)
		require.NoError(t, err)
		assert.Equal(t, base.Label, e.Label)
		assert.Equal(t, base.RunnerUp, e.RunnerUp, "the runner-up does not depend on the temperature")
		sum := e.Prior
		for _, c := range e.Features {
			sum += c.LogOdds
		}
		// The contributions are counted before the temperature.
		want := math.Log(e.Prob(e.Label) / e.Prob(e.RunnerUp))
		assert.InDelta(t, want, sum/temp, 1e-6, "T=%v", temp)
	}
	// At a temperature so low that the losers' probabilities round to 0,
	// the runner-up is still the label that scored second.
	cold, err := def.Tempered(1.0 / 64)
	require.NoError(t, err)
	e, err := cold.Explain(text, sp)
	require.NoError(t, err)
	assert.Equal(t, base.RunnerUp, e.RunnerUp)
}

// TestReadModelBadTemperature writes a model of temperature 2.5 and puts
// other values in its temperature field, with a correct checksum, so that
// the decoder and not the checksum must refuse them.
func TestReadModelBadTemperature(t *testing.T) {
	m, err := stance.Train(smallCorpus(), nil, stance.WithTemperature(2.5))
	require.NoError(t, err)
	good := encode(t, m)
	field := binary.LittleEndian.AppendUint64(nil, math.Float64bits(2.5))
	at := bytes.Index(good, field)
	require.Positive(t, at)
	require.Equal(t, -1, bytes.Index(good[at+1:], field), "the temperature's bits occur once")
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), -1, 5e-324, 1.0 / 128, 1025, math.MaxFloat64} {
		bad := append([]byte(nil), good...)
		binary.LittleEndian.PutUint64(bad[at:], math.Float64bits(v))
		_, err := stance.ReadModel(bytes.NewReader(resum(bad)))
		require.ErrorIs(t, err, stance.ErrCorrupt, "%v", v)
		assert.Contains(t, err.Error(), "temperature", "%v", v)
	}
	for _, v := range []float64{1.0 / 64, 1, 1024} {
		ok := append([]byte(nil), good...)
		binary.LittleEndian.PutUint64(ok[at:], math.Float64bits(v))
		back, err := stance.ReadModel(bytes.NewReader(resum(ok)))
		require.NoError(t, err, "%v", v)
		assert.Equal(t, v, back.Temperature())
	}
	// A payload that ends inside the temperature, with a header and
	// checksum that agree with it.
	_, err = stance.ReadModel(bytes.NewReader(frame(stance.FormatVersion, good[16:at+3])))
	require.ErrorIs(t, err, stance.ErrCorrupt)
	assert.Contains(t, err.Error(), "temperature")
}
