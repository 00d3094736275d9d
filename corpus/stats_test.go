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

// TestRepeatedSpans checks the counts of repeated and conflicting spans,
// on a few targets (the scan) and on many (the map), which must agree.
func TestRepeatedSpans(t *testing.T) {
	tg := func(start, end int, l corpus.Label) corpus.Target {
		return corpus.Target{Start: start, End: end, Label: l}
	}
	few := []corpus.Target{
		tg(0, 4, corpus.Critical),
		tg(10, 14, corpus.Neutral),
		tg(0, 4, corpus.Critical),   // repeated, same label
		tg(10, 14, corpus.Critical), // repeated, another label
		tg(10, 14, corpus.Critical), // repeated; differs from the first of the span
		tg(10, 15, corpus.Critical), // another span
		tg(0, 4, "bogus"),           // repeated, a label outside the three
	}
	ex := corpus.Example{Targets: few}
	r, c := ex.RepeatedSpans()
	assert.Equal(t, 4, r, "repeated")
	assert.Equal(t, 3, c, "conflicting")
	st := corpus.ComputeStats([]corpus.Example{ex})
	assert.Equal(t, 4, st.RepeatedSpans)
	assert.Equal(t, 3, st.ConflictingSpans)

	// Past 32 targets: the same targets after 40 distinct ones.
	var many []corpus.Target
	for i := range 40 {
		many = append(many, tg(100+2*i, 101+2*i, corpus.Supportive))
	}
	many = append(many, few...)
	r, c = corpus.Example{Targets: many}.RepeatedSpans()
	assert.Equal(t, 4, r, "repeated, many targets")
	assert.Equal(t, 3, c, "conflicting, many targets")

	r, c = corpus.Example{Targets: few[:2]}.RepeatedSpans()
	assert.Zero(t, r+c, "no span twice")
}
