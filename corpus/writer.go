package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/stancekit/stancekit/internal/atomicfile"
)

// Writer writes examples as JSON Lines in the project's corpus format, one
// example per line, with keys in the order id, text, domain, targets and
// target keys in the order start, end, mention, label. Characters such as
// <, > and & are written as they are, not HTML-escaped. Every example is
// validated before it is written, and a non-empty id that the Writer has
// already written is rejected with ErrDuplicateID, and so is a line longer
// than a Reader accepts by default (1 MiB; ErrLineTooLong: a text of
// control characters, which JSON escapes six bytes to one, can reach it),
// so that a Reader reads the output back unchanged.
//
// A Writer buffers its output: call Flush when done. Use NewWriter; the
// zero Writer is not usable. A Writer is not safe for concurrent use.
type Writer struct {
	bw      *bufio.Writer
	line    bytes.Buffer  // the line being written, checked before it goes out
	enc     *json.Encoder // writes to line
	ids     map[string]struct{}
	targets []jsonlOutTarget // scratch, reused
}

// jsonlOut fixes the order of keys on output.
type jsonlOut struct {
	ID      string           `json:"id"`
	Text    string           `json:"text"`
	Domain  string           `json:"domain"`
	Targets []jsonlOutTarget `json:"targets"`
}

type jsonlOutTarget struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Mention string `json:"mention"`
	Label   Label  `json:"label"`
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	wr := &Writer{bw: bufio.NewWriter(w), ids: make(map[string]struct{})}
	wr.enc = json.NewEncoder(&wr.line)
	wr.enc.SetEscapeHTML(false)
	return wr
}

// Write validates ex and writes it as one line. An invalid example is not
// written and the error, which wraps the Validate error or ErrDuplicateID,
// names it by id.
func (w *Writer) Write(ex Example) error {
	err := ex.Validate()
	if err == nil && ex.ID != "" {
		if _, dup := w.ids[ex.ID]; dup {
			err = ErrDuplicateID
		}
	}
	if err != nil {
		return &contextError{context: "write example " + strconv.Quote(ex.ID), err: err}
	}
	w.targets = w.targets[:0]
	for _, t := range ex.Targets {
		w.targets = append(w.targets, jsonlOutTarget(t))
	}
	out := jsonlOut{ID: ex.ID, Text: ex.Text, Domain: ex.Domain, Targets: w.targets}
	w.line.Reset()
	if err := w.enc.Encode(out); err != nil {
		return fmt.Errorf("corpus: write example %q: %w", ex.ID, err)
	}
	if n := w.line.Len() - 1; n > defaultMaxLineBytes { // less the newline
		return &contextError{context: "write example " + strconv.Quote(ex.ID),
			err: fmt.Errorf("%w: the line would have %d bytes, more than a Reader accepts by default (%d)", ErrLineTooLong, n, defaultMaxLineBytes)}
	}
	if _, err := w.bw.Write(w.line.Bytes()); err != nil {
		return fmt.Errorf("corpus: write example %q: %w", ex.ID, err)
	}
	if ex.ID != "" {
		w.ids[ex.ID] = struct{}{}
	}
	return nil
}

// Flush writes any buffered data to the underlying io.Writer.
func (w *Writer) Flush() error {
	if err := w.bw.Flush(); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return nil
}

// WriteFile writes exs to the file at path, atomically: it writes a
// temporary file in the same directory, syncs it to disk and renames it
// over path. On error path is left as it was. A new file gets mode 0644;
// an existing file keeps its mode. A symbolic link at path is followed (the
// file it points to is replaced); a device or named pipe is written
// through, not replaced.
func WriteFile(path string, exs []Example) error {
	return atomicfile.Write(path, func(f io.Writer) error {
		w := NewWriter(f)
		for i, ex := range exs {
			if err := w.Write(ex); err != nil {
				return &contextError{context: path + ": example " + strconv.Itoa(i), err: err}
			}
		}
		return w.Flush()
	})
}
