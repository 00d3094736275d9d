package features

import (
	"math"
	"math/bits"
)

// A Column is one of the per-term feature kinds of a Layout.
type Column uint8

// The columns of a Layout.
const (
	// ColUnigram is the term's unigram: a feature of every target but the
	// term itself.
	ColUnigram Column = iota
	// ColBigram is the bigram that ends at the term; index Terms() is the
	// bigram of the last term and the sentence end. A feature of every
	// target that is neither of the bigram's terms.
	ColBigram
	// ColLeft is the term's side feature for a target after it.
	ColLeft
	// ColRight is the term's side feature for a target before it.
	ColRight
	// ColClause is the term's clause feature for a target in its clause.
	ColClause
	// NumColumns is the number of columns.
	NumColumns
)

// Group returns the feature group of the column's ids, or NumGroups for
// a column out of range.
func (c Column) Group() Group {
	if c >= NumColumns {
		return NumGroups
	}
	return [NumColumns]Group{ColUnigram: GroupUnigram, ColBigram: GroupBigram, ColLeft: GroupSide,
		ColRight: GroupSide, ColClause: GroupClause}[c]
}

// Layout factors the features of every named mention of a prepared
// sentence, taken in turn as the target, into what they share and what is
// each one's own, so that a scorer can look each shared feature up once per
// sentence instead of once per mention.
//
// Built by Extractor.Layout, it lays out the sentence's term sequence with
// every mention as a placeholder and gives, per term, the id of each
// Column. For mention j with Plan pl, AppendTarget's ids together with
//
//   - Common(),
//   - ColUnigram at every term but pl.Pos,
//   - ColBigram at every index but pl.Pos and pl.Pos+1,
//   - ColLeft at every term before pl.Pos and ColRight at every term after,
//   - ColClause at every term strictly between pl.Lo and pl.Hi but pl.Pos,
//
// are exactly the ids AppendPreparedExcept gives for the mention's span,
// with the groups left out that were left out of the Layout, as a
// multiset; a column without an id at a term (ID's ok is false) adds
// nothing there. A Layout is reused across sentences without allocating
// once its buffers have grown.
//
// Layout is a low-level interface for scorers, such as the stance
// package's; like the ids themselves it follows the feature set and may
// change with Version.
type Layout struct {
	e      *Extractor // nil until a Layout call succeeds
	terms  []term
	neg    []bool // the term is in negation scope
	ids    [NumColumns][]uint64
	has    []uint8 // bit c: column c has an id at the term
	common []uint64
	plans  []Plan   // per mention, Pos -1 when it does not factor
	cues   []int32  // the terms with cue categories
	on     GroupSet // the groups computed: the settings less those left out
}

// Plan says where a mention sits in its Layout's term sequence.
type Plan struct {
	Pos    int // the mention's term
	Lo, Hi int // the mention's clause is the terms strictly between Lo and Hi
}

