package features_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/testtexts"
)

// layoutIDs rebuilds mention j's feature ids from l by the rule in
// Layout's documentation, sorted.
func layoutIDs(l *features.Layout, j int) ([]uint64, bool) {
	pl, ids, ok := l.AppendTarget(nil, j)
	if !ok {
		return nil, false
	}
	ids = append(ids, l.Common()...)
	n := l.Terms()
	add := func(c features.Column, i int) {
		if id, ok := l.ID(c, i); ok {
			if features.GroupOf(id) != c.Group() {
				panic("column " + c.Group().String() + " holds an id of group " + features.GroupOf(id).String())
			}
			ids = append(ids, id)
		}
	}
	for i := range n {
		if i != pl.Pos {
			add(features.ColUnigram, i)
		}
		if i < pl.Pos {
			add(features.ColLeft, i)
		}
		if i > pl.Pos {
			add(features.ColRight, i)
		}
		if pl.Lo < i && i < pl.Hi && i != pl.Pos {
			add(features.ColClause, i)
		}
	}
	for i := 0; i <= n; i++ {
		if i != pl.Pos && i != pl.Pos+1 {
			add(features.ColBigram, i)
		}
	}
	slices.Sort(ids)
	return ids, true
}

// checkLayout compares, for every mention of text, the ids the layout
// gives with AppendPreparedExcept's, with no group omitted and with each
// of omits, and returns how many mentions factored and how many there
// were.
func checkLayout(t *testing.T, e *features.Extractor, p *features.Prepared, l *features.Layout, text string, omits ...features.GroupSet) (factored, all int) {
	t.Helper()
	e.Prepare(p, text)
	for k, omit := range append([]features.GroupSet{0}, omits...) {
		require.True(t, e.Layout(l, p, omit))
		for j, m := range p.Mentions() {
			got, ok := layoutIDs(l, j)
			if k == 0 {
				all++
			}
			if !ok {
				continue
			}
			if k == 0 {
				factored++
			}
			want := e.AppendPreparedExcept(nil, p, m, omit)
			slices.Sort(want)
			require.Equal(t, want, got, "%q target %q omit %b", text, text[m.Start:m.End], omit)
		}
	}
	return factored, all
}

// someOmits are group sets to leave out: each group alone, and two pairs.
func someOmits() []features.GroupSet {
	omits := []features.GroupSet{1<<features.GroupUnigram | 1<<features.GroupSide, 1<<features.GroupTargetBigram | 1<<features.GroupCue}
	for g := range features.NumGroups {
		omits = append(omits, 1<<g)
	}
	return omits
}

// TestLayoutMatchesAppendPrepared checks the factoring on every corpus
// and NewsMTSC dev sentence, under the default settings and with each
// feature kind turned off in turn.
func TestLayoutMatchesAppendPrepared(t *testing.T) {
	texts := testtexts.All(t)
	configs := map[string][]features.Option{
		"default":         nil,
		"no bigrams":      {features.WithBigrams(false)},
		"no trigrams":     {features.WithTrigrams(false)},
		"no cue trigrams": {features.WithCueTrigrams(false)},
		"no sides":        {features.WithSides(false)},
		"no clause":       {features.WithClause(false)},
		"no lexicon":      {features.WithLexicon(false)},
		"no negation":     {features.WithNegation(false)},
		"no window":       {features.WithWindow(0, 0)},
		"window 3 1":      {features.WithWindow(3, 1), features.WithSeed(7)},
	}
	for name, opts := range configs {
		t.Run(name, func(t *testing.T) {
			e := features.NewExtractor(opts...)
			omits := someOmits()
			if name != "default" {
				omits = omits[:3] // two pairs and the unigrams
			}
			var p features.Prepared
			var l features.Layout
			factored, all := 0, 0
			for _, text := range texts {
				f, a := checkLayout(t, e, &p, &l, text, omits...)
				factored += f
				all += a
			}
			t.Logf("%d of %d mentions factor", factored, all)
			assert.Greater(t, all, 5000)
			assert.GreaterOrEqual(t, factored, all*99/100, "nearly every mention covers whole tokens")
		})
	}
	var p features.Prepared
	var l features.Layout
	e := features.NewExtractor(features.WithOthers(false))
	e.Prepare(&p, texts[0])
	assert.False(t, e.Layout(&l, &p, 0), "without placeholders for other names the sequence does not factor")
	_, _, ok := l.AppendTarget(nil, 0)
	assert.False(t, ok)
}

