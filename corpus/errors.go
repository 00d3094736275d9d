package corpus

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Errors about bad data wrap one of them; test with
// errors.Is. I/O errors are wrapped as they are.
var (
	// ErrBadJSON reports a line that is not a well-formed JSON object of
	// the expected shape, or that gives a key twice in one object or
	// holds an unpaired UTF-16 surrogate escape (which encoding/json
	// would resolve by dropping the first value or writing U+FFFD).
	ErrBadJSON = errors.New("corpus: bad json")
	// ErrInvalidUTF8 reports text that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("corpus: invalid utf-8")
	// ErrOffsets reports target offsets that are out of range, reversed,
	// empty or not on rune boundaries, or that span only white space.
	ErrOffsets = errors.New("corpus: bad offsets")
	// ErrMentionMismatch reports a target whose span of the text differs
	// from its mention.
	ErrMentionMismatch = errors.New("corpus: mention mismatch")
	// ErrUnknownLabel reports a label that ParseLabel does not recognise.
	ErrUnknownLabel = errors.New("corpus: unknown label")
	// ErrNoTargets reports an example without targets.
	ErrNoTargets = errors.New("corpus: no targets")
	// ErrLineTooLong reports an input line longer than the reader's
	// maximum (see WithMaxLineBytes).
	ErrLineTooLong = errors.New("corpus: line too long")
	// ErrDuplicateID reports a non-empty id that was already seen by the
	// same Reader or Writer.
	ErrDuplicateID = errors.New("corpus: duplicate id")
)

const pkgPrefix = "corpus: "

// reason returns err's message without the package prefix, so that
// wrapping errors do not repeat it.
func reason(err error) string {
	if err == nil {
		return "<nil>"
	}
	return strings.TrimPrefix(err.Error(), pkgPrefix)
}

// LineError is the error for one bad input line. Err holds the reason and
// usually wraps one of the sentinel errors.
type LineError struct {
	File string // file name, or "" when unknown (see WithName)
	Line int    // 1-based line number
	Err  error  // the reason
}

// Error returns "corpus: FILE:LINE: reason", leaving out "FILE:" when File
// is empty.
func (e *LineError) Error() string {
	var b strings.Builder
	b.WriteString(pkgPrefix)
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(": ")
	b.WriteString(reason(e.Err))
	return b.String()
}

// Unwrap returns e.Err.
func (e *LineError) Unwrap() error { return e.Err }

// contextError adds a context phrase to an error from this package without
// repeating the package prefix.
type contextError struct {
	context string
	err     error
}

func (e *contextError) Error() string {
	return pkgPrefix + e.context + ": " + reason(e.err)
}

func (e *contextError) Unwrap() error { return e.err }
