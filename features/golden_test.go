package features_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/testtexts"
)

type goldenCase struct {
	Name   string   `json:"name"`
	Input  string   `json:"input"`
	Output []string `json:"output"`
}

func readGolden(t *testing.T, name string) []goldenCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	var cs []goldenCase
	require.NoError(t, json.Unmarshal(b, &cs))
	return cs
}

func texts2(in string, spans []features.Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, in[s.Start:s.End])
	}
	return out
}

// TestSentencesGolden measures the splitter on testdata/sentences.json
// (hard cases of news text written for stancekit): the share of passages
// split exactly right, and of gold sentences found exactly. Run with -v for
// the figures and the cases it gets wrong.
func TestSentencesGolden(t *testing.T) {
	cases := readGolden(t, "sentences.json")
	require.GreaterOrEqual(t, len(cases), 150)
	exact, found, gold := 0, 0, 0
	for _, c := range cases {
		got := texts2(c.Input, features.Sentences(nil, c.Input))
		if slices.Equal(got, c.Output) {
			exact++
		} else if testing.Verbose() {
			t.Logf("%s:\n  got  %q\n  want %q", c.Name, got, c.Output)
		}
		gold += len(c.Output)
		for _, g := range c.Output {
			if slices.Contains(got, g) {
				found++
			}
		}
	}
	acc := float64(exact) / float64(len(cases))
	t.Logf("sentences: %d/%d passages exactly right (%.3f); %d/%d sentences found (%.3f)",
		exact, len(cases), acc, found, gold, float64(found)/float64(gold))
	assert.GreaterOrEqual(t, acc, sentenceFloor)
}

// TestMentionsGolden measures the entity finder on testdata/mentions.json
// (news sentences written for stancekit with every named mention marked):
// precision and recall of exact mention strings.
func TestMentionsGolden(t *testing.T) {
	cases := readGolden(t, "mentions.json")
	require.GreaterOrEqual(t, len(cases), 200)
	tp, predicted, gold := 0, 0, 0
	var post [3]int // the social-media posts' (names "sm_…"): right, predicted, gold
	for _, c := range cases {
		got := texts2(c.Input, features.Mentions(nil, c.Input))
		predicted += len(got)
		gold += len(c.Output)
		isPost := strings.HasPrefix(c.Name, "sm_")
		if isPost {
			post[1] += len(got)
			post[2] += len(c.Output)
		}
		remaining := slices.Clone(c.Output)
		for _, g := range got {
			if i := slices.Index(remaining, g); i >= 0 {
				tp++
				if isPost {
					post[0]++
				}
				remaining = slices.Delete(remaining, i, i+1)
			}
		}
		if testing.Verbose() && !slices.Equal(got, c.Output) {
			t.Logf("%s:\n  got  %q\n  want %q", c.Name, got, c.Output)
		}
	}
	p, r := float64(tp)/float64(predicted), float64(tp)/float64(gold)
	t.Logf("mentions: precision %.3f (%d/%d), recall %.3f (%d/%d), F1 %.3f", p, tp, predicted, r, tp, gold, 2*p*r/(p+r))
	t.Logf("of which social-media posts: right %d of %d found, %d of %d given", post[0], post[1], post[0], post[2])
	assert.GreaterOrEqual(t, p, mentionPrecisionFloor)
	assert.GreaterOrEqual(t, r, mentionRecallFloor)
	require.NotZero(t, post[2], "the file holds social-media posts")
	assert.GreaterOrEqual(t, float64(post[0])/float64(post[2]), postRecallFloor, "recall on the social-media posts")
}

// TestMentionsHeldOut measures the entity finder on
// testdata/mentions_heldout.json: 260 sentences and posts with 616 marked
// mentions, written for stancekit by a helper session that saw neither
// the finder's code nor testdata/mentions.json, and marked again, blind,
// by a second one (all 616 marks agreed). It was held out of the work on
// feature sets 4 and 5, whose rules were tuned on mentions.json and the
// training files; tune nothing on it, or it measures nothing.
func TestMentionsHeldOut(t *testing.T) {
	cases := readGolden(t, "mentions_heldout.json")
	require.Len(t, cases, 260)
	tp, predicted, gold, _ := scoreMentions(features.NewExtractor(), cases)
	p, r := float64(tp)/float64(predicted), float64(tp)/float64(gold)
	t.Logf("held-out mentions: precision %.3f (%d/%d), recall %.3f (%d/%d), F1 %.3f", p, tp, predicted, r, tp, gold, 2*p*r/(p+r))
	assert.GreaterOrEqual(t, p, heldOutPrecisionFloor)
	assert.GreaterOrEqual(t, r, heldOutRecallFloor)
}

