package corpus_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err, "fixture %s is part of the package and must exist", name)
	return b
}

// readAllReader drains a Reader, returning its examples and error.
func readAllReader(r *corpus.Reader) ([]corpus.Example, error) {
	var exs []corpus.Example
	for r.Next() {
		exs = append(exs, r.Example())
	}
	return exs, r.Err()
}

func TestReadFileJSONL(t *testing.T) {
	exs, err := corpus.ReadFile(filepath.Join("testdata", "corpus.jsonl"))
	require.NoError(t, err)
	require.Len(t, exs, 7)

	assert.Equal(t, corpus.Example{
		ID:     "pol-0001",
		Text:   "The minister accused NATO of stalling, while Norway stayed silent.",
		Domain: "politics",
		Targets: []corpus.Target{
			{Start: 21, End: 25, Mention: "NATO", Label: corpus.Critical},
			{Start: 45, End: 51, Mention: "Norway", Label: corpus.Neutral},
		},
	}, exs[0])
	assert.Equal(t, corpus.Target{Start: 31, End: 37, Mention: "東京", Label: corpus.Neutral}, exs[6].Targets[0])
	assert.Empty(t, exs[6].ID)
	assert.Empty(t, exs[6].Domain)
	for _, ex := range exs {
		require.NoError(t, ex.Validate(), ex.ID)
	}
}

func TestReadNewsMTSC(t *testing.T) {
	// Offsets in the file count code points; these are the byte offsets.
	want := []struct {
		id      string
		targets []corpus.Target
	}{
		{"fx_1", []corpus.Target{
			{Start: 47, End: 57, Mention: "São Paulo", Label: corpus.Neutral},
			{Start: 68, End: 72, Mention: "Lula", Label: corpus.Supportive},
		}},
		{"fx_2", []corpus.Target{ // two 4-byte emoji before the target
			{Start: 25, End: 31, Mention: "Merkel", Label: corpus.Critical},
		}},
		{"fx_3", []corpus.Target{ // further_mentions are ignored
			{Start: 0, End: 11, Mention: "Zoë Ortíz", Label: corpus.Neutral},
			{Start: 74, End: 80, Mention: "Nuñez", Label: corpus.Critical},
		}},
		{"fx_4", []corpus.Target{
			{Start: 30, End: 35, Mention: "Smith", Label: corpus.Neutral},
		}},
	}
	for _, format := range []corpus.Format{corpus.FormatAuto, corpus.FormatNewsMTSC} {
		t.Run(format.String(), func(t *testing.T) {
			exs, err := corpus.ReadFile(filepath.Join("testdata", "newsmtsc.jsonl"), corpus.WithFormat(format))
			require.NoError(t, err)
			require.Len(t, exs, len(want))
			for i, w := range want {
				ex := exs[i]
				assert.Equal(t, w.id, ex.ID)
				assert.Equal(t, "newsmtsc", ex.Domain)
				assert.Equal(t, w.targets, ex.Targets, w.id)
				for _, tg := range ex.Targets {
					assert.Equal(t, tg.Mention, ex.Text[tg.Start:tg.End])
				}
			}
		})
	}
}

func TestFormatMismatch(t *testing.T) {
	_, err := corpus.ReadFile(filepath.Join("testdata", "newsmtsc.jsonl"), corpus.WithFormat(corpus.FormatJSONL))
	require.ErrorIs(t, err, corpus.ErrBadJSON)
	assert.Contains(t, err.Error(), `missing "text"`)

	_, err = corpus.ReadFile(filepath.Join("testdata", "corpus.jsonl"), corpus.WithFormat(corpus.FormatNewsMTSC))
	require.ErrorIs(t, err, corpus.ErrBadJSON)
	assert.Contains(t, err.Error(), `missing "sentence_normalized"`)
}

const (
	goodLine  = `{"id":"g1","text":"Ann met Bob.","domain":"d","targets":[{"start":0,"end":3,"mention":"Ann","label":"neutral"}]}`
	goodLine2 = `{"id":"g2","text":"Cy hit Di.","domain":"d","targets":[{"start":7,"end":9,"mention":"Di","label":"critical"}]}`
)

