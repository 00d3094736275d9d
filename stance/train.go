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
// that is not one of Labels. It is corpus.ErrUnknownLabel, which
// ParseLabel also returns.
var ErrUnknownLabel = corpus.ErrUnknownLabel

// ErrIncompatible is returned by Merge for models whose features or
// settings differ.
var ErrIncompatible = errors.New("stance: incompatible models")

// Option configures a Trainer. An option given a value out of its range
// makes Train, and a Trainer's Add and AddExample, return an error that
// names the option and the value (see ErrBadOption). A nil Option is
// skipped.
type Option func(*options)

// options are the settings being built and the first bad option's error.
type options struct {
	settings
	badOption
}

// ErrBadOption is wrapped by the error of an Option or AnalyzeOption
// given a value out of its range.
var ErrBadOption = errors.New("stance: bad option")

// badOption holds the first bad option's error, for options and
// analyzeConfig.
type badOption struct{ err error }

// fail records the first bad option.
func (b *badOption) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("%w: "+format, append([]any{ErrBadOption}, args...)...)
	}
}

// WithAlpha sets the Lidstone smoothing constant added to every feature
// count (default 0.5). It must be positive and at most 1,000,000: larger
// constants drown every count, and near the float64 limit they overflow
// the scores.
func WithAlpha(alpha float64) Option {
	return func(o *options) {
		if !validAlpha(alpha) {
			o.fail("WithAlpha(%v): want a number above 0 and at most %g", alpha, maxAlpha)
			return
		}
		o.alpha = alpha
	}
}

// WithBinary sets whether a feature counts once per example however often
// it occurs (default false: counts are used), in training and prediction alike.
func WithBinary(on bool) Option { return func(o *options) { o.binary = on } }

// WithUniformPrior sets whether the model ignores how often each label
// occurs in training (default false).
func WithUniformPrior(on bool) Option { return func(o *options) { o.uniformPrior = on } }

// WithVariant sets the naive-Bayes variant (default Multinomial).
func WithVariant(v Variant) Option {
	return func(o *options) {
		if v >= numVariants {
			o.fail("WithVariant(%d): unknown variant (want Multinomial, Complement or Combined)", v)
			return
		}
		o.variant = v
	}
}

// WithGroupWeight scales the log-likelihoods of one feature group
// (default 1 for every group): below 1 a group counts for less, 0 ignores
// it. Naive Bayes counts correlated features as independent evidence; the
// weights temper groups that repeat what others say. The weight must be
// a number in [0, 100] and the group one of the features package's.
func WithGroupWeight(g features.Group, w float64) Option {
	return func(o *options) {
		switch {
		case g >= features.NumGroups:
			o.fail("WithGroupWeight(%d, %v): unknown group", g, w)
		case !validWeight(w):
			o.fail("WithGroupWeight(%v, %v): want a weight from 0 to 100", g, w)
		default:
			o.groupWeights[g] = w
		}
	}
}

// WithMaxTextBytes sets the longest text Predict accepts (default
// DefaultMaxTextBytes). It must be from 1 to math.MaxInt32, the most a
// model file holds.
func WithMaxTextBytes(n int) Option {
	return func(o *options) {
		if n < 1 || !validMaxText(uint64(n)) {
			o.fail("WithMaxTextBytes(%d): want 1 to %d", n, math.MaxInt32)
			return
		}
		o.maxTextBytes = n
	}
}

// Trainer accumulates counts from labelled examples and builds a Model.
// Training is deterministic: the same examples in any order give the same
// model, byte for byte once written. A Trainer is not safe for concurrent
// use; train shards in separate Trainers and Merge their models. The zero
// value is ready to use, as NewTrainer(nil) with no options.
type Trainer struct {
	ext      *features.Extractor
	settings settings
	docs     [NumLabels]uint64
	counts   *counts
	buf      []uint64
	prep     features.Prepared // AddExample prepares each sentence once
	err      error             // a bad option's, returned by Add and AddExample
}

