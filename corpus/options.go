package corpus

import "math"

// defaultMaxLineBytes is the default longest line a Reader accepts.
const defaultMaxLineBytes = 1 << 20

// config holds a Reader's settings. defaultConfig is the one place where
// defaults are set.
type config struct {
	name         string
	format       Format
	lenient      bool
	skippedOut   *int // LenientCount's counter, or nil
	maxLineBytes int
}

func defaultConfig() config {
	return config{
		format:       FormatAuto,
		maxLineBytes: defaultMaxLineBytes,
	}
}

// Option configures a Reader (and ReadAll and ReadFile).
type Option func(*config)

// WithName sets the file name that LineErrors report. ReadFile sets it to
// the path.
func WithName(name string) Option {
	return func(c *config) { c.name = name }
}

// WithFormat sets the input format. The default is FormatAuto.
func WithFormat(f Format) Option {
	return func(c *config) { c.format = f }
}

// Lenient makes the Reader skip bad lines and count them (see
// Reader.Skipped) instead of stopping at the first. Read errors from the
// underlying io.Reader still stop reading.
func Lenient() Option {
	return func(c *config) { c.lenient = true }
}

// LenientCount is Lenient, and keeps *n set to the number of lines skipped
// so far (from 0), so that a caller of ReadAll or ReadFile, which return
// no Reader to ask, can report how many were lost.
func LenientCount(n *int) Option {
	return func(c *config) {
		c.lenient, c.skippedOut = true, n
		if n != nil {
			*n = 0
		}
	}
}

// WithMaxLineBytes sets the longest line, in bytes and not counting the
// line ending, that the Reader accepts; longer lines are reported as
// ErrLineTooLong. The Reader never buffers more than about n bytes of a
// line. The default is 1 MiB; n < 1 restores it.
func WithMaxLineBytes(n int) Option {
	return func(c *config) {
		switch {
		case n < 1:
			c.maxLineBytes = defaultMaxLineBytes
		default:
			c.maxLineBytes = min(n, math.MaxInt/2)
		}
	}
}
