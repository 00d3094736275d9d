package stance_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/gomlbaseline"
	"github.com/stancekit/stancekit/stance"
)

type pair struct {
	text string
	sp   stance.Span
}

func benchPairs(b *testing.B) []pair {
	exs := newsmtsc(b, "dev_rw.jsonl")
	var ps []pair
	for _, ex := range exs {
		for _, t := range ex.Targets {
			ps = append(ps, pair{ex.Text, stance.Span{Start: t.Start, End: t.End}})
		}
	}
	return ps
}

// BenchmarkPredict classifies one (sentence, target) pair with the default
// model, rotating through the NewsMTSC dev_rw sentences.
func BenchmarkPredict(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchPredict(b, m)
}

// benchPredict predicts with m, rotating through the dev_rw pairs.
func benchPredict(b *testing.B, m *stance.Model) {
	ps := benchPairs(b)
	warmUp(b, m, ps)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := ps[i%len(ps)]
		if _, err := m.Predict(p.text, p.sp); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// warmUp predicts every pair once before the timed loop, so that the loop
// measures the steady state: the first prediction of a process builds the
// features package's lazily made tables (the common-word set, ~1 MB), which
// b.Loop would otherwise count in the figures, as about 5 B/op over a run
// of 200,000 predictions.
func warmUp(b *testing.B, m *stance.Model, ps []pair) {
	for _, p := range ps {
		if _, err := m.Predict(p.text, p.sp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPredictGoml is goml's NaiveBayes.Predict on the same sentences
// and the same features — the ids the default model scores, without the
// groups it weighs 0 — trained on the default model's training data
// (NewsMTSC train and the built-in corpus's train part). It logs how many
// ids that is over the pairs, against all the extractor's ids (-test.v).
func BenchmarkPredictGoml(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	ps := benchPairs(b)
	scored, all := 0, 0
	for _, p := range ps {
		scored += len(m.Extractor().AppendFeaturesExcept(nil, p.text, p.sp, m.Omitted()))
		all += len(m.Extractor().AppendFeatures(nil, p.text, p.sp))
	}
	b.Logf("%d pairs: %d ids scored, %d from the extractor", len(ps), scored, all)
	own, err := corpus.Builtin(corpus.Train)
	if err != nil {
		b.Fatal(err)
	}
	nb, err := gomlbaseline.Train(append(newsmtsc(b, "train.jsonl"), own...), m.Extractor(), m.Omitted())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := ps[i%len(ps)]
		if l := gomlbaseline.Predict(nb, p.text, p.sp); l.Index() < 0 {
			b.Fatal("bad label")
		}
		i++
	}
}

// BenchmarkTrain trains on NewsMTSC train; examples/s is the figure to read.
func BenchmarkTrain(b *testing.B) {
	train := newsmtsc(b, "train.jsonl")
	n := corpus.ComputeStats(train).Targets
	b.ReportAllocs()
	for b.Loop() {
		m, err := stance.Train(train, features.NewExtractor())
		if err != nil || m.NumFeatures() == 0 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "examples/s")
}

// benchArticle builds a multi-paragraph article from the built-in corpus's
// test sentences: the first 120 of the corpus's first batch (ids up to
// 440), the same article whatever later batches add: 13,318 bytes.
func benchArticle(b *testing.B) string {
	exs, err := corpus.Builtin(corpus.Test)
	if err != nil {
		b.Fatal(err)
	}
	return paragraphs(corpus.Filter(exs, corpus.InBatch(1))[:120])
}

// paragraphs joins the examples' texts into paragraphs of four sentences.
func paragraphs(exs []corpus.Example) string {
	var sb strings.Builder
	for i, ex := range exs {
		sb.WriteString(ex.Text)
		if i%4 == 3 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteString(" ")
		}
	}
	return sb.String()
}

// benchStream runs text through a new Stream of m per iteration, in MB/s,
// checking that it reports as many mentions as Analyze finds (some).
func benchStream(b *testing.B, m *stance.Model, text string) {
	a, err := m.Analyze(text)
	if err != nil || len(a.Mentions) == 0 {
		b.Fatal(err, "no mentions")
	}
	b.Logf("%d bytes, %d mentions: one every %d bytes", len(text), len(a.Mentions), len(text)/len(a.Mentions))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := m.NewStream().Text(text, func(stance.Mention) error { n++; return nil })
		if err != nil || n != len(a.Mentions) {
			b.Fatal(err, n)
		}
	}
}

// BenchmarkAnalyze runs an article of 120 sentences through sentence
// splitting, entity finding, alias resolution, classification and holder
// attribution; MB/s is the figure to read.
func BenchmarkAnalyze(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchStream(b, m, benchArticle(b))
}

// BenchmarkAnalyzeCall is BenchmarkAnalyze through Model.Analyze, which
// also gathers every mention and the entity summaries into an Analysis.
func BenchmarkAnalyzeCall(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := benchArticle(b)
	want, err := m.Analyze(text)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := m.Analyze(text)
		if err != nil || len(a.Mentions) != len(want.Mentions) || len(a.Entities) != len(want.Entities) {
			b.Fatal(err, len(a.Mentions), len(a.Entities))
		}
	}
}

