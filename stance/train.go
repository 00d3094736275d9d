package stance

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

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
	return &Trainer{ext: ext, settings: newSettings(opts), counts: newCounts(1 << 18)}
}

// newSettings returns the default settings with opts applied.
func newSettings(opts []Option) settings {
	s := defaultSettings()
	for _, o := range opts {
		o(&s)
	}
	return s
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
	if err := checkExample(ex, t.settings.maxTextBytes); err != nil {
		return err
	}
	// The sentence is analysed once for all its targets; AppendPrepared
	// gives exactly the features AppendFeatures would.
	t.ext.Prepare(&t.prep, ex.Text)
	for _, tg := range ex.Targets {
		t.count(t.ext.AppendPrepared(t.buf[:0], &t.prep, Span{Start: tg.Start, End: tg.End}), tg.Label.Index())
	}
	return nil
}

// checkExample returns AddExample's error for a bad example, or nil.
func checkExample(ex corpus.Example, maxBytes int) error {
	for i, tg := range ex.Targets {
		if tg.Label.Index() < 0 {
			return fmt.Errorf("stance: example %q target %d: %w: %q", ex.ID, i, ErrUnknownLabel, tg.Label)
		}
		if err := checkInput(ex.Text, Span{Start: tg.Start, End: tg.End}, maxBytes); err != nil {
			return fmt.Errorf("stance: example %q target %d: %w", ex.ID, i, err)
		}
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
	m.keys, m.counts = t.sorted()
	m.finish()
	return m
}

// sorted returns the trainer's feature ids in ascending order and their
// counts.
func (t *Trainer) sorted() ([]uint64, [][NumLabels]uint32) {
	keys := make([]uint64, 0, t.counts.len())
	t.counts.each(func(k uint64, _ [NumLabels]uint32) { keys = append(keys, k) })
	slices.Sort(keys)
	counts := make([][NumLabels]uint32, len(keys))
	for i, k := range keys {
		counts[i] = t.counts.get(k)
	}
	return keys, counts
}

// minShard is the fewest examples Train gives a goroutine of its own.
const minShard = 1000

// Train trains a model on every target of exs. The result is the model
// NewTrainer, AddExample for each example, then Model would give, byte for
// byte; the work is shared among up to GOMAXPROCS goroutines, each
// counting a contiguous share of exs (at least 1,000 examples), and the
// counts are merged. On bad input Train returns the error of the first bad
// example in exs. Train holds every shard's counts at once; to train on
// more data than fits in memory, stream it through one Trainer.
func Train(exs []corpus.Example, ext *features.Extractor, opts ...Option) (*Model, error) {
	if ext == nil {
		ext = features.NewExtractor()
	}
	n := max(1, min(runtime.GOMAXPROCS(0), len(exs)/minShard))
	if n == 1 {
		t := NewTrainer(ext, opts...)
		for _, ex := range exs {
			if err := t.AddExample(ex); err != nil {
				return nil, err
			}
		}
		return t.Model(), nil
	}
	type shard struct {
		docs   [NumLabels]uint64
		keys   []uint64
		counts [][NumLabels]uint32
		panic  any // a panic in the shard, re-raised in the caller
	}
	shards := make([]shard, n)
	settings := newSettings(opts)
	var failed atomic.Bool // a bad example stops every shard
	var wg sync.WaitGroup
	for i := range shards {
		part := exs[i*len(exs)/n : (i+1)*len(exs)/n]
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					shards[i].panic = r
					failed.Store(true)
				}
			}()
			t := NewTrainer(ext, opts...)
			for _, ex := range part {
				if failed.Load() {
					return
				}
				if t.AddExample(ex) != nil {
					failed.Store(true)
					return
				}
			}
			shards[i].docs = t.docs
			shards[i].keys, shards[i].counts = t.sorted()
		})
	}
	wg.Wait()
	for _, sh := range shards {
		if sh.panic != nil {
			panic(sh.panic) // as training on the caller's goroutine would
		}
	}
	if failed.Load() {
		// Shards stop wherever they are, so find the first bad example
		// in order, as training one by one would.
		for _, ex := range exs {
			if err := checkExample(ex, settings.maxTextBytes); err != nil {
				return nil, err
			}
		}
		return nil, errors.New("stance: a training shard failed on no bad example") // unreachable
	}
	m := &Model{ext: ext, settings: settings}
	all := make([][]uint64, n)
	counts := make([][][NumLabels]uint32, n)
	for i, sh := range shards {
		for l := range NumLabels {
			m.docs[l] += sh.docs[l]
		}
		all[i], counts[i] = sh.keys, sh.counts
	}
	m.keys, m.counts = mergeSorted(all, counts)
	m.finish()
	return m, nil
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
	}
	all := make([][]uint64, len(models))
	counts := make([][][NumLabels]uint32, len(models))
	for i, m := range models {
		all[i], counts[i] = m.keys, m.counts
	}
	out.keys, out.counts = mergeSorted(all, counts)
	out.finish()
	return out, nil
}

// mergeSorted merges ascending key lists, adding the counts of equal keys
// (saturating at the largest uint32).
func mergeSorted(keys [][]uint64, counts [][][NumLabels]uint32) ([]uint64, [][NumLabels]uint32) {
	n := 0
	for _, k := range keys {
		n += len(k)
	}
	outKeys := make([]uint64, 0, n)
	outCounts := make([][NumLabels]uint32, 0, n)
	if len(keys) == 2 { // the common case, Train on two cores: a plain two-way merge
		a, b, ca, cb := keys[0], keys[1], counts[0], counts[1]
		i, j := 0, 0
		for i < len(a) && j < len(b) {
			switch {
			case a[i] < b[j]:
				outKeys, outCounts = append(outKeys, a[i]), append(outCounts, ca[i])
				i++
			case a[i] > b[j]:
				outKeys, outCounts = append(outKeys, b[j]), append(outCounts, cb[j])
				j++
			default:
				var c [NumLabels]uint32
				for l := range NumLabels {
					c[l] = addSat(ca[i][l], cb[j][l])
				}
				outKeys, outCounts = append(outKeys, a[i]), append(outCounts, c)
				i, j = i+1, j+1
			}
		}
		outKeys, outCounts = append(outKeys, a[i:]...), append(outCounts, ca[i:]...)
		outKeys, outCounts = append(outKeys, b[j:]...), append(outCounts, cb[j:]...)
		return outKeys, outCounts
	}
	pos := make([]int, len(keys))
	for {
		best, found := uint64(0), false
		for i, k := range keys {
			if pos[i] < len(k) && (!found || k[pos[i]] < best) {
				best, found = k[pos[i]], true
			}
		}
		if !found {
			break
		}
		var c [NumLabels]uint32
		for i, k := range keys {
			if pos[i] < len(k) && k[pos[i]] == best {
				for l := range NumLabels {
					c[l] = addSat(c[l], counts[i][pos[i]][l])
				}
				pos[i]++
			}
		}
		outKeys = append(outKeys, best)
		outCounts = append(outCounts, c)
	}
	return outKeys, outCounts
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
