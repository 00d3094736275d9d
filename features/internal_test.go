package features

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/internal/testtexts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHolderCueBits(t *testing.T) {
	assert.Equal(t, "attack", lexiconCategories[cueAttack])
	assert.Equal(t, "support", lexiconCategories[cueSupport])
}

func TestIndexHyphen(t *testing.T) {
	for _, s := range []string{"", "abc", "a-b", "a\u2011b", "é\u2010x-y", "\u2011", "x\xe2\x80", "ab\u2012-", "\xe2\x80\x91-"} {
		h, n := indexHyphen(s)
		want := strings.IndexAny(s, "-\u2011")
		assert.Equal(t, want, h, "%q", s)
		if want >= 0 {
			_, size := utf8.DecodeRuneInString(s[want:])
			assert.Equal(t, size, n, "%q", s)
		}
	}
}

// TestNameClassSpelling checks that the mention classes, kept in the term
// table under the normalised word, hold for the listed spelling only — as
// a lookup by exact spelling would give.
func TestNameClassSpelling(t *testing.T) {
	words := loadTermTable()
	var buf []byte
	exact := func(w string) uint16 {
		var c uint16
		for _, l := range nameClassWords {
			if _, ok := l.words[w]; ok {
				c |= l.cls
			}
		}
		return c
	}
	n := 0
	for _, l := range nameClassWords {
		for w := range l.words {
			for _, v := range []string{w, strings.ToLower(w), strings.ToUpper(w), strings.ToUpper(w[:1]) + strings.ToLower(w[1:]), w + "s", "İ" + w[1:]} {
				got := nameClass(v, words.get(termHash(&buf, v)))
				assert.Equal(t, exact(v), got, "%q", v)
				n++
			}
		}
	}
	assert.Greater(t, n, 1000)
	assert.Equal(t, clsCalendar|clsFunction, nameClass("May", words.get(termHash(&buf, "May"))))
	assert.Zero(t, nameClass("may", words.get(termHash(&buf, "may"))))
	assert.Equal(t, clsTitle, nameClass("CEO", words.get(termHash(&buf, "CEO"))))
	assert.Zero(t, nameClass("Ceo", words.get(termHash(&buf, "Ceo"))))
}

// termHashCase is the hash of a token as Extractor.prepare computes it,
// and whether the token may hold a capital: false only when it is ASCII
// without one.
func termHashCase(buf *[]byte, w string) (uint64, bool) {
	if h, upper, ok := shortASCIIHash(w); ok {
		return h, upper
	}
	return termHashSlow(buf, w, true), true
}

// termHash is termHashCase's hash.
func termHash(buf *[]byte, w string) uint64 {
	h, _ := termHashCase(buf, w)
	return h
}

func TestTermHash(t *testing.T) {
	words := []string{"", "a", "Z", "@", "[", "`", "{", "NATO", "nato's", "Abc-Def", "ABCDEFGH", "abcdefgh1",
		"ThisIsALongerWordOf31Characters", "ThisIsALongerWordOf32Characters!", "São", "Zelenskyy’s", "ÉTAT",
		"x\xffy", "\x80", "MiXeD CaSe 123 @[`{", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "1234567\u00e9"}
	rng := rand.New(rand.NewPCG(7, 9))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(0x20 + rng.IntN(0x60)) // printable ASCII
			if rng.IntN(50) == 0 {
				b[i] = byte(rng.IntN(256))
			}
		}
		words = append(words, string(b))
	}
	var buf []byte
	for _, w := range words {
		require.Equal(t, normHash(w), termHash(&buf, w), "%q", w)
		_, mayUpper := termHashCase(&buf, w)
		if !mayUpper {
			require.False(t, strings.ContainsFunc(w, func(r rune) bool { return r >= utf8.RuneSelf || 'A' <= r && r <= 'Z' }),
				"%q holds a capital or a non-ASCII rune", w)
		}
		if strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			require.True(t, mayUpper, "%q", w)
		}
	}
	// prepare's own hashes, on the same words as one text.
	var p Prepared
	defaultExtractor.Prepare(&p, strings.Join(words, " "))
	require.NotEmpty(t, p.toks)
	for i, tk := range p.toks {
		require.Equal(t, normHash(tk.Text(p.text)), p.base[i].hash, "token %q", tk.Text(p.text))
	}
}

