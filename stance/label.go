package stance

import "github.com/stancekit/stancekit/corpus"

// Label is the stance of a sentence toward a target. It is the same type
// as corpus.Label, so labels read from a corpus need no conversion.
type Label = corpus.Label

// The three labels.
const (
	Critical   = corpus.Critical
	Neutral    = corpus.Neutral
	Supportive = corpus.Supportive
)

// NumLabels is the number of labels.
const NumLabels = corpus.NumLabels

// Labels lists the labels in their fixed order: Labels[i].Index() == i.
// Probabilities and counts indexed by label use this order.
var Labels = corpus.Labels

// ParseLabel returns the label named by s, accepting the aliases of
// corpus.ParseLabel (positive, negative, none, …).
func ParseLabel(s string) (Label, error) { return corpus.ParseLabel(s) }