// Layout lays out the prepared sentence p into l, leaving out the ids of
// the groups in omit as AppendPreparedExcept does; p must stay unchanged
// while l is in use. It reports false, and leaves l unusable, when the
// sentence does not factor: when the extractor is without WithOthers (the
// term sequence then changes length from target to target), when p's
// mentions overlap or are out of order (never so for Prepare's), or when
// an extractor of another feature set prepared p (its mentions are not
// this set's).
func (e *Extractor) Layout(l *Layout, p *Prepared, omit GroupSet) bool {
	l.e = nil
	if !e.cfg.others || p.version != e.cfg.version {
		return false
	}
	c := e.cfg
	l.on = c.groupsOn(omit)
	// Mentions are in order and apart; check, since the factoring relies
	// on it.
	for i, m := range p.mentions {
		if m.Start >= m.End || (i > 0 && m.Start < p.mentions[i-1].End) {
			return false
		}
	}
	// The term sequence with every mention as another name, built as
	// extractPrepared builds it for a target that is none of them. A
	// mention factors when it covers whole tokens: then as the target its
	// tokens become one placeholder where, as another name, they were one
	// placeholder, and nothing else in the sequence changes. A mention
	// that starts or ends inside a token does not factor (pos -1).
	terms := l.terms[:0]
	plans := l.plans[:0]
	for range p.mentions {
		plans = append(plans, Plan{Pos: -1, Lo: -1})
	}
	cues := l.cues[:0]
	j := 0 // the mention others[0] is
	others := p.mentions
	start := int32(-1) // term of mention j's placeholder, if a token starts it
	toks, base := p.toks, p.base[:len(p.toks)]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for len(others) > 0 && others[0].End <= t.Start {
			others, j, start = others[1:], j+1, -1
		}
		// The tokens that end before the next mention starts are copied
		// at once (see runEnd).
		lim := math.MaxInt
		if len(others) > 0 {
			lim = others[0].Start
		}
		if k := runEnd(toks, i, lim); k > i {
			for q, tm := range base[i:k] {
				if tm.cues != 0 && tm.word() {
					cues = append(cues, int32(len(terms)+q))
				}
			}
			terms = append(terms, base[i:k]...)
			i = k - 1
			continue
		}
		if len(others) > 0 && others[0].Start <= t.Start && t.End <= others[0].End {
			if t.Start == others[0].Start {
				start = int32(len(terms))
				terms = append(terms, term{hash: otherHash, tok: -2, flags: tfWord})
			}
			if t.End == others[0].End && start >= 0 {
				plans[j].Pos = int(start)
			}
			continue
		}
		if base[i].cues != 0 && base[i].word() {
			cues = append(cues, int32(len(terms)))
		}
		terms = append(terms, base[i])
	}

	n := len(terms)
	neg := grow(l.neg, n)
	has := grow(l.has, n+1)
	for col := range NumColumns {
		l.ids[col] = grow(l.ids[col], n+1)
	}
	uni, big, left, right, clause := l.ids[ColUnigram], l.ids[ColBigram], l.ids[ColLeft], l.ids[ColRight], l.ids[ColClause]
	unigrams, bigrams := l.on.Has(GroupUnigram), l.on.Has(GroupBigram)
	sides, clauses, cuesAny := l.on.Has(GroupSide), l.on.Has(GroupClause), l.on.Has(GroupCueAny)
	common := l.common[:0]
	negated := false
	prev := boundaryHash
	for i, tm := range terms {
		if c.negation && tm.negEnd() {
			negated = false
		}
		neg[i] = negated
		var ns byte
		if negated {
			ns = nsNegated
		}
		var h uint8
		if tm.word() {
			if unigrams {
				uni[i] = e.id(nsUnigram|ns, tm.hash, 0)
				h |= 1 << ColUnigram
			}
			if sides {
				left[i] = e.id(nsLeftSide|ns, tm.hash, 0)
				right[i] = e.id(nsRightSide|ns, tm.hash, 0)
				h |= 1<<ColLeft | 1<<ColRight
			}
			if clauses {
				clause[i] = e.id(nsClause|ns, tm.hash, 0)
				h |= 1 << ColClause
			}
			if cuesAny && tm.cues != 0 {
				for m := tm.cues & cueMask; m != 0; m &= m - 1 { // its categories, in order
					common = append(common, e.id(nsCueAny|ns, uint64(bits.TrailingZeros8(m)), 0))
				}
			}
		}
		if bigrams {
			big[i] = e.id(nsBigram, prev, tm.hash)
			h |= 1 << ColBigram
		}
		prev = tm.hash
		has[i] = h
		if c.negation && tm.negCue() {
			negated = true
		}
	}
	has[n] = 0
	if bigrams && n > 0 {
		big[n] = e.id(nsBigram, prev, boundaryHash)
		has[n] = 1 << ColBigram
	}
	// The mentions' terms increase, so one forward scan finds every
	// clause: lo is the last clause term before the mention, hi the first
	// after it.
	lo, hi, scanned := -1, -1, 0
	for k := range plans {
		pl := &plans[k]
		pl.Hi = n
		if pl.Pos >= 0 && c.clause {
			for ; scanned < pl.Pos; scanned++ {
				if terms[scanned].clause() {
					lo = scanned
				}
			}
			if hi <= pl.Pos {
				for hi = pl.Pos + 1; hi < n && !terms[hi].clause(); hi++ {
				}
			}
			pl.Lo, pl.Hi = lo, hi
		}
	}
	l.e = e
	l.terms, l.neg, l.has, l.common, l.plans, l.cues = terms, neg, has, common, plans, cues
	return true
}

// Terms returns the number of terms in the sequence.
func (l *Layout) Terms() int { return len(l.terms) }

// ID returns column c's id at term i, 0 <= i <= Terms(), and whether
// there is one. Only ColBigram has one at i == Terms(). Like an index, it
// panics if c or i is out of range.
func (l *Layout) ID(c Column, i int) (uint64, bool) {
	return l.ids[c][i], l.has[i]&(1<<c) != 0
}

