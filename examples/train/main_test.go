package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/modelflag"
	"github.com/stancekit/stancekit/stance"
)

// trainSentences is how many sentences of the built-in corpus's train part
// the tests train on: enough for every label, few enough to be fast.
const trainSentences = 200

// trainData writes the first trainSentences sentences of the built-in
// train part to a file in a fresh directory and returns its path and the
// examples.
func trainData(t *testing.T) (string, []corpus.Example) {
	t.Helper()
	exs, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(exs), trainSentences)
	exs = exs[:trainSentences]
	path := filepath.Join(t.TempDir(), "train.jsonl")
	require.NoError(t, corpus.WriteFile(path, exs))
	return path, exs
}

// train runs the program with args and returns what it logged.
func train(t *testing.T, args ...string) string {
	t.Helper()
	var log bytes.Buffer
	require.NoError(t, run(args, &log), "log: %s", log.String())
	return log.String()
}

// readFile returns the bytes of the file at path.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// encode returns the bytes of m's model file.
func encode(t *testing.T, m *stance.Model) []byte {
	t.Helper()
	var b bytes.Buffer
	_, err := m.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// libraryModel trains a model on exs through the library, as the program
// should for the matching flags.
func libraryModel(t *testing.T, exs []corpus.Example, ext *features.Extractor, opts ...stance.Option) *stance.Model {
	t.Helper()
	tr := stance.NewTrainer(ext, opts...)
	for _, ex := range exs {
		require.NoError(t, tr.AddExample(ex))
	}
	return tr.Model()
}

// targets counts the targets of exs.
func targets(exs []corpus.Example) int {
	n := 0
	for _, ex := range exs {
		n += len(ex.Targets)
	}
	return n
}

// TestTrainedModelLoads checks that -out holds a model that -model PATH
// loads (through modelflag.Load, which evaluate and classify call), that
// it is the model of exactly the training data (retraining its own recipe
// on the data rebuilds the file byte for byte), that it classifies, and
// that -q keeps stderr quiet.
func TestTrainedModelLoads(t *testing.T) {
	data, exs := trainData(t)
	out := filepath.Join(t.TempDir(), "model.stk")
	assert.Empty(t, train(t, "-data", data, "-out", out, "-q"), "-q logs nothing")

	file := readFile(t, out)
	m, err := modelflag.Load(out, true)
	require.NoError(t, err)
	assert.Equal(t, file, encode(t, m), "the model read back writes the same bytes")
	m2, err := stance.ReadModel(bytes.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, m.String(), m2.String())

	tr := m.NewTrainer()
	for _, ex := range exs {
		require.NoError(t, tr.AddExample(ex))
	}
	assert.Equal(t, file, encode(t, tr.Model()), "retraining the file's recipe on the data rebuilds it")

	test, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	rep, err := stance.Evaluate(m, test[:50])
	require.NoError(t, err)
	assert.Equal(t, targets(test[:50]), rep.Examples)
	assert.Greater(t, rep.Accuracy, 1.0/3, "a model trained on %d sentences beats chance", trainSentences)
}

// TestLog checks the progress output: each file's number of targets and a
// summary naming the output (TestTrainedModelLoads checks that -q
// silences it).
func TestLog(t *testing.T) {
	data, exs := trainData(t)
	out := filepath.Join(t.TempDir(), "model.stk")
	log := train(t, "-data", data, "-out", out)
	n := targets(exs)
	assert.Contains(t, log, fmt.Sprintf("%s: %d examples\n", data, n))
	assert.Contains(t, log, fmt.Sprintf("trained on %d examples", n))
	assert.Contains(t, log, out)
	assert.NotContains(t, log, "malformed")
	assert.NotContains(t, log, "repeated")

	// A span given twice, once with another label, is trained on and
	// reported.
	rep := filepath.Join(t.TempDir(), "repeat.jsonl")
	require.NoError(t, os.WriteFile(rep, []byte(`{"id":"a-2","text":"Petro accused NATO.","targets":[{"start":14,"end":18,"mention":"NATO","label":"critical"},{"start":14,"end":18,"mention":"NATO","label":"supportive"}]}`+"\n"), 0o644))
	log = train(t, "-data", rep, "-out", out)
	assert.Contains(t, log, rep+": 2 examples, repeated target spans: 1 (1 with another label)\n")
}

// TestFlagsReachModel checks that each flag reaches the model: the file
// written is byte for byte the model the library trains with the matching
// option, it differs from the model of the default flags, and the model
// shows the setting.
func TestFlagsReachModel(t *testing.T) {
	data, exs := trainData(t)
	dir := t.TempDir()
	defaultOut := filepath.Join(dir, "default.stk")
	train(t, "-data", data, "-out", defaultOut, "-q")
	defaultFile := readFile(t, defaultOut)

	cases := []struct {
		name  string
		flags []string
		ext   []features.Option
		opts  []stance.Option
		prune int // min count the library model is pruned to, if > 1
		check func(t *testing.T, m *stance.Model)
	}{
		{"defaults", nil, nil, nil, 0, func(t *testing.T, m *stance.Model) {
			assert.Equal(t, 1.0, m.Temperature())
			assert.Contains(t, m.String(), "alpha: 0.5,")
		}},
		{"alpha", []string{"-alpha", "2"}, nil, []stance.Option{stance.WithAlpha(2)}, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.String(), "alpha: 2,")
		}},
		{"temperature", []string{"-temperature", "3"}, nil, []stance.Option{stance.WithTemperature(3)}, 0, func(t *testing.T, m *stance.Model) {
			assert.Equal(t, 3.0, m.Temperature())
		}},
		{"binary", []string{"-binary"}, nil, []stance.Option{stance.WithBinary(true)}, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.String(), "binary: true")
		}},
		{"uniform prior", []string{"-uniform-prior"}, nil, []stance.Option{stance.WithUniformPrior(true)}, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.String(), "uniformPrior: true")
		}},
		{"variant", []string{"-variant", "complement"}, nil, []stance.Option{stance.WithVariant(stance.Complement)}, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.String(), stance.Complement.String())
		}},
		{"weights", []string{"-weights", "unigram=0, side=0.25"}, nil,
			[]stance.Option{stance.WithGroupWeight(features.GroupUnigram, 0), stance.WithGroupWeight(features.GroupSide, 0.25)}, 0,
			func(t *testing.T, m *stance.Model) {
				assert.True(t, m.Omitted().Has(features.GroupUnigram), "weight 0 omits the group")
				assert.False(t, m.Omitted().Has(features.GroupSide))
				assert.False(t, m.Omitted().Has(features.GroupBigram))
			}},
		{"window", []string{"-window", "3", "-near", "1"}, []features.Option{features.WithWindow(3, 1)}, nil, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.Extractor().String(), "window=3 near=1")
		}},
		{"no bigrams", []string{"-bigrams=false"}, []features.Option{features.WithBigrams(false)}, nil, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.Extractor().String(), " bigrams=false")
		}},
		{"no trigrams", []string{"-trigrams=false"}, []features.Option{features.WithTrigrams(false)}, nil, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.Extractor().String(), " trigrams=false")
		}},
		{"no cue trigrams", []string{"-cue-trigrams=false"}, []features.Option{features.WithCueTrigrams(false)}, nil, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.Extractor().String(), " trigrams=true cue-trigrams=false")
		}},
		{"no negation, no lexicon", []string{"-negation=false", "-lexicon=false"},
			[]features.Option{features.WithNegation(false), features.WithLexicon(false)}, nil, 0, func(t *testing.T, m *stance.Model) {
				assert.Contains(t, m.Extractor().String(), "negation=false")
				assert.Contains(t, m.Extractor().String(), "lexicon=false")
			}},
		{"no sides, others, clause", []string{"-sides=false", "-others=false", "-clause=false"},
			[]features.Option{features.WithSides(false), features.WithOthers(false), features.WithClause(false)}, nil, 0, func(t *testing.T, m *stance.Model) {
				for _, s := range []string{"sides=false", "others=false", "clause=false"} {
					assert.Contains(t, m.Extractor().String(), s)
				}
			}},
		{"seed", []string{"-seed", "7"}, []features.Option{features.WithSeed(7)}, nil, 0, func(t *testing.T, m *stance.Model) {
			assert.Contains(t, m.Extractor().String(), "seed=7")
		}},
		{"min count", []string{"-min-count", "2"}, nil, nil, 2, func(t *testing.T, m *stance.Model) {
			d, err := stance.ReadModel(bytes.NewReader(defaultFile))
			require.NoError(t, err)
			assert.Less(t, m.NumFeatures(), d.NumFeatures())
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".stk")
			train(t, append([]string{"-data", data, "-out", out, "-q"}, c.flags...)...)
			file := readFile(t, out)
			m, err := stance.ReadModelFile(out)
			require.NoError(t, err)
			c.check(t, m)

			want := libraryModel(t, exs, features.NewExtractor(c.ext...), c.opts...)
			if c.prune > 1 {
				want = want.Prune(c.prune)
			}
			assert.Equal(t, encode(t, want), file, "the library's model with the flag's option")
			if c.flags != nil {
				assert.NotEqual(t, defaultFile, file, "the flag changes the model")
			}
		})
	}
}

