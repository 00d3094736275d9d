package features

import "slices"

// Holder returns the index in mentions of the mention that holds the
// stance the sentence reports toward mentions[target] — the subject of a
// reporting or judging verb whose object or clause holds the target
// ("Petro accused NATO …", "The EU condemned …"), the agent of a passive
// judgement ("NATO was criticised by Petro"), or the speaker of a quote
// ("'…NATO…,' Petro said"; "according to Petro") — or -1 when it finds
// none. It abstains rather than guess: a target that is itself the
// subject gets -1, and so does a holder that is not among mentions
// (pronouns, "critics"), a listener ("told the BBC"), the agent of a
// passive ("was praised by <T>"), a name after the subject of a passive
// ("was barred from … in <T>"), a name in the speaker's own description
// or a co-speaker ("Sky Sports pundit Callum Reid said", "Cigna and
// Humana announced", "House Speaker Nancy Pelosi said", "Andrew Cuomo
// (D) announced"), a name in brackets after a name ("Boeing (BA)"), a
// venue ("said at a rally in <T>"), a target in a clause of its own after
// the verb ("…, while <T> declined"), a target whose nearest verb before
// it attacks or supports and stands more than ten tokens back (nearVerb:
// it acts on something nearer), and the source
// named after "according to". The subject may stand before brackets
// ("The Federal Aviation Administration (FAA) criticised <T>"), negation
// and auxiliaries ("Microsoft didn't criticise <T>"), and a participle
// after a comma takes the nearest verb's subject ("Le Pen dismissed the
// plan, accusing <T> of …").
//
// mentions are spans of sentence in order and without overlap, as from
// Mentions. Holder panics if target is out of range.
func Holder(sentence string, mentions []Span, target int) int {
	_ = mentions[target]
	s := defaultExtractor.scratch.Get().(*scratch)
	defer defaultExtractor.scratch.Put(s)
	defaultExtractor.Prepare(&s.p, sentence)
	return Holders(nil, &s.p, mentions)[target]
}

// Holders appends to dst, for each of mentions in turn, the index of its
// holder as Holder defines it, or -1, and returns the extended slice. p is
// the prepared sentence, by any Extractor: holders depend on its tokens
// and words, not on its mentions, and feature sets 3 to 10 prepare those
// alike (feature sets 11 and 12 read a word with an invisible joiner
// inside as one word, where they read pieces; see Tokenize).
func Holders(dst []int, p *Prepared, mentions []Span) []int {
	return p.hs.holders(dst, p, mentions)
}

// holderScratch holds the buffers of Holders for reuse, and while
// holders runs, the sentence it attributes.
type holderScratch struct {
	owner       []int // per token, the mention it is part of, or -1
	first, last []int // per mention, its first and last token, or -1
	verbs       []int // the tokens that are verbs (isVerb), in order
	accord      []int // the mentions named after "according to", in order
	toks        []Token
	base        []term
	text        string
}

// laidFor reports whether the layout hs holds is the one lay would make
// of p's sentence, as p now holds it, with these mentions, so that
// Attribution after Holders need not lay it out again: the same text and
// tokens, and each mention's first and last tokens those that lay finds
// for its span, which for mentions in order and apart, as they must be,
// fixes the whole layout.
func (hs *holderScratch) laidFor(p *Prepared, mentions []Span) bool {
	toks := hs.toks
	if hs.text != p.text || len(toks) != len(p.toks) || len(hs.first) != len(mentions) || len(hs.last) != len(mentions) {
		return false
	}
	for m, sp := range mentions {
		f, l := hs.first[m], hs.last[m]
		if f < 0 || l < f || l >= len(toks) || toks[f].End <= sp.Start || f > 0 && toks[f-1].End > sp.Start ||
			toks[l].Start >= sp.End || l+1 < len(toks) && toks[l+1].Start < sp.End {
			return false
		}
	}
	return true
}

// laidOut returns p's holder layout for these mentions, laying the
// sentence out only when Holders has not already done so with them
// (laidFor): Attribution, Speaker and GoesOn read it.
func (p *Prepared) laidOut(mentions []Span) *holderScratch {
	hs := &p.hs
	if !hs.laidFor(p, mentions) {
		hs.lay(p, mentions)
	}
	return hs
}

func (hs *holderScratch) holders(dst []int, p *Prepared, mentions []Span) []int {
	hs.lay(p, mentions)
	for i := range mentions {
		dst = append(dst, hs.holder(i))
	}
	return dst
}

// lay finds, once for all mentions, each token's mention, each mention's
// tokens, the verbs and the mentions named after "according to".
func (hs *holderScratch) lay(p *Prepared, mentions []Span) {
	toks, base := p.toks, p.base[:len(p.toks)]
	hs.toks, hs.base, hs.text = toks, base, p.text
	hs.owner = grow(hs.owner, len(toks))
	hs.first = grow(hs.first, len(mentions))
	hs.last = grow(hs.last, len(mentions))
	owner, first, last := hs.owner, hs.first, hs.last
	for i := range first {
		first[i], last[i] = -1, -1
	}
	verbs, accord := hs.verbs[:0], hs.accord[:0]
	according := hashAccording // in a register: the appends could change globals
	for i := range base {
		owner[i] = -1
		if isVerbTerm(&base[i]) {
			verbs = append(verbs, i)
		}
		if base[i].hash == according {
			if a := accordingTo(base, i); a >= 0 {
				accord = append(accord, a) // its mention below
			}
		}
	}
	// Each mention's tokens: those that overlap it and no mention before
	// it. Mentions are in order, so the scan goes forward.
	i := 0
	for m, sp := range mentions {
		for i < len(toks) && toks[i].End <= sp.Start {
			i++
		}
		for k := i; k < len(toks) && toks[k].Start < sp.End; k++ {
			if owner[k] < 0 {
				owner[k] = m
				if first[m] < 0 {
					first[m] = k
				}
				last[m] = k
			}
		}
	}
	// A word of a name is no verb: "States" in "the United States"; nor
	// a reply verb that reports no speech: "Saka replied for Arsenal"
	// (asked here of the verbs alone, not in the loop over every token).
	kept := verbs[:0]
	for _, v := range verbs {
		if owner[v] >= 0 {
			continue
		}
		if n := toks[v].End - toks[v].Start; n >= 7 && n <= 9 && isReplyVerb(base[v].hash) && !hs.replySpeech(v) {
			b := &base[v]
			b.hw &^= hwReport
			if !isVerbTerm(b) {
				continue // a cue word ("countered" may be one) stays a verb
			}
		}
		kept = append(kept, v)
	}
	verbs = kept
	named := accord[:0] // the mentions named after "according to"
	for _, k := range accord {
		if owner[k] >= 0 {
			named = append(named, owner[k])
		}
	}
	hs.verbs, hs.accord = verbs, named
}

// accordingTo returns, for "according" at term i, the term after
// "according to" or "according to the", or -1 if "to" does not follow.
func accordingTo(base []term, i int) int {
	if i+2 >= len(base) || base[i+1].hash != hashTo {
		return -1
	}
	a := i + 2
	if base[a].hash == hashThe && a+1 < len(base) {
		a++
	}
	return a
}

// is reports whether token i has holder word class c (prepare looked the
// classes up).
func (hs *holderScratch) is(i int, c uint8) bool { return hs.base[i].hw&c != 0 }

// isComma reports whether token k is a comma.
func (hs *holderScratch) isComma(k int) bool {
	return hs.toks[k].Kind == Punct && hs.text[hs.toks[k].Start] == ','
}

// isVerb reports whether token i is a verb that Holders reads: a
// reporting, attacking or supporting verb (isVerbTerm) outside every
// mention, so that "States" in "the United States" is none.
func (hs *holderScratch) isVerb(i int) bool { return hs.owner[i] < 0 && isVerbTerm(&hs.base[i]) }