// BenchmarkAnalyzeNews is BenchmarkAnalyze on real news text: the
// NewsMTSC dev_rw sentences, four to a paragraph, which name fewer
// entities a byte than the corpus's sentences (written to hold several
// targets each). It needs ../shared/data and skips without it.
func BenchmarkAnalyzeNews(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchStream(b, m, paragraphs(newsmtsc(b, "dev_rw.jsonl")))
}

// BenchmarkReadModel decodes the embedded default model.
func BenchmarkReadModel(b *testing.B) {
	data, err := os.ReadFile("default.model")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m, err := stance.ReadModel(bytes.NewReader(data))
		if err != nil || m.NumFeatures() == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkPredictParallel runs BenchmarkPredict's work on every core;
// compare its ns/op with BenchmarkPredict's for the scaling.
func BenchmarkPredictParallel(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	ps := benchPairs(b)
	warmUp(b, m, ps)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			p := ps[i%len(ps)]
			if _, err := m.Predict(p.text, p.sp); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkTrainStream2M streams two million synthetic examples through one
// Trainer and reports the live heap after each half million: memory is
// bounded by the number of distinct features (the model), not by how many
// examples pass through. Opt-in, as it runs for a minute or more:
//
//	STANCEKIT_BIG=1 go test ./stance -run '^$' -bench TrainStream2M -benchtime 1x -v
func BenchmarkTrainStream2M(b *testing.B) {
	if os.Getenv("STANCEKIT_BIG") == "" {
		b.Skip("set STANCEKIT_BIG=1 to stream two million examples")
	}
	const n = 2_000_000
	// 60 real words and 340 made-up ones: a feature space of a few hundred
	// thousand that the stream saturates early.
	words := strings.Fields(`the a minister said praised accused backed criticised met visited
		government company team fans police report talks deal plan budget vote court ruling
		strong weak new old failed won lost record growth crisis support attack defend blame
		on in at with for of by after before while but not never again also today later`)
	for i := range 340 {
		words = append(words, fmt.Sprintf("w%03d", i))
	}
	names := []string{"NATO", "Acme", "Brazil", "Petro", "the EU", "Globex", "São Paulo", "Initech"}
	rng := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for b.Loop() {
		tr := stance.NewTrainer(nil)
		var ms runtime.MemStats
		for i := range n {
			sb.Reset()
			k := 6 + rng.IntN(14)
			tpos := rng.IntN(k)
			var start, end int
			for j := range k {
				if j > 0 {
					sb.WriteByte(' ')
				}
				if j == tpos {
					start = sb.Len()
					sb.WriteString(names[rng.IntN(len(names))])
					end = sb.Len()
					continue
				}
				sb.WriteString(words[rng.IntN(len(words))])
			}
			sb.WriteByte('.')
			if err := tr.Add(sb.String(), stance.Span{Start: start, End: end}, stance.Labels[rng.IntN(3)]); err != nil {
				b.Fatal(err)
			}
			if (i+1)%500_000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				b.Logf("%d examples: live heap %.1f MiB", i+1, float64(ms.HeapAlloc)/(1<<20))
			}
		}
		m := tr.Model()
		b.Logf("model: %d features", m.NumFeatures())
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "examples/s")
}

// BenchmarkPredictStages times the three stages of BenchmarkPredict apart,
// each alone in its loop: preparing the sentence (tokens, hashes, names,
// cue words), building the target's feature ids, and scoring them; then
// each pair of stages in one loop, to show what they cost each other.
func BenchmarkPredictStages(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	ext := m.Extractor()
	ps := benchPairs(b)
	prepared := make([]features.Prepared, len(ps))
	ids := make([][]uint64, len(ps))
	for i, p := range ps {
		ext.Prepare(&prepared[i], p.text)
		ids[i] = ext.AppendPreparedExcept(nil, &prepared[i], p.sp, m.Omitted())
	}
	b.Run("prepare", func(b *testing.B) {
		var p features.Prepared
		i := 0
		for b.Loop() {
			ext.Prepare(&p, ps[i%len(ps)].text)
			if len(p.Tokens()) == 0 {
				b.Fatal("no tokens")
			}
			i++
		}
	})
	b.Run("ids", func(b *testing.B) {
		var buf []uint64
		i := 0
		for b.Loop() {
			k := i % len(ps)
			if buf = ext.AppendPreparedExcept(buf[:0], &prepared[k], ps[k].sp, m.Omitted()); len(buf) == 0 {
				b.Fatal("no features")
			}
			i++
		}
	})
	b.Run("score", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if p := m.PredictFeatures(ids[i%len(ids)]); p.Label.Index() < 0 {
				b.Fatal("bad label")
			}
			i++
		}
	})
	// Two stages in one loop, each on its own data as above: what one
	// costs the other when they take turns, as in Predict. The loops are
	// written out, not built from the single stages' bodies through
	// closures: the indirection measured +7% on the score stage (p=0.021,
	// eight interleaved rounds), and these loops are the measurement.
	b.Run("prepare+score", func(b *testing.B) {
		var p features.Prepared
		i := 0
		for b.Loop() {
			k := i % len(ps)
			ext.Prepare(&p, ps[k].text)
			if pr := m.PredictFeatures(ids[k]); len(p.Tokens()) == 0 || pr.Label.Index() < 0 {
				b.Fatal("no tokens or bad label")
			}
			i++
		}
	})
	b.Run("prepare+ids", func(b *testing.B) {
		var p features.Prepared
		var buf []uint64
		i := 0
		for b.Loop() {
			k := i % len(ps)
			ext.Prepare(&p, ps[k].text)
			if buf = ext.AppendPreparedExcept(buf[:0], &p, ps[k].sp, m.Omitted()); len(buf) == 0 {
				b.Fatal("no features")
			}
			i++
		}
	})
	b.Run("ids+score", func(b *testing.B) {
		var buf []uint64
		i := 0
		for b.Loop() {
			k := i % len(ps)
			buf = ext.AppendPreparedExcept(buf[:0], &prepared[k], ps[k].sp, m.Omitted())
			if pr := m.PredictFeatures(buf); pr.Label.Index() < 0 {
				b.Fatal("bad label")
			}
			i++
		}
	})
}