// TestLayoutPartialMention checks that a mention inside a token does not
// factor, and that the others still do.
func TestLayoutPartialMention(t *testing.T) {
	e := features.NewExtractor()
	var p features.Prepared
	var l features.Layout
	text := "The anti-NATO camp in Brazil attacked Petro."
	e.Prepare(&p, text)
	require.True(t, e.Layout(&l, &p, 0))
	var got []string
	for j, m := range p.Mentions() {
		_, _, ok := l.AppendTarget(nil, j)
		if ok {
			got = append(got, text[m.Start:m.End])
		}
	}
	var names []string
	for _, m := range p.Mentions() {
		names = append(names, text[m.Start:m.End])
	}
	require.Equal(t, []string{"NATO", "Brazil", "Petro"}, names, "NATO is a mention inside the token anti-NATO")
	assert.NotContains(t, got, "NATO")
	assert.Contains(t, got, "Petro")
	assert.Contains(t, got, "Brazil")
	_, _, ok := l.AppendTarget(nil, len(p.Mentions()))
	assert.False(t, ok, "a mention index out of range")
}

func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"The anti-NATO camp in Brazil attacked Petro.",
		"NATO's chief did not condemn the EU, but Lula da Silva praised São Paulo.",
		"“Great,” said Macron (France) — not the U.S. or the UN.",
		"Pro-Kremlin media, UN-backed talks and the EU-UK deal",
	} {
		f.Add(s)
	}
	e := features.NewExtractor()
	omits := someOmits()[:3] // two pairs and the unigrams, as the default model leaves out
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		var p features.Prepared
		var l features.Layout
		checkLayout(t, e, &p, &l, text, omits...)
	})
}

// TestAppendPreparedExcept checks that omitting groups gives
// AppendPrepared's ids less those groups', in the same order, from
// AppendPreparedExcept and AppendFeaturesExcept alike, for every
// single group and a few sets, on every corpus and NewsMTSC dev mention.
func TestAppendPreparedExcept(t *testing.T) {
	texts := testtexts.All(t)
	e := features.NewExtractor()
	var p features.Prepared
	sets := []features.GroupSet{0, 1<<features.GroupUnigram | 1<<features.GroupNear, 1<<features.NumGroups - 1}
	for g := range features.NumGroups {
		sets = append(sets, 1<<g)
	}
	checked := 0
	for _, text := range texts {
		e.Prepare(&p, text)
		for _, m := range p.Mentions() {
			all := e.AppendPrepared(nil, &p, m)
			for _, omit := range sets {
				var want []uint64
				for _, id := range all {
					if !omit.Has(features.GroupOf(id)) {
						want = append(want, id)
					}
				}
				require.Equal(t, want, e.AppendPreparedExcept(nil, &p, m, omit), "%q target %q omit %b", text, text[m.Start:m.End], omit)
				require.Equal(t, want, e.AppendFeaturesExcept(nil, text, m, omit), "%q target %q omit %b", text, text[m.Start:m.End], omit)
			}
			checked++
		}
	}
	assert.Greater(t, checked, 5000)
}

// TestLayoutHas checks that a Layout's columns have ids exactly when the
// extractor computes their group and it is not left out.
func TestLayoutHas(t *testing.T) {
	const text = "Gustavo Petro accused NATO of stalling, and Brazil praised Lula."
	for _, c := range []struct {
		ext  *features.Extractor
		omit features.GroupSet
		want [features.NumColumns]bool
	}{
		{features.NewExtractor(), 0, [features.NumColumns]bool{true, true, true, true, true}},
		{features.NewExtractor(), 1 << features.GroupUnigram, [features.NumColumns]bool{false, true, true, true, true}},
		{features.NewExtractor(features.WithSides(false), features.WithClause(false)), 0, [features.NumColumns]bool{true, true, false, false, false}},
		{features.NewExtractor(features.WithBigrams(false)), 1 << features.GroupClause, [features.NumColumns]bool{true, false, true, true, false}},
	} {
		var p features.Prepared
		c.ext.Prepare(&p, text)
		var l features.Layout
		require.True(t, c.ext.Layout(&l, &p, c.omit))
		for col := range features.NumColumns {
			assert.Equal(t, c.want[col], l.Has(col), "%v omit %b column %d", c.ext, c.omit, col)
			any := false
			ids, has := l.Column(col)
			require.Len(t, ids, l.Terms()+1)
			require.Len(t, has, l.Terms()+1)
			for i := 0; i <= l.Terms(); i++ {
				id, ok := l.ID(col, i)
				any = any || ok
				assert.Equal(t, ok, has[i]&(1<<col) != 0, "Column's has at %d", i)
				if ok {
					assert.Equal(t, id, ids[i], "Column's id at %d", i)
				}
			}
			assert.Equal(t, c.want[col], any, "%v omit %b: column %d has ids", c.ext, c.omit, col)
		}
		assert.False(t, l.Has(features.NumColumns))
	}
}
