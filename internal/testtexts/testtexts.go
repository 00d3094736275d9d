// Package testtexts gathers the sentences that tests compare two code
// paths on: the built-in corpus and, when ../shared/data is beside the
// repository, the NewsMTSC dev files.
package testtexts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stancekit/stancekit/corpus"
)

// All returns the text of every example of the built-in corpus (train,
// then test) and of NewsMTSC dev_rw and dev_mt, read from
// ../../shared/data/newsmtsc relative to the calling test's package. A
// missing NewsMTSC file is logged and left out; any other error fails tb.
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
		path := filepath.Join("..", "..", "shared", "data", "newsmtsc", f)
		if _, err := os.Stat(path); err != nil {
			tb.Logf("NewsMTSC %s not available (%v): left out", f, err)
			continue
		}
		exs, err := corpus.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		for _, ex := range exs {
			texts = append(texts, ex.Text)
		}
	}
	return texts
}
