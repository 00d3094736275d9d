package features_test

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/testtexts"
)

func texts(text string, toks []features.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text(text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"possessive", "NATO's chief", []string{"NATO", "'s", "chief"}},
		{"curly possessive", "NATO’s chief", []string{"NATO", "’s", "chief"}},
		{"contraction", "They didn't say", []string{"They", "did", "n't", "say"}},
		{"inner apostrophe", "O'Brien won", []string{"O'Brien", "won"}},
		{"hyphen compound", "United States-led talks", []string{"United", "States-led", "talks"}},
		{"acronym dots", "the U.S. and U.N. said", []string{"the", "U.S.", "and", "U.N.", "said"}},
		{"numbers", "3.5% at 10:30, 1,000 troops", []string{"3.5", "%", "at", "10:30", ",", "1,000", "troops"}},
		{"ordinal", "the 3rd round", []string{"the", "3rd", "round"}},
		{"url", "see https://example.org/a?b=1.", []string{"see", "https://example.org/a?b=1", "."}},
		{"www", "at www.example.com now", []string{"at", "www.example.com", "now"}},
		{"quotes", "“Great,” he said", []string{"“", "Great", ",", "”", "he", "said"}},
		{"non-ascii", "São Paulo and Zelenskyy", []string{"São", "Paulo", "and", "Zelenskyy"}},
		{"ellipsis", "Wait... no", []string{"Wait", "...", "no"}},
		{"combining mark", "Cafe\u0301 open", []string{"Cafe\u0301", "open"}},
		{"invalid utf8", "ab\xffcd", []string{"ab", "\xff", "cd"}},
		{"standalone clitic", "they 'll go", []string{"they", "'ll", "go"}},
		{"empty", "", []string{}},
		{"spaces only", " \t\n ", []string{}},
		// Invisible joiners between word runes are inside the word
		// (feature set 11 on); elsewhere they are punctuation.
		{"soft hyphen", "Zelen\u00adskyy con\u00addemned it", []string{"Zelen\u00adskyy", "con\u00addemned", "it"}},
		{"zero-width joiners and word joiner", "Ama\u200dzon and Wal\u200cmart, Ho\u2060chul", []string{"Ama\u200dzon", "and", "Wal\u200cmart", ",", "Ho\u2060chul"}},
		{"joiner and possessive", "Zelen\u00adskyy's aide", []string{"Zelen\u00adskyy", "'s", "aide"}},
		{"joiner at a word's end", "Zelen\u00ad skyy \u200d", []string{"Zelen", "\u00ad", "skyy", "\u200d"}},
		{"joiner before punctuation", "NATO\u00ad, \u00adEU", []string{"NATO", "\u00ad", ",", "\u00ad", "EU"}},
		{"two joiners", "Zelen\u00ad\u00adskyy", []string{"Zelen", "\u00ad", "\u00ad", "skyy"}},
		{"emoji joined", "fans \U0001F468\u200d\U0001F469 cheered", []string{"fans", "\U0001F468", "\u200d", "\U0001F469", "cheered"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := features.Tokenize(nil, c.in)
			assert.Equal(t, c.want, texts(c.in, toks))
			checkTokens(t, c.in, toks)
		})
	}
	// An extractor's Tokenize is its feature set's: before feature set 11
	// a joiner split the word.
	const joined = "Zelen\u00adskyy con\u00addemned it"
	assert.Equal(t, []string{"Zelen\u00adskyy", "con\u00addemned", "it"}, texts(joined, features.NewExtractor().Tokenize(nil, joined)))
	assert.Equal(t, []string{"Zelen", "\u00ad", "skyy", "con", "\u00ad", "demned", "it"}, texts(joined, extractorOfVersion(t, 10).Tokenize(nil, joined)))
	// "www." starts a web address before a word rune; feature set 10 read
	// the byte after the dot as a rune, so a no-break space (0xc2 0xa0)
	// passed for 'Â'.
	const www = "See www.\u00a0Smith"
	kinds := func(toks []features.Token) (k []features.Kind) {
		for _, tk := range toks {
			k = append(k, tk.Kind)
		}
		return k
	}
	assert.Equal(t, []features.Kind{features.Word, features.Word, features.Punct, features.Word}, kinds(features.Tokenize(nil, www)))
	assert.Equal(t, []features.Kind{features.Word, features.URL, features.Punct, features.Word}, kinds(extractorOfVersion(t, 10).Tokenize(nil, www)))
}

// checkTokens asserts the tokenizer's invariants: tokens are in order,
// non-empty, on rune boundaries, and everything between them is space.
func checkTokens(t *testing.T, text string, toks []features.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		require.True(t, tk.Start >= prev && tk.Start < tk.End && tk.End <= len(text), "token %d %+v out of order or range", i, tk)
		gap := text[prev:tk.Start]
		require.Empty(t, strings.TrimSpace(gap), "text lost between tokens: %q", gap)
		if tk.Kind != features.Invalid {
			require.True(t, utf8.ValidString(tk.Text(text)), "token %d not valid UTF-8: %q", i, tk.Text(text))
		}
		prev = tk.End
	}
	require.Empty(t, strings.TrimSpace(text[prev:]), "text lost after the last token")
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"NATO’s", "nato's"},
		{"“Quote”", "\"quote\""},
		{"already normal", "already normal"},
		{"SÃO PAULO", "são paulo"},
		{"en–dash", "en-dash"},
		{"bad\xffbyte", "bad\xffbyte"},
		{"Zelen\u00adskyy", "zelenskyy"},
		{"Ama\u200dzon Wal\u200cmart Ho\u2060chul", "amazon walmart hochul"},
		{"\u00ad", ""},
		// A joiner between two stray bytes stays: without it they would
		// read as a soft hyphen, which a second pass would drop (found by
		// FuzzTokenize in CI).
		{"we'r\xc2\u200c\xad X", "we'r\xc2\u200c\xad x"},
		{"A\xc2\u00ad\u200d\xadB", "a\xc2\u00ad\xadb"},
		{"\xe2\x80\u200c\x8c", "\xe2\x80\u200c\x8c"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got := features.Normalize(c.in)
			assert.Equal(t, c.want, got)
			assert.Equal(t, got, features.Normalize(got), "not idempotent")
			s := features.StripJoiners(c.in)
			assert.Equal(t, s, features.StripJoiners(s), "StripJoiners not idempotent")
			assert.Equal(t, got, features.Normalize(s), "Normalize differs after StripJoiners")
		})
	}
	// Returns its input without allocating when nothing changes.
	s := "nothing to change here"
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = features.Normalize(s) }))
}

const petro = "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza."

func span(t *testing.T, text, mention string) features.Span {
	t.Helper()
	i := strings.Index(text, mention)
	require.GreaterOrEqual(t, i, 0, "%q not in %q", mention, text)
	return features.Span{Start: i, End: i + len(mention)}
}

func TestExtractorTargetAware(t *testing.T) {
	e := features.NewExtractor()
	nato := e.AppendNamed(nil, petro, span(t, petro, "NATO"))
	gaza := e.AppendNamed(nil, petro, span(t, petro, "Gaza"))
	names := func(fs []features.Feature) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			m[f.Name] = true
		}
		return m
	}
	n, g := names(nato), names(gaza)
	assert.True(t, n[`"with <T>"`], "placeholder bigram")
	assert.True(t, n[`"accusing" within 2 words after target`], "near window")
	assert.False(t, n[`"nato"`], "the target's own words are replaced by the placeholder")
	assert.True(t, g[`"<E>"`], "other names become a placeholder")
	assert.False(t, g[`"nato"`])
	assert.True(t, g[`"genocide" in the target's clause`])
	assert.False(t, n[`"genocide" in the target's clause`], "clause features stay in the target's clause")
	assert.True(t, g[`"in <T>"`])
	assert.NotEqual(t, nato, gaza)

	ids := e.AppendFeatures(nil, petro, span(t, petro, "NATO"))
	require.Len(t, ids, len(nato))
	for i := range ids {
		assert.Equal(t, nato[i].ID, ids[i])
	}
}

// TestExtractorCueTrigrams checks that a target trigram holding a cue
// word comes again with the word's categories in its place, so that
// sentences with different cue words of one category share it, and that
// trigrams without cue words do not.
func TestExtractorCueTrigrams(t *testing.T) {
	e := features.NewExtractor()
	named := func(s string) map[string]uint64 {
		m := map[string]uint64{}
		for _, f := range e.AppendNamed(nil, s, span(t, s, "NATO")) {
			m[f.Name] = f.ID
		}
		return m
	}
	praised, hailed := named("The reform was praised by NATO officials."), named("The plan was hailed by NATO allies.")
	for _, name := range []string{`"praised by <T>"`, `"<support> by <T>"`, `"by <T> officials"`} {
		_, ok := praised[name]
		assert.True(t, ok, name)
	}
	assert.NotContains(t, praised, `"<support> <T> officials"`, "the middle trigram holds no cue word")
	assert.Equal(t, praised[`"<support> by <T>"`], hailed[`"<support> by <T>"`], "one cue trigram for both cue words")
	assert.NotEqual(t, praised[`"praised by <T>"`], hailed[`"hailed by <T>"`])
	n := 0
	for name := range praised {
		if strings.Contains(name, "<support>") {
			n++
		}
	}
	assert.Equal(t, 1, n, "one trigram holds the cue word, so one cue trigram")

	off := features.NewExtractor(features.WithCueTrigrams(false))
	for _, f := range off.AppendNamed(nil, "The reform was praised by NATO officials.", features.Span{Start: 26, End: 30}) {
		assert.NotContains(t, f.Name, "<support>")
	}
}

func TestExtractorNegation(t *testing.T) {
	e := features.NewExtractor()
	s := "The minister did not praise Siemens, but thanked Bosch."
	got := map[string]bool{}
	for _, f := range e.AppendNamed(nil, s, span(t, s, "Siemens")) {
		got[f.Name] = true
	}
	assert.True(t, got[`negated "praise"`])
	assert.True(t, got[`"thanked"`], "scope ends at the comma")
	assert.False(t, got[`negated "thanked"`])

	off := features.NewExtractor(features.WithNegation(false))
	for _, f := range off.AppendNamed(nil, s, span(t, s, "Siemens")) {
		assert.NotContains(t, f.Name, "negated")
	}
}

// TestFeatureIDsStable pins feature ids: they must not change across runs,
// platforms or refactors without a bump of features.Version. The ids of
// the settings that predate WithTrigrams and WithCueTrigrams are pinned
// apart, since models saved before them (decoded with them off) rely on
// them.
func TestFeatureIDsStable(t *testing.T) {
	text, target := "EU fined Apple.", features.Span{Start: 9, End: 14}
	hash := func(ids []uint64) uint64 {
		h := fnv.New64a()
		for _, id := range ids {
			h.Write(binary.LittleEndian.AppendUint64(nil, id))
		}
		return h.Sum64()
	}
	assert.Equal(t, 12, features.Version)
	old := features.NewExtractor(features.WithTrigrams(false)).AppendFeatures(nil, text, target)
	require.NotEmpty(t, old)
	assert.Equal(t, uint64(0x2d10b8e7e3989f90), old[0], "first feature id changed: bump features.Version")
	// Every id, not only the first: version 1 kept the first id and changed
	// others without a bump.
	assert.Equal(t, uint64(0x896c0d9c31022019), hash(old), "feature ids changed: bump features.Version")
	assert.Equal(t, features.GroupUnigram, features.GroupOf(old[0]))

	trigrams := func(ids []uint64) []uint64 {
		return slices.DeleteFunc(slices.Clone(ids), func(id uint64) bool { return features.GroupOf(id) != features.GroupTargetTrigram })
	}
	noCue := features.NewExtractor(features.WithCueTrigrams(false)).AppendFeatures(nil, text, target)
	require.Len(t, noCue, len(old)+3, "target trigrams add three ids")
	tri := trigrams(noCue)
	require.Len(t, tri, 3)
	assert.Equal(t, uint64(0x20ec2917c42960ee), hash(tri), "target trigram ids changed: bump features.Version")
	assert.ElementsMatch(t, old, slices.DeleteFunc(slices.Clone(noCue), func(id uint64) bool {
		return features.GroupOf(id) == features.GroupTargetTrigram
	}), "the trigrams add to the ids of the older settings and change none")

	// "fined" is a cue word: the two trigrams that hold it ("EU fined <T>",
	// "fined <T> .") come again with its categories in its place.
	ids := features.NewExtractor().AppendFeatures(nil, text, target)
	require.Len(t, ids, len(noCue)+2, "the default settings add two cue trigrams here")
	cue := slices.DeleteFunc(trigrams(ids), func(id uint64) bool { return slices.Contains(tri, id) })
	require.Len(t, cue, 2)
	assert.Equal(t, uint64(0x63cb1ae850e927fe), hash(cue), "cue trigram ids changed: bump features.Version")
	assert.ElementsMatch(t, noCue, slices.DeleteFunc(slices.Clone(ids), func(id uint64) bool { return slices.Contains(cue, id) }),
		"the cue trigrams add to the ids of the older settings and change none")

	seeded := features.NewExtractor(features.WithSeed(7)).AppendFeatures(nil, text, target)
	assert.NotEqual(t, ids, seeded, "the seed changes ids")
	for i := range ids {
		assert.NotEqual(t, ids[i], seeded[i], "the seed changes every id")
	}

	// Each feature set's name finder: a sentence whose ids its rules
	// change, with the hash of its ids as the current set gives them (cur)
	// and as the set before gave them (prev: the hash of the build before
	// the set). An extractor of the set before keeps its ids, as models of
	// it are still read, and gives the current ids on the sentences of the
	// sets before it: two sets differ only in the new rules.
	pins := []struct {
		v         int
		text      string // what the set's rules change, below
		target    features.Span
		cur, prev uint64
	}{
		// 3: the handles are other names (placeholders); "RT" before a
		// handle and "Can't" are no names.
		{3, "RT @nasa: Can't believe @elonmusk sued Apple.", features.Span{Start: 39, End: 44}, 0xeffe07fd9d3f004b, 0},
		// 4: "Floods" alone at the start is no name, so a word, not a
		// placeholder.
		{4, "Floods hit Apple.", features.Span{Start: 11, End: 16}, 0x8fbd89ac4a3fd2cc, 0xd7752cbc9ea56232},
		// 5: "Attorney General" is a title with its modifier, so "Merrick
		// Garland" is the other name; feature set 4 took "Attorney" for one.
		{5, "Attorney General Merrick Garland praised Apple.", features.Span{Start: 41, End: 46}, 0xfe13e5953df0c686, 0x56832cb749c3c81a},
		// 6: "Theresa May" is one name; feature set 5 took "May" for a month.
		{6, "Theresa May praised Apple.", features.Span{Start: 20, End: 25}, 0xe4e8f7b6f74d1851, 0x95cf7b5a376305ef},
		// 7: "Jeff Flake of Arizona" is a person and a place, so two
		// placeholders and "of"; feature set 6 took it for one name.
		{7, "Jeff Flake of Arizona praised Apple.", features.Span{Start: 30, End: 35}, 0x08a3e1855fc43009, 0xe4e8f7b6f74d1851},
		// 8: "Administrator" is a title before a person's name, so "EPA"
		// and "Lee Zeldin" are two names; feature set 7 took one.
		{8, "EPA Administrator Lee Zeldin praised Apple.", features.Span{Start: 37, End: 42}, 0x068412b16f0ec76a, 0xe4e8f7b6f74d1851},
		// 9: in a headline in title case, "Signs" and "Ceremony" are words
		// of names/headline.txt, so "Brasília" is a name of its own;
		// feature set 8 took "Brasília Ceremony" and "Income Tax Reform".
		{9, "Lula Signs Income Tax Reform Into Law At Brasília Ceremony", features.Span{Start: 0, End: 4}, 0x916d3922696b461d, 0xa6e7fe8349f431f9},
		// 10: "500" after "S&P" is in the name, so one placeholder; feature
		// set 9 took "500" for a number, a word.
		{10, "Boeing praised the S&P 500 rally.", features.Span{Start: 0, End: 6}, 0x2e13ed8f8b273f89, 0xc59f9b18d219409c},
		// 11: the soft hyphens are inside the words, and the terms drop
		// them, so "Zelenskyy" is one name and "condemned" a cue word;
		// feature set 10 took "Zelen" for a name and "con" and "demned" for
		// words, with the hyphens as punctuation between them.
		{11, "Zelen\u00adskyy con\u00addemned Apple.", features.Span{Start: 24, End: 29}, 0x0fedc63810a75df4, 0xed989229f6de0ae4},
	}
	cur := features.NewExtractor()
	for k, p := range pins {
		assert.Equal(t, p.cur, hash(cur.AppendFeatures(nil, p.text, p.target)), "feature ids of feature set %d's name finder changed: bump features.Version", p.v)
		if k == 0 {
			continue // feature set 3 is the oldest read
		}
		prev := extractorOfVersion(t, byte(p.v-1))
		assert.Equal(t, p.prev, hash(prev.AppendFeatures(nil, p.text, p.target)),
			"feature set %d's ids changed: models of set %d are still read, so raise features.MinVersion", p.v-1, p.v-1)
		for _, q := range pins[:k] {
			assert.Equal(t, cur.AppendFeatures(nil, q.text, q.target), prev.AppendFeatures(nil, q.text, q.target),
				"feature sets %d and %d differ only in the new rules: %s", p.v-1, p.v, q.text)
		}
	}
}

