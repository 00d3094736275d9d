package stance

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/internal/atomicfile"
)

// crashingFile fails after limit bytes, as a full disk or a killed
// process would leave a write.
type crashingFile struct {
	*os.File
	limit int
}

var errCrash = errors.New("simulated crash")

func (c *crashingFile) Write(p []byte) (int, error) {
	if len(p) > c.limit {
		n, _ := c.File.Write(p[:c.limit])
		c.limit = 0
		return n, errCrash
	}
	c.limit -= len(p)
	return c.File.Write(p)
}

func TestWriteFileAtomic(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "model.stk")
	old := []byte("the previous model file")
	require.NoError(t, os.WriteFile(path, old, 0o644))

	orig := atomicfile.CreateTemp
	t.Cleanup(func() { atomicfile.CreateTemp = orig })
	atomicfile.CreateTemp = func(dir, pattern string) (atomicfile.File, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &crashingFile{File: f, limit: 1000}, nil
	}
	err = m.WriteFile(path)
	require.ErrorIs(t, err, errCrash)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, old, got, "a failed write leaves the old file intact")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	atomicfile.CreateTemp = orig
	require.NoError(t, m.WriteFile(path))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "the replaced file's mode is kept")
	fresh := filepath.Join(dir, "fresh.stk")
	require.NoError(t, m.WriteFile(fresh))
	st, err = os.Stat(fresh)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "a new model file is 0644, not the temporary file's 0600")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	loaded, err := ReadModel(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, m.NumFeatures(), loaded.NumFeatures())
}

// TestDefaultModelProbes checks that the default model's table is far from
// the probe limit past which put gives up (model.go's finish says so).
func TestDefaultModelProbes(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(defaultModel))
	require.NoError(t, err)
	longest := m.finish()
	t.Logf("longest probe %d slots (limit %d)", longest, maxProbe)
	assert.LessOrEqual(t, longest, maxProbe/16)
}

// TestOldFormatRefused checks that a payload of the current feature set
// decodes only as the current format: formats 1 and 2 predate feature set
// 3, so no build wrote one of its models in them, and a file that says so
// has a corrupt header (ReadModel wraps the error in ErrCorrupt), rather
// than one to train again.
func TestOldFormatRefused(t *testing.T) {
	exs := []corpus.Example{
		{ID: "1", Text: "Critics praised NATO today.", Targets: []corpus.Target{{Start: 16, End: 20, Mention: "NATO", Label: corpus.Supportive}}},
		{ID: "2", Text: "Critics attacked NATO today.", Targets: []corpus.Target{{Start: 17, End: 21, Mention: "NATO", Label: corpus.Critical}}},
	}
	m, err := Train(exs, nil)
	require.NoError(t, err)
	for _, v := range []uint16{1, 2} {
		_, err = decodePayload(m.appendPayload(nil), v)
		assert.ErrorContains(t, err, "which no build wrote", "format %d", v)
		assert.NotErrorIs(t, err, ErrUnsupportedVersion, "format %d", v)
	}
	got, err := decodePayload(m.appendPayload(nil), FormatVersion)
	require.NoError(t, err)
	assert.Equal(t, m.keys, got.keys)
	assert.Equal(t, m.String(), got.String())
}