// isVerbTerm reports whether a term is a reporting, attacking or
// supporting verb.
func isVerbTerm(tm *term) bool {
	return tm.hw&hwReport != 0 || tm.cues&(1<<cueAttack|1<<cueSupport) != 0
}

// subjectOf returns the mention that is the subject of the verb at token
// v: the nearest mention ending at most five tokens before it, with only
// auxiliaries, adverbs, times, "'s" and a role noun between, the name
// right before ", who" or ", which" there (see relSubjectOf), or the name
// before an aside between commas ("Petro, 63, said": asideOwner).
func (hs *holderScratch) subjectOf(v int) int {
	s, _ := hs.relSubjectOf(v)
	return s
}

// relSubjectOf is subjectOf, and reports whether the subject is the name
// before a relative pronoun: a relative clause reports on what follows
// its verb, and none of the names before ("…, as did Ford, who alleges
// that …" says nothing of the names before Ford).
func (hs *holderScratch) relSubjectOf(v int) (int, bool) {
	owner := hs.owner
	for j, lim := v-1, v-5; j >= 0 && j >= lim; j-- {
		if o := hs.bracketed(j); o >= 0 {
			// "The Federal Aviation Administration (FAA) criticised",
			// "Mark Warner (D-VA) said": the name before the brackets.
			if hs.owner[o-1] < 0 {
				o-- // the dot of "Alphabet Inc. (GOOGL.O)"
			}
			lim -= j - o
			j = o
			continue
		}
		if hs.isComma(j) {
			// "Petro, 63, said", "Petro, Colombia's president, said": the
			// name before an aside.
			o := hs.asideOwner(j)
			if o < 0 {
				o = hs.appositionOwner(j)
			}
			if o >= 0 {
				if f := hs.first[o]; f > 0 && hs.is(f-1, hwLocation) {
					return -1, false
				}
				return o, false
			}
			return -1, false
		}
		if h := hs.base[j].hash; (h == hashWho || h == hashWhich) && j >= 2 && hs.isComma(j-1) {
			// "Microsoft, which accused Google …": the name before the
			// relative pronoun, unless a place after a preposition of
			// place ("talks in Geneva, which angered Moscow"; but "spoke
			// with Merkel, who praised Macron" gives Merkel).
			if o := owner[j-2]; o >= 0 && hs.last[o] == j-2 {
				if f := hs.first[o]; f > 0 && hs.isPlacePreposition(f-1) {
					return -1, false
				}
				return o, true
			}
			return -1, false
		}
		if owner[j] >= 0 {
			// "Analysts in Bogotá said": a place after a preposition is
			// not the subject.
			if f := hs.first[owner[j]]; f > 0 && hs.is(f-1, hwLocation) {
				return -1, false
			}
			return owner[j], false
		}
		if !hs.is(j, hwGap) && hs.toks[j].Kind != Clitic {
			return -1, false
		}
	}
	return -1, false
}

// asideOwner returns the mention that ends right before the aside that
// the comma at token j closes ("Petro, 63,"; see aside), or -1.
func (hs *holderScratch) asideOwner(j int) int {
	if o := hs.asideAfter(j); o >= 0 && hs.opensClause(hs.first[o]) {
		return o
	}
	return -1
}

// appositionOwner returns the mention between commas, the second of them
// at token j, that restates a description opening the sentence
// ("Colombia's president, Gustavo Petro, said", "The CEO of Ford, Jim
// Farley, praised"), or -1: up to eight tokens before the first comma,
// none a verb, a pronoun or an auxiliary, and one a word in lower case
// (not "Senator Patrick Leahy, Democrat of Vermont, said"), back to the
// sentence's start.
func (hs *holderScratch) appositionOwner(j int) int {
	if j < 3 {
		return -1
	}
	o := hs.owner[j-1]
	if o < 0 || hs.last[o] != j-1 {
		return -1
	}
	c := hs.first[o] - 1
	if c < 1 || c > 8 || !hs.isComma(c) {
		return -1
	}
	lower := false // a word in lower case: a description, not "Senator Patrick Leahy, Democrat of Vermont, said"
	for k := 0; k < c; k++ {
		t := hs.toks[k]
		if hs.owner[k] >= 0 || t.Kind == Clitic || k == 0 && t.Kind == Punct {
			continue
		}
		if t.Kind != Word || isVerbTerm(&hs.base[k]) {
			return -1
		}
		if w := t.Text(hs.text); w[0] >= 'a' && w[0] <= 'z' {
			lower = true
		}
		if _, no := notListener[hs.base[k].hash]; no {
			return -1
		}
		if _, no := asideStops[hs.base[k].hash]; no {
			return -1
		}
	}
	if !lower {
		return -1
	}
	return o
}

// inDescription reports whether the target, whose last token is t1,
// lies in the description that mention s restates as appositionOwner
// reads it ("Trump's EPA Administrator, Scott Pruitt, said": Trump and
// EPA Administrator; "The CEO of Meridia Diagnostics, Ravi Kapoor, …").
func (hs *holderScratch) inDescription(t1, s int) bool {
	c := hs.first[s] - 1
	e := hs.last[s] + 1
	return c > t1 && e < len(hs.toks) && hs.isComma(e) && hs.appositionOwner(e) == s
}

// stanceAside returns the mention that an aside whose head is a noun of
// stance describes, for a target whose first token t0 follows that
// noun and "of" ("Petro, a fierce critic of NATO, said": Petro; "Orbán,
// a longtime ally of Putin"), or -1: the noun, after up to three words in
// lower case, follows a comma right after the mention.
func (hs *holderScratch) stanceAside(t0 int) int {
	if t0 < 4 || hs.base[t0-1].hash != hashOf {
		return -1
	}
	if _, ok := stanceNouns[hs.base[t0-2].hash]; !ok {
		return -1
	}
	for k := t0 - 3; k >= 1 && k >= t0-6; k-- {
		if hs.isComma(k) {
			if o := hs.owner[k-1]; o >= 0 && hs.last[o] == k-1 {
				return o
			}
			return -1
		}
		if hs.toks[k].Kind != Word || hs.owner[k] >= 0 || !isLowerASCIIWord(hs.toks[k].Text(hs.text)) || isVerbTerm(&hs.base[k]) {
			return -1
		}
	}
	return -1
}

// stanceNouns are the term hashes of the nouns of stance that head an
// aside (stanceAside).
var stanceNouns = termSet("critic", "critics", "ally", "allies", "supporter", "supporters", "opponent",
	"opponents", "foe", "foes", "backer", "backers", "admirer", "admirers", "defender", "defenders",
	"detractor", "detractors", "champion", "enemy", "enemies", "friend", "friends", "fan", "skeptic",
	"sceptic", "proponent", "proponents", "advocate")

// asideAfter returns the mention that ends right before the aside that
// the comma at token j closes, whether or not it opens a clause, or -1.
func (hs *holderScratch) asideAfter(j int) int {
	for k := j - 2; k >= 1 && k >= j-13; k-- {
		if !hs.isComma(k) {
			continue
		}
		if o := hs.owner[k-1]; o >= 0 && hs.last[o] == k-1 && hs.aside(k) == j+1 {
			return o
		}
		return -1
	}
	return -1
}