// BenchmarkPredictPruned is BenchmarkPredict with the default model pruned
// to the features seen at least 16 times (8,458, a table of 32,768
// 24-byte slots, 768 KiB, within a 1 MiB L2 such as this VM's; it logs the
// count): the difference is what cache misses on the full table cost.
func BenchmarkPredictPruned(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	m = m.Prune(16)
	b.Logf("%d features", m.NumFeatures())
	benchPredict(b, m)
}

// BenchmarkTrainer streams NewsMTSC train through one Trainer, the
// single-goroutine path that Train shares among cores.
func BenchmarkTrainer(b *testing.B) {
	train := newsmtsc(b, "train.jsonl")
	n := corpus.ComputeStats(train).Targets
	b.ReportAllocs()
	for b.Loop() {
		tr := stance.NewTrainer(features.NewExtractor())
		for _, ex := range train {
			if err := tr.AddExample(ex); err != nil {
				b.Fatal(err)
			}
		}
		if tr.Model().NumFeatures() == 0 {
			b.Fatal("empty model")
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "examples/s")
}

// BenchmarkPredictMentions classifies every named mention of prepared
// corpus test sentences (about 2.4 a sentence), one PredictPrepared
// call per mention ("each") against one PredictMentions call per sentence
// ("together"); ns/op is per sentence.
func BenchmarkPredictMentions(b *testing.B) {
	m, err := stance.Default()
	if err != nil {
		b.Fatal(err)
	}
	exs, err := corpus.Builtin(corpus.Test)
	if err != nil {
		b.Fatal(err)
	}
	prepared := make([]features.Prepared, len(exs))
	for i, ex := range exs {
		m.Extractor().Prepare(&prepared[i], ex.Text)
	}
	b.Run("each", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			p := &prepared[i%len(prepared)]
			for _, sp := range p.Mentions() {
				if _, err := m.PredictPrepared(p, sp); err != nil {
					b.Fatal(err)
				}
			}
			i++
		}
	})
	b.Run("together", func(b *testing.B) {
		b.ReportAllocs()
		dst := make([]stance.Prediction, 0, 64)
		i := 0
		for b.Loop() {
			p := &prepared[i%len(prepared)]
			var err error
			if dst, err = m.PredictMentions(dst[:0], p); err != nil || len(dst) != len(p.Mentions()) {
				b.Fatal(err)
			}
			i++
		}
	})
}
