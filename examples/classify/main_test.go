package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

const (
	contrast = "The EU praised Japan but Russia condemned NATO."
	// petro has two sentences, a short form that resolves to the full name
	// seen earlier ("Petro" → "Gustavo Petro"), and characters of more
	// than one byte before mentions, so byte and character offsets differ.
	petro = "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza. " +
		"In Zürich — «a city of bankers» — Petro praised Corine Mauch."
)

// mentionJSON is one line of -json output.
type mentionJSON struct {
	Sentence  string             `json:"sentence"`
	Entity    string             `json:"entity"`
	Start     int                `json:"start"`
	End       int                `json:"end"`
	Label     string             `json:"label"`
	Probs     map[string]float64 `json:"probs"`
	Canonical string             `json:"canonical"`
	Holder    string             `json:"holder"`
}

// decodeLines parses -json output: one object per line, each with exactly
// the documented keys, whose offsets point at the entity in input and
// whose probabilities sum to 1 with the label the most probable.
func decodeLines(t *testing.T, input string, out []byte) []mentionJSON {
	t.Helper()
	var ms []mentionJSON
	for i, line := range strings.SplitAfter(string(out), "\n") {
		if line == "" {
			continue // after the last newline
		}
		require.True(t, strings.HasSuffix(line, "\n"), "line %d ends in a newline", i+1)
		var keys map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(line), &keys), "line %d: %s", i+1, line)
		assert.ElementsMatch(t, []string{"sentence", "entity", "start", "end", "label", "probs", "canonical", "holder"},
			slices.Collect(maps.Keys(keys)), "line %d keys", i+1)

		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var m mentionJSON
		require.NoError(t, dec.Decode(&m), "line %d", i+1)

		require.True(t, 0 <= m.Start && m.Start < m.End && m.End <= len(input), "line %d: [%d:%d] in %d bytes", i+1, m.Start, m.End, len(input))
		assert.Equal(t, m.Entity, input[m.Start:m.End], "line %d: byte offsets into the input", i+1)
		assert.Contains(t, input, m.Sentence)
		assert.Contains(t, m.Sentence, m.Entity)

		assert.ElementsMatch(t, []string{"critical", "neutral", "supportive"}, slices.Collect(maps.Keys(m.Probs)), "line %d probs", i+1)
		sum, best := 0.0, ""
		for _, l := range stance.Labels { // in order, so that a tie goes to the first label
			p := m.Probs[string(l)]
			assert.True(t, p >= 0 && p <= 1, "line %d: P(%s) = %v", i+1, l, p)
			sum += p
			if best == "" || p > m.Probs[best] {
				best = string(l)
			}
		}
		assert.InDelta(t, 1, sum, 1e-9, "line %d: probabilities sum to 1", i+1)
		assert.Equal(t, best, m.Label, "line %d: the label is the most probable", i+1)
		ms = append(ms, m)
	}
	return ms
}

// analyze returns the library's mentions of text.
func analyze(t *testing.T, text string, opts ...stance.AnalyzeOption) *stance.Analysis {
	t.Helper()
	m, err := stance.Default()
	require.NoError(t, err)
	a, err := m.Analyze(text, opts...)
	require.NoError(t, err)
	return a
}

// assertSameMentions checks that the program's mentions are the library's.
func assertSameMentions(t *testing.T, want []stance.Mention, got []mentionJSON) {
	t.Helper()
	require.Len(t, got, len(want))
	for i, w := range want {
		g := got[i]
		assert.Equal(t, w.Text, g.Entity, "mention %d", i)
		assert.Equal(t, w.Span, stance.Span{Start: g.Start, End: g.End}, "mention %d (%s)", i, w.Text)
		assert.Equal(t, w.Sentence, g.Sentence, "mention %d (%s)", i, w.Text)
		assert.Equal(t, string(w.Label), g.Label, "mention %d (%s)", i, w.Text)
		assert.Equal(t, w.Canonical, g.Canonical, "mention %d (%s)", i, w.Text)
		assert.Equal(t, w.Holder, g.Holder, "mention %d (%s)", i, w.Text)
		for j, l := range stance.Labels {
			assert.InDelta(t, w.Probs[j], g.Probs[string(l)], 1e-12, "mention %d (%s) P(%s)", i, w.Text, l)
		}
	}
}