// asideSubject reports whether a name and an aside stand before the verb
// at token v, with words of the subject gap between, and the name opens
// the sentence or follows punctuation: the verb has a subject, whether or
// not asideOwner takes it for one ("After Petro, 63, criticised NATO,
// Rutte, 67, defended Kyiv": Rutte restates no name, but the verb is his,
// and Petro's is another; not "Netanyahu blamed Hamas, the militant
// group, then criticised Qatar", where Hamas is an object).
func (hs *holderScratch) asideSubject(v int) bool {
	j := v - 1
	for n := 0; j > 0 && n < 3 && hs.is(j, hwGap); n++ {
		j--
	}
	if j <= 0 || !hs.isComma(j) {
		return false
	}
	o := hs.asideAfter(j)
	if o < 0 {
		return false
	}
	f := hs.first[o]
	return f == 0 || hs.toks[f-1].Kind == Punct // not "Netanyahu blamed Hamas, the militant group, then criticised Qatar"
}

// possessed reports whether the target, from token t0 to t1, owns the
// description that the name starting at token f restates ("Colombia's
// president, Petro, 63, said", "Petro's rival, Duque, said"): the target
// opens the sentence or follows punctuation, "'s", one or two words and a
// comma stand between (not "Reacting to Philippe's appointment, Juppe
// called …"), and a comma follows the name (not "NATO's expansion, Putin
// claimed, had provoked the war").
func (hs *holderScratch) possessed(t0, t1, f int) bool {
	n := f - t1 - 1 // "'s", the words, the comma
	if n < 3 || n > 4 || hs.toks[t1+1].Kind != Clitic || !hs.isComma(f-1) || t0 > 0 && hs.toks[t0-1].Kind != Punct {
		return false
	}
	if e := hs.last[hs.owner[f]] + 1; e >= len(hs.toks) || !hs.isComma(e) {
		return false // "NATO's expansion, Putin claimed, had …": a parenthesis, and NATO is judged
	}
	for k := t1 + 2; k < f-1; k++ {
		if hs.toks[k].Kind != Word || hs.owner[k] >= 0 || isVerbTerm(&hs.base[k]) {
			return false
		}
	}
	return true
}

// opensClause reports whether the name whose first token is f opens the
// sentence or a clause, after up to five words or names that describe it
// ("Kenya's Beatrice Chebet", "the Italian liturgist Andrea Grillo",
// "U.S. Secretary of State Marco Rubio"): the sentence's start,
// a reporting verb or "that" ("Zelensky said Putin, 72, had attacked
// Ukraine"), or a comma, semicolon, colon, dash or quotation mark, stands
// before them ("Asked about …, Jason Miller, a Cruz adviser, said"; not "the
// largest union in the U.S., in Nashville, announced"), but no comma
// right after a name ("Tim Bale of Queen Mary, University of London, who
// …, said": the name restates the one before).
func (hs *holderScratch) opensClause(f int) bool {
	for k, n := f-1, 0; ; k, n = k-1, n+1 {
		if k < 0 {
			return true
		}
		t := hs.toks[k]
		if t.Kind == Punct {
			switch hs.text[t.Start] {
			case ',':
				// Not after a name: "Tim Bale of Queen Mary, University
				// of London, who …" restates the name before.
				return k == 0 || hs.owner[k-1] < 0
			case ';', ':', '-', '"', '(':
				return true
			}
			ok, _, _ := IsQuoteMark(t.Text(hs.text))
			return ok || t.Text(hs.text) == "\u2014" || t.Text(hs.text) == "\u2013"
		}
		if hs.is(k, hwReport) && hs.owner[k] < 0 || hs.base[k].hash == hashThat {
			return true // "Zelensky said Putin, 72, had attacked Ukraine"
		}
		if n == 5 {
			return false
		}
		if o := hs.owner[k]; o >= 0 {
			k = hs.first[o] // a name counts as one word: "U.S. Secretary of State Marco Rubio"
			continue
		}
		if t.Kind == Clitic {
			continue // "Kenya's"
		}
		if t.Kind != Word {
			return false
		}
		if h := hs.base[k].hash; h == hashThe || h == hashA || h == hashAn || h == hashOf {
			continue
		}
		if !hs.describes(k) {
			return false
		}
	}
}

// participleSubject returns, for a participle in -ing at token v that
// opens a clause after a comma ("Le Pen dismissed the plan, accusing
// Macron of …"), the subject of the clause before it, which is the
// participle's own: the subject of the nearest verb before the comma, in
// the same clause (after a semicolon, a word that joins main clauses or
// ", and"), when it is a name and the verb no passive ("Le Pen
// dismissed", "Le Pen has slammed"; "Biden said Putin had attacked
// Ukraine, accusing NATO" gives Putin). Else -1: the nearest verb's
// subject is no name ("Biden said critics had attacked Ukraine, …"),
// shares the verb with another ("Le Pen and Bardella dismissed …"), or
// follows a preposition ("Analysts at Jefferies said …"); the
// verb is a passive ("Le Pen was fined …"); or there is none ("Le Pen's
// party …").
func (hs *holderScratch) participleSubject(v int) int {
	w := hs.toks[v].Text(hs.text)
	if n := len(w); v < 2 || n < 6 || w[n-3:] != "ing" || !isLowerASCIIWord(w) || !hs.isComma(v-1) {
		return -1
	}
	for k := v - 2; k >= 1; k-- {
		t := hs.toks[k]
		if t.Kind == Punct && hs.text[t.Start] == ';' {
			return -1
		}
		h := hs.base[k].hash
		if _, joins := mainClauseWords[h]; joins && t.Kind == Word || h == hashAnd && hs.isComma(k-1) {
			return -1 // the clause's start
		}
		if hs.owner[k] >= 0 || !hs.mainVerb(k) {
			continue
		}
		if hs.isNoun(k) {
			continue // "the disputed plan": no verb
		}
		// The verb's subject, before words of the subject gap.
		j := k - 1
		for n := 0; j > 0 && n < 3 && hs.is(j, hwGap) && !isVerbTerm(&hs.base[j]); n++ {
			j--
		}
		m := hs.owner[j]
		if m < 0 || hs.last[m] != j || hs.passive(k) {
			return -1
		}
		if f := hs.first[m]; f > 0 && (hs.is(f-1, hwLocation) || hs.base[f-1].hash == hashAnd || hs.base[f-1].hash == hashOr) {
			return -1 // "Analysts at Jefferies said", "Le Pen and Bardella dismissed"
		}
		return m
	}
	return -1
}

// determiners are the term hashes of the words before which a cue word is
// a noun and a word in -ed an adjective (isNoun).
var determiners = termSet("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those")

// mainVerb reports whether token k, right after a subject, is its verb: a
// reporting, attacking or supporting verb, or a word in lower case that
// is a past form (in -ed, or one of enParticiples or irregularParticiples:
// "dismissed", "met", "struck").
func (hs *holderScratch) mainVerb(k int) bool {
	if isVerbTerm(&hs.base[k]) {
		return true
	}
	w := hs.toks[k].Text(hs.text)
	if hs.toks[k].Kind != Word || !isLowerASCIIWord(w) {
		return false
	}
	return hs.pastForm(k, w)
}

// pastForm reports whether token k, the word w in lower case, is a past
// form: in -ed, or one of enParticiples or irregularParticiples.
func (hs *holderScratch) pastForm(k int, w string) bool {
	if n := len(w); n > 3 && w[n-2:] == "ed" {
		return true
	}
	_, en := enParticiples[hs.base[k].hash]
	_, irregular := irregularParticiples[hs.base[k].hash]
	return en || irregular
}

// bracketed returns, for a closing bracket at token j, the token of its
// opening bracket (as closing finds the pair: one to six tokens between,
// no bracket or verb among them) when a name ends right before that, or
// the dot of an abbreviation that ends one ("Federal Aviation
// Administration (FAA)", "Mark Warner (D-VA)", "Alphabet Inc. (GOOGL.O)");
// else -1.
func (hs *holderScratch) bracketed(j int) int {
	if t := hs.toks[j]; t.Kind != Punct || hs.text[t.Start] != ')' {
		return -1
	}
	o := j - 1
	for o >= 1 && o >= j-7 && !(hs.toks[o].Kind == Punct && hs.text[hs.toks[o].Start] == '(') {
		o--
	}
	if o < 1 || hs.closing(o) != j {
		return -1
	}
	if p := o - 1; hs.owner[p] >= 0 || p >= 1 && hs.isAbbrevDot(p) && hs.owner[p-1] >= 0 {
		return o
	}
	return -1
}

