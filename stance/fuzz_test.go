package stance_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/stance"
)

// FuzzReadModel feeds ReadModel arbitrary bytes: it must return a model or
// an error, never panic or allocate without bound, and any model it
// accepts must write back to bytes that read again to the same model.
func FuzzReadModel(f *testing.F) {
	good := modelBytes(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("\x89STKM\n\x01\x00"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := stance.ReadModel(bytes.NewReader(data))
		if err != nil {
			require.Nil(t, m)
			return
		}
		var b1 bytes.Buffer
		_, err = m.WriteTo(&b1)
		require.NoError(t, err)
		m2, err := stance.ReadModel(bytes.NewReader(b1.Bytes()))
		require.NoError(t, err)
		var b2 bytes.Buffer
		_, err = m2.WriteTo(&b2)
		require.NoError(t, err)
		require.Equal(t, b1.Bytes(), b2.Bytes())
		_, err = m2.Predict("NATO met Brazil.", stance.Span{Start: 0, End: 4})
		require.NoError(t, err)
	})
}
