package corpus_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stancekit/stancekit/corpus"
)

// FuzzReader checks properties of the Reader on arbitrary input: it never
// panics; every example it returns validates; strict reading yields a
// prefix of lenient reading and fails only with a *LineError; the result
// does not depend on how the bytes arrive; and what it returns round-trips
// through the Writer and back unchanged.
func FuzzReader(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jsonl"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files in testdata: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		for line := range bytes.Lines(data) {
			f.Add(line)
		}
	}
	f.Add([]byte("\xef\xbb\xbf" + goodLine + "\r\n\r\n" + goodLine2))
	f.Add([]byte(`{"primary_gid":"n","sentence_normalized":"\ud83d\ude00 Zoë","targets":[{"from":2,"to":5,"mention":"Zoë","polarity":"6"}]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []corpus.Format{corpus.FormatAuto, corpus.FormatJSONL, corpus.FormatNewsMTSC} {
			checkFuzzInput(t, data, format)
		}
	})
}

func checkFuzzInput(t *testing.T, data []byte, format corpus.Format) {
	strictR := corpus.NewReader(bytes.NewReader(data), corpus.WithFormat(format))
	strict, strictErr := readAllReader(strictR)
	if strictErr != nil {
		var le *corpus.LineError
		if !errors.As(strictErr, &le) {
			t.Fatalf("%v: strict error is %T, not *LineError: %v", format, strictErr, strictErr)
		}
	}

	lenientR := corpus.NewReader(bytes.NewReader(data), corpus.WithFormat(format), corpus.Lenient())
	lenient, err := readAllReader(lenientR)
	if err != nil {
		t.Fatalf("%v: lenient reading of an in-memory input failed: %v", format, err)
	}
	if strictErr == nil && lenientR.SkippedCount() != 0 {
		t.Fatalf("%v: strict read succeeded but lenient skipped %d lines", format, lenientR.SkippedCount())
	}
	if len(strict) > len(lenient) || !equalExamples(strict, lenient[:len(strict)]) {
		t.Fatalf("%v: strict result is not a prefix of the lenient one", format)
	}
	if len(lenientR.Skipped()) != min(lenientR.SkippedCount(), 1000) {
		t.Fatalf("%v: %d skipped lines stored for a count of %d", format, len(lenientR.Skipped()), lenientR.SkippedCount())
	}
	prev := 0
	for _, le := range lenientR.Skipped() {
		if le.Line <= prev || le.Err == nil {
			t.Fatalf("%v: bad skipped entry %+v after line %d", format, le, prev)
		}
		prev = le.Line
	}
	for _, ex := range lenient {
		if err := ex.Validate(); err != nil {
			t.Fatalf("%v: returned example does not validate: %v\n%#v", format, err, ex)
		}
	}

	oneByte, err := readAllReader(corpus.NewReader(iotest.OneByteReader(bytes.NewReader(data)), corpus.WithFormat(format), corpus.Lenient()))
	if err != nil || !equalExamples(oneByte, lenient) {
		t.Fatalf("%v: one-byte reading differs (err %v)", format, err)
	}

	small := corpus.NewReader(bytes.NewReader(data), corpus.WithFormat(format), corpus.Lenient(), corpus.WithMaxLineBytes(64))
	for small.Next() {
		if err := small.Example().Validate(); err != nil {
			t.Fatalf("%v: example read with a small line limit does not validate: %v", format, err)
		}
	}
	if err := small.Err(); err != nil {
		t.Fatalf("%v: small line limit: %v", format, err)
	}

	var buf bytes.Buffer
	w := corpus.NewWriter(&buf)
	for _, ex := range lenient {
		if err := w.Write(ex); err != nil {
			t.Fatalf("%v: writing a read example: %v\n%#v", format, err, ex)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	back, err := corpus.ReadAll(bytes.NewReader(buf.Bytes()), corpus.WithFormat(corpus.FormatJSONL))
	if err != nil {
		t.Fatalf("%v: reading back written examples: %v\n%s", format, err, buf.Bytes())
	}
	if !equalExamples(back, lenient) {
		t.Fatalf("%v: round trip changed the examples\nbefore %#v\nafter  %#v", format, lenient, back)
	}
}

func equalExamples(a, b []corpus.Example) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.ID != y.ID || x.Text != y.Text || x.Domain != y.Domain || len(x.Targets) != len(y.Targets) {
			return false
		}
		for j := range x.Targets {
			if x.Targets[j] != y.Targets[j] {
				return false
			}
		}
	}
	return true
}

// TestReaderProperties runs the fuzz properties on hand-picked edge cases,
// so that they are checked on every plain `go test`.
func TestReaderProperties(t *testing.T) {
	tests := []struct{ name, input string }{
		{"empty", ""},
		{"bom only", "\xef\xbb\xbf"},
		{"lone surrogate escape", `{"id":"s","text":"\ud800 Ann","targets":[{"start":4,"end":7,"mention":"Ann","label":"neutral"}]}`},
		{"line separator", `{"id":"s","text":"Ann` + "\u2028" + `Bob","targets":[{"start":6,"end":9,"mention":"Bob","label":"con"}]}`},
		{"escaped mention", `{"id":"s","text":"<Ann>","targets":[{"start":0,"end":5,"mention":"\u003cAnn\u003e","label":"pro"}]}`},
		{"news surrogate pair", `{"primary_gid":"n","sentence_normalized":"\ud83d\ude00 Zoë","targets":[{"from":2,"to":5,"mention":"Zoë","polarity":"6"}]}`},
		{"cr only", goodLine + "\r" + goodLine2},
		{"nul bytes", "\x00\n" + goodLine},
		{"duplicate keys", `{"id":"a","id":"b","text":"Ann","targets":[{"start":0,"end":3,"mention":"Ann","label":"neutral"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, format := range []corpus.Format{corpus.FormatAuto, corpus.FormatJSONL, corpus.FormatNewsMTSC} {
				checkFuzzInput(t, []byte(tt.input), format)
			}
		})
	}
}
