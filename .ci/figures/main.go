// Command figures prints the README's figures that no example program
// prints: the default model's macro-F1 on the corpus test part by batch,
// and 5-fold cross-validation on NewsMTSC train with the corpus's first
// batch or both batches added, over four fold seeds. Run from the
// repository root, with ../shared beside it:
//
//	go run ./.ci/figures [-model PATH]
//
// -model scores another model file for the first figure (the README's
// "before" column: git show 9f75507:stance/default.model > before.stk).
//
// With -cv it prints instead the figures that decided the default model's
// features: 5-fold cross-validation over the whole training data
// (NewsMTSC train and the corpus's train part) at fold seeds 1 and 7,
// (or those of -seeds, and then their mean)
// with macro-F1 over all folds and over their NewsMTSC and corpus
// examples apart, then the macro-F1 on dev_rw, dev_mt and the corpus test
// part of the model trained on all of it. The settings are the default
// model's (the README's rebuild command) changed by -trigrams, -cue-trigrams, -alpha,
// -variant and -weights:
//
//	go run ./.ci/figures -cv                              # the default settings
//	go run ./.ci/figures -cv -cue-trigrams=false          # before the cue trigrams
//	go run ./.ci/figures -cv -trigrams=false -cue-trigrams=false  # before the target trigrams
//	go run ./.ci/figures -cv -weights target-trigram=1.5  # another weight
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/modelflag"
	"github.com/stancekit/stancekit/stance"
)

// The default model's settings, as the README's rebuild command gives
// them (less -calibrate, which does not change a label).
const (
	defaultAlpha   = 0.75
	defaultWeights = "unigram=0,bigram=0.5,window=1.5,side=0.25,cue=1.5,near=1.5"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "figures:", err)
		os.Exit(1)
	}
}

func run() error {
	path := flag.String("model", "", "model file for the by-batch figure (default: the embedded model)")
	cv := flag.Bool("cv", false, "print the cross-validation that decided the default model's features instead")
	trigrams := flag.Bool("trigrams", true, "with -cv: target trigram features")
	cueTrigrams := flag.Bool("cue-trigrams", true, "with -cv: cue trigram features")
	alpha := flag.Float64("alpha", defaultAlpha, "with -cv: Lidstone smoothing")
	variant := flag.String("variant", "multinomial", "with -cv: naive-Bayes variant")
	weights := flag.String("weights", "", "with -cv: weights on top of the default model's; "+modelflag.WeightsUsage())
	seedList := flag.String("seeds", "1,7", "with -cv: comma-separated fold seeds")
	flag.Parse()
	def, err := stance.Default()
	if err != nil {
		return err
	}
	if *cv {
		v, err := stance.ParseVariant(*variant)
		if err != nil {
			return err
		}
		opts := []stance.Option{stance.WithAlpha(*alpha), stance.WithVariant(v)}
		for _, w := range []string{defaultWeights, *weights} {
			wo, err := modelflag.ParseWeights(w)
			if err != nil {
				return err
			}
			opts = append(opts, wo...)
		}
		// At the default flags the model trained on all of it must be the
		// default model but for its temperature, or the constants above
		// have drifted from the README's rebuild command.
		seeds, err := parseSeeds(*seedList)
		if err != nil {
			return err
		}
		var want *stance.Model
		if !modelFlagSet() {
			want = def
		}
		return crossValidate(features.NewExtractor(features.WithTrigrams(*trigrams), features.WithCueTrigrams(*cueTrigrams)), opts, seeds, want)
	}
	m := def
	if *path != "" {
		if m, err = stance.ReadModelFile(*path); err != nil {
			return err
		}
	}
	test, err := corpus.Builtin(corpus.Test)
	if err != nil {
		return err
	}
	first, second := corpus.Filter(test, corpus.InBatch(1)), corpus.Filter(test, corpus.InBatch(2))
	for _, part := range []struct {
		name string
		exs  []corpus.Example
	}{{"corpus test, first batch", first}, {"corpus test, second batch", second}} {
		r, err := stance.Evaluate(m, part.exs)
		if err != nil {
			return err
		}
		fmt.Printf("%s: macro-F1 %.3f on %d targets\n", part.name, r.MacroF1, r.Examples)
	}

	news, own, err := trainingData()
	if err != nil {
		return err
	}
	// The corpus parts are the same in every fold: train them once and
	// merge each fold's NewsMTSC model with them, which gives exactly the
	// model trained on both (stance.Merge).
	parts := [][]corpus.Example{corpus.Filter(own, corpus.InBatch(1)), own}
	var extras []*stance.Model
	for _, part := range parts {
		m, err := trainWith(def, part)
		if err != nil {
			return err
		}
		extras = append(extras, m)
	}
	for _, seed := range []uint64{0, 1, 2, 7} {
		c := make([]stance.Confusion, len(extras))
		for _, f := range corpus.KFold(news, 5, seed) {
			nm, err := trainWith(def, pick(news, f.Train))
			if err != nil {
				return err
			}
			for k, extra := range extras {
				m, err := stance.Merge(nm, extra)
				if err != nil {
					return err
				}
				if err := predictTargets(m, news, f.Test, func(_ int, gold, pred stance.Label) { c[k].Add(gold, pred) }); err != nil {
					return err
				}
			}
		}
		for k, part := range parts {
			fmt.Printf("NewsMTSC 5-fold CV, seed %d, with %d corpus train sentences: macro-F1 %.4f\n", seed, len(part), c[k].Report().MacroF1)
		}
	}
	return nil
}