func TestExtractorMarshal(t *testing.T) {
	e := features.NewExtractor(features.WithWindow(4, 1), features.WithBigrams(false), features.WithSeed(42))
	b, err := e.MarshalBinary()
	require.NoError(t, err)
	d, err := features.UnmarshalExtractor(b)
	require.NoError(t, err)
	assert.Equal(t, e.String(), d.String())
	sp := span(t, petro, "NATO")
	assert.Equal(t, e.AppendFeatures(nil, petro, sp), d.AppendFeatures(nil, petro, sp))

	// The flags byte comes just before the 8-byte seed; bit 6 is
	// WithTrigrams, bit 7 WithCueTrigrams. An encoding written before an
	// option existed has its bit clear, and decodes to an extractor
	// without it.
	flags := len(b) - 9
	require.NotZero(t, b[flags]&64, "trigrams are on by default")
	require.NotZero(t, b[flags]&128, "cue trigrams are on by default")
	for _, c := range []struct {
		bits byte
		want string
		opts []features.Option
	}{
		{128, "cue-trigrams=false", []features.Option{features.WithCueTrigrams(false)}},
		{64 | 128, "trigrams=false cue-trigrams=false", []features.Option{features.WithTrigrams(false), features.WithCueTrigrams(false)}},
	} {
		older := slices.Clone(b)
		older[flags] &^= c.bits
		d, err = features.UnmarshalExtractor(older)
		require.NoError(t, err)
		assert.Contains(t, d.String(), c.want)
		same := features.NewExtractor(append([]features.Option{features.WithWindow(4, 1), features.WithBigrams(false), features.WithSeed(42)}, c.opts...)...)
		assert.Equal(t, same.AppendFeatures(nil, petro, sp), d.AppendFeatures(nil, petro, sp))
	}
	// Without target trigrams, cue trigrams add nothing and are recorded
	// off, so the encoding is the one written before they existed.
	noTri, err := features.NewExtractor(features.WithTrigrams(false)).MarshalBinary()
	require.NoError(t, err)
	assert.Zero(t, noTri[len(noTri)-9]&128, "bit 7 clear without trigrams")
	assert.Contains(t, features.NewExtractor(features.WithTrigrams(false)).String(), " trigrams=false cue-trigrams=false")

	bad := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, features.ErrExtractorEncoding},
		{"future version", append([]byte{99}, b[1:]...), features.ErrFeatureVersion},
		{"next version", append([]byte{features.Version + 1}, b[1:]...), features.ErrFeatureVersion},
		{"version 2", append([]byte{2}, b[1:]...), features.ErrFeatureVersion},
		{"truncated", b[:len(b)-1], features.ErrExtractorEncoding},
		{"trailing", append(append([]byte{}, b...), 0), features.ErrExtractorEncoding},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := features.UnmarshalExtractor(c.data)
			assert.ErrorIs(t, err, c.want)
		})
	}
}

// extractorOfVersion returns an extractor with the default settings of
// feature set version v, decoded as from a model file of that version.
func extractorOfVersion(t *testing.T, v byte) *features.Extractor {
	t.Helper()
	b, err := features.NewExtractor().MarshalBinary()
	require.NoError(t, err)
	require.Equal(t, byte(features.Version), b[0], "the version is the first byte")
	b[0] = v
	e, err := features.UnmarshalExtractor(b)
	require.NoError(t, err)
	return e
}

// TestFeatureSet3Kept checks that an extractor of feature set 3, as a
// model file of that set holds, keeps its name finder and says which set
// it is, while new extractors are of the current set.
func TestFeatureSet3Kept(t *testing.T) {
	v3 := extractorOfVersion(t, 3)
	assert.Contains(t, v3.String(), "features v3:")
	assert.Contains(t, features.NewExtractor().String(), fmt.Sprintf("features v%d:", features.Version))
	b, err := v3.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, byte(3), b[0], "written back as feature set 3")

	const s = "Floods hit São Paulo."
	mentions := func(e *features.Extractor) []string {
		var p features.Prepared
		e.Prepare(&p, s)
		return texts2(s, p.Mentions())
	}
	assert.Equal(t, []string{"Floods", "São Paulo"}, mentions(v3))
	assert.Equal(t, []string{"São Paulo"}, mentions(features.NewExtractor()))
	assert.Equal(t, []string{"São Paulo"}, texts2(s, features.Mentions(nil, s)), "Mentions uses the current set")
	assert.Equal(t, 3, v3.Version())
	assert.Equal(t, features.Version, features.NewExtractor().Version())

	// A sentence prepared by an extractor of the other set is prepared
	// again by AppendPrepared, and not laid out by Layout.
	sp := features.Span{Start: strings.Index(s, "São"), End: len(s) - 1}
	for _, c := range []struct{ by, with *features.Extractor }{{features.NewExtractor(), v3}, {v3, features.NewExtractor()}} {
		var p features.Prepared
		c.by.Prepare(&p, s)
		assert.Equal(t, c.with.AppendFeatures(nil, s, sp), c.with.AppendPrepared(nil, &p, sp))
		var l features.Layout
		assert.False(t, c.with.Layout(&l, &p, 0))
		assert.True(t, c.by.Layout(&l, &p, 0))
	}
}

// keptCase is a sentence whose mentions a newer feature set's rules
// change: the mentions of the older set and of the newer, and the hash of
// the older set's ids of the target, pinned from the build before the
// newer set existed.
type keptCase struct {
	text, target string
	old, cur     []string
	oldIDs       uint64
}

// checkKept checks that an extractor of feature set v, as a model file of
// that set holds, says which set it is, is written back as it, and keeps
// its name finder and its ids on the cases, where the extractor cur of
// the next set finds other mentions and other ids; when cur is of the
// current set, that Mentions finds cur's.
func checkKept(t *testing.T, v byte, cur *features.Extractor, cases []keptCase) {
	t.Helper()
	old := extractorOfVersion(t, v)
	assert.Contains(t, old.String(), fmt.Sprintf("features v%d:", v))
	assert.Equal(t, int(v), old.Version())
	b, err := old.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, v, b[0], "written back as its feature set")

	hash := func(ids []uint64) uint64 {
		h := fnv.New64a()
		for _, id := range ids {
			h.Write(binary.LittleEndian.AppendUint64(nil, id))
		}
		return h.Sum64()
	}
	for _, c := range cases {
		mentions := func(e *features.Extractor) []string {
			var p features.Prepared
			e.Prepare(&p, c.text)
			return texts2(c.text, p.Mentions())
		}
		assert.Equal(t, c.old, mentions(old), c.text)
		assert.Equal(t, c.cur, mentions(cur), c.text)
		sp := span(t, c.text, c.target)
		ids := old.AppendFeatures(nil, c.text, sp)
		assert.Equal(t, c.oldIDs, hash(ids), "%s: feature set %d's ids changed", c.text, v)
		assert.NotEqual(t, ids, cur.AppendFeatures(nil, c.text, sp), c.text)
		// A sentence prepared by an extractor of the other set is prepared
		// again by AppendPrepared, and not laid out by Layout.
		for _, e := range []struct{ by, with *features.Extractor }{{cur, old}, {old, cur}} {
			var p features.Prepared
			e.by.Prepare(&p, c.text)
			assert.Equal(t, e.with.AppendFeatures(nil, c.text, sp), e.with.AppendPrepared(nil, &p, sp))
			var l features.Layout
			assert.False(t, e.with.Layout(&l, &p, 0))
		}
		if cur.Version() == features.Version {
			assert.Equal(t, c.cur, texts2(c.text, features.Mentions(nil, c.text)), "Mentions uses the current set")
		}
	}
}

// TestFeatureSet4Kept checks that an extractor of feature set 4 keeps its
// name finder and its ids on sentences that feature set 5's rules change:
// the mentions and the hashes of the ids are those of the build before
// feature set 5.
func TestFeatureSet4Kept(t *testing.T) {
	checkKept(t, 4, extractorOfVersion(t, 5), []keptCase{
		{"Neither Tehran nor Washington agreed.", "Washington",
			[]string{"Neither Tehran", "Washington"}, []string{"Tehran", "Washington"}, 0xc9679fd45249d822},
		{"Attorney General Merrick Garland met Crown Prince Haakon and Crown Resorts.", "Crown Resorts",
			[]string{"Attorney", "Merrick Garland", "Crown", "Haakon", "Crown Resorts"},
			[]string{"Merrick Garland", "Haakon", "Crown Resorts"}, 0x984dc6f183e6fe51},
		{"U.N. Secretary-General Liv Tangen thanked Israeli Prime Minister Dov Adler.", "Liv Tangen",
			[]string{"U.N. Secretary-General Liv Tangen", "Israeli Prime Minister Dov Adler"},
			[]string{"U.N.", "Liv Tangen", "Dov Adler"}, 0x5b45c392650bf516},
		{"Secretary of State Antony Blinken met Minister of Finance Kofi Mensah at the Department of State.", "Kofi Mensah",
			[]string{"State Antony Blinken", "Finance Kofi Mensah", "Department of State"},
			[]string{"Antony Blinken", "Kofi Mensah", "Department of State"}, 0x27078c6dc5df9852},
	})
}

// TestFeatureSet5Kept checks the same of feature set 5 against feature set
// 6's rules, with hashes from the build before feature set 6.
func TestFeatureSet5Kept(t *testing.T) {
	cases := []keptCase{
		{"Ursula von der Leyen met Erik Lund in Oslo.", "Erik Lund",
			[]string{"Ursula", "Leyen", "Erik Lund", "Oslo"}, []string{"Ursula von der Leyen", "Erik Lund", "Oslo"}, 0x698ef63117efb929},
		{"Ms. von der Leyen praised George W. Bush.", "Bush",
			[]string{"Leyen", "George W", "Bush"}, []string{"von der Leyen", "George W. Bush"}, 0x1e73097b9c1783fd},
		{"Prime Minister May met Charles Q. Brown Jr. in St. Louis.", "Louis",
			[]string{"Charles Q", "Brown Jr", "St", "Louis"}, []string{"May", "Charles Q. Brown Jr.", "St. Louis"}, 0x116bc7649d716217},
	}
	checkKept(t, 5, extractorOfVersion(t, 6), cases)
}

// TestFeatureSet6Kept checks the same of feature set 6 against feature set
// 7's rules, with hashes from the build before feature set 7.
func TestFeatureSet6Kept(t *testing.T) {
	cases := []keptCase{
		{"Senator Jeff Flake of Arizona praised Rep. Paul Ryan (R-Wis.) on Monday.", "Paul Ryan",
			[]string{"Jeff Flake of Arizona", "Paul Ryan", "R-Wis"}, []string{"Jeff Flake", "Arizona", "Paul Ryan"}, 0x363d2aa4d8121bf4},
		{"The US-China talks angered the People's Liberation Army and McDonald's investors.", "Liberation Army",
			[]string{"US-China", "Liberation Army", "McDonald"}, []string{"US", "China", "People's Liberation Army", "McDonald's"}, 0xf31b949430a31ba0},
		{"The Centers for Disease Control and Prevention and the Food and Drug Administration warned.", "Food",
			[]string{"Centers", "Disease Control", "Prevention", "Food", "Drug Administration"},
			[]string{"Centers for Disease Control and Prevention", "Food and Drug Administration"}, 0x32b2907ee3d80046},
	}
	checkKept(t, 6, features.NewExtractor(), cases)
}

