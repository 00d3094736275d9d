package features_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
)

// TestLongDegenerateInputs runs the text functions on long, repetitive
// inputs. The acronym case once took time quadratic in the word's length
// (3.7 s for 100 kB; found by FuzzTokenize stalling); each case must keep
// its invariants and finish in linear time.
func TestLongDegenerateInputs(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		tokens int
	}{
		{"acronym chain", strings.Repeat("a.", 50000), 1},
		{"hyphen chain", strings.Repeat("a-", 50000), 2},
		{"apostrophe chain", strings.Repeat("a'", 50000), 2},
		{"capitalised words", strings.Repeat("Abc ", 50000), 50000},
		{"names with connectors", strings.Repeat("Abc of ", 50000), 100000},
		{"lone dots", strings.Repeat(". ", 50000), 50000},
		{"digit chain", strings.Repeat("1.", 50000), 2},
		{"paragraphs", strings.Repeat("A\n\n", 50000), 50000},
	}
	e := features.NewExtractor()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := features.Tokenize(nil, c.in)
			assert.Len(t, toks, c.tokens)
			checkTokens(t, c.in, toks)
			for _, sp := range features.Sentences(nil, c.in) {
				require.True(t, sp.In(len(c.in)) && sp.Start < sp.End)
			}
			for _, sp := range features.Mentions(nil, c.in) {
				require.True(t, sp.In(len(c.in)) && sp.Start < sp.End)
			}
			assert.NotEmpty(t, e.AppendFeatures(nil, c.in, features.Span{Start: 0, End: 1}))
		})
	}
}
