package stance

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/utf8pos"
)

// Span is a byte range [Start, End) of a text; it marks a target.
type Span = features.Span

// Errors returned for bad input to Predict and Explain. Callers test them
// with errors.Is; the returned errors wrap them with the position.
var (
	ErrEmptyText   = errors.New("stance: empty text")
	ErrInvalidUTF8 = errors.New("stance: text is not valid UTF-8")
	ErrTextTooLong = errors.New("stance: text too long")
	ErrBadSpan     = errors.New("stance: bad target span")
)

// DefaultMaxTextBytes is the longest text Predict accepts unless the model
// was trained or loaded with another limit (see WithMaxTextBytes).
const DefaultMaxTextBytes = 1 << 20

// Prediction is the outcome of classifying one (sentence, target) pair.
type Prediction struct {
	// Label is the most probable label; ties go to the label with the
	// lowest index in Labels.
	Label Label
	// Probs holds the probability of each label, indexed like Labels:
	// the naive-Bayes posterior, softened or sharpened by the model's
	// temperature (see WithTemperature). They sum to 1.
	Probs [NumLabels]float64
}

// Prob returns the probability of label l, or 0 for an unknown label.
func (p Prediction) Prob(l Label) float64 {
	if i := l.Index(); i >= 0 {
		return p.Probs[i]
	}
	return 0
}

// Model is a trained naive-Bayes stance classifier together with the
// feature extractor it was trained with.
//
// A *Model is immutable: Predict, Explain, Evaluate and WriteTo never
// change it, and it is safe for concurrent use by any number of
// goroutines. Build one with a Trainer, Merge, ReadModel or Default; the
// zero value is not usable: its methods that return errors (and a nil
// Model's) return one wrapping ErrNoModel.
type Model struct {
	ext      *features.Extractor
	settings settings

	docs   [NumLabels]uint64   // training examples per label
	keys   []uint64            // feature ids, sorted ascending
	counts [][NumLabels]uint32 // counts[i] belongs to keys[i]

	// Derived from the above by finish.
	tab      *table
	omit     features.GroupSet // the groups weighted 0: not in tab
	logPrior [NumLabels]float64
	invTemp  float64   // 1 / settings.temperature
	scratch  sync.Pool // *[]uint64
	streams  sync.Pool // *streamScratch
	analyses sync.Pool // *streamMaps, for Analyze
}

// settings are the model settings that are persisted with it.
type settings struct {
	alpha        float64 // Lidstone smoothing
	binary       bool    // count each feature once per example
	uniformPrior bool    // ignore label frequencies
	variant      Variant // how feature counts become weights
	maxTextBytes int
	groupWeights [features.NumGroups]float64 // scale each feature group's log-likelihoods
	temperature  float64                     // divides the log scores before the softmax
}

// Variant selects how a model turns feature counts into weights.
type Variant uint8

// The naive-Bayes variants.
const (
	// Multinomial weighs a feature by log P(feature | label).
	Multinomial Variant = iota
	// Complement weighs a feature by −log P(feature | not label), estimated
	// from the other labels' counts (Rennie et al., 2003); it is steadier
	// when labels are unbalanced.
	Complement
	// Combined adds the Multinomial and Complement weights.
	Combined
	numVariants
)

var variantNames = [...]string{"multinomial", "complement", "combined"}

// ParseVariant returns the variant with the given name.
func ParseVariant(name string) (Variant, error) {
	for i, n := range variantNames {
		if n == name {
			return Variant(i), nil
		}
	}
	return 0, fmt.Errorf("stance: unknown variant %q (want multinomial, complement or combined)", name)
}

// String returns the variant's name.
func (v Variant) String() string {
	if v < numVariants {
		return variantNames[v]
	}
	return fmt.Sprintf("Variant(%d)", uint8(v))
}

func defaultSettings() settings {
	s := settings{alpha: 0.5, maxTextBytes: DefaultMaxTextBytes, temperature: 1}
	for g := range s.groupWeights {
		s.groupWeights[g] = 1
	}
	return s
}