// TestFeatureSet7Kept checks the same of feature set 7 against feature set
// 8's rules, with hashes from the build before feature set 8.
func TestFeatureSet7Kept(t *testing.T) {
	cases := []keptCase{
		{"Broward County Sheriff Scott Israel praised Apple.", "Apple",
			[]string{"Broward County Sheriff Scott Israel", "Apple"}, []string{"Broward County", "Scott Israel", "Apple"}, 0xe4e8f7b6f74d1851},
		{"Supreme Court Justice Brett Kavanaugh thanked Stephen King.", "Brett Kavanaugh",
			[]string{"Supreme Court Justice Brett Kavanaugh", "Stephen"}, []string{"Supreme Court", "Brett Kavanaugh", "Stephen King"}, 0x25dd9998a4c6d15c},
		{"Special Agent Ricardo Enriquez met Premier League officials.", "Premier League",
			[]string{"Special Agent Ricardo Enriquez", "Premier League"}, []string{"Ricardo Enriquez", "Premier League"}, 0xdb2babda07e91642},
	}
	checkKept(t, 7, features.NewExtractor(), cases)
}

// TestFeatureSet8Kept checks that an extractor of feature set 8 keeps its
// name finder and its ids on headlines that feature set 9's rules change:
// the mentions and the hashes of the ids are those of the build before
// feature set 9.
func TestFeatureSet8Kept(t *testing.T) {
	cases := []keptCase{
		{"Orbán Vows To Block EU Sanctions Until Gas Waiver Is Granted", "Orbán",
			[]string{"Orbán", "Block EU", "Gas Waiver"}, []string{"Orbán", "EU", "Gas Waiver"}, 0x80bfe805a1ee0d75},
		{"Apple’s iPhone 17 Sales Beat Expectations in China", "China",
			[]string{"Apple", "iPhone", "Sales Beat Expectations", "China"}, []string{"Apple", "iPhone", "China"}, 0xb85230e5b781b2f7},
		{"SENATE CLEARS STOPGAP BILL IN LATE-NIGHT VOTE, SENDS IT TO HOUSE", "SENATE",
			[]string{"SENATE", "STOPGAP BILL IN LATE-NIGHT VOTE", "SENDS IT TO HOUSE"}, []string{"SENATE", "STOPGAP BILL", "LATE-NIGHT", "HOUSE"}, 0x1ae37a3108366dfd},
	}
	checkKept(t, 8, extractorOfVersion(t, 9), cases)
}

// TestFeatureSet9Kept checks that an extractor of feature set 9 keeps its
// name finder and its ids on sentences that feature set 10's rule
// changes: the mentions and the hashes of the ids are those of the build
// before feature set 10.
func TestFeatureSet9Kept(t *testing.T) {
	cases := []keptCase{
		{"The S&P 500 fell as Boeing 737 MAX deliveries slowed.", "Boeing",
			[]string{"S&P", "Boeing", "MAX"}, []string{"S&P 500", "Boeing 737 MAX"}, 0x3cb37d964b49fab2},
		{"Hamilton won the Formula 1 race as Windows 11 sales rose.", "Hamilton",
			[]string{"Hamilton", "Formula", "Windows"}, []string{"Hamilton", "Formula 1", "Windows 11"}, 0x14a41fa4fba0169c},
		{"Apple’s iPhone 17 Sales Beat Expectations in China", "China",
			[]string{"Apple", "iPhone", "China"}, []string{"Apple", "iPhone 17", "China"}, 0x3529f206e7283de5},
	}
	checkKept(t, 9, features.NewExtractor(), cases)
}

// TestFeatureSet10Kept checks that an extractor of feature set 10 keeps
// its tokenizer, name finder and ids on sentences with invisible joiners
// inside words, which feature set 11 reads as whole words: the mentions
// and the hashes of the ids are those of the build before feature set 11
// (8f3c75a).
func TestFeatureSet10Kept(t *testing.T) {
	cases := []keptCase{
		{"Zelen\u00adskyy thanked Germany for the air-defence systems.", "Germany",
			[]string{"Zelen", "Germany"}, []string{"Zelen\u00adskyy", "Germany"}, 0x76d6da80fe28848f},
		{"The Ministry of Foreign Af\u00adfairs con\u00addemned Iran on Tuesday.", "Iran",
			[]string{"Ministry of Foreign Af", "Iran"}, []string{"Ministry of Foreign Af\u00adfairs", "Iran"}, 0x645dfe4323982b81},
		{"Gov\u00adernor Kathy Ho\u2060chul praised New York’s police.", "New York",
			[]string{"Kathy Ho", "New York"}, []string{"Kathy Ho\u2060chul", "New York"}, 0x8faffb35e3facde4},
		{"Ama\u200dzon’s rivals, Wal\u200cmart and Tar\u00adget, cut prices.", "Wal\u200cmart",
			[]string{"Ama", "Wal", "Tar"}, []string{"Ama\u200dzon", "Wal\u200cmart", "Tar\u00adget"}, 0x1a58b49d410a3581},
	}
	checkKept(t, 10, features.NewExtractor(), cases)
	// Its explanations name its terms as it spells them: with the joiner
	// a term of its own (the bigram "\u00ad skyy"), where feature set 11's
	// terms have none.
	names := func(e *features.Extractor) string {
		var b strings.Builder
		for _, f := range e.AppendNamed(nil, cases[0].text, span(t, cases[0].text, cases[0].target)) {
			b.WriteString(f.Name + "|")
		}
		return b.String()
	}
	assert.Contains(t, names(extractorOfVersion(t, 10)), `"\u00ad skyy"`) // names are quoted, as %q quotes
	assert.NotContains(t, names(features.NewExtractor()), `\u00ad`)
}

// TestFeatureSet11Kept checks that an extractor of feature set 11 keeps
// its name finder and ids on sentences that feature set 12's rule
// changes: the mentions and the hashes of the ids are those of the build
// before feature set 12 (eaf6c3b).
func TestFeatureSet11Kept(t *testing.T) {
	cases := []keptCase{
		{"Sadly Trump won the vote in Ohio.", "Ohio",
			[]string{"Sadly Trump", "Ohio"}, []string{"Trump", "Ohio"}, 0x74761f065a8b4b7f},
		{"Honestly Google's Gemini beats OpenAI.", "OpenAI",
			[]string{"Honestly Google", "Gemini", "OpenAI"}, []string{"Google", "Gemini", "OpenAI"}, 0x7dfb17b77fe1c85e},
		{"Thanks Obama for the jobs in Michigan.", "Michigan",
			[]string{"Thanks Obama", "Michigan"}, []string{"Obama", "Michigan"}, 0xa53537c398c8a9eb},
	}
	checkKept(t, 11, features.NewExtractor(), cases)
}

// TestFeatureSet12Words checks feature set 12's rule, a sentence adverb
// or an interjection before a name that opens a sentence, where it
// applies and where it must not.
func TestFeatureSet12Words(t *testing.T) {
	cases := []mentionCase{
		{"a sentence adverb", "Sadly Trump won.", []string{"Trump"}},
		{"before a possessive", "Honestly Google's Gemini is better.", []string{"Google", "Gemini"}},
		{"before a name of two words", "Clearly Boris Johnson lied.", []string{"Boris Johnson"}},
		{"after a colon", "Breaking: Unfortunately Apple fell.", []string{"Apple"}},
		{"after an opening quote", "\"Frankly NATO failed,\" he said.", []string{"NATO"}},
		{"an interjection", "Thanks Obama.", []string{"Obama"}},
		{"a greeting", "Dear Elon Musk, please stop.", []string{"Elon Musk"}},
		{"before a full name", "Congrats Lewis Hamilton!", []string{"Lewis Hamilton"}},
		{"after a handle", "@BBCNews Sadly Boris Johnson lied again.", []string{"@BBCNews", "Boris Johnson"}},
		{"after a thread's count", "1/ Honestly Microsoft has lost the plot.", []string{"Microsoft"}},
	}
	unchanged := []mentionCase{
		{"an adverb alone", "Sadly, Trump won.", []string{"Trump"}},
		{"a name of an adjective in -ly", "Daily Mail editor Ted Verity resigned.", []string{"Daily Mail", "Ted Verity"}},
		{"a name of a noun in -ly", "Holy See officials met Lonely Planet staff.", []string{"Holy See", "Lonely Planet"}},
		{"a surname in -ly", "Kelly Ayotte spoke.", []string{"Kelly Ayotte"}},
		{"not at the start", "Critics said Sadly Trump was a meme.", []string{"Sadly Trump"}},
		{"a brand after Hello", "Hello Kitty sales rose.", []string{"Hello Kitty"}},
		{"a show after Breaking", "Breaking Bad won again.", []string{"Breaking Bad"}},
		{"a title of an adverb and a common word", "Absolutely Fabulous returns.", []string{"Absolutely Fabulous"}},
		{"a title of two openers", "Bye Bye Birdie opens.", []string{"Bye Bye Birdie"}},
		{"a brand after Wow", "Wow Air collapsed.", []string{"Wow Air"}},
	}
	checkRules(t, features.NewExtractor(), extractorOfVersion(t, 11), cases, unchanged)
}

// TestFeatureSet11Words checks feature set 11's rule, invisible joiners
// inside words and numbers, on names, titles, numbers and headlines.
func TestFeatureSet11Words(t *testing.T) {
	cases := []mentionCase{
		{"a soft hyphen in a name", "Zelen\u00adskyy thanked Germany.", []string{"Zelen\u00adskyy", "Germany"}},
		{"in a title", "Gov\u00adernor Kathy Ho\u2060chul spoke.", []string{"Kathy Ho\u2060chul"}},
		{"in a common word opening the sentence", "Presi\u00addent Lula met Petro.", []string{"Lula", "Petro"}},
		{"in a name's connector", "The Ministry o\u200cf Foreign Af\u00adfairs spoke.", []string{"Ministry o\u200cf Foreign Af\u00adfairs"}},
		{"in a number", "The S&P 5\u00ad00 fell as Boeing 7\u00ad37 MAX jets flew.", []string{"S&P 5\u00ad00", "Boeing 7\u00ad37 MAX"}},
		{"in a year", "Paris 20\u00ad24 thanked Windows 1\u200d1 users.", []string{"Paris 20\u00ad24", "Windows 1\u200d1"}},
		{"in a headline", "Zelen\u00adskyy Slams Rus\u00adsia Over At\u00adtacks", []string{"Zelen\u00adskyy", "Rus\u00adsia"}},
		{"in capitals", "WOMEN'S 15\u00ad00M FINAL: KIP\u00adYEGON WINS", []string{"KIP\u00adYEGON"}},
	}
	unchanged := []mentionCase{
		{"a joiner between words", "Zelenskyy \u00ad thanked \u200dGermany.", []string{"Zelenskyy", "Germany"}},
		{"two joiners in a row", "Zelen\u00ad\u00adskyy spoke.", []string{"Zelen"}},
	}
	checkRules(t, features.NewExtractor(), extractorOfVersion(t, 10), cases, unchanged)
	// Each case with its joiners gives the mentions of its text without.
	for _, c := range cases {
		plain := features.StripJoiners(c.in)
		want := make([]string, len(c.want))
		for i, w := range c.want {
			want[i] = features.StripJoiners(w)
		}
		assert.Equal(t, want, texts2(plain, features.Mentions(nil, plain)), plain)
	}
}

