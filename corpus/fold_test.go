package corpus_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// synthetic returns n examples cycling through labels and domains unevenly.
func synthetic(n int) []corpus.Example {
	domains := []string{"politics", "business", "sport"}
	exs := make([]corpus.Example, n)
	for i := range exs {
		l := corpus.Labels[(i*7)%5%3]
		exs[i] = corpus.Example{
			ID:      fmt.Sprint(i),
			Text:    "Ann.",
			Domain:  domains[(i/3)%len(domains)],
			Targets: []corpus.Target{{Start: 0, End: 3, Mention: "Ann", Label: l}},
		}
	}
	return exs
}

func TestKFold(t *testing.T) {
	for _, tc := range []struct{ n, k int }{{10, 2}, {97, 5}, {300, 10}, {7, 7}} {
		t.Run(fmt.Sprintf("n=%d,k=%d", tc.n, tc.k), func(t *testing.T) {
			exs := synthetic(tc.n)
			folds := corpus.KFold(exs, tc.k, 42)
			require.Len(t, folds, tc.k)

			seen := make([]int, tc.n)
			for _, f := range folds {
				assert.True(t, slices.IsSorted(f.Test))
				assert.True(t, slices.IsSorted(f.Train))
				assert.Len(t, f.Train, tc.n-len(f.Test))
				// Train and Test partition all indices.
				all := slices.Concat(f.Train, f.Test)
				slices.Sort(all)
				for i, v := range all {
					require.Equal(t, i, v)
				}
				// Test sizes are as even as possible.
				assert.InDelta(t, float64(tc.n)/float64(tc.k), float64(len(f.Test)), 1)
				for _, i := range f.Test {
					seen[i]++
				}
			}
			for i, c := range seen {
				assert.Equal(t, 1, c, "index %d in %d test sets", i, c)
			}

			// Each stratum is spread evenly: per fold, the count of every
			// (label, domain) group differs by at most one.
			type key struct{ label, domain string }
			total := map[key]int{}
			for _, ex := range exs {
				total[key{string(ex.Targets[0].Label), ex.Domain}]++
			}
			for _, f := range folds {
				got := map[key]int{}
				for _, i := range f.Test {
					got[key{string(exs[i].Targets[0].Label), exs[i].Domain}]++
				}
				for k, n := range total {
					assert.InDelta(t, float64(n)/float64(tc.k), float64(got[k]), 1, "stratum %v", k)
				}
			}
		})
	}
}

func TestKFoldDeterministic(t *testing.T) {
	exs := synthetic(120)
	a := corpus.KFold(exs, 4, 7)
	b := corpus.KFold(exs, 4, 7)
	assert.Equal(t, a, b)
	c := corpus.KFold(exs, 4, 8)
	assert.NotEqual(t, a, c, "another seed gives another split")
}

func TestKFoldPanics(t *testing.T) {
	exs := synthetic(5)
	for _, k := range []int{-1, 0, 1, 6} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			assert.PanicsWithValue(t, fmt.Sprintf("corpus: KFold: k = %d out of range [2, 5]", k), func() {
				corpus.KFold(exs, k, 1)
			})
		})
	}
	assert.NotPanics(t, func() { corpus.KFold(append(exs, corpus.Example{}), 2, 1) }, "examples without targets form their own stratum")
}
