package stance_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// unigramsOnly is an extractor whose only features are the words of the
// sentence outside the target, so that counts can be worked out by hand.
func unigramsOnly() *features.Extractor {
	return features.NewExtractor(features.WithWindow(0, 0), features.WithBigrams(false),
		features.WithNegation(false), features.WithSides(false), features.WithOthers(false), features.WithClause(false), features.WithLexicon(false), features.WithTrigrams(false))
}

func ex(id, text, target string, label stance.Label) corpus.Example {
	i := strings.LastIndex(text, target)
	return corpus.Example{ID: id, Text: text, Targets: []corpus.Target{{Start: i, End: i + len(target), Mention: target, Label: label}}}
}

func at(text, target string) stance.Span {
	i := strings.LastIndex(text, target)
	return stance.Span{Start: i, End: i + len(target)}
}

// TestHandComputed checks the arithmetic against numbers worked out by hand.
//
// Training (alpha 1, counts not binarised), features are the non-target words:
//
//	critical:   {bad}, {bad, good}  → bad 2, good 1; total 3; 2 examples
//	neutral:    {the}               → the 1;         total 1; 1 example
//	supportive: {good}              → good 1;        total 1; 1 example
//
// V = 3. Priors with add-one: (2+1)/(4+3) = 3/7, 2/7, 2/7.
// "bad Y": P(bad|c) = (2+1)/(3+3) = 1/2, P(bad|n) = (0+1)/(1+3) = 1/4,
// P(bad|s) = 1/4; joint 3/14, 1/14, 1/14; posterior 0.6, 0.2, 0.2.
// "good Y": (1+1)/6 = 1/3, 1/4, (1+1)/4 = 1/2; joint 1/7, 1/14, 1/7;
// posterior 0.4, 0.2, 0.4. An unseen word leaves the priors: 3/7, 2/7, 2/7.
// "bad bad Y" counts bad twice: 3/7·(1/2)², 2/7·(1/4)², 2/7·(1/4)² =
// 6/56, 1/56, 1/56; posterior 0.75, 0.125, 0.125.
func TestHandComputed(t *testing.T) {
	exs := []corpus.Example{
		ex("1", "good X", "X", stance.Supportive),
		ex("2", "bad X", "X", stance.Critical),
		ex("3", "bad good X", "X", stance.Critical),
		ex("4", "the X", "X", stance.Neutral),
	}
	m, err := stance.Train(exs, unigramsOnly(), stance.WithAlpha(1), stance.WithBinary(false))
	require.NoError(t, err)
	assert.Equal(t, 3, m.NumFeatures())

	cases := []struct {
		text  string
		want  [3]float64
		label stance.Label
	}{
		{"bad Y", [3]float64{0.6, 0.2, 0.2}, stance.Critical},
		{"good Y", [3]float64{0.4, 0.2, 0.4}, ""},
		{"unseen Y", [3]float64{3.0 / 7, 2.0 / 7, 2.0 / 7}, stance.Critical},
		{"bad bad Y", [3]float64{0.75, 0.125, 0.125}, stance.Critical},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			p, err := m.Predict(c.text, at(c.text, "Y"))
			require.NoError(t, err)
			for i := range c.want {
				assert.InDelta(t, c.want[i], p.Probs[i], 1e-6, "P(%s)", stance.Labels[i])
			}
			if c.label != "" {
				assert.Equal(t, c.label, p.Label)
			}
		})
	}
}

func TestNoUnderflowOnLongText(t *testing.T) {
	m, err := stance.Train([]corpus.Example{
		ex("1", "good X", "X", stance.Supportive),
		ex("2", "bad X", "X", stance.Critical),
	}, unigramsOnly())
	require.NoError(t, err)
	long := strings.Repeat("bad ", 20000) + "Y"
	p, err := m.Predict(long, at(long, "Y"))
	require.NoError(t, err)
	assert.Equal(t, stance.Critical, p.Label)
	sum := 0.0
	for _, x := range p.Probs {
		assert.False(t, x != x, "NaN probability")
		sum += x
	}
	assert.InDelta(t, 1, sum, 1e-9)
}

func smallCorpus() []corpus.Example {
	var exs []corpus.Example
	words := []struct {
		w string
		l stance.Label
	}{{"praised", stance.Supportive}, {"thanked", stance.Supportive}, {"backed", stance.Supportive},
		{"accused", stance.Critical}, {"sanctioned", stance.Critical}, {"blamed", stance.Critical},
		{"met", stance.Neutral}, {"visited", stance.Neutral}, {"called", stance.Neutral}}
	names := []string{"NATO", "Brazil", "Siemens", "the EU", "Petro", "São Paulo"}
	for i, w := range words {
		for j, n := range names {
			text := fmt.Sprintf("The minister %s %s on day %d.", w.w, n, i*10+j)
			exs = append(exs, ex(fmt.Sprintf("x%d-%d", i, j), text, n, w.l))
		}
	}
	return exs
}