// TestJoinersChangeNothing checks feature set 11's promise on every
// sentence of the built-in corpus and, when ../shared/data is beside the
// repository, of the default model's training data, as written and in
// capitals: an invisible joiner put inside a word or a number — the soft
// hyphen a web page writes to hint a line break, a zero-width joiner or
// non-joiner, a word joiner — changes neither the mentions found (but for
// the joiner's bytes inside them) nor the ids of any labelled target. One
// to three joiners go between two letters or two digits of a word or
// number token of a sentence, chosen at random, but not inside a web
// address (a joiner unmakes one) nor within four bytes of an apostrophe (a
// curly one takes three), as a joiner inside a contraction ("we'r\u00ade")
// hides its clitic from the tokenizer. Feature set 10, which split words
// at joiners, fails the same check on most targets.
func TestJoinersChangeNothing(t *testing.T) {
	joiners := []string{"\u00ad", "\u200c", "\u200d", "\u2060"}
	rng := rand.New(rand.NewPCG(11, 12))
	// join puts joiners into s, and returns it with a map of s's spans
	// into it: past the joiners before a span, and past one at its start
	// (none is at a start or an end, as they go between two letters).
	join := func(s string) (string, func(features.Span) features.Span, bool) {
		var at []int
		for _, tk := range features.Tokenize(nil, s) {
			if tk.Kind != features.Word && tk.Kind != features.Number {
				continue // not inside a web address: "HT\u2060TPS://" is none
			}
			prev := rune(-1)
			for i, r := range tk.Text(s) {
				i += tk.Start
				if (unicode.IsLetter(prev) && unicode.IsLetter(r) || unicode.IsDigit(prev) && unicode.IsDigit(r)) &&
					!strings.ContainsAny(s[max(0, i-4):min(len(s), i+4)], "'’") {
					at = append(at, i)
				}
				prev = r
			}
		}
		if len(at) == 0 {
			return "", nil, false
		}
		var cuts []int
		for range 1 + rng.IntN(3) {
			cuts = append(cuts, at[rng.IntN(len(at))])
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		j := joiners[rng.IntN(len(joiners))]
		var sb strings.Builder
		last := 0
		for _, c := range cuts {
			sb.WriteString(s[last:c] + j)
			last = c
		}
		sb.WriteString(s[last:])
		return sb.String(), func(sp features.Span) features.Span {
			moved := sp
			for _, c := range cuts {
				if c <= sp.Start {
					moved.Start += len(j)
				}
				if c < sp.End {
					moved.End += len(j)
				}
			}
			return moved
		}, true
	}
	cur, old := features.NewExtractor(), extractorOfVersion(t, 10)
	var p, q features.Prepared
	var a, b []uint64
	// check runs the examples, each as written and in capitals (the
	// capitals for the mentions only: their targets' offsets may move),
	// and returns how many targets it checked and how many of them
	// feature set 10 gives other ids.
	check := func(t *testing.T, exs []corpus.Example) (targets, oldChanged int) {
		sentences := 0
		sameMentions := func(plain, text string, move func(features.Span) features.Span) {
			cur.Prepare(&p, plain)
			cur.Prepare(&q, text)
			want := make([]features.Span, 0, len(p.Mentions()))
			for _, m := range p.Mentions() {
				want = append(want, move(m))
			}
			require.Equal(t, want, q.Mentions(), "%q", text)
			sentences++
		}
		for _, ex := range exs {
			if caps := strings.ToUpper(ex.Text); caps != ex.Text {
				if text, move, ok := join(caps); ok {
					sameMentions(caps, text, move)
				}
			}
			text, move, ok := join(ex.Text)
			if !ok {
				continue
			}
			sameMentions(ex.Text, text, move)
			for _, tg := range ex.Targets {
				sp := features.Span{Start: tg.Start, End: tg.End}
				targets++
				a, b = cur.AppendFeatures(a[:0], ex.Text, sp), cur.AppendFeatures(b[:0], text, move(sp))
				require.Equal(t, a, b, "%q, target %q", text, tg.Mention)
				if !slices.Equal(old.AppendFeatures(a[:0], ex.Text, sp), old.AppendFeatures(b[:0], text, move(sp))) {
					oldChanged++
				}
			}
		}
		t.Logf("%d sentences, as written and in capitals, and %d targets: joiners change the ids of none with feature set 11, of %d with feature set 10",
			sentences, targets, oldChanged)
		return targets, oldChanged
	}
	t.Run("built-in corpus", func(t *testing.T) {
		var exs []corpus.Example
		for _, split := range []corpus.Split{corpus.Train, corpus.Test} {
			part, err := corpus.Builtin(split)
			require.NoError(t, err)
			exs = append(exs, part...)
		}
		targets, oldChanged := check(t, exs)
		assert.Greater(t, targets, 4000)
		assert.Greater(t, oldChanged, targets/2, "feature set 10 splits words at joiners")
	})
	// The default model's training data, NewsMTSC train and the corpus's
	// train part, when ../shared/data is beside the repository.
	t.Run("training data", func(t *testing.T) {
		targets, oldChanged := check(t, testtexts.Training(t))
		assert.Greater(t, targets, 14000)
		assert.Greater(t, oldChanged, targets/2, "feature set 10 splits words at joiners")
	})
}

// TestFeatureSet5Words checks each rule of feature set 5's name finder,
// where it applies and where it must not.
func TestFeatureSet5Words(t *testing.T) {
	// Cases of the new rules: feature set 4 finds other mentions.
	cases := []mentionCase{
		// Function words: no name alone, and none leads a name.
		{"function word leads a run", "Neither Tehran nor Washington agreed.", []string{"Tehran", "Washington"}},
		{"before a comma", "Unlike Germany, France spent more.", []string{"Germany", "France"}},
		{"leads a plural", "Among Democrats, Ortiz leads.", []string{"Democrats", "Ortiz"}},
		{"alone", "Whatever, said Lindqvist. Perhaps.", []string{"Lindqvist"}},
		{"after an opening quote", "“Following Brandt, we voted,” Ilse said.", []string{"Brandt", "Ilse"}},
		// Title modifiers, dropped before a title only.
		{"modifier before a title", "Attorney General Merrick Garland spoke.", []string{"Merrick Garland"}},
		{"more modifiers", "First Minister Rhona Baird met Surgeon General Tomas Reyes.", []string{"Rhona Baird", "Tomas Reyes"}},
		{"crown prince", "Crown Prince Haakon came.", []string{"Haakon"}},
		{"press and treasury", "Press Secretary Noor Aziz and Treasury Secretary Lena Voss met Treasury officials.", []string{"Noor Aziz", "Lena Voss", "Treasury"}},
		{"a chain of modifiers without a title", "The Health Education Trust paid.", []string{"Health Education Trust"}},
		{"a chain of modifiers before a title", "Deputy Assistant Secretary Ivo Marsh left.", []string{"Ivo Marsh"}},
		{"title alone", "The Attorney General and the Crown Prince left.", []string{}},
		// Hyphenated titles.
		{"hyphenated title", "U.N. Secretary-General Liv Tangen spoke.", []string{"U.N.", "Liv Tangen"}},
		{"hyphenated title, lower case", "Vice-president Ada Ruiz and Lieutenant-Governor Omar Haddad met.", []string{"Ada Ruiz", "Omar Haddad"}},
		{"non-breaking hyphen", "Director‑General Ana Lima spoke.", []string{"Ana Lima"}},
		{"hyphenated title alone", "The Secretary-General spoke.", []string{}},
		// A title with its modifiers starts a new name inside a run.
		{"demonym, modifier, title", "Israeli Prime Minister Dov Adler spoke.", []string{"Dov Adler"}},
		{"name, modifier, title", "Nordia Health Minister Jonas Berg resigned.", []string{"Nordia", "Jonas Berg"}},
		{"name, modifiers, title", "Senate Majority Leader Ines Park spoke.", []string{"Senate", "Ines Park"}},
		{"title of modifier", "Secretary of State Antony Blinken met Minister of Finance Kofi Mensah.", []string{"Antony Blinken", "Kofi Mensah"}},
		{"title of modifier alone", "The Secretary of State said so.", []string{}},
		// A common word alone after a colon, as at the start.
		{"after a colon", "Breaking: Floods hit Porto Alegre.", []string{"Porto Alegre"}},
		{"after a handle and a colon", "RT @Kestrel_News: Great result for Lyon.", []string{"@Kestrel_News", "Lyon"}},
		// No-break spaces join name words.
		{"no-break space", "They met Ilse\u00a0Brandt today.", []string{"Ilse\u00a0Brandt"}},
		{"narrow no-break space and a space", "They met Ilse \u202fBrandt and Bank\u00a0of\u00a0Oslo.", []string{"Ilse \u202fBrandt", "Bank\u00a0of\u00a0Oslo"}},
		// Headlines in title case.
		{"headline", "Ortiz Slams Veltria Over Tax Deal Claims", []string{"Ortiz", "Veltria", "Tax Deal"}},
		{"headline, names of two words", "Ada Ruiz Meets Jonas Berg In Porto Alegre", []string{"Ada Ruiz", "Jonas Berg", "Porto Alegre"}},
		{"headline, common words stay in names", "Ortiz Visits New Carthage After Storm Hits Human Rights Office", []string{"Ortiz", "New Carthage", "Human Rights Office"}},
		{"headline, short words in lower case", "Kovac to Face Brandt in Final as Rivals Clash", []string{"Kovac", "Brandt"}},
		{"headline in capitals", "ORTIZ SLAMS VELTRIA OVER DEAL", []string{"ORTIZ", "VELTRIA"}},
		{"headline, names with positive words", "Ortiz Meets Joy Reid And Best Buy Staff", []string{"Ortiz", "Joy Reid", "Best Buy Staff"}},
		{"headline, a short acronym in capitals stays", "USAID And AID Officials Meet Kenya Ministers", []string{"USAID", "AID", "Kenya"}},
		{"headline, a lone common word after a connector", "Biden Warns of Storm Damage After Talks With Bank of England", []string{"Biden", "Bank of England"}},
		{"headline, a name of common words", "Human Rights Watch Condemns Saudi Executions", []string{"Human Rights Watch", "Saudi Executions"}},
		{"short acronyms stay in a headline", "US Backs EU Over Tax Deal", []string{"US", "EU", "Tax Deal"}},
	}
	// Cases the rules must leave alone: feature set 4 finds the same.
	unchanged := []mentionCase{
		{"inside a run it stays", "We met at Bridge Across Waters Trust.", []string{"Bridge Across Waters Trust"}},
		{"lower case is no name anyway", "It sits between Kyiv and Warsaw, unlike Minsk.", []string{"Kyiv", "Warsaw", "Minsk"}},
		{"modifier without a title starts a name", "Crown Resorts, First Republic Bank and the Supreme Court.", []string{"Crown Resorts", "First Republic Bank", "Supreme Court"}},
		{"hyphenated names stay", "Rolls-Royce, Coca-Cola and Hewlett-Packard.", []string{"Rolls-Royce", "Coca-Cola", "Hewlett-Packard"}},
		{"a title part with a name part", "General-Motors and President-Smith.", []string{"General-Motors", "President-Smith"}},
		{"no title before of", "He joined the Department of State.", []string{"Department of State"}},
		{"a new modifier ends a name", "They run Home Assistant.", []string{"Home Assistant"}},
		{"modifiers lead the run", "Labour Party Leader Keir Starmer spoke.", []string{"Keir Starmer"}},
		{"a colon before a name", "Its rival: Veltria.", []string{"Veltria"}},
		{"an organisation after a title and of", "Ada Ruiz, the CEO of Home Depot, and the Chairman of State Street spoke.", []string{"Ada Ruiz", "Home Depot", "State Street"}},
		{"a colon before a name run", "The winner: Great Lakes Trust.", []string{"Great Lakes Trust"}},
		{"two spaces", "They met Ilse  Brandt.", []string{"Ilse  Brandt"}},
		{"a tab is no joint", "They met Ilse\tBrandt.", []string{"Ilse", "Brandt"}},
		{"a sentence, not a headline", "We met Ortiz at Harbour Deal Trust.", []string{"Ortiz", "Harbour Deal Trust"}},
		{"lower-case words make no headline", "Ortiz says Veltria Harbour Deal Claims are false", []string{"Ortiz", "Veltria Harbour Deal Claims"}},
	}
	checkRules(t, extractorOfVersion(t, 5), extractorOfVersion(t, 4), cases, unchanged)
}

// mentionCase is a sentence and the mentions a feature set finds in it.
type mentionCase struct {
	name, in string
	want     []string
}

// checkRules checks that the extractor cur finds the mentions of each
// case, and that the extractor prev of the set before finds other
// mentions in cases (each tests a new rule) and the same in unchanged
// (which the new rules must leave alone).
func checkRules(t *testing.T, cur, prev *features.Extractor, cases, unchanged []mentionCase) {
	t.Helper()
	mentions := func(e *features.Extractor, in string) []string {
		var p features.Prepared
		e.Prepare(&p, in)
		return texts2(in, p.Mentions())
	}
	for _, c := range append(cases, unchanged...) {
		same := slices.ContainsFunc(unchanged, func(u mentionCase) bool { return u.name == c.name })
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, mentions(cur, c.in))
			if same {
				assert.Equal(t, c.want, mentions(prev, c.in), "the set before")
			} else {
				assert.NotEqual(t, c.want, mentions(prev, c.in), "the set before: the case tests no new rule")
			}
		})
	}
}

// TestFeatureSet6Words checks each rule of feature set 6's name finder,
// where it applies and where it must not.
func TestFeatureSet6Words(t *testing.T) {
	cases := []mentionCase{
		// "May" after a given name or a title is a surname.
		{"given name", "Theresa May said Britain would leave.", []string{"Theresa May", "Britain"}},
		{"the month and the surname", "In May, Theresa May announced that she would step down.", []string{"Theresa May"}},
		{"after a title", "Prime Minister May was criticised by Labour.", []string{"May", "Labour"}},
		{"after a title and a dot", "Mrs. May and Mrs May met Corbyn.", []string{"May", "May", "Corbyn"}},
		{"a possessive", "Theresa May's government fell.", []string{"Theresa May"}},
		{"a surname in a headline", "Theresa May Quits as Conservative Leader", []string{"Theresa May", "Conservative"}},
		{"a surname in a headline, ed", "Theresa May Resigned After Brexit Defeat", []string{"Theresa May", "Brexit"}},
		{"no-break spaces", "They met Theresa\u00a0May and Ursula\u00a0von\u00a0der\u00a0Leyen.", []string{"Theresa\u00a0May", "Ursula\u00a0von\u00a0der\u00a0Leyen"}},
		// Two particles between name words, or after a title.
		{"von der", "Ursula von der Leyen criticised Hungary.", []string{"Ursula von der Leyen", "Hungary"}},
		{"van der and de la", "Ruud van der Berg met Banco de la Nación.", []string{"Ruud van der Berg", "Banco de la Nación"}},
		{"de los", "Ana de los Ríos spoke.", []string{"Ana de los Ríos"}},
		{"particles after a title and a dot", "Ms. von der Leyen said so.", []string{"von der Leyen"}},
		{"particles after a title", "President von der Leyen and Mr. van Gaal met Mr de Klerk.", []string{"von der Leyen", "van Gaal", "de Klerk"}},
		{"a pair after a title", "Mr. de la Fuente met Professor de los Santos.", []string{"de la Fuente", "de los Santos"}},
		// Middle initials, St., and Jr.
		{"middle initial", "George W. Bush met Michael J. Fox.", []string{"George W. Bush", "Michael J. Fox"}},
		{"two initials", "George H. W. Bush and John F. Kennedy Jr. were honoured.", []string{"George H. W. Bush", "John F. Kennedy Jr."}},
		{"St. after a function word", "The St. Petersburg forum opened.", []string{"St. Petersburg"}},
		{"Jr. ends the name", "The award went to Cal Ripken Jr. Baltimore fans cheered.", []string{"Cal Ripken Jr.", "Baltimore"}},
		// "General" opening an organisation's name is no title.
		{"Chief Executive alone", "The Chief Executive resigned.", []string{}},
		{"Chief Executive as a title", "Microsoft Chief Executive Satya Nadella met Chief Executive Officer Tim Cook.", []string{"Microsoft", "Satya Nadella", "Tim Cook"}},
		{"a month, a demonym or a letter after a cut", "Sales rose in mid-December amid anti-American protests and U-turns.", []string{}},
		{"St. after a connector", "The Federal Reserve Bank of St. Louis said so.", []string{"Federal Reserve Bank of St. Louis"}},
		{"a title before Jr.", "Martin Luther King Jr. spoke in Atlanta.", []string{"Martin Luther King Jr.", "Atlanta"}},
		{"General and an organisation", "Ford and General Motors cut forecasts; the U.N. General Assembly voted.", []string{"Ford", "General Motors", "U.N. General Assembly"}},
		{"St. at the start", "Officials in St. Louis and St. Petersburg agreed.", []string{"St. Louis", "St. Petersburg"}},
		{"Jr. with its dot", "Charles Q. Brown Jr. spoke.", []string{"Charles Q. Brown Jr."}},
		{"Sr. at the end", "They met Ken Griffey Sr.", []string{"Ken Griffey Sr."}},
	}
	unchanged := []mentionCase{
		// "May" as a month or a verb.
		{"after a function word", "In May Biden signed the bill.", []string{"Biden"}},
		{"after a month modifier", "Early May saw Reuters report losses, as did Last May.", []string{"Reuters"}},
		{"before a number", "Biden May 5 signed it.", []string{"Biden"}},
		{"after a comma", "Trump, May and Macron met.", []string{"Trump", "Macron"}},
		{"after a country or an acronym", "US May payrolls rose, China May exports fell and the Fed May meeting ended.", []string{"US", "China", "Fed"}},
		{"before Day", "Theresa May Day rally and Labour May Day march.", []string{"Theresa", "Day", "Labour", "Day"}},
		{"the verb after a surname", "Sunak May call an election soon.", []string{"Sunak"}},
		{"the verb in a headline", "Pope Francis May Visit Ukraine Next Year", []string{"Francis", "Ukraine"}},
		{"the verb in a headline, a double s", "Prince Harry May Miss Coronation", []string{"Harry", "Miss Coronation"}},
		{"before an ordinal", "The Brian May 5th show sold out.", []string{"Brian"}},
		{"after a place that is a given name elsewhere", "The Virginia May jobs report was weak.", []string{"Virginia"}},
		{"a headline verb after a company", "Apple May Delay iPhone Launch Over Chip Shortage", []string{"Apple", "Delay iPhone Launch Over Chip Shortage"}},
		{"alone at the start", "May said she would stay.", []string{}},
		{"in a headline", "Ortiz May Face Charges Over Harbour Deal", []string{"Ortiz", "Harbour Deal"}},
		{"in capitals", "THERESA MAY SPOKE.", []string{"THERESA MAY SPOKE"}},
		{"after a common word", "Rain May return on Friday, Reuters said.", []string{"Reuters"}},
		// Particles without a title, or one alone between name words.
		{"a particle without a title", "The painting by van Gogh sold.", []string{"Gogh"}},
		{"one particle joined as before", "Ludwig van Beethoven and Lula da Silva.", []string{"Ludwig van Beethoven", "Lula da Silva"}},
		{"a pair not of particles", "Berg and de Vries met.", []string{"Berg", "Vries"}},
		// Dots that are no initials.
		{"a letter before the next sentence", "He chose Plan B. The others agreed.", []string{"Plan B"}},
		{"a letter after no given name", "Spain topped Group B. Italy finished second.", []string{"Spain", "Group B", "Italy"}},
		{"a name after a cut", "Pro-Kremlin rallies and ex-Google staff.", []string{"Kremlin", "Google"}},
		{"do is no particle", "Why would the Governor do Fox News?", []string{"Fox News"}},
		{"a regnal numeral before a given name", "The reign of Elizabeth I. Mary was next.", []string{"Elizabeth I", "Mary"}},
		{"St. after a number", "The crash happened at 14th St. Mark Jones said.", []string{"St", "Mark Jones"}},
		{"General ending a title", "Surgeon General Data shows it, Brigadier General Post said.", []string{"Brigadier", "Post"}},
		{"General as a title", "General Mark Milley met Attorney General Merrick Garland and General Kelly.", []string{"Mark Milley", "Merrick Garland", "Kelly"}},
		{"St. inside a run", "Police on Main St. Harbour Road said so.", []string{"Main St", "Harbour Road"}},
		{"an initial alone", "Officials named W. Bush.", []string{"W", "Bush"}},
		{"Jr. alone", "Jr. said so.", []string{"Jr"}},
	}
	checkRules(t, extractorOfVersion(t, 6), extractorOfVersion(t, 5), cases, unchanged)
}

