package corpus

// Stats summarises a set of examples.
type Stats struct {
	// Sentences and Targets count the examples and their targets.
	Sentences, Targets int
	// PerLabel counts targets per label, indexed by Label.Index. Targets
	// with a non-canonical label are counted in Targets only.
	PerLabel [NumLabels]int
	// PerDomain counts sentences per domain; the empty domain is a key
	// like any other. It is never nil.
	PerDomain map[string]int
	// MultiTarget counts sentences with two or more targets.
	MultiTarget int
	// MixedLabel counts sentences whose targets carry two or more
	// different labels.
	MixedLabel int
}

// ComputeStats counts the sentences, targets, labels and domains of exs.
// It does not validate the examples.
func ComputeStats(exs []Example) Stats {
	st := Stats{Sentences: len(exs), PerDomain: make(map[string]int)}
	for _, ex := range exs {
		st.Targets += len(ex.Targets)
		st.PerDomain[ex.Domain]++
		if len(ex.Targets) >= 2 {
			st.MultiTarget++
		}
		var seen [NumLabels]bool
		distinct := 0
		for _, t := range ex.Targets {
			i := t.Label.Index()
			if i < 0 {
				continue
			}
			st.PerLabel[i]++
			if !seen[i] {
				seen[i] = true
				distinct++
			}
		}
		if distinct >= 2 {
			st.MixedLabel++
		}
	}
	return st
}