// finish computes the scoring tables from the counts and returns the
// longest probe any feature needed in the table.
func (m *Model) finish() int {
	longest := 0
	var total [NumLabels]float64
	for _, c := range m.counts {
		for l := range NumLabels {
			total[l] += float64(c[l])
		}
	}
	a := m.settings.alpha
	v := float64(len(m.keys))
	var all float64
	var logDenom, logCompDenom [NumLabels]float64
	for l := range NumLabels {
		all += total[l]
	}
	for l := range NumLabels {
		logDenom[l] = math.Log(total[l] + a*v)
		logCompDenom[l] = math.Log(all - total[l] + a*v)
	}
	// Features of a group weighted 0 add nothing: they stay in the counts
	// (for persistence and Merge) but not in the scoring table, and
	// Predict does not compute their ids (Omitted).
	live := 0
	m.omit = 0
	for g, w := range m.settings.groupWeights {
		if w == 0 {
			m.omit |= 1 << g
		}
	}
	for _, k := range m.keys {
		if !m.omit.Has(features.GroupOf(k)) {
			live++
		}
	}
	m.tab = newTable(live)
	// Most counts are small: their logarithms come from a table.
	var logSmall [256]float64
	for c := range logSmall {
		logSmall[c] = math.Log(float64(c) + a)
	}
	logCount := func(c uint64) float64 {
		if c < uint64(len(logSmall)) {
			return logSmall[c]
		}
		return math.Log(float64(c) + a)
	}
	multi, comp := m.settings.variant != Complement, m.settings.variant != Multinomial
	gw := &m.settings.groupWeights
	for i, k := range m.keys {
		g := features.GroupOf(k)
		if m.omit.Has(g) {
			continue
		}
		cs := &m.counts[i]
		var n uint64
		for _, c := range cs {
			n += uint64(c)
		}
		var lp [NumLabels]float32
		for l, c32 := range cs {
			c := uint64(c32)
			var w float64
			if multi {
				w += logCount(c) - logDenom[l]
			}
			if comp {
				w -= logCount(n-c) - logCompDenom[l]
			}
			lp[l] = float32(w * gw[g])
		}
		// Past maxProbe put gives up, storing nothing; ReadModel refuses
		// such a file. Ids from an Extractor are uniform hashes at a load
		// of at most 1/2, so a trained or merged model never comes near
		// (the default model's longest probe is 6 slots: TestDefaultModelProbes).
		longest = max(longest, m.tab.put(k, lp))
	}
	var docs float64
	for _, d := range m.docs {
		docs += float64(d)
	}
	for l := range NumLabels {
		if m.settings.uniformPrior || docs == 0 {
			m.logPrior[l] = -math.Log(NumLabels)
		} else {
			// Add-one on the priors keeps a label unseen in training possible.
			m.logPrior[l] = math.Log((float64(m.docs[l]) + 1) / (docs + NumLabels))
		}
	}
	m.ready()
	return longest
}

// ready derives what a model needs beyond its counts, table and priors:
// the inverse temperature and its buffer pools.
func (m *Model) ready() {
	m.invTemp = 1 / m.settings.temperature
	m.scratch.New = func() any { b := make([]uint64, 0, 256); return &b }
	m.streams.New = func() any {
		// The splitter's tokens are those of the model's feature set, so
		// that PrepareTokens reuses them.
		return &streamScratch{splitter: features.SentenceSplitter{Tokenize: m.ext.Tokenize}}
	}
}

// Extractor returns the feature extractor the model was trained with.
func (m *Model) Extractor() *features.Extractor { return m.ext }

// Omitted returns the feature groups the model weighs 0: their ids add
// nothing to a score, so PredictFeatures' caller can leave them out with
// Extractor.AppendFeaturesExcept, as Predict does.
func (m *Model) Omitted() features.GroupSet { return m.omit }

// NumFeatures returns the number of distinct features the model knows.
func (m *Model) NumFeatures() int { return len(m.keys) }

// String summarises the model.
func (m *Model) String() string {
	return fmt.Sprintf("stance.Model{%v, features: %d, docs: %v, alpha: %g, binary: %t, uniformPrior: %t, temperature: %g; %v}",
		m.settings.variant, len(m.keys), m.docs, m.settings.alpha, m.settings.binary, m.settings.uniformPrior, m.settings.temperature, m.ext)
}

// checkInput validates a (text, target) pair from outside the program.
func checkInput(text string, target Span, maxBytes int) error {
	if err := checkText(text, maxBytes); err != nil {
		return err
	}
	return checkSpan(text, target)
}

// checkText validates a text from outside the program.
func checkText(text string, maxBytes int) error {
	switch {
	case len(text) == 0:
		return ErrEmptyText
	case len(text) > maxBytes:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTextTooLong, len(text), maxBytes)
	case !utf8.ValidString(text):
		return fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, utf8pos.FirstInvalid(text))
	}
	return nil
}

// checkSpan validates a target span of a checked text.
func checkSpan(text string, target Span) error {
	switch {
	case !target.In(len(text)) || target.Start == target.End:
		return fmt.Errorf("%w: %d:%d in a text of %d bytes", ErrBadSpan, target.Start, target.End, len(text))
	case !utf8.RuneStart(text[target.Start]) || target.End < len(text) && !utf8.RuneStart(text[target.End]):
		return fmt.Errorf("%w: %d:%d splits a character", ErrBadSpan, target.Start, target.End)
	case strings.TrimSpace(text[target.Start:target.End]) == "":
		return fmt.Errorf("%w: %d:%d holds only white space", ErrBadSpan, target.Start, target.End)
	}
	return nil
}

// Predict classifies the stance of text toward the target span. text is
// one sentence (or a short passage); target marks the entity mention by
// byte offsets. Bad input gives an error that says what and where: text
// empty (ErrEmptyText), longer than the model's limit (ErrTextTooLong) or
// not UTF-8 (ErrInvalidUTF8, with the offset of the first bad byte); a
// target out of range, reversed, empty, splitting a character or holding
// only white space (ErrBadSpan). Any other text is classified: NUL bytes,
// emoji, combining marks and right-to-left scripts are ordinary characters.
// In steady state Predict does no allocation.
func (m *Model) Predict(text string, target Span) (Prediction, error) {
	return m.predict(text, nil, target)
}

