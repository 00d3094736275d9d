package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/internal/gomlbaseline"
	"github.com/stancekit/stancekit/stance"
)

// testData is the test part of the project's corpus, the file the README's
// evaluate command scores.
const testData = "../../corpus/data/test.jsonl"

// newsMTSCDev is the shared NewsMTSC real-world dev split, which lives
// outside the module and may be absent.
const newsMTSCDev = "../../../shared/data/newsmtsc/dev_rw.jsonl"

// runMainEnv makes the test binary run main() instead of the tests, so
// that TestExitStatus can check the exit status and stderr of the program.
const runMainEnv = "STANCEKIT_RUN_MAIN"

// TestMain runs main() in place of the tests when runMainEnv is set.
func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		// os.Args is [binary, program arguments…], as main expects.
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// contractReport is the JSON object of DESIGN.md's evaluation contract.
type contractReport struct {
	Examples  int                           `json:"examples"`
	Accuracy  float64                       `json:"accuracy"`
	MacroF1   float64                       `json:"macro_f1"`
	PerClass  map[string]stance.ClassScores `json:"per_class"`
	Confusion map[string]map[string]int     `json:"confusion"`
}

var labelNames = []string{"critical", "neutral", "supportive"}

// decodeContract parses out as exactly one JSON object on one line, checks
// that it has the contract's keys and no others, that its scores are in
// [0,1] and its counts integers, and that its numbers agree with one
// another; it returns the object.
func decodeContract(t *testing.T, out []byte) contractReport {
	t.Helper()
	require.True(t, bytes.HasSuffix(out, []byte("}\n")), "one object and a newline: %q", out)
	require.Equal(t, 1, bytes.Count(out, []byte("\n")), "one line: %q", out)

	// The keys, level by level.
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(out, &top))
	assert.ElementsMatch(t, []string{"examples", "accuracy", "macro_f1", "per_class", "confusion"}, keys(top))
	var perClass map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(top["per_class"], &perClass))
	assert.ElementsMatch(t, labelNames, keys(perClass), "per_class labels")
	for l, cs := range perClass {
		assert.ElementsMatch(t, []string{"precision", "recall", "f1", "support"}, keys(cs), "per_class[%s] keys", l)
	}

	// The values; integers must decode as integers.
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var r contractReport
	require.NoError(t, dec.Decode(&r))
	_, err := dec.Token()
	require.ErrorIs(t, err, io.EOF, "nothing after the object")
	assert.ElementsMatch(t, labelNames, keys(r.Confusion), "confusion gold labels")

	assertUnit(t, "accuracy", r.Accuracy)
	assertUnit(t, "macro_f1", r.MacroF1)
	supports, trace, total, f1s := 0, 0, 0, 0.0
	for _, l := range labelNames {
		cs := r.PerClass[l]
		assertUnit(t, l+" precision", cs.Precision)
		assertUnit(t, l+" recall", cs.Recall)
		assertUnit(t, l+" f1", cs.F1)
		f1s += cs.F1
		supports += cs.Support

		row := r.Confusion[l]
		assert.ElementsMatch(t, labelNames, keys(row), "confusion[%s] predicted labels", l)
		rowSum := 0
		for _, p := range labelNames {
			assert.GreaterOrEqual(t, row[p], 0)
			rowSum += row[p]
		}
		assert.Equal(t, cs.Support, rowSum, "support of %s is its confusion row's sum", l)
		trace += row[l]
		total += rowSum
	}
	assert.Equal(t, r.Examples, supports, "supports sum to examples")
	assert.Equal(t, r.Examples, total, "confusion counts sum to examples")
	if r.Examples > 0 {
		assert.InDelta(t, float64(trace)/float64(r.Examples), r.Accuracy, 1e-12, "accuracy is the confusion trace over examples")
	}
	assert.InDelta(t, f1s/3, r.MacroF1, 1e-12, "macro F1 is the mean of the F1s")
	return r
}

func keys[V any](m map[string]V) []string {
	return slices.Collect(maps.Keys(m))
}

func assertUnit(t *testing.T, name string, f float64) {
	t.Helper()
	assert.True(t, f >= 0 && f <= 1, "%s = %v, want a number in [0,1]", name, f)
}

