package features_test

import (
	"fmt"
	"strconv"
	"strings"
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

// BenchmarkLayoutManyNames lays out one sentence naming 1,000 and then
// 16,000 entities with no clause break: time per name should stay flat
// (the clause bounds of all mentions are found in one scan, not one scan
// each).
func BenchmarkLayoutManyNames(b *testing.B) {
	for _, k := range []int{1000, 16000} {
		b.Run(strconv.Itoa(k), func(b *testing.B) {
			var sb strings.Builder
			for i := range k {
				fmt.Fprintf(&sb, "Name%c%c and ", 'a'+i%26, 'a'+i/26%26)
			}
			text := sb.String()
			e := features.NewExtractor()
			var p features.Prepared
			var l features.Layout
			e.Prepare(&p, text)
			if len(p.Mentions()) < k {
				b.Fatalf("%d mentions, want %d", len(p.Mentions()), k)
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if !e.Layout(&l, &p, 0) {
					b.Fatal("no layout")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(k), "ns/name")
		})
	}
}