func FuzzTermHash(f *testing.F) {
	for _, s := range []string{"", "NATO", "Zelenskyy’s", "ABCDEFGHIJKLMNOPQRSTUVWXYZ[@`{", "x\xffy"} {
		f.Add(s)
	}
	var buf []byte
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := termHash(&buf, w), normHash(w); got != want {
			t.Fatalf("termHash(%q) = %#x, want %#x", w, got, want)
		}
	})
}

func TestAsciiWordBytes(t *testing.T) {
	for b := range 256 {
		for pos := range 8 {
			x := uint64(b) << (8 * pos)
			x |= uint64('#') << (8 * ((pos + 1) % 8)) // a non-word neighbour
			got := asciiWordBytes(x)>>(8*pos)&0x80 != 0
			assert.Equal(t, asciiWord[b], got, "byte %#x at %d", b, pos)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		x := rng.Uint64()
		got := asciiWordBytes(x)
		for pos := range 8 {
			assert.Equal(t, asciiWord[byte(x>>(8*pos))], got>>(8*pos)&0x80 != 0, "%#x byte %d", x, pos)
		}
	}
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "abc def", "abcdefg\xc3\xa9", "Zelenskyy's", "12345678901234567890x-y"} {
		for i := range len(s) + 1 {
			want := i
			for want < len(s) && asciiWord[s[want]] {
				want++
			}
			assert.Equal(t, want, wordRunEnd(s, i), "%q from %d", s, i)
		}
	}
}

// TestGeneralPunct checks the premise of the fast path in isWordRune and
// isLetterRune: no rune of the General Punctuation block is a letter, a
// digit or a mark, so answering false for all of them changes nothing.
func TestGeneralPunct(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !generalPunct(r) {
			continue
		}
		n++
		assert.False(t, unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r), "%U", r)
	}
	assert.Equal(t, 0x70, n, "the block is U+2000 to U+206F")
	assert.False(t, generalPunct(0x1fff))
	assert.False(t, generalPunct(0x2070))
	assert.True(t, unicode.IsLetter(0x2071), "U+2071, just past the block, is a letter: the bound matters")
}

// TestTermTableBitsDisjoint checks that the classes sharing a term table
// entry — cue categories, term classes, holder classes and the mention
// finder's classes of two spellings — sit on bits of their own: the
// shifts are set by hand, and a class added to one field must not land on
// another's bits.
func TestTermTableBitsDisjoint(t *testing.T) {
	nameClasses := uint64(clsTitle | clsTitleModifier | clsFunction | clsCommonNoun | clsDemonym | clsCalendar | clsFunction5 | clsTitleModifier5)
	fields := map[string]uint64{
		"cue categories": 1<<len(lexiconCategories) - 1,
		"term classes":   uint64(tcNegCue | tcClause | tcPunctEnd | tcBut),
		"holder classes": uint64(hwReport|hwGap|hwLocation|hwListener) << hwShift,
		"capitalised":    nameClasses << capShift,
		"all capitals":   nameClasses << upperShift,
	}
	var all uint64
	for name, bits := range fields {
		assert.Zero(t, all&bits, "%s overlap another field", name)
		all |= bits
	}
	assert.Zero(t, all>>32, "the fields fit the 32-bit entry")
}

