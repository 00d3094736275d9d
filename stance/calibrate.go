package stance

import (
	"errors"
	"fmt"
	"math"

	"github.com/stancekit/stancekit/corpus"
)

// Naive Bayes adds up the evidence of dozens of features as if each were
// independent, so its posteriors are far too sure of themselves: the
// default model trained without a temperature gives its top label a mean
// probability well above the share it gets right. Temperature scaling
// (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017)
// divides the log scores by one number T before the softmax; T > 1 softens
// the probabilities. The label never changes, since dividing by T keeps
// the order of the scores.

// validTemperature reports whether t may be a model's temperature.
func validTemperature(t float64) bool { return t >= minTemperature && t <= maxTemperature }

// The temperatures a model may have, and TemperatureFit's search range.
const (
	minTemperature = 1.0 / 64
	maxTemperature = 1024.0
)

// WithTemperature sets the temperature that the model's log scores are
// divided by before they become probabilities (default 1: the plain naive
// Bayes posteriors). It changes Probs, never the Label. Fit it on data
// the model was not trained on with TemperatureFit. It must be in
// [1/64, 1024].
func WithTemperature(t float64) Option {
	return func(o *options) {
		if !validTemperature(t) {
			o.fail("WithTemperature(%v): want a number from 1/64 to 1024", t)
			return
		}
		o.temperature = t
	}
}

// Temperature returns the model's temperature (see WithTemperature).
func (m *Model) Temperature() float64 { return m.settings.temperature }

// Tempered returns a model that is m with temperature t: the same counts
// and scoring table (shared, not copied) and labels, other probabilities.
// m is unchanged. t out of range gives an error wrapping ErrBadOption.
func (m *Model) Tempered(t float64) (*Model, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	o := options{settings: m.settings}
	WithTemperature(t)(&o)
	if o.err != nil {
		return nil, o.err
	}
	c := &Model{ext: m.ext, settings: o.settings, docs: m.docs, keys: m.keys, counts: m.counts,
		tab: m.tab, omit: m.omit, logPrior: m.logPrior}
	c.ready()
	return c, nil
}

// ErrNoData is returned by TemperatureFit.Fit before any target was
// added, and by Train given no examples.
var ErrNoData = errors.New("stance: no data")

// TemperatureFit collects a model's log scores on labelled targets it was
// not trained on, and fits the temperature that makes its probabilities
// best match the labels. Add the held-out part of each fold of a
// cross-validation, each with the model trained on the rest, to fit on all
// the data, as CrossFitTemperature does. The zero value is ready to use.
// It holds 25 bytes a target.
type TemperatureFit struct {
	scores [][NumLabels]float64 // log scores less their maximum: the top label's is 0
	gold   []int8
}

// Add scores every target of ex with m, leaving m's own temperature
// aside, and keeps the scores with the gold labels. A bad example gives
// the error Evaluate would, and nothing of it is kept.
func (f *TemperatureFit) Add(m *Model, ex corpus.Example) error {
	return m.eachTarget([]corpus.Example{ex}, false, func(gold Label, ids []uint64) { f.add(m.scores(ids), gold.Index()) })
}

// add keeps one target's log scores s and gold label index.
func (f *TemperatureFit) add(s [NumLabels]float64, gold int) {
	hi := max(s[0], s[1], s[2])
	for l := range s {
		s[l] -= hi
	}
	f.scores = append(f.scores, s)
	f.gold = append(f.gold, int8(gold))
}

// Targets returns how many targets were added.
func (f *TemperatureFit) Targets() int { return len(f.gold) }

// Fit returns the temperature in [1/64, 1024] that minimises the mean
// negative log-likelihood of the gold labels (the log loss), found by
// golden-section search on 1/T, in which the loss is convex. It returns
// an error wrapping ErrNoData when nothing was added.
func (f *TemperatureFit) Fit() (float64, error) {
	if len(f.gold) == 0 {
		return 0, fmt.Errorf("%w: no targets to fit a temperature to", ErrNoData)
	}
	lo, hi := 1/maxTemperature, 1/minTemperature // over b = 1/T
	phi := (math.Sqrt(5) - 1) / 2
	a, b := hi-phi*(hi-lo), lo+phi*(hi-lo)
	la, lb := f.loss(a), f.loss(b)
	for range 100 {
		// On a tie, as where the loss has flattened out at 0 for data the
		// model gets right with ease, the sharper side wins.
		if la < lb {
			hi, b, lb = b, a, la
			a = hi - phi*(hi-lo)
			la = f.loss(a)
		} else {
			lo, a, la = a, b, lb
			b = lo + phi*(hi-lo)
			lb = f.loss(b)
		}
	}
	// Clamped, as rounding may step just past the ends of the range.
	return min(max(2/(lo+hi), minTemperature), maxTemperature), nil
}

// loss is the mean log loss of the kept scores times b. A top label's
// score is 0, so each target's log-sum-exp is log1p of the other labels'
// terms, which keeps the loss of confident targets from rounding to 0.
func (f *TemperatureFit) loss(b float64) float64 {
	var sum float64
	for i, s := range f.scores {
		var z float64
		top := false
		for _, x := range s {
			if x == 0 && !top { // the first top label; a tie's other 0 counts
				top = true
				continue
			}
			z += math.Exp(x * b)
		}
		sum += math.Log1p(z) - s[f.gold[i]]*b
	}
	return sum / float64(len(f.scores))
}

// CrossFitTemperature fits a temperature by k-fold cross-validation on
// exs: for each fold of corpus.KFold(exs, k, seed), train builds a model
// from the other folds, and that model's scores on the fold go into one
// TemperatureFit. Give the result, through WithTemperature or Tempered,
// to the model trained the same way on all of exs. It needs 2 <= k <=
// len(exs).
func CrossFitTemperature(exs []corpus.Example, k int, seed uint64, train func([]corpus.Example) (*Model, error)) (float64, error) {
	if k < 2 || k > len(exs) {
		return 0, fmt.Errorf("stance: %d folds of %d examples (want 2 to %d)", k, len(exs), len(exs))
	}
	var fit TemperatureFit
	part := make([]corpus.Example, 0, len(exs))
	for _, fold := range corpus.KFold(exs, k, seed) {
		part = part[:0]
		for _, i := range fold.Train {
			part = append(part, exs[i])
		}
		m, err := train(part)
		if err != nil {
			return 0, err
		}
		for _, i := range fold.Test {
			if err := fit.Add(m, exs[i]); err != nil {
				return 0, err
			}
		}
	}
	return fit.Fit()
}