// assertSameReport checks that the contract object r holds the numbers of
// the library's report want.
func assertSameReport(t *testing.T, want stance.Report, r contractReport) {
	t.Helper()
	assert.Equal(t, want.Examples, r.Examples)
	assert.InDelta(t, want.Accuracy, r.Accuracy, 1e-12)
	assert.InDelta(t, want.MacroF1, r.MacroF1, 1e-12)
	for i, l := range stance.Labels {
		w, got := want.Classes[i], r.PerClass[string(l)]
		assert.InDelta(t, w.Precision, got.Precision, 1e-12, "%s precision", l)
		assert.InDelta(t, w.Recall, got.Recall, 1e-12, "%s recall", l)
		assert.InDelta(t, w.F1, got.F1, 1e-12, "%s f1", l)
		assert.Equal(t, w.Support, got.Support, "%s support", l)
		for j, p := range stance.Labels {
			assert.Equal(t, want.Confusion[i][j], r.Confusion[string(l)][string(p)], "confusion %s→%s", l, p)
		}
	}
}

// assess scores the default model on the file at path through the
// library, as the program should.
func assess(t *testing.T, path string) (stance.Report, stance.Calibration) {
	t.Helper()
	m, err := stance.Default()
	require.NoError(t, err)
	exs, err := corpus.ReadFile(path)
	require.NoError(t, err)
	rep, cal, err := stance.Assess(m, exs)
	require.NoError(t, err)
	require.NotZero(t, rep.Examples, "%s holds targets", path)
	return rep, cal
}

// TestJSONContract checks that -json prints one object of exactly the
// contract's keys, consistent in itself, holding the numbers that
// stance.Assess gives for the same model and data, and nothing on stderr.
func TestJSONContract(t *testing.T) {
	want, _ := assess(t, testData)
	for _, args := range [][]string{
		{"-model", "default", "-data", testData, "-json"},
		{"-data", testData, "-json"}, // -model defaults to the embedded model
		{"-json", "-format", "jsonl", "-data", testData},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			require.NoError(t, run(args, &out, &errb))
			assert.Empty(t, errb.String())
			assertSameReport(t, want, decodeContract(t, out.Bytes()))
		})
	}
}

// partFile writes the first 37 sentences of the corpus's test part to a
// file, a small set on which a wrong count or a swapped row shows, and
// returns its path and examples.
func partFile(t *testing.T) (string, []corpus.Example) {
	t.Helper()
	exs, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "part.jsonl")
	require.NoError(t, corpus.WriteFile(path, exs[:37]))
	return path, exs[:37]
}

// TestEvaluateMatchesLibrary checks that the report's numbers are those of
// stance.Evaluate too (the function the contract's users know), on a small
// file where a wrong count would show.
func TestEvaluateMatchesLibrary(t *testing.T) {
	path, part := partFile(t)

	m, err := stance.Default()
	require.NoError(t, err)
	want, err := stance.Evaluate(m, part)
	require.NoError(t, err)

	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-data", path, "-json"}, &out, &errb))
	r := decodeContract(t, out.Bytes())
	targets := 0
	for _, ex := range part {
		targets += len(ex.Targets)
	}
	assert.Equal(t, targets, r.Examples, "examples counts targets, not sentences")
	assertSameReport(t, want, r)
}

// TestTable checks the readable output: the header names the data, each
// row carries the library's scores under its own name, and the
// calibration line holds the library's calibration and the model's
// temperature. It runs on two files, so that a row printing another row's
// score is caught even where the two round alike on one of them.
func TestTable(t *testing.T) {
	part, _ := partFile(t)
	m, err := stance.Default()
	require.NoError(t, err)

	for _, data := range []string{testData, part} {
		t.Run(filepath.Base(data), func(t *testing.T) {
			rep, cal := assess(t, data)
			var out, errb bytes.Buffer
			require.NoError(t, run([]string{"-data", data}, &out, &errb))
			assert.Empty(t, errb.String())
			s := out.String()
			assert.True(t, strings.HasPrefix(s, fmt.Sprintf("nb on %s: %d examples\n", data, rep.Examples)), s)
			res := []string{
				fmt.Sprintf(`(?m)^\s*accuracy\s+%.3f\s+%d\s*$`, rep.Accuracy, rep.Examples),
				fmt.Sprintf(`(?m)^\s*macro F1\s+%.3f\s+%d\s*$`, rep.MacroF1, rep.Examples),
				regexp.QuoteMeta(fmt.Sprintf("probabilities (temperature %.4g): log loss %.3f, Brier %.3f, ECE %.3f, mean confidence %.3f\n",
					m.Temperature(), cal.LogLoss(), cal.Brier(), cal.ECE(), cal.Confidence())),
			}
			for i, l := range stance.Labels {
				c := rep.Classes[i]
				res = append(res,
					fmt.Sprintf(`(?m)^\s*%s\s+%.3f\s+%.3f\s+%.3f\s+%d\s*$`, l, c.Precision, c.Recall, c.F1, c.Support),
					fmt.Sprintf(`(?m)^\s*%s\s+%d\s+%d\s+%d\s*$`, l, rep.Confusion[i][0], rep.Confusion[i][1], rep.Confusion[i][2]))
			}
			for _, re := range res {
				assert.Regexp(t, re, s)
			}
		})
	}
}

