package features

// IsQuoteMark reports whether s, a token's text, is a double quotation
// mark, and whether it can only open a quotation (“ „ «), only close one
// (” »), or either (the straight ").
func IsQuoteMark(s string) (ok, opens, closes bool) {
	switch s {
	case "\u201c", "\u201e", "\u00ab":
		return true, true, false
	case "\u201d", "\u00bb":
		return true, false, true
	case "\"":
		return true, true, true
	}
	return false, false, false
}

// Attribution returns the index in mentions of the speaker the sentence
// names for the quotation that the mark at token q of p closes or opens,
// or -1. For a closing mark the speaker follows it: a name and a
// reporting verb ("…,” Petro said"), or a reporting verb and a name
// ("…,” said Petro", as Holder takes it: not a listener, a description
// or a name that what is said goes on about). The name may follow a
// description of up to four words ("…,” Colombian President Gustavo Petro
// said", "…,” said the Colombian leader Gustavo Petro", "…,” the former
// president, Ivan Duque, said") and be followed by
// an aside between commas ("…,” Petro, 63, said", "…,” Petro, Colombia's
// president, said"), or follow "according to" ("…,” according to
// Petro"). For an opening mark the speaker precedes it: the
// subject of a reporting verb right before it, or before a colon or
// comma, with the setting of what was said between ("Petro said on
// Monday: “…", "Petro told reporters in Bogotá, “…"; not "Petro was
// told: “…"). Analyze gives
// the speaker as the holder of the names in a quotation that runs over
// several sentences ("“NATO has failed. The EU too,” Petro said."), where
// Holders, which reads one sentence, finds none. mentions are as for
// Holders.
func Attribution(p *Prepared, mentions []Span, q int, closes bool) int {
	hs := p.laidOut(mentions)
	toks := hs.toks
	if q < 0 || q >= len(toks) {
		return -1
	}
	if closes {
		k := q + 1
		if k < len(toks) && hs.isComma(k) {
			k++ // "…” , Petro said"
		}
		if k >= len(toks) {
			return -1
		}
		if a := accordingTo(hs.base, k); hs.base[k].hash == hashAccording && a >= 0 {
			// "…,” according to Petro"
			if o := hs.owner[a]; o >= 0 && hs.first[o] == a {
				return o
			}
			return -1
		}
		if hs.speechVerb(k) {
			// "…,” said Petro": the verb, then the speaker, as Holder
			// takes one.
			if hs.is(k, hwListener) {
				return -1
			}
			if o := hs.namedAt(k+1, false); o >= 0 {
				if sp := hs.described(o, -1); sp >= 0 && hs.endsSpeaker(sp) {
					return sp
				}
			}
			return -1
		}
		// "…,” Petro said": the name, then the verb after an aside and
		// words of the subject gap.
		o := hs.namedAt(k, true)
		if o < 0 {
			return -1
		}
		o = hs.described(o, -1) // "…,” NATO chief Mark Rutte said"
		v := hs.aside(hs.last[o] + 1)
		if v == hs.last[o]+1 && v+1 < len(toks) && hs.isComma(v) && hs.is(v+1, hwReport) {
			v++ // "…, Ivan Duque, said": the comma that closes a description's apposition
		}
		for n := 0; v < len(toks) && n < 3 && hs.is(v, hwGap) && !hs.is(v, hwReport); n++ {
			v++
		}
		if v < len(toks) && hs.speechVerb(v) && !hs.actedOn(v) {
			return o // not "…,” Petro was told"
		}
		return -1
	}
	v := q - 1
	if v >= 0 && toks[v].Kind == Punct && (hs.text[toks[v].Start] == ':' || hs.text[toks[v].Start] == ',') {
		v = hs.settingBefore(v - 1)
	}
	if v < 0 || !hs.is(v, hwReport) || hs.owner[v] >= 0 || hs.actedOn(v) {
		return -1 // "Petro was told: “…": no speaker
	}
	return hs.subjectOf(v)
}

// Speaker returns the index in mentions of the subject of the first
// reporting verb of the sentence p holds, when it is a name and the verb
// no passive ("Gustavo Petro said on Tuesday that NATO had failed":
// Petro), or -1. Analyze lets a quotation that opens the next sentence
// and names no speaker anew (GoesOn) go on with that speaker, as news
// quotes after a sentence of reported speech ("… had failed.\n\n“Europe
// must find its own path,” he said."). mentions are as for Holders.
func Speaker(p *Prepared, mentions []Span) int {
	hs := p.laidOut(mentions)
	for _, v := range hs.verbs {
		if !hs.is(v, hwReport) {
			continue
		}
		if hs.actedOn(v) {
			return -1
		}
		return hs.subjectOf(v)
	}
	return -1
}