func TestReaderErrors(t *testing.T) {
	const name = "cases.jsonl"
	jl := func(targets string) string {
		return `{"id":"x","text":"Zoë met Ann.","targets":` + targets + `}`
	}
	news := func(from, to int, mention, polarity string) string {
		return `{"primary_gid":"n1","sentence_normalized":"“Hi” said Zoë.","targets":[{"from":` +
			itoa(from) + `,"to":` + itoa(to) + `,"mention":"` + mention + `","polarity":` + polarity + `}]}`
	}
	tests := []struct {
		name   string
		input  string
		opts   []corpus.Option
		want   error
		line   int
		detail string // a substring of the message
	}{
		{"bad json", goodLine + "\n" + `{"id":`, nil, corpus.ErrBadJSON, 2, "unexpected end of JSON input"},
		{"syntax error offset", `{"id" "x"}`, nil, corpus.ErrBadJSON, 1, "(after byte 7)"},
		{"array", `[1, 2]`, nil, corpus.ErrBadJSON, 1, "not a JSON object"},
		{"null", `null`, nil, corpus.ErrBadJSON, 1, "not a JSON object"},
		{"trailing data", goodLine + ` {}`, nil, corpus.ErrBadJSON, 1, ""},
		{"wrong type", jl(`[{"start":"0","end":3,"mention":"Zoë","label":"neutral"}]`), nil, corpus.ErrBadJSON, 1, "start"},
		{"float offset", jl(`[{"start":0.5,"end":3,"mention":"Zoë","label":"neutral"}]`), nil, corpus.ErrBadJSON, 1, ""},
		{"missing start", jl(`[{"end":3,"mention":"Zoë","label":"neutral"}]`), nil, corpus.ErrBadJSON, 1, `missing "start"`},
		{"missing end", jl(`[{"start":0,"mention":"Zoë","label":"neutral"}]`), nil, corpus.ErrBadJSON, 1, `missing "end"`},
		{"null target", jl(`[null]`), nil, corpus.ErrBadJSON, 1, `missing "start"`},
		{"missing text", `{"id":"x","targets":[]}`, nil, corpus.ErrBadJSON, 1, `missing "text"`},
		{"targets twice", jl(`[{"start":0,"end":4,"mention":"Zoë","label":"neutral"}],"targets":[{"start":9,"end":12,"mention":"Ann","label":"critical"}]`), nil, corpus.ErrBadJSON, 1, `duplicate key "targets" at byte 100`},
		{"label twice", jl(`[{"start":0,"end":4,"mention":"Zoë","label":"neutral","label":"critical"}]`), nil, corpus.ErrBadJSON, 1, `duplicate key "label"`},
		{"text twice by case", `{"id":"x","text":"Zoë met Ann.","Text":"Ann met Zoë.","targets":[]}`, nil, corpus.ErrBadJSON, 1, `duplicate key "Text"`},
		{"lone surrogate", `{"id":"x","text":"Zo\udceb met Ann.","targets":[]}`, nil, corpus.ErrBadJSON, 1, `unpaired UTF-16 surrogate \udceb at byte 20`},
		{"news targets twice", `{"primary_gid":"n","sentence_normalized":"Zoë.","targets":[],"targets":[{"from":0,"to":3,"mention":"Zoë","polarity":4.0}]}`, nil, corpus.ErrBadJSON, 1, `duplicate key "targets"`},
		{"news polarity twice", `{"primary_gid":"n","sentence_normalized":"Zoë.","targets":[{"from":0,"to":3,"mention":"Zoë","polarity":2.0,"polarity":6.0}]}`, nil, corpus.ErrBadJSON, 1, `duplicate key "polarity"`},
		{"invalid utf-8", goodLine + "\n\n" + `{"id":"x","text":"Zo` + "\xeb" + `","targets":[]}`, nil, corpus.ErrInvalidUTF8, 3, "at byte 20"},
		{"out of range", jl(`[{"start":8,"end":80,"mention":"Ann","label":"neutral"}]`), nil, corpus.ErrOffsets, 1, `target 0 "Ann"`},
		{"reversed", jl(`[{"start":8,"end":5,"mention":"Ann","label":"neutral"}]`), nil, corpus.ErrOffsets, 1, "after end"},
		{"empty span", jl(`[{"start":5,"end":5,"mention":"","label":"neutral"}]`), nil, corpus.ErrOffsets, 1, "empty"},
		{"blank span", jl(`[{"start":4,"end":5,"mention":" ","label":"neutral"}]`), nil, corpus.ErrOffsets, 1, `[4:5] is blank`},
		{"splits a rune", jl(`[{"start":0,"end":3,"mention":"Zo","label":"neutral"}]`), nil, corpus.ErrOffsets, 1, "splits a character"},
		{"code points as bytes", jl(`[{"start":0,"end":3,"mention":"Zoë","label":"neutral"}]`), nil, corpus.ErrOffsets, 1, ""},
		{"mismatch", jl(`[{"start":0,"end":4,"mention":"Zoe","label":"neutral"}]`), nil, corpus.ErrMentionMismatch, 1, `text[0:4] is "Zoë"`},
		{"unknown label", jl(`[{"start":0,"end":4,"mention":"Zoë","label":"angry"}]`), nil, corpus.ErrUnknownLabel, 1, `"angry"`},
		{"missing label", jl(`[{"start":0,"end":4,"mention":"Zoë"}]`), nil, corpus.ErrUnknownLabel, 1, `target 0 "Zoë"`},
		{"second target", jl(`[{"start":0,"end":4,"mention":"Zoë","label":"pro"},{"start":9,"end":12,"mention":"Ann","label":"?"}]`), nil, corpus.ErrUnknownLabel, 1, `target 1 "Ann"`},
		{"no targets", jl(`[]`), nil, corpus.ErrNoTargets, 1, ""},
		{"null targets", jl(`null`), nil, corpus.ErrNoTargets, 1, ""},
		{"targets absent", `{"id":"x","text":"Zoë"}`, nil, corpus.ErrNoTargets, 1, ""},
		{"duplicate id", goodLine + "\n" + goodLine2 + "\n" + goodLine, nil, corpus.ErrDuplicateID, 3, `"g1"`},
		{"line too long", goodLine + "\n" + goodLine2 + strings.Repeat(" ", 200), []corpus.Option{corpus.WithMaxLineBytes(150)}, corpus.ErrLineTooLong, 2, "more than 150 bytes"},
		{"too long without newline", strings.Repeat("x", 5000), []corpus.Option{corpus.WithMaxLineBytes(100)}, corpus.ErrLineTooLong, 1, ""},
		{"news mismatch", news(10, 13, "Zoe", "2.0"), nil, corpus.ErrMentionMismatch, 1, `code points [10:13] hold "Zoë"`},
		{"news utf-16 offsets", news(11, 14, "Zoë", "2.0"), nil, corpus.ErrMentionMismatch, 1, ""},
		{"news out of range", news(10, 20, "Zoë", "2.0"), nil, corpus.ErrOffsets, 1, "14 code points"},
		{"news reversed", news(13, 10, "Zoë", "2.0"), nil, corpus.ErrOffsets, 1, "empty or reversed"},
		{"news negative", news(-1, 3, "Zoë", "2.0"), nil, corpus.ErrOffsets, 1, ""},
		{"news bad polarity", news(10, 13, "Zoë", "5.0"), nil, corpus.ErrUnknownLabel, 1, `"5.0"`},
		{"news missing polarity", `{"primary_gid":"n","sentence_normalized":"Zoë.","targets":[{"from":0,"to":3,"mention":"Zoë"}]}`, nil, corpus.ErrUnknownLabel, 1, "missing"},
		{"news missing from", `{"primary_gid":"n","sentence_normalized":"Zoë.","targets":[{"to":3,"mention":"Zoë","polarity":4.0}]}`, nil, corpus.ErrBadJSON, 1, `missing "from"`},
		{"news no targets", `{"primary_gid":"n","sentence_normalized":"Zoë.","targets":[]}`, nil, corpus.ErrNoTargets, 1, ""},
		{"news duplicate gid", news(10, 13, "Zoë", "4.0") + "\n" + news(10, 13, "Zoë", "6.0"), nil, corpus.ErrDuplicateID, 2, `"n1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]corpus.Option{corpus.WithName(name)}, tt.opts...)
			exs, err := corpus.ReadAll(strings.NewReader(tt.input), opts...)
			require.Error(t, err)
			assert.Nil(t, exs, "no half-built result on error")
			require.ErrorIs(t, err, tt.want)
			var le *corpus.LineError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, name, le.File)
			assert.Equal(t, tt.line, le.Line)
			assert.True(t, strings.HasPrefix(err.Error(), "corpus: cases.jsonl:"+itoa(tt.line)+": "), err.Error())
			assert.Equal(t, 1, strings.Count(err.Error(), "corpus:"), "prefix appears once: %s", err)
			assert.Contains(t, err.Error(), tt.detail)

			// The same input read leniently skips exactly the bad line.
			r := corpus.NewReader(strings.NewReader(tt.input), append(opts, corpus.Lenient())...)
			_, err = readAllReader(r)
			require.NoError(t, err)
			require.Equal(t, 1, r.SkippedCount())
			assert.Equal(t, tt.line, r.Skipped()[0].Line)
			assert.ErrorIs(t, r.Skipped()[0], tt.want)
		})
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + itoa(n%10)
}

func TestLineErrorMessage(t *testing.T) {
	e := &corpus.LineError{File: "a.jsonl", Line: 7, Err: corpus.ErrNoTargets}
	assert.Equal(t, "corpus: a.jsonl:7: no targets", e.Error())
	e.File = ""
	assert.Equal(t, "corpus: 7: no targets", e.Error())
	assert.Equal(t, corpus.ErrNoTargets, errors.Unwrap(e))
}

func TestStrictVsLenient(t *testing.T) {
	path := filepath.Join("testdata", "mixed.jsonl")

	exs, err := corpus.ReadFile(path)
	require.Error(t, err)
	assert.Nil(t, exs)
	var le *corpus.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, path, le.File)
	assert.Equal(t, 3, le.Line)
	assert.ErrorIs(t, err, corpus.ErrBadJSON)

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := corpus.NewReader(f, corpus.WithName(path), corpus.Lenient())
	exs, err = readAllReader(r)
	require.NoError(t, err)

	ids := make([]string, len(exs))
	labels := make([]corpus.Label, len(exs))
	for i, ex := range exs {
		ids[i] = ex.ID
		labels[i] = ex.Targets[0].Label
	}
	assert.Equal(t, []string{"m-1", "m-3", "m-9"}, ids)
	assert.Equal(t, []corpus.Label{corpus.Supportive, corpus.Critical, corpus.Neutral}, labels, "aliases are stored canonical")

	wantSkipped := []struct {
		line int
		err  error
	}{
		{3, corpus.ErrBadJSON},
		{5, corpus.ErrOffsets},
		{6, corpus.ErrMentionMismatch},
		{7, corpus.ErrUnknownLabel},
		{8, corpus.ErrNoTargets},
		{9, corpus.ErrDuplicateID},
		{10, corpus.ErrInvalidUTF8},
	}
	assert.Equal(t, len(wantSkipped), r.SkippedCount())
	require.Len(t, r.Skipped(), len(wantSkipped))
	for i, w := range wantSkipped {
		s := r.Skipped()[i]
		assert.Equal(t, path, s.File)
		assert.Equal(t, w.line, s.Line)
		assert.ErrorIs(t, s, w.err, "line %d", w.line)
	}

	// ReadFile in lenient mode returns the good examples.
	exs, err = corpus.ReadFile(path, corpus.Lenient())
	require.NoError(t, err)
	assert.Len(t, exs, 3)
}

func TestLenientSkippedCap(t *testing.T) {
	var b strings.Builder
	for range 1500 {
		b.WriteString("not json\n")
	}
	b.WriteString(goodLine + "\n")
	r := corpus.NewReader(strings.NewReader(b.String()), corpus.Lenient())
	exs, err := readAllReader(r)
	require.NoError(t, err)
	assert.Len(t, exs, 1)
	assert.Equal(t, 1500, r.SkippedCount())
	require.Len(t, r.Skipped(), 1000)
	assert.Equal(t, 1000, r.Skipped()[999].Line)
}

// TestReaderInputShapes reads each fixture through readers that deliver the
// bytes in different ways, with different line endings and with or without
// a final newline, and expects the same result every time.
func TestReaderInputShapes(t *testing.T) {
	shapes := []struct {
		name string
		wrap func(io.Reader) io.Reader
	}{
		{"plain", func(r io.Reader) io.Reader { return r }},
		{"one byte", iotest.OneByteReader},
		{"half", iotest.HalfReader},
		{"data with EOF", iotest.DataErrReader},
	}
	edits := []struct {
		name string
		edit func([]byte) []byte
	}{
		{"as is", func(b []byte) []byte { return b }},
		{"crlf", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }},
		{"no final newline", func(b []byte) []byte { return bytes.TrimSuffix(b, []byte("\n")) }},
		{"bom", func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }},
		{"blank lines", func(b []byte) []byte {
			return append([]byte("\n \t\r\n"), bytes.ReplaceAll(b, []byte("\n"), []byte("\n\n"))...)
		}},
	}
	for _, fixture := range []string{"corpus.jsonl", "newsmtsc.jsonl", "mixed.jsonl"} {
		data := readFixture(t, fixture)
		want, err := readAllReader(corpus.NewReader(bytes.NewReader(data), corpus.Lenient()))
		require.NoError(t, err)
		require.NotEmpty(t, want)
		for _, e := range edits {
			for _, s := range shapes {
				t.Run(fixture+"/"+e.name+"/"+s.name, func(t *testing.T) {
					r := corpus.NewReader(s.wrap(bytes.NewReader(e.edit(bytes.Clone(data)))), corpus.Lenient())
					got, err := readAllReader(r)
					require.NoError(t, err)
					assert.Equal(t, want, got)
					if fixture == "mixed.jsonl" {
						assert.Equal(t, 7, r.SkippedCount())
					} else {
						assert.Zero(t, r.SkippedCount())
					}
				})
			}
		}
	}
}

func TestLineLengthLimit(t *testing.T) {
	const limit = 200
	// pad returns a good line of exactly n bytes.
	pad := func(n int) string {
		base := `{"id":"p","text":"Ann.","targets":[{"start":0,"end":3,"mention":"Ann","label":"neutral"}]}`
		return base[:len(base)-1] + `,"pad":"` + strings.Repeat("x", n-len(base)-9) + `"}`
	}
	require.Len(t, pad(limit), limit)
	tests := []struct {
		name    string
		input   string
		tooLong bool
	}{
		{"at limit", pad(limit) + "\n", false},
		{"at limit crlf", pad(limit) + "\r\n", false},
		{"at limit no newline", pad(limit), false},
		{"over limit", pad(limit+1) + "\n", true},
		{"over limit crlf", pad(limit+1) + "\r\n", true},
		{"over limit no newline", pad(limit + 1), true},
		{"far over limit", pad(limit*100) + "\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, oneByte := range []bool{false, true} {
				var src io.Reader = strings.NewReader(goodLine2 + "\n" + tt.input)
				if oneByte {
					src = iotest.OneByteReader(src)
				}
				r := corpus.NewReader(src, corpus.WithMaxLineBytes(limit), corpus.Lenient())
				exs, err := readAllReader(r)
				require.NoError(t, err)
				require.NotEmpty(t, exs)
				assert.Equal(t, "g2", exs[0].ID)
				if tt.tooLong {
					assert.Len(t, exs, 1)
					require.Equal(t, 1, r.SkippedCount())
					assert.ErrorIs(t, r.Skipped()[0], corpus.ErrLineTooLong)
					assert.Equal(t, 2, r.Skipped()[0].Line)
				} else {
					assert.Len(t, exs, 2)
					assert.Zero(t, r.SkippedCount())
				}
			}
		})
	}
	t.Run("line after a long one", func(t *testing.T) {
		r := corpus.NewReader(strings.NewReader(pad(limit*3)+"\r\n"+goodLine2), corpus.WithMaxLineBytes(limit), corpus.Lenient())
		exs, err := readAllReader(r)
		require.NoError(t, err)
		require.Len(t, exs, 1)
		assert.Equal(t, "g2", exs[0].ID)
		assert.Equal(t, 1, r.SkippedCount())
	})
}

// endless yields an endless run of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestLongLineBoundedMemory checks that a huge line costs memory in
// proportion to the limit, not to the line.
func TestLongLineBoundedMemory(t *testing.T) {
	const lineLen = 64 << 20
	src := io.MultiReader(
		strings.NewReader(`{"id":"`),
		io.LimitReader(endless('a'), lineLen),
		strings.NewReader("\"}\n"+goodLine+"\n"),
	)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := corpus.NewReader(src, corpus.WithMaxLineBytes(4096), corpus.Lenient())
	exs, err := readAllReader(r)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Len(t, exs, 1)
	assert.Equal(t, 1, r.SkippedCount())
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(2<<20), "allocation must not grow with the line")
}