// gazetteerOnly returns the analysis options that -target names gives.
func gazetteerOnly(t *testing.T, names ...string) []stance.AnalyzeOption {
	t.Helper()
	var ents []features.Entity
	for _, n := range names {
		ents = append(ents, features.Entity{Name: n})
	}
	g, err := features.NewGazetteer(ents)
	require.NoError(t, err)
	return []stance.AnalyzeOption{stance.WithGazetteer(g), stance.WithGazetteerOnly()}
}

// TestJSON checks the -json output for text given as arguments: one valid
// object per mention, with byte offsets into the text, in the library's
// order and with its labels, probabilities, canonical names and holders;
// with -target, only the named entities.
func TestJSON(t *testing.T) {
	cases := []struct {
		name    string
		args    []string // the text, after the flags
		targets []string
	}{
		{"four names", []string{contrast}, nil},
		{"short form and multi-byte characters", []string{petro}, nil},
		{"text in several arguments", []string{"NATO", "was", "condemned", "by", "Évelyne", "Dubois."}, nil},
		{"target", []string{contrast}, []string{"NATO"}},
		{"two targets", []string{petro}, []string{"NATO", "Petro"}},
		{"target found twice", []string{"NATO met. Critics condemned NATO."}, []string{"NATO"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			input := strings.Join(c.args, " ")
			args := []string{"-json"}
			var opts []stance.AnalyzeOption
			for _, tg := range c.targets {
				args = append(args, "-target", tg)
			}
			if c.targets != nil {
				opts = gazetteerOnly(t, c.targets...)
			}
			want := analyze(t, input, opts...)
			require.NotEmpty(t, want.Mentions)

			var out, errb bytes.Buffer
			require.NoError(t, run(append(args, c.args...), strings.NewReader("not read"), &out, &errb))
			assert.Empty(t, errb.String())
			got := decodeLines(t, input, out.Bytes())
			assertSameMentions(t, want.Mentions, got)
			if c.targets != nil {
				for _, g := range got {
					assert.Contains(t, c.targets, g.Entity, "only the targets")
				}
			}
		})
	}
}

// TestShortFormResolves checks the example text that the other tests rely
// on for canonical names: "Petro" resolves to "Gustavo Petro".
func TestShortFormResolves(t *testing.T) {
	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-json", petro}, nil, &out, &errb))
	var canon []string
	for _, m := range decodeLines(t, petro, out.Bytes()) {
		if m.Entity == "Petro" {
			canon = append(canon, m.Canonical)
		}
	}
	assert.Equal(t, []string{"Gustavo Petro"}, canon)
}

// TestInputSources checks that text from stdin and from -file is
// classified like the same text given as arguments, offsets counting from
// the start of the input.
func TestInputSources(t *testing.T) {
	// Blank space around the text, which must not shift the offsets.
	text := "\n  " + petro + "\n\nThe EU praised Japan.\n"
	file := filepath.Join(t.TempDir(), "article.txt")
	require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
	want := analyze(t, text)

	cases := []struct {
		name  string
		args  []string
		stdin io.Reader
	}{
		{"stdin", []string{"-json"}, strings.NewReader(text)},
		{"stdin one byte at a time", []string{"-json"}, &oneByteReader{strings.NewReader(text)}},
		{"file", []string{"-json", "-file", file}, strings.NewReader("not read")},
		{"argument", []string{"-json", text}, strings.NewReader("not read")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			require.NoError(t, run(c.args, c.stdin, &out, &errb))
			assertSameMentions(t, want.Mentions, decodeLines(t, text, out.Bytes()))
		})
	}
}

type oneByteReader struct{ r io.Reader }

