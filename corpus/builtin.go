package corpus

import (
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The built-in corpus: sentences written and labelled for stancekit, in
// the format of this package, split once into a training part and a
// held-out test part (see Split).
//
//go:embed data/train.jsonl data/test.jsonl
var builtinFS embed.FS

// Split names a fixed part of the built-in corpus.
type Split string

// The two parts of the built-in corpus. The split is fixed: in each
// domain, every sentence whose id number is a multiple of 5 is in Test,
// the rest in Train. No training in this project touches Test.
const (
	Train Split = "train"
	Test  Split = "test"
)

// builtinLoad parses each part on first use.
var builtinLoad = map[Split]func() ([]Example, error){
	Train: sync.OnceValues(func() ([]Example, error) { return readBuiltin(Train) }),
	Test:  sync.OnceValues(func() ([]Example, error) { return readBuiltin(Test) }),
}

func readBuiltin(split Split) ([]Example, error) {
	name := "data/" + string(split) + ".jsonl"
	data, err := builtinFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return ReadAll(bytes.NewReader(data), WithName(name), WithFormat(FormatJSONL))
}

// Builtin returns the examples of one part of the built-in corpus, parsed
// on first use. The returned slice is a fresh copy the caller may modify;
// the examples' Targets slices are shared and must not be modified.
func Builtin(split Split) ([]Example, error) {
	load, ok := builtinLoad[split]
	if !ok {
		return nil, fmt.Errorf("corpus: unknown split %q (want %q or %q)", split, Train, Test)
	}
	exs, err := load()
	if err != nil {
		return nil, fmt.Errorf("corpus: built-in %s split: %w", split, err)
	}
	return append([]Example(nil), exs...), nil
}

// Batch returns the batch of the built-in corpus an example of it was
// written in, from its id's number ("pol-0423" is 423): 1 for 1 to 440, 2
// for 441 to 600 (see the package documentation). It returns 0 for an id
// of another form or range.
func Batch(ex Example) int {
	_, num, ok := strings.Cut(ex.ID, "-")
	n, err := strconv.Atoi(num)
	switch {
	case !ok || err != nil || n < 1 || n > 600:
		return 0
	case n <= 440:
		return 1
	}
	return 2
}

// Filter returns the examples for which keep returns true, in order, in a
// new slice.
func Filter(exs []Example, keep func(Example) bool) []Example {
	var out []Example
	for _, ex := range exs {
		if keep(ex) {
			out = append(out, ex)
		}
	}
	return out
}

// InDomain returns a Filter predicate that keeps the examples of domain d.
func InDomain(d string) func(Example) bool {
	return func(ex Example) bool { return ex.Domain == d }
}

// InBatch returns a Filter predicate that keeps the built-in corpus's
// examples of batch b (see Batch).
func InBatch(b int) func(Example) bool {
	return func(ex Example) bool { return Batch(ex) == b }
}

// WithTargetLabel returns a Filter predicate that keeps the examples with
// at least one target labelled l.
func WithTargetLabel(l Label) func(Example) bool {
	return func(ex Example) bool {
		for _, t := range ex.Targets {
			if t.Label == l {
				return true
			}
		}
		return false
	}
}