// GoesOn reports whether the words after the closing mark at token q of
// p, up to the next punctuation, name the speaker of the quotation before
// again rather than a new one: none, a pronoun ("…,” he said", "…,”
// said she", "…,” it argued in a filing"), or "the" and a role ("…,” the
// president added"), where a name, "a spokesman" or "officials in Paris"
// would name another. Analyze lets a quotation that opens the sentence
// after one whose speaker it knows go on with that speaker when GoesOn
// holds and Attribution names none. mentions are as for Holders.
func GoesOn(p *Prepared, mentions []Span, q int) bool {
	hs := p.laidOut(mentions)
	toks := hs.toks
	if q < 0 || q >= len(toks) {
		return false
	}
	k := q + 1
	for k < len(toks) && hs.isComma(k) {
		k++
	}
	if allPunct(toks[k:]) {
		return true // the quotation ends the sentence
	}
	word := func(k int) bool { return k < len(toks) && toks[k].Kind == Word && hs.owner[k] < 0 }
	if !word(k) {
		return false
	}
	if _, ok := pronouns[hs.base[k].hash]; ok {
		return true // "he said", "she told reporters", "it argued"
	}
	if word(k+1) && hs.speechVerb(k) {
		_, ok := pronouns[hs.base[k+1].hash]
		return ok // "said he"
	}
	if hs.base[k].hash == hashThe && word(k+1) && word(k+2) {
		_, role := roleNouns[hs.base[k+1].hash]
		return role && isLowerASCIIWord(toks[k+2].Text(hs.text)) // "the president added"
	}
	return false
}

// speechVerb reports whether token k is a reporting verb outside every
// mention, or a reply verb (isReplyVerb) even where lay found no speech
// near it ("…,” Emmanuel Macron, the French president, replied"): a verb
// that names a quotation's speaker.
func (hs *holderScratch) speechVerb(k int) bool {
	if hs.owner[k] >= 0 {
		return false
	}
	if hs.is(k, hwReport) {
		return true
	}
	return isReplyVerb(hs.base[k].hash)
}

// actedOn reports whether the reporting verb at token v is a passive or
// follows a form of "be" ("Petro was told"): its subject says nothing.
func (hs *holderScratch) actedOn(v int) bool {
	return hs.passive(v) || v > 0 && isBeForm(hs.base[v-1].hash)
}

// allPunct reports whether every token of toks is punctuation.
func allPunct(toks []Token) bool {
	for _, t := range toks {
		if t.Kind != Punct {
			return false
		}
	}
	return true
}

// pronouns are the term hashes of the pronouns that name the speaker of
// the quotation before again (GoesOn).
var pronouns = termSet("he", "she", "it", "they")

// namedAt returns the mention that starts at token k, or after up to four
// words that describe it there ("Colombian President", "the Colombian
// leader", "former"; a role may stand before a comma: "the former
// president, Ivan Duque"), or -1. With bare, the words may be articles
// alone ("the Kremlin", where a verb follows to make it the subject);
// without, one of them must describe (not "…, said the Senate's role" or
// "…, declared the Affordable Care Act dead", where the name is the
// object).
func (hs *holderScratch) namedAt(k int, bare bool) int {
	for n := 0; k < len(hs.toks); n, k = n+1, k+1 {
		if o := hs.owner[k]; o >= 0 {
			if hs.first[o] == k && (bare || n == 0) {
				return o
			}
			return -1
		}
		t := hs.toks[k]
		if n == 4 || t.Kind != Word || isVerbTerm(&hs.base[k]) {
			return -1
		}
		h := hs.base[k].hash
		if h == hashThe || h == hashA || h == hashAn || h == hashOf && n > 0 && bare {
			continue // "Secretary of State Marco Rubio"
		}
		bare = true // a word that describes
		if !hs.describes(k) {
			return -1 // "…,” critics of Petro said": not the speaker
		}
		if _, role := roleNouns[h]; role && k+2 < len(hs.toks) && hs.isComma(k+1) && hs.owner[k+2] >= 0 {
			k++ // "the former Colombian president, Ivan Duque, said"
		}
	}
	return -1
}

