package corpus

import (
	"fmt"
	"strings"
)

// Label is the stance of a sentence toward a target.
type Label string

// The three stance labels. Their string values are the canonical spellings
// used in the corpus format.
const (
	// Critical marks accusation, blame, opposition, failure or other
	// negative treatment of the target.
	Critical Label = "critical"
	// Neutral marks a mention without evaluation of the target.
	Neutral Label = "neutral"
	// Supportive marks praise, approval, defence, success or other positive
	// treatment of the target.
	Supportive Label = "supportive"
)

// Labels lists the labels in fixed sorted order; index i is the label's
// Index. Loop over it, never over a map, when order matters.
var Labels = [NumLabels]Label{Critical, Neutral, Supportive}

// NumLabels is the number of labels.
const NumLabels = 3

// Index returns the position of l in Labels (0, 1 or 2), or -1 when l is
// not one of the canonical labels. Aliases are not recognised here; use
// ParseLabel to canonicalise input first.
func (l Label) Index() int {
	switch l {
	case Critical:
		return 0
	case Neutral:
		return 1
	case Supportive:
		return 2
	}
	return -1
}

// ParseLabel returns the canonical Label that s names. Matching ignores case
// and surrounding space. Besides the canonical names it accepts the aliases
// positive, favor and pro (Supportive), negative, against and con
// (Critical), and none (Neutral), and the NewsMTSC polarity numbers 2 or
// 2.0 (Critical), 4 or 4.0 (Neutral) and 6 or 6.0 (Supportive). Any other
// value yields an error that wraps ErrUnknownLabel and quotes s.
func ParseLabel(s string) (Label, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "critical", "negative", "against", "con", "2", "2.0":
		return Critical, nil
	case "neutral", "none", "4", "4.0":
		return Neutral, nil
	case "supportive", "positive", "favor", "pro", "6", "6.0":
		return Supportive, nil
	}
	return "", fmt.Errorf("%w %q", ErrUnknownLabel, s)
}