// inBrackets reports whether token k stands inside the brackets that
// open right after mention s, as closing pairs them ("Andrew Cuomo (D)
// announced": D is part of the subject, not what it judges).
func (hs *holderScratch) inBrackets(s, k int) bool {
	o := hs.last[s] + 1
	if o < k && hs.isAbbrevDot(o) {
		o++ // "Alphabet Inc. (GOOGL.O)"
	}
	return o < k && k < hs.closing(o)
}

// closing returns, for an opening bracket at token o, the token of the
// bracket that closes it, with one to six tokens between and no bracket
// or verb among them, as bracketed has them; else -1 (and for no bracket).
func (hs *holderScratch) closing(o int) int {
	if o >= len(hs.toks) || hs.toks[o].Kind != Punct || hs.text[hs.toks[o].Start] != '(' {
		return -1
	}
	for c := o + 1; c < len(hs.toks) && c <= o+7; c++ {
		t := hs.toks[c]
		if t.Kind == Punct && (hs.text[t.Start] == ')' || hs.text[t.Start] == '(') {
			if hs.text[t.Start] == '(' || c == o+1 {
				return -1
			}
			return c
		}
		if isVerbTerm(&hs.base[c]) {
			return -1
		}
	}
	return -1
}

// isAbbrevDot reports whether token k is a dot written right after the
// token before it ("Inc.", "Corp."), as an abbreviation's.
func (hs *holderScratch) isAbbrevDot(k int) bool {
	t := hs.toks[k]
	return k >= 1 && t.Kind == Punct && hs.text[t.Start] == '.' && t.Start == hs.toks[k-1].End
}

// passive reports whether the verb at token v is a past participle after
// a form of "be" or "get", with at most two adverbs between ("was
// barred", "were sharply criticised", "got sued"; in any case). An
// irregular participle ("was told", "was hit") is not seen.
func (hs *holderScratch) passive(v int) bool {
	w := hs.toks[v].Text(hs.text)
	if n := len(w); n < 3 || w[n-2]|0x20 != 'e' || w[n-1]|0x20 != 'd' && w[n-1]|0x20 != 'n' {
		return false
	}
	for j := v - 1; j >= 0 && j >= v-3; j-- {
		if isBeForm(hs.base[j].hash) {
			return true
		}
		if !hs.is(j, hwGap) {
			return false
		}
	}
	return false
}

// isBeForm reports whether h is the term hash of a form of "be" or of
// "got", which make a passive of the participle after them.
func isBeForm(h uint64) bool {
	switch h {
	case hashWas, hashWere, hashBeen, hashBeing, hashBe, hashIs, hashAre, hashGot:
		return true
	}
	return false
}

// agent returns the mention named after "by" after the verb at token v,
// the agent of a passive, or -1: "by" right after the verb, or, when the
// verb is a passive participle, after up to three tokens of its object
// (objectToken: "were fined £2 million by"), and then the mention, or
// "the" and the mention ("was criticised by the EU").
func (hs *holderScratch) agent(v int) int {
	n := len(hs.toks)
	b := v + 1
	for b < n && hs.base[b].hash != hashBy {
		if b == v+4 || b == v+1 && !hs.passive(v) || !hs.objectToken(b) {
			return -1
		}
		b++
	}
	m := b + 1
	if m < n && hs.base[m].hash == hashThe {
		m++
	}
	if m >= n {
		return -1
	}
	return hs.owner[m]
}

// objectToken reports whether token k may be part of what a passive
// participle takes before its "by" (agent): no name, and a number, a sum
// ("£2m", "€4bn"), a currency sign, a word of time ("on Monday"), or a
// word in lower case; but the word right before "by" must not be a
// participle of its own, in -ed (not -eed), one of enParticiples or one of
// irregularParticiples ("were fined £2 million by", "was accused of greed
// by", "was praised for its support by"; not "criticised for remarks made
// by" or "over comments reported by").
func (hs *holderScratch) objectToken(k int) bool {
	if hs.owner[k] >= 0 {
		return false
	}
	t := hs.toks[k]
	w := t.Text(hs.text)
	switch {
	case t.Kind == Number || w[0] >= '0' && w[0] <= '9':
		return true
	case t.Kind == Punct:
		return isCurrency(w)
	case t.Kind != Word:
		return false
	}
	if c, ok := settingWords[hs.base[k].hash]; ok && c == settingOpen {
		return true // "on Monday"
	}
	if !isLowerASCIIWord(w) {
		return false
	}
	if k+1 < len(hs.toks) && hs.base[k+1].hash == hashBy {
		n := len(w)
		return n > 3 && w[n-3:] == "eed" || !hs.pastForm(k, w) // a word in -eed is none
	}
	return true
}

// enParticiples and irregularParticiples are the term hashes of common
// past participles in -en, and of others that do not end in -ed
// (objectToken).
var (
	enParticiples = termSet("taken", "given", "written", "broken", "chosen", "spoken", "stolen", "beaten",
		"driven", "forgotten", "hidden", "eaten", "fallen", "shaken", "risen", "seen", "shown", "known",
		"drawn", "thrown", "grown", "proven", "sworn", "torn", "worn", "overtaken", "undertaken", "forbidden")
	irregularParticiples = termSet("made", "held", "sent", "brought", "paid", "told", "said", "put", "set", "run",
		"built", "led", "won", "left", "spent", "cut", "hit", "bought", "sold", "found", "kept", "read",
		"heard", "met", "lost", "caught", "taught", "thought", "sought", "struck", "hung", "shot", "signed")
)

// clear reports whether a passive participle at token j has the target,
// whose tokens end before i, or what the target owns, for its subject:
// the tokens from i up to j hold no reporting verb, no clause of their own
// (clauseOpens), and no name, unless a possessive "'s" is at i and the name
// stands right after it or after a preposition ("Britain's Ministry of
// Defence was fined by", "Russia's attack on Ukraine was condemned by";
// not "Iran said Israel was condemned by", "Biden's rival Trump was
// criticised by", or "Obama praised Clinton, but he was later criticised
// by").
func (hs *holderScratch) clear(i, j int) bool {
	owns := i < j && hs.toks[i].Kind == Clitic
	for k := i; k < j; k++ {
		if o := hs.owner[k]; o >= 0 {
			if _, prep := ownedPrepositions[hs.base[k-1].hash]; !owns || hs.first[o] == k && k != i+1 && !prep {
				return false
			}
			continue
		}
		if hs.is(k, hwReport) {
			return false
		}
		if _, any := hs.clauseOpens(k); any {
			return false
		}
	}
	return true
}

// ownedPrepositions are the term hashes of the prepositions after which a
// name is part of what a possessive owns (clear).
var ownedPrepositions = termSet("of", "on", "in", "against", "for", "to", "with", "from", "over")

// isCurrency reports whether s, a punctuation token, is a currency sign
// ("£2 million").
func isCurrency(s string) bool {
	switch s {
	case "$", "£", "€", "¥", "₹", "₽", "₩":
		return true
	}
	return false
}