// PredictPrepared classifies the stance of a prepared sentence toward the
// target span, exactly as Predict(p.Text(), target) would. Prepare the
// sentence with the model's Extractor; classifying several targets of one
// sentence this way does the target-independent work once. It does no
// allocation in steady state. A sentence prepared by an extractor of
// another feature set (features.Extractor.Version) is prepared again for
// each call, so the result is still Predict's.
func (m *Model) PredictPrepared(p *features.Prepared, target Span) (Prediction, error) {
	return m.predict(p.Text(), p, target)
}

// PredictMentions classifies the stance of a prepared sentence toward each
// of its named mentions (p.Mentions()), appending one Prediction per
// mention, in order, to dst. The features the mentions share are looked up
// once for all of them (see features.Layout), so this is faster than
// PredictPrepared per mention when there are several; the results equal
// PredictPrepared's up to the rounding of the sums. Any Extractor may have
// prepared p: the mentions are those it found, and the features of each
// are the model's feature set's (one of another set is not factored, and
// is prepared again per mention). It does no allocation in steady state
// once dst has room.
//
// Like Predict it refuses empty, over-long or invalid UTF-8 text, and like
// Analyze a sentence naming more than MaxSentenceMentions entities
// (ErrTooManyMentions); on error dst is returned as it was.
func (m *Model) PredictMentions(dst []Prediction, p *features.Prepared) ([]Prediction, error) {
	if err := m.check(); err != nil {
		return dst, err
	}
	text := p.Text()
	if err := checkText(text, m.settings.maxTextBytes); err != nil {
		return dst, err
	}
	mentions := p.Mentions()
	if len(mentions) == 0 {
		return dst, nil
	}
	if len(mentions) > MaxSentenceMentions {
		return dst, fmt.Errorf("%w: sentence names %d entities, limit %d", ErrTooManyMentions, len(mentions), MaxSentenceMentions)
	}
	sc := m.streams.Get().(*streamScratch)
	defer m.putScratch(sc)
	factor := len(mentions) >= factorMin && m.factor(&sc.fac, p)
	for j, sp := range mentions {
		dst = append(dst, m.predictMention(&sc.fac, factor, p, j, sp)) // a mention is inside the text and not blank
	}
	return dst, nil
}

// check returns an error wrapping ErrNoModel for a nil or zero Model,
// which no Trainer, Merge, ReadModel or Default made.
func (m *Model) check() error {
	if m == nil || m.ext == nil {
		return fmt.Errorf("%w: a nil or zero Model; build one with a Trainer, Merge, ReadModel or Default", ErrNoModel)
	}
	return nil
}

// predict checks the input and scores the target's features, taken from
// the prepared sentence p when it is not nil, else extracted from text.
func (m *Model) predict(text string, p *features.Prepared, target Span) (Prediction, error) {
	if err := m.check(); err != nil {
		return Prediction{}, err
	}
	if err := checkInput(text, target, m.settings.maxTextBytes); err != nil {
		return Prediction{}, err
	}
	return m.predictChecked(text, p, target), nil
}

// predictChecked is predict for input known to be good.
func (m *Model) predictChecked(text string, p *features.Prepared, target Span) Prediction {
	bp := m.scratch.Get().(*[]uint64)
	var ids []uint64
	if p != nil {
		ids = m.ext.AppendPreparedExcept((*bp)[:0], p, target, m.omit)
	} else {
		ids = m.ext.AppendFeaturesExcept((*bp)[:0], text, target, m.omit)
	}
	pr := m.PredictFeatures(ids)
	*bp = ids
	m.scratch.Put(bp)
	return pr
}

// PredictFeatures classifies a list of feature ids produced by the
// model's Extractor. When the model counts each feature once per example
// (WithBinary), PredictFeatures sorts ids in place and drops duplicates
// from the slice's backing array. It does no allocation.
func (m *Model) PredictFeatures(ids []uint64) Prediction {
	return fromScores(m.scores(ids), m.invTemp)
}

// scores returns the log scores of a list of feature ids, before the
// temperature: PredictFeatures without the softmax.
func (m *Model) scores(ids []uint64) [NumLabels]float64 {
	if m.settings.binary {
		slices.Sort(ids)
		ids = slices.Compact(ids)
	}
	score := m.logPrior
	m.tab.addWeights(&score, ids) // ids of groups weighted 0 are not in the table
	return score
}

// fromScores turns log scores into a Prediction: probabilities by
// log-sum-exp of the scores times invTemp (1 / the temperature), the
// winner by the first maximum, which the temperature does not move.
func fromScores(score [NumLabels]float64, invTemp float64) Prediction {
	best := 0
	for l := 1; l < NumLabels; l++ {
		if score[l] > score[best] {
			best = l
		}
	}
	var sum float64
	var p Prediction
	for l := range NumLabels {
		p.Probs[l] = math.Exp((score[l] - score[best]) * invTemp)
		sum += p.Probs[l]
	}
	for l := range NumLabels {
		p.Probs[l] /= sum
	}
	p.Label = Labels[best]
	return p
}