// TestTableRepeatedSpans checks that the table says how many targets
// repeat a span of their sentence, and how many of them with another
// label, which no model can get right twice; and that -json stays as the
// evaluation contract has it.
func TestTableRepeatedSpans(t *testing.T) {
	data := filepath.Join(t.TempDir(), "repeat.jsonl")
	require.NoError(t, os.WriteFile(data, []byte(goodLine+
		`{"id":"a-2","text":"Petro accused NATO.","targets":[{"start":14,"end":18,"mention":"NATO","label":"critical"},{"start":14,"end":18,"mention":"NATO","label":"supportive"},{"start":14,"end":18,"mention":"NATO","label":"critical"}]}`+"\n"), 0o644))
	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-data", data}, &out, &errb))
	assert.Contains(t, out.String(), "(repeated target spans: 2, each scored as it is; 2 with another label, which no answer gets right twice)\n")
	out.Reset()
	require.NoError(t, run([]string{"-data", data, "-json"}, &out, &errb))
	assert.NotContains(t, out.String(), "repeat")

	out.Reset()
	require.NoError(t, run([]string{"-data", testData}, &out, &errb))
	assert.NotContains(t, out.String(), "repeat", "no line where no span repeats")
}

// goodLine is one valid line of the corpus format.
const goodLine = `{"id":"a-1","text":"NATO was accused of stalling.","targets":[{"start":0,"end":4,"mention":"NATO","label":"critical"}]}` + "\n"

// TestErrors checks that bad flags and bad files give an error that says
// what is wrong (naming the file, and for a bad line its number), on one
// line, and that nothing is printed on stdout, so that no tool reads half
// a report.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
		return path
	}
	second := strings.Replace(goodLine, "a-1", "a-2", 1)
	var (
		absent     = filepath.Join(dir, "absent.jsonl")
		absentM    = filepath.Join(dir, "absent.model")
		garbage    = file("garbage.model", "this is not a model file, just text\n")
		badJSON    = file("badjson.jsonl", goodLine+second+"{\"id\": \n")
		mismatch   = file("mismatch.jsonl", goodLine+strings.Replace(second, `"mention":"NATO"`, `"mention":"OTAN"`, 1))
		badLabel   = file("label.jsonl", strings.Replace(goodLine, "critical", "furious", 1))
		badOffsets = file("offsets.jsonl", goodLine+strings.Replace(second, `"end":4`, `"end":400`, 1))
		good       = file("good.jsonl", goodLine)
		empty      = file("empty.jsonl", "\n\n")
		blank      = file("blank.jsonl", strings.Replace(goodLine, `"start":0,"end":4,"mention":"NATO"`, `"start":4,"end":5,"mention":" "`, 1))
	)
	cases := []struct {
		name string
		args []string
		want []string // substrings of the error
		is   error    // wrapped by the error, if not nil
		line int      // the line of the *corpus.LineError for the -data file, if not 0
	}{
		{"missing -data", []string{"-json"}, []string{"-data is required"}, nil, 0},
		{"missing data file", []string{"-data", absent, "-json"}, []string{absent}, fs.ErrNotExist, 0},
		{"bad -format", []string{"-data", testData, "-format", "xml"}, []string{`"xml"`, "jsonl", "newsmtsc"}, nil, 0},
		{"unknown -backend", []string{"-data", testData, "-backend", "svm"}, []string{`"svm"`}, nil, 0},
		{"goml without -train", []string{"-data", testData, "-backend", "goml"}, []string{"-train"}, nil, 0},
		{"missing goml training file", []string{"-data", testData, "-backend", "goml", "-train", absent}, []string{absent}, fs.ErrNotExist, 0},
		{"-train without goml", []string{"-data", testData, "-train", absent}, []string{"-train is for -backend goml"}, nil, 0},
		{"model file that is not a model", []string{"-model", garbage, "-data", testData, "-json"}, []string{garbage}, stance.ErrNotModel, 0},
		{"missing model file", []string{"-model", absentM, "-data", testData, "-json"}, []string{absentM}, fs.ErrNotExist, 0},
		{"unknown flag", []string{"-data", testData, "-jsn"}, []string{"-jsn"}, nil, 0},
		{"argument after the flags", []string{"-data", testData, "extra.jsonl", "-json"}, []string{`unexpected argument "extra.jsonl"`}, nil, 0},
		{"bad json on line 3", []string{"-data", badJSON, "-json"}, []string{badJSON + ":3:"}, corpus.ErrBadJSON, 3},
		{"mention mismatch on line 2", []string{"-data", mismatch, "-json"}, []string{mismatch + ":2:", "OTAN"}, corpus.ErrMentionMismatch, 2},
		{"unknown label on line 1", []string{"-data", badLabel, "-json"}, []string{badLabel + ":1:", "furious"}, corpus.ErrUnknownLabel, 1},
		{"offsets out of range on line 2", []string{"-data", badOffsets, "-json"}, []string{badOffsets + ":2:"}, corpus.ErrOffsets, 2},
		{"no examples", []string{"-data", empty, "-json"}, []string{empty, "no examples to evaluate on"}, nil, 0},
		{"no goml training examples", []string{"-data", good, "-backend", "goml", "-train", empty}, []string{empty, "no examples to train goml on"}, nil, 0},
		{"blank mention on line 1", []string{"-data", blank, "-json"}, []string{blank + ":1:", "blank"}, corpus.ErrOffsets, 1},
		{"corpus file read as newsmtsc", []string{"-data", good, "-format", "newsmtsc", "-json"}, []string{good + ":1:"}, nil, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(c.args, &out, &errb)
			require.Error(t, err)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
			if c.is != nil {
				assert.ErrorIs(t, err, c.is)
			}
			if c.line != 0 {
				var le *corpus.LineError
				require.ErrorAs(t, err, &le)
				assert.Equal(t, c.line, le.Line)
				assert.Equal(t, c.args[slices.Index(c.args, "-data")+1], le.File, "the error names the file as given")
			}
			assert.Empty(t, out.String(), "nothing on stdout after an error")
			assert.NotContains(t, err.Error(), "\n", "a one-line error")
		})
	}
}