// endsSpeaker reports whether mention m, named after "said", ends there
// as a speaker does: at the end of the sentence, before punctuation or
// before a preposition, a word of time or a role of the people who speak
// for it ("…, said Petro on Monday", "… in a statement", "… to
// reporters", "…, wrote Bernstein analysts"). Before any other word it is the
// subject of the clause "said" reports: "Dave Morley, chairman of the
// trust, said Holcombe Town had been run into the ground", "Pelosi, a
// Democrat, said McCarthy failed"; before a possessive, the name is the
// owner of that subject ("…, said President Obama's decline would help").
func (hs *holderScratch) endsSpeaker(m int) bool {
	k := hs.last[m] + 1
	if k < len(hs.toks) && hs.toks[k].Kind == Clitic {
		return false // "…, said President Obama's decline would help": a possessive
	}
	if k >= len(hs.toks) || hs.toks[k].Kind != Word {
		return true
	}
	_, ok := speakerFollowers[hs.base[k].hash]
	return ok
}

// speakerFollowers are the term hashes of the words that may follow a
// speaker named after "said" (endsSpeaker).
var speakerFollowers = termSet(slices.Concat([]string{"on", "in", "at", "to", "during", "after", "before", "when",
	"while", "of", "from", "this", "recently", "separately", "analysts", "officials", "economists",
	"researchers", "sources", "lawyers", "executives", "leaders", "spokesman", "spokeswoman",
	"spokesperson"}, timeWords)...)

// venue reports whether the target, whose first token is t0, is a venue
// of what the verb at token v reports rather than what it acts on: a
// preposition of place or time stands right before the target, or before
// "the" and the target, and between the verb and it stand, after a
// reporting verb or "told", only the setting of what was said (setting:
// "<M> told reporters in <T>", "<M> said at a rally on Saturday in <T>";
// not "<M> told senators he had no confidence in <T>" or "<M> said, in a
// jab at <T>"), or another name ("<M> accused Bayer of selling pesticides
// in <T>", "<M> said the talks in Baku failed"; this misses "<M> said in
// Ohio that he had no confidence in <T>", where the name is the setting's
// and the target is judged).
func (hs *holderScratch) venue(v, t0 int) bool {
	if t0 < 1 {
		return false
	}
	p := t0 - 1
	if hs.base[p].hash == hashThe && p-1 > v {
		p-- // "at the UN"
	}
	if _, ok := venuePrepositions[hs.base[p].hash]; !ok {
		// "On" is a venue only in the setting of a verb of saying or
		// posting ("said on CNN", "wrote on X"), not after "called" or
		// "urged" ("called on NATO to …") nor in what is said ("said
		// Turkey would wait until Sweden cracked down on the PKK").
		_, says := sayingVerbs[hs.base[v].hash]
		return says && hs.base[p].hash == hashOn && hs.setting(v+1, p, hs.is(v, hwListener))
	}
	if hs.is(v, hwListener|hwReport) && hs.setting(v+1, p, hs.is(v, hwListener)) {
		return true
	}
	for k := v + 1; k < p; k++ {
		if hs.owner[k] >= 0 {
			return true
		}
	}
	return false
}

// setting reports whether the tokens from i up to j, after a reporting
// verb, are only where and when it was said, and, with told, to whom:
// with told, first the listener, up to six words none of which is a
// pronoun, an auxiliary or "that" ("reporters", "an annual health
// conference", not "senators he had no confidence"); then words of
// settingWords or numbers, the first of them a preposition or a word of
// time ("at a rally on Saturday"). No tokens at all are a setting after a
// reporting verb ("said in <T>").
func (hs *holderScratch) setting(i, j int, told bool) bool {
	k := i
	if told {
		for ; k < j && k < i+6; k++ {
			t := hs.toks[k]
			if t.Kind != Word {
				return false
			}
			if c, ok := settingWords[hs.base[k].hash]; ok && c == settingOpen {
				break
			}
			if _, no := notListener[hs.base[k].hash]; no {
				return false
			}
		}
		if k == i {
			return false // no listener
		}
	}
	for open := k; k < j; k++ {
		t := hs.toks[k]
		if t.Kind == Number {
			continue
		}
		if t.Kind != Word {
			return false
		}
		c, ok := settingWords[hs.base[k].hash]
		if !ok || k == open && c != settingOpen {
			return false
		}
	}
	return true
}

// notListener are the term hashes of the words that end a listener
// (setting): what is told follows.
var notListener = termSet("that", "he", "she", "it", "they", "we", "i", "you", "this", "there", "is", "was",
	"were", "are", "had", "has", "have", "will", "would", "could", "can", "should", "did", "does", "must")

// The kinds of the words of settingWords.
const (
	settingOther = iota // a determiner, a listener, an event
	settingOpen         // a preposition or a word of time, which may follow a reporting verb
)

// settingWords are the term hashes of the words of a setting, each with
// its kind.
var settingWords = func() map[uint64]int {
	m := map[uint64]int{}
	for _, w := range slices.Concat([]string{"in", "at", "on", "during", "near", "outside", "inside", "after",
		"before", "morning", "afternoon", "evening", "night"}, timeWords) {
		m[normHash(w)] = settingOpen
	}
	for _, w := range []string{"a", "an", "the", "his", "her", "their", "its", "our", "rally", "rallies",
		"conference", "summit", "event", "meeting", "interview", "speech", "hearing", "visit", "briefing",
		"ceremony", "gala", "stop", "campaign", "press", "news", "forum", "session", "fundraiser", "dinner",
		"appearance", "stage", "crowd", "audience", "reporters", "journalists", "supporters", "lawmakers",
		"senators", "delegates", "students", "workers", "voters", "members", "diplomats", "people",
		"week", "weekend", "month", "year", "debate", "roundtable", "resort", "talks", "town", "hall",
		"home", "office", "headquarters", "residence", "trip", "tour", "convention", "parliament",
		"assembly", "committee", "court", "hospital", "airport", "base", "school", "university", "church",
		"stadium", "club", "hotel", "festival", "lunch", "breakfast", "reception", "funeral", "memorial",
		"trial", "broadcast", "show", "podcast", "programme", "program", "campus", "factory",
		"plant", "party", "march", "protest", "vigil", "gathering"} {
		m[normHash(w)] = settingOther
	}
	return m
}()

// sayingVerbs are the term hashes of the reporting verbs after which "on"
// names where it was said (venue).
var sayingVerbs = termSet("said", "says", "say", "told", "tells", "wrote", "writes", "posted", "tweeted",
	"added", "adds", "stated", "declared", "announced", "explained", "insisted", "argued", "claimed")

// isPlacePreposition reports whether token k is a preposition of place
// or time (venuePrepositions) or "from".
func (hs *holderScratch) isPlacePreposition(k int) bool {
	h := hs.base[k].hash
	_, ok := venuePrepositions[h]
	return ok || h == hashFrom
}

// venuePrepositions are the term hashes of the prepositions before a
// venue (venue).
var venuePrepositions = termSet("in", "at", "during", "outside", "inside", "near")

// opensOwnClause reports whether the word before token f opens a clause
// of its own: a clause word ("although", "but", "while") or, after a
// comma, "and" or "as" ("…, and China urged restraint").
func (hs *holderScratch) opensOwnClause(f int) bool {
	if f <= 0 || hs.toks[f-1].Kind != Word {
		return false
	}
	if hs.base[f-1].clause() {
		return true
	}
	if h := hs.base[f-1].hash; (h == hashAnd || h == hashAs) && f >= 2 && hs.isComma(f-2) {
		return true
	}
	return false
}

