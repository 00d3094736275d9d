//go:build linux

package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteThroughDevice checks that a device is written to, not replaced:
// replacing /dev/null by a regular file breaks the whole machine when run
// as root, and fails for anyone else. The test makes its own null device
// in a temporary directory (which takes root), so that a regression cannot
// harm the machine's.
func TestWriteThroughDevice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3); err != nil { // Linux's null device: major 1, minor 3
		t.Skipf("cannot make a device node here (it takes root): %v", err)
	}
	if f, err := os.OpenFile(path, os.O_WRONLY, 0); err != nil {
		t.Skipf("cannot open a device node here (a nodev mount?): %v", err)
	} else {
		f.Close()
	}
	require.NoError(t, Write(path, writeString("model bytes")))
	st, err := os.Lstat(path)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "still the device, not a regular file")
}

func TestWriteThroughFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(path) // opens the read end, letting Write open the other
		got <- string(b)
	}()
	require.NoError(t, Write(path, writeString("model bytes")))
	select {
	case s := <-got:
		assert.Equal(t, "model bytes", s)
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came through the FIFO: Write replaced it instead of writing to it")
	}
	st, err := os.Lstat(path)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeNamedPipe, "still a FIFO")
}

// TestWriteThroughDescriptor checks a path that names an open descriptor
// (/proc/self/fd/N, what /dev/stdout links to): a pipe behind it gets the
// bytes, and a file behind it is appended to, not replaced, so that
// "train -out /dev/stdout >> log" keeps the log's earlier lines.
func TestWriteThroughDescriptor(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc here")
	}
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	require.NoError(t, Write(fmt.Sprintf("/proc/self/fd/%d", w.Fd()), writeString("model bytes")))
	require.NoError(t, w.Close())
	got, err := io.ReadAll(r)
	require.NoError(t, err)
	assert.Equal(t, "model bytes", string(got), "through a pipe")

	path := filepath.Join(t.TempDir(), "log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.WriteString("earlier line\n")
	require.NoError(t, err)
	require.NoError(t, Write(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), writeString("model bytes")))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "earlier line\nmodel bytes", string(b), "appended to the file behind the descriptor")
}
