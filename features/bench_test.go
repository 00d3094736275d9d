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

// BenchmarkGazetteerSharedPrefixes matches a gazetteer of 2,000 forms of
// MaxAliasWords words that share all but their last word against 40,000
// copies of that shared word: the worst case for a matcher that tries
// every form starting at a token. Time per token should stay flat as the
// forms grow in number (the trie walks one path, at most MaxAliasWords
// deep, from each token).
func BenchmarkGazetteerSharedPrefixes(b *testing.B) {
	prefix := strings.Repeat("a ", features.MaxAliasWords-1)
	text := strings.Repeat("a ", 40000)
	for _, forms := range []int{20, 2000} {
		b.Run(strconv.Itoa(forms), func(b *testing.B) {
			ents := make([]features.Entity, forms)
			for i := range ents {
				ents[i] = features.Entity{Name: prefix + "n" + strconv.Itoa(i)}
			}
			g, err := features.NewGazetteer(ents)
			if err != nil {
				b.Fatal(err)
			}
			toks := features.Tokenize(nil, text)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if ms := g.AppendMatches(nil, text, toks); len(ms) != 0 {
					b.Fatalf("%d matches in a text of none", len(ms))
				}
			}
		})
	}
}
