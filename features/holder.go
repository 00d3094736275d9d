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
	_ = mentions[target]
	s := defaultExtractor.scratch.Get().(*scratch)
	defer defaultExtractor.scratch.Put(s)
	defaultExtractor.Prepare(&s.p, sentence)
	return Holders(nil, &s.p, mentions)[target]
}

// Holders appends to dst, for each of mentions in turn, the index of its
// holder as Holder defines it, or -1, and returns the extended slice. p is
// the prepared sentence; every Extractor prepares a sentence alike.
func Holders(dst []int, p *Prepared, mentions []Span) []int {
	return p.hs.holders(dst, p, mentions)
}

// holderScratch holds the buffers of Holders for reuse.
type holderScratch struct{ owner, first, last, verbs, accord []int }

func (hs *holderScratch) holders(dst []int, p *Prepared, mentions []Span) []int {
	toks, base := p.toks, p.base
	hs.owner = grow(hs.owner, len(toks))
	hs.first = grow(hs.first, len(mentions))
	hs.last = grow(hs.last, len(mentions))
	owner, first, last := hs.owner, hs.first, hs.last
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
	// prepare looked up each token's holder word classes.
	is := func(i int, c uint8) bool { return base[i].hw&c != 0 }
	isVerb := func(i int) bool {
		return is(i, hwReport) || base[i].cues&(1<<cueAttack|1<<cueSupport) != 0
	}
	// The scans below, once per mention, visit only the sentence's verbs,
	// found once: verbs holds their tokens in order, and accord the
	// mentions named after "according to", in order.
	verbs, accord := hs.verbs[:0], hs.accord[:0]
	for i := range toks {
		if isVerb(i) {
			verbs = append(verbs, i)
		}
		if i+2 < len(toks) && base[i].hash == hashAccording && base[i+1].hash == hashTo && owner[i+2] >= 0 {
			accord = append(accord, owner[i+2])
		}
	}
	hs.verbs, hs.accord = verbs, accord
	// subjectOf returns the mention that is the subject of the verb at
	// token v: the nearest mention ending at most five tokens before it,
	// with only auxiliaries, adverbs, "'s" and a role noun between.
	subjectOf := func(v int) int {
		for j := v - 1; j >= 0 && j >= v-5; j-- {
			if owner[j] >= 0 {
				// "Analysts in Bogotá said": a place after a preposition
				// is not the subject.
				if f := first[owner[j]]; f > 0 && is(f-1, hwLocation) {
					return -1
				}
				return owner[j]
			}
			if !is(j, hwGap) && toks[j].Kind != Clitic {
				return -1
			}
		}
		return -1
	}
	holder := func(target int) int {
		if first[target] < 0 {
			return -1
		}
		t0, t1 := first[target], last[target]
		// after is the first of verbs past the target.
		after := 0
		for after < len(verbs) && verbs[after] <= t1 {
			after++
		}
		// Passive: "<T> was criticised by <M>".
		for _, v := range verbs[after:] {
			if v >= len(toks)-2 || v > t1+6 {
				break
			}
			if base[v+1].hash == hashBy && owner[v+2] >= 0 && owner[v+2] != target {
				return owner[v+2]
			}
		}
		// "according to <M>" anywhere in the sentence.
		for _, a := range accord {
			if a != target {
				return a
			}
		}
		// Active: "<M> … verb … <T>", the verb before the target.
		for k := after - 1; k >= 0; k-- {
			v := verbs[k]
			if v >= t0 {
				continue
			}
			if s := subjectOf(v); s >= 0 && s != target {
				return s
			} else if s == target {
				return -1
			}
		}
		// Quote attribution after the target: "'… <T> …,' <M> said" or "said <M>".
		for _, v := range verbs[after:] {
			if !is(v, hwReport) {
				continue
			}
			if s := subjectOf(v); s >= 0 {
				if s == target {
					return -1
				}
				return s
			}
			// "said Petro" names the speaker; "told Reuters" names the listener.
			if !is(v, hwListener) && v+1 < len(toks) && owner[v+1] >= 0 && owner[v+1] != target {
				return owner[v+1]
			}
		}
		return -1
	}
	for i := range mentions {
		dst = append(dst, holder(i))
	}
	return dst
}

// Category bits of the lexicon that name acts by a subject, at their
// places in lexiconCategories.
const (
	cueAttack  = 2
	cueSupport = 3
)

var (
	hashBy        = normHash("by")
	hashAccording = normHash("according")
	hashTo        = normHash("to")
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

var reportVerbs = []string{
	"said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "claimed", "claims",
	"argued", "argues", "insisted", "insists", "wrote", "writes", "tweeted", "posted", "declared",
	"declares", "announced", "announces", "noted", "notes", "explained", "explains", "warned", "warns",
	"alleged", "alleges", "suggested", "suggests", "asserted", "asserts", "maintained", "maintains",
	"called", "calls", "urged", "urges", "demanded", "demands", "vowed", "vows", "pledged", "pledges",
}

var locPrepositions = []string{"in", "at", "from", "near", "across", "inside", "outside", "of", "to", "for", "with", "than"}

// subjectGap holds the words that may stand between a subject and its verb.
var subjectGap = []string{
	"has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "also", "again",
	"repeatedly", "publicly", "sharply", "strongly", "openly", "once", "later", "then", "on", "now",
	"spokesperson", "spokesman", "spokeswoman", "chief", "leader", "head", "president", "minister",
	"ceo", "officials", "official", "lawyers", "lawyer",
}