// TestCalibrate checks that -calibrate K fits a temperature other than 1
// and within WithTemperature's range, and changes nothing else: the
// calibrated model at temperature 1 is the uncalibrated one.
func TestCalibrate(t *testing.T) {
	data, _ := trainData(t)
	dir := t.TempDir()
	plain, calibrated := filepath.Join(dir, "plain.stk"), filepath.Join(dir, "calibrated.stk")
	train(t, "-data", data, "-out", plain, "-q")
	log := train(t, "-data", data, "-out", calibrated, "-calibrate", "3")
	assert.Contains(t, log, "3-fold")

	m, err := stance.ReadModelFile(calibrated)
	require.NoError(t, err)
	temp := m.Temperature()
	assert.NotEqual(t, 1.0, temp)
	assert.True(t, temp >= 1.0/64 && temp <= 1024, "temperature %v in [1/64, 1024]", temp)
	assert.Contains(t, log, fmt.Sprintf("temperature %.4g", temp))

	at1, err := m.Tempered(1)
	require.NoError(t, err)
	assert.Equal(t, readFile(t, plain), encode(t, at1), "calibration changes the temperature only")
}

// TestDeterministic checks that training is reproducible: the same data
// gives the same bytes run after run, with and without -calibrate, and
// the data split over two files (-data a,b) gives the bytes of one file.
func TestDeterministic(t *testing.T) {
	data, exs := trainData(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	require.NoError(t, corpus.WriteFile(a, exs[:70]))
	require.NoError(t, corpus.WriteFile(b, exs[70:]))
	for _, flags := range [][]string{nil, {"-calibrate", "3"}} {
		t.Run(fmt.Sprint(flags), func(t *testing.T) {
			t.Parallel()
			var files [][]byte
			for i, d := range []string{data, data, a + "," + b} {
				out := filepath.Join(t.TempDir(), fmt.Sprintf("model%d.stk", i))
				train(t, append([]string{"-data", d, "-out", out, "-q"}, flags...)...)
				files = append(files, readFile(t, out))
			}
			assert.Equal(t, files[0], files[1], "two runs on the same file")
			assert.Equal(t, files[0], files[2], "the same data in two files")
		})
	}
}

// TestFormats checks that each file's format is detected on its own: a
// corpus file and a NewsMTSC file train together into the library's model
// of both, and -format newsmtsc forced on the corpus file fails at line 1.
func TestFormats(t *testing.T) {
	data, exs := trainData(t)
	dir := t.TempDir()
	news := filepath.Join(dir, "newsmtsc.jsonl")
	// Offsets count code points: "Zürich" makes bytes and code points differ.
	require.NoError(t, os.WriteFile(news, []byte(
		`{"primary_gid": "g1", "sentence_normalized": "In Zürich, critics condemned Acme for the layoffs.", "targets": [{"Input.gid": "g1", "from": 29, "to": 33, "mention": "Acme", "polarity": 2.0}]}`+"\n"+
			`{"primary_gid": "g2", "sentence_normalized": "Voters praised Globex.", "targets": [{"Input.gid": "g2", "from": 15, "to": 21, "mention": "Globex", "polarity": 6.0}]}`+"\n"), 0o644))
	newsExs, err := corpus.ReadFile(news)
	require.NoError(t, err)
	require.Len(t, newsExs, 2)
	require.Equal(t, "Acme", newsExs[0].Targets[0].Mention)

	out := filepath.Join(dir, "model.stk")
	log := train(t, "-data", data+","+news, "-out", out)
	assert.Contains(t, log, news+": 2 examples")
	want := libraryModel(t, append(exs, newsExs...), features.NewExtractor())
	assert.Equal(t, encode(t, want), readFile(t, out))

	var l bytes.Buffer
	err = run([]string{"-data", data, "-format", "newsmtsc", "-out", filepath.Join(dir, "wrong.stk")}, &l)
	var le *corpus.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, data, le.File)
	assert.Equal(t, 1, le.Line)
	assert.NoFileExists(t, filepath.Join(dir, "wrong.stk"))
}