// TestExitStatus runs the program as a process, as other tools do: a good
// run exits 0 with the JSON object on stdout and nothing on stderr; a
// missing or bad file exits non-zero with one line on stderr and nothing
// on stdout.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.model")
	require.NoError(t, os.WriteFile(garbage, []byte("garbage"), 0o644))
	badLine := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(badLine, []byte(goodLine+"{\n"), 0o644))
	cases := []struct {
		name string
		args []string
		ok   bool
		want string // substring of stderr when !ok
	}{
		{"good run", []string{"-model", "default", "-data", testData, "-json"}, true, ""},
		{"missing data file", []string{"-data", filepath.Join(dir, "absent.jsonl"), "-json"}, false, "absent.jsonl"},
		{"bad data line", []string{"-data", badLine, "-json"}, false, badLine + ":2:"},
		{"model file that is not a model", []string{"-model", garbage, "-data", testData, "-json"}, false, garbage},
		{"missing -data", []string{"-json"}, false, "-data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], c.args...)
			cmd.Env = append(os.Environ(), runMainEnv+"=1")
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			err := cmd.Run()
			if c.ok {
				require.NoError(t, err, "stderr: %s", errb.String())
				assert.Empty(t, errb.String())
				decodeContract(t, out.Bytes())
				return
			}
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee, "a non-zero exit status")
			assert.NotZero(t, ee.ExitCode())
			assert.Empty(t, out.String(), "nothing on stdout")
			stderr := errb.String()
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line on stderr: %q", stderr)
			assert.True(t, strings.HasSuffix(stderr, "\n"), "the line ends: %q", stderr)
			assert.True(t, strings.HasPrefix(stderr, "evaluate: "), "the line names the program: %q", stderr)
			assert.Contains(t, stderr, c.want)
		})
	}
}

// TestNewsMTSCFormat checks that a NewsMTSC file is recognised without
// -format, giving what -format newsmtsc and the library give, and that
// forcing the corpus format on it fails at line 1 instead of scoring
// nothing.
func TestNewsMTSCFormat(t *testing.T) {
	if _, err := os.Stat(newsMTSCDev); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("shared NewsMTSC data absent: %s does not exist", newsMTSCDev)
	}
	want, _ := assess(t, newsMTSCDev)
	outs := map[string]string{}
	for _, format := range []string{"auto", "newsmtsc"} {
		var out, errb bytes.Buffer
		args := []string{"-data", newsMTSCDev, "-json"}
		if format != "auto" {
			args = append(args, "-format", format)
		}
		require.NoError(t, run(args, &out, &errb), format)
		assertSameReport(t, want, decodeContract(t, out.Bytes()))
		outs[format] = out.String()
	}
	assert.Equal(t, outs["newsmtsc"], outs["auto"], "auto-detection gives what -format newsmtsc gives")

	var out, errb bytes.Buffer
	err := run([]string{"-data", newsMTSCDev, "-format", "jsonl", "-json"}, &out, &errb)
	var le *corpus.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 1, le.Line)
	assert.Empty(t, out.String())
}

