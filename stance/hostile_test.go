package stance_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/stance"
)

// TestHostileInput is the bad-input table of Predict and Analyze: each
// input gets its documented error, or a documented result — never a panic
// and never silent loss.
func TestHostileInput(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	tenMB := "NATO " + strings.Repeat("blah ", 2<<20)
	const rtl = "قالت الحكومة إن NATO فشلت."
	cases := []struct {
		name       string
		text       string
		span       stance.Span
		predictErr error // nil: Predict classifies it
		analyzeErr error // nil: Analyze succeeds
		opts       []stance.AnalyzeOption
	}{
		{"empty", "", stance.Span{}, stance.ErrEmptyText, nil, nil},
		{"white space only", " \t\n ", stance.Span{Start: 0, End: 2}, stance.ErrBadSpan, nil, nil},
		{"invalid UTF-8", "NATO \xff\xfe met Brazil.", stance.Span{Start: 0, End: 4}, stance.ErrInvalidUTF8, stance.ErrInvalidUTF8, nil},
		{"NUL bytes", "NATO\x00 met\x00 Brazil.", stance.Span{Start: 0, End: 4}, nil, nil, nil},
		{"10 MB single sentence", tenMB, stance.Span{Start: 0, End: 4}, stance.ErrTextTooLong, stance.ErrTextTooLong, nil},
		{"emoji", "🔥 NATO 🔥 praised Brazil 👏.", stance.Span{Start: 5, End: 9}, nil, nil, nil},
		{"combining marks", "Cafe\u0301 owners praised Zelenskyy.", stance.Span{Start: 0, End: 6}, nil, nil, nil},
		{"right-to-left script", rtl, stance.Span{Start: strings.Index(rtl, "NATO"), End: strings.Index(rtl, "NATO") + 4}, nil, nil, nil},
		{"prefixed lower-case word", "Post-war Germany rebuilt fast; Anti-abortion activists rallied.", stance.Span{Start: 9, End: 16}, nil, nil, nil},
		{"a sentence of names", strings.Repeat("Acme, ", 600) + "and Globex met.", stance.Span{Start: 0, End: 4}, nil, stance.ErrTooManyMentions, nil},
		{"span out of range", "NATO met.", stance.Span{Start: 5, End: 50}, stance.ErrBadSpan, nil, nil},
		{"span reversed", "NATO met.", stance.Span{Start: 4, End: 0}, stance.ErrBadSpan, nil, nil},
		{"span inside a rune", "São Paulo met.", stance.Span{Start: 2, End: 4}, stance.ErrBadSpan, nil, nil},
		{"span of white space", "NATO  met.", stance.Span{Start: 4, End: 6}, stance.ErrBadSpan, nil, nil},
		// Punctuation, then one-word names: the finder's test for a first
		// word once scanned every token before each name, 6.5·10^10 steps
		// here (a third of that took 34 s without the race detector).
		{"punctuation then names", strings.Repeat("*", 500_000) + strings.Repeat("Bo, ", 130_000), stance.Span{Start: 500_000, End: 500_002}, nil, stance.ErrTooManyMentions, nil},
		{"too many mentions", strings.Repeat("Acme sued Globex. ", 1000), stance.Span{Start: 0, End: 4}, nil, stance.ErrTooManyMentions,
			[]stance.AnalyzeOption{stance.WithMaxMentions(100)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := m.Predict(c.text, c.span)
			if c.predictErr != nil {
				assert.ErrorIs(t, err, c.predictErr)
			} else {
				require.NoError(t, err)
				assert.InDelta(t, 1, p.Probs[0]+p.Probs[1]+p.Probs[2], 1e-9)
			}
			a, err := m.Analyze(c.text, c.opts...)
			if c.analyzeErr != nil {
				assert.ErrorIs(t, err, c.analyzeErr)
				assert.Nil(t, a)
				return
			}
			require.NoError(t, err)
			for _, mn := range a.Mentions {
				require.True(t, utf8.ValidString(mn.Text))
				require.Equal(t, mn.Text, c.text[mn.Span.Start:mn.Span.End])
			}
		})
	}

	// A million one-word sentences: analysed, nothing lost, nothing named.
	million := strings.Repeat("Yes. ", 1_000_000)
	a, err := m.Analyze(million)
	require.NoError(t, err)
	assert.Empty(t, a.Mentions)
}
