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

// TestLongTitleChains runs the name finder on long chains of titles and
// title modifiers (feature set 5 drops modifiers with the title they
// lead, and a title with its modifiers starts a new name inside a run).
// Each rule looks along a chain, so a finder that looked along it again
// from each word would take time quadratic in its length: seconds for
// these; the finder walks each chain once.
func TestLongTitleChains(t *testing.T) {
	const n = 50000
	cases := []struct {
		name  string
		in    string
		want  []string // the distinct mentions
		count int      // how many mentions
	}{
		{"modifiers before a title", strings.Repeat("Deputy ", 2*n) + "Minister Abc.", []string{"Abc"}, 1},
		{"modifiers without a title", strings.Repeat("Deputy ", 2*n) + "Abc.", []string{strings.Repeat("Deputy ", 2*n) + "Abc"}, 1},
		{"titles and modifiers", strings.Repeat("Vice President ", n) + "Abc.", []string{"Abc"}, 1},
		{"modifiers between titles", strings.Repeat("Minister Deputy Acting ", n) + "Minister Abc.", []string{"Abc"}, 1},
		{"names between titles", strings.Repeat("Abc Vice Prime Minister ", n/2), []string{"Abc"}, n / 2},
		{"title of modifier", strings.Repeat("Secretary of State ", n) + "Abc.", []string{"Abc"}, 1},
		{"hyphenated titles", strings.Repeat("Vice-President ", n) + "Abc.", []string{"Abc"}, 1},
		{"one long hyphenated title", strings.Repeat("Vice-", n) + "President Abc.", []string{"Abc"}, 1},
		{"function words", strings.Repeat("Neither ", n) + "Abc.", []string{"Abc"}, 1},
		// Feature set 7: "and" after a head word and "of" looks along the
		// run before it, once ("Department of Health and Safety and …").
		{"and after a head word and of", "The Department of " + strings.Repeat("Health and Safety and ", n) + "Welfare said.",
			[]string{"Department of " + strings.Repeat("Health and Safety and ", n) + "Welfare"}, 1},
		{"places joined by hyphens", strings.Repeat("US-", n) + "China talks.", []string{"US", "China"}, n + 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spans := features.Mentions(nil, c.in)
			assert.Len(t, spans, c.count)
			seen := map[string]bool{}
			var distinct []string
			for _, sp := range spans {
				require.True(t, sp.In(len(c.in)) && sp.Start < sp.End)
				if m := c.in[sp.Start:sp.End]; !seen[m] {
					seen[m] = true
					distinct = append(distinct, m)
				}
			}
			assert.Equal(t, c.want, distinct)
		})
	}
}