// NewTrainer returns a Trainer that extracts features with ext. A nil ext
// means features.NewExtractor() with its defaults. If an option is bad,
// here or given to ext (see features.Extractor.Err), Add and AddExample
// return its error (wrapping ErrBadOption) and count nothing.
func NewTrainer(ext *features.Extractor, opts ...Option) *Trainer {
	ext, s, err := trainerSetup(ext, opts)
	t := newTrainer(ext, s)
	t.err = err
	return t
}

// trainerSetup resolves NewTrainer's and Train's arguments: a nil ext is
// the default extractor, nil options are skipped; err is the first bad
// option's, here or in ext.
func trainerSetup(ext *features.Extractor, opts []Option) (*features.Extractor, settings, error) {
	if ext == nil {
		ext = features.NewExtractor()
	}
	o := options{settings: defaultSettings()}
	for _, opt := range opts {
		if opt != nil { // a nil option, from a list built conditionally, does nothing
			opt(&o)
		}
	}
	if err := ext.Err(); err != nil {
		o.fail("extractor: %w", err)
	}
	return ext, o.settings, o.err
}

// init makes a zero Trainer the one NewTrainer(nil) returns.
func (t *Trainer) init() {
	if t.ext == nil {
		*t = *NewTrainer(nil)
	}
}

// Err returns the error of a bad option given to NewTrainer (wrapping
// ErrBadOption), or nil.
func (t *Trainer) Err() error { return t.err }

// The settings an Option accepts and ReadModel accepts from a file.
func validAlpha(a float64) bool { return a > 0 && a <= maxAlpha }

// maxAlpha bounds the smoothing constant: alpha times the number of
// features must stay far from overflowing.
const maxAlpha = 1e6

func validWeight(w float64) bool { return w >= 0 && w <= 100 }

// validMaxText reports whether n may be a model's text limit: a file
// holds it as a uvarint, read back into an int that must fit 32 bits.
func validMaxText(n uint64) bool { return n >= 1 && n <= math.MaxInt32 }

// Add counts one (text, target, label) example. It returns an error for a
// bad option given to NewTrainer, an unknown label or bad input (see
// Model.Predict), and then counts nothing.
func (t *Trainer) Add(text string, target Span, label Label) error {
	t.init()
	if t.err != nil {
		return t.err
	}
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
	t.counts.add(ids, l)
	t.docs[l]++
	t.buf = ids
}

