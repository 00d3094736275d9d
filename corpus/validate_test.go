package corpus_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

func TestValidate(t *testing.T) {
	const text = "São Paulo sued Acme."
	good := corpus.Target{Start: 0, End: 10, Mention: "São Paulo", Label: corpus.Critical}
	acme := corpus.Target{Start: 16, End: 20, Mention: "Acme", Label: corpus.Neutral}
	tests := []struct {
		name    string
		ex      corpus.Example
		want    error  // nil for a valid example
		mention string // the target the message should name
	}{
		{"valid", corpus.Example{Text: text, Targets: []corpus.Target{good, acme}}, nil, ""},
		{"no targets", corpus.Example{Text: text}, corpus.ErrNoTargets, ""},
		{"zero value", corpus.Example{}, corpus.ErrNoTargets, ""},
		{"invalid utf-8 text", corpus.Example{Text: "S\xe3o", Targets: []corpus.Target{good}}, corpus.ErrInvalidUTF8, ""},
		{"invalid utf-8 id", corpus.Example{ID: "\xff", Text: text, Targets: []corpus.Target{good}}, corpus.ErrInvalidUTF8, ""},
		{"negative start", corpus.Example{Text: text, Targets: []corpus.Target{{Start: -1, End: 3, Mention: "Sã", Label: corpus.Neutral}}}, corpus.ErrOffsets, "Sã"},
		{"end past text", corpus.Example{Text: text, Targets: []corpus.Target{good, {Start: 16, End: 99, Mention: "Acme", Label: corpus.Neutral}}}, corpus.ErrOffsets, "Acme"},
		{"reversed", corpus.Example{Text: text, Targets: []corpus.Target{{Start: 20, End: 16, Mention: "Acme", Label: corpus.Neutral}}}, corpus.ErrOffsets, "Acme"},
		{"empty", corpus.Example{Text: text, Targets: []corpus.Target{{Start: 4, End: 4, Mention: "", Label: corpus.Neutral}}}, corpus.ErrOffsets, ""},
		{"splits rune", corpus.Example{Text: text, Targets: []corpus.Target{{Start: 0, End: 2, Mention: "S\xc3", Label: corpus.Neutral}}}, corpus.ErrOffsets, ""},
		{"mismatch", corpus.Example{Text: text, Targets: []corpus.Target{{Start: 16, End: 20, Mention: "ACME", Label: corpus.Neutral}}}, corpus.ErrMentionMismatch, "ACME"},
		{"alias label", corpus.Example{Text: text, Targets: []corpus.Target{{Start: 16, End: 20, Mention: "Acme", Label: "positive"}}}, corpus.ErrUnknownLabel, "Acme"},
		{"empty label", corpus.Example{Text: text, Targets: []corpus.Target{acme, {Start: 0, End: 10, Mention: "São Paulo"}}}, corpus.ErrUnknownLabel, "São Paulo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.ex.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
			if tt.mention != "" {
				assert.Contains(t, err.Error(), `"`+tt.mention+`"`)
				assert.Contains(t, err.Error(), "target ")
			}
		})
	}
}

func TestValidateNamesTargetIndex(t *testing.T) {
	ex := corpus.Example{Text: "Ann and Bob.", Targets: []corpus.Target{
		{Start: 0, End: 3, Mention: "Ann", Label: corpus.Neutral},
		{Start: 8, End: 11, Mention: "Bub", Label: corpus.Neutral},
	}}
	err := ex.Validate()
	require.ErrorIs(t, err, corpus.ErrMentionMismatch)
	assert.Equal(t, `corpus: mention mismatch: target 1 "Bub": text[8:11] is "Bob"`, err.Error())
}
