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
	// RepeatedSpans counts targets whose span an earlier target of the
	// same sentence has already, and ConflictingSpans those of them with
	// a label that differs from an earlier one's (see
	// Example.RepeatedSpans).
	RepeatedSpans, ConflictingSpans int
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
		r, c := ex.RepeatedSpans()
		st.RepeatedSpans += r
		st.ConflictingSpans += c
	}
	return st
}

// RepeatedSpans counts the targets of ex whose span (Start and End) an
// earlier target has already, and how many of those have a label that
// differs from an earlier one's. Neither is an error: NewsMTSC repeats a
// span where one mention stands for two target names ("Obama" for
// "Barack Obama" and "President Barack Obama"), with the same label
// (56 targets of its train file, 2 of dev_mt). A span labelled two ways
// makes one of its targets wrong whatever a model says, and counts its
// sentence twice in training: readers accept it, and the example programs
// report it.
func (ex Example) RepeatedSpans() (repeated, conflicting int) {
	ts := ex.Targets
	count := func(have uint8, found bool, b uint8) {
		if found {
			repeated++
			if have&^b != 0 {
				conflicting++
			}
		}
	}
	if len(ts) <= 32 { // the usual case: a scan, no map
		for j := 1; j < len(ts); j++ {
			var have uint8 // the labels of the earlier targets of the span, a bit per index
			found := false
			for _, e := range ts[:j] {
				if e.Start == ts[j].Start && e.End == ts[j].End {
					have |= labelBit(e.Label)
					found = true
				}
			}
			count(have, found, labelBit(ts[j].Label))
		}
		return repeated, conflicting
	}
	type span struct{ start, end int }
	seen := make(map[span]uint8, len(ts))
	for _, t := range ts {
		k, b := span{t.Start, t.End}, labelBit(t.Label)
		have, found := seen[k]
		count(have, found, b)
		seen[k] = have | b
	}
	return repeated, conflicting
}

// labelBit is a label's bit in a set of labels: its index's, or bit 7 for
// any label outside the three.
func labelBit(l Label) uint8 {
	if i := l.Index(); i >= 0 {
		return 1 << i
	}
	return 1 << 7
}