// AddExample counts every target of ex. On error nothing of ex is counted
// and the error names the example's id and target.
func (t *Trainer) AddExample(ex corpus.Example) error {
	t.init()
	if t.err != nil {
		return t.err
	}
	if err := checkExample(ex, -1, t.settings.maxTextBytes); err != nil {
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

// ExampleError reports a bad example given to training or evaluation:
// which one, which of its targets and why. Err wraps ErrBadSpan,
// ErrUnknownLabel, ErrEmptyText, ErrTextTooLong, ErrInvalidUTF8 or
// corpus.ErrMentionMismatch (a Mention that is not the text it spans; an
// empty Mention is not checked).
type ExampleError struct {
	Index  int    // the example's index in the slice given, or -1 for AddExample and TemperatureFit.Add
	ID     string // the example's ID, which may be empty
	Target int    // the index of the bad target in the example's Targets
	Err    error
}

func (e *ExampleError) Error() string {
	switch {
	case e.Index < 0:
		return fmt.Sprintf("stance: example %q target %d: %v", e.ID, e.Target, e.Err)
	case e.ID == "":
		return fmt.Sprintf("stance: examples[%d] target %d: %v", e.Index, e.Target, e.Err)
	}
	return fmt.Sprintf("stance: examples[%d] (id %q) target %d: %v", e.Index, e.ID, e.Target, e.Err)
}

// Unwrap returns Err.
func (e *ExampleError) Unwrap() error { return e.Err }

// checkExample returns the *ExampleError for a bad example, or nil; at is
// its index in the slice given, or -1. The text is checked once, the
// targets each: the label, the span, and a Mention, where one is given,
// against the text it spans (corpus.ErrMentionMismatch).
func checkExample(ex corpus.Example, at, maxBytes int) error {
	textErr := checkText(ex.Text, maxBytes)
	for i, tg := range ex.Targets {
		err := textErr
		if tg.Label.Index() < 0 {
			err = fmt.Errorf("%w: %q", ErrUnknownLabel, tg.Label)
		} else if err == nil {
			err = checkSpan(ex.Text, Span{Start: tg.Start, End: tg.End})
			if err == nil && tg.Mention != "" && ex.Text[tg.Start:tg.End] != tg.Mention {
				// Offsets counted in runes or UTF-16 units, or from
				// another copy of the text, point at the wrong words.
				err = fmt.Errorf("%w: %q, but text[%d:%d] is %q", corpus.ErrMentionMismatch, tg.Mention, tg.Start, tg.End, ex.Text[tg.Start:tg.End])
			}
		}
		if err != nil {
			return &ExampleError{Index: at, ID: ex.ID, Target: i, Err: err}
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
// more examples can be added and Model called again. A Trainer given a bad
// option (see Err) has counted nothing, and its model is untrained.
func (t *Trainer) Model() *Model {
	t.init()
	m := &Model{ext: t.ext, settings: t.settings, docs: t.docs}
	m.keys, m.counts = t.counts.sorted()
	m.finish()
	return m
}

// minShard is the fewest examples Train gives a goroutine of its own.
const minShard = 1000

// Train trains a model on every target of exs. The result is the model
// NewTrainer, AddExample for each example, then Model would give, byte for
// byte; the work is shared among up to GOMAXPROCS goroutines, each
// counting a contiguous share of exs (at least 1,000 examples), and the
// counts are merged. Given a bad option Train returns its error (wrapping
// ErrBadOption); on bad input, the error of the first bad example in exs;
// given no examples or none with a target, an error wrapping ErrNoData.
// Train holds every shard's counts at once; to train on more data than
// fits in memory, stream it through one Trainer.
func Train(exs []corpus.Example, ext *features.Extractor, opts ...Option) (*Model, error) {
	ext, settings, err := trainerSetup(ext, opts)
	if err != nil {
		return nil, err
	}
	shards := make([]counted, max(1, min(runtime.GOMAXPROCS(0), len(exs)/minShard)))
	panics := make([]any, len(shards)) // re-raised in the caller
	var failed atomic.Bool             // a bad example stops every shard
	var wg sync.WaitGroup
	for i := range shards {
		part := exs[i*len(exs)/len(shards) : (i+1)*len(exs)/len(shards)]
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					panics[i] = r
					failed.Store(true)
				}
			}()
			t := newTrainer(ext, settings)
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
			shards[i].keys, shards[i].counts = t.counts.sorted()
		})
	}
	wg.Wait()
	for _, r := range panics {
		if r != nil {
			panic(r) // as training on the caller's goroutine would
		}
	}
	if failed.Load() {
		// Shards stop wherever they are, so find the first bad example
		// in order, as training one by one would.
		for i, ex := range exs {
			if err := checkExample(ex, i, settings.maxTextBytes); err != nil {
				return nil, err
			}
		}
		return nil, errors.New("stance: a training shard failed on no bad example") // unreachable
	}
	m := mergeCounted(ext, settings, shards)
	if m.docs == [NumLabels]uint64{} { // a model of nothing would say 1/3 to everything
		return nil, fmt.Errorf("%w: no targets to train on in %d examples", ErrNoData, len(exs))
	}
	return m, nil
}

// Prune returns a model without the features seen fewer than minCount
// times in all; the rest is unchanged. Pruning shrinks the model; do it
// after Merge, since counts below the threshold in each shard may add up
// to more. A minCount of 0 or less removes nothing (and 1 nothing that
// training counted: every feature it adds was seen at least once).
func (m *Model) Prune(minCount int) *Model {
	minCount = max(minCount, 0) // as uint64 below, a negative count would remove everything
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
	for i, m := range models {
		if err := m.check(); err != nil {
			return nil, fmt.Errorf("model %d: %w", i, err)
		}
	}
	first := models[0]
	fx, _ := first.ext.MarshalBinary()
	parts := make([]counted, len(models))
	for i, m := range models {
		mx, _ := m.ext.MarshalBinary()
		if string(mx) != string(fx) {
			return nil, fmt.Errorf("%w: model %d has other feature settings (%v, want %v)", ErrIncompatible, i, m.ext, first.ext)
		}
		if m.settings != first.settings {
			return nil, fmt.Errorf("%w: model %d has other settings (%+v, want %+v)", ErrIncompatible, i, m.settings, first.settings)
		}
		parts[i] = counted{m.docs, m.keys, m.counts}
	}
	return mergeCounted(first.ext, first.settings, parts), nil
}

// counted is what a model is made from: examples per label, and feature
// ids in ascending order with their counts.
type counted struct {
	docs   [NumLabels]uint64
	keys   []uint64
	counts [][NumLabels]uint32
}

// mergeCounted builds the model of the summed counts of parts, merging
// them two by two. A part's slices may end up in the model unchanged;
// they are not modified.
func mergeCounted(ext *features.Extractor, s settings, parts []counted) *Model {
	for len(parts) > 1 {
		var next []counted
		for i := 0; i+1 < len(parts); i += 2 {
			next = append(next, merge2(parts[i], parts[i+1]))
		}
		if len(parts)%2 == 1 {
			next = append(next, parts[len(parts)-1])
		}
		parts = next
	}
	m := &Model{ext: ext, settings: s, docs: parts[0].docs, keys: parts[0].keys, counts: parts[0].counts}
	m.finish()
	return m
}

// merge2 merges two counts, adding those of equal ids (saturating at the
// largest uint32).
func merge2(a, b counted) counted {
	out := counted{keys: make([]uint64, 0, len(a.keys)+len(b.keys)), counts: make([][NumLabels]uint32, 0, len(a.keys)+len(b.keys))}
	for l := range NumLabels {
		out.docs[l] = a.docs[l] + b.docs[l]
	}
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch ka, kb := a.keys[i], b.keys[j]; {
		case ka < kb:
			out.keys, out.counts = append(out.keys, ka), append(out.counts, a.counts[i])
			i++
		case ka > kb:
			out.keys, out.counts = append(out.keys, kb), append(out.counts, b.counts[j])
			j++
		default:
			var c [NumLabels]uint32
			for l := range NumLabels {
				c[l] = addSat(a.counts[i][l], b.counts[j][l])
			}
			out.keys, out.counts = append(out.keys, ka), append(out.counts, c)
			i, j = i+1, j+1
		}
	}
	out.keys, out.counts = append(out.keys, a.keys[i:]...), append(out.counts, a.counts[i:]...)
	out.keys, out.counts = append(out.keys, b.keys[j:]...), append(out.counts, b.counts[j:]...)
	return out
}

func addSat(a, b uint32) uint32 {
	if s := a + b; s >= a {
		return s
	}
	return math.MaxUint32
}

// NewTrainer returns an empty Trainer with the model's feature extractor
// and settings, for retraining with the same recipe — for instance on
// more data, or to check that a model file rebuilds byte for byte. The
// settings include the temperature, which was fitted for the model's own
// data: for a model trained on other data, fit it again
// (CrossFitTemperature) and set it with Tempered.
func (m *Model) NewTrainer() *Trainer { return newTrainer(m.ext, m.settings) }

func newTrainer(ext *features.Extractor, s settings) *Trainer {
	return &Trainer{ext: ext, settings: s, counts: newCounts(1 << 18)}
}
