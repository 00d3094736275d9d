package stance

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// ErrUnknownLabel is returned when a training example carries a label
// that is not one of Labels.
var ErrUnknownLabel = errors.New("stance: unknown label")

// ErrIncompatible is returned by Merge for models whose features or
// settings differ.
var ErrIncompatible = errors.New("stance: incompatible models")

// Option configures a Trainer.
type Option func(*settings)

// WithAlpha sets the Lidstone smoothing constant added to every feature
// count (default 0.5). Values that are not positive and finite are
// ignored.
func WithAlpha(alpha float64) Option {
	return func(s *settings) {
		if alpha > 0 && !math.IsInf(alpha, 0) {
			s.alpha = alpha
		}
	}
}

// WithBinary sets whether a feature counts once per example however often
// it occurs (default false: counts are used), in training and prediction alike.
func WithBinary(on bool) Option { return func(s *settings) { s.binary = on } }

// WithUniformPrior sets whether the model ignores how often each label
// occurs in training (default false).
func WithUniformPrior(on bool) Option { return func(s *settings) { s.uniformPrior = on } }

// WithVariant sets the naive-Bayes variant (default Multinomial). Unknown
// variants are ignored.
func WithVariant(v Variant) Option {
	return func(s *settings) {
		if v < numVariants {
			s.variant = v
		}
	}
}

// WithGroupWeight scales the log-likelihoods of one feature group
// (default 1 for every group): below 1 a group counts for less, 0 ignores
// it. Naive Bayes counts correlated features as independent evidence; the
// weights temper groups that repeat what others say. Weights outside
// [0, 100] or not a number, and unknown groups, are ignored.
func WithGroupWeight(g features.Group, w float64) Option {
	return func(s *settings) {
		if g < features.NumGroups && w >= 0 && w <= 100 {
			s.groupWeights[g] = w
		}
	}
}

// WithMaxTextBytes sets the longest text Predict accepts (default
// DefaultMaxTextBytes). Values below 1 are ignored.
func WithMaxTextBytes(n int) Option {
	return func(s *settings) {
		if n > 0 {
			s.maxTextBytes = n
		}
	}
}

// Trainer accumulates counts from labelled examples and builds a Model.
// Training is deterministic: the same examples in any order give the same
// model, byte for byte once written. A Trainer is not safe for concurrent
// use; train shards in separate Trainers and Merge their models.
type Trainer struct {
	ext      *features.Extractor
	settings settings
	docs     [NumLabels]uint64
	counts   *counts
	buf      []uint64
	prep     features.Prepared // AddExample prepares each sentence once
}

// NewTrainer returns a Trainer that extracts features with ext. A nil ext
// means features.NewExtractor() with its defaults.
func NewTrainer(ext *features.Extractor, opts ...Option) *Trainer {
	if ext == nil {
		ext = features.NewExtractor()
	}
	s := defaultSettings()
	for _, o := range opts {
		o(&s)
	}
	return &Trainer{ext: ext, settings: s, counts: newCounts(1 << 18)}
}

// Add counts one (text, target, label) example. It returns an error for an
// unknown label or bad input (see Model.Predict), and then counts nothing.
func (t *Trainer) Add(text string, target Span, label Label) error {
	l := label.Index()
	if l < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownLabel, label)
	}
	if err := checkInput(text, target, t.settings.maxTextBytes); err != nil {
		return err
	}
	t.count(t.ext.AppendFeatures(t.buf[:0], text, target), l)
	return nil
}

// count adds one example of label index l with feature ids.
func (t *Trainer) count(ids []uint64, l int) {
	if t.settings.binary {
		slices.Sort(ids)
		ids = slices.Compact(ids)
	}
	for _, id := range ids {
		if c := t.counts.at(id); c[l] < math.MaxUint32 {
			c[l]++
		}
	}
	t.docs[l]++
	t.buf = ids
}

// AddExample counts every target of ex. On error nothing of ex is counted
// and the error names the example's id and target.
func (t *Trainer) AddExample(ex corpus.Example) error {
	for i, tg := range ex.Targets {
		if tg.Label.Index() < 0 {
			return fmt.Errorf("stance: example %q target %d: %w: %q", ex.ID, i, ErrUnknownLabel, tg.Label)
		}
		if err := checkInput(ex.Text, Span{Start: tg.Start, End: tg.End}, t.settings.maxTextBytes); err != nil {
			return fmt.Errorf("stance: example %q target %d: %w", ex.ID, i, err)
		}
	}
	// The sentence is analysed once for all its targets; AppendPrepared
	// gives exactly the features AppendFeatures would.
	t.ext.Prepare(&t.prep, ex.Text)
	for _, tg := range ex.Targets {
		t.count(t.ext.AppendPrepared(t.buf[:0], &t.prep, Span{Start: tg.Start, End: tg.End}), tg.Label.Index())
	}
	return nil
}

