package corpus_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

func writeAll(t *testing.T, exs []corpus.Example) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := corpus.NewWriter(&buf)
	for _, ex := range exs {
		require.NoError(t, w.Write(ex))
	}
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// TestWriterGolden reads the corpus fixture, which is in the Writer's exact
// output form, and writes it back byte for byte.
func TestWriterGolden(t *testing.T) {
	data := readFixture(t, "corpus.jsonl")
	exs, err := corpus.ReadAll(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, string(data), string(writeAll(t, exs)))
}

func TestWriterFormat(t *testing.T) {
	ex := corpus.Example{
		ID: "w-1", Text: "A <b> & \"c\"\n d", Domain: "t",
		Targets: []corpus.Target{{Start: 2, End: 5, Mention: "<b>", Label: corpus.Supportive}},
	}
	got := string(writeAll(t, []corpus.Example{ex}))
	assert.Equal(t, `{"id":"w-1","text":"A <b> & \"c\"\n d","domain":"t","targets":[{"start":2,"end":5,"mention":"<b>","label":"supportive"}]}`+"\n", got)
}

func TestRoundTrip(t *testing.T) {
	exs := []corpus.Example{
		{ID: "a", Text: "Ann praised Bob.", Domain: "x", Targets: []corpus.Target{
			{Start: 0, End: 3, Mention: "Ann", Label: corpus.Neutral},
			{Start: 12, End: 15, Mention: "Bob", Label: corpus.Supportive},
		}},
		{ID: "", Text: "🔥 “São Paulo” \u2028 falls\ttoday\x00.", Domain: "", Targets: []corpus.Target{
			{Start: 8, End: 18, Mention: "São Paulo", Label: corpus.Critical},
		}},
		{ID: "c\\d/e", Text: "</script> Eve", Domain: "ü", Targets: []corpus.Target{
			{Start: 10, End: 13, Mention: "Eve", Label: corpus.Critical},
		}},
		{ID: "d", Text: "Ünal", Targets: []corpus.Target{
			{Start: 0, End: 5, Mention: "Ünal", Label: corpus.Neutral},
		}},
	}
	for _, ex := range exs {
		require.NoError(t, ex.Validate())
	}
	data := writeAll(t, exs)
	for _, format := range []corpus.Format{corpus.FormatAuto, corpus.FormatJSONL} {
		got, err := corpus.ReadAll(bytes.NewReader(data), corpus.WithFormat(format))
		require.NoError(t, err)
		assert.Equal(t, exs, got)
	}

	// NewsMTSC input round-trips through the project's format too.
	news, err := corpus.ReadFile(filepath.Join("testdata", "newsmtsc.jsonl"))
	require.NoError(t, err)
	got, err := corpus.ReadAll(bytes.NewReader(writeAll(t, news)))
	require.NoError(t, err)
	assert.Equal(t, news, got)
}

func TestWriterRejects(t *testing.T) {
	good := corpus.Example{ID: "g", Text: "Ann.", Targets: []corpus.Target{{Start: 0, End: 3, Mention: "Ann", Label: corpus.Neutral}}}
	tests := []struct {
		name string
		ex   corpus.Example
		want error
	}{
		{"no targets", corpus.Example{ID: "n", Text: "Ann."}, corpus.ErrNoTargets},
		{"offsets", corpus.Example{ID: "o", Text: "Ann.", Targets: []corpus.Target{{Start: 0, End: 9, Mention: "Ann", Label: corpus.Neutral}}}, corpus.ErrOffsets},
		{"alias label", corpus.Example{ID: "l", Text: "Ann.", Targets: []corpus.Target{{Start: 0, End: 3, Mention: "Ann", Label: "pro"}}}, corpus.ErrUnknownLabel},
		{"invalid utf-8 domain", corpus.Example{ID: "u", Text: "Ann.", Domain: "\xff", Targets: good.Targets}, corpus.ErrInvalidUTF8},
		{"duplicate id", good, corpus.ErrDuplicateID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := corpus.NewWriter(&buf)
			require.NoError(t, w.Write(good))
			err := w.Write(tt.ex)
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), `write example "`+tt.ex.ID+`"`)
			require.NoError(t, w.Flush())
			assert.Equal(t, 1, strings.Count(buf.String(), "\n"), "nothing written for a rejected example")
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterFlushError(t *testing.T) {
	w := corpus.NewWriter(failWriter{})
	require.NoError(t, w.Write(corpus.Example{Text: "Ann.", Targets: []corpus.Target{{Start: 0, End: 3, Mention: "Ann", Label: corpus.Neutral}}}))
	err := w.Flush()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full")
}

func TestWriteFile(t *testing.T) {
	exs, err := corpus.ReadFile(filepath.Join("testdata", "corpus.jsonl"))
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")

	require.NoError(t, corpus.WriteFile(path, exs))
	got, err := corpus.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, exs, got)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())

	// A bad example leaves the existing file as it was and no temp file.
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	bad := append(exs[:2:2], corpus.Example{ID: "bad", Text: "x"})
	err = corpus.WriteFile(path, bad)
	require.ErrorIs(t, err, corpus.ErrNoTargets)
	assert.Contains(t, err.Error(), "example 2")
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	assert.Equal(t, "out.jsonl", entries[0].Name())

	// Overwriting keeps the file's mode.
	require.NoError(t, os.Chmod(path, 0o600))
	require.NoError(t, corpus.WriteFile(path, exs[:1]))
	fi, err = os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	got, err = corpus.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, exs[:1], got)

	// A missing directory is an error.
	require.Error(t, corpus.WriteFile(filepath.Join(dir, "no", "such.jsonl"), exs))
}

// TestWriterLineLimit checks that the Writer refuses a line that a Reader
// with default settings would refuse, rather than writing it.
func TestWriterLineLimit(t *testing.T) {
	text := "N" + strings.Repeat("\x01", 200_000) // escaped as \u0001: six bytes each
	ex := corpus.Example{ID: "long", Text: text, Targets: []corpus.Target{{Start: 0, End: 1, Mention: "N", Label: corpus.Neutral}}}
	var b bytes.Buffer
	w := corpus.NewWriter(&b)
	err := w.Write(ex)
	require.ErrorIs(t, err, corpus.ErrLineTooLong)
	assert.Contains(t, err.Error(), `"long"`)
	ex.Text = "N" + strings.Repeat("\x01", 100_000) // 600 kB: fits
	require.NoError(t, w.Write(ex))
	require.NoError(t, w.Flush())
	got, err := corpus.ReadAll(&b)
	require.NoError(t, err)
	assert.Equal(t, []corpus.Example{ex}, got)
}