// TestTokenizeASCIIWordPath checks Tokenize's shortcut for ASCII words:
// wherever a word starts with an ASCII letter other than h or w, the
// shortcut's token (or appendWord's, where it falls back) must be what
// appendWord gives from that position, as Tokenize gave before the
// shortcut. Tokenize is otherwise unchanged, so token by token from the
// start of the text its output is the same as before. Random texts over an
// alphabet of the characters that end, join or start words differently.
func TestTokenizeASCIIWordPath(t *testing.T) {
	alphabet := []string{"a", "b", "Z", "h", "w", "H", "W", "1", "9", "'", "’", "-", ".", "..", " ", "  ", ",",
		"é", "\u2011", "s", "t", "n", "U", "S", "http://", "www.", "ll", "\n", "\xff", "\u00a0", "—", "x"}
	check := func(text string) {
		toks := Tokenize(nil, text)
		for k, tk := range toks {
			// A word starts where Tokenize's loop starts a token; a clitic
			// ("n't") may start with a letter inside appendWord's word.
			if c := text[tk.Start]; tk.Kind != Word || !asciiLetter(c) || c|0x20 == 'h' || c|0x20 == 'w' {
				continue
			}
			want, end := appendWord(nil, text, tk.Start, true)
			require.LessOrEqual(t, k+len(want), len(toks), "%q at %d", text, tk.Start)
			require.Equal(t, want, toks[k:k+len(want)], "%q at %d", text, tk.Start)
			require.Equal(t, end, want[len(want)-1].End, "%q at %d", text, tk.Start)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range rng.IntN(24) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		check(b.String())
	}
	for _, text := range []string{"NATO's allies", "U.S. and U.N.", "didn't", "States-led", "O'Brien", "abcdefghijklmnop.", "Zelenskyy’s", "www.example.com", "http://x.y"} {
		check(text)
	}
}

// TestHoldersVerbList checks Holders, which visits a list of the
// sentence's verbs and keeps the clause test as it walks back, against the
// same scans over every token with clauseBetween asked afresh for each verb
// (as Holders scanned before the list), on every sentence of the built-in
// corpus, with the mentions the finder returns and with the labelled
// targets as the mentions. holderScan shares the rules' helpers (agent,
// venue, relSubjectOf …), so this test guards the walk, not the rules:
// TestHolderUnit and the golden files test those.
func TestHoldersVerbList(t *testing.T) {
	n := 0
	for _, ex := range builtinExamples(t) {
		var p Prepared
		defaultExtractor.Prepare(&p, ex.Text)
		targets := targetSpans(ex)
		for _, mentions := range [][]Span{p.Mentions(), targets} {
			got := p.hs.holders(nil, &p, mentions)
			var ref holderScratch
			ref.lay(&p, mentions)
			var want []int
			for i := range mentions {
				want = append(want, ref.holderScan(i))
			}
			require.Equal(t, want, got, "%s %v", ex.ID, mentions)
			for _, h := range got {
				if h >= 0 {
					n++
				}
			}
		}
	}
	t.Logf("%d holders found", n)
	assert.Greater(t, n, 1000, "the corpus names many holders: the comparison must not be vacuous")
}

// holderScan is holder with scans of every token, as Holders scanned
// before it kept a list of verbs: the reference of TestHoldersVerbList.
func (hs *holderScratch) holderScan(target int) int {
	toks, base, owner := hs.toks, hs.base, hs.owner
	if hs.first[target] < 0 {
		return -1
	}
	t0, t1 := hs.first[target], hs.last[target]
	for v := range toks {
		if a := accordingTo(base, v); base[v].hash == hashAccording && a >= 0 && owner[a] == target {
			return -1
		}
	}
	if t0 >= 2 && owner[t0-2] >= 0 && hs.closing(t0-1) > t1 {
		return -1
	}
	if m := hs.stanceAside(t0); m >= 0 && m != target {
		return m
	}
	e := t1
	if c := hs.closing(t1 + 1); c >= 0 {
		e = c
	}
	for v := e + 1; v < len(toks)-2 && v <= e+6; v++ {
		if !hs.isVerb(v) {
			continue
		}
		if !hs.clear(e+1, v) {
			break
		}
		if a := hs.agent(v); a >= 0 && a != target {
			return a
		}
	}
	nearest := true
	for v := t0 - 1; v >= 0; v-- {
		if !hs.isVerb(v) {
			continue
		}
		if nearest && !hs.isNoun(v) {
			if hs.span(v, hs.listHead(t0)) > nearVerb && !hs.is(v, hwReport) {
				break
			}
			nearest = false
		}
		if hs.clauseBetween(v, t0) {
			break
		}
		if hs.agent(v) == target || hs.passive(v) {
			continue
		}
		if hs.is(v, hwListener) && (t0 == v+1 || t0 == v+2 && base[v+1].hash == hashThe) || hs.venue(v, t0) {
			return -1
		}
		s := hs.subjectOf(v)
		if s < 0 {
			s = hs.participleSubject(v)
		}
		if s >= 0 && s != target {
			return s
		} else if s == target || hs.asideSubject(v) {
			return -1
		}
	}
	for v := range toks {
		if a := accordingTo(base, v); base[v].hash == hashAccording && a >= 0 && owner[a] >= 0 && owner[a] != target {
			return owner[a]
		}
	}
	for v := t1 + 1; v < len(toks); v++ {
		if !hs.is(v, hwReport) || owner[v] >= 0 || hs.afterPossessive(v) {
			continue
		}
		if s, rel := hs.relSubjectOf(v); s >= 0 {
			if s == target || hs.first[s] < t0 || hs.inDescription(t1, s) {
				return -1
			}
			if rel {
				continue
			}
			if hs.opensOwnClause(hs.first[s]) {
				continue
			}
			if hs.wordsBetween(t1, hs.first[s], false) || hs.wordsBetween(t1, hs.first[s], true) || hs.inBrackets(s, t0) || hs.possessed(t0, t1, hs.first[s]) {
				return -1
			}
			return s
		}
		if !hs.is(v, hwListener) && v > 0 && toks[v-1].Kind == Punct && v+1 < len(toks) {
			o := hs.namedAt(v+1, false) // "…, said Petro", "…, said Colombian President Gustavo Petro"
			if o < 0 || o == target {
				continue
			}
			if sp := hs.described(o, target); sp < 0 || hs.endsSpeaker(sp) {
				return sp
			}
		}
	}
	return -1
}

// clauseBetween reports whether a clause of its own opens between the
// verb at token v and the target's first token t0, so that the verb does
// not reach the target (clauseOpens): after a reporting verb, whose
// report runs on through its subordinate clauses ("Neal added that while
// other presidents, like Reagan, …"), only one that joins main clauses.
// holder keeps the same test as it walks back from verb to verb,
// scanning each token once; this is its definition, for holderScan.
func (hs *holderScratch) clauseBetween(v, t0 int) bool {
	report := hs.is(v, hwReport)
	for k := v + 1; k < t0; k++ {
		if main, any := hs.clauseOpens(k); main || any && !report {
			return true
		}
	}
	return false
}

// TestTermSequence checks the term sequence extractPrepared builds, which
// copies runs of plain tokens at once, against its definition taken token
// by token: a token that overlaps the target is the placeholder (once, at
// the first such token), a token inside another mention that does not
// overlap the target is that mention's placeholder (once, at the token that
// starts it; with WithOthers(false), other mentions are left as they are)
// and every other token is its own term; an empty target inside no token
// puts the placeholder before the first such own term at or after it, and
// a target with no place, at the end. Corpus sentences with every mention,
// labelled targets, random spans and empty spans as targets.
func TestTermSequence(t *testing.T) {
	for _, others := range []bool{true, false} {
		testTermSequence(t, NewExtractor(WithOthers(others)), others)
	}
}

func testTermSequence(t *testing.T, e *Extractor, others bool) {
	overlap := func(a, b Span) bool { return a.Start < b.End && b.Start < a.End }
	want := func(p *Prepared, target Span) []term {
		var ts []term
		placed := false
		for i, tk := range p.toks {
			if overlap(Span{tk.Start, tk.End}, target) {
				if !placed {
					ts, placed = append(ts, term{hash: placeholderHash, tok: -1, flags: tfWord}), true
				}
				continue
			}
			in := -1
			for k, m := range p.mentions {
				if others && m.Start <= tk.Start && tk.End <= m.End && !overlap(m, target) {
					in = k
				}
			}
			if in >= 0 {
				if tk.Start == p.mentions[in].Start {
					ts = append(ts, term{hash: otherHash, tok: -2, flags: tfWord})
				}
				continue
			}
			if !placed && target.Start == target.End && tk.Start >= target.Start {
				ts, placed = append(ts, term{hash: placeholderHash, tok: -1, flags: tfWord}), true
			}
			ts = append(ts, p.base[i])
		}
		if !placed {
			ts = append(ts, term{hash: placeholderHash, tok: -1, flags: tfWord})
		}
		return ts
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var p Prepared
	var terms []term
	n := 0
	check := func(target Span) {
		e.extractPrepared(nil, nil, &p, &terms, target, 0)
		require.Equal(t, want(&p, target), terms, "%q target %v", p.text, target)
		n++
	}
	for _, ex := range builtinExamples(t) {
		e.Prepare(&p, ex.Text)
		for _, m := range p.mentions {
			check(m)
		}
		for _, tg := range ex.Targets {
			check(Span{tg.Start, tg.End})
		}
		for range 3 {
			a, b := rng.IntN(len(ex.Text)+1), rng.IntN(len(ex.Text)+1)
			check(Span{min(a, b), max(a, b)})
			check(Span{a, a})
		}
	}
	assert.Greater(t, n, 20000)
}

// TestHoldersLay checks lay against its definition on every built-in
// sentence, with its mentions, its labelled targets and random spans (some
// cutting tokens, so that a token can overlap two): a token's owner is the
// first mention it overlaps, a mention's first and last tokens are those
// it owns, the verbs are the tokens isVerbTerm accepts outside every
// mention, and the "according to" mentions are the owners of the tokens
// after "according to" or "according to the".
func TestHoldersLay(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	n := 0
	for _, ex := range builtinExamples(t) {
		var p Prepared
		text := ex.Text + " According to Reuters, according to the EU officials said."
		defaultExtractor.Prepare(&p, text)
		targets := targetSpans(ex)
		var random []Span
		for pos := r.IntN(8); pos < len(text) && len(random) < 8; {
			end := min(len(text), pos+1+r.IntN(10))
			random = append(random, Span{pos, end})
			pos = end + r.IntN(4)
		}
		for _, mentions := range [][]Span{p.Mentions(), targets, random} {
			var hs holderScratch
			hs.lay(&p, mentions)
			for i, tok := range p.toks {
				want := slices.IndexFunc(mentions, func(m Span) bool { return m.Start < tok.End && tok.Start < m.End })
				require.Equal(t, want, hs.owner[i], "%q %v: token %d", text, mentions, i)
			}
			for m := range mentions {
				first, last := slices.Index(hs.owner[:len(p.toks)], m), -1
				for i := range p.toks {
					if hs.owner[i] == m {
						last = i
					}
				}
				require.Equal(t, first, hs.first[m])
				require.Equal(t, last, hs.last[m])
			}
			var verbs, accord []int
			want := func(i int) int { // the mention token i is part of, or -1
				return slices.IndexFunc(mentions, func(m Span) bool { return m.Start < p.toks[i].End && p.toks[i].Start < m.End })
			}
			for i := range p.toks {
				if isVerbTerm(&hs.base[i]) && want(i) < 0 {
					verbs = append(verbs, i)
				}
				if i+2 < len(p.toks) && p.base[i].hash == hashAccording && p.base[i+1].hash == hashTo {
					a := i + 2 // the token after "according to", or after "according to the"
					if p.base[a].hash == hashThe && a+1 < len(p.toks) {
						a++
					}
					if hs.owner[a] >= 0 {
						accord = append(accord, hs.owner[a])
					}
				}
			}
			require.True(t, slices.Equal(verbs, hs.verbs), "verbs %v, lay's %v", verbs, hs.verbs)
			require.True(t, slices.Equal(accord, hs.accord), "according to %v, lay's %v", accord, hs.accord)
			n++
		}
	}
	t.Logf("%d layouts", n)
}

// builtinExamples returns every example of the built-in corpus, train
// part then test part.
func builtinExamples(t *testing.T) []corpus.Example {
	t.Helper()
	var all []corpus.Example
	for _, split := range []corpus.Split{corpus.Train, corpus.Test} {
		exs, err := corpus.Builtin(split)
		require.NoError(t, err)
		all = append(all, exs...)
	}
	return all
}

// targetSpans returns the spans of ex's labelled targets, in order.
func targetSpans(ex corpus.Example) []Span {
	targets := make([]Span, 0, len(ex.Targets))
	for _, tg := range ex.Targets {
		targets = append(targets, Span{tg.Start, tg.End})
	}
	slices.SortFunc(targets, func(a, b Span) int { return a.Start - b.Start })
	return targets
}

// TestCommonWords checks names/common.txt: sorted, unique, lower-case
// ASCII words (commonWords panics on others), and free of
// words that are often a name on their own — a list of those for which
// a slip is likely, not a proof.
func TestCommonWords(t *testing.T) {
	words := commonWords()
	checkWordList(t, commonWordsText, words)
	assert.Greater(t, len(words), 5000)
	for _, w := range []string{"Floods", "Speaking", "Huge", "Nobody", "Tensions", "Wildfires"} {
		assert.True(t, isCommonWord(w), w)
	}
	for _, w := range []string{"floods", "FLOODS", "Floods's"} {
		assert.False(t, isCommonWord(w), "%s: only the capitalised spelling", w)
	}
	for _, name := range oftenNames {
		assert.False(t, isCommonWord(name), "%s is often a name", name)
	}
}

// oftenNames are words that are often names on their own, which no list
// of common words may hold.
var oftenNames = strings.Fields(`Apple Amazon Shell Target Visa Ford Oracle Meta Alphabet Fox Times
	Sun Mirror Guardian Delta United Turkey China Jordan Chad Georgia Nice Reading Bath Phoenix Bush
	Rice Brown Black White Green Young King Price Cash Stone Hill Wood Bell Gates Jobs Page Banks
	Sessions Pence Barr Warren Carter Baker Cook Miller Smith Taylor Hunt May Will Bill Mark Hope
	Grace Rose Sky Winner Swift Park Labour Labor Democrats Republicans Reform Congress Senate
	Treasury Pentagon Kremlin House Court Nothing Arsenal Celtic Rangers Giants Jets Next Paramount
	Total Universal Heat Major Guard Real Sporting Travelers Snow Citizens`)

// checkWordList checks a word list of names/, one word a line: sorted,
// unique, and every line a word of the set capitalised reads from it.
func checkWordList(t *testing.T, text string, set map[string]struct{}) {
	t.Helper()
	var lines []string
	for line := range strings.Lines(text) {
		lines = append(lines, strings.TrimSuffix(line, "\n"))
	}
	assert.True(t, slices.IsSorted(lines), "sorted")
	assert.Len(t, slices.Compact(slices.Clone(lines)), len(lines), "unique")
	assert.Len(t, set, len(lines))
}

// TestGivenNames checks names/given.txt: sorted, unique, lower-case ASCII
// words (givenNames panics on others), and free of words that open names
// of things or are often a surname alone before "May" or an initial:
// a list of those for which a slip is likely, not a proof.
func TestGivenNames(t *testing.T) {
	checkWordList(t, givenNamesText, givenNames())
	for _, w := range []string{"Theresa", "Brian", "George", "Michael"} {
		assert.True(t, isGivenName(w), w)
	}
	for _, w := range []string{"theresa", "THERESA", "May", "Group", "Plan", "Type", "Formula", "War", "Pool", "Fed",
		"China", "Apple", "Labour", "Sunak", "World", "Vitamin", "Bank", "Section", "Article", "Title", "Division",
		"Virginia", "Victoria", "Louis", "Eugene", "Lawrence", "Gary"} { // places first: "Virginia May jobs", "St. Louis"
		assert.False(t, isGivenName(w), w)
	}
}

// TestPlaces checks names/places.txt: sorted, unique, words of letters
// (places panics on others), holding the places that "of" and hyphens
// part from a name, and free of those that a hyphen joins into one name
// ("Guinea-Bissau", "Asia-Pacific", "Congo-Brazzaville", "Timor-Leste",
// "Bosnia-Herzegovina"): a list of those for which a slip is likely, not
// a proof.
func TestPlaces(t *testing.T) {
	checkWordList(t, placesText, places())
	for _, w := range []string{"Arizona", "New York", "West Virginia", "China", "US", "EU", "Hamas", "Türkiye"} {
		assert.Contains(t, places(), w)
	}
	for _, w := range []string{"Bissau", "Pacific", "Brazzaville", "Leste", "Herzegovina", "Atlantic", "Baden", "Benz"} {
		assert.NotContains(t, places(), w)
	}
	for _, w := range []string{"", "new York", "New  York", "New York ", "U.S.", "Port-au-Prince", "O'Hare", "Ab1"} {
		assert.False(t, isPlaceLine(w), w)
	}
	assert.True(t, isPlaceLine("Bogotá"))
}

// TestNumberedWords checks names/numbered.txt: sorted, each word once, of
// ASCII letters, "&" and inner hyphens, with forms of number
// (numberedWords panics on others); free of months and days, and of places but with the years of
// the games they held ("Paris 2024"), as other numbers after them are
// scores, counts and dates ("beat France 2-1", "March 5"; a list of
// those for which a slip is likely, not a proof); and the forms'
// matching.
func TestNumberedWords(t *testing.T) {
	var lines []string
	for line := range strings.Lines(numberedText) {
		lines = append(lines, strings.TrimSuffix(line, "\n"))
	}
	assert.True(t, slices.IsSorted(lines), "sorted")
	words := map[string]bool{}
	for _, l := range lines {
		w, _, _ := strings.Cut(l, " ")
		assert.False(t, words[w], "%s twice", w)
		words[w] = true
		assert.Contains(t, numberedWords(), w)
	}
	for _, w := range []string{"S&P", "FTSE", "iPhone", "Windows", "Boeing", "Formula", "Article"} {
		assert.True(t, words[w], w)
	}
	for w := range words {
		assert.False(t, isCalendarWord(w), w)
		if !isPlace(w) {
			continue
		}
		// A place of names/places.txt takes only the years of the games
		// it held ("Paris 2024"), never a form of any number. (The list's
		// other cities, "Brisbane", "Glasgow", are in no list to check.)
		for _, p := range numberedWords()[w].patterns {
			assert.True(t, len(p) == 4 && strings.Trim(p, "0123456789") == "", "%s %s", w, p)
		}
		assert.False(t, numberedWords()[w].version, w)
	}
	for _, w := range []string{"France", "Microsoft", "Type", "Phase", "Category", "Level", "Galaxy"} {
		assert.NotContains(t, numberedWords(), w)
	}
	forms := func(w string) numberForm {
		f, ok := numberedWords()[w]
		require.True(t, ok, w)
		return f
	}
	for _, c := range []struct {
		word, number string
		fits         bool
	}{
		{"Windows", "11", true}, {"Windows", "3.1", true}, {"Windows", "2000", true}, {"Windows", "2024", false},
		{"WINDOWS", "11", true}, {"Article", "5", true}, {"Article", "230", true}, {"Article", "2.5", false}, {"Article", "1000", false},
		{"Boeing", "737", true}, {"BOEING", "787", true}, {"Boeing", "400", false}, {"Boeing", "2024", false}, {"Boeing", "73", false},
		{"Euro", "2024", true}, {"Euro", "96", true}, {"Euro", "1.08", false}, {"Euro", "5", false},
		{"Flight", "1549", true}, {"Flight", "12345", false}, {"S&P", "500", true}, {"S&P", "50", false},
		{"Gemini", "2.5", true}, {"Gemini", "2.55", true}, {"Gemini", "2.555", false}, {"Gemini", "123.5", false}, {"Gemini", "3", true},
		{"Boeing", "747", true}, {"Brisbane", "2032", true}, {"Brisbane", "2031", false},
	} {
		fits, _ := forms(c.word).fits(c.number)
		assert.Equal(t, c.fits, fits, "%s %s", c.word, c.number)
	}
	for _, w := range []string{"Boeing", "iPhone", "S&P"} {
		assert.Contains(t, numberedWords(), strings.ToUpper(w), "in capitals too")
	}
	for _, w := range []string{"ACT", "BIG"} {
		assert.NotContains(t, numberedWords(), w, "a word of three letters is not looked up in capitals")
	}
	_, year := forms("Euro").fits("2028")
	assert.True(t, year)
	_, year = forms("Euro").fits("96")
	assert.False(t, year)
}

// TestHyphenTitle checks which hyphenated words feature set 5 takes for
// titles: titles and title modifiers joined by hyphens, a title last.
func TestHyphenTitle(t *testing.T) {
	for _, w := range []string{"Secretary-General", "Vice-President", "Vice-president", "Attorney-General",
		"Deputy-Secretary-General", "Lieutenant-Governor", "Director\u2011General", "Prime-Minister"} {
		assert.True(t, isHyphenTitle(w), w)
	}
	for _, w := range []string{"Vice-", "-President", "Secretary-", "Vice--President", "General-Motors", "Coca-Cola",
		"President-Smith", "Vice-Deputy", "vice-President", "VICE-PRESIDENT", "Vice-PRESIDENT", "Secretary-Generalissimos",
		"Anti-President", "Vice-Presidents-elect"} {
		assert.False(t, isHyphenTitle(w), w)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { isHyphenTitle("Vice-president") }), "a lower-case part is looked up without allocating")
}

// TestTitlePhrases8 checks what retitle8 relies on: each title phrase
// ends in a word of titles8 or modifiers8, whose tokens carry clsWord8.
func TestTitlePhrases8(t *testing.T) {
	for _, ph := range titlePhrases8 {
		last := ph[len(ph)-1]
		_, title := titles8[last]
		_, modifier := modifiers8[last]
		assert.True(t, title || modifier, "%v ends in %q, a word of neither list", ph, last)
	}
}

// TestHeadlineWords checks names/headline.txt: sorted, unique, lower-case
// ASCII words (headlineWords9 panics on others), and free of words that
// head names, open them or are names themselves, in any of the lists the
// finder keeps: a list of those for which a slip is likely, not a proof.
func TestHeadlineWords(t *testing.T) {
	words := headlineWords9()
	checkWordList(t, headlineWordsText, words)
	assert.Greater(t, len(words), 3000)
	for _, w := range []string{"Surges", "Oversees", "Ceremony", "Pressure", "Targeting", "Valuing"} {
		assert.True(t, isHeadlineWord9([]byte(w)), w)
	}
	for _, w := range []string{"surges", "SURGES"} {
		assert.False(t, isHeadlineWord9([]byte(w)), "%s: only the capitalised spelling", w)
	}
	for w := range words {
		_, org := orgWords[w]
		switch {
		case isOrgHead(w), isPlaceHead(w), isHeads8(w), isRunHead9(w), org:
			t.Errorf("%s heads names", w)
		case isGivenName(w):
			t.Errorf("%s is a given name", w)
		case isDemonym(w), isDemonym7(w), isCalendarWord(w):
			t.Errorf("%s is a demonym or a calendar word", w)
		}
		if _, ok := titles8[w]; ok {
			t.Errorf("%s is a title", w)
		}
		if _, ok := modifiers8[w]; ok {
			t.Errorf("%s is a title modifier", w)
		}
		if _, ok := places()[w]; ok {
			t.Errorf("%s is a place", w)
		}
	}
	// The words the writers of the list considered and left out, as parts
	// of names (testdata/headline_excluded.txt, kept beside the list so
	// that a later addition cannot bring one back unseen).
	b, err := os.ReadFile("testdata/headline_excluded.txt")
	require.NoError(t, err)
	excluded := strings.Fields(string(b))
	assert.Len(t, excluded, 1013)
	for _, w := range excluded {
		assert.False(t, isHeadlineWord9([]byte(w)), "%s was left out as a part of names", w)
	}
	for _, name := range append(strings.Fields(`Block Signal Threads Gap
		Chase Ring Square Slack Zoom Snap Steam Switch Windows Teams Magic Thunder Jazz Chiefs Bills
		Eagles Bears Lions Warriors Kings Rally Freedom Justice Law Alliance Open Final Series Masters
		Derby Grand National Federal Royal Central Global General Supreme Social Human Rights Security
		Health Energy Capital Digital Online Safety Markets Competition Home Best Good Modern Silver
		Golden Silicon Red Blue Secret Crown High Old Large World Space Keys Hurts Root Stokes Sinner
		Slot Fury Survey Split Studies Unite Crypto`), oftenNames...) {
		assert.False(t, isHeadlineWord9([]byte(name)), "%s is often a name or part of one", name)
	}
}

// TestHeadlineWordsCasing checks names/headline.txt against the training
// text (NewsMTSC train and the built-in corpus's train part), as the list
// was checked when it was made: no word of it is capitalised inside a
// sentence (not first, not after a colon or a quote) in a fifth of its
// uses or more, and at least twice, as names' words are.
func TestHeadlineWordsCasing(t *testing.T) {
	exs := testtexts.Training(t)
	seen := map[string]bool{}
	lower, upper := map[string]int{}, map[string]int{}
	for _, ex := range exs {
		if seen[ex.Text] {
			continue
		}
		seen[ex.Text] = true
		opens := true // the next word opens the sentence or follows a colon or a quote
		for _, tk := range Tokenize(nil, ex.Text) {
			w := tk.Text(ex.Text)
			if tk.Kind != Word {
				if tk.Kind == Punct && strings.ContainsAny(w, ".!?:\"“”") {
					opens = true
				}
				continue
			}
			first := opens
			opens = false
			if first || w[0] >= 0x80 {
				continue
			}
			switch spelling(w) {
			case spellCapital:
				upper[strings.ToLower(w)]++
			case spellOther:
				if 'a' <= w[0] && w[0] <= 'z' {
					lower[w]++
				}
			}
		}
	}
	for line := range strings.Lines(headlineWordsText) {
		w := strings.TrimSpace(line)
		if up := upper[w]; up >= 2 {
			assert.Less(t, 5*up, up+lower[w], "%s: capitalised %d times in %d", w, up, up+lower[w])
		}
	}
}

// TestJoinerSpellings checks that isJoiner, on runes, and joinerLen and
// hasJoiner, on their UTF-8 bytes, name the same joiners, so that a joiner
// added to one is added to all.
func TestJoinerSpellings(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		want := isJoiner(r)
		if want {
			n++
		}
		require.Equal(t, want, joinerLen(s) == len(s), "joinerLen(%U)", r)
		require.Equal(t, want, joinerLen(s+"a") == len(s), "joinerLen(%U + a)", r)
		require.Equal(t, want, hasJoiner("a"+s+"b"), "hasJoiner(a %U b)", r)
	}
	require.Equal(t, 4, n, "four joiners")
}

// TestReplyVerbs checks that isReplyVerb, which lay asks of the verbs by
// comparisons, knows each of replyWords and nothing else, and that they
// are reporting verbs of the term table.
func TestReplyVerbs(t *testing.T) {
	assert.Len(t, replyWords, 5)
	for _, w := range replyWords {
		assert.True(t, isReplyVerb(normHash(w)), w)
		assert.Contains(t, reportVerbs, w)
	}
	for _, w := range []string{"said", "reply", "replying", "counter"} {
		assert.False(t, isReplyVerb(normHash(w)), w)
	}
}
