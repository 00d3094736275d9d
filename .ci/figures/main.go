// Command figures prints the README's figures that no example program
// prints: the default model's macro-F1 on the corpus test part by batch,
// its mean label probability with and without its temperature, and 5-fold
// cross-validation on NewsMTSC train with the corpus's first batch or both
// batches added, over four fold seeds. Run from the repository root, with
// ../shared beside it:
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
	"strconv"
	"strings"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/stance"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "figures:", err)
		os.Exit(1)
	}
}

// firstBatch reports whether ex is of the corpus's first batch (ids up to 440).
func firstBatch(ex corpus.Example) bool {
	_, num, _ := strings.Cut(ex.ID, "-")
	n, err := strconv.Atoi(num)
	return err == nil && n <= 440
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
	var first, second []corpus.Example
	for _, ex := range test {
		if firstBatch(ex) {
			first = append(first, ex)
		} else {
			second = append(second, ex)
		}
	}
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

	files := []string{"../shared/data/newsmtsc/dev_rw.jsonl", "../shared/data/newsmtsc/dev_mt.jsonl", "corpus/data/test.jsonl"}
	for _, t := range []float64{1, def.Temperature()} {
		tm, err := def.Tempered(t)
		if err != nil {
			return err
		}
		for _, f := range files {
			exs, err := corpus.ReadFile(f)
			if err != nil {
				return err
			}
			var sum float64
			var n, right int
			for _, ex := range exs {
				for _, tg := range ex.Targets {
					p, err := tm.Predict(ex.Text, stance.Span{Start: tg.Start, End: tg.End})
					if err != nil {
						return fmt.Errorf("%s: %s: %w", f, ex.ID, err)
					}
					sum += p.Prob(p.Label)
					n++
					if p.Label == tg.Label {
						right++
					}
				}
			}
			fmt.Printf("T=%.2f %s: mean probability of the label %.3f, accuracy %.3f\n", t, f, sum/float64(n), float64(right)/float64(n))
		}
	}

	news, err := corpus.ReadFile("../shared/data/newsmtsc/train.jsonl")
	if err != nil {
		return err
	}
	own, err := corpus.Builtin(corpus.Train)
	if err != nil {
		return err
	}
	var ownFirst []corpus.Example
	for _, ex := range own {
		if firstBatch(ex) {
			ownFirst = append(ownFirst, ex)
		}
	}
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