func (o *oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

// TestGazetteerFile checks that -gazetteer adds known entities, found by
// their aliases and resolved to their names, besides the names found.
func TestGazetteerFile(t *testing.T) {
	const text = "Petro said the alliance failed."
	path := filepath.Join(t.TempDir(), "gazetteer.json")
	require.NoError(t, os.WriteFile(path, []byte(`[{"name": "NATO", "kind": "org", "aliases": ["the alliance"]}]`), 0o644))
	g, err := features.NewGazetteer([]features.Entity{{Name: "NATO", Kind: "org", Aliases: []string{"the alliance"}}})
	require.NoError(t, err)
	want := analyze(t, text, stance.WithGazetteer(g))

	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-json", "-gazetteer", path, text}, nil, &out, &errb))
	got := decodeLines(t, text, out.Bytes())
	assertSameMentions(t, want.Mentions, got)
	var aliases []string
	for _, m := range got {
		if m.Canonical == "NATO" {
			aliases = append(aliases, m.Entity)
		}
	}
	assert.Equal(t, []string{"the alliance"}, aliases)
}

// tableRows returns the rows of the tab-aligned table that starts with the
// header line beginning "entity" after the line marker (or at the start
// when marker is empty), split into cells, up to the first blank line.
func tableRows(t *testing.T, out, marker string) (header []string, rows [][]string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	i := 0
	if marker != "" {
		i = slices.Index(lines, marker)
		require.GreaterOrEqual(t, i, 0, "%q in %s", marker, out)
		i++
	}
	cells := regexp.MustCompile(`\s{2,}`)
	require.Less(t, i, len(lines))
	header = cells.Split(strings.TrimSpace(lines[i]), -1)
	for _, l := range lines[i+1:] {
		if strings.TrimSpace(l) == "" {
			break
		}
		rows = append(rows, cells.Split(strings.TrimSpace(l), -1))
	}
	return header, rows
}

// TestTable checks the readable output: a header, one row per mention
// with the library's label and probabilities, then a summary with one
// row per entity in the library's order; -summary=false leaves the
// summary out.
func TestTable(t *testing.T) {
	for _, text := range []string{contrast, petro} {
		t.Run(text[:20], func(t *testing.T) {
			want := analyze(t, text)
			var out, errb bytes.Buffer
			require.NoError(t, run([]string{text}, nil, &out, &errb))
			s := out.String()

			header, rows := tableRows(t, s, "")
			assert.Equal(t, []string{"entity", "bytes", "label", "critical", "neutral", "supportive", "holder", "sentence"}, header)
			require.Len(t, rows, len(want.Mentions), "one row per mention")
			for i, w := range want.Mentions {
				entity := w.Text
				if w.Canonical != w.Text {
					entity += " (" + w.Canonical + ")"
				}
				holder := w.Holder
				if holder == "" {
					holder = "-"
				}
				assert.Equal(t, []string{entity, fmt.Sprintf("%d-%d", w.Span.Start, w.Span.End), string(w.Label),
					fmt.Sprintf("%.3f", w.Prob(stance.Critical)), fmt.Sprintf("%.3f", w.Prob(stance.Neutral)), fmt.Sprintf("%.3f", w.Prob(stance.Supportive)),
					holder}, rows[i][:7], "row %d", i)
			}

			header, rows = tableRows(t, s, "per entity:")
			assert.Equal(t, []string{"entity", "mentions", "critical", "neutral", "supportive", "net", "most critical sentence"}, header)
			require.Len(t, rows, len(want.Entities), "one row per entity")
			for i, e := range want.Entities {
				assert.Equal(t, []string{e.Name, fmt.Sprint(e.Mentions), fmt.Sprint(e.Counts[0]), fmt.Sprint(e.Counts[1]), fmt.Sprint(e.Counts[2]),
					fmt.Sprintf("%+.2f", e.Net)}, rows[i][:6], "entity row %d", i)
			}

			out.Reset()
			require.NoError(t, run([]string{"-summary=false", text}, nil, &out, &errb))
			assert.NotContains(t, out.String(), "per entity:")
			_, rows = tableRows(t, out.String(), "")
			assert.Len(t, rows, len(want.Mentions))
		})
	}
}

// TestNoEntities checks that text without names says so instead of
// printing an empty table.
func TestNoEntities(t *testing.T) {
	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"nothing here is named, it is all lower case."}, nil, &out, &errb))
	assert.Equal(t, "no entities found (name them with -target)\n", out.String())

	out.Reset()
	require.NoError(t, run([]string{"-target", "NATO", "nothing here is named."}, nil, &out, &errb))
	assert.Equal(t, "none of the -target entities found\n", out.String())

	out.Reset()
	require.NoError(t, run([]string{"-json", "nothing here is named."}, nil, &out, &errb))
	assert.Empty(t, out.String(), "-json prints no lines")
}