func TestTrainingDeterministicAndRoundTrip(t *testing.T) {
	exs := smallCorpus()
	m1, err := stance.Train(exs, nil)
	require.NoError(t, err)
	rev := append([]corpus.Example(nil), exs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	m2, err := stance.Train(rev, nil)
	require.NoError(t, err)
	var b1, b2 bytes.Buffer
	n, err := m1.WriteTo(&b1)
	require.NoError(t, err)
	assert.Equal(t, int64(b1.Len()), n)
	_, err = m2.WriteTo(&b2)
	require.NoError(t, err)
	assert.Equal(t, b1.Bytes(), b2.Bytes(), "same data in another order must give the same file")

	loaded, err := stance.ReadModel(iotest.OneByteReader(bytes.NewReader(b1.Bytes())))
	require.NoError(t, err)
	var b3 bytes.Buffer
	_, err = loaded.WriteTo(&b3)
	require.NoError(t, err)
	assert.Equal(t, b1.Bytes(), b3.Bytes())
	for _, e := range exs {
		sp := stance.Span{Start: e.Targets[0].Start, End: e.Targets[0].End}
		p1, err := m1.Predict(e.Text, sp)
		require.NoError(t, err)
		p2, err := loaded.Predict(e.Text, sp)
		require.NoError(t, err)
		assert.Equal(t, p1, p2)
	}
}

func TestMergeEqualsTrainingOnAll(t *testing.T) {
	exs := smallCorpus()
	all, err := stance.Train(exs, nil)
	require.NoError(t, err)
	var shards []*stance.Model
	for k := range 3 {
		var part []corpus.Example
		for i := k; i < len(exs); i += 3 {
			part = append(part, exs[i])
		}
		m, err := stance.Train(part, nil)
		require.NoError(t, err)
		shards = append(shards, m)
	}
	merged, err := stance.Merge(shards...)
	require.NoError(t, err)
	assert.Equal(t, encode(t, all), encode(t, merged))

	other, err := stance.Train(exs, features.NewExtractor(features.WithSeed(9)))
	require.NoError(t, err)
	_, err = stance.Merge(all, other)
	assert.ErrorIs(t, err, stance.ErrIncompatible)
	alpha, err := stance.Train(exs, nil, stance.WithAlpha(2))
	require.NoError(t, err)
	_, err = stance.Merge(all, alpha)
	assert.ErrorIs(t, err, stance.ErrIncompatible)
	_, err = stance.Merge()
	assert.ErrorIs(t, err, stance.ErrIncompatible)
}

func TestPrune(t *testing.T) {
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	p := m.Prune(2)
	assert.Less(t, p.NumFeatures(), m.NumFeatures())
	assert.Positive(t, p.NumFeatures())
	// Every feature was seen at least once: 1 or less removes nothing,
	// a negative count included (it once wrapped round and removed all).
	for _, n := range []int{1, 0, -1, math.MinInt} {
		assert.Equal(t, encode(t, m), encode(t, m.Prune(n)), "Prune(%d)", n)
	}
}

func modelBytes(t testing.TB) []byte {
	t.Helper()
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	return encode(t, m)
}

// encode returns the bytes WriteTo writes for m.
func encode(t testing.TB, m *stance.Model) []byte {
	t.Helper()
	var b bytes.Buffer
	_, err := m.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// resum recomputes the trailing checksum so that a change inside the
// payload is seen by the decoder rather than by the checksum.
func resum(b []byte) []byte {
	payload := b[16 : len(b)-4]
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.Checksum(payload, crc32.MakeTable(crc32.Castagnoli)))
	return b
}

func TestReadModelErrors(t *testing.T) {
	good := modelBytes(t)
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, stance.ErrNotModel},
		{"foreign", []byte("PK\x03\x04 this is a zip file, not a model"), stance.ErrNotModel},
		{"json", []byte(`{"words":{}}`), stance.ErrNotModel},
		{"future version", mod(func(b []byte) []byte { b[6] = stance.FormatVersion + 1; return b }), stance.ErrUnsupportedVersion},
		{"version 0", mod(func(b []byte) []byte { b[6] = 0; return b }), stance.ErrUnsupportedVersion},
		{"truncated header", good[:10], stance.ErrTruncated},
		{"cut inside the magic", good[:3], stance.ErrTruncated},
		{"cut after one byte", good[:1], stance.ErrTruncated},
		{"format 2 with feature set 5", mod(func(b []byte) []byte { b[6] = 2; return b }), stance.ErrCorrupt},
		{"truncated payload", good[:len(good)/2], stance.ErrTruncated},
		{"truncated checksum", good[:len(good)-2], stance.ErrTruncated},
		{"bit flip", mod(func(b []byte) []byte { b[len(b)/2] ^= 0x10; return b }), stance.ErrChecksum},
		{"checksum flip", mod(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), stance.ErrChecksum},
		{"huge declared length", mod(func(b []byte) []byte { binary.LittleEndian.PutUint64(b[8:], 1<<40); return b }), stance.ErrCorrupt},
		{"bad flags", mod(func(b []byte) []byte {
			// The extractor settings are short; corrupt the flags byte after alpha instead.
			extLen := int(b[16])
			b[16+1+extLen+8] = 0x7f
			return resum(b)
		}), stance.ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := stance.ReadModel(bytes.NewReader(c.data))
			assert.Nil(t, m)
			assert.ErrorIs(t, err, c.want)
		})
	}
}

var update = flag.Bool("update", false, "rewrite the model fixture of the current feature set (see modelFixtures)")

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err, "fixture missing")
	return b
}

// oldModelFixtures are model files of earlier feature sets, named by
// their format version and feature set: each must be refused rather than
// scored with the wrong ids. The three of feature set 2 loaded and
// predicted as pinned until feature set 3.
var oldModelFixtures = []string{
	"testdata/model-v1-features-v1.stk",
	"testdata/model-v1-features-v2.stk",
	"testdata/model-v2-features-v2.stk",
	"testdata/model-v3-features-v2.stk",
}