// Column returns column c's ids and, per index, the set of columns that
// have an id there: index i of ids holds column c's id at term i when bit
// c of has[i] is set (as ID reports), for 0 <= i <= Terms(). A scorer that
// reads a whole column takes the two slices once instead of calling ID
// per term. The slices are owned by l. It panics if c is out of range.
func (l *Layout) Column(c Column) (ids []uint64, has []uint8) {
	n := len(l.terms) + 1
	return l.ids[c][:n], l.has[:n]
}

// Has reports whether column c has ids in the Layout: whether the
// extractor's settings compute its group and it was not left out.
func (l *Layout) Has(c Column) bool { return c < NumColumns && l.on.Has(c.Group()) }

// Common returns the ids every mention has: the cue-category features
// that do not depend on the target. The slice is owned by l.
func (l *Layout) Common() []uint64 { return l.common }

// AppendTarget appends the ids that are mention j's own — window, cue,
// target-trigram and target-bigram features, and the bigram of the
// mention and the sentence end when it is the last term — and returns the
// mention's Plan (see Layout). j indexes the prepared sentence's Mentions. ok is false when the
// mention does not factor, because it starts or ends inside a token; use
// AppendPrepared for it.
func (l *Layout) AppendTarget(dst []uint64, j int) (pl Plan, ids []uint64, ok bool) {
	pl, ok = l.Plan(j)
	if !ok {
		return Plan{}, dst, false
	}
	e, c, terms, on := l.e, l.e.cfg, l.terms, l.on
	tpos, lo, hi := pl.Pos, pl.Lo, pl.Hi
	window, nearOn := on.Has(GroupWindow), on.Has(GroupNear)
	// The window: terms within c.window of the target, by side and
	// distance bucket.
	for i := max(0, tpos-c.window); i <= min(len(terms)-1, tpos+c.window); i++ {
		tm := terms[i]
		if i == tpos || !tm.word() {
			continue
		}
		var ns byte
		if l.neg[i] {
			ns = nsNegated
		}
		d := i - tpos
		side, near := byte(nsRight), byte(nsNearRight)
		if d < 0 {
			d, side, near = -d, nsLeft, nsNearLeft
		}
		bucket, on := byte('2'), window
		if d <= c.near {
			bucket, side, on = '1', near, nearOn
		}
		if on {
			dst = append(dst, e.id(side|ns, tm.hash, uint64(bucket)))
		}
	}
	// Cue categories relative to the target, anywhere in the sentence.
	if on.Has(GroupCue) {
		for _, i := range l.cues {
			i := int(i)
			tm := terms[i]
			inClause := c.clause && lo < i && i < hi
			rel := cueRelation(i-tpos, inClause, l.neg[i])
			for m := tm.cues & cueMask; m != 0; m &= m - 1 { // its categories, in order
				dst = append(dst, e.id(nsCue, uint64(bits.TrailingZeros8(m)), rel))
			}
		}
	}
	// The trigrams with the target placeholder in them: the target's
	// neighbours are the same terms here as in its own term sequence.
	if on.Has(GroupTargetTrigram) {
		dst = e.appendTrigrams(dst, nil, &termNamer{terms: terms, tpos: tpos}, tpos)
	}
	// The bigrams with the target placeholder in them.
	if tbigrams := on.Has(GroupTargetBigram); tbigrams || on.Has(GroupBigram) {
		prev := boundaryHash
		if tpos > 0 {
			prev = terms[tpos-1].hash
		}
		if tbigrams {
			dst = append(dst, e.id(nsTBigram, prev, placeholderHash))
		}
		if tpos+1 < len(terms) {
			if tbigrams {
				dst = append(dst, e.id(nsTBigram, placeholderHash, terms[tpos+1].hash))
			}
		} else if on.Has(GroupBigram) {
			dst = append(dst, e.id(nsBigram, placeholderHash, boundaryHash))
		}
	}
	return pl, dst, true
}

// Plan returns mention j's Plan, as AppendTarget does, without its ids.
func (l *Layout) Plan(j int) (Plan, bool) {
	if l.e == nil || j < 0 || j >= len(l.plans) || l.plans[j].Pos < 0 {
		return Plan{}, false
	}
	return l.plans[j], true
}

// grow returns s resliced to length n, reallocated with headroom when its
// capacity is short; the contents are not kept.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}