// TestFeatureSet7Words checks each rule of feature set 7's name finder,
// where it applies and where it must not.
func TestFeatureSet7Words(t *testing.T) {
	cases := []mentionCase{
		// A person and a place after "of".
		{"a senator and a state", "Senator Jeff Flake of Arizona voted no.", []string{"Jeff Flake", "Arizona"}},
		{"after a title", "President Xi Jinping of China met King Abdullah of Jordan.", []string{"Xi Jinping", "China", "Abdullah", "Jordan"}},
		{"places of two words", "Joe Manchin of West Virginia and Kirsten Gillibrand of New York spoke.",
			[]string{"Joe Manchin", "West Virginia", "Kirsten Gillibrand", "New York"}},
		// Party-and-state tags are no names.
		{"party-and-state tags", "Nancy Pelosi (D-Calif.) and Paul Ryan, R-Wis., met Ted Cruz (R-Texas) and Bernie Sanders (I-Vt.).",
			[]string{"Nancy Pelosi", "Paul Ryan", "Ted Cruz", "Bernie Sanders"}},
		{"a postal code", "Mark Warner (D-VA) agreed.", []string{"Mark Warner"}},
		{"an abbreviation with dots", "Chuck Schumer, D-N.Y., and Shelley Moore Capito, R-W.Va., agreed.", []string{"Chuck Schumer", "Shelley Moore Capito"}},
		// Places joined by a hyphen.
		{"two places", "The US-China talks stalled as the Israel-Hamas war went on.", []string{"US", "China", "Israel", "Hamas"}},
		{"acronyms and places", "EU-UK and Saudi-Iran relations improved; Seoul-Tokyo ties too.", []string{"EU", "UK", "Saudi", "Iran", "Seoul", "Tokyo"}},
		// "and" and "for" inside organisations' names.
		{"and in an agency's name", "The Food and Drug Administration and the Securities and Exchange Commission agreed.",
			[]string{"Food and Drug Administration", "Securities and Exchange Commission"}},
		{"and after an acronym", "The U.S. Fish and Wildlife Service listed the owl.", []string{"U.S. Fish and Wildlife Service"}},
		{"and after a name with a head", "The Department of Health and Human Services and the Office of Management and Budget met.",
			[]string{"Department of Health and Human Services", "Office of Management and Budget"}},
		{"for, then and", "The Office for National Statistics and the Centers for Disease Control and Prevention reported.",
			[]string{"Office for National Statistics", "Centers for Disease Control and Prevention"}},
		{"countries with and", "Trinidad and Tobago beat Bosnia and Herzegovina.", []string{"Trinidad and Tobago", "Bosnia and Herzegovina"}},
		{"given names before a foundation", "The Bill and Melinda Gates Foundation paid.", []string{"Bill and Melinda Gates Foundation"}},
		// "'s" inside a name, and ending a brand's.
		{"People's and Women's", "The People's Republic of China hosted the Women's World Cup.", []string{"People's Republic of China", "Women's World Cup"}},
		{"a saint's", "Crowds filled St. Peter's Square.", []string{"St. Peter's Square"}},
		{"Children's", "Boston Children's Hospital said so.", []string{"Boston Children's Hospital"}},
		{"brands", "McDonald's and Moody’s agreed; Lloyd's of London did not.", []string{"McDonald's", "Moody’s", "Lloyd's", "London"}},
		{"a demonym after for", "The Center for American Progress and the House Energy and Commerce Committee met.",
			[]string{"Center for American Progress", "House Energy and Commerce Committee"}},
		{"one word after a title and a dot", "Mr. Smith of London wrote.", []string{"Smith", "London"}},
		{"a given name before of", "Kelly Evans of CNBC asked Jon Karl of ABC News.", []string{"Kelly Evans", "CNBC", "Jon Karl", "ABC News"}},
		// Headlines in title case: more verbs, and no name of common words
		// alone.
		{"a verb of the new list", "National Guard Arrives in Los Angeles", []string{"National Guard", "Los Angeles"}},
		{"common words after a verb", "Trump Threatens New Tariffs On Canada And Mexico", []string{"Trump", "Canada", "Mexico"}},
		{"common words at the end", "Zelenskiy Meets Biden at White House as Aid Stalls", []string{"Zelenskiy", "Biden", "White House"}},
		{"for after a head word in a headline", "Office for National Statistics Says Inflation Eased in March", []string{"Office for National Statistics"}},
		{"and before Services", "The Health and Human Services budget grew.", []string{"Health and Human Services"}},
		{"a brand after a function word", "The McDonald's franchise and The Moody's report agreed.", []string{"McDonald's", "Moody's"}},
		{"demonyms", "The Philippine navy, South Korean, Costa Rican and Sri Lankan officials and Polish-Ukrainian traders met Latinos.", []string{}},
	}
	unchanged := []mentionCase{
		{"two names joined by and", "Britain and France condemned Google and Apple.", []string{"Britain", "France", "Google", "Apple"}},
		{"a name and an agency", "Clinton and State Department officials met.", []string{"Clinton", "State Department"}},
		{"no head after and", "Treasury and Federal Reserve officials met.", []string{"Treasury", "Federal Reserve"}},
		{"an organisation before of", "The Port Authority of New York and the Bank of England agreed.", []string{"Port Authority of New York", "Bank of England"}},
		{"common words before of", "The Great Wall of China and the Islamic Republic of Iran.", []string{"Great Wall of China", "Islamic Republic of Iran"}},
		{"no place after of", "Tim Bale of Queen Mary and Catherine of Aragon.", []string{"Tim Bale of Queen Mary", "Catherine of Aragon"}},
		{"hyphenated names", "Rolls-Royce, Hewlett-Packard and Alexandria Ocasio-Cortez met.", []string{"Rolls-Royce", "Hewlett-Packard", "Alexandria Ocasio-Cortez"}},
		{"one part listed", "Asia-Pacific markets rose in Guinea-Bissau and after the Trump-Russia probe.", []string{"Asia-Pacific", "Guinea-Bissau", "Trump-Russia"}},
		{"a possessive", "Russia's Putin praised Chris Christie's plan and Wendy's husband.", []string{"Russia", "Putin", "Chris Christie", "Wendy"}},
		{"for after no head", "Medicare for All and a spokesman for Microsoft.", []string{"Medicare", "Microsoft"}},
		{"for in a headline", "Donald Trump and Melania Trump Visit Supreme Court for Brett Kavanaugh Investiture",
			[]string{"Donald Trump", "Melania Trump", "Supreme Court", "Brett Kavanaugh Investiture"}},
		{"a letter before a hyphen", "The D-Day landings and T-Mobile.", []string{"D-Day", "T-Mobile"}},
		{"common words before a head word", "Home Office Backs Coast Guard Over Red Sea Mission", []string{"Home Office", "Coast Guard", "Red Sea Mission"}},
		{"a name word among common words", "Human Rights Watch Slams Federal Reserve as Amnesty International Agrees",
			[]string{"Human Rights Watch", "Federal Reserve", "Amnesty International"}},
		{"a name ending in a word of the verb lists' first version", "Hajduk Split Sign Croatian Striker as Dead Sea Shrinks", []string{"Hajduk Split", "Dead Sea"}},
		{"a head word in capitals", "HOME OFFICE ANNOUNCES NEW ASYLUM RULES", []string{"HOME OFFICE", "NEW ASYLUM RULES"}},
		{"a head word inside the run", "International Space Station Crew Returns To Earth", []string{"International Space Station Crew", "Earth"}},
		{"no head word before for", "Apple for Education and a Bill and Foundation deal.", []string{"Apple", "Education", "Bill", "Foundation"}},
		{"four words or a demonym before of", "Ana Maria Lopez Garcia of Spain and Kurdish Workers of Turkey met.",
			[]string{"Ana Maria Lopez Garcia of Spain", "Kurdish Workers of Turkey"}},
		{"no organisation's words after a head and of", "The Department of Health and Jane Smith met.", []string{"Department of Health", "Jane Smith"}},
		{"a clitic apart", "Sales at McDonald 's rose.", []string{"McDonald"}},
		{"a cut compound after and", "The Health and Human Services-run Indian Health Service said so.", []string{"Health", "Human Services", "Indian Health Service"}},
		{"for after no head word in a headline", "Gundlach: Trump Would Use Debt Like Reagan for Growth", []string{"Gundlach", "Trump", "Use Debt", "Reagan"}},
		{"places, not demonyms", "The Baltic Sea, North Korea, South Africa and Costa Rica, Costa said.", []string{"Baltic Sea", "North Korea", "South Africa", "Costa Rica", "Costa"}},
		// Cases a review session found made worse by a first version.
		{"a name after for", "He left the Commission for Google, and Ukraine thanked the European Union for Patriot batteries.",
			[]string{"Commission", "Google", "Ukraine", "European Union", "Patriot"}},
		{"a place or a demonym after for", "The Church for Peru's sake and the Home Office for British citizenship.", []string{"Church", "Peru", "Home Office"}},
		{"a department's short name", "Treasury and State Department officials met.", []string{"Treasury", "State Department"}},
		{"two bodies, each with a head", "The Ministry of Defence and Foreign Office and the Cabinet Office and Treasury agreed.",
			[]string{"Ministry of Defence", "Foreign Office", "Cabinet Office", "Treasury"}},
		{"a plural noun before and", "Police and Fire Department crews came.", []string{"Fire Department"}},
		{"a city's possessive", "Fans packed St. Louis's Busch Stadium.", []string{"St. Louis", "Busch Stadium"}},
		{"a team's player", "Arsenal Women's Alessia Russo scored.", []string{"Arsenal Women", "Alessia Russo"}},
		{"an acronym not of the list", "The US-CERT and CERT-EU warned.", []string{"US-CERT", "CERT-EU"}},
	}
	checkRules(t, extractorOfVersion(t, 7), extractorOfVersion(t, 6), cases, unchanged)
}