// clauseOpens reports whether token k opens a clause of its own after a
// reporting verb (main) and after any other verb (any): a semicolon, or
// "and" or "as" after a comma (but not ", as well as", nor after the item
// of a list: "blamed the DNC, Facebook, and Infowars"), opens one after
// both; a clause word ("while", "because", "which") after any other verb,
// and after a reporting verb only one that joins main clauses, after a
// comma ("Cotton said he didn't hear it, while Perdue …"). None does when
// a verb of the same subject follows it ("…, but cleared its partner";
// sharesSubject), nor "and" or "but" before "that" and no word of time
// (more of what is reported: "…, and that the president …"; but "but that
// week critics …" opens one).
func (hs *holderScratch) clauseOpens(k int) (main, any bool) {
	t := hs.toks[k]
	if t.Kind != Word {
		if t.Kind == Punct && (hs.text[t.Start] == ';' || hs.quoteEnds(k)) {
			return true, true
		}
		return false, false
	}
	clause, h := hs.base[k].clause(), hs.base[k].hash
	if !clause && h != hashAnd && h != hashAs || hs.sharesSubject(k) {
		return false, false
	}
	if (h == hashAnd || h == hashBut) && k+2 < len(hs.toks) && hs.base[k+1].hash == hashThat {
		if _, time := timeNouns[hs.base[k+2].hash]; !time {
			return false, false // "…, and that the president …": more of what is reported
		}
	}
	comma := k >= 2 && hs.isComma(k-1)
	if clause {
		_, joins := mainClauseWords[h]
		return joins && comma, true
	}
	if !comma || hs.listEnd(k-1) || h == hashAs && k+2 < len(hs.toks) && hs.base[k+1].hash == hashWell && hs.base[k+2].hash == hashAs {
		return false, false // "and" or "as"
	}
	return true, true
}

// quoteEnds reports whether token k is a quotation mark that ends a
// quotation that opens the sentence: a comma right before it or right
// after it, with no space between ("“Budapest will veto it,” Szijjártó
// said": the speaker after it is no object of the verbs in it; not the
// scare quotes of "called “genocide” the war", nor the mark that opens
// after "said, ").
func (hs *holderScratch) quoteEnds(k int) bool {
	t := hs.toks[k]
	if c := hs.text[t.Start]; c != '"' && c != 0xe2 && c != 0xc2 {
		return false
	}
	ok, _, closes := IsQuoteMark(t.Text(hs.text))
	if !ok || !closes {
		return false
	}
	if !(k > 0 && hs.isComma(k-1) && hs.toks[k-1].End == t.Start ||
		k+1 < len(hs.toks) && hs.isComma(k+1) && hs.toks[k+1].Start == t.End && k > 0 && hs.toks[k-1].End == t.Start) {
		return false
	}
	// The quotation opens the sentence: "“…,” Szijjártó said", not the
	// words quoted within a clause that goes on ("Trump called Conway a
	// “loser,” following Conway's attacks").
	for j := k - 1; j >= 0; j-- {
		if hs.toks[j].Kind != Punct {
			continue
		}
		if ok, opens, _ := IsQuoteMark(hs.toks[j].Text(hs.text)); ok && opens {
			for i := 0; i < j; i++ {
				if hs.toks[i].Kind != Punct {
					return false
				}
			}
			return true
		}
	}
	return false
}

// sharesSubject reports whether a verb follows the clause word or "and"
// at token k whose subject is that of the clause before, directly or
// after up to two words of an auxiliary, an adverb such as "also" or
// "then" or, after a word that joins main clauses, a pronoun taken to
// refer to that subject ("though they credited", "and had assumed"): a
// word in lower case in -ed ("but cleared", "and then chided"), a
// reporting verb ("but said"), or a word in -ing after a clause word that
// takes a participle ("while condemning", "after meeting"; not "but
// funding for NATO remains low"). A passive is none: after a form of "be"
// or "get" the subject is acted on, and "and she was attacked by" opens a
// clause of its own.
func (hs *holderScratch) sharesSubject(k int) bool {
	_, ing := participleOpeners[hs.base[k].hash]
	_, pro := pronounOpeners[hs.base[k].hash]
	be := false // a form of "be" or "get" before the verb: a passive
	for j := k + 1; j < len(hs.toks) && j <= k+3; j++ {
		w := hs.toks[j].Text(hs.text)
		if hs.toks[j].Kind != Word || !isLowerASCIIWord(w) {
			return false
		}
		if n := len(w); n > 4 && (w[n-2:] == "ed" || ing && w[n-3:] == "ing") || hs.is(j, hwReport) {
			return !be // "and she was attacked by": acted on, a clause of its own
		}
		if _, adv := clauseAdverbs[hs.base[j].hash]; adv {
			be = be || isBeForm(hs.base[j].hash)
			continue
		}
		if _, p := subjectPronouns[hs.base[j].hash]; !p || !pro {
			return false
		}
	}
	return false
}

// participleOpeners are the term hashes of the clause words that may take
// a participle in -ing, and clauseAdverbs those of the adverbs and
// auxiliaries that may stand between a clause word and its verb
// (sharesSubject).
var (
	participleOpeners = termSet("while", "after", "before", "when", "since", "though", "although")
	clauseAdverbs     = termSet(slices.Concat(gapAdverbs, gapAuxiliaries,
		[]string{"quickly", "swiftly", "immediately", "still", "been", "being", "be", "got"})...)
	// A pronoun after a word that joins main clauses is taken for the
	// subject before ("…, though they credited"); after others it is
	// seldom ("after it emerged", "during which he visited").
	pronounOpeners  = termSet("and", "but", "though", "although", "yet", "while")
	subjectPronouns = termSet("he", "she", "it", "they", "we")
	// timeNouns make "that" a determiner ("but that week").
	timeNouns = termSet("week", "day", "month", "year", "time", "morning", "afternoon", "evening", "night")
)

// mainClauseWords are the term hashes of the clause words that may join
// two main clauses (clauseOpens).
var mainClauseWords = termSet("but", "while", "whereas", "although", "though", "however", "yet", "meanwhile")

// listEnd reports whether the comma at token c ends an item of a list of
// names: a mention ends right before it and a comma stands right before
// that mention ("the DNC, Facebook, and …").
func (hs *holderScratch) listEnd(c int) bool {
	m := hs.owner[c-1]
	if m < 0 || hs.last[m] != c-1 {
		return false
	}
	f := hs.first[m]
	return f >= 1 && hs.isComma(f-1)
}

// described returns the mention that mention m describes, if one follows
// it with one to three words between that make m part of its description
// ("…, said House Speaker Paul Ryan", "…, said Sky Sports pundit Callum
// Reid": the speaker is the person), else m; -1 if that is target.
func (hs *holderScratch) described(m, target int) int {
	last := hs.last[m]
	for k := last + 2; k < len(hs.toks) && k <= last+4; k++ {
		if o := hs.owner[k]; o >= 0 && o != m {
			if hs.first[o] == k && hs.wordsBetween(last, k, true) {
				if o == target {
					return -1
				}
				return o
			}
			break
		}
	}
	return m
}

// wordsBetween reports whether one to three tokens stand between tokens
// t1 and f, all of them words and no verbs, and each of them, with titles,
// capitalised or a role noun in lower case, or "of" between two such
// ("House Speaker", "Chief Executive", "pundit", "Secretary of State":
// what makes the name before describe the one after
// in "…, said House Speaker Paul Ryan"; not "Thandi Mokoena of the DA",
// "Zelensky after meeting Macron" or "DeVos to fire Jackson"), or without
// titles in lower case ("pundit", "chairman", "and": what makes the name
// before part of the subject the one after ends in "Sky Sports pundit
// Callum Reid said" or "Cigna and Humana announced").
func (hs *holderScratch) wordsBetween(t1, f int, titles bool) bool {
	if f-t1-1 < 1 || f-t1-1 > 3 {
		return false
	}
	for k := t1 + 1; k < f; k++ {
		t := hs.toks[k]
		if titles && k == t1+1 && t.Kind == Clitic {
			continue // "Canada's Prime Minister Mark Carney", "Kenya's Beatrice Chebet"
		}
		if t.Kind != Word || isVerbTerm(&hs.base[k]) {
			return false
		}
		w := t.Text(hs.text)
		if !titles {
			if !isLowerASCIIWord(w) {
				return false
			}
			continue
		}
		if hs.base[k].hash == hashOf && k > t1+1 && k+1 < f {
			continue // "U.S. Secretary of State Marco Rubio", between words the next test checks
		}
		if _, role := roleNouns[hs.base[k].hash]; !role && (w[0] < 'A' || w[0] > 'Z') {
			return false
		}
	}
	return true
}

