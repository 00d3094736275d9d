package corpus_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// builtinParts returns the built-in corpus's train and test parts and both
// together.
func builtinParts(t *testing.T) (train, test, all []corpus.Example) {
	t.Helper()
	train, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	test, err = corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	return train, test, append(append([]corpus.Example(nil), train...), test...)
}

// TestBuiltinInvariants checks the promises the package documentation makes
// about the built-in corpus.
func TestBuiltinInvariants(t *testing.T) {
	train, test, all := builtinParts(t)

	st := corpus.ComputeStats(all)
	assert.GreaterOrEqual(t, st.Sentences, 2500, "sentences")
	assert.GreaterOrEqual(t, st.Targets, 4000, "targets")
	for i, n := range st.PerLabel {
		assert.GreaterOrEqual(t, float64(n)/float64(st.Targets), 0.25, "share of %s", corpus.Labels[i])
	}
	assert.GreaterOrEqual(t, float64(st.MultiTarget)/float64(st.Sentences), 0.35, "multi-target share")
	assert.GreaterOrEqual(t, float64(st.MixedLabel)/float64(st.MultiTarget), 0.5, "mixed-label share of multi-target sentences")
	assert.GreaterOrEqual(t, len(st.PerDomain), 6, "domains: %v", st.PerDomain)

	ids := map[string]bool{}
	texts := map[string]corpus.Split{}
	for split, exs := range map[corpus.Split][]corpus.Example{corpus.Train: train, corpus.Test: test} {
		for _, ex := range exs {
			require.NoError(t, ex.Validate(), "%s", ex.ID)
			assert.False(t, ids[ex.ID], "duplicate id %s", ex.ID)
			ids[ex.ID] = true
			norm := strings.Join(strings.Fields(strings.ToLower(ex.Text)), " ")
			if other, ok := texts[norm]; ok {
				assert.Failf(t, "duplicate sentence", "%s (%s) repeats a sentence of %s", ex.ID, split, other)
			}
			texts[norm] = split
			_, num, ok := strings.Cut(ex.ID, "-")
			require.True(t, ok, "id %q has no domain prefix", ex.ID)
			n, err := strconv.Atoi(num)
			require.NoError(t, err, "id %q", ex.ID)
			assert.Equal(t, n%5 == 0, split == corpus.Test, "%s is in the wrong split", ex.ID)
		}
	}
	assert.InDelta(t, 0.2, float64(len(test))/float64(len(all)), 0.02, "test share")
}

func TestBuiltinFilters(t *testing.T) {
	train, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	sport := corpus.Filter(train, corpus.InDomain("sport"))
	require.NotEmpty(t, sport)
	for _, ex := range sport {
		assert.Equal(t, "sport", ex.Domain)
	}
	crit := corpus.Filter(train, corpus.WithTargetLabel(corpus.Critical))
	require.NotEmpty(t, crit)
	assert.Less(t, len(crit), len(train))
	_, err = corpus.Builtin("dev")
	assert.Error(t, err)
	// The returned slice is the caller's.
	train[0].ID = "changed"
	again, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	assert.NotEqual(t, "changed", again[0].ID)
}

// TestBuiltinNoNearDuplicates looks for sentences that repeat another's
// fact or template with the names swapped, which would leak from Train
// into Test or count twice: two sentences are near-duplicates when their
// content words — lower-cased, target names masked, words of one letter
// and small function words dropped, common endings (-s, -es, -ed, -ing,
// -ies) cut — share at least four words and 60% of the smaller set, or
// 40% of the union. News style repeats looser templates than that; the
// corpus has none this close.
func TestBuiltinNoNearDuplicates(t *testing.T) {
	_, _, all := builtinParts(t)
	small := map[string]bool{}
	for _, w := range strings.Fields("the an of to in and for on at by with from as its it is was were be been has have had that this their his her after over into than but or not no said says will would") {
		small[w] = true
	}
	stem := func(w string) string {
		for _, suffix := range []string{"ings", "ing", "ies", "ed", "es", "s"} {
			if strings.HasSuffix(w, suffix) && utf8.RuneCountInString(w) > len(suffix)+2 {
				return strings.TrimSuffix(w, suffix)
			}
		}
		return w
	}
	sets := make([]map[string]bool, len(all))
	index := map[string][]int{}
	for i, ex := range all {
		masked := []byte(ex.Text) // masked before lower-casing, which may change byte offsets
		for _, tg := range ex.Targets {
			for k := tg.Start; k < tg.End; k++ {
				masked[k] = ' '
			}
		}
		sets[i] = map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(string(masked)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if utf8.RuneCountInString(w) < 2 || small[w] {
				continue
			}
			if w = stem(w); !sets[i][w] {
				sets[i][w] = true
				index[w] = append(index[w], i)
			}
		}
	}
	found := 0
	for i := range all {
		shared := map[int]int{}
		for w := range sets[i] {
			for _, j := range index[w] {
				if j > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			a, b := len(sets[i]), len(sets[j])
			if n < 4 || (float64(n) < 0.6*float64(min(a, b)) && float64(n) < 0.4*float64(a+b-n)) {
				continue
			}
			found++
			assert.Failf(t, "near-duplicate sentences", "%s: %s\n%s: %s", all[i].ID, all[i].Text, all[j].ID, all[j].Text)
		}
	}
	t.Logf("%d sentences, %d near-duplicate pairs", len(all), found)
}

func TestBatch(t *testing.T) {
	for id, want := range map[string]int{"int-0001": 1, "pol-0440": 1, "bus-0441": 2, "hea-0600": 2, "hea-0601": 0, "int-0000": 0, "x": 0, "": 0, "int-04a0": 0} {
		assert.Equal(t, want, corpus.Batch(corpus.Example{ID: id}), id)
	}
	_, _, all := builtinParts(t)
	n := map[int]int{}
	for _, ex := range all {
		n[corpus.Batch(ex)]++
	}
	assert.Equal(t, map[int]int{1: 2640, 2: 960}, n, "440 and 160 sentences a domain")
	assert.Len(t, corpus.Filter(all, corpus.InBatch(2)), 960)
}
