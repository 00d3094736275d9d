package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"reflect"
	"unicode/utf8"

	"github.com/stancekit/stancekit/internal/strictjson"
	"github.com/stancekit/stancekit/internal/utf8pos"
)

// maxSkipped caps how many skipped lines a lenient Reader keeps.
const maxSkipped = 1000

// readBufferSize is the size of a Reader's bufio buffer.
const readBufferSize = 64 << 10

var utf8BOM = []byte("\xef\xbb\xbf")

// Reader reads examples, one per line, in the Scanner shape:
//
//	r := corpus.NewReader(f, corpus.WithName(path))
//	for r.Next() {
//		ex := r.Example()
//		// ...
//	}
//	if err := r.Err(); err != nil {
//		// ...
//	}
//
// Blank lines are skipped; a UTF-8 byte order mark at the start is ignored;
// lines may end in "\n" or "\r\n", and the last line needs no line ending.
// Every example a Reader returns has passed Example.Validate, carries
// canonical labels and, when its id is not empty, an id not seen before on
// the same Reader (the Reader keeps the ids it has returned, so its memory
// grows with their number).
//
// Use NewReader; the zero Reader is not usable. A Reader is not safe for
// concurrent use.
type Reader struct {
	br     *bufio.Reader
	cfg    config
	format Format // resolved format; FormatAuto until the first object line
	line   int    // number of the last line read
	buf    []byte // line buffer, reused, at most maxLineBytes+2 bytes
	ex     Example
	err    error
	done   bool
	ids    map[string]struct{}

	skipped  []*LineError
	nskipped int
}

// NewReader returns a Reader that reads examples from r, configured by
// opts (nil options are skipped). It buffers r.
func NewReader(r io.Reader, opts ...Option) *Reader {
	cfg := defaultConfig()
	for _, o := range opts {
		if o != nil { // a nil option, from a list built conditionally, does nothing
			o(&cfg)
		}
	}
	rd := &Reader{
		br:     bufio.NewReaderSize(r, readBufferSize),
		cfg:    cfg,
		format: cfg.format,
		ids:    make(map[string]struct{}),
	}
	switch cfg.format {
	case FormatAuto, FormatJSONL, FormatNewsMTSC:
	default:
		rd.err = fmt.Errorf("corpus: WithFormat(%v): not a format this package reads", cfg.format)
	}
	return rd
}

// Next advances to the next example, which Example then returns. It
// returns false at the end of the input or on an error; Err tells which.
func (r *Reader) Next() bool {
	r.ex = Example{}
	if r.err != nil || r.done {
		return false
	}
	for {
		line, tooLong, err := r.readLine()
		if err == io.EOF {
			r.done = true
			return false
		}
		if err != nil {
			r.err = &LineError{File: r.cfg.name, Line: r.line + 1, Err: fmt.Errorf("read: %w", err)}
			return false
		}
		r.line++
		if tooLong {
			err = fmt.Errorf("%w: more than %d bytes", ErrLineTooLong, r.cfg.maxLineBytes)
		} else {
			if r.line == 1 {
				line = bytes.TrimPrefix(line, utf8BOM)
			}
			if len(bytes.Trim(line, " \t\r")) == 0 {
				continue
			}
			var ex Example
			ex, err = r.parse(line)
			if err == nil {
				if ex.ID != "" {
					r.ids[ex.ID] = struct{}{}
				}
				r.ex = ex
				return true
			}
		}
		le := &LineError{File: r.cfg.name, Line: r.line, Err: err}
		if !r.cfg.lenient {
			r.err = le
			return false
		}
		r.nskipped++
		if r.cfg.skippedOut != nil {
			*r.cfg.skippedOut = r.nskipped
		}
		if len(r.skipped) < maxSkipped {
			r.skipped = append(r.skipped, le)
		}
	}
}

// Example returns the example that the last successful call to Next read.
// Each example is a fresh value that the caller may keep and modify.
func (r *Reader) Example() Example { return r.ex }

// Line returns the number of the line last read, from 1 (0 before any):
// after a successful Next, the line its example came from, so that a
// caller that finds the example wrong later can say where it is.
func (r *Reader) Line() int { return r.line }

// Err returns the first error met, or nil when the input ended normally.
// In strict mode (the default) a bad line stops reading and is returned as
// a *LineError; a failing underlying io.Reader is also reported as a
// *LineError, at the line it was reading, with the read error wrapped.
func (r *Reader) Err() error { return r.err }

// Skipped returns the bad lines that a lenient Reader skipped, in input
// order. It keeps only the first 1000; SkippedCount counts them all. The
// returned slice must not be modified.
func (r *Reader) Skipped() []*LineError { return r.skipped }

// SkippedCount returns how many bad lines a lenient Reader skipped.
func (r *Reader) SkippedCount() int { return r.nskipped }

// All returns an iterator over the remaining examples with a nil error. If
// reading stops with an error, the iterator yields it last, with a zero
// Example. The iterator consumes the Reader and so can be used only once.
func (r *Reader) All() iter.Seq2[Example, error] {
	return func(yield func(Example, error) bool) {
		for r.Next() {
			if !yield(r.Example(), nil) {
				return
			}
		}
		if err := r.Err(); err != nil {
			yield(Example{}, err)
		}
	}
}