// TestMentionsNewsMTSCRecall measures the share of NewsMTSC dev targets
// that are names (not pronouns or common nouns: they start with a capital
// letter and are not "He", "The …") which the finder returns exactly.
func TestMentionsNewsMTSCRecall(t *testing.T) {
	var exs []corpus.Example
	for _, f := range []string{"dev_rw.jsonl", "dev_mt.jsonl"} {
		e, err := testtexts.NewsMTSC(f)
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("NewsMTSC data not available (%v)", err)
		}
		require.NoError(t, err)
		exs = append(exs, e...)
	}
	named, exact, overlapping := 0, 0, 0
	for _, ex := range exs {
		spans := features.Mentions(nil, ex.Text)
		for _, tg := range ex.Targets {
			if !isNamedTarget(tg.Mention) {
				continue
			}
			named++
			for _, s := range spans {
				if s.Start == tg.Start && s.End == tg.End {
					exact++
				}
				if s.Start < tg.End && tg.Start < s.End {
					overlapping++
					break
				}
			}
		}
	}
	r := float64(exact) / float64(named)
	t.Logf("NewsMTSC dev named targets: %d; found exactly %d (recall %.3f); overlapped by a mention %d (%.3f)",
		named, exact, r, overlapping, float64(overlapping)/float64(named))
	assert.GreaterOrEqual(t, r, newsmtscRecallFloor)
}

// isNamedTarget reports whether a NewsMTSC target mention is a name rather
// than a pronoun or a common noun phrase.
func isNamedTarget(m string) bool {
	if m == "" || !(m[0] >= 'A' && m[0] <= 'Z') {
		return false
	}
	switch m {
	case "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Its", "Him", "Them":
		return false
	}
	for _, p := range []string{"The ", "A ", "An ", "This ", "That ", "These ", "Those "} {
		if len(m) > len(p) && m[:len(p)] == p {
			return false
		}
	}
	return true
}

// Floors sit a little below the measured figures (see the test logs).
const (
	sentenceFloor         = 0.93 // measured 0.948
	mentionPrecisionFloor = 0.90 // measured 0.926 (0.882 with feature set 6's finder, 0.860 with 5's, 0.857 before its headline, colon and no-break-space rules, 0.848 with set 4's finder, 0.809 with 3's)
	mentionRecallFloor    = 0.93 // measured 0.959 (0.931 with feature set 6's finder, 0.919 with 5's, 0.887 before its headline rules, 0.880 with feature set 4's and 3's)
	heldOutPrecisionFloor = 0.89 // measured 0.915 (0.892 with feature set 6's finder, 0.883 with 5's, 0.868 with 4's, 0.810 with 3's)
	heldOutRecallFloor    = 0.94 // measured 0.966 (0.948 with feature set 6's finder, 0.945 with 5's, 0.925 with 4's and 3's)
	newsmtscRecallFloor   = 0.73 // measured 0.746 with feature set 7 (0.746 with sets 5 and 6, 0.738 before feature set 5's headline rules, 0.737 with set 4's finder)
	postRecallFloor       = 0.9  // measured 1.000 (24 of 24)

	headlinePrecisionFloor        = 0.67 // measured 0.694 (0.456 with feature set 8's finder)
	headlineRecallFloor           = 0.81 // measured 0.833 (0.566 with feature set 8's)
	headlineHeldOutPrecisionFloor = 0.60 // measured 0.627 (0.428 with feature set 8's)
	headlineHeldOutRecallFloor    = 0.76 // measured 0.794 (0.569 with feature set 8's)

	numberedPrecisionFloor        = 0.89 // measured 0.921 (0.764 with feature set 9's)
	numberedRecallFloor           = 0.92 // measured 0.946 (0.789 with feature set 9's)
	numberedHeldOutPrecisionFloor = 0.87 // measured 0.891 (0.779 with feature set 9's)
	numberedHeldOutRecallFloor    = 0.89 // measured 0.918 (0.810 with feature set 9's)
)