// TestFeatureSet8Words checks each rule of feature set 8's name finder,
// where it applies and where it must not.
func TestFeatureSet8Words(t *testing.T) {
	cases := []mentionCase{
		// Titles of titles8 before a person's name.
		{"a title after an agency", "EPA Administrator Lee Zeldin spoke.", []string{"EPA", "Lee Zeldin"}},
		{"after a county", "Broward County Sheriff Scott Israel defended his deputies.", []string{"Broward County", "Scott Israel"}},
		{"a given name", "Councillor Mark Ellison was suspended.", []string{"Mark Ellison"}},
		{"two name words", "Ontario Premier Doug Ford praised Premier Li Keqiang.", []string{"Ontario", "Doug Ford", "Li Keqiang"}},
		{"after a party adjective", "Congresswoman Ayla Brandt and Spokesman Ivo Marsh met Archbishop Desmond Tutu.", []string{"Ayla Brandt", "Ivo Marsh", "Desmond Tutu"}},
		{"in a headline", "Sheriff David Clarke Slams CNN", []string{"David Clarke", "CNN"}},
		{"a plural title", "Justices Clarence Thomas and Samuel Alito dissented.", []string{"Clarence Thomas", "Samuel Alito"}},
		// Modifiers of modifiers8 before a title.
		{"modifiers before a title", "FBI Special Agent Ricardo Enriquez and Petty Officer James Hatch testified.", []string{"FBI", "Ricardo Enriquez", "James Hatch"}},
		{"a chief officer", "Chief Operating Officer Sheryl Sandberg left.", []string{"Sheryl Sandberg"}},
		{"ranks and more modifiers", "Major General Onyema Nwachukwu, Commodore Jay Tarriela and Outgoing President Joe Biden met.",
			[]string{"Onyema Nwachukwu", "Jay Tarriela", "Joe Biden"}},
		{"an adviser", "Trump Senior Policy Adviser Stephen Miller and White House Chief Economic Advisor Gary Cohn spoke.",
			[]string{"Trump", "Stephen Miller", "White House", "Gary Cohn"}},
		{"a district attorney", "San Francisco District Attorney George Gascon spoke.", []string{"San Francisco", "George Gascon"}},
		// Justice, Chief, Inspector, Attorney before a person's name.
		{"a justice", "Supreme Court Justice Brett Kavanaugh was confirmed.", []string{"Supreme Court", "Brett Kavanaugh"}},
		{"chief justice", "Chief Justice John Roberts swore him in.", []string{"John Roberts"}},
		{"a police chief", "Police Chief Butch Ayers said the suspect fled.", []string{"Butch Ayers"}},
		{"a chief inspector", "PSNI Chief Inspector Johnny Hunter said so.", []string{"PSNI", "Johnny Hunter"}},
		{"titles in a row", "Detective Chief Inspector Paul Wright and Emir Sheikh Tamim met.", []string{"Paul Wright", "Tamim"}},
		{"abbreviated titles", "The Rev. Al Sharpton, Det. Sgt. Emma Clarke and Supt. John Smith met.", []string{"Al Sharpton", "Emma Clarke", "John Smith"}},
		{"national security adviser", "National Security Adviser Jake Sullivan met the National Security Council.", []string{"Jake Sullivan", "National Security Council"}},
		{"a surname alone", "Sheriff Arpaio, Congressman Gaetz and Justice Scalia met Justices Alito and Gorsuch.",
			[]string{"Arpaio", "Gaetz", "Scalia", "Alito", "Gorsuch"}},
		{"a modifier after of, before a title", "Matthews spoke of Staff Sergeant Melgar.", []string{"Matthews", "Melgar"}},
		{"chief of staff", "White House Chief of Staff John Kelly and Deputy Chief of Staff Dan Scavino met.",
			[]string{"White House", "John Kelly", "Dan Scavino"}},
		{"chief of staff before a rank", "Army Chief of Staff Gen. Randy George spoke.", []string{"Randy George"}},
		// "Co-" in a name is a prefix.
		{"co-operation", "The Organisation for Economic Co-operation and Development and the Gulf Co-operation Council met.",
			[]string{"Organisation for Economic Co-operation and Development", "Gulf Co-operation Council"}},
		{"a co-op", "The Co-op Group and Tui Dairy Co-op agreed.", []string{"Co-op Group", "Tui Dairy Co-op"}},
		{"a co-founder", "Twitter Co-founder Jack Dorsey and Co-pilot Ada Brandt left.", []string{"Twitter", "Jack Dorsey", "Ada Brandt"}},
		{"a surname before of", "Peter King of New York spoke.", []string{"Peter King", "New York"}},
		// A hyphen before a part that is no English word is inside the name.
		{"names with a hyphen", "Kim Jong-un met Moon Jae-in and Lee Jae-myung at Mar-a-Lago, then flew to Port-au-Prince.",
			[]string{"Kim Jong-un", "Moon Jae-in", "Lee Jae-myung", "Mar-a-Lago", "Port-au-Prince"}},
		{"a party's name with a hyphen", "Imran Khan's Pakistan Tehreek-e-Insaf won.", []string{"Imran Khan", "Pakistan Tehreek-e-Insaf"}},
		{"a linker between capitalised parts", "They sailed from Port-of-Spain to Newcastle-upon-Tyne.", []string{"Port-of-Spain", "Newcastle-upon-Tyne"}},
		{"a common syllable after a surname", "Kim Yo-jong and Woo Won-shik spoke.", []string{"Kim Yo-jong", "Woo Won-shik"}},
		{"an elect title", "President-elect Joe Biden and Senator-elect Ada Brandt met.", []string{"Joe Biden", "Ada Brandt"}},
		{"a given name and three words", "Officer James Eric Davis Sr. died.", []string{"James Eric Davis Sr."}},
		// A title after a given name and before no name word: a surname.
		{"a surname", "Stephen King and Mark Judge met Peter King.", []string{"Stephen King", "Mark Judge", "Peter King"}},
		{"a surname in a headline", "Steve King: I Will Not Vote for Boehner", []string{"Steve King", "Boehner"}},
	}
	unchanged := []mentionCase{
		{"no person after the title", "Premier League clubs and Cardinal Health shares fell.", []string{"Premier League", "Cardinal Health"}},
		{"a title's possessive", "The Sheriff's Office and the Premier said so.", []string{"Sheriff", "Office", "Premier"}},
		{"one word after the title", "Agent Orange and Premier Inn were named.", []string{"Agent Orange", "Premier Inn"}},
		{"three words, no given name", "Cardinal Point Pharmacy Ltd was fined.", []string{"Cardinal Point Pharmacy Ltd"}},
		{"justice before a head word", "The Justice Department and Justice League were cited.", []string{"Justice Department", "Justice League"}},
		{"chief executive", "Apple Chief Executive Officer Tim Cook met Microsoft Chief Executive Satya Nadella.",
			[]string{"Apple", "Tim Cook", "Microsoft", "Satya Nadella"}},
		{"a modifier in a name", "The Fire Department and Special Olympics thanked the Financial Times.",
			[]string{"Fire Department", "Special Olympics", "Financial Times"}},
		{"a surname before a name", "Jordan King Abdullah met Julie Bishop.", []string{"Jordan", "Abdullah", "Julie Bishop"}},
		{"a title after no given name stays one (wrong here: the rule is for given names)", "Burger King and Lion King fans came.", []string{"Burger", "Lion"}},
		// A modifier of modifiers8 alone in a headline is no name, as the
		// common word was none before.
		{"a modifier alone in a headline", "Sean Spicer Under Fire After Falsely Claims Nazis Never Used Poison Gas", []string{"Sean Spicer", "Nazis", "Used Poison Gas"}},
		// Cases a review session found made worse by a first version.
		{"a place or a building after the name", "Imam Reza Shrine drew pilgrims, and Archbishop Ryan High School won.",
			[]string{"Imam Reza Shrine", "Archbishop Ryan High School"}},
		{"two words that are no person's", "Cardinal Point Pharmacy was fined.", []string{"Cardinal Point Pharmacy"}},
		{"no surname before of, nor a mayor", "Mary Queen of Scots met the Fort Wayne Mayor.", []string{"Mary", "Fort Wayne"}},
		{"a title of the list alone in a headline", "Kremlin Says Envoy Will Visit Kyiv", []string{"Kremlin", "Kyiv"}},
		{"a run of common words with a title in a headline", "Top Agent Quits After Scandal", []string{}},
		{"in capitals", "PREMIER LEAGUE CLUBS VOTE ON NEW RULES", []string{"PREMIER LEAGUE CLUBS VOTE ON NEW RULES"}},
		{"a modifier after a name and of", "The Joint Chiefs of Staff Chairman Mark Milley spoke.", []string{"Joint Chiefs of Staff", "Mark Milley"}},
		{"no surname alone after a title that opens names", "Premier Oil, Agent Orange and Chief Blue were named.", []string{"Premier Oil", "Agent Orange", "Chief Blue"}},
		{"a party after a title", "Justice Democrats backed her.", []string{"Justice Democrats"}},
		{"chief of staff before no person", "The White House Chief of Staff said no.", []string{"White House Chief of Staff"}},
		{"a hyphen before an English word cuts", "The Kremlin-backed forces, the US-led coalition, Trump-era rules and Sunni-dominated areas.",
			[]string{"Kremlin", "US", "Trump"}},
		{"a hyphen before an English ending or after a name alone cuts", "Kremlin-bankrolled outlets, Hong Kong-headquartered HSBC, Trump-ism and Blair-ite MPs, Sit-in protests, the Commander-in-Chief and an Off-the-Record Meeting.",
			[]string{"Kremlin", "Hong Kong", "HSBC", "Trump", "Blair", "MPs", "Sit", "Commander", "Off", "Meeting"}},
		{"a hyphen after a common word, an acronym or a letter cuts", "Two-thirds of voters backed it, E-mails show, and SIM-card fraud rose; Check-in opens.",
			[]string{"SIM", "Check"}},
		{"a name before modifiers and a title", "Homeland Security Secretary Kristi Noem and Major League Baseball Commissioner Rob Manfred spoke.",
			[]string{"Homeland Security", "Kristi Noem", "Major League Baseball", "Rob Manfred"}},
		{"no surname alone after titles that open other names", "Officer Krupke and Cardinal Pell met Bishop Curry.",
			[]string{"Officer Krupke", "Cardinal Pell", "Bishop Curry"}},
		{"no surname alone in a short line", "Congressman Apologizes", []string{"Congressman Apologizes"}},
		{"no surname alone after a name word", "Social Justice Warriors and Supreme Court Justice Scalia met.",
			[]string{"Social Justice Warriors", "Supreme Court Justice Scalia"}},
		{"a surname title before a name word stays a title (wrong here)", "Larry King Live aired on CNN.", []string{"Larry", "Live", "CNN"}},
		{"a compound cut after a name", "The United States-led coalition and Kremlin-backed groups struck.", []string{"United States", "Kremlin"}},
		{"no surname alone in a headline", "Mayor Says Sheriff Overstepped as Justices Split", []string{"Sheriff Overstepped", "Justices Split"}},
	}
	checkRules(t, extractorOfVersion(t, 8), extractorOfVersion(t, 7), cases, unchanged)
}

// TestFeatureSet9Words checks each rule of feature set 9's name finder,
// which reads headlines, where it applies and where it must not.
func TestFeatureSet9Words(t *testing.T) {
	cases := []mentionCase{
		// What a headline in title case may hold in lower case.
		{"a brand in camel case", "Apple’s iPhone 17 Sales Beat Expectations in China", []string{"Apple", "iPhone", "China"}},
		{"a particle", "Syria’s Ahmed al-Sharaa Addresses UN General Assembly in New York",
			[]string{"Syria", "Ahmed al-Sharaa", "UN General Assembly", "New York"}},
		{"a unit after a number", "Trump Meets Mohammed bin Salman in Riyadh, Unveils $600bn in Deals",
			[]string{"Trump", "Mohammed bin Salman", "Riyadh"}},
		{"a long preposition", "Talks Resume with Iran as Oman Hosts Envoys", []string{"Iran", "Oman"}},
		// The words of names/headline.txt break names; common words end none.
		{"headline words and a common word at the end", "Lula Signs Income Tax Reform Into Law At Brasília Ceremony",
			[]string{"Lula", "Reform", "Brasília"}}, // "Reform", a party's word, is on no list
		{"trimmed to a word that heads a name", "Grant Shapps Backs Jenrick in Conservative Party Leadership Race",
			[]string{"Grant Shapps", "Jenrick", "Conservative Party"}},
		{"a verb in s after a name", "Musk Tweets Apology as Tesla Shares Slide", []string{"Musk", "Tesla"}},
		{"an ordinal before no title", "Takaichi Becomes Japan’s First Female Prime Minister", []string{"Takaichi", "Japan", "Female"}},
		// Verbs after "to" and modals.
		{"after to", "Orbán Vows To Block EU Sanctions Until Gas Waiver Is Granted", []string{"Orbán", "EU", "Gas Waiver"}},
		{"after a modal, which goes too", "Tesla Will Build New Factory in Mexico, Musk Says", []string{"Tesla", "Mexico", "Musk"}},
		// "Of" capitalised joins.
		{"Of", "Bank Of Japan Holds Rates As Ueda Flags Wage Gains", []string{"Bank Of Japan", "Ueda"}},
		// Headlines in capitals.
		{"function words in capitals", "SENATE CLEARS STOPGAP BILL IN LATE-NIGHT VOTE, SENDS IT TO HOUSE",
			[]string{"SENATE", "STOPGAP BILL", "LATE-NIGHT", "HOUSE"}}, // "STOPGAP BILL" and "LATE-NIGHT" still wrong
		{"a short common word in capitals", "PREMIER LEAGUE CLUBS VOTE ON NEW RULES", []string{"PREMIER LEAGUE"}},
		{"not an acronym", "WHO DECLARES MPOX EMERGENCY IN CONGO", []string{"WHO", "CONGO"}},
		// Surnames and teams the rules keep.
		{"a given name and a word in s", "Steve Jobs Biopic Wins Praise at Venice Festival", []string{"Steve Jobs", "Venice Festival"}},
		{"a team after a place", "Golden State Warriors Beat Lakers in Overtime", []string{"Golden State Warriors", "Lakers"}},
		{"a title before a name", "First Lady Melania Trump Visits Texas Flood Zone", []string{"Melania Trump", "Texas"}},
		// What a review found the first version of the rules got wrong.
		{"a given name after to", "Senators Send Letter To Mark Zuckerberg Over Child Safety", []string{"Mark Zuckerberg"}},
		{"a kicker in capitals", "LIVE: Trump Speaks At Rally In Pennsylvania", []string{"Trump", "Pennsylvania"}},
		{"OF alone in capitals", "FED HOLDS RATES STEADY AS POWELL WARNS OF STICKY INFLATION", []string{"FED", "POWELL"}},
		{"AT before &", "AT&T TO SETTLE DATA BREACH LAWSUIT", []string{"AT&T"}},
		{"WILL before a name", "WILL FERRELL TO STAR IN NEW NETFLIX COMEDY", []string{"WILL FERRELL", "STAR", "NEW NETFLIX COMEDY"}}, // the rest still wrong
		{"WILL after a name", "META WILL SPEND $600 BILLION ON U.S. DATA CENTERS", []string{"META", "U.S. DATA CENTERS"}},
		{"an ordinal that opens the line", "First Republic Bank Collapses as Deposits Flee", []string{"First Republic Bank"}},
		// A surname alone after a title of titles8, and the title alone.
		{"a surname alone after a title", "Sheriff Arpaio Defies Court Order", []string{"Arpaio", "Court Order"}}, // "Court Order" still wrong
		{"a surname and a verb", "Congressman Gaetz Resigns Amid Probe", []string{"Gaetz"}},
		{"a title before a verb", "Sheriff Resigns After Audit", []string{}},
		{"a title that opens other names", "Premier Ford Cancels Ontario Contract", []string{"Premier Ford", "Ontario"}}, // "Premier" takes no surname alone
		// "PM", in any sentence.
		{"PM before a name", "UK PM Keir Starmer said the talks had failed.", []string{"UK", "Keir Starmer"}},
		{"PM before a surname in a headline", "PM Modi Meets Putin in Moscow", []string{"Modi", "Putin", "Moscow"}},
	}
	unchanged := []mentionCase{
		{"plurals inside a name", "Human Rights Watch Slams Federal Reserve as Amnesty International Agrees",
			[]string{"Human Rights Watch", "Federal Reserve", "Amnesty International"}},
		{"a team after a word that heads a name", "Kansas City Chiefs Sign Veteran Safety", []string{"Kansas City Chiefs"}},
		{"a surname in s", "Maxine Waters Swipes At Donald Trump During Convention", []string{"Maxine Waters Swipes", "Donald Trump", "Convention"}}, // "Swipes" is on no list
		{"an acronym in title case", "New START Expiry Leaves No Limits on U.S., Russian Arsenals", []string{"New START Expiry", "U.S.", "Russian Arsenals"}},
		{"no headline", "Tesla will build a new factory in Mexico, Elon Musk said on Tuesday.", []string{"Tesla", "Mexico", "Elon Musk"}},
		{"no headline with a brand", "The iPhone maker said Tim Cook Will Travel to Beijing.", []string{"iPhone", "Tim Cook Will Travel", "Beijing"}},
		{"a team in capitals", "KANSAS CITY CHIEFS BEAT DALLAS COWBOYS", []string{"KANSAS CITY CHIEFS", "DALLAS COWBOYS"}},
		{"Of after no head word", "Trump Accuses Obama Of Wiretapping Trump Tower", []string{"Trump", "Obama", "Wiretapping Trump Tower"}},
		{"PM after a number", "The meeting ends at 5 PM Eastern on Friday.", []string{"PM Eastern"}}, // still wrong
	}
	checkRules(t, extractorOfVersion(t, 9), extractorOfVersion(t, 8), cases, unchanged)
}