// TestLenient checks that a bad line stops training, with the file and
// line named, and that with -lenient it is skipped and reported, and the
// model written is that of the other lines.
func TestLenient(t *testing.T) {
	data, exs := trainData(t)
	lines := strings.SplitAfter(string(readFile(t, data)), "\n")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	const badLine = 5
	withBad := strings.Join(lines[:badLine-1], "") + `{"id":"x","text":"NATO met.","targets":[{"start":0,"end":4,"mention":"OTAN","label":"neutral"}]}` + "\n" + strings.Join(lines[badLine-1:], "")
	require.NoError(t, os.WriteFile(bad, []byte(withBad), 0o644))

	out := filepath.Join(dir, "model.stk")
	var log bytes.Buffer
	err := run([]string{"-data", bad, "-out", out, "-q"}, &log)
	var le *corpus.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, bad, le.File)
	assert.Equal(t, badLine, le.Line)
	assert.ErrorIs(t, err, corpus.ErrMentionMismatch)
	assert.Contains(t, err.Error(), fmt.Sprintf("%s:%d:", bad, badLine))
	assert.NoFileExists(t, out)

	lenientLog := train(t, "-data", bad, "-out", out, "-lenient")
	assert.Contains(t, lenientLog, "1 malformed lines skipped")
	assert.Contains(t, lenientLog, fmt.Sprintf("%s:%d:", bad, badLine))
	assert.Contains(t, lenientLog, fmt.Sprintf("trained on %d examples", targets(exs)))
	clean := filepath.Join(dir, "clean.stk")
	train(t, "-data", data, "-out", clean, "-q")
	assert.Equal(t, readFile(t, clean), readFile(t, out), "the model of the good lines")
}

