package corpus_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// TestBuiltinAgreement recomputes the figures the package documentation
// quotes: label shares, multi-target and mixed-label shares, and Cohen's κ
// of the two independent labellings per domain. Both labellings follow from
// the committed data: where the readers agreed, both gave the final label;
// where they did not, data/adjudication.jsonl records each reader's label.
//
//	go test ./corpus -run TestBuiltinAgreement -v
func TestBuiltinAgreement(t *testing.T) {
	_, _, all := builtinParts(t)

	st := corpus.ComputeStats(all)
	// The shares in doc.go.
	assert.InDelta(t, 31.8, pct(st.PerLabel[0], st.Targets), 0.05, "critical share")
	assert.InDelta(t, 36.4, pct(st.PerLabel[1], st.Targets), 0.05, "neutral share")
	assert.InDelta(t, 31.8, pct(st.PerLabel[2], st.Targets), 0.05, "supportive share")
	assert.InDelta(t, 69.7, pct(st.MultiTarget, st.Sentences), 0.05, "multi-target share")
	assert.InDelta(t, 57.6, pct(st.MixedLabel, st.Sentences), 0.05, "mixed-label share")
	t.Logf("%d sentences, %d targets; critical %.1f%%, neutral %.1f%%, supportive %.1f%%; multi-target %.1f%%, mixed-label %.1f%%",
		st.Sentences, st.Targets, pct(st.PerLabel[0], st.Targets), pct(st.PerLabel[1], st.Targets), pct(st.PerLabel[2], st.Targets),
		pct(st.MultiTarget, st.Sentences), pct(st.MixedLabel, st.Sentences))

	type key struct {
		id     string
		target int
	}
	type record struct {
		ID            string `json:"id"`
		Target        int    `json:"target"`
		First, Second string
		Final         string
	}
	disagreements := map[key]record{}
	f, err := os.Open("data/adjudication.jsonl")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		disagreements[key{r.ID, r.Target}] = r
	}
	require.NoError(t, sc.Err())

	// Per domain: a 3×3 table of (first reader, second reader).
	tables := map[string]*[3][3]int{}
	used := 0
	usedIn := map[string]int{}
	for _, ex := range all {
		tab := tables[ex.Domain]
		if tab == nil {
			tab = new([3][3]int)
			tables[ex.Domain] = tab
		}
		for i, tg := range ex.Targets {
			a, b := tg.Label, tg.Label
			if r, ok := disagreements[key{ex.ID, i}]; ok {
				require.Equal(t, string(tg.Label), r.Final, "%s target %d: final label differs from the data", ex.ID, i)
				a, b = corpus.Label(r.First), corpus.Label(r.Second)
				used++
				usedIn[ex.Domain]++
			}
			tab[a.Index()][b.Index()]++
		}
	}
	assert.Equal(t, len(disagreements), used, "every recorded disagreement matches a target")

	// The table in doc.go: targets, agreement, κ, disagreements.
	type row struct {
		targets       int
		agree, kappa  float64
		disagreements int
	}
	documented := map[string]row{
		"international": {955, 0.953, 0.929, 45}, "politics": {843, 0.970, 0.955, 25}, "business": {872, 0.811, 0.715, 165},
		"technology": {912, 0.932, 0.898, 62}, "sport": {787, 0.929, 0.893, 56}, "health": {789, 0.944, 0.916, 44},
	}
	var total [3][3]int
	var lines []string
	for _, d := range []string{"international", "politics", "business", "technology", "sport", "health"} {
		tab := tables[d]
		require.NotNil(t, tab, "domain %s", d)
		k, agree, n := kappa(*tab)
		lines = append(lines, fmt.Sprintf("%-14s %5d targets  agreement %.3f  κ %.3f", d, n, agree, k))
		doc := documented[d]
		assert.InDelta(t, doc.kappa, k, 0.0005, "κ of %s differs from doc.go", d)
		assert.InDelta(t, doc.agree, agree, 0.0005, "agreement of %s differs from doc.go", d)
		assert.Equal(t, doc.targets, n, "targets of %s", d)
		assert.Equal(t, doc.disagreements, usedIn[d], "disagreements of %s", d)
		for i := range 3 {
			for j := range 3 {
				total[i][j] += tab[i][j]
			}
		}
	}
	k, agree, n := kappa(total)
	lines = append(lines, fmt.Sprintf("%-14s %5d targets  agreement %.3f  κ %.3f", "all", n, agree, k))
	assert.InDelta(t, 0.884, k, 0.0005)
	assert.InDelta(t, 0.923, agree, 0.0005)
	assert.Equal(t, 5158, n)
	assert.Equal(t, 397, used)
	t.Log("\n" + strings.Join(lines, "\n"))
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(b) }

// kappa returns Cohen's κ, the observed agreement and the number of items
// of a confusion table between two raters.
func kappa(t [3][3]int) (k, agree float64, n int) {
	var rows, cols [3]int
	diag := 0
	for i := range 3 {
		for j := range 3 {
			n += t[i][j]
			rows[i] += t[i][j]
			cols[j] += t[i][j]
		}
		diag += t[i][i]
	}
	agree = float64(diag) / float64(n)
	var pe float64
	for i := range 3 {
		pe += float64(rows[i]) * float64(cols[i]) / float64(n*n)
	}
	return (agree - pe) / (1 - pe), agree, n
}