// TestFeatureSet10Words checks feature set 10's rule, numbers in names,
// where it applies and where it must not.
func TestFeatureSet10Words(t *testing.T) {
	cases := []mentionCase{
		{"indexes", "The S&P 500 and the FTSE 100 fell.", []string{"S&P 500", "FTSE 100"}},
		{"a possessive after the number", "The S&P 500's rally stalled in Tokyo.", []string{"S&P 500", "Tokyo"}},
		{"a name word after the number", "Apple unveiled the iPhone 17 Pro.", []string{"Apple", "iPhone 17 Pro"}},
		{"a maker, a model and a common noun", "Boeing 737 MAX jets were grounded in Ethiopia.", []string{"Boeing 737 MAX", "Ethiopia"}},
		{"a version with decimals", "Google released Gemini 2.5 Pro and Meta Llama 3.1.", []string{"Google", "Gemini 2.5 Pro", "Meta Llama 3.1"}},
		{"provisions", "Poland invoked Article 5 as Section 230 came up in Congress.", []string{"Poland", "Article 5", "Section 230", "Congress"}},
		{"an event's year", "Spain won Euro 2024 in Berlin.", []string{"Spain", "Euro 2024", "Berlin"}},
		{"a year before a unit", "Euro 2028 matches and Expo 2025 days drew Italy.", []string{"Euro 2028", "Expo 2025", "Italy"}},
		{"games and their host's year", "Paris 2024 and Milano Cortina 2026 organisers met LA 2028 staff.", []string{"Paris 2024", "Milano Cortina 2026", "LA 2028"}},
		{"at the start", "Formula 1 teams met Ferrari.", []string{"Formula 1", "Ferrari"}},
		{"a no-break space", "Microsoft shipped Windows\u00a011 to Dell.", []string{"Microsoft", "Windows\u00a011", "Dell"}},
		{"a headline", "Boeing 737 MAX Deliveries Resume in China", []string{"Boeing 737 MAX", "China"}},
		{"a headline in capitals", "BOEING 737 MAX GROUNDED AS NASDAQ 100 FALLS", []string{"BOEING 737 MAX", "NASDAQ 100"}},
		// The number ends the name, but for a model's word.
		{"a name after the number", "Under Article 5 Poland could ask for help, and Windows 11 Microsoft said was safer.",
			[]string{"Article 5", "Poland", "Windows 11", "Microsoft"}},
		{"of after the number", "Article 5 of NATO's treaty binds Canada.", []string{"Article 5", "NATO", "Canada"}},
		{"a model's word", "Channel 4 News aired Claude 3.5 Sonnet's reply on a Snapdragon 8 Elite.", []string{"Channel 4 News", "Claude 3.5 Sonnet", "Snapdragon 8 Elite"}},
		{"a word of the list with a hyphen", "Wi-Fi 7 routers and Coca-Cola 600 tickets sold out.", []string{"Wi-Fi 7", "Coca-Cola 600"}},
		{"a variant after a hyphen", "Qantas flies the Boeing 737-800 and the Boeing 787-9 Dreamliner.", []string{"Qantas", "Boeing 737-800", "Boeing 787-9 Dreamliner"}},
		{"a suffix word that opens the next name", "The Boeing 787-8 Air India flight and the iPhone 16 Pro Max met Formula 1 Max Verstappen.",
			[]string{"Boeing 787-8", "Air India", "iPhone 16 Pro Max", "Formula 1", "Max Verstappen"}},
		{"a slash before a word of the list and its number", "Australia's S&P/ASX 200 fell.", []string{"Australia", "S&P/ASX 200"}},
		{"a slash after another name parts them", "Microsoft/Windows 11 adoption and NATO/Article 5 talks lagged.", []string{"Microsoft", "Windows 11", "NATO", "Article 5"}},
	}
	unchanged := []mentionCase{
		{"a count", "Ryanair paid Boeing 500 million dollars.", []string{"Ryanair", "Boeing"}},
		{"a percentage", "The Nasdaq 2 percent drop and the Nikkei 3% rise hit Sony.", []string{"Nasdaq", "Nikkei", "Sony"}},
		{"a time", "Windows 10 years ago ran on Dell machines.", []string{"Windows", "Dell"}},
		{"a score", "Real Madrid beat Challenger 2-1 at home.", []string{"Real Madrid", "Challenger"}},
		{"no word of the list", "Washington gave Israel 14 tanks and Kyiv 50 missiles; Arsenal beat Chelsea 3 to 1.",
			[]string{"Washington", "Israel", "Kyiv", "Arsenal", "Chelsea"}},
		{"a date", "Trump spoke on March 5 and Paris 2023 opened.", []string{"Trump", "Paris"}},
		{"separators and long numbers", "Boeing 1,200 and Airbus 10:30 and Windows 20250 and Gemini 2.505.", []string{"Boeing", "Airbus", "Windows", "Gemini"}},
		{"lower case", "The windows 11 of the hall faced Oslo.", []string{"Oslo"}},
		{"a line break", "Windows\n11 shipped.", []string{"Windows"}},
		{"a number before the name", "The 737 MAX and the 2026 World Cup.", []string{"MAX", "World Cup"}},
		{"a plural glued to the number", "Boeing 737s flew.", []string{"Boeing"}},
		{"a slash before no number, and no variant", "The S&P/TSX composite rose, AC/DC played and Windows 10-11 shipped.", []string{"S&P", "TSX", "AC", "DC", "Windows"}},
		{"amounts after a year's form", "The fine was Euro 2000 per day, or Euro 1900 million.", []string{"Euro", "Euro"}},
		{"a spaced range", "Paris 2024 – 2028 plans and ACT 2020 elections.", []string{"Paris", "ACT"}},
		// Units in any case, ranges, and forms the list does not give the word.
		{"a unit in title case and capitals", "Euro 2 Percent Weaker As DAX 40 POINTS LOWER", []string{"Euro", "Percent", "DAX"}}, // "Percent": feature set 9's
		{"a range", "The Euro 2 to 3 percent slide hit Spain.", []string{"Euro", "Spain"}},
		{"no form of the word's", "Boeing 400 workers, the Euro 1.08 rate, Russell 245 points, Boeing 2024 revenue and the Nasdaq 150.",
			[]string{"Boeing", "Euro", "Russell", "Boeing", "Nasdaq"}},
	}
	checkRules(t, extractorOfVersion(t, 10), extractorOfVersion(t, 9), cases, unchanged)
}

func TestAppendFeaturesAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items, so allocations cannot be counted")
	}
	e := features.NewExtractor()
	sp := span(t, petro, "NATO")
	buf := make([]uint64, 0, 512)
	buf = e.AppendFeatures(buf[:0], petro, sp) // warm the pool
	allocs := testing.AllocsPerRun(200, func() { buf = e.AppendFeatures(buf[:0], petro, sp) })
	assert.Zero(t, allocs)
	// A headline, in title case and in capitals, takes the words' lookups
	// of headlineNames, which must not allocate either.
	for _, h := range []string{"Petro Slams NATO Over Gaza Genocide Claims After Storm", "PETRO SLAMS NATO OVER GAZA AFTER STORM",
		"Sheriff David Clarke Slams CNN Over Envoy Report As Special Agent Quits", // feature set 8's titles
		"White House Chief of Staff John Kelly thanked Sheriff Arpaio and the Gulf Co-operation Council.",
		"Buffett Hands Berkshire Hathaway Reins to Greg Abel as Rand Paul Sides With iPhone Maker", // feature set 9's
		"Orbán Vows To Block EU Sanctions as Tesla Will Build Plant Near Bank Of Japan",
		"SENATE CLEARS STOPGAP BILL IN LATE-NIGHT VOTE, SENDS IT TO HOUSE ON NEW RULES"} {
		hs := span(t, h, h[:5])
		buf = e.AppendFeatures(buf[:0], h, hs)
		allocs = testing.AllocsPerRun(200, func() { buf = e.AppendFeatures(buf[:0], h, hs) })
		assert.Zero(t, allocs, h)
	}
}

func TestAppendFeaturesPanicsOnBadSpan(t *testing.T) {
	e := features.NewExtractor()
	assert.Panics(t, func() { e.AppendFeatures(nil, "short", features.Span{Start: 3, End: 10}) })
	assert.Panics(t, func() { e.AppendFeatures(nil, "short", features.Span{Start: 3, End: 1}) })
}

