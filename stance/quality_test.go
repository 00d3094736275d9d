package stance_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/internal/testtexts"
	"github.com/stancekit/stancekit/stance"
)

// newsmtsc returns the examples of a NewsMTSC file (read once per test
// binary; the slice is shared), or skips when ../shared is not beside the
// repository.
func newsmtsc(t testing.TB, name string) []corpus.Example {
	t.Helper()
	exs, err := testtexts.NewsMTSC(name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("NewsMTSC data not available (%v); this test needs the repository checked out beside shared/", err)
	}
	require.NoError(t, err)
	return exs
}

// Quality floors: macro-F1 of the embedded default model on the NewsMTSC
// dev files, which it was not trained on. They sit a little below what the
// model reaches (see README) so that noise does not fail CI but a real
// loss of accuracy does. With feature set 5 (five-seed cross-validation
// 0.6665, as with feature set 4) dev_rw reached 0.697 and its floor rose to
// 0.69; dev_mt reached 0.657. Feature set 6 (0.6664) left dev_mt as it
// was, and dev_rw at 0.695: one label whose two top probabilities were
// 0.398 and 0.395 flipped. Feature set 8 (0.6664) left both as feature
// set 7 did (0.695, 0.655; a version of it read dev_rw 0.692, a near-tie
// of 0.3952 against 0.3951 flipped by the retraining). Feature set 9
// (0.6668) reached dev_rw 0.697 and dev_mt 0.655, and feature sets 10
// (0.6669) and 11 the same, with every dev label unchanged: the floors
// stay.
var floors = map[string]float64{
	"dev_rw.jsonl": 0.69, // reached 0.697 with feature set 9, 0.695 with sets 6 to 8 (0.697 with set 5, 0.698 with set 4, 0.691 with cue trigrams, 0.688 before them, 0.678 before target trigrams)
	"dev_mt.jsonl": 0.65, // reached 0.655 with feature sets 7 to 9, 0.657 with 5 and 6 (0.655 with set 4, 0.661 with set 3, 0.659 with cue trigrams, 0.663 before them, 0.649 before target trigrams)
}

// corpusFloor is the floor for the built-in corpus's held-out test part,
// which needs no external data (reached 0.697 on the 1,415 targets of both
// batches with feature set 4, 0.696 with 5 and 6, 0.694 with 9, 0.695 with 10 and 11, 0.691 with cue trigrams, 0.684 before them and
// 0.666 before target trigrams).
const corpusFloor = 0.68

func TestDefaultModelCorpusFloor(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	test, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	r, err := stance.Evaluate(m, test)
	require.NoError(t, err)
	t.Logf("built-in corpus test: macro-F1 %.4f, accuracy %.4f on %d examples", r.MacroF1, r.Accuracy, r.Examples)
	assert.GreaterOrEqual(t, r.MacroF1, corpusFloor)
}

func TestDefaultModelQualityFloor(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	for file, floor := range floors {
		t.Run(file, func(t *testing.T) {
			r, err := stance.Evaluate(m, newsmtsc(t, file))
			require.NoError(t, err)
			t.Logf("%s: macro-F1 %.4f, accuracy %.4f on %d examples", file, r.MacroF1, r.Accuracy, r.Examples)
			assert.GreaterOrEqual(t, r.MacroF1, floor, "macro-F1 fell below the floor")
		})
	}
}

// TestDefaultModelRebuilds retrains the default model from the NewsMTSC
// training file and the built-in corpus's train part, with the settings
// stored in it, and checks that the result is byte-for-byte the embedded
// file, and that its temperature is the one 5-fold cross-validation fits:
// the README's rebuild command is true.
func TestDefaultModelRebuilds(t *testing.T) {
	train := newsmtsc(t, "train.jsonl")
	own, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	def, err := stance.Default()
	require.NoError(t, err)
	tr := def.NewTrainer()
	for _, ex := range append(train, own...) {
		require.NoError(t, tr.AddExample(ex))
	}
	var got bytes.Buffer
	_, err = tr.Model().WriteTo(&got)
	require.NoError(t, err)
	want, err := os.ReadFile("default.model")
	require.NoError(t, err)
	assert.True(t, bytes.Equal(got.Bytes(), want), "retrained model differs from stance/default.model: rebuild it with the README command")

	// The temperature is the one the README command's -calibrate 5 fits.
	temp, err := stance.CrossFitTemperature(append(train, own...), 5, 1, func(part []corpus.Example) (*stance.Model, error) {
		tr := def.NewTrainer()
		for _, ex := range part {
			if err := tr.AddExample(ex); err != nil {
				return nil, err
			}
		}
		return tr.Model(), nil
	})
	require.NoError(t, err)
	// To rounding: the bits may differ on a CPU that fuses multiply-adds.
	assert.InEpsilon(t, def.Temperature(), temp, 1e-9, "the default model's temperature is not the one 5-fold cross-validation fits")
}