// TestFeatureSetChanges counts the training targets (NewsMTSC train and
// the built-in corpus's train part) whose feature ids each feature set
// from 5 on changes against the set before, with the default settings,
// and the distinct sentences of those whose mentions it changes: the
// figures the README gives. The rules are narrow, so it must be some,
// and few.
func TestFeatureSetChanges(t *testing.T) {
	exs := testtexts.Training(t)
	for v := byte(5); v <= features.Version; v++ {
		prev, cur := extractorOfVersion(t, v-1), extractorOfVersion(t, v)
		var a, b []uint64
		targets, changed := 0, 0
		for _, ex := range exs {
			for _, tg := range ex.Targets {
				sp := features.Span{Start: tg.Start, End: tg.End}
				a, b = prev.AppendFeatures(a[:0], ex.Text, sp), cur.AppendFeatures(b[:0], ex.Text, sp)
				targets++
				if !slices.Equal(a, b) {
					changed++
				}
			}
		}
		// And the sentences whose mentions change: what Analyze reports.
		seen := map[string]bool{}
		var pp, cp features.Prepared
		sentences, moved := 0, 0
		for _, ex := range exs {
			if seen[ex.Text] {
				continue
			}
			seen[ex.Text] = true
			sentences++
			prev.Prepare(&pp, ex.Text)
			cur.Prepare(&cp, ex.Text)
			if !slices.Equal(pp.Mentions(), cp.Mentions()) {
				moved++
			}
		}
		t.Logf("feature set %d changes the ids of %d of %d training targets against feature set %d, and the mentions of %d of %d distinct sentences",
			v, changed, targets, v-1, moved, sentences)
		if v == 11 {
			// Feature set 11 changes only words with an invisible joiner
			// inside, and no training text holds one.
			for _, ex := range exs {
				require.False(t, strings.ContainsAny(ex.Text, "\u00ad\u200c\u200d\u2060"), "%q holds a joiner", ex.Text)
			}
			assert.Zero(t, changed)
			assert.Zero(t, moved)
			continue
		}
		assert.Positive(t, changed, "feature set %d", v)
		assert.Less(t, changed, targets/20, "feature set %d", v)
	}
}

// scoreMentions counts, over the cases, the mentions e finds that are
// right (each gold mention matched once), found and given, and the cases
// it gets exactly right.
func scoreMentions(e *features.Extractor, cases []goldenCase) (tp, predicted, gold, exact int) {
	var p features.Prepared
	for _, c := range cases {
		e.Prepare(&p, c.Input)
		got := texts2(c.Input, p.Mentions())
		predicted += len(got)
		gold += len(c.Output)
		remaining := slices.Clone(c.Output)
		for _, g := range got {
			if i := slices.Index(remaining, g); i >= 0 {
				tp++
				remaining = slices.Delete(remaining, i, i+1)
			}
		}
		if slices.Equal(got, c.Output) {
			exact++
		}
	}
	return tp, predicted, gold, exact
}

// checkHeadlines measures the finder on a file of headlines, logs its
// figures and feature set 8's, and checks the floors.
func checkHeadlines(t *testing.T, file string, n int, floorP, floorR float64) {
	checkFinder(t, file, n, 8, floorP, floorR, file == "headlines.json")
}

// checkFinder measures the finder on a golden file of n cases, logs its
// figures and those of feature set base, and checks the floors; with show
// and -v it also logs the cases it gets wrong.
func checkFinder(t *testing.T, file string, n, base int, floorP, floorR float64, show bool) {
	cases := readGolden(t, file)
	require.Len(t, cases, n)
	for _, v := range []int{base, features.Version} {
		e := features.NewExtractor()
		if v != features.Version {
			e = extractorOfVersion(t, byte(v))
		}
		tp, predicted, gold, exact := scoreMentions(e, cases)
		p, r := float64(tp)/float64(predicted), float64(tp)/float64(gold)
		t.Logf("%s, feature set %d: precision %.3f (%d/%d), recall %.3f (%d/%d), F1 %.3f; %d of %d cases exactly right (%.3f)",
			file, v, p, tp, predicted, r, tp, gold, 2*p*r/(p+r), exact, len(cases), float64(exact)/float64(len(cases)))
		if v == features.Version {
			assert.GreaterOrEqual(t, p, floorP)
			assert.GreaterOrEqual(t, r, floorR)
		}
	}
	if testing.Verbose() && show {
		for _, c := range cases {
			if got := texts2(c.Input, features.Mentions(nil, c.Input)); !slices.Equal(got, c.Output) {
				t.Logf("%s:\n  got  %q\n  want %q", c.Name, got, c.Output)
			}
		}
	}
}