// modelFixtures are model files of format version 3, one per feature set
// this build reads (features.MinVersion to features.Version), each the
// model trained on smallCorpus by the build of its day, with temperature
// 2.5. Each must keep loading and predicting the same way in every later
// release: the probabilities of its build are pinned. Only the current
// feature set's file is written, with -update, when a new feature set or
// format version comes; the others stay as they are. (TestFeatureSetKept-
// InPrediction trains a model of set 3 that scores the sets apart.)
var modelFixtures = []struct {
	file    string
	version int // features.Version of the file
	probs   [stance.NumLabels]float64
	// The names Analyze finds in analyzeText: "Speaking", a common word
	// opening the sentence, is a name to feature set 3 only; "Attorney"
	// before "General" to feature sets 3 and 4; "May" after "Theresa" is
	// a month to feature sets 3 to 5; "Jeff Flake of Arizona" is one name
	// to feature sets 3 to 6; "Sheriff" is part of a name to sets 3 to 7;
	// the headline "Orbán Vows To Block EU Sanctions" is one name to sets 3
	// and 4, which read no headlines, and "Block EU" one to sets 5 to 8;
	// "500" after "S&P" is in the name from set 10 on; the soft hyphen of
	// "Zelen\u00adskyy" splits the word before set 11; "Sadly" opening a
	// sentence is part of the name after it before set 12.
	names []string
}{
	{"testdata/model-v3-features-v3.stk", 3, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Speaking", "Oslo", "Attorney", "Ann Berg", "NATO", "Theresa", "Jeff Flake of Arizona", "Sheriff Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán Vows To Block EU Sanctions"}},
	// The same: the small corpus these are trained on has no sentence
	// that the two feature sets tell apart.
	{"testdata/model-v3-features-v4.stk", 4, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Attorney", "Ann Berg", "NATO", "Theresa", "Jeff Flake of Arizona", "Sheriff Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán Vows To Block EU Sanctions"}},
	// The same again, for the same reason.
	{"testdata/model-v3-features-v5.stk", 5, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa", "Jeff Flake of Arizona", "Sheriff Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán", "Block EU"}},
	// The same again; "May" after a given name is a surname from feature
	// set 6 on.
	{"testdata/model-v3-features-v6.stk", 6, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake of Arizona", "Sheriff Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán", "Block EU"}},
	// The same again; a person and the place after "of" are two names from
	// feature set 7 on.
	{"testdata/model-v3-features-v7.stk", 7, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake", "Arizona", "Sheriff Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán", "Block EU"}},
	// The same again; "Sheriff" before a person's name is a title from
	// feature set 8 on.
	{"testdata/model-v3-features-v8.stk", 8, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake", "Arizona", "Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán", "Block EU"}},
	// The same again; in a headline in title case, a verb after "To" is no
	// name from feature set 9 on.
	{"testdata/model-v3-features-v9.stk", 9, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake", "Arizona", "Lee Baca", "S&P", "Zelen", "Sadly Trump", "Orbán", "EU"}},
	// The same again; a number after "S&P" is in the name from feature set
	// 10 on.
	{"testdata/model-v3-features-v10.stk", 10, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake", "Arizona", "Lee Baca", "S&P 500", "Zelen", "Sadly Trump", "Orbán", "EU"}},
	// The same again; a soft hyphen inside a word keeps it whole from
	// feature set 11 on.
	{"testdata/model-v3-features-v11.stk", 11, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake", "Arizona", "Lee Baca", "S&P 500", "Zelen\u00adskyy", "Sadly Trump", "Orbán", "EU"}},
	// The same again; a sentence adverb that opens a sentence is no part
	// of the name after it from feature set 12 on.
	{"testdata/model-v3-features-v12.stk", 12, [stance.NumLabels]float64{5.9780813820199131e-07, 2.5092736884740514e-06, 0.99999689291817317},
		[]string{"Oslo", "Ann Berg", "NATO", "Theresa May", "Jeff Flake", "Arizona", "Lee Baca", "S&P 500", "Zelen\u00adskyy", "Trump", "Orbán", "EU"}},
}

// analyzeText is the text whose names TestReadModelFixtures asks of each
// fixture's Analyze: the feature sets find different names in it.
const analyzeText = "Speaking in Oslo, Attorney General Ann Berg praised NATO, Theresa May, Jeff Flake of Arizona and Sheriff Lee Baca. The S&P 500 fell as Zelen\u00adskyy spoke. Sadly Trump won. Orbán Vows To Block EU Sanctions"

func TestReadModelFixtures(t *testing.T) {
	const text = "The minister praised NATO on day 99."
	for _, f := range modelFixtures {
		if *update && f.version == features.Version {
			m, err := stance.ReadModel(bytes.NewReader(modelBytes(t)))
			require.NoError(t, err)
			m, err = m.Tempered(2.5)
			require.NoError(t, err)
			require.NoError(t, m.WriteFile(f.file))
		}
		m, err := stance.ReadModel(bytes.NewReader(mustRead(t, f.file)))
		require.NoError(t, err, f.file)
		assert.Equal(t, 2.5, m.Temperature())
		assert.Contains(t, m.Extractor().String(), fmt.Sprintf("features v%d:", f.version))
		assert.Contains(t, m.Extractor().String(), "trigrams=true cue-trigrams=true")
		p, err := m.Predict(text, at(text, "NATO"))
		require.NoError(t, err)
		assert.Equal(t, stance.Supportive, p.Label, f.file)
		for l := range f.probs {
			assert.InEpsilon(t, f.probs[l], p.Probs[l], 1e-9, "%s: P(%s) = %.17g", f.file, stance.Labels[l], p.Probs[l])
		}
		// A model keeps the name finder of its feature set.
		a, err := m.Analyze(analyzeText)
		require.NoError(t, err)
		var names []string
		for _, mn := range a.Mentions {
			names = append(names, mn.Text)
		}
		assert.Equal(t, f.names, names, f.file)
	}
	assert.Equal(t, features.Version, modelFixtures[len(modelFixtures)-1].version, "a fixture of the current feature set")
	assert.Equal(t, features.MinVersion, modelFixtures[0].version, "a fixture of the oldest feature set read")
	for _, old := range oldModelFixtures {
		_, err := stance.ReadModel(bytes.NewReader(mustRead(t, old)))
		assert.ErrorIs(t, err, features.ErrFeatureVersion, old)
		assert.NotErrorIs(t, err, stance.ErrCorrupt, "%s is intact, of another feature set", old)
	}
}

func TestPredictBadInput(t *testing.T) {
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	cases := []struct {
		name string
		text string
		sp   stance.Span
		want error
	}{
		{"empty", "", stance.Span{}, stance.ErrEmptyText},
		{"out of range", "NATO", stance.Span{Start: 0, End: 10}, stance.ErrBadSpan},
		{"reversed", "NATO met", stance.Span{Start: 4, End: 1}, stance.ErrBadSpan},
		{"empty span", "NATO met", stance.Span{Start: 2, End: 2}, stance.ErrBadSpan},
		{"negative", "NATO met", stance.Span{Start: -1, End: 2}, stance.ErrBadSpan},
		{"inside rune", "São Paulo", stance.Span{Start: 0, End: 2}, stance.ErrBadSpan},
		{"invalid utf8", "NATO \xff met", stance.Span{Start: 0, End: 4}, stance.ErrInvalidUTF8},
		{"too long", strings.Repeat("a", stance.DefaultMaxTextBytes+1), stance.Span{Start: 0, End: 1}, stance.ErrTextTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := m.Predict(c.text, c.sp)
			assert.ErrorIs(t, err, c.want)
			_, err = m.Explain(c.text, c.sp)
			assert.ErrorIs(t, err, c.want)
		})
	}
	tr := stance.NewTrainer(nil)
	assert.ErrorIs(t, tr.Add("NATO met", stance.Span{Start: 0, End: 4}, "angry"), stance.ErrUnknownLabel)
	assert.Equal(t, 0, tr.Examples())
}

func TestPredictAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items, so allocations cannot be counted")
	}
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	text := "The minister praised NATO on day 99 while others accused Brazil."
	sp := at(text, "NATO")
	_, err = m.Predict(text, sp)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(200, func() {
		if _, err := m.Predict(text, sp); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

func TestConcurrentPredict(t *testing.T) {
	exs := smallCorpus()
	m, err := stance.Train(exs, nil)
	require.NoError(t, err)
	want := make([]stance.Prediction, len(exs))
	for i, e := range exs {
		want[i], err = m.Predict(e.Text, stance.Span{Start: e.Targets[0].Start, End: e.Targets[0].End})
		require.NoError(t, err)
	}
	concurrently(t, 8, 200, func(g, k int) error {
		i := (g*31 + k) % len(exs)
		e := exs[i]
		p, err := m.Predict(e.Text, stance.Span{Start: e.Targets[0].Start, End: e.Targets[0].End})
		if err != nil || p != want[i] {
			return fmt.Errorf("example %d: %v %v", i, p, err)
		}
		return nil
	})
}

// concurrently runs check(g, k) for k in [0, iters) on each of workers
// goroutines and reports the first failure of each goroutine.
func concurrently(t *testing.T, workers, iters int, check func(g, k int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for g := range workers {
		wg.Go(func() {
			for k := range iters {
				if err := check(g, k); err != nil {
					errs <- fmt.Sprintf("goroutine %d: %v", g, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestExplain(t *testing.T) {
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	text := "The minister accused Petro on day 99."
	e, err := m.Explain(text, at(text, "Petro"))
	require.NoError(t, err)
	p, err := m.Predict(text, at(text, "Petro"))
	require.NoError(t, err)
	assert.Equal(t, p, e.Prediction)
	assert.Equal(t, stance.Critical, e.Label)
	require.NotEmpty(t, e.Features)
	found := false
	for _, c := range e.Features {
		if strings.Contains(c.Feature, `"accused"`) && c.LogOdds > 0 {
			found = true
		}
	}
	assert.True(t, found, "the cue word pushes toward the prediction: %+v", e.Features[:min(5, len(e.Features))])
	for i := 1; i < len(e.Features); i++ {
		assert.GreaterOrEqual(t, math.Abs(e.Features[i-1].LogOdds), math.Abs(e.Features[i].LogOdds))
	}

	// A binary model, whose scoring compacts repeated ids in place: the
	// explanation is Predict's, and its contributions add up to the
	// log-odds of its probabilities.
	bin, err := stance.Train(smallCorpus(), nil, stance.WithBinary(true))
	require.NoError(t, err)
	text = "The minister accused and accused Petro, accused Petro on day 99."
	e, err = bin.Explain(text, at(text, "Petro"))
	require.NoError(t, err)
	p, err = bin.Predict(text, at(text, "Petro"))
	require.NoError(t, err)
	assert.Equal(t, p, e.Prediction)
	sum := e.Prior
	for _, c := range e.Features {
		sum += c.LogOdds
	}
	assert.InDelta(t, math.Log(p.Prob(e.Label)/p.Prob(e.RunnerUp)), sum, 1e-4)
}

func TestConfusionReport(t *testing.T) {
	var c stance.Confusion
	// gold critical: 3 right, 1 → neutral; gold neutral: 2 right; gold supportive: 1 right, 1 → critical.
	for range 3 {
		c.Add(stance.Critical, stance.Critical)
	}
	c.Add(stance.Critical, stance.Neutral)
	c.Add(stance.Neutral, stance.Neutral)
	c.Add(stance.Neutral, stance.Neutral)
	c.Add(stance.Supportive, stance.Supportive)
	c.Add(stance.Supportive, stance.Critical)
	assert.False(t, c.Add("bogus", stance.Neutral))
	r := c.Report()
	assert.Equal(t, 8, r.Examples)
	assert.InDelta(t, 6.0/8, r.Accuracy, 1e-12)
	// critical: P 3/4, R 3/4, F1 .75; neutral: P 2/3, R 1, F1 .8; supportive: P 1, R 1/2, F1 2/3.
	assert.InDelta(t, 0.75, r.Class(stance.Critical).F1, 1e-12)
	assert.InDelta(t, 0.8, r.Class(stance.Neutral).F1, 1e-12)
	assert.InDelta(t, 2.0/3, r.Class(stance.Supportive).F1, 1e-12)
	assert.InDelta(t, (0.75+0.8+2.0/3)/3, r.MacroF1, 1e-12)
	assert.Equal(t, 1, r.Confusion[stance.Supportive.Index()][stance.Critical.Index()])
	assert.Equal(t, 2, r.Class(stance.Supportive).Support)

	// The JSON form is ../shared/DESIGN.md's evaluation contract.
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var got struct {
		Examples  int                           `json:"examples"`
		Accuracy  float64                       `json:"accuracy"`
		MacroF1   float64                       `json:"macro_f1"`
		PerClass  map[string]map[string]float64 `json:"per_class"`
		Confusion map[string]map[string]int     `json:"confusion"`
	}
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, 8, got.Examples)
	assert.InDelta(t, r.MacroF1, got.MacroF1, 1e-12)
	assert.InDelta(t, 0.8, got.PerClass["neutral"]["f1"], 1e-12)
	assert.InDelta(t, 2, got.PerClass["supportive"]["support"], 0)
	assert.Equal(t, 1, got.Confusion["supportive"]["critical"])
}

func TestGroupWeights(t *testing.T) {
	exs := smallCorpus()
	var zero []stance.Option
	for g := range features.NumGroups {
		zero = append(zero, stance.WithGroupWeight(g, 0))
	}
	m, err := stance.Train(exs, nil, zero...)
	require.NoError(t, err)
	text := "The minister praised NATO on day 99."
	p, err := m.Predict(text, at(text, "NATO"))
	require.NoError(t, err)
	for i := range p.Probs {
		assert.InDelta(t, 1.0/3, p.Probs[i], 1e-9, "all groups weighted 0 leaves the (equal) priors")
	}

	assert.Equal(t, features.GroupSet(1<<features.NumGroups-1), m.Omitted())

	half, err := stance.Train(exs, nil, stance.WithGroupWeight(features.GroupSide, 0.5))
	require.NoError(t, err)
	assert.Zero(t, half.Omitted())
	var b bytes.Buffer
	_, err = half.WriteTo(&b)
	require.NoError(t, err)
	loaded, err := stance.ReadModel(&b)
	require.NoError(t, err)
	p1, err := half.Predict(text, at(text, "NATO"))
	require.NoError(t, err)
	p2, err := loaded.Predict(text, at(text, "NATO"))
	require.NoError(t, err)
	assert.Equal(t, p1, p2, "weights survive persistence")
	full, err := stance.Train(exs, nil)
	require.NoError(t, err)
	p3, err := full.Predict(text, at(text, "NATO"))
	require.NoError(t, err)
	assert.NotEqual(t, p1.Probs, p3.Probs)
	_, err = stance.Merge(full, half)
	assert.ErrorIs(t, err, stance.ErrIncompatible)

	// The default model weighs unigrams 0: Predict leaves them out, and so
	// may a caller of PredictFeatures.
	def, err := stance.Default()
	require.NoError(t, err)
	assert.Equal(t, features.GroupSet(1<<features.GroupUnigram), def.Omitted())
	for _, ex := range exs {
		sp := stance.Span{Start: ex.Targets[0].Start, End: ex.Targets[0].End}
		all := def.PredictFeatures(def.Extractor().AppendFeatures(nil, ex.Text, sp))
		less := def.PredictFeatures(def.Extractor().AppendFeaturesExcept(nil, ex.Text, sp, def.Omitted()))
		want, err := def.Predict(ex.Text, sp)
		require.NoError(t, err)
		assert.Equal(t, want, all)
		assert.Equal(t, want, less)
	}
}

// TestBadOptions checks that an option given a value out of its range
// stops training with an error naming it, instead of being dropped.
func TestBadOptions(t *testing.T) {
	exs := smallCorpus()
	for name, opt := range map[string]stance.Option{
		"WithAlpha(0)":               stance.WithAlpha(0),
		"WithAlpha(-1)":              stance.WithAlpha(-1),
		"WithAlpha(NaN)":             stance.WithAlpha(math.NaN()),
		"WithAlpha(+Inf)":            stance.WithAlpha(math.Inf(1)),
		"WithAlpha(1e308)":           stance.WithAlpha(1e308),
		"WithVariant(99)":            stance.WithVariant(99),
		"WithGroupWeight(side, -1)":  stance.WithGroupWeight(features.GroupSide, -1),
		"WithGroupWeight(side, 101)": stance.WithGroupWeight(features.GroupSide, 101),
		"WithGroupWeight(NaN)":       stance.WithGroupWeight(features.GroupSide, math.NaN()),
		"WithGroupWeight(99, 1)":     stance.WithGroupWeight(99, 1),
		"WithMaxTextBytes(0)":        stance.WithMaxTextBytes(0),
		"WithMaxTextBytes(1<<40)":    stance.WithMaxTextBytes(1 << 40),
		"WithTemperature(0)":         stance.WithTemperature(0),
		"WithTemperature(1/128)":     stance.WithTemperature(1.0 / 128),
		"WithTemperature(2000)":      stance.WithTemperature(2000),
		"WithTemperature(NaN)":       stance.WithTemperature(math.NaN()),
	} {
		t.Run(name, func(t *testing.T) {
			fn := name[:strings.IndexByte(name, '(')]
			m, err := stance.Train(exs, nil, stance.WithBinary(true), opt)
			assert.Nil(t, m)
			require.ErrorIs(t, err, stance.ErrBadOption)
			assert.Contains(t, err.Error(), fn)

			tr := stance.NewTrainer(nil, opt)
			require.ErrorIs(t, tr.Err(), stance.ErrBadOption)
			err = tr.AddExample(exs[0])
			require.ErrorIs(t, err, stance.ErrBadOption)
			err = tr.Add(exs[0].Text, stance.Span{Start: exs[0].Targets[0].Start, End: exs[0].Targets[0].End}, exs[0].Targets[0].Label)
			require.ErrorIs(t, err, stance.ErrBadOption)
			assert.Zero(t, tr.Examples(), "nothing is counted")
			assert.Zero(t, tr.Model().NumFeatures(), "the model is untrained")
		})
	}
	assert.NoError(t, stance.NewTrainer(nil, stance.WithAlpha(2)).Err())
	// A bad extractor option is refused too.
	ext := features.NewExtractor(features.WithWindow(-1, 2))
	require.ErrorIs(t, ext.Err(), features.ErrBadOption)
	_, err := stance.Train(exs, ext)
	require.ErrorIs(t, err, stance.ErrBadOption)
	require.ErrorIs(t, err, features.ErrBadOption)
	assert.Contains(t, err.Error(), "WithWindow(-1, 2)")
	require.ErrorIs(t, stance.NewTrainer(ext).Err(), stance.ErrBadOption)
	require.NoError(t, features.NewExtractor(features.WithWindow(0, 0)).Err())
	// Every extractor and model that options can build can be read back:
	// the options have the bounds of the file format.
	require.ErrorIs(t, features.NewExtractor(features.WithWindow(1<<16+1, 2)).Err(), features.ErrBadOption)
	widest := features.NewExtractor(features.WithWindow(1<<16, 1<<16))
	require.NoError(t, widest.Err())
	enc, err := widest.MarshalBinary()
	require.NoError(t, err)
	_, err = features.UnmarshalExtractor(enc)
	require.NoError(t, err)
	m, err := stance.Train(exs, widest, stance.WithMaxTextBytes(math.MaxInt32))
	require.NoError(t, err)
	_, err = stance.ReadModel(bytes.NewReader(encode(t, m)))
	require.NoError(t, err)

	// The edges of the ranges are good values.
	_, err = stance.Train(exs, nil, stance.WithAlpha(math.SmallestNonzeroFloat64), stance.WithVariant(stance.Combined),
		stance.WithGroupWeight(features.GroupSide, 0), stance.WithGroupWeight(features.GroupNear, 100), stance.WithMaxTextBytes(1<<20))
	assert.NoError(t, err)
}

func TestReadModelFile(t *testing.T) {
	dir := t.TempDir()
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	path := dir + "/m.stk"
	require.NoError(t, m.WriteFile(path))
	got, err := stance.ReadModelFile(path)
	require.NoError(t, err)
	assert.Equal(t, m.NumFeatures(), got.NumFeatures())

	_, err = stance.ReadModelFile(dir + "/missing.stk")
	assert.ErrorIs(t, err, os.ErrNotExist)
	require.NoError(t, os.WriteFile(dir+"/bad.stk", []byte("not a model at all"), 0o644))
	_, err = stance.ReadModelFile(dir + "/bad.stk")
	assert.ErrorIs(t, err, stance.ErrNotModel)
	assert.Contains(t, err.Error(), "bad.stk", "errors name the file")

	// Bytes after the model: a stream may go on, a file may not.
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for name, extra := range map[string][]byte{"two models": data, "garbage": []byte("GARBAGE")} {
		require.NoError(t, os.WriteFile(dir+"/extra.stk", append(slices.Clone(data), extra...), 0o644))
		_, err = stance.ReadModelFile(dir + "/extra.stk")
		require.ErrorIs(t, err, stance.ErrCorrupt, name)
		assert.Contains(t, err.Error(), fmt.Sprintf("data after the model, from byte %d", len(data)), name)
		_, err = stance.ReadModel(bytes.NewReader(append(slices.Clone(data), extra...)))
		assert.NoError(t, err, name)
	}

	// A read error says how far the reading got.
	_, err = stance.ReadModel(io.MultiReader(bytes.NewReader(data[:100]), iotest.ErrReader(errors.New("disk on fire"))))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "after byte 100: disk on fire")
}

// buildModelFile writes a model file around the given feature ids, with a
// valid checksum, to test what ReadModel does with impossible content.
func buildModelFile(t *testing.T, ids []uint64) []byte {
	t.Helper()
	// Keep the header and the settings; replace the feature list.
	data := modelBytes(t)
	m, err := stance.ReadModel(bytes.NewReader(data))
	require.NoError(t, err)
	payload := data[16 : len(data)-4]
	// The feature count sits after the settings: keep the settings prefix
	// and write a new feature list.
	prefixLen := settingsPrefixLen(t, payload, m.NumFeatures())
	p := append([]byte(nil), payload[:prefixLen]...)
	p = binary.AppendUvarint(p, uint64(len(ids)))
	prev := uint64(0)
	for _, id := range ids {
		p = binary.AppendUvarint(p, id-prev)
		prev = id
		p = append(p, 1, 0, 0)
	}
	out := append([]byte(nil), data[:16]...)
	binary.LittleEndian.PutUint64(out[8:], uint64(len(p)))
	out = append(out, p...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(p, crc32.MakeTable(crc32.Castagnoli)))
}

// settingsPrefixLen finds where the feature count starts in a payload: the
// uvarint of n followed by the rest.
func settingsPrefixLen(t *testing.T, payload []byte, n int) int {
	t.Helper()
	enc := binary.AppendUvarint(nil, uint64(n))
	for i := len(payload) - 1; i >= 0; i-- {
		if bytes.HasPrefix(payload[i:], enc) {
			// The first feature follows; the settings end here if decoding
			// from i gives n features that fill the rest.
			if tryDecodeFeatures(payload[i:], n) {
				return i
			}
		}
	}
	t.Fatal("feature count not found")
	return 0
}

func tryDecodeFeatures(b []byte, n int) bool {
	v, k := binary.Uvarint(b)
	if k <= 0 || v != uint64(n) {
		return false
	}
	b = b[k:]
	for range n * 4 {
		_, k := binary.Uvarint(b)
		if k <= 0 {
			return false
		}
		b = b[k:]
	}
	return len(b) == 0
}

func TestReadModelHostileFeatures(t *testing.T) {
	// A valid checksum around an id whose group does not exist.
	_, err := stance.ReadModel(bytes.NewReader(buildModelFile(t, []uint64{0x10 | 15})))
	assert.ErrorIs(t, err, stance.ErrCorrupt)
	// Clustered ids (1..20000, all in one slot range): refused quickly
	// instead of loading in quadratic time.
	ids := make([]uint64, 20000)
	for i := range ids {
		ids[i] = uint64(i+1) << 4
	}
	_, err = stance.ReadModel(bytes.NewReader(buildModelFile(t, ids)))
	assert.ErrorIs(t, err, stance.ErrCorrupt)
}

// TestParallelTrainEqualsSequential checks that Train, which counts shares
// of the examples on several goroutines, gives the file that one Trainer
// fed every example in order gives, and reports the first bad example.
func TestParallelTrainEqualsSequential(t *testing.T) {
	exs, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	require.Greater(t, len(exs), 2000, "enough examples for shards of at least 1000")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ext := features.NewExtractor()
	opts := []stance.Option{stance.WithAlpha(0.75), stance.WithGroupWeight(features.GroupSide, 0.25)}

	tr := stance.NewTrainer(ext, opts...)
	for _, e := range exs {
		require.NoError(t, tr.AddExample(e))
	}
	m, err := stance.Train(exs, ext, opts...)
	require.NoError(t, err)
	assert.Equal(t, encode(t, tr.Model()), encode(t, m))

	// Bad examples in the first and the last share: the first is reported.
	bad := append([]corpus.Example(nil), exs...)
	bad[len(bad)-3].Targets = append([]corpus.Target(nil), bad[len(bad)-3].Targets...)
	bad[len(bad)-3].Targets[0].Label = "angry"
	bad[10].Targets = append([]corpus.Target(nil), bad[10].Targets...)
	bad[10].Targets[0].End = len(bad[10].Text) + 5
	_, err = stance.Train(bad, ext, opts...)
	require.ErrorIs(t, err, stance.ErrBadSpan)
	assert.Contains(t, err.Error(), fmt.Sprintf("%q", bad[10].ID))
	bad[10] = exs[10]
	_, err = stance.Train(bad, ext, opts...)
	require.ErrorIs(t, err, stance.ErrUnknownLabel)
}

// TestNilOptions checks that nil options, as a conditionally built list
// may hold, are skipped rather than called.
func TestNilOptions(t *testing.T) {
	exs := smallCorpus()
	m, err := stance.Train(exs, features.NewExtractor(nil, features.WithBigrams(false)), nil, stance.WithAlpha(1))
	require.NoError(t, err)
	want, err := stance.Train(exs, features.NewExtractor(features.WithBigrams(false)), stance.WithAlpha(1))
	require.NoError(t, err)
	assert.Equal(t, want.String(), m.String())
	a, err := m.Analyze("NATO met Brazil.", nil, stance.WithMaxMentions(10))
	require.NoError(t, err)
	assert.NotEmpty(t, a.Mentions)
	r := corpus.NewReader(strings.NewReader(""), nil)
	assert.False(t, r.Next())
	assert.NoError(t, r.Err())
}

// TestBadExampleSaysWhere checks that the functions given a slice of
// examples name a bad one by its index, since ids may be empty, on the
// parallel path of Train too, and that AddExample names it by its id.
func TestBadExampleSaysWhere(t *testing.T) {
	exs, err := corpus.Builtin(corpus.Train) // 2,880 sentences: Train splits them among its goroutines
	require.NoError(t, err)
	exs = slices.Clone(exs)
	for i := range exs {
		exs[i].ID = "" // the format allows it
	}
	bad := 2100
	exs[bad].Targets = slices.Clone(exs[bad].Targets)
	exs[bad].Targets[0].End = len(exs[bad].Text) + 1
	want := fmt.Sprintf("stance: examples[%d] target 0: ", bad)
	_, err = stance.Train(exs, nil)
	require.ErrorIs(t, err, stance.ErrBadSpan)
	assert.Contains(t, err.Error(), want)
	var ee *stance.ExampleError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, stance.ExampleError{Index: bad, Target: 0, Err: ee.Err}, *ee)

	m, err := stance.Train(exs[:bad], nil)
	require.NoError(t, err)
	_, err = stance.Evaluate(m, exs)
	require.ErrorIs(t, err, stance.ErrBadSpan)
	assert.Contains(t, err.Error(), want)
	_, _, err = stance.Assess(m, exs)
	assert.Contains(t, err.Error(), want)

	exs[bad].ID = "pol-0042"
	_, err = stance.Evaluate(m, exs)
	assert.Contains(t, err.Error(), fmt.Sprintf(`stance: examples[%d] (id "pol-0042") target 0: `, bad))
	err = stance.NewTrainer(nil).AddExample(exs[bad])
	assert.Contains(t, err.Error(), `stance: example "pol-0042" target 0: `)
}

// TestZeroValues checks that a zero Trainer works as NewTrainer(nil) and
// that a zero Stream says it has no model instead of panicking.
func TestZeroValues(t *testing.T) {
	exs := smallCorpus()
	var zero stance.Trainer
	assert.NotNil(t, zero.Model(), "an empty model, as from NewTrainer(nil)")
	made := stance.NewTrainer(nil)
	for _, ex := range exs {
		require.NoError(t, zero.AddExample(ex))
		require.NoError(t, made.AddExample(ex))
	}
	require.NoError(t, zero.Add("NATO met.", stance.Span{Start: 0, End: 4}, stance.Neutral))
	require.NoError(t, made.Add("NATO met.", stance.Span{Start: 0, End: 4}, stance.Neutral))
	assert.Equal(t, encode(t, made.Model()), encode(t, zero.Model()))

	var s stance.Stream
	for _, text := range []string{"", "NATO was criticised."} {
		err := s.Text(text, nil)
		require.ErrorIs(t, err, stance.ErrNoModel, "%q", text)
		assert.Contains(t, err.Error(), "Model.NewStream")
	}
	assert.Empty(t, s.Entities())
}

func TestTrainNothing(t *testing.T) {
	for _, exs := range [][]corpus.Example{nil, {}, {{Text: "NATO met."}}} {
		m, err := stance.Train(exs, nil)
		require.ErrorIs(t, err, stance.ErrNoData)
		assert.Nil(t, m)
	}
}

// TestFeatureSetKeptInPrediction trains a model of each older feature set
// on sentences whose names its finder and the current one's tell apart
// ("Speaking" opening a sentence, a name to set 3's finder and a word to
// set 4's on; "Attorney" before "General", a name to set 4's finder and
// part of a title to set 5's), so that the sets' ids score differently,
// and checks that every way of classifying with it — Predict, a sentence
// prepared by an extractor of the current set, PredictMentions, Analyze —
// scores the older set's ids.
func TestFeatureSetKeptInPrediction(t *testing.T) {
	for _, c := range []struct {
		version byte
		prefix  string // opens the sentences; the older set finds one name more in it
	}{{3, "Speaking in Oslo, "}, {4, "In Oslo, Attorney General "}} {
		t.Run(fmt.Sprintf("feature set %d", c.version), func(t *testing.T) {
			b, err := features.NewExtractor().MarshalBinary()
			require.NoError(t, err)
			b[0] = c.version
			old, err := features.UnmarshalExtractor(b)
			require.NoError(t, err)
			var exs []corpus.Example
			for i, w := range []struct {
				verb  string
				label stance.Label
			}{{"praised", stance.Supportive}, {"accused", stance.Critical}, {"met", stance.Neutral}} {
				for j, n := range []string{"NATO", "Brazil", "Siemens"} {
					exs = append(exs,
						ex(fmt.Sprintf("a%d-%d", i, j), fmt.Sprintf("%sPetro %s %s.", c.prefix, w.verb, n), n, w.label),
						ex(fmt.Sprintf("b%d-%d", i, j), fmt.Sprintf("Petro %s %s in Oslo.", w.verb, n), n, stance.Neutral))
				}
			}
			m, err := stance.Train(exs, old)
			require.NoError(t, err)
			require.Equal(t, int(c.version), m.Extractor().Version())

			text := c.prefix + "Petro praised NATO."
			sp := at(text, "NATO")
			want := m.PredictFeatures(old.AppendFeatures(nil, text, sp))
			cur := features.NewExtractor()
			require.NotEqual(t, want.Probs, m.PredictFeatures(cur.AppendFeatures(nil, text, sp)).Probs, "the two sets score this sentence apart")

			got, err := m.Predict(text, sp)
			require.NoError(t, err)
			assert.Equal(t, want, got, "Predict")

			var p features.Prepared
			cur.Prepare(&p, text)
			got, err = m.PredictPrepared(&p, sp)
			require.NoError(t, err)
			assert.Equal(t, want, got, "PredictPrepared of a sentence the current set prepared")

			preds, err := m.PredictMentions(nil, &p)
			require.NoError(t, err)
			require.Len(t, preds, len(p.Mentions()), "the preparer's mentions: Oslo, Petro, NATO")
			for i, mn := range p.Mentions() {
				w := m.PredictFeatures(old.AppendFeatures(nil, text, mn))
				for l := range stance.NumLabels {
					assert.InDelta(t, w.Probs[l], preds[i].Probs[l], 1e-9, "PredictMentions, mention %d", i)
				}
			}

			a, err := m.Analyze(text)
			require.NoError(t, err)
			require.Len(t, a.Mentions, 4, "the older set finds a name more before Oslo, Petro and NATO")
			require.Equal(t, "NATO", a.Mentions[3].Text)
			for l := range stance.NumLabels {
				assert.InDelta(t, want.Probs[l], a.Mentions[3].Probs[l], 1e-9, "Analyze")
			}
		})
	}
}

// TestMentionMismatchRefused checks that training, evaluation and
// calibration refuse a target whose Mention is not the text its offsets
// span — offsets counted in runes, as another language's strings count
// them, land a few bytes early in accented text — and accept an empty
// Mention, which says nothing to check.
func TestMentionMismatchRefused(t *testing.T) {
	text := "Café owners in Zürich praised Migros."
	start := strings.Index(text, "Migros")
	runeStart := utf8.RuneCountInString(text[:start])
	require.NotEqual(t, start, runeStart)
	good := corpus.Example{ID: "x1", Text: text, Targets: []corpus.Target{{Start: start, End: start + 6, Mention: "Migros", Label: corpus.Supportive}}}
	bad := good
	bad.Targets = []corpus.Target{{Start: runeStart, End: runeStart + 6, Mention: "Migros", Label: corpus.Supportive}}
	exs := append(smallCorpus(), bad)

	_, err := stance.Train(exs, nil)
	require.ErrorIs(t, err, corpus.ErrMentionMismatch)
	assert.Contains(t, err.Error(), `(id "x1") target 0: corpus: mention mismatch: "Migros", but text[30:36] is "d Migr"`)
	err = stance.NewTrainer(nil).AddExample(bad)
	require.ErrorIs(t, err, corpus.ErrMentionMismatch)
	m, err := stance.Train(smallCorpus(), nil)
	require.NoError(t, err)
	_, err = stance.Evaluate(m, []corpus.Example{good, bad})
	require.ErrorIs(t, err, corpus.ErrMentionMismatch)
	fit := new(stance.TemperatureFit)
	require.ErrorIs(t, fit.Add(m, bad), corpus.ErrMentionMismatch)

	require.NoError(t, stance.NewTrainer(nil).AddExample(good))
	noMention := bad
	noMention.Targets = []corpus.Target{{Start: start, End: start + 6, Label: corpus.Supportive}}
	require.NoError(t, stance.NewTrainer(nil).AddExample(noMention))
	require.NoError(t, fit.Add(m, good))
}

// TestZeroModelAndExtractor checks that a nil or zero Model, and a zero Extractor,
// give errors that say so where the API returns errors, rather than
// panicking or blaming the input ("text too long: limit 0").
func TestZeroModelAndExtractor(t *testing.T) {
	var nilModel *stance.Model
	for name, m := range map[string]*stance.Model{"zero": {}, "nil": nilModel} {
		_, err := m.Predict("Petro accused NATO.", stance.Span{Start: 14, End: 18})
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Predict", name)
		_, err = m.Explain("Petro accused NATO.", stance.Span{Start: 14, End: 18})
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Explain", name)
		_, err = m.Analyze("Petro accused NATO.")
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Analyze", name)
		err = m.NewStream().Text("Petro accused NATO.", nil)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Stream.Text", name)
		var p features.Prepared
		features.NewExtractor().Prepare(&p, "Petro accused NATO.")
		_, err = m.PredictMentions(nil, &p)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s PredictMentions", name)
		exs := smallCorpus()
		_, err = stance.Evaluate(m, exs)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Evaluate", name)
		_, _, err = stance.Assess(m, exs)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Assess", name)
		var fit stance.TemperatureFit
		assert.ErrorIs(t, fit.Add(m, exs[0]), stance.ErrNoModel, "%s TemperatureFit.Add", name)
		_, err = m.Tempered(2)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Tempered", name)
		_, err = m.WriteTo(io.Discard)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s WriteTo", name)
		path := filepath.Join(t.TempDir(), "m.stk")
		assert.ErrorIs(t, m.WriteFile(path), stance.ErrNoModel, "%s WriteFile", name)
		assert.NoFileExists(t, path)
		good, err := stance.Default()
		require.NoError(t, err)
		_, err = stance.Merge(good, m)
		assert.ErrorIs(t, err, stance.ErrNoModel, "%s Merge", name)
	}

	zero := &features.Extractor{}
	assert.ErrorIs(t, zero.Err(), features.ErrBadOption)
	exs := []corpus.Example{{ID: "1", Text: "Critics praised NATO today.", Targets: []corpus.Target{{Start: 16, End: 20, Mention: "NATO", Label: corpus.Supportive}}}}
	_, err := stance.Train(exs, zero)
	assert.ErrorIs(t, err, stance.ErrBadOption, "Train")
	assert.ErrorIs(t, stance.NewTrainer(zero).AddExample(exs[0]), stance.ErrBadOption, "Trainer")
	assert.PanicsWithValue(t, "features: bad option: a zero Extractor: make one with NewExtractor", func() {
		zero.AppendFeatures(nil, "Petro accused NATO.", features.Span{Start: 14, End: 18})
	}, "a method with no error to return panics, saying why")
}
