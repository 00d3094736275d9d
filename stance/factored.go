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
	sum    [features.NumColumns][][NumLabels]float64 // prefix sums of each column over the stretch factor fills; other entries are stale
	common [NumLabels]float64
	ids    []uint64
}

// factor prepares f to score the mentions of p, and reports whether it
// can: a model that counts features once per example (WithBinary) scores
// a multiset of ids differently, and some extractor settings do not
// factor.
func (m *Model) factor(f *factored, p *features.Prepared) bool {
	if m.settings.binary || !m.ext.Layout(&f.l, p, m.omit) {
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
		return false
	}
	for c := range features.NumColumns {
		// sum[c][first..last] is filled: sum[c][i+1] = sum[c][i] + the
		// weights of column c at term i. Mentions read a column's total
		// for unigrams and bigrams, the left sides before them, and
		// differences of the rest, so those need only the stretch they
		// read.
		first, last := 0, n+1
		switch c {
		case features.ColLeft:
			last = maxPos
		case features.ColRight:
			first, last = minPos+1, n
		case features.ColClause:
			first, last = minLo+1, maxHi
		}
		if !f.l.Has(c) { // weighted 0 or not computed: no ids
			continue
		}
		s := f.sum[c]
		if cap(s) < n+2 {
			s = make([][NumLabels]float64, n+2, n+n/2+2)
		}
		s = s[:n+2]
		// The sums in registers, the column's slices taken once.
		_ = [1]struct{}{}[NumLabels-3] // written for three labels: fails to compile otherwise
		ids, has := f.l.Column(c)
		bit := uint8(1) << c
		var a0, a1, a2 float64
		for i := first; i < last; i++ {
			s[i] = [NumLabels]float64{a0, a1, a2}
			if has[i]&bit != 0 {
				if lp := m.tab.get(ids[i]); lp != nil {
					a0 += float64(lp[0])
					a1 += float64(lp[1])
					a2 += float64(lp[2])
				}
			}
		}
		s[last] = [NumLabels]float64{a0, a1, a2}
		f.sum[c] = s
	}
	f.common = [NumLabels]float64{}
	m.tab.addWeights(&f.common, f.l.Common())
	return true
}

// predictFactored classifies mention j of the sentence f was prepared
// for (an index into its Mentions), and reports false when the mention
// does not factor.
func (m *Model) predictFactored(f *factored, j int) (Prediction, bool) {
	pl, ids, ok := f.l.AppendTarget(f.ids[:0], j)
	f.ids = ids
	if !ok {
		return Prediction{}, false
	}
	n := f.l.Terms()
	score := m.logPrior
	for l := range NumLabels {
		score[l] += f.common[l]
	}
	p, lo, hi := pl.Pos, pl.Lo, pl.Hi
	if f.l.Has(features.ColUnigram) { // all unigrams but the mention's own
		s := f.sum[features.ColUnigram]
		for l := range NumLabels {
			score[l] += s[n][l] - (s[p+1][l] - s[p][l])
		}
	}
	if f.l.Has(features.ColBigram) { // all bigrams but the two the mention is in
		s := f.sum[features.ColBigram]
		for l := range NumLabels {
			score[l] += s[n+1][l] - (s[p+2][l] - s[p][l])
		}
	}
	if f.l.Has(features.ColLeft) { // the left side before it
		s := f.sum[features.ColLeft]
		for l := range NumLabels {
			score[l] += s[p][l]
		}
	}
	if f.l.Has(features.ColRight) { // the right side after it
		s := f.sum[features.ColRight]
		for l := range NumLabels {
			score[l] += s[n][l] - s[p+1][l]
		}
	}
	if f.l.Has(features.ColClause) { // its clause but itself
		s := f.sum[features.ColClause]
		for l := range NumLabels {
			score[l] += s[hi][l] - s[lo+1][l] - (s[p+1][l] - s[p][l])
		}
	}
	m.tab.addWeights(&score, ids)
	return fromScores(score, m.invTemp), true
}

// predictMention classifies mention j of p, whose span is sp: from f when
// factored (f is factor's for p and it reported true) and the mention
// factors, else alone. j may be -1 for a span that is not one of p's
// Mentions. The caller has checked p's text and sp.
func (m *Model) predictMention(f *factored, factored bool, p *features.Prepared, j int, sp Span) Prediction {
	if factored {
		if pr, ok := m.predictFactored(f, j); ok {
			return pr
		}
	}
	return m.predictChecked(p.Text(), p, sp)
}