// TestHeadlinesGolden measures the entity finder on
// testdata/headlines.json: 320 headlines, most in title case and 20 in
// capitals, with 641 marked mentions, written for stancekit by a helper
// session that saw neither the finder's code nor the other test files,
// and reread by it once. Feature set 9's rules were tuned on it. Run with
// -v for the headlines it gets wrong.
func TestHeadlinesGolden(t *testing.T) {
	checkHeadlines(t, "headlines.json", 320, headlinePrecisionFloor, headlineRecallFloor)
}

// TestHeadlinesHeldOut measures the entity finder on
// testdata/headlines_heldout.json: 220 headlines (15 in capitals) with
// 427 marked mentions, written for stancekit by a helper session that saw
// neither the finder's code nor any other test file, and marked again,
// blind, by a second one (all 427 marks agreed; both are sessions of one
// model, so this says more about the conventions' clarity than about
// independent judgement). It was held out of the work on feature set 9:
// only its totals were read, once the rules were settled and after each
// of three later changes that came from elsewhere (a review, the surname
// and "PM" rules). Tune nothing on it, or it measures nothing; it prints
// no cases.
func TestHeadlinesHeldOut(t *testing.T) {
	checkHeadlines(t, "headlines_heldout.json", 220, headlineHeldOutPrecisionFloor, headlineHeldOutRecallFloor)
}

// TestNumberedGolden measures the entity finder on testdata/numbered.json:
// 180 news sentences with 555 marked mentions, most with a number after a
// name that is part of it ("FTSE 250") or not ("fined Google 2.95
// billion euros"), written for stancekit by a helper session that saw
// neither the finder's code nor any other test file. Feature set 10's
// rule was tuned on it. Run with -v for the sentences it gets wrong.
func TestNumberedGolden(t *testing.T) {
	checkFinder(t, "numbered.json", 180, 9, numberedPrecisionFloor, numberedRecallFloor, true)
}

// TestNumberedHeldOut measures the entity finder on
// testdata/numbered_heldout.json: 180 news sentences with 612 marked
// mentions, most with a number after a name that is part of it ("S&P
// 500") or not ("pledged Ukraine 31 tanks"), written for stancekit by a
// helper session that saw neither the finder's code nor any other test
// file. It was held out of the work on feature set 10: only its totals
// were read, once the rule was first settled, once after a review's fixes
// and the tuning on testdata/numbered.json, and after each of the later
// changes (six readings in all). Tune nothing on it, or it measures
// nothing; it prints no cases.
func TestNumberedHeldOut(t *testing.T) {
	checkFinder(t, "numbered_heldout.json", 180, 9, numberedHeldOutPrecisionFloor, numberedHeldOutRecallFloor, false)
}

// TestDatelineNewsMTSC counts the NewsMTSC sentences that open with a
// dateline, and checks what Analyze's leaving their names out rests on:
// NewsMTSC labels every target inside one neutral.
func TestDatelineNewsMTSC(t *testing.T) {
	for _, c := range []struct {
		file string
		want int
	}{{"train.jsonl", 27}, {"dev_rw.jsonl", 3}, {"dev_mt.jsonl", 0}} {
		exs, err := testtexts.NewsMTSC(c.file)
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("NewsMTSC data not available (%v)", err)
		}
		require.NoError(t, err)
		found, inside := 0, 0
		for _, ex := range exs {
			n := features.Dateline(ex.Text)
			if n == 0 {
				continue
			}
			found++
			for _, tg := range ex.Targets {
				if tg.End <= n { // one that runs on past it is about the sentence
					inside++
					assert.Equal(t, corpus.Neutral, tg.Label, "%q in %q", tg.Mention, ex.Text)
				}
			}
		}
		t.Logf("%s: %d of %d sentences open with a dateline, %d targets inside one", c.file, found, len(exs), inside)
		assert.Equal(t, c.want, found, c.file)
	}
}
