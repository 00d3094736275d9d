// Package gomlbaseline trains and runs goml's text.NaiveBayes on exactly
// the features stancekit uses, so that the two can be compared side by
// side in examples/evaluate and in benchmarks. It exists for comparison
// only: goml is not stancekit's scorer.
package gomlbaseline

import (
	"fmt"
	"io"

	"github.com/cdipaolo/goml/base"
	"github.com/cdipaolo/goml/text"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// keepAll is goml's sanitiser that removes no rune, so that the encoded
// pairs reach the tokenizer unchanged.
func keepAll(rune) bool { return false }

// Train trains goml's naive Bayes on every target of exs with the features
// of ext less the groups in omit — pass the stancekit model's Omitted(),
// so that goml sees exactly the ids the model scores. goml learns from a
// channel in a goroutine of its own; Train waits for it to finish. goml's
// progress output is discarded.
func Train(exs []corpus.Example, ext *features.Extractor, omit features.GroupSet) (*text.NaiveBayes, error) {
	stream := make(chan base.TextDatapoint, 256)
	errs := make(chan error)
	nb := text.NewNaiveBayes(stream, uint8(len(corpus.Labels)), keepAll)
	nb.Output = io.Discard
	nb.UpdateTokenizer(features.GomlTokenizer{Extractor: ext, Omit: omit})
	go nb.OnlineLearn(errs)
	var first error
	done := make(chan struct{})
	go func() {
		for err := range errs {
			if first == nil {
				first = err
			}
		}
		close(done)
	}()
	for _, ex := range exs {
		for _, t := range ex.Targets {
			stream <- base.TextDatapoint{
				X: features.EncodePair(ex.Text, features.Span{Start: t.Start, End: t.End}),
				Y: uint8(t.Label.Index()),
			}
		}
	}
	close(stream)
	<-done
	if first != nil {
		return nil, fmt.Errorf("goml: %w", first)
	}
	return nb, nil
}

// Predict returns goml's label for the target span of text.
func Predict(nb *text.NaiveBayes, text string, target features.Span) corpus.Label {
	return corpus.Labels[nb.Predict(features.EncodePair(text, target))]
}
