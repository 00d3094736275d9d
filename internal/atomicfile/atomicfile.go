// Package atomicfile writes files so that a reader sees either the old
// file or the whole new one, never a part.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is the temporary file Write writes through.
type File interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// CreateTemp makes the temporary file; tests replace it to simulate a
// crash part-way through a write.
var CreateTemp = func(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Write writes the file at path atomically: write fills a temporary file
// in the same directory, which is synced, given the mode of the file it
// replaces (0644 for a new one; a temporary file is private), renamed over
// path, and the rename made durable where the platform allows. On any
// error path is left as it was and the temporary file is removed. An error
// from write is returned as it is; a file-system error names path.
//
// What path names decides what is replaced. A symbolic link is followed:
// the file it points to is replaced and the link kept (a link to nothing
// is an error). A device or named pipe (/dev/null, a FIFO) is not replaced
// but written through, as a stream, with no atomicity: there is no file to
// swap in. So is whatever an open file descriptor's link names
// (/dev/stdout, /proc/self/fd/1), a pipe or a file the shell opened: it is
// appended to, as the descriptor's own writes would be. A directory is an
// error.
func Write(path string, write func(io.Writer) error) (err error) {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		st = nil
	case err != nil:
		return fmt.Errorf("writing %s: %w", path, err)
	case st.Mode()&fs.ModeSymlink != 0:
		// os.Stat follows every link, /proc's descriptor links included,
		// which filepath.EvalSymlinks cannot resolve for a pipe. Only a
		// regular file is replaced, so only its path is resolved; the rest
		// is written through below, by the link's own path.
		if st, err = os.Stat(path); err != nil {
			return fmt.Errorf("writing %s: following the symbolic link: %w", path, err)
		}
		if st.Mode().IsRegular() {
			if viaDescriptor(path) {
				return writeThrough(path, write)
			}
			target, err := filepath.EvalSymlinks(path)
			if err != nil {
				return fmt.Errorf("writing %s: following the symbolic link: %w", path, err)
			}
			path = target
		}
	}
	mode := os.FileMode(0o644)
	if st != nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("writing %s: is a directory", path)
		case !st.Mode().IsRegular():
			return writeThrough(path, write)
		}
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	f, err := CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err == nil {
		if err = f.Close(); err == nil {
			if err = os.Chmod(f.Name(), mode); err == nil {
				err = os.Rename(f.Name(), path)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// Make the rename durable. Not every platform can sync a directory, and
	// the rename has already succeeded, so errors are ignored.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// viaDescriptor reports whether the chain of symbolic links from path
// passes through a link of an open file descriptor (/proc/…/fd/…,
// /dev/fd/…), whose file belongs to whoever opened the descriptor.
func viaDescriptor(path string) bool {
	for range 40 { // the kernel's own bound on a chain of links
		if p := filepath.Clean(path); strings.HasPrefix(p, "/proc/") || strings.HasPrefix(p, "/dev/fd/") {
			return true
		}
		next, err := os.Readlink(path)
		if err != nil {
			return false // not a link: the end of the chain
		}
		if !filepath.IsAbs(next) {
			next = filepath.Join(filepath.Dir(path), next)
		}
		path = next
	}
	return false
}

// writeThrough writes to a file that is not replaced (a device, a named
// pipe, a descriptor's file) as it is: appended to, never truncated.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
