package stance_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// FuzzReadModel feeds ReadModel arbitrary bytes: it must return a model or
// an error, never panic or allocate without bound, and any model it
// accepts must keep checkAccepted's promises.
func FuzzReadModel(f *testing.F) {
	good := modelBytes(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("\x89STKM\n\x01\x00"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := stance.ReadModel(bytes.NewReader(data))
		if err != nil {
			require.Nil(t, m)
			return
		}
		checkAccepted(t, m)
	})
}

// checkAccepted holds a model that ReadModel accepted to the fuzz targets'
// promises: it writes back to bytes that read again to the same model,
// temperature included, and it predicts probabilities that sum to 1 — or,
// for a file that sets a text limit below the probe's 16 bytes, refuses
// the probe as too long.
func checkAccepted(t *testing.T, m *stance.Model) {
	b1 := encode(t, m)
	m2, err := stance.ReadModel(bytes.NewReader(b1))
	require.NoError(t, err)
	require.Equal(t, b1, encode(t, m2))
	require.Equal(t, m.Temperature(), m2.Temperature())
	p, err := m2.Predict("NATO met Brazil.", stance.Span{Start: 0, End: 4})
	if err != nil {
		require.ErrorIs(t, err, stance.ErrTextTooLong)
		return
	}
	var sum float64
	for _, q := range p.Probs {
		require.False(t, math.IsNaN(q))
		sum += q
	}
	require.InDelta(t, 1, sum, 1e-9)
}

// FuzzAnalyze feeds Analyze arbitrary text: it must not panic; on valid
// UTF-8 it must succeed, and every mention's spans must lie on rune
// boundaries, in order, inside their sentence, with probabilities that sum
// to 1; invalid UTF-8 must give ErrInvalidUTF8.
func FuzzAnalyze(f *testing.F) {
	f.Add("Colombian President Gustavo Petro accused NATO of stalling. Petro said the alliance failed.")
	f.Add("“Great,” said Zelenskyy.\n\nThe U.S. and the EU agreed; São Paulo's mayor did not.")
	f.Add("🔥 Acme Inc. sued Globex Corp. … and won!")
	f.Add("")
	f.Add("a.b.c.d. A.B. x\xff")
	f.Add("So proud of @nasa_jpl! RT @nasa: NATO's @_nato met. Can't wait, Obama RT @POTUS.")
	f.Add("Floods hit São Paulo. “Speaking to CNN, Blinken said so.” Huge thanks to @WHO! Heavy Metal Records sued.")
	f.Add("Petro Slams NATO Over Gaza Genocide Claims\nBreaking: Floods hit Porto Alegre. Gustavo\u00a0Petro met Kim Jong Un. PETRO SLAMS NATO OVER DEAL")
	f.Add("Attorney General Merrick Garland and Secretary of State Antony Blinken met the CEO of Home Depot. Neither Tehran nor Washington agreed.")
	f.Add("Zelen\u00adskyy thanked Ger\u2060many. Later, Zelenskyy’s aide con\u200ddemned Ru\u200cssia\u00ad; we'r\u00ade done.")
	f.Add("In May, Theresa May met Mrs. May. Ursula von der Leyen and Ms. von der Leyen thanked George W. Bush Jr. in St. Louis. Plan B. The end Sr.")
	f.Add("“NATO has failed. The EU too,” said Petro. \"Spain \"failed. Italy.\n\n“Greece. Latvia,” Petro said: “Poland. Sweden.")
	f.Add("WASHINGTON (Reuters) - Trump praised Modi.\n\nKYIV, Ukraine, March 3 (AP) —\nZelenskyy thanked NATO.\nNEW YORK /PRNewswire/ -- ")
	m, err := stance.Default()
	if err != nil {
		f.Fatal(err)
	}
	g, err := features.NewGazetteer([]features.Entity{{Name: "NATO", Aliases: []string{"the alliance", "US"}}, {Name: "NASA", Aliases: []string{"nasa"}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			t.Skip("long inputs add time, not coverage; TestHostileInput covers them")
		}
		a, err := m.Analyze(text, stance.WithGazetteer(g))
		if !utf8.ValidString(text) {
			require.ErrorIs(t, err, stance.ErrInvalidUTF8)
			return
		}
		if len(text) > stance.DefaultMaxTextBytes {
			return // may be ErrTextTooLong for one long sentence
		}
		require.NoError(t, err)
		prev := -1
		for _, mn := range a.Mentions {
			require.True(t, mn.SentenceSpan.Start <= mn.Span.Start && mn.Span.Start < mn.Span.End && mn.Span.End <= mn.SentenceSpan.End)
			require.True(t, utf8.RuneStart(text[mn.Span.Start]) && (mn.Span.End == len(text) || utf8.RuneStart(text[mn.Span.End])))
			require.Equal(t, mn.Text, text[mn.Span.Start:mn.Span.End])
			require.GreaterOrEqual(t, mn.SentenceSpan.Start, prev)
			prev = mn.SentenceSpan.Start
			require.InDelta(t, 1, mn.Probs[0]+mn.Probs[1]+mn.Probs[2], 1e-9)
			// Mentions scored together (see factored) get what Predict
			// gives each alone.
			off := mn.SentenceSpan.Start
			want, err := m.Predict(mn.Sentence, stance.Span{Start: mn.Span.Start - off, End: mn.Span.End - off})
			require.NoError(t, err)
			if want.Label != mn.Label { // only at a tie within rounding
				require.InDelta(t, want.Prob(want.Label), want.Prob(mn.Label), 1e-9, "labels differ")
			}
			for l := range want.Probs {
				require.InDelta(t, want.Probs[l], mn.Probs[l], 1e-9)
			}
		}
	})
}

// frame wraps a model payload in the file format's header and checksum.
func frame(version uint16, payload []byte) []byte {
	b := []byte("\x89STKM\n")
	b = binary.LittleEndian.AppendUint16(b, version)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(payload)))
	b = append(b, payload...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(payload, crc32.MakeTable(crc32.Castagnoli)))
}

// FuzzModelPayload is FuzzReadModel past the checksum: the fuzzer mutates
// a payload and its format version, which are framed with a correct
// header and checksum, so that every field of the decoder is reached
// (FuzzReadModel's mutations nearly always stop at the checksum). The
// same promises hold. testdata/fuzz/FuzzModelPayload/huge-alpha, found by a review,
// is a file whose smoothing constant (9e307) overflowed the scores into
// NaN probabilities before WithAlpha's bound.
func FuzzModelPayload(f *testing.F) {
	for _, file := range append([]string{"testdata/model-v3-features-v3.stk"}, oldModelFixtures...) {
		b := mustRead(f, file)
		f.Add(binary.LittleEndian.Uint16(b[6:]), b[16:len(b)-4])
	}
	f.Fuzz(func(t *testing.T, version uint16, payload []byte) {
		m, err := stance.ReadModel(bytes.NewReader(frame(version, payload)))
		if err != nil {
			require.Nil(t, m)
			// Header, length and checksum are right: the payload or the
			// version is what is wrong.
			require.True(t, errors.Is(err, stance.ErrCorrupt) || errors.Is(err, stance.ErrUnsupportedVersion) ||
				errors.Is(err, features.ErrFeatureVersion), "%v", err)
			return
		}
		checkAccepted(t, m)
	})
}
