package stance

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
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

// asVersion2 rewrites a format-3 payload of m as format 2 wrote it: nine
// group weights, the target trigrams' dropped. With clearTrigrams it also
// clears the extractor's trigram flag (bit 6 of the byte before the seed).
func asVersion2(t *testing.T, m *Model, clearTrigrams bool) []byte {
	t.Helper()
	p := m.appendPayload(nil)
	ext, err := m.ext.MarshalBinary()
	require.NoError(t, err)
	extAt := len(binary.AppendUvarint(nil, uint64(len(ext))))
	if clearTrigrams {
		p[extAt+len(ext)-9] &^= 64
	}
	flags := uint64(m.settings.variant) << 2 // the models here are neither binary nor uniform
	ng := extAt + len(ext) + 8 + len(binary.AppendUvarint(nil, flags)) +
		len(binary.AppendUvarint(nil, uint64(m.settings.maxTextBytes)))
	require.Equal(t, byte(features.NumGroups), p[ng], "the group count")
	p[ng] = groupsBeforeV3
	last := ng + 1 + groupsBeforeV3*8 // the trigram group's weight
	return append(p[:last:last], p[last+8:]...)
}

// TestVersion2Trigrams checks that a format-2 file decodes only as such a
// file could have been written: without target trigrams in its extractor
// or in its features, which that format's writers never produced.
func TestVersion2Trigrams(t *testing.T) {
	exs := []corpus.Example{
		{ID: "1", Text: "Critics praised NATO today.", Targets: []corpus.Target{{Start: 16, End: 20, Mention: "NATO", Label: corpus.Supportive}}},
		{ID: "2", Text: "Critics attacked NATO today.", Targets: []corpus.Target{{Start: 17, End: 21, Mention: "NATO", Label: corpus.Critical}}},
	}
	old, err := Train(exs, features.NewExtractor(features.WithTrigrams(false)))
	require.NoError(t, err)
	m, err := decodePayload(asVersion2(t, old, false), 2)
	require.NoError(t, err, "a model without trigrams is a good format-2 file")
	assert.Equal(t, old.keys, m.keys)
	assert.Equal(t, old.String(), m.String())

	tri, err := Train(exs, features.NewExtractor())
	require.NoError(t, err)
	_, err = decodePayload(asVersion2(t, tri, false), 2)
	assert.ErrorContains(t, err, "target trigrams in format version 2")
	_, err = decodePayload(asVersion2(t, tri, true), 2)
	assert.ErrorContains(t, err, "names feature group 9, there are 9 in format version 2")
	_, err = decodePayload(tri.appendPayload(nil), 3)
	assert.NoError(t, err, "the same model as format 3")
}
