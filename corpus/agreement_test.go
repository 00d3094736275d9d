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
	train, test, all := builtinParts(t)
	for _, part := range []struct {
		exs                []corpus.Example
		sentences, targets int
	}{{train, 2880, 5639}, {test, 720, 1415}} {
		st := corpus.ComputeStats(part.exs)
		assert.Equal(t, part.sentences, st.Sentences)
		assert.Equal(t, part.targets, st.Targets)
	}

	st := corpus.ComputeStats(all)
	// The shares in doc.go.
	assert.Equal(t, 3600, st.Sentences)
	assert.Equal(t, 7054, st.Targets)
	assert.InDelta(t, 32.2, pct(st.PerLabel[0], st.Targets), 0.05, "critical share")
	assert.InDelta(t, 35.9, pct(st.PerLabel[1], st.Targets), 0.05, "neutral share")
	assert.InDelta(t, 32.0, pct(st.PerLabel[2], st.Targets), 0.05, "supportive share")
	assert.InDelta(t, 72.0, pct(st.MultiTarget, st.Sentences), 0.05, "multi-target share")
	assert.InDelta(t, 60.9, pct(st.MixedLabel, st.Sentences), 0.05, "mixed-label share")
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

	// Per domain and batch: a 3×3 table of (first reader, second reader).
	// Batch 1 is ids 1 to 440 of each domain, batch 2 ids 441 to 600;
	// batch 0 stands for both.
	type cell struct {
		domain string
		batch  int
	}
	tables := map[cell]*[3][3]int{}
	dis := map[cell]int{}
	used := 0
	for _, ex := range all {
		batch := corpus.Batch(ex)
		require.NotZero(t, batch, ex.ID)
		for i, tg := range ex.Targets {
			a, b := tg.Label, tg.Label
			r, disagreed := disagreements[key{ex.ID, i}]
			if disagreed {
				require.Equal(t, string(tg.Label), r.Final, "%s target %d: final label differs from the data", ex.ID, i)
				a, b = corpus.Label(r.First), corpus.Label(r.Second)
				used++
			}
			for _, c := range []cell{{ex.Domain, batch}, {ex.Domain, 0}, {"all", batch}, {"all", 0}} {
				if tables[c] == nil {
					tables[c] = new([3][3]int)
				}
				tables[c][a.Index()][b.Index()]++
				if disagreed {
					dis[c]++
				}
			}
		}
	}
	assert.Equal(t, len(disagreements), used, "every recorded disagreement matches a target")

	// The table in doc.go: targets, agreement, κ, disagreements, for
	// batch 1, batch 2 and both.
	type row struct {
		targets       int
		agree, kappa  float64
		disagreements int
	}
	documented := map[string][3]row{
		"international": {{1278, 0.962, 0.942, 49}, {955, 0.953, 0.929, 45}, {323, 0.988, 0.981, 4}},
		"politics":      {{1155, 0.977, 0.965, 27}, {843, 0.970, 0.955, 25}, {312, 0.994, 0.990, 2}},
		"business":      {{1166, 0.849, 0.773, 176}, {872, 0.811, 0.715, 165}, {294, 0.963, 0.944, 11}},
		"technology":    {{1233, 0.946, 0.918, 67}, {912, 0.933, 0.899, 61}, {321, 0.981, 0.972, 6}},
		"sport":         {{1130, 0.947, 0.920, 60}, {787, 0.929, 0.893, 56}, {343, 0.988, 0.983, 4}},
		"health":        {{1092, 0.954, 0.931, 50}, {789, 0.944, 0.916, 44}, {303, 0.980, 0.970, 6}},
		"all":           {{7054, 0.939, 0.908, 429}, {5158, 0.923, 0.884, 396}, {1896, 0.983, 0.974, 33}},
	}
	var lines []string
	for _, d := range []string{"international", "politics", "business", "technology", "sport", "health", "all"} {
		line := fmt.Sprintf("%-14s", d)
		for _, batch := range []int{1, 2, 0} {
			c := cell{d, batch}
			require.NotNil(t, tables[c], "%v", c)
			k, agree, n := kappa(*tables[c])
			line += fmt.Sprintf("  %5d %.3f %.3f %3d", n, agree, k, dis[c])
			doc := documented[d][batch]
			assert.InDelta(t, doc.kappa, k, 0.0005, "κ of %v differs from doc.go", c)
			assert.InDelta(t, doc.agree, agree, 0.0005, "agreement of %v differs from doc.go", c)
			assert.Equal(t, doc.targets, n, "targets of %v", c)
			assert.Equal(t, doc.disagreements, dis[c], "disagreements of %v", c)
		}
		lines = append(lines, line)
	}
	t.Log("\ntargets, agreement, κ and disagreements: ids 1-440, ids 441-600, all\n" + strings.Join(lines, "\n"))
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