func TestDefaultLineLimit(t *testing.T) {
	long := `{"id":"` + strings.Repeat("a", 1<<20) + `"}`
	_, err := corpus.ReadAll(strings.NewReader(goodLine + "\n" + long + "\n"))
	require.ErrorIs(t, err, corpus.ErrLineTooLong)
	var le *corpus.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 2, le.Line)

	// WithMaxLineBytes(0) restores the default.
	_, err = corpus.ReadAll(strings.NewReader(long), corpus.WithMaxLineBytes(0))
	require.ErrorIs(t, err, corpus.ErrLineTooLong)
}

func TestReadFailure(t *testing.T) {
	for _, lenient := range []bool{false, true} {
		t.Run(map[bool]string{false: "strict", true: "lenient"}[lenient], func(t *testing.T) {
			src := io.MultiReader(strings.NewReader(goodLine+"\n"+goodLine2[:10]), iotest.ErrReader(iotest.ErrTimeout))
			opts := []corpus.Option{corpus.WithName("net")}
			if lenient {
				opts = append(opts, corpus.Lenient())
			}
			r := corpus.NewReader(src, opts...)
			require.True(t, r.Next())
			assert.Equal(t, "g1", r.Example().ID)
			assert.False(t, r.Next())
			err := r.Err()
			require.ErrorIs(t, err, iotest.ErrTimeout, "read errors stop even a lenient reader")
			var le *corpus.LineError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, "net", le.File)
			assert.Equal(t, 2, le.Line)
			assert.False(t, r.Next(), "the first error sticks")
			assert.Equal(t, err, r.Err())
			assert.Zero(t, r.SkippedCount())
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	exs, err := corpus.ReadFile(filepath.Join(t.TempDir(), "absent.jsonl"))
	require.ErrorIs(t, err, fs.ErrNotExist)
	assert.Nil(t, exs)
	assert.Contains(t, err.Error(), "absent.jsonl")
}

func TestReaderAfterEnd(t *testing.T) {
	r := corpus.NewReader(strings.NewReader(goodLine))
	require.True(t, r.Next())
	assert.Equal(t, "g1", r.Example().ID)
	assert.False(t, r.Next())
	assert.False(t, r.Next())
	assert.NoError(t, r.Err())
	assert.Equal(t, corpus.Example{}, r.Example())

	exs, err := corpus.ReadAll(strings.NewReader(""))
	require.NoError(t, err)
	assert.Empty(t, exs)
}

func TestReaderAll(t *testing.T) {
	t.Run("complete", func(t *testing.T) {
		var ids []string
		for ex, err := range corpus.NewReader(strings.NewReader(goodLine + "\n" + goodLine2)).All() {
			require.NoError(t, err)
			ids = append(ids, ex.ID)
		}
		assert.Equal(t, []string{"g1", "g2"}, ids)
	})
	t.Run("error last", func(t *testing.T) {
		var ids []string
		var last error
		for ex, err := range corpus.NewReader(strings.NewReader(goodLine + "\nbad\n" + goodLine2)).All() {
			if err != nil {
				last = err
				continue
			}
			ids = append(ids, ex.ID)
		}
		assert.Equal(t, []string{"g1"}, ids)
		require.ErrorIs(t, last, corpus.ErrBadJSON)
	})
	t.Run("break", func(t *testing.T) {
		r := corpus.NewReader(strings.NewReader(goodLine + "\n" + goodLine2))
		for ex := range r.All() {
			assert.Equal(t, "g1", ex.ID)
			break
		}
		require.True(t, r.Next(), "breaking leaves the rest unread")
		assert.Equal(t, "g2", r.Example().ID)
	})
}

func TestAutoFormatDefersPastBadLine(t *testing.T) {
	news := `{"primary_gid":"n1","sentence_normalized":"Zoë.","targets":[{"from":0,"to":3,"mention":"Zoë","polarity":6.0}]}`
	r := corpus.NewReader(strings.NewReader("garbage\n"+news+"\n"), corpus.Lenient())
	exs, err := readAllReader(r)
	require.NoError(t, err)
	require.Len(t, exs, 1)
	assert.Equal(t, corpus.Target{Start: 0, End: 4, Mention: "Zoë", Label: corpus.Supportive}, exs[0].Targets[0])
	assert.Equal(t, 1, r.SkippedCount())
}

func TestReaderLine(t *testing.T) {
	r := corpus.NewReader(strings.NewReader("\n"+goodLine+"\n\n \n"+goodLine2+"\n"+"{bad\n"+strings.Replace(goodLine, `"g1"`, `"g3"`, 1)), corpus.Lenient())
	var lines []int
	for r.Next() {
		lines = append(lines, r.Line())
	}
	require.NoError(t, r.Err())
	assert.Equal(t, []int{2, 5, 7}, lines, "blank and skipped lines counted")
}

func TestLenientCount(t *testing.T) {
	n := -1
	exs, err := corpus.ReadAll(strings.NewReader(goodLine+"\n{bad\n"+goodLine2+"\nnot json\n"), corpus.LenientCount(&n))
	require.NoError(t, err)
	assert.Len(t, exs, 2)
	assert.Equal(t, 2, n, "the two bad lines")
	_, err = corpus.ReadAll(strings.NewReader(goodLine), corpus.LenientCount(&n))
	require.NoError(t, err)
	assert.Zero(t, n, "reset for each read")
	_, err = corpus.ReadAll(strings.NewReader("{bad\n"), corpus.LenientCount(nil)) // only lenient
	assert.NoError(t, err)
}

func TestReaderBadFormat(t *testing.T) {
	exs, err := corpus.ReadAll(strings.NewReader(goodLine), corpus.WithFormat(corpus.Format(9)))
	require.Error(t, err)
	assert.Nil(t, exs)
	assert.Contains(t, err.Error(), "WithFormat(Format(9))")
}

// TestReaderOtherKeys checks that keys the reader ignores may differ only
// in case (nothing is lost), even from a field's name where the object
// has no such field, while the keys it reads may not (TestReaderErrors).
func TestReaderOtherKeys(t *testing.T) {
	for _, line := range []string{
		`{"primary_gid":"n","sentence_normalized":"Zoë met Ann.","targets":[{"from":0,"to":3,"mention":"Zoë","polarity":4.0}],"meta":{"URL":"a","url":"b"}}`,
		`{"primary_gid":"n","sentence_normalized":"Zoë met Ann.","targets":[{"from":0,"to":3,"mention":"Zoë","polarity":4.0,"Input.gid":"x","input.GID":"y"}]}`,
		`{"id":"x","text":"Zoë met Ann.","targets":[{"start":0,"end":4,"mention":"Zoë","label":"neutral"}],"extra":{"k":1,"K":2}}`,
		`{"id":"x","text":"Zoë met Ann.","Start":1,"start":2,"targets":[{"start":0,"end":4,"mention":"Zoë","label":"neutral"}]}`,
		`{"id":"x","text":"Zoë met Ann.","targets":[{"start":0,"end":4,"mention":"Zoë","label":"neutral"}],"meta":{"Text":"a","text":"b"}}`,
		`{"primary_gid":"n","sentence_normalized":"Zoë met Ann.","targets":[{"from":0,"to":3,"mention":"Zoë","polarity":4.0,"further_mentions":[{"from":8,"to":11,"mention":"Ann","From":8}]}]}`,
	} {
		exs, err := corpus.ReadAll(strings.NewReader(line))
		require.NoError(t, err, line)
		assert.Len(t, exs, 1)
	}
}