// trainingData reads the default model's training data: NewsMTSC train
// and the built-in corpus's train part.
func trainingData() (news, own []corpus.Example, err error) {
	if news, err = corpus.ReadFile("../shared/data/newsmtsc/train.jsonl"); err != nil {
		return nil, nil, err
	}
	own, err = corpus.Builtin(corpus.Train)
	return news, own, err
}

// modelFlagSet reports whether a flag that changes the model was given:
// any but -cv, -seeds and -model.
func modelFlagSet() bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || !slices.Contains([]string{"cv", "seeds", "model"}, f.Name) })
	return set
}

// trainWith trains a model of like's extractor and settings on exs.
func trainWith(like *stance.Model, exs []corpus.Example) (*stance.Model, error) {
	tr := like.NewTrainer()
	for _, ex := range exs {
		if err := tr.AddExample(ex); err != nil {
			return nil, err
		}
	}
	return tr.Model(), nil
}

// pick returns the examples exs[i] for i in idx.
func pick(exs []corpus.Example, idx []int) []corpus.Example {
	out := make([]corpus.Example, len(idx))
	for k, i := range idx {
		out[k] = exs[i]
	}
	return out
}

// predictTargets predicts every target of the examples exs[i], i in idx,
// with m, and calls add with i and the gold and predicted labels.
func predictTargets(m *stance.Model, exs []corpus.Example, idx []int, add func(i int, gold, pred stance.Label)) error {
	for _, i := range idx {
		for _, tg := range exs[i].Targets {
			p, err := m.Predict(exs[i].Text, stance.Span{Start: tg.Start, End: tg.End})
			if err != nil {
				return err
			}
			add(i, tg.Label, p.Label)
		}
	}
	return nil
}

// parseSeeds parses -seeds.
func parseSeeds(s string) ([]uint64, error) {
	var seeds []uint64
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.ParseUint(strings.TrimSpace(f), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("-seeds: %q is not a seed: %w", f, err)
		}
		seeds = append(seeds, n)
	}
	return seeds, nil
}

// crossValidate prints 5-fold cross-validation over NewsMTSC train and the
// corpus's train part together, at the given fold seeds, for models of ext
// and opts, then the dev and corpus test macro-F1 of such a model trained
// on all of it. If want is not nil, that model must equal want at want's
// temperature.
func crossValidate(ext *features.Extractor, opts []stance.Option, seeds []uint64, want *stance.Model) error {
	news, own, err := trainingData()
	if err != nil {
		return err
	}
	all := append(append([]corpus.Example(nil), news...), own...)
	train := func(exs []corpus.Example) (*stance.Model, error) { return stance.Train(exs, ext, opts...) }
	var sum float64
	for _, seed := range seeds {
		var c, cn, co stance.Confusion // all folds, their NewsMTSC and corpus examples
		for _, f := range corpus.KFold(all, 5, seed) {
			m, err := train(pick(all, f.Train))
			if err != nil {
				return err
			}
			err = predictTargets(m, all, f.Test, func(i int, gold, pred stance.Label) {
				c.Add(gold, pred)
				if i < len(news) {
					cn.Add(gold, pred)
				} else {
					co.Add(gold, pred)
				}
			})
			if err != nil {
				return err
			}
		}
		fmt.Printf("5-fold CV over NewsMTSC train and the corpus train part, seed %d: macro-F1 %.4f (NewsMTSC examples %.4f, corpus examples %.4f)\n",
			seed, c.Report().MacroF1, cn.Report().MacroF1, co.Report().MacroF1)
		sum += c.Report().MacroF1
	}
	if len(seeds) > 1 {
		fmt.Printf("mean over the %d seeds: macro-F1 %.4f\n", len(seeds), sum/float64(len(seeds)))
	}
	m, err := train(all)
	if err != nil {
		return err
	}
	if want != nil {
		t, err := m.Tempered(want.Temperature())
		if err != nil {
			return err
		}
		var got, exp bytes.Buffer
		if _, err := t.WriteTo(&got); err != nil {
			return err
		}
		if _, err := want.WriteTo(&exp); err != nil {
			return err
		}
		if !bytes.Equal(got.Bytes(), exp.Bytes()) {
			return errors.New("the default settings here differ from the default model's: update defaultAlpha and defaultWeights")
		}
	}
	test, err := corpus.Builtin(corpus.Test)
	if err != nil {
		return err
	}
	for _, set := range []struct {
		name string
		path string
	}{{"dev_rw", "../shared/data/newsmtsc/dev_rw.jsonl"}, {"dev_mt", "../shared/data/newsmtsc/dev_mt.jsonl"}, {"corpus test", ""}} {
		exs := test
		if set.path != "" {
			if exs, err = corpus.ReadFile(set.path); err != nil {
				return err
			}
		}
		r, err := stance.Evaluate(m, exs)
		if err != nil {
			return err
		}
		fmt.Printf("%s: macro-F1 %.4f\n", set.name, r.MacroF1)
	}
	return nil
}