// describes reports whether the word at token k may describe a name after
// it: a role ("president"), one of describers ("former") or a word with a
// capital ("Colombian", "Secretary"). namedAt and opensClause walk such
// words, the one after a quotation, the other back from a subject.
func (hs *holderScratch) describes(k int) bool {
	h := hs.base[k].hash
	if _, role := roleNouns[h]; role {
		return true
	}
	if _, d := describers[h]; d {
		return true
	}
	w := hs.toks[k].Text(hs.text)
	return w[0] >= 'A' && w[0] <= 'Z'
}

// describers are the term hashes of the words in lower case, other than
// roles, that may describe a name after them (describes).
var describers = termSet("former", "outgoing", "incoming", "new", "then", "acting", "interim",
	"prime", "vice", "foreign", "defence", "defense", "finance", "health", "deputy", "senior", "top")

// aside returns the token after the aside between commas that opens at
// token k after a speaker's name ("Petro, 63, said", "Petro, Colombia's
// president, said", "Petro, who took office in 2022, said"), or k when
// none does: a relative clause of up to ten tokens without punctuation,
// or up to six words, numbers or names (nine after a participle in -ing:
// "Petro, speaking alongside the President of Brazil Lula, said"), at
// least one of them no name, with no verb, no word that joins names or
// opens a clause, and no pronoun or auxiliary (notListener:
// "Petro, Macron and Merkel said" and "…, Don Williams, is the pastor,
// said" have none).
func (hs *holderScratch) aside(k int) int {
	if k+1 >= len(hs.toks) || !hs.isComma(k) {
		return k
	}
	if h := hs.base[k+1].hash; h == hashWho || h == hashWhich {
		// A relative clause: "Merkel, who met Macron on Monday, praised
		// Biden".
		for j := k + 2; j < len(hs.toks) && j <= k+12; j++ {
			if hs.toks[j].Kind == Punct && hs.owner[j] < 0 {
				if hs.isComma(j) && j > k+2 {
					return j + 1
				}
				return k
			}
		}
		return k
	}
	named := true // every token so far is a name's
	limit := k + 7
	if w := hs.toks[k+1].Text(hs.text); hs.toks[k+1].Kind == Word && len(w) > 4 && w[len(w)-3:] == "ing" {
		limit = k + 10 // "Petro, speaking alongside the President of Brazil Lula, criticised"
	}
	for j := k + 1; j < len(hs.toks) && j <= limit; j++ {
		t := hs.toks[j]
		if hs.isComma(j) {
			if j == k+1 || named {
				return k
			}
			return j + 1
		}
		if hs.owner[j] >= 0 {
			continue
		}
		named = false
		if t.Kind == Number || t.Kind == Clitic {
			continue
		}
		if t.Kind != Word || isVerbTerm(&hs.base[j]) {
			return k
		}
		if _, no := asideStops[hs.base[j].hash]; no {
			return k
		}
		if _, no := notListener[hs.base[j].hash]; no {
			return k // "…, Don Williams, is the senior pastor, said": a clause
		}
	}
	return k
}

// asideStops are the term hashes of the words no aside holds (aside).
var asideStops = termSet("and", "or", "but", "who", "which", "that", "when", "while", "as", "if", "because")

// settingBefore returns the reporting verb before the setting of what
// was said that ends at token j ("said on Monday", "told reporters in
// Bogotá", "said of NATO"): up to eight words, numbers or names, with no
// punctuation, no other verb, no word that opens a clause and no pronoun
// or auxiliary (notListener) between. It returns j when none is found.
func (hs *holderScratch) settingBefore(j int) int {
	for v := j; v >= 0 && v >= j-8; v-- {
		if hs.owner[v] >= 0 {
			continue
		}
		if isVerbTerm(&hs.base[v]) {
			if hs.is(v, hwReport) {
				return v
			}
			return j
		}
		t := hs.toks[v]
		if t.Kind != Word && t.Kind != Number {
			return j
		}
		if _, no := asideStops[hs.base[v].hash]; no {
			return j
		}
		if _, no := notListener[hs.base[v].hash]; no {
			return j // "Steve King said was stupid, “…", "Wilson said he was thinking: “…"
		}
	}
	return j
}
