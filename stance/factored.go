package stance

import "github.com/stancekit/stancekit/features"

// factored scores several mentions of one prepared sentence with the
// features they share looked up once: features.Layout splits each
// mention's features into per-term columns, shared by every mention, and
// the mention's own few. Prefix sums over each column give a mention's
// share of a column — all terms but its own, or the terms before it, after
// it, or in its clause — in constant time. The scores equal
// PredictFeatures' up to the rounding of the sums' order
// (TestFactoredMatchesPredict).
type factored struct {
	l      features.Layout
	ok     bool
	sum    [features.NumColumns][][NumLabels]float64 // sum[c][i]: column c over terms before i
	common [NumLabels]float64
	ids    []uint64
}

// factor prepares f to score the mentions of p, and reports whether it
// can: a model that counts features once per example (WithBinary) scores
// a multiset of ids differently, and some extractor settings do not
// factor.
func (m *Model) factor(f *factored, p *features.Prepared) bool {
	f.ok = !m.settings.binary && m.ext.Layout(&f.l, p)
	if !f.ok {
		return false
	}
	n := f.l.Terms()
	// A column is looked up only where some mention reads it: the left
	// side before the last mention, the right side after the first, the
	// clauses from the first mention's to the last's.
	minPos, maxPos, minLo, maxHi := n, -1, n, -1
	for j := range len(p.Mentions()) {
		if pl, ok := f.l.Plan(j); ok {
			minPos, maxPos = min(minPos, pl.Pos), max(maxPos, pl.Pos)
			minLo, maxHi = min(minLo, pl.Lo), max(maxHi, pl.Hi)
		}
	}
	if maxPos < 0 {
		f.ok = false
		return false
	}
	for c := range features.NumColumns {
		from, to := 0, n+1 // the terms looked up
		switch c {
		case features.ColLeft:
			to = maxPos
		case features.ColRight:
			from = minPos + 1
		case features.ColClause:
			from, to = minLo+1, maxHi
		}
		if m.skip[c.Group()] { // weighted 0: not in the table
			from, to = 0, 0
		}
		s := f.sum[c]
		if cap(s) < n+2 {
			s = make([][NumLabels]float64, n+2, n+n/2+2)
		}
		s = s[:n+2]
		var acc [NumLabels]float64
		for i := 0; i <= n; i++ {
			s[i] = acc
			if i < from || i >= to {
				continue
			}
			if id, ok := f.l.ID(c, i); ok {
				if lp := m.tab.get(id); lp != nil {
					for l := range NumLabels {
						acc[l] += float64(lp[l])
					}
				}
			}
		}
		s[n+1] = acc
		f.sum[c] = s
	}
	f.common = [NumLabels]float64{}
	for _, id := range f.l.Common() {
		if m.skip[features.GroupOf(id)] {
			continue
		}
		if lp := m.tab.get(id); lp != nil {
			for l := range NumLabels {
				f.common[l] += float64(lp[l])
			}
		}
	}
	return true
}

// predictFactored classifies mention j of the sentence f was prepared
// for (an index into its Mentions), and reports false when the mention
// does not factor.
func (m *Model) predictFactored(f *factored, j int) (Prediction, bool) {
	if !f.ok {
		return Prediction{}, false
	}
	pl, ids, ok := f.l.AppendTarget(f.ids[:0], j)
	f.ids = ids
	if !ok {
		return Prediction{}, false
	}
	n := f.l.Terms()
	uni, big := &f.sum[features.ColUnigram], &f.sum[features.ColBigram]
	left, right, clause := &f.sum[features.ColLeft], &f.sum[features.ColRight], &f.sum[features.ColClause]
	score := m.logPrior
	for l := range NumLabels {
		// All unigrams but the mention's own.
		s := (*uni)[n][l] - ((*uni)[pl.Pos+1][l] - (*uni)[pl.Pos][l])
		// All bigrams but the two the mention is in.
		s += (*big)[n+1][l] - ((*big)[pl.Pos+2][l] - (*big)[pl.Pos][l])
		// Left side before it, right side after it.
		s += (*left)[pl.Pos][l] + ((*right)[n][l] - (*right)[pl.Pos+1][l])
		// Its clause but itself.
		s += (*clause)[pl.Hi][l] - (*clause)[pl.Lo+1][l] - ((*clause)[pl.Pos+1][l] - (*clause)[pl.Pos][l])
		score[l] += s + f.common[l]
	}
	for _, id := range ids {
		if m.skip[features.GroupOf(id)] {
			continue
		}
		if lp := m.tab.get(id); lp != nil {
			for l := range NumLabels {
				score[l] += float64(lp[l])
			}
		}
	}
	return fromScores(score), true
}
