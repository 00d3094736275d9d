package stance_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/stance"
)

// TestHolderGolden measures holder attribution through Analyze on the
// cases of testdata/holders.json, written for stancekit: sentences whose
// target has a named holder, and sentences where the right answer is to
// abstain. Run with -v to see the figures quoted in the README.
func TestHolderGolden(t *testing.T) {
	precision, recall, _ := scoreHolders(t, "testdata/holders.json", 120)
	assert.GreaterOrEqual(t, precision, holderPrecisionFloor)
	assert.GreaterOrEqual(t, recall, holderRecallFloor)
}

// TestHolderHeldOut is TestHolderGolden on testdata/holders_heldout.json,
// written by a helper session that saw neither the code nor the other
// file, after the first seven holder changes, and read only as totals.
func TestHolderHeldOut(t *testing.T) {
	assertHeldOut(t, "testdata/holders_heldout.json", 120, holderHeldOutPrecisionFloor, holderHeldOutRecallFloor, holderHeldOutAbstainFloor)
}

// TestHolderHeldOut2 is TestHolderHeldOut on
// testdata/holders_heldout2.json, 200 cases written by another helper
// session that saw no code and no other test file, after the holder
// changes of the session of 7bbbe05 to 7be1690, and read only as totals.
func TestHolderHeldOut2(t *testing.T) {
	assertHeldOut(t, "testdata/holders_heldout2.json", 200, holderHeldOut2PrecisionFloor, holderHeldOut2RecallFloor, holderHeldOut2AbstainFloor)
}

// TestHolderHeldOut3 is TestHolderHeldOut on
// testdata/holders_heldout3.json, 200 cases (80 of them passages of two to
// four sentences) written by a third helper session that saw no code and
// no other test file, asked for ordinary news copy with no construction
// singled out, after the holder and quotation changes of 60526cf to
// 5c278ed, and read only as totals.
func TestHolderHeldOut3(t *testing.T) {
	assertHeldOut(t, "testdata/holders_heldout3.json", 200, holderHeldOut3PrecisionFloor, holderHeldOut3RecallFloor, holderHeldOut3AbstainFloor)
}

// assertHeldOut scores a held-out holder file (scoreHolders) and checks
// its three figures against their floors.
func assertHeldOut(t *testing.T, file string, min int, precisionFloor, recallFloor, abstainFloor float64) {
	t.Helper()
	precision, recall, abstain := scoreHolders(t, file, min)
	assert.GreaterOrEqual(t, precision, precisionFloor)
	assert.GreaterOrEqual(t, recall, recallFloor)
	assert.GreaterOrEqual(t, abstain, abstainFloor)
}

// scoreHolders scores the default model's Analyze on the holder cases of
// file, which must hold at least min: precision and recall of the holders
// given, and the share of the cases without a holder where none is given.
func scoreHolders(t *testing.T, file string, min int) (precision, recall, abstain float64) {
	t.Helper()
	var cases []struct {
		Name, Input, Target, Holder string
		Occurrence                  int
	}
	require.NoError(t, json.Unmarshal(mustRead(t, file), &cases))
	require.GreaterOrEqual(t, len(cases), min)
	m, err := stance.Default()
	require.NoError(t, err)
	var predicted, correct, gold, abstainGold, abstainRight, missing int
	for _, c := range cases {
		occ := max(c.Occurrence, 1)
		start := -1
		for i, off := 0, 0; i < occ; i++ {
			j := strings.Index(c.Input[off:], c.Target)
			require.GreaterOrEqual(t, j, 0, "%s: target not in input", c.Name)
			start, off = off+j, off+j+len(c.Target)
		}
		a, err := m.Analyze(c.Input)
		require.NoError(t, err)
		var got *stance.Mention
		for i := range a.Mentions {
			if mn := &a.Mentions[i]; mn.Span.Start <= start && start < mn.Span.End {
				got = mn
				break
			}
		}
		if got == nil {
			missing++
			t.Logf("%s: target %q not found as a mention", c.Name, c.Target)
			continue
		}
		if c.Holder != "" {
			gold++
		} else {
			abstainGold++
		}
		if got.Holder == "" {
			if c.Holder == "" {
				abstainRight++
			}
			continue
		}
		predicted++
		// The holder is reported by its canonical name; the golden file
		// gives the text in the sentence. Either containing the other counts
		// ("Petro" for "Gustavo Petro").
		ok := c.Holder != "" && (strings.Contains(got.Holder, c.Holder) || strings.Contains(c.Holder, got.Holder))
		if ok {
			correct++ // a right holder counts for precision and recall alike
		} else if testing.Verbose() && file == "testdata/holders.json" {
			t.Logf("%s: holder %q, want %q", c.Name, got.Holder, c.Holder)
		}
	}
	precision = float64(correct) / float64(max(predicted, 1))
	recall = float64(correct) / float64(max(gold, 1))
	abstain = float64(abstainRight) / float64(max(abstainGold, 1))
	t.Logf("holders (%s): %d cases, %d targets not found; precision %.3f (%d/%d), recall %.3f (%d/%d), correct abstentions %.3f (%d/%d)",
		file, len(cases), missing, precision, correct, predicted, recall, correct, gold, abstain, abstainRight, abstainGold)
	return precision, recall, abstain
}

// The golden file's floors sit below its measured figures (see the test
// log): precision 0.989 and recall 0.989 at 66879f4, after changes made
// from its misses (0.931 and 0.880 before the holder changes of f224463
// on, 0.976 and 0.880 after the first ten of them, 0.988 and 0.902 at
// 7a57089; see the README).
const (
	holderPrecisionFloor = 0.96
	holderRecallFloor    = 0.95
)

// The held-out file's floors sit below its measured figures: precision
// 0.932, recall 0.911 and correct abstentions 0.933 at ab79826 (0.756,
// 0.722 and 0.700 at 8f3c75a, before the holder changes; 0.892, 0.733 and
// 0.900 after the first ten; 0.926, 0.833 and 0.933 at 66879f4; see the
// README).
const (
	holderHeldOutPrecisionFloor = 0.89
	holderHeldOutRecallFloor    = 0.87
	holderHeldOutAbstainFloor   = 0.89
)

// The third held-out file's floors sit below its measured figures:
// precision 0.935, recall 0.600 and correct abstentions 0.962 at 7f342fc
// (0.934, 0.592 and 0.962 at 2ee472d, before the changes it came after).
const (
	holderHeldOut3PrecisionFloor = 0.90
	holderHeldOut3RecallFloor    = 0.56
	holderHeldOut3AbstainFloor   = 0.92
)

// The second held-out file's floors sit below its measured figures:
// precision 0.929, recall 0.767 and correct abstentions 0.909 at fe06225
// (0.849, 0.658 and 0.818 at 128b23c, before that session's changes;
// 0.907, 0.733 and 0.883 at 7be1690; 0.910, 0.758 and 0.883 at ab79826).
const (
	holderHeldOut2PrecisionFloor = 0.89
	holderHeldOut2RecallFloor    = 0.73
	holderHeldOut2AbstainFloor   = 0.87
)