// TestExplain checks that -explain prints, for each mention, the
// library's explanation of the mention in its sentence: labels, prior and
// the strongest -top features.
func TestExplain(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	for _, top := range []int{2, 5} {
		t.Run(fmt.Sprint("top ", top), func(t *testing.T) {
			want := analyze(t, petro)
			var out, errb bytes.Buffer
			require.NoError(t, run([]string{"-explain", "-top", fmt.Sprint(top), petro}, nil, &out, &errb))
			s := out.String()
			for _, mn := range want.Mentions {
				e, err := m.Explain(mn.Sentence, stance.Span{Start: mn.Span.Start - mn.SentenceSpan.Start, End: mn.Span.End - mn.SentenceSpan.Start})
				require.NoError(t, err)
				require.Equal(t, mn.Label, e.Label)
				block := fmt.Sprintf("\n%s (bytes %d-%d): %s rather than %s, log-odds by feature:\n  %+6.2f  label frequencies (prior)\n",
					mn.Text, mn.Span.Start, mn.Span.End, mn.Label, e.RunnerUp, e.Prior)
				require.NotEmpty(t, e.Features)
				for _, f := range e.Features[:min(top, len(e.Features))] {
					block += fmt.Sprintf("  %+6.2f  %s\n", f.LogOdds, f.Feature)
				}
				block += "\n" // the next block, or the summary: no further feature
				assert.Contains(t, s, block)
			}
		})
	}
}

