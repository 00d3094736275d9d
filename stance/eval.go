package stance

import (
	"encoding/json"
	"math"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// Confusion counts predictions against gold labels: Confusion[gold][pred],
// both indexed like Labels. The zero value is an empty matrix ready to use.
type Confusion [NumLabels][NumLabels]int

// Add counts one prediction. Unknown labels are ignored and reported as
// false.
func (c *Confusion) Add(gold, pred Label) bool {
	g, p := gold.Index(), pred.Index()
	if g < 0 || p < 0 {
		return false
	}
	c[g][p]++
	return true
}

// ClassScores are the scores of one label.
type ClassScores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
}

// Report is the outcome of an evaluation. Its JSON form is the one that
// examples/evaluate -json prints (see MarshalJSON).
type Report struct {
	Examples int
	Accuracy float64
	MacroF1  float64
	// Classes holds each label's scores, indexed like Labels.
	Classes [NumLabels]ClassScores
	// Confusion is the matrix the scores were computed from.
	Confusion Confusion
}

// Class returns the scores of label l (zero scores for an unknown label).
func (r Report) Class(l Label) ClassScores {
	if i := l.Index(); i >= 0 {
		return r.Classes[i]
	}
	return ClassScores{}
}

// MarshalJSON encodes the report as the object of ../shared/DESIGN.md's evaluation
// contract: {"examples", "accuracy", "macro_f1", "per_class": {label:
// {"precision", "recall", "f1", "support"}}, "confusion": {gold: {predicted:
// count}}}.
func (r Report) MarshalJSON() ([]byte, error) {
	perClass := make(map[Label]ClassScores, NumLabels)
	confusion := make(map[Label]map[Label]int, NumLabels)
	for g, l := range Labels {
		perClass[l] = r.Classes[g]
		row := make(map[Label]int, NumLabels)
		for p, pl := range Labels {
			row[pl] = r.Confusion[g][p]
		}
		confusion[l] = row
	}
	return json.Marshal(struct {
		Examples  int                     `json:"examples"`
		Accuracy  float64                 `json:"accuracy"`
		MacroF1   float64                 `json:"macro_f1"`
		PerClass  map[Label]ClassScores   `json:"per_class"`
		Confusion map[Label]map[Label]int `json:"confusion"`
	}{r.Examples, r.Accuracy, r.MacroF1, perClass, confusion})
}

