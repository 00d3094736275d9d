package stance

import (
	"cmp"
	"math"
	"slices"
)

// Contribution is what one feature added to a prediction.
type Contribution struct {
	// Feature is the feature's readable name, e.g. `"accused" within 2
	// words before target`.
	Feature string
	// LogOdds is how much the feature moved the log-odds of the predicted
	// label against the runner-up label: positive pushed toward the
	// prediction, negative away from it. It is counted before the
	// model's temperature: the log-odds of Probs are the prior plus the
	// features' LogOdds, divided by Model.Temperature.
	LogOdds float64
	// PerLabel holds the feature's log-likelihood under each label,
	// indexed like Labels.
	PerLabel [NumLabels]float64
}

// Explanation is a prediction together with the features behind it.
type Explanation struct {
	Prediction
	// RunnerUp is the second most probable label, against which LogOdds
	// are measured.
	RunnerUp Label
	// Prior is the prior's contribution to the log-odds.
	Prior float64
	// Features are the known features of the pair, strongest first by
	// absolute LogOdds; features the model never saw are left out.
	Features []Contribution
}

// Explain predicts like Predict and also reports the features that
// pushed the prediction, with their contribution in log-odds. Unlike
// Predict it allocates. Bad input gives the errors of Predict.
func (m *Model) Explain(text string, target Span) (Explanation, error) {
	if err := m.check(); err != nil {
		return Explanation{}, err
	}
	if err := checkInput(text, target, m.settings.maxTextBytes); err != nil {
		return Explanation{}, err
	}
	named := m.ext.AppendNamed(nil, text, target)
	ids := make([]uint64, len(named))
	for i, f := range named {
		ids[i] = f.ID
	}
	// Scored once: scores compacts ids in place for a binary model.
	score := m.scores(ids)
	e := Explanation{Prediction: fromScores(score, m.invTemp)}
	// The runner-up by score: at a low temperature the losers'
	// probabilities may both round to 0.
	best := e.Label.Index()
	second := -1
	for l := range NumLabels {
		if l != best && (second < 0 || score[l] > score[second]) {
			second = l
		}
	}
	e.RunnerUp = Labels[second]
	e.Prior = m.logPrior[best] - m.logPrior[second]
	seen := make(map[uint64]bool, len(named))
	for _, f := range named {
		lp := m.tab.get(f.ID)
		if lp == nil || (m.settings.binary && seen[f.ID]) {
			continue
		}
		seen[f.ID] = true
		c := Contribution{Feature: f.Name, LogOdds: float64(lp[best]) - float64(lp[second])}
		for l := range NumLabels {
			c.PerLabel[l] = float64(lp[l])
		}
		e.Features = append(e.Features, c)
	}
	slices.SortStableFunc(e.Features, func(a, b Contribution) int {
		return cmp.Compare(math.Abs(b.LogOdds), math.Abs(a.LogOdds))
	})
	return e, nil
}