// roleNouns are the term hashes of the roles in lower case that may stand
// between a name and the person it describes (wordsBetween).
var roleNouns = termSet("spokesperson", "spokesman", "spokeswoman", "chief", "leader", "head",
	"president", "minister", "secretary", "chairman", "chairwoman", "chair", "director", "adviser",
	"advisor", "aide", "pundit", "contributor", "anchor", "host", "analyst", "economist", "editor",
	"correspondent", "official", "executive", "founder", "ceo", "governor", "senator", "mayor",
	"commissioner", "coach", "manager", "captain", "ambassador", "envoy", "lawyer", "attorney",
	"prosecutor", "researcher", "professor", "campaigner", "activist", "candidate", "strategist",
	"pollster", "columnist", "commentator", "reporter", "deputy", "general", "counsel")

// isLowerASCIIWord reports whether w is ASCII letters in lower case.
func isLowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// holder returns the holder of mention target, or -1. Its scans visit the
// sentence's verbs only (TestHoldersVerbList holds them equal to scans of
// every token).
func (hs *holderScratch) holder(target int) int {
	toks, base, verbs := hs.toks, hs.base, hs.verbs
	if hs.first[target] < 0 {
		return -1
	}
	t0, t1 := hs.first[target], hs.last[target]
	if slices.Contains(hs.accord, target) {
		return -1 // "…, according to the Kremlin": the source, not judged
	}
	if t0 >= 2 && hs.owner[t0-2] >= 0 && hs.closing(t0-1) > t1 {
		return -1 // "Boeing (BA)": a name in brackets after a name restates or tags it
	}
	if m := hs.stanceAside(t0); m >= 0 && m != target {
		return m // "Petro, a fierce critic of NATO, said …"
	}
	// after is the first of verbs past the target.
	after := 0
	for after < len(verbs) && verbs[after] <= t1 {
		after++
	}
	// Passive: "<T> was criticised by <M>", with nothing between the
	// target and the participle that gives the participle another subject
	// (clear: "Iran said Israel was condemned by the UN" names no holder
	// of Iran).
	e := t1 // the target's last token, or the bracket closing after it: "Boeing (BA) was fined by"
	if c := hs.closing(t1 + 1); c >= 0 {
		e = c
	}
	for _, v := range verbs[after:] {
		if v >= len(toks)-2 || v > e+6 || !hs.clear(e+1, v) {
			break
		}
		if a := hs.agent(v); a >= 0 && a != target {
			return a
		}
	}
	// Active: "<M> … verb … <T>", the verb before the target, up to a
	// clause of the target's own between them: one that clauseOpens finds
	// after the verb, of any kind after an attacking or supporting verb,
	// but only one that joins main clauses after a reporting verb, whose
	// report runs on through its subordinate clauses ("Neal added that
	// while other presidents, like Reagan, …"). The test is kept as the
	// walk goes back, each token read once: "<M> praised the ruling, while
	// <T> declined to comment", "…, while regulators criticised <T>".
	scanned, openMain, openAny, nearest := t0, false, false, true
	for k := after - 1; k >= 0; k-- {
		v := verbs[k]
		if v >= t0 {
			continue
		}
		if nearest && !hs.isNoun(v) {
			// A cue word after a determiner is a noun ("the arrest of"),
			// no verb nearer than the one the limit is for.
			if t0-v > nearVerb && !hs.is(v, hwReport) && hs.span(v, hs.listHead(t0)) > nearVerb {
				break
			}
			nearest = false
		}
		for scanned > v+1 {
			scanned--
			main, any := hs.clauseOpens(scanned)
			openMain, openAny = openMain || main, openAny || any
		}
		if openMain || openAny && !hs.is(v, hwReport) {
			break
		}
		if hs.agent(v) == target {
			continue // "<M> was praised by <T>": the target acts, and <M> holds no stance toward it
		}
		if hs.passive(v) {
			continue // "<M> was barred from selling … in <T>": <M> is acted on, and acts on nothing
		}
		if hs.is(v, hwListener) && (t0 == v+1 || t0 == v+2 && base[v+1].hash == hashThe) {
			return -1 // "<M> told <T>", "<M> told the <T>": the one told, not judged
		}
		if hs.venue(v, t0) {
			return -1 // "<M> slammed Schumer during a rally in <T>": a venue, not judged
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
	// "according to <M>" anywhere in the sentence, when no verb names a
	// holder ("According to the Pentagon, Putin accused NATO …" gives
	// Putin).
	for _, a := range hs.accord {
		if a != target {
			return a
		}
	}
	// Quote attribution after the target: "'… <T> …,' <M> said" or "said <M>".
	for _, v := range verbs[after:] {
		if !hs.is(v, hwReport) || hs.afterPossessive(v) {
			continue // "Moscow's claims, Kallas said": "claims" is a noun, and its owner's no speaker
		}
		if s, rel := hs.relSubjectOf(v); s >= 0 {
			if s == target || hs.first[s] < t0 || hs.inDescription(t1, s) {
				return -1 // "Yann LeCun, Meta's chief AI scientist, said": the target is in the subject's aside or description
			}
			if rel {
				continue // "…, as did Ford, who alleges that …": no quote's speaker
			}
			if hs.opensOwnClause(hs.first[s]) {
				continue // "…, although ZANU-PF insisted": a clause of its own, no quote's speaker
			}
			if hs.wordsBetween(t1, hs.first[s], false) || hs.wordsBetween(t1, hs.first[s], true) || hs.inBrackets(s, t0) || hs.possessed(t0, t1, hs.first[s]) {
				return -1 // "Sky Sports pundit Callum Reid said", "Cigna and Humana announced", "Colombia's president, Petro, said": part of the subject
			}
			return s
		}
		// "…, said Petro" names the speaker, after a comma, quote or dash;
		// "told Reuters" names the listener, and in "analysts said Azure
		// revenue grew" the verb has a subject that is no mention.
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

// nearVerb is the most tokens (a name counted as one: span) that may
// stand between a target and the nearest attacking or supporting verb
// before it for that verb's subject to hold a stance toward it: further
// back, the verb acts on something nearer ("Human Rights Watch accused
// FIFA of turning a blind eye to the deaths of migrant workers on World
// Cup construction sites"). The tokens are counted to the first item of
// the list the target ends (listHead).
const nearVerb = 10

// span returns the number of tokens from token v up to token t0, both
// excluded, each name among them counted as one ("blamed the DNC,
// Facebook, and conspiracy site Infowars": 8).
func (hs *holderScratch) span(v, t0 int) int {
	n := 0
	for k := v + 1; k < t0; k++ {
		if o := hs.owner[k]; o < 0 || hs.first[o] == k {
			n++
		}
	}
	return n
}

// afterPossessive reports whether the word at token v follows "'s", as a
// noun does ("Moscow's claims", "NATO's warning"). Only the reporting
// verbs after a target skip such nouns: before a target, "Trump's attack
// on Omar" and "Ecuador's raid on Mexico's embassy" name a holder rightly
// (taking them for nouns there lost more answers than it mended).
func (hs *holderScratch) afterPossessive(v int) bool {
	return v > 0 && hs.toks[v-1].Kind == Clitic && hs.base[v-1].hash == hashPossessive && hs.owner[v-1] < 0 // not "Moody's said"
}

// isNoun reports whether the word at token v follows a determiner, as a
// noun or an adjective does ("the arrest", "their support", "the disputed
// plan").
func (hs *holderScratch) isNoun(v int) bool {
	if v == 0 {
		return false
	}
	_, det := determiners[hs.base[v-1].hash]
	return det
}

// listHead returns the first token of the list whose last item the target
// at token t0 is ("… the leaders of Poland, Lithuania, Latvia and
// Norway": Poland's; "… the Democrats, weak Republicans and Mitch
// McConnell": Republicans'), items being names after commas, "and" or
// "or"; t0 when the target ends no list.
func (hs *holderScratch) listHead(t0 int) int {
	k := t0
	for k >= 2 {
		p := k - 1
		if hs.base[p].hash == hashThe && p >= 2 {
			p-- // "the FBI, the Democrats"
		}
		h := hs.base[p].hash
		if !hs.isComma(p) && h != hashAnd && h != hashOr {
			break
		}
		if (h == hashAnd || h == hashOr) && p >= 2 && hs.isComma(p-1) {
			p-- // ", and"
		}
		q := p - 1
		o := hs.owner[q]
		if o < 0 || hs.last[o] != q {
			break
		}
		k = hs.first[o]
	}
	return k
}

// termSet returns the set of the term hashes of words.
func termSet(words ...string) map[uint64]struct{} {
	m := make(map[uint64]struct{}, len(words))
	for _, w := range words {
		m[normHash(w)] = struct{}{}
	}
	return m
}

// Category bits of the lexicon that name acts by a subject, at their
// places in lexiconCategories.
const (
	cueAttack  = 2
	cueSupport = 3
)

var (
	hashBy         = normHash("by")
	hashReplied    = normHash("replied")
	hashReplies    = normHash("replies")
	hashRetorted   = normHash("retorted")
	hashCountered  = normHash("countered")
	hashResponded  = normHash("responded")
	hashWas        = normHash("was")
	hashWere       = normHash("were")
	hashBeen       = normHash("been")
	hashBeing      = normHash("being")
	hashBe         = normHash("be")
	hashIs         = normHash("is")
	hashAre        = normHash("are")
	hashGot        = normHash("got")
	hashThe        = normHash("the")
	hashA          = normHash("a")
	hashOf         = normHash("of")
	hashPossessive = normHash("'s")
	hashAn         = normHash("an")
	hashThat       = normHash("that")
	hashWho        = normHash("who")
	hashWell       = normHash("well")
	hashBut        = normHash("but")
	hashOn         = normHash("on")
	hashFrom       = normHash("from")
	hashWhich      = normHash("which")
	hashAnd        = normHash("and")
	hashOr         = normHash("or")
	hashAs         = normHash("as")
	hashAccording  = normHash("according")
	hashTo         = normHash("to")
)

// Holder word classes, kept in the term table from bit hwShift up.
const (
	hwReport uint8 = 1 << iota
	hwGap
	hwLocation
	hwListener
)

const hwShift = 12

// holderClasses are the holder word classes as term table classes.
var holderClasses = []wordClass{
	{uint32(hwReport) << hwShift, reportVerbs}, {uint32(hwGap) << hwShift, subjectGap},
	{uint32(hwLocation) << hwShift, locPrepositions}, {uint32(hwListener) << hwShift, []string{"told", "tells"}},
}

var reportVerbs = slices.Concat(replyWords, []string{
	"said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "claimed", "claims",
	"argued", "argues", "insisted", "insists", "wrote", "writes", "tweeted", "posted", "declared",
	"declares", "announced", "announces", "noted", "notes", "explained", "explains", "warned", "warns",
	"alleged", "alleges", "suggested", "suggests", "asserted", "asserts", "maintained", "maintains",
	"called", "calls", "urged", "urges", "demanded", "demands", "vowed", "vows", "pledged", "pledges",
})

// replyWords are the reporting verbs that report speech only next to a
// quotation, before "that" or a colon, or, for "replied",
// before "to" (replySpeech: "“…,” Macron replied", "Rubio replied that
// …", "Microsoft replied to the FTC's complaint"; not "Saka replied for
// Arsenal", "Ukraine countered the offensive"). They are reporting verbs
// of the term table, so that lay asks replySpeech only of the verbs:
// asking every token cost Analyze 0.7% more instructions.
var replyWords = []string{"replied", "replies", "retorted", "countered", "responded"}

// isReplyVerb reports whether h is the term hash of one of replyWords,
// by comparisons (lay asks it of every verb).
func isReplyVerb(h uint64) bool {
	switch h {
	case hashReplied, hashReplies, hashRetorted, hashCountered, hashResponded:
		return true
	}
	return false
}

// replySpeech reports whether the reply verb at token i reports speech
// (see replyWords): "that" or a colon follows it, or "to" after "replied",
// or a comma and a quotation mark, or a quotation mark stands among the
// three tokens before it ("“…,” Trump replied", "…,” replied Macron").
func (hs *holderScratch) replySpeech(i int) bool {
	toks := hs.toks
	quote := func(k int) bool {
		if k < 0 || k >= len(toks) || toks[k].Kind != Punct {
			return false
		}
		ok, _, _ := IsQuoteMark(toks[k].Text(hs.text))
		return ok
	}
	if i+1 < len(toks) {
		if h := hs.base[i+1].hash; h == hashThat || toks[i+1].Kind == Punct && hs.text[toks[i+1].Start] == ':' ||
			h == hashTo && (hs.base[i].hash == hashReplied || hs.base[i].hash == hashReplies) {
			return true
		}
		if hs.isComma(i+1) && quote(i+2) {
			return true
		}
	}
	return quote(i-1) || quote(i-2) || quote(i-3)
}

var locPrepositions = []string{"in", "at", "from", "near", "across", "inside", "outside", "of", "to", "for", "with", "than"}

// subjectGap holds the words that may stand between a subject and its
// verb: auxiliaries, adverbs, a role ("Hungary's foreign ministry
// spokesman said"), a time ("The EU on Tuesday fined Meta", "Trump last
// week praised"), or the body or the people who speak for the subject
// ("The New York Times editorial board endorsed").
var subjectGap = slices.Concat(gapAuxiliaries, gapAdverbs, timeWords, []string{
	"on", "this", "week", "month", "year",
	"spokesperson", "spokesman", "spokeswoman", "chief", "leader", "head", "president", "minister",
	"ceo", "officials", "official", "lawyers", "lawyer",
	"executive", "executives", "foreign", "ministry", "editorial", "board", "government", "army",
	"military", "police", "department", "office", "embassy", "spokespeople",
})

// gapAuxiliaries and gapAdverbs stand between a subject and its verb
// (subjectGap), and between a clause word and its verb (clauseAdverbs).
var (
	gapAuxiliaries = []string{"has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "did", "does",
		"do", "may", "might", "must", "should", "can", "cannot", "shall",
		"wo", "ca", "sha"} // "won't", "can't", "shan't": the tokenizer splits off "n't"
	gapAdverbs = []string{"long", "also", "again", "repeatedly", "publicly", "sharply", "strongly", "openly", "once",
		"later", "then", "now", "not", "never", "reportedly", "allegedly", "already", "recently", "previously",
		"formally", "officially", "personally", "privately", "directly", "immediately", "rather", "yet", "even",
		"ever", "explicitly", "specifically"}
)

// timeWords are the words of time that may stand between a subject and its
// verb (subjectGap), open the setting of what was said (settingWords) and
// follow a speaker named after "said" (speakerFollowers).
var timeWords = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "last", "earlier", "later", "late"}
