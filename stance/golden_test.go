package stance_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/stance"
)

var updatePredictions = os.Getenv("STANCEKIT_UPDATE_PREDICTIONS") != ""

// TestDefaultPredictionsUnchanged compares the default model's predictions
// on the NewsMTSC dev files with testdata/dev_predictions.json, written by
// the same test: speed work must not change a single label or move a
// probability. Regenerate only when the model is meant to change:
//
//	STANCEKIT_UPDATE_PREDICTIONS=1 go test ./stance -run TestDefaultPredictionsUnchanged
func TestDefaultPredictionsUnchanged(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	type pred struct {
		Key   string     `json:"key"`
		Label string     `json:"label"`
		Probs [3]float64 `json:"probs"`
	}
	var got []pred
	for _, file := range []string{"dev_rw.jsonl", "dev_mt.jsonl"} {
		for _, ex := range newsmtsc(t, file) {
			for i, tg := range ex.Targets {
				p, err := m.Predict(ex.Text, stance.Span{Start: tg.Start, End: tg.End})
				require.NoError(t, err)
				got = append(got, pred{fmt.Sprintf("%s/%s#%d", file, ex.ID, i), string(p.Label), p.Probs})
			}
		}
	}
	const path = "testdata/dev_predictions.json"
	if updatePredictions {
		b, err := json.MarshalIndent(got, "", " ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, append(b, '\n'), 0o644))
	}
	var want []pred
	require.NoError(t, json.Unmarshal(mustRead(t, path), &want))
	require.Len(t, got, len(want))
	for i := range want {
		require.Equal(t, want[i].Key, got[i].Key)
		require.Equal(t, want[i].Label, got[i].Label, "%s: label changed", want[i].Key)
		for l := range want[i].Probs {
			require.LessOrEqual(t, math.Abs(want[i].Probs[l]-got[i].Probs[l]), 1e-9, "%s: probability moved", want[i].Key)
		}
	}
}
