package corpus_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

func TestParseLabel(t *testing.T) {
	tests := []struct {
		in   string
		want corpus.Label
	}{
		{"critical", corpus.Critical},
		{"neutral", corpus.Neutral},
		{"supportive", corpus.Supportive},
		{"  Supportive\t", corpus.Supportive},
		{"POSITIVE", corpus.Supportive},
		{"favor", corpus.Supportive},
		{"pro", corpus.Supportive},
		{"negative", corpus.Critical},
		{"Against", corpus.Critical},
		{"con", corpus.Critical},
		{"none", corpus.Neutral},
		{"2", corpus.Critical},
		{"2.0", corpus.Critical},
		{"4", corpus.Neutral},
		{"4.0", corpus.Neutral},
		{"6", corpus.Supportive},
		{" 6.0 ", corpus.Supportive},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := corpus.ParseLabel(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseLabelUnknown(t *testing.T) {
	for _, in := range []string{"", "angry", "3", "5.0", "supportive!", "crit"} {
		t.Run(in, func(t *testing.T) {
			got, err := corpus.ParseLabel(in)
			require.ErrorIs(t, err, corpus.ErrUnknownLabel)
			assert.Contains(t, err.Error(), `"`+in+`"`)
			assert.Equal(t, corpus.Label(""), got)
		})
	}
}

func TestLabelIndex(t *testing.T) {
	for i, l := range corpus.Labels {
		assert.Equal(t, i, l.Index(), "label %s", l)
	}
	assert.Equal(t, []corpus.Label{"critical", "neutral", "supportive"}, corpus.Labels[:])
	assert.Equal(t, -1, corpus.Label("positive").Index())
	assert.Equal(t, -1, corpus.Label("").Index())
	assert.Equal(t, -1, corpus.Label("Critical").Index())
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want corpus.Format
	}{
		{"", corpus.FormatAuto},
		{"auto", corpus.FormatAuto},
		{"jsonl", corpus.FormatJSONL},
		{"NewsMTSC", corpus.FormatNewsMTSC},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := corpus.ParseFormat(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			if tt.in != "" {
				back, err := corpus.ParseFormat(got.String())
				require.NoError(t, err)
				assert.Equal(t, got, back)
			}
		})
	}
	_, err := corpus.ParseFormat("csv")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"csv"`)
	assert.Equal(t, "Format(7)", corpus.Format(7).String())
}