// ReadAll reads all examples from r. On error it returns nil and the error.
// In lenient mode bad lines are skipped: LenientCount counts them, and a
// Reader shows them.
func ReadAll(r io.Reader, opts ...Option) ([]Example, error) {
	rd := NewReader(r, opts...)
	var exs []Example
	for rd.Next() {
		exs = append(exs, rd.Example())
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	return exs, nil
}

// ReadFile opens the file at path and reads all examples from it, as
// ReadAll does. Errors name the file by path unless opts set another name
// with WithName.
func ReadFile(path string, opts ...Option) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	return ReadAll(f, append([]Option{WithName(path)}, opts...)...)
}

// readLine reads the next line into r.buf and returns it without its line
// ending. A line longer than the maximum is consumed but not kept: tooLong
// is true and line is nil. At the end of the input readLine returns
// io.EOF.
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	limit := r.cfg.maxLineBytes + 2 // room for "\r\n"
	r.buf = r.buf[:0]
	n := 0
	for {
		frag, err := r.br.ReadSlice('\n')
		n += len(frag)
		if !tooLong {
			if n > limit {
				tooLong = true
			} else {
				r.buf = appendBounded(r.buf, frag, limit)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF:
			if n == 0 {
				return nil, false, io.EOF
			}
		default:
			return nil, false, err
		}
		break
	}
	if tooLong {
		return nil, true, nil
	}
	line = r.buf
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > r.cfg.maxLineBytes {
		return nil, true, nil
	}
	return line, false, nil
}

// appendBounded appends frag to buf, growing it geometrically but never
// beyond a capacity of limit, which must be at least len(buf)+len(frag).
func appendBounded(buf, frag []byte, limit int) []byte {
	need := len(buf) + len(frag)
	if need > cap(buf) {
		c := min(max(2*cap(buf), need, 512), limit)
		nb := make([]byte, len(buf), c)
		copy(nb, buf)
		buf = nb
	}
	return append(buf, frag...)
}

// parse decodes and checks one non-blank line.
func (r *Reader) parse(line []byte) (Example, error) {
	if !utf8.Valid(line) {
		return Example{}, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, utf8pos.FirstInvalid(string(line)))
	}
	if trimmed := bytes.TrimLeft(line, " \t\r"); trimmed[0] != '{' {
		return Example{}, fmt.Errorf("%w: not a JSON object", ErrBadJSON)
	}
	if r.format == FormatAuto {
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(line, &probe); err != nil {
			return Example{}, badJSON(err)
		}
		r.format = FormatJSONL
		if _, ok := probe["sentence_normalized"]; ok {
			r.format = FormatNewsMTSC
		}
	}
	var (
		ex  Example
		err error
	)
	if r.format == FormatNewsMTSC {
		ex, err = parseNewsMTSC(line)
	} else {
		ex, err = parseJSONL(line)
	}
	if err != nil {
		return Example{}, err
	}
	if err := ex.Validate(); err != nil {
		return Example{}, err
	}
	if ex.ID != "" {
		if _, dup := r.ids[ex.ID]; dup {
			return Example{}, fmt.Errorf("%w %q", ErrDuplicateID, ex.ID)
		}
	}
	return ex, nil
}

func badJSON(err error) error {
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Errorf("%w: %v (after byte %d)", ErrBadJSON, err, se.Offset)
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok && te.Field != "" {
		return fmt.Errorf("%w: %q is a JSON %s, want %s", ErrBadJSON, te.Field, te.Value, jsonKind(te.Type.Kind()))
	}
	return fmt.Errorf("%w: %v", ErrBadJSON, err)
}

// jsonKind names the JSON value that a Go kind is decoded from.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Int:
		return "integer"
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return k.String()
}

// The fields of the two formats' objects, which encoding/json matches to
// keys without regard to case: a key that matches one twice in an object
// loses the first value. Other keys are ignored.
var (
	jsonlSchema = &strictjson.Schema{Fields: []string{"id", "text", "domain", "targets"},
		Under: map[string]*strictjson.Schema{"targets": {Fields: []string{"start", "end", "mention", "label"}}}}
	newsSchema = &strictjson.Schema{Fields: []string{"primary_gid", "sentence_normalized", "targets"},
		Under: map[string]*strictjson.Schema{"targets": {Fields: []string{"from", "to", "mention", "polarity"}}}}
)

// jsonlLine is one line of the project's format as read.
type jsonlLine struct {
	ID      string        `json:"id"`
	Text    *string       `json:"text"`
	Domain  string        `json:"domain"`
	Targets []jsonlTarget `json:"targets"`
}

type jsonlTarget struct {
	Start   *int   `json:"start"`
	End     *int   `json:"end"`
	Mention string `json:"mention"`
	Label   string `json:"label"`
}

