package features

// Holder returns the index in mentions of the mention that holds the
// stance the sentence reports toward mentions[target] — the subject of a
// reporting or judging verb whose object or clause holds the target
// ("Petro accused NATO …", "The EU condemned …"), the agent of a passive
// judgement ("NATO was criticised by Petro"), or the speaker of a quote
// ("'…NATO…,' Petro said"; "according to Petro") — or -1 when it finds
// none. It abstains rather than guess: a target that is itself the
// subject gets -1, and so does a holder that is not among mentions
// (pronouns, "critics").
//
// mentions are spans of sentence in order and without overlap, as from
// Mentions. Holder panics if target is out of range.
func Holder(sentence string, mentions []Span, target int) int {
	toks := Tokenize(nil, sentence)
	// Map tokens to the mention that covers them.
	owner := make([]int, len(toks))
	first := make([]int, len(mentions)) // first token of each mention
	last := make([]int, len(mentions))  // last token of each mention
	for i := range first {
		first[i], last[i] = -1, -1
	}
	m := 0
	for i, t := range toks {
		owner[i] = -1
		for m < len(mentions) && mentions[m].End <= t.Start {
			m++
		}
		if m < len(mentions) && mentions[m].Start < t.End && t.Start < mentions[m].End {
			owner[i] = m
			if first[m] < 0 {
				first[m] = i
			}
			last[m] = i
		}
	}
	_ = mentions[target]
	if first[target] < 0 {
		return -1
	}
	lex := loadLexicon()
	var buf []byte
	word := func(i int) string {
		buf = AppendNormalized(buf[:0], toks[i].Text(sentence))
		return string(buf)
	}
	isVerb := func(w string) bool {
		if _, ok := reportVerbs[w]; ok {
			return true
		}
		return lex[w]&(1<<cueAttack|1<<cueSupport) != 0
	}
	isReport := func(w string) bool { _, ok := reportVerbs[w]; return ok }

	// subjectOf returns the mention that is the subject of the verb at
	// token v: the nearest mention ending at most four tokens before it,
	// with only auxiliaries, adverbs, "'s" and a role noun between.
	subjectOf := func(v int) int {
		for j := v - 1; j >= 0 && j >= v-5; j-- {
			if owner[j] >= 0 {
				// "Analysts in Bogotá said": a place after a preposition
				// is not the subject.
				if f := first[owner[j]]; f > 0 {
					if _, prep := locPrepositions[word(f-1)]; prep {
						return -1
					}
				}
				return owner[j]
			}
			w := word(j)
			if _, ok := subjectGap[w]; !ok && toks[j].Kind != Clitic {
				return -1
			}
		}
		return -1
	}

	t0, t1 := first[target], last[target]
	// Passive: "<T> was criticised by <M>".
	for v := t1 + 1; v < len(toks)-1 && v <= t1+6; v++ {
		if isVerb(word(v)) && word(v+1) == "by" && v+2 < len(toks) && owner[v+2] >= 0 && owner[v+2] != target {
			return owner[v+2]
		}
	}
	// "according to <M>" anywhere in the sentence.
	for v := 0; v+2 < len(toks); v++ {
		if word(v) == "according" && word(v+1) == "to" && owner[v+2] >= 0 && owner[v+2] != target {
			return owner[v+2]
		}
	}
	// Active: "<M> … verb … <T>", the verb before the target.
	for v := t0 - 1; v >= 0; v-- {
		if !isVerb(word(v)) {
			continue
		}
		if s := subjectOf(v); s >= 0 && s != target {
			return s
		} else if s == target {
			return -1
		}
	}
	// Quote attribution after the target: "'… <T> …,' <M> said" or "said <M>".
	for v := t1 + 1; v < len(toks); v++ {
		if !isReport(word(v)) {
			continue
		}
		if s := subjectOf(v); s >= 0 {
			if s == target {
				return -1
			}
			return s
		}
		// "said Petro" names the speaker; "told Reuters" names the listener.
		if w := word(v); w != "told" && w != "tells" && v+1 < len(toks) && owner[v+1] >= 0 && owner[v+1] != target {
			return owner[v+1]
		}
	}
	return -1
}

// Category bits of the lexicon, in the order of lexiconCategories.
const (
	cuePositive = iota
	cueNegative
	cueAttack
	cueSupport
	cueSuffer
	cueHedge
)

var reportVerbs = setOf(
	"said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "claimed", "claims",
	"argued", "argues", "insisted", "insists", "wrote", "writes", "tweeted", "posted", "declared",
	"declares", "announced", "announces", "noted", "notes", "explained", "explains", "warned", "warns",
	"alleged", "alleges", "suggested", "suggests", "asserted", "asserts", "maintained", "maintains",
	"called", "calls", "urged", "urges", "demanded", "demands", "vowed", "vows", "pledged", "pledges",
)

var locPrepositions = setOf("in", "at", "from", "near", "across", "inside", "outside", "of", "to", "for", "with", "than")

// subjectGap holds the words that may stand between a subject and its verb.
var subjectGap = setOf(
	"has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "also", "again",
	"repeatedly", "publicly", "sharply", "strongly", "openly", "once", "later", "then", "on", "now",
	"spokesperson", "spokesman", "spokeswoman", "chief", "leader", "head", "president", "minister",
	"ceo", "officials", "official", "lawyers", "lawyer",
)
