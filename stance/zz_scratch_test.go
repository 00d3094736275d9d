package stance_test

import (
	"testing"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

func BenchmarkZZTokenize(b *testing.B) {
	ps, _ := benchPairs(b)
	var toks []features.Token
	i, n := 0, 0
	for _, p := range ps {
		n += len(features.Tokenize(nil, p.text))
	}
	b.Logf("mean tokens %.1f", float64(n)/float64(len(ps)))
	for b.Loop() {
		toks = features.Tokenize(toks[:0], ps[i%len(ps)].text)
		i++
	}
}

func BenchmarkZZPrepare(b *testing.B) {
	m, _ := stance.Default()
	ps, _ := benchPairs(b)
	var p features.Prepared
	i := 0
	for b.Loop() {
		m.Extractor().Prepare(&p, ps[i%len(ps)].text)
		i++
	}
}

func BenchmarkZZAppendPrepared(b *testing.B) {
	m, _ := stance.Default()
	ps, _ := benchPairs(b)
	var prep []*features.Prepared
	for _, p := range ps {
		var q features.Prepared
		m.Extractor().Prepare(&q, p.text)
		prep = append(prep, &q)
	}
	var ids []uint64
	i := 0
	for b.Loop() {
		ids = m.Extractor().AppendPrepared(ids[:0], prep[i%len(ps)], ps[i%len(ps)].sp)
		i++
	}
}

func BenchmarkZZExtract(b *testing.B) {
	m, _ := stance.Default()
	ps, _ := benchPairs(b)
	var ids []uint64
	i := 0
	for b.Loop() {
		p := ps[i%len(ps)]
		ids = m.Extractor().AppendFeatures(ids[:0], p.text, p.sp)
		i++
	}
}

func BenchmarkZZScore(b *testing.B) {
	m, _ := stance.Default()
	ps, _ := benchPairs(b)
	var all [][]uint64
	n := 0
	for _, p := range ps {
		ids := m.Extractor().AppendFeatures(nil, p.text, p.sp)
		all = append(all, ids)
		n += len(ids)
	}
	b.Logf("mean ids %.1f", float64(n)/float64(len(ps)))
	i := 0
	for b.Loop() {
		m.PredictFeatures(all[i%len(all)])
		i++
	}
}

func BenchmarkZZBoth(b *testing.B) {
	m, _ := stance.Default()
	ps, _ := benchPairs(b)
	var ids []uint64
	i := 0
	for b.Loop() {
		p := ps[i%len(ps)]
		ids = m.Extractor().AppendFeatures(ids[:0], p.text, p.sp)
		m.PredictFeatures(ids)
		i++
	}
}

func BenchmarkZZPruned(b *testing.B) {
	m0, _ := stance.Default()
	ps, _ := benchPairs(b)
	for _, mc := range []int{1, 2, 4, 16} {
		m := m0.Prune(mc)
		b.Run(m.String()[:0]+string(rune('0'+mc%10))+"_"+string(rune('0'+mc/10)), func(b *testing.B) {
			b.Logf("features %d", m.NumFeatures())
			i := 0
			for b.Loop() {
				p := ps[i%len(ps)]
				m.Predict(p.text, p.sp)
				i++
			}
		})
	}
}
