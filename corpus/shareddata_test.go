package corpus_test

import (
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// TestNewsMTSCDevRW reads the shared NewsMTSC real-world dev split, which
// lives outside the module and may be absent.
func TestNewsMTSCDevRW(t *testing.T) {
	const path = "../../shared/data/newsmtsc/dev_rw.jsonl"
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("shared NewsMTSC data not present at %s", path)
	}
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()

	r := corpus.NewReader(f, corpus.WithName(path), corpus.Lenient())
	exs, err := readAllReader(r)
	require.NoError(t, err)
	require.Zero(t, r.SkippedCount(), "skipped: %v", r.Skipped())

	st := corpus.ComputeStats(exs)
	assert.Equal(t, 320, st.Sentences)
	assert.Equal(t, 343, st.Targets)
	assert.Equal(t, [3]int{134, 136, 73}, st.PerLabel)
	assert.Equal(t, map[string]int{"newsmtsc": 320}, st.PerDomain)
}

// BenchmarkReadNewsMTSC reads the shared NewsMTSC train file (8,739
// targets), the largest training file there: the reader's cost, strict
// JSON check included, in MB/s. It skips when the file is absent.
func BenchmarkReadNewsMTSC(b *testing.B) {
	const path = "../../shared/data/newsmtsc/train.jsonl"
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("shared NewsMTSC data not present at %s", path)
	}
	require.NoError(b, err)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		exs, err := corpus.ReadFile(path)
		if err != nil || len(exs) == 0 {
			b.Fatal(err, len(exs))
		}
	}
}
