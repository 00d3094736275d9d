package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteReplacesRegularFileKeepingMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.stk")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
	require.NoError(t, Write(path, writeString("new")))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(b))
	st, err := os.Stat(path)
	require.NoError(t, err)
	if runtime.GOOS != "windows" {
		assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	}
	left, err := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file left behind")
}

// TestWriteFollowsSymlink checks that writing through a symbolic link
// replaces the file it points to and keeps the link, where renaming over
// the link would have left the file stale and the link a copy.
func TestWriteFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.stk"), filepath.Join(dir, "link.stk")
	require.NoError(t, os.WriteFile(real, []byte("old"), 0o644))
	if err := os.Symlink("real.stk", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	require.NoError(t, Write(link, writeString("new")))
	b, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Equal(t, "new", string(b), "the link's target holds the new contents")
	st, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")

	dangling := filepath.Join(dir, "dangling.stk")
	require.NoError(t, os.Symlink("missing.stk", dangling))
	err = Write(dangling, writeString("new"))
	assert.ErrorContains(t, err, "dangling.stk")
	assert.ErrorContains(t, err, "symbolic link")
}

func TestWriteRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	err := Write(dir, writeString("new"))
	assert.ErrorContains(t, err, "is a directory")
}
