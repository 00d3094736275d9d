package features_test

import (
	"testing"

	"github.com/stancekit/stancekit/features"
)

const benchSentence = "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza, officials said on Tuesday."

// BenchmarkTokenize tokenizes one news sentence into a reused slice.
func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	toks := make([]features.Token, 0, 64)
	for b.Loop() {
		toks = features.Tokenize(toks[:0], benchSentence)
		if len(toks) == 0 {
			b.Fatal("no tokens")
		}
	}
}

// BenchmarkPrepare prepares one news sentence for classification.
func BenchmarkPrepare(b *testing.B) {
	e := features.NewExtractor()
	var p features.Prepared
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	for b.Loop() {
		e.Prepare(&p, benchSentence)
		if len(p.Tokens()) == 0 {
			b.Fatal("no tokens")
		}
	}
}

// BenchmarkMentions finds the names in one news sentence.
func BenchmarkMentions(b *testing.B) {
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	spans := make([]features.Span, 0, 16)
	for b.Loop() {
		spans = features.Mentions(spans[:0], benchSentence)
		if len(spans) == 0 {
			b.Fatal("no mentions")
		}
	}
}