// Examples returns how many examples (targets) have been added.
func (t *Trainer) Examples() int {
	var n uint64
	for _, d := range t.docs {
		n += d
	}
	return int(n)
}

// Model builds a model from the counts so far. The Trainer stays usable:
// more examples can be added and Model called again.
func (t *Trainer) Model() *Model {
	m := &Model{ext: t.ext, settings: t.settings, docs: t.docs}
	m.keys = make([]uint64, 0, t.counts.len())
	t.counts.each(func(k uint64, _ [NumLabels]uint32) { m.keys = append(m.keys, k) })
	slices.Sort(m.keys)
	m.counts = make([][NumLabels]uint32, len(m.keys))
	for i, k := range m.keys {
		m.counts[i] = t.counts.get(k)
	}
	m.finish()
	return m
}

// Train trains a model on every target of exs. It is NewTrainer, AddExample
// for each example, then Model.
func Train(exs []corpus.Example, ext *features.Extractor, opts ...Option) (*Model, error) {
	t := NewTrainer(ext, opts...)
	for _, ex := range exs {
		if err := t.AddExample(ex); err != nil {
			return nil, err
		}
	}
	return t.Model(), nil
}

// Prune returns a model without the features seen fewer than minCount
// times in all; the rest is unchanged. Pruning shrinks the model; do it
// after Merge, since counts below the threshold in each shard may add up
// to more.
func (m *Model) Prune(minCount int) *Model {
	p := &Model{ext: m.ext, settings: m.settings, docs: m.docs}
	for i, c := range m.counts {
		var n uint64
		for _, x := range c {
			n += uint64(x)
		}
		if n >= uint64(minCount) {
			p.keys = append(p.keys, m.keys[i])
			p.counts = append(p.counts, c)
		}
	}
	p.finish()
	return p
}

// Merge returns the model trained on the union of the examples the given
// models were trained on: counts add up. All models must share the same
// feature extractor settings and model settings, or Merge returns an error
// wrapping ErrIncompatible. Merging models trained on disjoint shards gives
// exactly the model trained on all the data at once. Merge only reads its
// arguments, so it may run while other goroutines predict with the same
// models; Trainers are merged by merging their Models.
func Merge(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("%w: nothing to merge", ErrIncompatible)
	}
	first := models[0]
	fx, _ := first.ext.MarshalBinary()
	out := &Model{ext: first.ext, settings: first.settings}
	n := 0
	for i, m := range models {
		mx, _ := m.ext.MarshalBinary()
		if string(mx) != string(fx) {
			return nil, fmt.Errorf("%w: model %d has other feature settings (%v, want %v)", ErrIncompatible, i, m.ext, first.ext)
		}
		if m.settings != first.settings {
			return nil, fmt.Errorf("%w: model %d has other settings (%+v, want %+v)", ErrIncompatible, i, m.settings, first.settings)
		}
		for l := range NumLabels {
			out.docs[l] += m.docs[l]
		}
		n += len(m.keys)
	}
	// k-way merge of the sorted key lists.
	out.keys = make([]uint64, 0, n)
	out.counts = make([][NumLabels]uint32, 0, n)
	pos := make([]int, len(models))
	for {
		best, found := uint64(0), false
		for i, m := range models {
			if pos[i] < len(m.keys) && (!found || m.keys[pos[i]] < best) {
				best, found = m.keys[pos[i]], true
			}
		}
		if !found {
			break
		}
		var c [NumLabels]uint32
		for i, m := range models {
			if pos[i] < len(m.keys) && m.keys[pos[i]] == best {
				for l := range NumLabels {
					c[l] = addSat(c[l], m.counts[pos[i]][l])
				}
				pos[i]++
			}
		}
		out.keys = append(out.keys, best)
		out.counts = append(out.counts, c)
	}
	out.finish()
	return out, nil
}

func addSat(a, b uint32) uint32 {
	if s := a + b; s >= a {
		return s
	}
	return math.MaxUint32
}

// NewTrainer returns an empty Trainer with the model's feature extractor
// and settings, for retraining with the same recipe — for instance on
// more data, or to check that a model file rebuilds byte for byte.
func (m *Model) NewTrainer() *Trainer {
	return &Trainer{ext: m.ext, settings: m.settings, counts: newCounts(1 << 18)}
}
