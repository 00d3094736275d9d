package corpus_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

func TestComputeStats(t *testing.T) {
	tests := []struct {
		name string
		file string
		want corpus.Stats
	}{
		{"corpus", "corpus.jsonl", corpus.Stats{
			Sentences:   7,
			Targets:     11,
			PerLabel:    [3]int{2, 6, 3},
			PerDomain:   map[string]int{"politics": 3, "business": 3, "": 1},
			MultiTarget: 3,
			MixedLabel:  2,
		}},
		{"newsmtsc", "newsmtsc.jsonl", corpus.Stats{
			Sentences:   4,
			Targets:     6,
			PerLabel:    [3]int{2, 3, 1},
			PerDomain:   map[string]int{"newsmtsc": 4},
			MultiTarget: 2,
			MixedLabel:  2,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exs, err := corpus.ReadFile(filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.want, corpus.ComputeStats(exs))
		})
	}
}

func TestComputeStatsEmpty(t *testing.T) {
	st := corpus.ComputeStats(nil)
	assert.Zero(t, st.Sentences)
	assert.NotNil(t, st.PerDomain)
	assert.Empty(t, st.PerDomain)
}

func TestComputeStatsSameLabelTwice(t *testing.T) {
	exs := []corpus.Example{{Domain: "d", Targets: []corpus.Target{{Label: corpus.Critical}, {Label: corpus.Critical}, {Label: "bogus"}}}}
	st := corpus.ComputeStats(exs)
	assert.Equal(t, 1, st.MultiTarget)
	assert.Equal(t, 0, st.MixedLabel)
	assert.Equal(t, 3, st.Targets)
	assert.Equal(t, [3]int{2, 0, 0}, st.PerLabel)
}