// TestErrors checks that bad flags and bad input give an error that says
// what is wrong, and that no model file is written.
func TestErrors(t *testing.T) {
	data, _ := trainData(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	allBad := filepath.Join(dir, "allbad.jsonl")
	require.NoError(t, os.WriteFile(allBad, []byte("{\nnot json\n"), 0o644))
	absent := filepath.Join(dir, "absent.jsonl")

	// In args, $DATA stands for the training file and $OUT for a fresh
	// output path.
	cases := []struct {
		name string
		args []string
		want string // substring of the error
		is   error  // wrapped by the error, if not nil
	}{
		{"missing -data", []string{"-out", "$OUT"}, "-data and -out are required", nil},
		{"missing -out", []string{"-data", "$DATA"}, "-data and -out are required", nil},
		{"missing data file", []string{"-data", absent, "-out", "$OUT"}, absent, fs.ErrNotExist},
		{"missing second data file", []string{"-data", "$DATA," + absent, "-out", "$OUT"}, absent, fs.ErrNotExist},
		{"empty data file", []string{"-data", empty, "-out", "$OUT"}, "no examples", nil},
		{"lenient, every line bad", []string{"-data", allBad, "-out", "$OUT", "-lenient"}, "no examples", nil},
		{"weight without =", []string{"-data", "$DATA", "-out", "$OUT", "-weights", "unigram"}, `"unigram"`, nil},
		{"weight not a number", []string{"-data", "$DATA", "-out", "$OUT", "-weights", "unigram=lots"}, `"unigram=lots"`, nil},
		{"weight of unknown group", []string{"-data", "$DATA", "-out", "$OUT", "-weights", "verbs=1"}, `"verbs"`, nil},
		{"weight out of range", []string{"-data", "$DATA", "-out", "$OUT", "-weights", "side=200"}, "side", stance.ErrBadOption},
		{"negative weight", []string{"-data", "$DATA", "-out", "$OUT", "-weights", "side=-1"}, "side", stance.ErrBadOption},
		{"alpha 0", []string{"-data", "$DATA", "-out", "$OUT", "-alpha", "0"}, "WithAlpha(0)", stance.ErrBadOption},
		{"negative alpha", []string{"-data", "$DATA", "-out", "$OUT", "-alpha", "-1"}, "WithAlpha(-1)", stance.ErrBadOption},
		{"huge alpha", []string{"-data", "$DATA", "-out", "$OUT", "-alpha", "1e300"}, "WithAlpha(1e+300)", stance.ErrBadOption},
		{"temperature 0", []string{"-data", "$DATA", "-out", "$OUT", "-temperature", "0"}, "WithTemperature(0)", stance.ErrBadOption},
		{"negative window", []string{"-data", "$DATA", "-out", "$OUT", "-window", "-1"}, "WithWindow(-1", features.ErrBadOption},
		{"unknown variant", []string{"-data", "$DATA", "-out", "$OUT", "-variant", "bernoulli"}, "bernoulli", nil},
		{"unknown format", []string{"-data", "$DATA", "-out", "$OUT", "-format", "csv"}, `"csv"`, nil},
		{"calibrate 1", []string{"-data", "$DATA", "-out", "$OUT", "-calibrate", "1"}, "-calibrate", nil},
		{"calibrate with temperature", []string{"-data", "$DATA", "-out", "$OUT", "-calibrate", "3", "-temperature", "2"}, "-calibrate", nil},
		{"calibrate more folds than sentences", []string{"-data", "$DATA", "-out", "$OUT", "-calibrate", fmt.Sprint(trainSentences + 1)}, "-calibrate", nil},
		{"unknown flag", []string{"-data", "$DATA", "-out", "$OUT", "-alpah", "1"}, "-alpah", nil},
		{"second file as an argument", []string{"-data", "$DATA", "$DATA", "-out", "$OUT"}, "unexpected argument", nil},
		{"same file twice", []string{"-data", "$DATA,$DATA", "-out", "$OUT"}, "names one file twice (" + data + ", " + data + ")", nil},
		{"same file by two paths", []string{"-data", "$DATA," + filepath.Dir(data) + "//./" + filepath.Base(data), "-out", "$OUT"}, "names one file twice", nil},
		{"-out a directory", []string{"-data", "$DATA", "-out", "$DIR"}, "is a directory", nil},
		{"weight given twice", []string{"-data", "$DATA", "-out", "$OUT", "-weights", "unigram=0,side=1,unigram=2"}, "unigram given twice", nil},
		{"negative -min-count", []string{"-data", "$DATA", "-out", "$OUT", "-min-count", "-5"}, "-min-count -5", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "model.stk")
			r := strings.NewReplacer("$DATA", data, "$OUT", out, "$DIR", filepath.Dir(out))
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = r.Replace(a)
			}
			var log bytes.Buffer
			err := run(append(args, "-q"), &log)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			if c.is != nil {
				assert.ErrorIs(t, err, c.is)
			}
			assert.NoFileExists(t, out)
		})
	}
}