func TestGomlTokenizer(t *testing.T) {
	e := features.NewExtractor()
	g := features.GomlTokenizer{Extractor: e}
	sp := span(t, petro, "NATO")
	words := g.Tokenize(features.EncodePair(petro, sp))
	ids := e.AppendFeatures(nil, petro, sp)
	require.Len(t, words, len(ids))
	for i, w := range words {
		require.Len(t, w, 16)
		assert.Equal(t, fmt.Sprintf("%016x", ids[i]), w, "word %d spells id %d", i, i)
	}
	assert.Nil(t, g.Tokenize("not a pair"))
	assert.Nil(t, g.Tokenize("5:99:short"))

	omit := features.GroupSet(1 << features.GroupUnigram)
	g.Omit = omit
	words = g.Tokenize(features.EncodePair(petro, sp))
	ids = e.AppendFeaturesExcept(nil, petro, sp, omit)
	require.Len(t, words, len(ids))
	require.Less(t, len(ids), len(e.AppendFeatures(nil, petro, sp)))
	for i, w := range words {
		assert.Equal(t, fmt.Sprintf("%016x", ids[i]), w, "word %d spells id %d", i, i)
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"simple", "NATO met. The EU left.", []string{"NATO met.", "The EU left."}},
		{"title abbreviation", "Mr. Smith met Dr. Jones. They spoke.", []string{"Mr. Smith met Dr. Jones.", "They spoke."}},
		{"short titles", "Gen. Mark Milley and Secy. Antony Blinken met Atty. Gen. Garland. They spoke.", []string{"Gen. Mark Milley and Secy. Antony Blinken met Atty. Gen. Garland.", "They spoke."}},
		{"seconds and francs end sentences", "Bolt ran it in 9.58 sec. He won. It cost 1.2 fr. Prices rose.", []string{"Bolt ran it in 9.58 sec.", "He won.", "It cost 1.2 fr.", "Prices rose."}},
		{"initial", "George W. Bush spoke. It rained.", []string{"George W. Bush spoke.", "It rained."}},
		{"acronym mid", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"acronym end", "He flew to the U.S. The talks failed.", []string{"He flew to the U.S.", "The talks failed."}},
		{"decimal", "Growth was 2.5 percent. Markets rose.", []string{"Growth was 2.5 percent.", "Markets rose."}},
		{"quote end", "\"We won,\" he said. \"Next!\" She left.", []string{"\"We won,\" he said.", "\"Next!\"", "She left."}},
		{"question", "Why? Nobody knows.", []string{"Why?", "Nobody knows."}},
		{"paragraphs", "Headline without period\n\nBody text here.", []string{"Headline without period", "Body text here."}},
		{"month", "It began on Jan. 5 in Paris. Then it ended.", []string{"It began on Jan. 5 in Paris.", "Then it ended."}},
		{"lowercase after dot", "See fig. 3 for details.", []string{"See fig. 3 for details."}},
		{"no final period", "NATO met", []string{"NATO met"}},
		{"empty", "   ", []string{}},
		{"byte-order mark", "\ufeffNATO met. \u200bThe EU left.", []string{"NATO met.", "The EU left."}},
		{"only a mark", "\ufeff", []string{}},
		{"a mark inside a sentence stays", "NATO\u200b met.", []string{"NATO\u200b met."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spans := features.Sentences(nil, c.in)
			got := make([]string, len(spans))
			for i, s := range spans {
				got[i] = c.in[s.Start:s.End]
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestMentions(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"design example", petro, []string{"Gustavo Petro", "Colombia", "NATO", "Gaza"}},
		{"prefix", "The anti-NATO protest and Pro-Kremlin media", []string{"NATO", "Kremlin"}},
		{"prefix then lower case", "Post-war Germany rebuilt; Anti-abortion activists rallied.", []string{"Germany"}},
		{"prefix and compound", "The pro-Kremlin-backed media", []string{"Kremlin"}},
		{"ex-president", "Ex-president Trump spoke.", []string{"Trump"}},
		{"camel case brand", "Shares of eBay rose.", []string{"eBay"}},
		{"new york", "The New York Times reported it.", []string{"New York Times"}},
		{"connector", "Bank of America and Lula da Silva met.", []string{"Bank of America", "Lula da Silva"}},
		{"possessive", "NATO's chief spoke.", []string{"NATO"}},
		{"compound", "The United States-led coalition", []string{"United States"}},
		{"title", "Prime Minister Keir Starmer and Mr. Smith", []string{"Keir Starmer", "Smith"}},
		{"leading function word", "In Brazil, the rains came.", []string{"Brazil"}},
		{"calendar", "On Monday in March, Siemens fell.", []string{"Siemens"}},
		{"acronyms", "The EU, the U.S. and the UN", []string{"EU", "U.S.", "UN"}},
		{"particle", "Bashar al-Assad fled.", []string{"Bashar al-Assad"}},
		{"non-ascii", "Zelenskyy met officials in São Paulo.", []string{"Zelenskyy", "São Paulo"}},
		{"none", "nothing capitalised here", []string{}},
		{"contractions", "Can't stop Merkel. Won't Biden? Ain't Lula. CAN'T STOP. Don't trust Putin.", []string{"Merkel", "Biden", "Lula", "STOP", "Putin"}},
		{"curly contraction", "Can’t say Macron lost.", []string{"Macron"}},
		{"handles", "@elonmusk replied to @POTUS_44 and (@who_int).", []string{"@elonmusk", "@POTUS_44", "@who_int"}},
		{"handle ends", "We thank @nasa's team, @esa_ and @ 5pm.", []string{"@nasa", "@esa"}},
		{"handle after a name", "Donald Trump @realDonaldTrump wrote.", []string{"Donald Trump", "@realDonaldTrump"}},
		{"relay marks", "RT @Reuters: NATO met. HT @nasa and CC @mayor. RT said so.", []string{"@Reuters", "NATO", "@nasa", "@mayor", "RT"}},
		{"relay mark after a name", "So said Bernie Sanders RT @AOC: yes. Obama RT @POTUS.", []string{"Bernie Sanders", "@AOC", "Obama", "@POTUS"}},
		{"underscore handles", "We thank @_nasa, @__1x and @__ but not @_.", []string{"@_nasa", "@__1x"}},
		{"e-mail is no handle", "We wrote to press@un.org and Reuters@x.com today.", []string{"Reuters"}},
		{"common word opens the sentence", "Floods hit São Paulo.", []string{"São Paulo"}},
		{"after an opening quote", "“Speaking to CNN, Blinken said", []string{"CNN", "Blinken"}},
		{"common word opens a post", "Huge thanks to @WHO", []string{"@WHO"}},
		{"common word inside", "We saw Floods and Heavy.", []string{"Floods", "Heavy"}},
		{"common word leads a run", "Heavy Metal Records sued.", []string{"Heavy Metal Records"}},
		{"e-mail ending in a symbol", "We mail j_@x.com, info_@reuters.com, john-@tesla.com or a.-@ibm.com.", []string{}},
		{"handle after punctuation", "(@nasa) .@esa \"@who\" -@cdc", []string{"@nasa", "@esa", "@who", "@cdc"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spans := features.Mentions(nil, c.in)
			got := make([]string, len(spans))
			for i, s := range spans {
				got[i] = c.in[s.Start:s.End]
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{petro, "NATO’s didn't U.S. 3.5% https://x.org", "ab\xffcd", "", "São Paulo-led ...", "'s 's'",
		"Post-war Germany; Anti-abortion activists; Ex-president Trump; pro-Kremlin-backed media",
		"RT @nasa_jpl: Can't stop @_x, mail j_@x.com or .@esa; Obama RT @POTUS_44 @__ @",
		"“Floods-hit Speaking …", "—Huge", "Petro Slams NATO Over Gaza Genocide Claims", "Breaking: Floods hit Lima",
		"Ilse\u00a0Brandt \u202fand Secretary-General Liv Tangen", "HUGE WIN FOR NATO OVER RUSSIA",
		"Theresa May met Ms. von der Leyen, George W. Bush and Charles Q. Brown Jr. in St. Louis. Mrs. May", "St. W. Jr. von der",
		"Zelen\u00adskyy’s Pres\u200di\u2060dent Ama\u200czon\u00ad, we'r\u00ade \u00adX U.\u00adS."} {
		f.Add(s)
	}
	e := features.NewExtractor()
	f.Fuzz(func(t *testing.T, s string) {
		toks := features.Tokenize(nil, s)
		checkTokens(t, s, toks)
		n := features.Normalize(s)
		require.Equal(t, n, features.Normalize(n), "Normalize not idempotent")
		sj := features.StripJoiners(s)
		require.Equal(t, sj, features.StripJoiners(sj), "StripJoiners not idempotent")
		require.Equal(t, n, features.Normalize(sj), "Normalize differs after StripJoiners")
		valid := utf8.ValidString(s)
		onRunes := func(sp features.Span) bool {
			// Boundaries are rune boundaries; in invalid UTF-8 a stray byte
			// is a token of its own, so only valid text is checked.
			return !valid || utf8.RuneStart(s[sp.Start]) && (sp.End == len(s) || utf8.RuneStart(s[sp.End]))
		}
		prev := 0
		for _, sp := range features.Sentences(nil, s) {
			require.True(t, sp.In(len(s)) && sp.Start < sp.End && sp.Start >= prev && onRunes(sp), "sentence span %v", sp)
			prev = sp.End
		}
		prev = 0
		for _, sp := range features.Mentions(nil, s) {
			require.True(t, sp.In(len(s)) && sp.Start < sp.End && sp.Start >= prev && onRunes(sp), "mention span %v", sp)
			prev = sp.End
		}
		if len(s) > 0 {
			ids := e.AppendFeatures(nil, s, features.Span{Start: 0, End: len(s) / 2})
			require.NotEmpty(t, ids)
		}
	})
}

func TestLexiconFeatures(t *testing.T) {
	cats := features.LexiconCategories()
	for _, c := range []string{"positive", "negative", "attack", "support", "suffer", "hedge"} {
		assert.Greater(t, cats[c], 50, "category %s", c)
	}
	e := features.NewExtractor()
	s := "Regulators accused Acme of fraud, but praised Initech."
	names := map[string]bool{}
	for _, f := range e.AppendNamed(nil, s, span(t, s, "Acme")) {
		names[f.Name] = true
	}
	assert.True(t, names["attack cue word within 2 words before target, in its clause"], "%v", names)
	assert.True(t, names["support cue word within 6 words after target"], "the praise is in another clause")
	assert.False(t, names["support cue word within 6 words after target, in its clause"])

	off := features.NewExtractor(features.WithLexicon(false))
	for _, f := range off.AppendNamed(nil, s, span(t, s, "Acme")) {
		assert.NotContains(t, f.Name, "cue word")
	}
}

// TestFuzzCrashers keeps the inputs FuzzTokenize failed on (also in
// testdata/fuzz/FuzzTokenize) as named cases.
func TestFuzzCrashers(t *testing.T) {
	cases := []struct{ name, in string }{
		// Stray continuation bytes next to sentence ends: the property check
		// wrongly asked for rune boundaries inside invalid UTF-8.
		{"stray continuation bytes", "\x87ЧΈF\xad0Bi"},
		// A 100 kB dotted word: quadratic acronym scanning (see
		// TestLongDegenerateInputs).
		{"long acronym chain", strings.Repeat("a.", 50000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkTokens(t, c.in, features.Tokenize(nil, c.in))
			for _, sp := range features.Sentences(nil, c.in) {
				require.True(t, sp.In(len(c.in)) && sp.Start < sp.End)
			}
		})
	}
}

// TestPrepareTokensMatchesPrepare checks that preparing a sentence from the
// tokens of its whole text gives exactly the features of preparing it
// alone.
func TestPrepareTokensMatchesPrepare(t *testing.T) {
	text := petro + "\n\nPetro said the alliance had failed. “Great,” he added… The U.S. disagreed!"
	e := features.NewExtractor()
	var sp features.SentenceSplitter
	spans := sp.Append(nil, text)
	require.Len(t, spans, 4)
	assert.Equal(t, features.Sentences(nil, text), spans)
	var a, b features.Prepared
	for _, s := range spans {
		sentence := text[s.Start:s.End]
		e.Prepare(&a, sentence)
		e.PrepareTokens(&b, sentence, sp.Tokens(), s.Start)
		assert.Equal(t, a.Tokens(), b.Tokens())
		assert.Equal(t, a.Mentions(), b.Mentions())
		for _, m := range a.Mentions() {
			assert.Equal(t, e.AppendPrepared(nil, &a, m), e.AppendPrepared(nil, &b, m))
			assert.Equal(t, e.AppendFeatures(nil, sentence, m), e.AppendPrepared(nil, &b, m))
		}
	}
}

// TestPrepareTokensBadTokens checks that tokens PrepareTokens cannot rely
// on — empty, out of order, overlapping, crossing the sentence's bounds,
// or not reaching from its first non-space byte to its last — are not used: the sentence is tokenized anew, and the result is
// Prepare's, ids included.
func TestPrepareTokensBadTokens(t *testing.T) {
	e := features.NewExtractor()
	for _, c := range []struct {
		text   string
		toks   []features.Token
		target features.Span
	}{
		{"a b", []features.Token{{0, 1, features.Word}, {2, 2, features.Word}, {2, 3, features.Word}}, features.Span{Start: 2, End: 2}},
		{"x Obama spoke", []features.Token{{0, 1, features.Word}, {2, 2, features.Word}, {2, 7, features.Word}, {8, 13, features.Word}}, features.Span{Start: 0, End: 1}},
		{"a b c", []features.Token{{0, 1, features.Word}, {4, 5, features.Word}, {0, 1, features.Word}}, features.Span{Start: 0, End: 1}},
		{"a bc d", []features.Token{{0, 1, features.Word}, {2, 4, features.Word}, {3, 4, features.Word}, {5, 6, features.Word}}, features.Span{Start: 5, End: 6}},
		{"ab cd", []features.Token{{0, 2, features.Word}, {3, 9, features.Word}}, features.Span{Start: 0, End: 2}},
		// Tokens that are fine in themselves but do not cover the
		// sentence: none at all, or another text's.
		{"Petro accused NATO of stalling.", nil, features.Span{Start: 14, End: 18}},
		{"Petro accused NATO of stalling.", []features.Token{}, features.Span{Start: 14, End: 18}},
		{"  Petro accused NATO of stalling. ", []features.Token{{2, 7, features.Word}}, features.Span{Start: 16, End: 20}},
		{"Petro accused NATO of stalling.", []features.Token{{6, 13, features.Word}, {14, 18, features.Word}}, features.Span{Start: 14, End: 18}},
	} {
		var a, b features.Prepared
		e.Prepare(&a, c.text)
		e.PrepareTokens(&b, c.text, c.toks, 0)
		require.Equal(t, a.Tokens(), b.Tokens(), "%q %v", c.text, c.toks)
		assert.Equal(t, a.Mentions(), b.Mentions(), "%q", c.text)
		assert.Equal(t, e.AppendFeatures(nil, c.text, c.target), e.AppendPrepared(nil, &b, c.target), "%q", c.text)
	}
	// A token that starts before the sentence, at base 3: it starts in the text before it.
	text := "xx Obama spoke"
	var a, b features.Prepared
	e.Prepare(&a, text[3:])
	e.PrepareTokens(&b, text[3:], []features.Token{{0, 4, features.Word}, {8, 14, features.Word}}, 3)
	assert.Equal(t, a.Tokens(), b.Tokens())

	// Tokens of another feature set's tokenizer, which tells words with an
	// invisible joiner inside apart: each extractor prepares the sentence
	// as Prepare does, whichever splitter's tokens it is given.
	joined := "Zelen\u00adskyy thanked Germany. Putin con\u00addemned it, and 5\u00ad00 troops."
	old := extractorOfVersion(t, 10)
	for _, by := range []*features.Extractor{e, old} {
		var sp features.SentenceSplitter
		sp.Tokenize = by.Tokenize
		spans := sp.Append(nil, joined)
		require.Len(t, spans, 2)
		for _, with := range []*features.Extractor{e, old} {
			for _, s := range spans {
				sentence := joined[s.Start:s.End]
				with.Prepare(&a, sentence)
				with.PrepareTokens(&b, sentence, sp.Tokens(), s.Start)
				assert.Equal(t, a.Tokens(), b.Tokens(), "set %d's tokens, set %d's extractor: %q", by.Version(), with.Version(), sentence)
				assert.Equal(t, a.Mentions(), b.Mentions(), "set %d's tokens, set %d's extractor: %q", by.Version(), with.Version(), sentence)
			}
		}
	}
}

// TestExtractorGroups checks that Groups names exactly the groups whose
// ids AppendFeatures produces, for the default settings and with options
// that turn groups off.
func TestExtractorGroups(t *testing.T) {
	sp := span(t, petro, "NATO")
	for name, opts := range map[string][]features.Option{
		"default":         nil,
		"no trigrams":     {features.WithTrigrams(false)},
		"no cue trigrams": {features.WithCueTrigrams(false)},
		"no bigrams":      {features.WithBigrams(false)},
		"no lexicon":      {features.WithLexicon(false), features.WithSides(false), features.WithClause(false)},
		"no window":       {features.WithWindow(0, 0)},
		"near only":       {features.WithWindow(2, 2)},
		"no near":         {features.WithWindow(3, 0)},
	} {
		t.Run(name, func(t *testing.T) {
			e := features.NewExtractor(opts...)
			var seen features.GroupSet
			for _, id := range e.AppendFeatures(nil, petro, sp) {
				seen |= 1 << features.GroupOf(id)
			}
			assert.Equal(t, seen, e.Groups())
		})
	}
	assert.True(t, features.NewExtractor().Groups().Has(features.GroupTargetTrigram))
	assert.False(t, features.NewExtractor(features.WithTrigrams(false)).Groups().Has(features.GroupTargetTrigram))
}