func parseJSONL(line []byte) (Example, error) {
	var in jsonlLine
	if err := json.Unmarshal(line, &in); err != nil {
		return Example{}, badJSON(err)
	}
	if err := strictjson.Check(line, jsonlSchema); err != nil { // what Unmarshal lets pass, losing input
		return Example{}, fmt.Errorf("%w: %v", ErrBadJSON, err)
	}
	if in.Text == nil {
		return Example{}, fmt.Errorf("%w: missing \"text\"", ErrBadJSON)
	}
	ex := Example{ID: in.ID, Text: *in.Text, Domain: in.Domain}
	if len(in.Targets) > 0 {
		ex.Targets = make([]Target, len(in.Targets))
	}
	for i, t := range in.Targets {
		switch {
		case t.Start == nil:
			return Example{}, fmt.Errorf("%w: target %d %q: missing \"start\"", ErrBadJSON, i, t.Mention)
		case t.End == nil:
			return Example{}, fmt.Errorf("%w: target %d %q: missing \"end\"", ErrBadJSON, i, t.Mention)
		}
		l, err := ParseLabel(t.Label)
		if err != nil {
			return Example{}, fmt.Errorf("%w: target %d %q", err, i, t.Mention)
		}
		ex.Targets[i] = Target{Start: *t.Start, End: *t.End, Mention: t.Mention, Label: l}
	}
	return ex, nil
}

// newsLine is one NewsMTSC line as read. Other keys, among them each
// target's "further_mentions" and "Input.gid", are ignored.
type newsLine struct {
	PrimaryGID string       `json:"primary_gid"`
	Sentence   *string      `json:"sentence_normalized"`
	Targets    []newsTarget `json:"targets"`
}

type newsTarget struct {
	From     *int            `json:"from"`
	To       *int            `json:"to"`
	Mention  string          `json:"mention"`
	Polarity json.RawMessage `json:"polarity"`
}

// newsDomain is the Domain of examples read from NewsMTSC.
const newsDomain = "newsmtsc"

func parseNewsMTSC(line []byte) (Example, error) {
	var in newsLine
	if err := json.Unmarshal(line, &in); err != nil {
		return Example{}, badJSON(err)
	}
	if err := strictjson.Check(line, newsSchema); err != nil { // what Unmarshal lets pass, losing input
		return Example{}, fmt.Errorf("%w: %v", ErrBadJSON, err)
	}
	if in.Sentence == nil {
		return Example{}, fmt.Errorf("%w: missing \"sentence_normalized\"", ErrBadJSON)
	}
	s := *in.Sentence
	ex := Example{ID: in.PrimaryGID, Text: s, Domain: newsDomain}
	if len(in.Targets) > 0 {
		ex.Targets = make([]Target, len(in.Targets))
	}
	for i, t := range in.Targets {
		switch {
		case t.From == nil:
			return Example{}, fmt.Errorf("%w: target %d %q: missing \"from\"", ErrBadJSON, i, t.Mention)
		case t.To == nil:
			return Example{}, fmt.Errorf("%w: target %d %q: missing \"to\"", ErrBadJSON, i, t.Mention)
		}
		from, to := *t.From, *t.To
		if from >= to {
			return Example{}, fmt.Errorf("%w: target %d %q: code points [%d:%d] are empty or reversed",
				ErrOffsets, i, t.Mention, from, to)
		}
		start, end, ok := codePointsToBytes(s, from, to)
		if !ok {
			return Example{}, fmt.Errorf("%w: target %d %q: code points [%d:%d] out of range for a sentence of %d code points",
				ErrOffsets, i, t.Mention, from, to, utf8.RuneCountInString(s))
		}
		if s[start:end] != t.Mention {
			return Example{}, fmt.Errorf("%w: target %d %q: code points [%d:%d] hold %q",
				ErrMentionMismatch, i, t.Mention, from, to, s[start:end])
		}
		l, err := parsePolarity(t.Polarity)
		if err != nil {
			return Example{}, fmt.Errorf("%w: target %d %q", err, i, t.Mention)
		}
		ex.Targets[i] = Target{Start: start, End: end, Mention: t.Mention, Label: l}
	}
	return ex, nil
}

// parsePolarity reads a NewsMTSC polarity, a JSON number or string.
func parsePolarity(raw json.RawMessage) (Label, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", fmt.Errorf("%w: missing \"polarity\"", ErrUnknownLabel)
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", badJSON(err)
		}
		return ParseLabel(s)
	}
	return ParseLabel(string(raw))
}

// codePointsToBytes converts the code point offsets [from:to) of s, with
// 0 <= from <= to, into byte offsets. It reports false when an offset lies
// beyond the end of s.
func codePointsToBytes(s string, from, to int) (start, end int, ok bool) {
	if from < 0 || to < from {
		return 0, 0, false
	}
	start, end = -1, -1
	i := 0
	for b := range s {
		if i == from {
			start = b
		}
		if i == to {
			return start, b, true
		}
		i++
	}
	if from == i {
		start = len(s)
	}
	if to == i {
		end = len(s)
	}
	return start, end, start >= 0 && end >= 0
}