// TestOutputIsTrainingFile checks that -out naming a -data file, by its
// path or through a symbolic link, is refused and the data kept: the model
// would have overwritten it.
func TestOutputIsTrainingFile(t *testing.T) {
	data, _ := trainData(t)
	before, err := os.ReadFile(data)
	require.NoError(t, err)
	paths := []string{data}
	link := filepath.Join(t.TempDir(), "link.jsonl")
	if os.Symlink(data, link) == nil {
		paths = append(paths, link)
	}
	for _, out := range paths {
		var log bytes.Buffer
		err := run([]string{"-data", data, "-out", out, "-q"}, &log)
		require.Error(t, err, "-out %s", out)
		assert.Contains(t, err.Error(), "would overwrite the data")
		after, err := os.ReadFile(data)
		require.NoError(t, err)
		assert.Equal(t, before, after, "the training file is unchanged")
	}
}

// TestOutputInMissingDirectory checks that an -out in a directory that
// does not exist fails without creating the directory or leaving a
// temporary file behind.
func TestOutputInMissingDirectory(t *testing.T) {
	data, _ := trainData(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "missing", "model.stk")
	var log bytes.Buffer
	err := run([]string{"-data", data, "-out", out, "-q"}, &log)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "missing"))
	assert.NoDirExists(t, filepath.Join(dir, "missing"))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing left behind")
}

// TestFailedRunKeepsModel checks that a failed run leaves an earlier model
// at -out as it was, and no other file beside it.
func TestFailedRunKeepsModel(t *testing.T) {
	data, _ := trainData(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "model.stk")
	train(t, "-data", data, "-out", out, "-q")
	before := readFile(t, out)

	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, append(readFile(t, data), "{\n"...), 0o644))
	var log bytes.Buffer
	require.Error(t, run([]string{"-data", bad, "-out", out, "-q", "-alpha", "2"}, &log))
	assert.Equal(t, before, readFile(t, out))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left behind")
}