// Report computes the scores of the matrix. Precision, recall and F1 of a
// label with no predictions or no support are 0; MacroF1 is the mean F1
// over all labels.
func (c *Confusion) Report() Report {
	r := Report{Confusion: *c}
	correct := 0
	for g := range NumLabels {
		for p := range NumLabels {
			r.Examples += c[g][p]
		}
		correct += c[g][g]
	}
	for l := range NumLabels {
		var predicted, support int
		for o := range NumLabels {
			predicted += c[o][l]
			support += c[l][o]
		}
		s := ClassScores{Support: support}
		if predicted > 0 {
			s.Precision = float64(c[l][l]) / float64(predicted)
		}
		if support > 0 {
			s.Recall = float64(c[l][l]) / float64(support)
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		r.Classes[l] = s
		r.MacroF1 += s.F1 / NumLabels
	}
	if r.Examples > 0 {
		r.Accuracy = float64(correct) / float64(r.Examples)
	}
	return r
}

// Evaluate predicts every target of exs with m and scores the predictions
// against the gold labels. It stops at the first example that cannot be
// classified and names it.
func Evaluate(m *Model, exs []corpus.Example) (Report, error) {
	var c Confusion
	err := m.eachTarget(exs, true, func(gold Label, ids []uint64) { c.Add(gold, m.PredictFeatures(ids).Label) })
	if err != nil {
		return Report{}, err
	}
	return c.Report(), nil
}

// Assess is Evaluate that also measures the calibration of the
// probabilities, predicting each target once for both.
func Assess(m *Model, exs []corpus.Example) (Report, Calibration, error) {
	var c Confusion
	var cal Calibration
	err := m.eachTarget(exs, true, func(gold Label, ids []uint64) {
		p := m.PredictFeatures(ids)
		c.Add(gold, p.Label)
		cal.Add(gold, p)
	})
	if err != nil {
		return Report{}, Calibration{}, err
	}
	return c.Report(), cal, nil
}

// eachTarget calls f with the gold label and the feature ids (omitting
// the groups m weighs 0) of every target of exs, in order; ids is valid
// until f returns. It checks each example before any of its targets, and
// stops at the first bad one with its error, which gives its index in exs
// when indexed.
func (m *Model) eachTarget(exs []corpus.Example, indexed bool, f func(gold Label, ids []uint64)) error {
	if err := m.check(); err != nil {
		return err
	}
	var prep features.Prepared
	var ids []uint64
	for i, ex := range exs {
		at := -1
		if indexed {
			at = i
		}
		if err := checkExample(ex, at, m.settings.maxTextBytes); err != nil {
			return err
		}
		m.ext.Prepare(&prep, ex.Text) // once for all the example's targets
		for _, t := range ex.Targets {
			ids = m.ext.AppendPreparedExcept(ids[:0], &prep, Span{Start: t.Start, End: t.End}, m.omit)
			f(t.Label, ids) // the label is checked above
		}
	}
	return nil
}

// calibrationBins is the number of equal-width confidence bins of ECE.
const calibrationBins = 10

// Calibration measures how well predicted probabilities match what
// happens: of the predictions made with confidence 0.8, about 80% should
// be right. Add each prediction with its gold label; the zero value is
// ready to use.
type Calibration struct {
	logLoss float64
	brier   float64
	bins    [calibrationBins]struct {
		n, correct int
		conf       float64
	}
}

// minProb is the probability below which LogLoss counts a gold label's
// probability, so that one confident mistake does not make it infinite.
const minProb = 1e-15

// Add counts one prediction against its gold label. Unknown labels, and
// probabilities that are not numbers from 0 to 1, are ignored and
// reported as false.
func (c *Calibration) Add(gold Label, p Prediction) bool {
	g, top := gold.Index(), p.Label.Index()
	if g < 0 || top < 0 {
		return false
	}
	for _, q := range p.Probs {
		if !(q >= 0 && q <= 1) {
			return false
		}
	}
	c.logLoss -= math.Log(max(p.Probs[g], minProb))
	for l, q := range p.Probs {
		if l == g {
			q = 1 - q
		}
		c.brier += q * q
	}
	conf := p.Probs[top]
	b := &c.bins[min(int(conf*calibrationBins), calibrationBins-1)]
	b.n++
	b.conf += conf
	if top == g {
		b.correct++
	}
	return true
}

// Examples returns the number of predictions counted.
func (c *Calibration) Examples() int {
	n := 0
	for _, b := range c.bins {
		n += b.n
	}
	return n
}

// Confidence returns the mean probability of the predicted labels; for a
// calibrated model it is close to the share of them that are right.
func (c *Calibration) Confidence() float64 {
	var sum float64
	for _, b := range c.bins {
		sum += b.conf
	}
	return c.mean(sum)
}

// LogLoss returns the mean negative natural logarithm of the probability
// given to the gold label (the gold label's probability counted as at
// least 1e-15). Lower is better; always predicting 1/3 gives ln 3 ≈ 1.099.
func (c *Calibration) LogLoss() float64 { return c.mean(c.logLoss) }

// Brier returns the mean squared distance between the probabilities and
// the gold label's one-hot vector, from 0 (certain and right) to 2
// (certain and wrong).
func (c *Calibration) Brier() float64 { return c.mean(c.brier) }

// ECE returns the expected calibration error: predictions are put in ten
// equal-width bins by the probability of their label, and ECE is the mean,
// weighted by bin size, of the gap between a bin's mean probability and
// the share of its predictions that are right. 0 is perfect.
func (c *Calibration) ECE() float64 {
	var sum float64
	for _, b := range c.bins {
		sum += math.Abs(b.conf - float64(b.correct))
	}
	return c.mean(sum)
}

func (c *Calibration) mean(sum float64) float64 {
	n := c.Examples()
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