// TestGomlBackend checks that -backend goml trains goml on the -train
// files with the model's features and reports in the contract's form the
// same numbers as the gomlbaseline package, on the same targets as the nb
// backend.
func TestGomlBackend(t *testing.T) {
	train, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	dir := t.TempDir()
	trainA, trainB := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	require.NoError(t, corpus.WriteFile(trainA, train[:60]))
	require.NoError(t, corpus.WriteFile(trainB, train[60:120]))
	test, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	data := filepath.Join(dir, "test.jsonl")
	require.NoError(t, corpus.WriteFile(data, test[:80]))

	m, err := stance.Default()
	require.NoError(t, err)
	nb, err := gomlbaseline.Train(train[:120], m.Extractor(), m.Omitted())
	require.NoError(t, err)
	var c stance.Confusion
	for _, ex := range test[:80] {
		for _, tg := range ex.Targets {
			require.True(t, c.Add(tg.Label, gomlbaseline.Predict(nb, ex.Text, stance.Span{Start: tg.Start, End: tg.End})))
		}
	}
	want := c.Report()

	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-backend", "goml", "-train", trainA + "," + trainB, "-data", data, "-json"}, &out, &errb))
	got := decodeContract(t, out.Bytes())
	assertSameReport(t, want, got)

	var nbOut bytes.Buffer
	require.NoError(t, run([]string{"-data", data, "-json"}, &nbOut, &errb))
	assert.Equal(t, decodeContract(t, nbOut.Bytes()).Examples, got.Examples, "both backends score the same targets")

	// The table has no calibration line: goml's probabilities are not the model's.
	out.Reset()
	require.NoError(t, run([]string{"-backend", "goml", "-train", trainA, "-data", data}, &out, &errb))
	assert.True(t, strings.HasPrefix(out.String(), "goml on "+data), out.String())
	assert.NotContains(t, out.String(), "probabilities")
}

// TestModelFile checks that -model PATH evaluates the model in the file,
// written as examples/train writes it, and not the default model: the
// report is that model's, and the table shows its temperature.
func TestModelFile(t *testing.T) {
	exs, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	m, err := stance.Train(exs[:200], nil, stance.WithTemperature(2))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "model.stk")
	require.NoError(t, m.WriteFile(path))

	test, err := corpus.ReadFile(testData)
	require.NoError(t, err)
	want, _, err := stance.Assess(m, test)
	require.NoError(t, err)
	def, _ := assess(t, testData)
	require.NotEqual(t, def.Confusion, want.Confusion, "the small model scores otherwise than the default one")

	var out, errb bytes.Buffer
	require.NoError(t, run([]string{"-model", path, "-data", testData, "-json"}, &out, &errb))
	assertSameReport(t, want, decodeContract(t, out.Bytes()))

	out.Reset()
	require.NoError(t, run([]string{"-model", path, "-data", testData}, &out, &errb))
	assert.Contains(t, out.String(), "probabilities (temperature 2):")
}

// TestBadExampleLine checks that an example the model refuses, here a
// text longer than the model's limit, is reported by file and line.
func TestBadExampleLine(t *testing.T) {
	dir := t.TempDir()
	exs, err := corpus.ReadFile(testData)
	require.NoError(t, err)
	m, err := stance.Train(exs, nil, stance.WithMaxTextBytes(400))
	require.NoError(t, err)
	model := filepath.Join(dir, "small.stk")
	require.NoError(t, m.WriteFile(model))
	long := `{"text":"NATO met.` + strings.Repeat(" It met again.", 40) + `","targets":[{"start":0,"end":4,"mention":"NATO","label":"neutral"}]}`
	data := filepath.Join(dir, "long.jsonl")
	require.NoError(t, os.WriteFile(data, []byte(goodLine+"\n"+long+"\n"), 0o644))
	err = run([]string{"-model", model, "-data", data, "-json"}, io.Discard, io.Discard)
	require.ErrorIs(t, err, stance.ErrTextTooLong)
	assert.Contains(t, err.Error(), data+":3: stance: examples[1] target 0:")
}
