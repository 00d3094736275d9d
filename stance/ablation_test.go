package stance_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// TestAblation prints the ablation table of the README: each row adds one
// idea to the row above and reports macro-F1 by 5-fold cross-validation on
// NewsMTSC train, on the two NewsMTSC dev files and on the built-in
// corpus's held-out test part. It trains about 70 models, so it is opt-in:
//
//	STANCEKIT_ABLATION=1 go test ./stance -run TestAblation -v
func TestAblation(t *testing.T) {
	if os.Getenv("STANCEKIT_ABLATION") == "" {
		t.Skip("set STANCEKIT_ABLATION=1 to run the ablation (under ten seconds)")
	}
	news := newsmtsc(t, "train.jsonl")
	rw := newsmtsc(t, "dev_rw.jsonl")
	mt := newsmtsc(t, "dev_mt.jsonl")
	own, err := corpus.Builtin(corpus.Train)
	require.NoError(t, err)
	ownTest, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)

	def, err := stance.Default()
	require.NoError(t, err)
	type row struct {
		name string
		fo   []features.Option
		so   []stance.Option
		own  bool
		like *stance.Model // train with this model's extractor and settings instead
	}
	fo := []features.Option{features.WithBigrams(false), features.WithWindow(0, 0), features.WithNegation(false),
		features.WithSides(false), features.WithOthers(false), features.WithClause(false), features.WithLexicon(false), features.WithTrigrams(false),
		features.WithCueTrigrams(false)}
	so := []stance.Option{stance.WithBinary(true)}
	var rows []row
	add := func(name string, f []features.Option, s []stance.Option, own bool) {
		fo = append(append([]features.Option(nil), fo...), f...)
		so = append(append([]stance.Option(nil), so...), s...)
		rows = append(rows, row{name, fo, so, own, nil})
	}
	add("bag of words, target word removed", nil, nil, false)
	add("+ bigrams (with target placeholder)", []features.Option{features.WithBigrams(true)}, nil, false)
	add("+ side-tagged window (6, near 2)", []features.Option{features.WithWindow(6, 2)}, nil, false)
	add("+ negation scope", []features.Option{features.WithNegation(true)}, nil, false)
	add("+ side of target for every word", []features.Option{features.WithSides(true)}, nil, false)
	add("+ other names as placeholders", []features.Option{features.WithOthers(true)}, nil, false)
	add("+ target-clause features", []features.Option{features.WithClause(true)}, nil, false)
	add("+ cue-word lexicon features", []features.Option{features.WithLexicon(true)}, nil, false)
	add("counts instead of binary", nil, []stance.Option{stance.WithBinary(false)}, false)
	add("+ target trigrams", []features.Option{features.WithTrigrams(true)}, nil, false)
	add("+ cue trigrams", []features.Option{features.WithCueTrigrams(true)}, nil, false)
	rows = append(rows, row{name: "+ group weights, alpha 0.75 (the default model's settings)", like: def})
	rows = append(rows, row{name: "+ built-in corpus train part (the default model)", like: def, own: true})

	var b strings.Builder
	fmt.Fprintf(&b, "\n| features and settings | CV (NewsMTSC train) | dev_rw | dev_mt | corpus test |\n|---|---|---|---|---|\n")
	folds := corpus.KFold(news, 5, 1)
	for _, r := range rows {
		ext := features.NewExtractor(r.fo...)
		newTrainer := func() *stance.Trainer { return stance.NewTrainer(ext, r.so...) }
		if r.like != nil {
			newTrainer = r.like.NewTrainer
		}
		var c stance.Confusion
		for _, f := range folds {
			tr := newTrainer()
			for _, i := range f.Train {
				require.NoError(t, tr.AddExample(news[i]))
			}
			if r.own {
				for _, ex := range own {
					require.NoError(t, tr.AddExample(ex))
				}
			}
			test := make([]corpus.Example, len(f.Test))
			for k, i := range f.Test {
				test[k] = news[i]
			}
			rep, err := stance.Evaluate(tr.Model(), test)
			require.NoError(t, err)
			for g := range c {
				for p := range c[g] {
					c[g][p] += rep.Confusion[g][p]
				}
			}
		}
		train := news
		if r.own {
			train = append(append([]corpus.Example(nil), news...), own...)
		}
		tr := newTrainer()
		for _, ex := range train {
			require.NoError(t, tr.AddExample(ex))
		}
		m := tr.Model()
		scores := []float64{c.Report().MacroF1}
		for _, set := range [][]corpus.Example{rw, mt, ownTest} {
			rep, err := stance.Evaluate(m, set)
			require.NoError(t, err)
			scores = append(scores, rep.MacroF1)
		}
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %.3f |\n", r.name, scores[0], scores[1], scores[2], scores[3])
	}
	t.Log(b.String())
}
