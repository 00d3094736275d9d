package modelflag

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// WeightsUsage is the help text of a -weights flag.
func WeightsUsage() string {
	names := make([]string, features.NumGroups)
	for g := range features.NumGroups {
		names[g] = g.String()
	}
	return "feature group weights, e.g. unigram=0,side=0.25 (groups: " + strings.Join(names, ", ") + "; default 1)"
}

// ParseWeights turns a -weights value, "group=number" pairs separated by
// commas, into stance.WithGroupWeight options; "" gives none. The
// options check the weights' range themselves (see stance.ErrBadOption).
func ParseWeights(s string) ([]stance.Option, error) {
	if s == "" {
		return nil, nil
	}
	var opts []stance.Option
	var given features.GroupSet
	for _, kv := range strings.Split(s, ",") {
		name, val, ok := strings.Cut(kv, "=")
		g, err := features.ParseGroup(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if given.Has(g) { // the last would win, silently
			return nil, fmt.Errorf("-weights: group %s given twice", g)
		}
		given |= 1 << g
		w, err := strconv.ParseFloat(val, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("-weights: bad weight in %q (want group=number)", kv)
		}
		opts = append(opts, stance.WithGroupWeight(g, w))
	}
	return opts, nil
}
