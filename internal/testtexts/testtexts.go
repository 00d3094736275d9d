// Package testtexts gathers the sentences that tests compare two code
// paths on — the built-in corpus and, when ../shared/data is beside the
// repository, the NewsMTSC files — reading each file once per test binary.
package testtexts

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stancekit/stancekit/corpus"
)

// dir is where the NewsMTSC files sit relative to a package directory of
// this repository when it is checked out beside shared/.
var dir = filepath.Join("..", "..", "shared", "data", "newsmtsc")

var files sync.Map // file name → func() ([]corpus.Example, error)

// NewsMTSC returns the examples of the NewsMTSC file name ("train.jsonl",
// "dev_rw.jsonl", …), read on first use. Callers share the slice and must
// not change it. An absent file gives an error wrapping fs.ErrNotExist.
func NewsMTSC(name string) ([]corpus.Example, error) {
	read, _ := files.LoadOrStore(name, sync.OnceValues(func() ([]corpus.Example, error) {
		exs, err := corpus.ReadFile(filepath.Join(dir, name))
		return exs[:len(exs):len(exs)], err // an append copies, leaving the shared array alone
	}))
	return read.(func() ([]corpus.Example, error))()
}

// All returns the text of every example of the built-in corpus (train,
// then test) and of NewsMTSC dev_rw and dev_mt. A missing NewsMTSC file is
// logged and left out; any other error fails tb.
func All(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	for _, split := range []corpus.Split{corpus.Train, corpus.Test} {
		exs, err := corpus.Builtin(split)
		if err != nil {
			tb.Fatal(err)
		}
		for _, ex := range exs {
			texts = append(texts, ex.Text)
		}
	}
	for _, f := range []string{"dev_rw.jsonl", "dev_mt.jsonl"} {
		exs, err := NewsMTSC(f)
		if errors.Is(err, fs.ErrNotExist) {
			tb.Logf("NewsMTSC %s not available (%v): left out", f, err)
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		for _, ex := range exs {
			texts = append(texts, ex.Text)
		}
	}
	return texts
}

// Training returns the examples the default model is trained on: NewsMTSC
// train, then the built-in corpus's train part, in a slice of the
// caller's own. Without ../shared/data it skips tb, saying why.
func Training(tb testing.TB) []corpus.Example {
	tb.Helper()
	exs, err := NewsMTSC("train.jsonl")
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("NewsMTSC data not available (%v)", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	own, err := corpus.Builtin(corpus.Train)
	if err != nil {
		tb.Fatal(err)
	}
	return append(exs, own...)
}
