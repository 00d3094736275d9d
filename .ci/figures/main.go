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
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/stance"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "figures:", err)
		os.Exit(1)
	}
}

func run() error {
	path := flag.String("model", "", "model file for the by-batch figure (default: the embedded model)")
	flag.Parse()
	def, err := stance.Default()
	if err != nil {
		return err
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

	news, err := corpus.ReadFile("../shared/data/newsmtsc/train.jsonl")
	if err != nil {
		return err
	}
	own, err := corpus.Builtin(corpus.Train)
	if err != nil {
		return err
	}
	ownFirst := corpus.Filter(own, corpus.InBatch(1))
	for _, seed := range []uint64{0, 1, 2, 7} {
		for _, extra := range [][]corpus.Example{ownFirst, own} {
			var c stance.Confusion
			for _, f := range corpus.KFold(news, 5, seed) {
				tr := def.NewTrainer()
				for _, i := range f.Train {
					if err := tr.AddExample(news[i]); err != nil {
						return err
					}
				}
				for _, ex := range extra {
					if err := tr.AddExample(ex); err != nil {
						return err
					}
				}
				fm := tr.Model()
				for _, i := range f.Test {
					for _, tg := range news[i].Targets {
						p, err := fm.Predict(news[i].Text, stance.Span{Start: tg.Start, End: tg.End})
						if err != nil {
							return err
						}
						c.Add(tg.Label, p.Label)
					}
				}
			}
			fmt.Printf("NewsMTSC 5-fold CV, seed %d, with %d corpus train sentences: macro-F1 %.4f\n", seed, len(extra), c.Report().MacroF1)
		}
	}
	return nil
}
