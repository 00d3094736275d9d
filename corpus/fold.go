package corpus

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Fold is one train/test split of example indices. Both lists are sorted
// ascending and together hold every index exactly once.
type Fold struct {
	Train, Test []int
}

// kfoldStream is the fixed second PCG word; the seed is the first.
const kfoldStream = 0x9e3779b97f4a7c15

// KFold splits the indices of exs into k folds for cross-validation and
// returns them in order. Every index is in exactly one fold's Test set and
// in the Train set of all the others.
//
// The folds are stratified: examples are grouped by the label of their
// first target and then by domain, each group is shuffled, and its members
// are dealt to the folds in turn, carrying on from group to group. So each
// fold's share of every group, and each fold's test size, differs from the
// others' by at most one. The result depends only on exs and seed, through
// a PCG generator from math/rand/v2 seeded with seed.
//
// KFold panics if k < 2 or k > len(exs): a programmer error, since such a
// split has an empty test set.
func KFold(exs []Example, k int, seed uint64) []Fold {
	if k < 2 || k > len(exs) {
		panic(fmt.Sprintf("corpus: KFold: k = %d out of range [2, %d]", k, len(exs)))
	}

	type stratum struct {
		label  int // Label.Index of the first target; -1 when none
		domain string
	}
	groups := make(map[stratum][]int)
	for i, ex := range exs {
		s := stratum{label: -1, domain: ex.Domain}
		if len(ex.Targets) > 0 {
			s.label = ex.Targets[0].Label.Index()
		}
		groups[s] = append(groups[s], i)
	}
	keys := make([]stratum, 0, len(groups))
	for s := range groups {
		keys = append(keys, s)
	}
	slices.SortFunc(keys, func(a, b stratum) int {
		return cmp.Or(cmp.Compare(a.label, b.label), cmp.Compare(a.domain, b.domain))
	})

	rng := rand.New(rand.NewPCG(seed, kfoldStream))
	fold := make([]int, len(exs)) // fold of each index
	next := 0
	for _, s := range keys {
		idx := groups[s]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			fold[i] = next
			next = (next + 1) % k
		}
	}

	folds := make([]Fold, k)
	for i, f := range fold {
		folds[f].Test = append(folds[f].Test, i)
	}
	for f := range folds {
		train := make([]int, 0, len(exs)-len(folds[f].Test))
		for i, g := range fold {
			if g != f {
				train = append(train, i)
			}
		}
		folds[f].Train = train
	}
	return folds
}