// TestExplainJSON checks that -explain with -json adds to each line an
// "explanation" member with the library's explanation of the mention:
// runner-up, prior and the strongest -top features, names unescaped; the
// rest of the line is the plain -json line.
func TestExplainJSON(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	// "&" and "<" in the text: the explained lines must not escape them
	// where the plain ones do not.
	const text = petro + " Critics said AT&T <Inc> was praised by NATO."
	var plain, out, errb bytes.Buffer
	require.NoError(t, run([]string{"-json", text}, nil, &plain, &errb))
	require.NoError(t, run([]string{"-json", "-explain", "-top", "3", text}, nil, &out, &errb))
	plainLines := strings.Split(strings.TrimSuffix(plain.String(), "\n"), "\n")
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, len(plainLines))
	want := analyze(t, text)
	require.Len(t, lines, len(want.Mentions))
	for i, line := range lines {
		assert.True(t, strings.HasPrefix(line, strings.TrimSuffix(plainLines[i], "}")+`,"explanation":`),
			"line %d is the plain line, byte for byte, plus the explanation", i+1)
		var got struct {
			Explanation struct {
				RunnerUp string  `json:"runner_up"`
				Prior    float64 `json:"prior"`
				Features []struct {
					Feature string  `json:"feature"`
					LogOdds float64 `json:"log_odds"`
				} `json:"features"`
			} `json:"explanation"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &got), line)
		var rest map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(line), &rest))
		delete(rest, "explanation")
		var plainObj map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(plainLines[i]), &plainObj))
		assert.Equal(t, plainObj, rest, "line %d is the plain line plus the explanation", i+1)

		mn := want.Mentions[i]
		e, err := m.Explain(mn.Sentence, stance.Span{Start: mn.Span.Start - mn.SentenceSpan.Start, End: mn.Span.End - mn.SentenceSpan.Start})
		require.NoError(t, err)
		x := got.Explanation
		assert.Equal(t, string(e.RunnerUp), x.RunnerUp)
		assert.InDelta(t, e.Prior, x.Prior, 1e-12)
		require.Len(t, x.Features, min(3, len(e.Features)))
		for k, f := range x.Features {
			assert.Equal(t, e.Features[k].Feature, f.Feature)
			assert.InDelta(t, e.Features[k].LogOdds, f.LogOdds, 1e-12)
		}
	}
	assert.Contains(t, out.String(), "<T>", "feature names are not HTML-escaped")
	assert.Contains(t, out.String(), "AT&T <Inc>", "nor is the text")
}

// endless reads as an endless run of "a".
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestErrors checks that bad input gives an error saying what is wrong —
// invalid UTF-8 with the offset of the first bad byte in the input — and
// that nothing is printed on stdout.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	badUTF8 := "NATO met. Russia \xff condemned it."
	badFile := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(badFile, []byte(badUTF8), 0o644))
	garbage := filepath.Join(dir, "garbage.model")
	require.NoError(t, os.WriteFile(garbage, []byte("not a model"), 0o644))
	badGaz := filepath.Join(dir, "gazetteer.json")
	require.NoError(t, os.WriteFile(badGaz, []byte(`[{"aliases": ["the alliance"]}]`), 0o644))
	absent := filepath.Join(dir, "absent.txt")
	var crowded strings.Builder // a good sentence, then one of more names than Analyze takes
	crowded.WriteString("NATO met Russia. They met")
	for i := range stance.MaxSentenceMentions + 5 {
		fmt.Fprintf(&crowded, " Zed%c%c,", 'A'+i/26%26, 'A'+i%26)
	}
	crowded.WriteString(".")

	cases := []struct {
		name  string
		args  []string
		stdin string
		want  string // substring of the error
		is    error  // wrapped by the error, if not nil
	}{
		{"invalid UTF-8 on stdin", []string{"-json"}, badUTF8, "offset 17", stance.ErrInvalidUTF8},
		{"invalid UTF-8 in an argument", []string{"-json", badUTF8}, "", "offset 17", stance.ErrInvalidUTF8},
		{"invalid UTF-8 in a file", []string{"-json", "-file", badFile}, "", "offset 17", stance.ErrInvalidUTF8},
		{"invalid UTF-8, table", []string{badUTF8}, "", "offset 17", stance.ErrInvalidUTF8},
		{"invalid UTF-8 on a later line, -lines -json", []string{"-json", "-lines"}, "NATO met Russia.\n" + badUTF8, "offset 34", stance.ErrInvalidUTF8},
		{"invalid UTF-8 on a later line, -lines -json -explain", []string{"-json", "-lines", "-explain"}, "NATO met Russia.\n" + badUTF8, "offset 34", stance.ErrInvalidUTF8},
		{"too many names in a later sentence, -json", []string{"-json"}, crowded.String(), "byte 17", stance.ErrTooManyMentions},
		{"too many names in a later sentence, table", nil, crowded.String(), "byte 17", stance.ErrTooManyMentions},
		{"empty stdin", nil, "", "no text", nil},
		{"blank stdin", []string{"-json"}, " \n\t\n", "no text", nil},
		{"empty argument", []string{""}, "ignored", "no text", nil},
		{"arguments and -file", []string{"-file", badFile, "NATO met."}, "", "not both", nil},
		{"-target and -gazetteer", []string{"-target", "NATO", "-gazetteer", badGaz, "NATO met."}, "", "not both", nil},
		{"empty -target", []string{"-target", "NATO", "-target", " ", "NATO met."}, "", `-target " ": an empty name`, nil},
		{"missing file", []string{"-file", absent}, "", absent, fs.ErrNotExist},
		{"missing gazetteer", []string{"-gazetteer", absent, "NATO met."}, "", absent, fs.ErrNotExist},
		{"bad gazetteer", []string{"-gazetteer", badGaz, "NATO met."}, "", badGaz, nil},
		{"model file that is not a model", []string{"-model", garbage, "NATO met."}, "", garbage, stance.ErrNotModel},
		{"unknown flag", []string{"-jason", "NATO met."}, "", "-jason", nil},
		{"negative -top", []string{"-json", "-explain", "-top", "-1", "NATO met."}, "", "-top -1", nil},
		{"negative -top, table", []string{"-explain", "-top", "-1", "NATO met."}, "", "-top -1", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(c.args, strings.NewReader(c.stdin), &out, &errb)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			if c.is != nil {
				assert.ErrorIs(t, err, c.is)
			}
			assert.Empty(t, out.String(), "nothing on stdout")
		})
	}

	t.Run("stdin over the limit", func(t *testing.T) {
		var out, errb bytes.Buffer
		err := run(nil, io.LimitReader(endless{}, maxInput+1), &out, &errb)
		require.Error(t, err)
		assert.Contains(t, err.Error(), fmt.Sprint(maxInput))
		assert.Empty(t, out.String())
	})
}

// TestLines checks -lines: each line is a text of its own, so a line that
// starts in lower case does not continue the sentence before it, while
// offsets still count from the start of the input.
func TestLines(t *testing.T) {
	text := "so proud of @nasa today\nwell done Tesla, shame on Ford\n\nWhat a win for Arsenal"
	var joined, lines, errb bytes.Buffer
	require.NoError(t, run([]string{"-json", text}, nil, &joined, &errb))
	require.NoError(t, run([]string{"-json", "-lines", text}, nil, &lines, &errb))
	got := decodeLines(t, text, lines.Bytes()) // checks the offsets against text
	require.Len(t, got, 4)
	for i, want := range []string{"so proud of @nasa today", "well done Tesla, shame on Ford", "well done Tesla, shame on Ford", "What a win for Arsenal"} {
		assert.Equal(t, want, got[i].Sentence, got[i].Entity)
	}
	// Without -lines the first two lines are one sentence.
	assert.Equal(t, "so proud of @nasa today\nwell done Tesla, shame on Ford", decodeLines(t, text, joined.Bytes())[0].Sentence)
}

// TestTableOneLine checks that a table row is one line whatever white
// space the sentence holds: a line break or a tab would break the table.
func TestTableOneLine(t *testing.T) {
	rows := tableOfTwo(t, "so proud of @nasa today\nwell done\tTesla")
	for _, r := range rows[1:] {
		assert.True(t, strings.HasSuffix(r, "so proud of @nasa today well done Tesla"), r)
	}

	// A gazetteer alias across a line break, under -explain: its row and
	// the heading of its explanation are one line each.
	gaz := filepath.Join(t.TempDir(), "g.json")
	require.NoError(t, os.WriteFile(gaz, []byte(`[{"name": "NATO", "aliases": ["the alliance"]}]`), 0o644))
	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-summary=false", "-explain", "-gazetteer", gaz, "Critics attacked the\nalliance today."}, nil, &out, &errb))
	assert.Contains(t, out.String(), "the alliance (NATO)  ")
	assert.Contains(t, out.String(), "\nthe alliance (bytes 17-29): ")
}

// tableOfTwo returns the table's lines for text, whose two mentions give
// two rows under the header.
func tableOfTwo(t *testing.T, text string) []string {
	t.Helper()
	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-summary=false", text}, nil, &out, &errb))
	rows := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, rows, 3, "a header and two mentions:\n%s", out.String())
	return rows
}

// TestTableJoiners checks that the table shows a name with a soft hyphen
// inside (which takes no width, so would shift its column) as spelt
// without it, its canonical form, and its bytes as they are.
func TestTableJoiners(t *testing.T) {
	rows := tableOfTwo(t, "Zelen\u00adskyy thanked Germany.")
	assert.True(t, strings.HasPrefix(rows[1], "Zelenskyy  "), rows[1])
	assert.Contains(t, rows[1], " 0-11 ")
	assert.NotContains(t, strings.Join(rows, "\n"), "\u00ad")
	// The columns line up: each row's bytes column starts where the
	// header's does.
	col := strings.Index(rows[0], "bytes")
	for _, r := range rows[1:] {
		assert.Equal(t, col, strings.IndexFunc(r, func(c rune) bool { return c >= '0' && c <= '9' }), r)
	}
}

// TestTargetTwice checks that a -target given twice is one target, as a
// script that gathers targets from several places may give it, not a
// gazetteer error.
func TestTargetTwice(t *testing.T) {
	var once, twice, errb bytes.Buffer
	require.NoError(t, run([]string{"-json", "-target", "NATO", contrast}, nil, &once, &errb))
	require.NoError(t, run([]string{"-json", "-target", "NATO", "-target", "NATO", "-target", "nato", contrast}, nil, &twice, &errb))
	require.NotEmpty(t, once.String())
	assert.Equal(t, once.String(), twice.String())
}

// TestReadmeExample checks that the README shows what its first command
// prints: the table under "The two commands", indented by four spaces,
// is the output of classify on the sentence that command names.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	s := string(readme)
	const cmd = "    go run ./examples/classify \""
	i := strings.Index(s, cmd)
	require.GreaterOrEqual(t, i, 0, "the README's classify command")
	line, rest, _ := strings.Cut(s[i+len(cmd):], "\n")
	sentence, ok := strings.CutSuffix(line, "\"")
	require.True(t, ok, "the command ends in a quoted sentence: %q", line)

	// The shown output: the first run of indented lines after the command.
	start := strings.Index(rest, "\n    entity ")
	require.GreaterOrEqual(t, start, 0, "the README shows the command's table")
	var shown []string
	for _, l := range strings.Split(rest[start+1:], "\n") {
		if l != "" && !strings.HasPrefix(l, "    ") {
			break
		}
		shown = append(shown, strings.TrimPrefix(l, "    "))
	}
	for len(shown) > 0 && shown[len(shown)-1] == "" {
		shown = shown[:len(shown)-1]
	}

	var out, errb bytes.Buffer
	require.NoError(t, run([]string{sentence}, nil, &out, &errb))
	assert.Equal(t, strings.TrimRight(out.String(), "\n"), strings.Join(shown, "\n"),
		"the README's table under \"The two commands\" is not what the command prints")
}
