package features

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Mentions appends to dst the spans of the named mentions in sentence, as
// an extractor of the current feature set (Version) finds them —
// runs of capitalised words and acronyms — and returns the extended
// slice. Spans are in order and do not overlap.
//
// Lower-case connectors join capitalised words ("Bank of America", "Lula
// da Silva"); a possessive ending is left out ("NATO's" → "NATO"); a
// hyphenated compound keeps only its capitalised part ("United
// States-led" → "United States"; but see feature set 8 below); leading
// titles ("President", "Mr.", "Secretary-General"), with the title
// modifiers before them ("Prime
// Minister", "Attorney General") or after them ("Secretary of State"),
// and leading function words ("The", "In", "Neither") are dropped, and a
// title with its modifiers starts a new name inside a run ("Israeli Prime
// Minister Benjamin Netanyahu" → "Benjamin Netanyahu"); months, days and
// capitalised function words on their own are not mentions, nor is the
// verb of a contraction ("Can't", "Won't"), nor a common word alone at
// the start of the sentence ("Floods hit São Paulo", "Speaking to CNN,
// …"; the words of names/common.txt). A social-media handle is a mention
// in any case, "@" included ("@elonmusk", "@POTUS_44"), but not the
// domain of an e-mail address ("press@un.org"), and a mark that relays a
// post is no name before one ("RT @Reuters"). A common word alone after a
// colon is no name either ("Breaking: Floods hit …"); name words are
// joined across plain and no-break spaces (U+00A0, U+202F), one or two;
// and in a headline in title case, where every word but short function
// words is capitalised, function words, cue words and the verbs of
// headlines break names, and a common word left alone between them is none ("Petro Slams
// NATO Over Gaza Genocide Claims" → "Petro", "NATO", "Gaza"; in
// capitals, words of fewer than four letters are left alone, as most are
// acronyms). "May" after a given name or a title is a surname ("Theresa
// May", "Mrs. May"), where a month or a verb after any other word; two
// particles join name words as one connector does ("Ursula von der
// Leyen", "Banco de la Nación"), and particles after a title lead a name
// ("Ms. von der Leyen"); a middle initial after a given name joins, with
// its dot ("George W. Bush"), as do "St." opening a name ("St. Louis")
// and "Jr." or "Sr." ending one, their dots kept; "General" opening an
// organisation's name is kept in it ("General Motors"), and "Chief
// Executive" is a title; and what a prefix or a cut leaves of a word is no
// name when it is a month, a holiday, a demonym or one letter
// ("mid-December", "Chinese-built", "U-turns"). A person and the place
// after "of" are two names ("Jeff Flake of Arizona", "President Xi Jinping
// of China" → "Xi Jinping", "China"), a party-and-state tag after a
// lawmaker's name is none ("Paul Ryan (R-Wis.)"), and places joined by a
// hyphen are names of their own ("US-China", "Israel-Hamas"); "for" and
// "and" join the words of organisations' and countries' names ("Office
// for National Statistics", "Food and Drug Administration", "Trinidad and
// Tobago"), but not two names ("Britain and France"), and so does "'s" in
// a few ("People's Republic of China", "St. Peter's Square",
// "McDonald's"); more demonyms are no names ("Philippine", "South
// Korean", "Polish-Ukrainian"); in a headline in title case, more verbs
// break names ("NASA Delays Boeing Starliner"), and a run of common
// words alone is none unless one of them heads an organisation's or a
// place's name ("Exports Fall" is none, "Home Office" and "Red Sea" are
// names). More titles are dropped before a person's name ("EPA
// Administrator Scott Pruitt" → "EPA", "Scott Pruitt"; "Supreme Court
// Justice Brett Kavanaugh", "Special Agent …", "Chief of Staff John
// Kelly", "Sheriff Arpaio said …") and kept before other words ("Premier
// League", "Justice Department"); "King", "Judge", "Pope" or "Lord" after
// a given name is a surname ("Stephen King"); and "Co-" in a body's name
// is a prefix, not a cut ("Gulf Co-operation Council"), as is a hyphen
// before a part that is no English word ("Kim Jong-un", "Port-au-Prince").
// Headlines get rules of their own (mentions9.go), and a number after a
// word such as "S&P", "Windows" or "Boeing" is in the name, and ends it
// ("S&P 500", "Windows 11", "Boeing 737 MAX"; mentions10.go).
//
// Feature set 5's rules (see Version) are those after "leading titles" up
// to the headlines; feature set 6's those from "May" to the cut; feature
// set 7's those from "A person and the place" to "Red Sea"; feature set
// 8's those after it (mentions8.go); feature set 9's and 10's the last
// sentence's.
// An extractor of an older set finds its set's mentions (Prepared.Mentions).
func Mentions(dst []Span, sentence string) []Span {
	s := defaultExtractor.scratch.Get().(*scratch)
	defaultExtractor.Prepare(&s.p, sentence)
	dst = append(dst, s.p.mentions...)
	defaultExtractor.scratch.Put(s)
	return dst
}

// defaultExtractor prepares sentences for Mentions and Holder, as the
// current feature set does.
var defaultExtractor = NewExtractor()

// appendMentions is Mentions on the tokens of sentence; cls holds each
// token's mention classes (see nameClass), clsName for a token that
// isNameToken accepts and, on such a token, clsHyphen when it holds a
// hyphen. A name run holds only name tokens and connectors (which have no
// hyphen), so the hyphen rules below look only at tokens with clsHyphen.
// The rules depend on the feature set version: from 4 on, a common word
// alone at the start of the sentence is no mention; from 5 on, a title
// with the title modifiers before it starts a new name inside a run, and
// a title modifier after a title and "of" is dropped with them ("Secretary
// of State"); from 6 on, joinMore and particleLead join more (particle
// pairs, initials, "St.", "Jr."); from 7 on, join7 joins across "for",
// "and" and "'s", personOf parts a person from a place after "of" and
// splitHyphen places joined by a hyphen (headline tells join7 the
// sentence is a headline in title case); from 8 on, cutsCompoundV and
// keepsHyphen8 keep some hyphens inside a name ("Gulf Co-operation
// Council", "Kim Jong-un"; feature set 8's titles are prepare's and
// retitle8's). (The classes of feature set 5's words
// are folded into the older ones by prepare: see fold5; feature set 6's
// surname "May" has the name class alone: see maySurnames.)
func appendMentions(dst []Span, sentence string, toks []Token, cls []uint16, version int, headline bool) []Span {
	common, v5, v6, v7, v9, v10, v12 := version >= 4, version >= 5, version >= 6, version >= 7, version >= 9, version >= 10, version >= 12
	first := firstWord(toks) // found once, so that each run's test is O(1)
	for i := 0; i < len(toks); {
		if cls[i]&(clsName|clsAt) == 0 {
			i++
			continue
		}
		if cls[i]&clsAt != 0 { // a handle, whatever its case
			j := handleEnd(sentence, toks, i)
			dst = append(dst, Span{toks[i].Start, toks[j-1].End})
			i = j
			continue
		}
		// Grow the run: capitalised tokens, joined by connectors that are
		// followed by another capitalised token.
		j := i + 1
		of := -1 // the first "of" that joins the run, for feature set 7
		var rs runScan
		for j < len(toks) {
			t := toks[j]
			if cls[j-1]&clsHyphen != 0 && cutsCompoundV(toks[j-1].Text(sentence), version >= 8, j-1 > i) {
				break // "States-led" ends the name
			}
			if cls[j]&clsTitle != 0 {
				// "Colombian President Gustavo Petro": a title starts a new name.
				if !v5 {
					if !isLeadingNonName(sentence, toks, cls, j-1) {
						break
					}
				} else if m := titleStart(cls, i, j); m > i && !isLeadingNonName(sentence, toks, cls, m-1) {
					j = m // "Israeli Prime Minister Benjamin Netanyahu": so do its modifiers
					break
				}
			}
			if cls[j]&clsName != 0 && (adjacent(sentence, toks[j-1], t) || v5 && adjacentWide(sentence, toks[j-1], t)) {
				j++
				continue
			}
			if (isConnector(t.Text(sentence)) || v9 && headline && isCapitalOf9(sentence, toks, j)) && j+1 < len(toks) && cls[j+1]&clsName != 0 &&
				(adjacent(sentence, toks[j-1], t) || v5 && adjacentWide(sentence, toks[j-1], t)) &&
				(adjacent(sentence, t, toks[j+1]) || v5 && adjacentWide(sentence, t, toks[j+1])) {
				if v7 && of < 0 && t.End-t.Start == 2 && sentence[t.Start:t.End] == "of" {
					of = j
				}
				j += 2
				continue
			}
			if c := sentence[t.Start]; v6 && (c == '.' || pairFirst[c]) { // a dot, or a particle pair's first word
				if n, last := joinMore(sentence, toks, cls, i, j); n > j {
					j = n
					if last { // "Jr.": its dot ends the name
						break
					}
					continue
				}
			}
			if v7 && (t.Kind == Clitic || t.End-t.Start == 3 && (sentence[t.Start:t.End] == "for" || sentence[t.Start:t.End] == "and")) {
				if n, last := join7(sentence, toks, cls, i, j, headline, version >= 8, &rs); n > j {
					j = n
					if last {
						break
					}
					continue
				}
			}
			if v10 && (t.Kind == Number || t.Kind == Punct && sentence[t.Start] == '/') {
				if e := nameEnd10(sentence, toks, cls, j); e > j {
					j = e // "S&P 500", "Boeing 737 MAX", "S&P/ASX 200": the number ends the name
				}
			}
			break
		}
		// Drop leading titles and function words.
		k := i
		for k < j {
			if v5 && isModifier(cls[k]) {
				// Title modifiers go only with the title they lead ("Prime
				// Minister"; "Home Assistant" stays) or end ("Secretary of
				// State"): the chain is walked once.
				if k >= i+2 && isTitleOf(sentence, toks, cls, k) {
					k++
					continue
				}
				e := k + 1
				for e < j && isModifier(cls[e]) {
					e++
				}
				if e == j || cls[e]&clsTitle == 0 {
					break
				}
				k = e
				continue
			}
			if v12 && k == i && k+1 < j && (k == first || afterColon(sentence, toks, k) || postStart12(sentence, toks, k)) &&
				opens12(sentence, toks, k, j) {
				k++ // "Sadly Trump won", "Thanks Obama", "@BBCNews Sadly Boris Johnson lied"
				continue
			}
			if !isLeadingNonName(sentence, toks, cls, k) {
				break
			}
			k++
		}
		if v7 && k > i && k < j && toks[k].Kind == Clitic {
			k-- // "The People's Republic": "People" leads no name, but it is one's
		}
		// "Jeff Flake of Arizona": a person and a place.
		if of > k && personOf(sentence, toks, cls, k, of, j) {
			j = of
		}
		// A trailing connector or title cannot end a name.
		for j > k && isConnector(toks[j-1].Text(sentence)) {
			j--
		}
		// Nor a mark that relays the handle after it ("Sanders RT @AOC");
		// alone, it is no name at all.
		if j > k && j < len(toks) && cls[j]&clsAt != 0 && isRelayMark(sentence, toks, cls, j-1) {
			j--
		}
		if k < j {
			start, end := toks[k].Start, toks[j-1].End
			p := 0
			if cls[k]&clsHyphen != 0 {
				p = prefixLen(toks[k].Text(sentence))
			}
			if p > 0 {
				start += p // "anti-NATO" → "NATO"
				if r, _ := utf8.DecodeRuneInString(sentence[start:]); !unicode.IsUpper(r) {
					// "Ex-president Trump": the prefixed word is no name.
					if k+1 < j {
						k++
						start = toks[k].Start
					} else {
						start = end
					}
				}
			}
			// "States-led", "pro-Kremlin-backed": cut at the first hyphen
			// after the start that opens a lower-case word.
			from := max(start, toks[j-1].Start)
			if cls[j-1]&clsHyphen == 0 {
				from = end // no hyphen in the last token, where the search is
			}
			for off := from; off < end; {
				h, hs := indexHyphen(sentence[off:end])
				if h < 0 {
					break
				}
				if r, _ := utf8.DecodeRuneInString(sentence[off+h+hs:]); unicode.IsLower(r) && !(version >= 8 && keepsHyphen8(sentence[off:off+h], sentence[off+h+hs:end], j-1 > k)) {
					end = off + h
					break
				}
				off += h + hs
			}
			// A prefix and a cut can leave nothing ("Post-war"), and from
			// feature set 6 on no name: a month, a holiday or a demonym
			// ("mid-December", "pre-Christmas", "anti-American") or one
			// letter ("U-turns").
			if v6 && start < end && k+1 == j && (start > toks[k].Start || end < toks[k].End) {
				if w := sentence[start:end]; len(w) == 1 || isCalendarWord(w) || isDemonym(w) {
					start = end
				}
			}
			if start < end && !(k+1 == j && (cls[k]&nonEntity != 0 || common && (k == first || v5 && afterColon(sentence, toks, k)) && isCommonWord(sentence[start:end]))) {
				// "Ms. von der Leyen": particles after a title lead the name.
				if v6 && k >= 2 && start == toks[k].Start && toks[k-1].Kind == Word {
					if particleLast[sentence[toks[k-1].Start]] {
						start = toks[particleLead(sentence, toks, cls, k)].Start
					}
				}
				if v7 && k+1 == j && cls[k]&clsHyphen != 0 && start == toks[k].Start && end == toks[k].End {
					// "US-China", "R-Wis.": two names, or none.
					if d, ok := splitHyphen(dst, sentence[start:end], start); ok {
						if len(d) == len(dst) {
							j = tagEnd(sentence, toks, j) // "D-N.Y.": "Y" is the tag's too
						}
						dst = d
						start = end
					}
				}
				if v7 && j-k <= 2 && cls[j-1]&(clsDemonym|clsDemonym7|clsHyphen) != 0 && start == toks[k].Start && end == toks[j-1].End && isDemonymRun(sentence, toks, cls, k, j) {
					start = end // "Philippine", "South Korean", "Polish-Ukrainian"
				}
				if start < end {
					dst = append(dst, Span{start, end})
				}
			}
		}
		if j == i {
			j = i + 1
		}
		i = j
	}
	return dst
}

// firstWord returns the index of the first word of the text of toks:
// only punctuation (an opening quote, a dash) comes before it.
func firstWord(toks []Token) int {
	first := 0
	for first < len(toks) && toks[first].Kind == Punct {
		first++
	}
	return first
}

// isRelayMark reports whether name token k, the last of a run, is a mark
// that relays or credits a post, followed by the handle it names: "RT
// @Reuters", "HT @nasa", "MT @who", "CC @mayor" (retweet, hat tip,
// modified tweet, copy).
func isRelayMark(text string, toks []Token, cls []uint16, k int) bool {
	if k+1 >= len(toks) || cls[k+1]&clsAt == 0 || !adjacent(text, toks[k], toks[k+1]) {
		return false
	}
	switch toks[k].Text(text) {
	case "RT", "HT", "MT", "CC":
		return true
	}
	return false
}

// isHandleAt reports whether token i, a Punct token, is the "@" that
// starts a social-media handle: followed at once by a word, after
// underscores or none ("@elonmusk", "@_nasa", "@__1x"), and not the "@" of
// an e-mail address ("press@un.org", "j_@x.com"): not joined to a word or
// number before it, directly or through the symbols an address's local
// part may end in ("_", "-", "+", "%", ".").
func isHandleAt(text string, toks []Token, i int) bool {
	t := toks[i]
	if t.End-t.Start != 1 || text[t.Start] != '@' {
		return false
	}
	w := i + 1
	for w < len(toks) && toks[w].Start == toks[w-1].End && toks[w].Text(text) == "_" {
		w++
	}
	if w >= len(toks) || toks[w].Start != toks[w-1].End || toks[w].Kind != Word && (w == i+1 || toks[w].Kind != Number) {
		return false
	}
	for k := i - 1; k >= 0 && toks[k].End == toks[k+1].Start; k-- {
		switch toks[k].Kind {
		case Word, Number:
			return false
		case Punct:
			switch toks[k].Text(text) {
			case "_", "-", "+", "%", ".":
				continue
			}
		}
		break
	}
	return true
}

// handleEnd returns the index past the last token of the handle whose "@"
// is toks[i], which isHandleAt accepts: the "@" and the word, number and
// underscore tokens joined to it ("@elonmusk", "@POTUS_44"), less trailing
// underscores ("@user_" ends at the word; isHandleAt saw one).
func handleEnd(text string, toks []Token, i int) int {
	j := i + 1
	for j < len(toks) && toks[j].Start == toks[j-1].End {
		if k := toks[j].Kind; k != Word && k != Number && toks[j].Text(text) != "_" {
			break
		}
		j++
	}
	for toks[j-1].Text(text) == "_" {
		j--
	}
	return j
}

// handleOver returns the first handle that the tokens toks[i:end] overlap,
// as the index of its "@" and the index past its last token, if any.
func handleOver(text string, toks []Token, i, end int) (h, hEnd int, ok bool) {
	// One that holds toks[i]: its "@" is at i or before, joined to it.
	for h = i; h >= 0; h-- {
		if toks[h].Kind == Punct && isHandleAt(text, toks, h) {
			if hEnd = handleEnd(text, toks, h); hEnd > i {
				return h, hEnd, true
			}
			break
		}
		if h == 0 || toks[h-1].End != toks[h].Start {
			break
		}
	}
	// One that starts inside.
	for h = i + 1; h < end; h++ {
		if toks[h].Kind == Punct && isHandleAt(text, toks, h) {
			return h, handleEnd(text, toks, h), true
		}
	}
	return 0, 0, false
}

// indexHyphen returns the offset and length of the first hyphen-minus or
// non-breaking hyphen (U+2011) in s, or -1 and 0. It is
// strings.IndexAny(s, "-\u2011") without the general search's per-call
// cost for a non-ASCII set (with the rest of commit be0c822, Predict −4%:
// .ci/ab be0c822^ be0c822 'Predict$'; TestIndexHyphen pins the two
// as equal).
func indexHyphen(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			return i, 1
		case 0xe2:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x91 {
				return i, 3
			}
		}
	}
	return -1, 0
}

// adjacent reports whether b follows a with only spaces (no line break)
// between them.
func adjacent(text string, a, b Token) bool {
	gap := text[a.End:b.Start]
	return len(gap) <= 2 && strings.TrimLeft(gap, " ") == ""
}

// adjacentWide reports whether tokens a and b are apart by one or two
// spaces of which at least one is a no-break space (U+00A0, as HTML's
// &nbsp; gives, or the narrow U+202F), as adjacent allows plain spaces:
// feature set 5 on joins name words across them ("Gustavo\u00a0Petro").
// The run loop calls it only where adjacent, which is inlined there, says
// no, and only for feature set 5: folding the two into one function that
// is not inlined cost Predict 0.3% more instructions.
func adjacentWide(text string, a, b Token) bool {
	gap := text[a.End:b.Start]
	n := 0
	for gap != "" && n < 2 {
		switch {
		case gap[0] == ' ':
			gap = gap[1:]
		case strings.HasPrefix(gap, "\u00a0"):
			gap = gap[2:]
		case strings.HasPrefix(gap, "\u202f"):
			gap = gap[3:]
		default:
			return false
		}
		n++
	}
	return gap == "" && n > 0
}

// afterColon reports whether token k follows a colon, as the first word
// of a headline's second part does ("Breaking: Floods hit …", "RT @POTUS:
// Great meeting"), where a common word is capitalised as at the start.
func afterColon(text string, toks []Token, k int) bool {
	return k > 0 && toks[k-1].Kind == Punct && toks[k-1].Text(text) == ":"
}

// headlineWords is the fewest capitalised words of four letters or more
// that make a sentence a headline in title case, when it has no word in
// lower case but those title case leaves so (titleCaseLower).
const headlineWords = 3

// isHeadline reports whether the sentence of toks, whose mention classes
// are names, is a headline in title case (see headlineWords); from feature
// set 9 on (v9), some words in lower case do not gainsay it
// (headlineLower9: "iPhone", "al-Sharaa", "$600bn", "with"). It is a pass
// of its own, after the prepare loop rather than counts in it, since an
// ordinary sentence ends it at its first word in lower case, a few tokens
// in.
func isHeadline(text string, toks []Token, names []uint16, v9 bool) bool {
	upper := 0
	for i, t := range toks {
		n := t.End - t.Start
		if t.Kind != Word || n < 2 {
			continue
		}
		if c := text[t.Start]; 'a' <= c && c <= 'z' {
			if (n >= 4 || !titleCaseLower(text[t.Start:t.End])) && !(v9 && headlineLower9(text, t, names[i])) {
				return false
			}
		} else if 'A' <= c && c <= 'Z' && n >= 4 {
			upper++
		}
	}
	return upper >= headlineWords
}

// titleCaseLower reports whether w, a word of two or three letters in lower
// case, is one that title case leaves in lower case: an article, a short
// conjunction or preposition ("a" is too short to be counted).
func titleCaseLower(w string) bool {
	switch w {
	case "an", "as", "at", "by", "in", "of", "on", "or", "so", "to", "up", "vs",
		"and", "but", "for", "nor", "off", "out", "per", "the", "via", "yet":
		return true
	}
	return false
}

// headlineNames takes the name class off the tokens of a headline in title
// case (see headlineWords) that are no names there, though capitalised:
// function words and the plural common nouns of the word classes, the
// negative cue words of the lexicon (headlineCues), the verbs of headlines
// (headlineVerbs), and a common word of
// names/common.txt left alone between them ("… After Storm"). A word of
// four letters or more in capitals is looked up capitalised (see
// headlineKey); shorter ones are left alone, as they are mostly acronyms
// ("US", "GOP"). Common words inside a longer run stay: in title case
// nothing tells "Human Rights Watch" or "Home Office" from "Rock Star
// Greeting", and a name cut is worse than a name too long ("Donald Trump
// Gets Rock Star Greeting in Iowa" → "Donald Trump", "Rock Star
// Greeting", "Iowa"); from feature set 7 on (v7), commonRuns drops such a
// run of common words alone, when no word that heads an organisation's or
// a place's name is in it, and more verbs break names (headlineVerbs7);
// from feature set 8 on (v8), a title or title modifier of titles8 or
// modifiers8 left alone is no name either, when it is a common word, as
// a common word is not ("Sean Spicer Under Fire", "Kremlin Says Envoy
// Will Visit Kyiv"); from feature set 9 on (v9), the rules of
// mentions9.go: the words of names/headline.txt break names, verbs after
// "to" and modals go, runs end in no common word, a word in capitals is
// an acronym in title case, an ordinal after the first word and a title
// of feature set 8's left alone are none, and in capitals function words
// are none.
func headlineNames(text string, toks []Token, terms []term, names []uint16, v7, v8, v9 bool) {
	var buf [24]byte
	caps := v9 && inCapitals(text, toks)
	first := firstWord(toks)
	for i, t := range toks {
		nc := names[i]
		if v9 && nc&clsTitleModifier != 0 && isOrdinal9(t.Text(text)) && i > first && (i+1 >= len(toks) || names[i+1]&clsTitle == 0) {
			names[i] &^= clsName | clsHyphen // "… to Win First Wimbledon Title"; not "First Lady", "First Republic Bank Collapses"
			continue
		}
		if nc&clsName == 0 || t.Kind != Word || nc&(clsTitle|clsTitleModifier) != 0 {
			continue
		}
		if caps && capsFunction9(t.Text(text)) && !(i+1 < len(toks) && toks[i+1].Text(text) == "&" && adjacent(text, t, toks[i+1])) { // not "AT&T"
			names[i] &^= clsName | clsHyphen // "… BILL IN LATE-NIGHT VOTE"
			continue
		}
		if v9 && !caps && isAcronymAt9(text, toks, i, first) {
			continue // "New START Expiry …": in title case, capitals make an acronym
		}
		if nc&(clsFunction|clsCommonNoun) != 0 {
			names[i] &^= clsName | clsHyphen
			continue
		}
		key, ok := headlineKey(&buf, t.Text(text))
		if !ok {
			continue // short, in capitals: an acronym ("AID")
		}
		if _, verb := headlineVerbs[string(key)]; verb || terms[i].cues&headlineCues != 0 || v7 && isHeadlineVerb7(key) || v9 && (isHeadlineWord9(key) && !afterGivenName9(text, toks, names, i) || isVerbS9(key) && afterPlainName9(text, toks, names, i)) { // the conversion in a map index does not allocate
			names[i] &^= clsName | clsHyphen
		}
	}
	if v9 {
		verbsAfter9(text, toks, names, caps) // "Orbán Vows To Block EU Sanctions"
	}
	if v7 {
		commonRuns(text, toks, names, v8) // "… as Shutdown Deadline Looms"
	}
	if v9 {
		trimRuns9(text, toks, names, caps) // "Lula Signs Income Tax Reform Into Law at Brasília Ceremony"
	}
	// A common word that is a name run on its own, once the breaks are
	// made, is no name, as at the start of a sentence ("… After Storm").
	for i, t := range toks {
		if names[i]&clsName == 0 || t.Kind != Word {
			continue
		}
		if names[i]&(clsTitle|clsTitleModifier) != 0 && (!v8 || names[i]&clsWord8 == 0) {
			continue // a title or a modifier, but for feature set 8's ("… Under Fire", "… Says Envoy Will …")
		}
		if i > 0 && (names[i-1]&clsName != 0 || i > 1 && names[i-2]&clsName != 0 && joinsAt(text, toks, i-1, v7)) ||
			i+1 < len(toks) && (names[i+1]&clsName != 0 || i+2 < len(toks) && names[i+2]&clsName != 0 && joinsAt(text, toks, i+1, v7)) {
			continue // part of a longer run, directly or through a connector ("Bank of England")
		}
		if v9 && names[i]&clsWord8 != 0 {
			names[i] &^= clsName | clsHyphen // feature set 8's title alone: "Sheriff Resigns After Audit"
			continue
		}
		if v9 && !caps && isAcronymAt9(text, toks, i, first) {
			continue
		}
		if key, ok := headlineKey(&buf, t.Text(text)); ok {
			if _, common := commonWords()[string(key)]; common {
				names[i] &^= clsName | clsHyphen
			}
		} else if caps && isShortCommon9(t.Text(text)) {
			names[i] &^= clsName | clsHyphen // "… ON NEW RULES"
		}
	}
	if caps {
		capsConnectors9(text, toks, names) // "POWELL WARNS OF STICKY INFLATION"
	}
}

// joinsAt reports whether token c (0 < c) joins the name words on either
// side of it in a headline: a connector ("Bank of England"), or from
// feature set 7 on (v7) "for" after a word of orgHeads ("Office for
// National Statistics", but not "Running for President").
func joinsAt(text string, toks []Token, c int, v7 bool) bool {
	w := toks[c].Text(text)
	return isConnector(w) || v7 && w == "for" && isOrgHead(toks[c-1].Text(text))
}

// headlineKey returns w as headlineNames looks it up: as it is, or, in
// capitals and four letters or more, capitalised ("SAYS" as "Says"); ok is
// false for a shorter word in capitals (mostly an acronym: "US", "GOP") or
// one longer than buf.
func headlineKey(buf *[24]byte, w string) (key []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	key = append(buf[:0], w...)
	if strings.IndexFunc(w[1:], func(r rune) bool { return !unicode.IsUpper(r) }) >= 0 {
		return key, true // not in capitals
	}
	if len(w) < 4 {
		return nil, false
	}
	for j := 1; j < len(key); j++ {
		if c := key[j]; 'A' <= c && c <= 'Z' {
			key[j] = c + 'a' - 'A'
		}
	}
	return key, true
}

// headlineCues are the cue categories whose words break a name in a
// headline: negative, attack and suffer ("Genocide", "Slams", "Ousted").
// Positive and hedging words open too many names ("Joy Reid", "Best Buy",
// "Peace Corps", "Theresa May"), and support verbs are in headlineVerbs.
const headlineCues = 1<<1 | 1<<2 | 1<<4

// headlineVerbs are verbs in the forms headlines use (the present tense,
// mostly), and a few other words that break a name there, written for
// stancekit: in a headline in title case they are capitalised like the
// names around them ("Trump Picks Jeff Sessions"). Words that are also
// names are left out ("Will", "May", "Bill", "Mark"). Some are function
// words ("Over", "After"), whose word class breaks a name in title case
// already; they are here for headlines in capitals ("OVER"), whose words
// have no function-word class.
var headlineVerbs = setOf(
	"Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Does", "Do", "Did", "Can",
	"Could", "Would", "Should", "Must", "Might", "Shall", "Won't", "Says", "Said", "Tells", "Told",
	"Asks", "Calls", "Slams", "Blasts", "Rips", "Mocks", "Hails", "Lauds", "Praises", "Touts",
	"Backs", "Endorses", "Supports", "Opposes", "Rejects", "Denies", "Admits", "Accuses", "Blames",
	"Criticizes", "Criticises", "Condemns", "Defends", "Attacks", "Threatens", "Warns", "Urges",
	"Vows", "Pledges", "Promises", "Demands", "Refuses", "Agrees", "Meets", "Visits", "Picks",
	"Names", "Nominates", "Appoints", "Hires", "Fires", "Sacks", "Ousts", "Quits", "Resigns",
	"Leaves", "Joins", "Returns", "Wins", "Loses", "Beats", "Defeats", "Leads", "Trails", "Takes",
	"Gets", "Gives", "Makes", "Goes", "Comes", "Sees", "Shows", "Keeps", "Puts", "Sets", "Turns",
	"Moves", "Becomes", "Brings", "Holds", "Helps", "Needs", "Wants", "Tries", "Uses", "Starts",
	"Ends", "Kills", "Strikes", "Bans", "Blocks", "Halts", "Bars", "Lifts", "Eases", "Cuts",
	"Raises", "Drops", "Falls", "Rises", "Jumps", "Slumps", "Surges", "Soars", "Plunges", "Tumbles",
	"Unveils", "Launches", "Announces", "Reveals", "Confirms", "Signs", "Seeks", "Faces", "Plans",
	"Eyes", "Weighs", "Considers", "Sues", "Probes", "Investigates", "Charges", "Indicts",
	"Arrests", "Jails", "Frees", "Pardons", "Welcomes", "Thanks", "Congratulates", "Slaps",
	"Throws", "Looks", "Thinks", "Knows", "Believes", "Fears", "Hopes", "Expects", "Insists",
	"Suggests", "Claims", "Argues", "Explains", "Responds", "Fights", "Pushes", "Pulls", "Hits",
	"Looms", "Shocks", "Stuns", "Slammed", "Blasted", "Accused", "Blamed", "Praised", "Backed",
	"Rejected", "Mocked", "Ousted", "Fired", "Named", "Picked", "Elected", "Defeated", "Killed",
	"Arrested", "Charged", "Indicted", "Sued", "Banned", "Blocked", "Signed", "Called", "Opens",
	"Closes", "Selects", "Chooses", "Set", "Shift", "Shifts", "Lead", "Racked", "Grabs", "Clashes",
	"Spars", "Slam", "Blast", "Meet", "Visit", "Unveil", "Urge", "Warn", "Vow", "Seek",
	"Sack", "Condemn", "Condemned", "Back", "Blame", "Accuse", "Praise", "Hail", "Reject", "Deny",
	"Face", "Clash", "Win", "Lose", "Beat", "Hit", "Cut", "Quit", "Join", "Leave", "Sign",
	// Not verbs: prepositions, conjunctions and adverbs that title case
	// capitalises and the word classes lack.
	"Behind", "Into", "Onto", "Against", "About", "Amid", "Amidst", "Before", "Despite", "During",
	"Without", "Toward", "Towards", "Beyond", "Near", "Versus", "While", "Because", "Than", "Not",
	"Again", "Now", "Still", "Ever", "Never", "Just", "Also", "Soon", "Yet", "Over", "Under", "After",
	"From", "With", "Amongst", "Inside", "Outside",
	"Slides", "Slips", "Sinks", "Climbs", "Gains", "Dips", "Rebounds", "Extends", "Overtakes", "Signals",
	"Cools", "Kill", "Hikes", "Trims", "Boosts", "Doubles", "Halves", "Tops", "Misses",
)

// cutsCompound reports whether a token is a compound whose first part
// ends a name ("States-led"): the next name token cannot continue a run
// through it.
func cutsCompound(w string) bool {
	h, hs := indexHyphen(w)
	if h <= 0 || h+hs >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[h+hs:])
	return unicode.IsLower(r)
}

// isNameToken reports whether t, of mention classes cls, can be part of a
// name: a Word that starts with an upper-case letter, or one with an inner
// capital — a lower-case particle joined to a capitalised part
// ("al-Assad", "d'Ivoire"), camel case ("eBay") or digits and capitals
// ("3M"). prepare calls it only for words that may hold a capital.
func isNameToken(text string, t Token, cls uint16) bool {
	if t.Kind != Word {
		return false
	}
	w := t.Text(text)
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return cls&clsCalendar == 0
	}
	return innerCapital(w)
}

// innerCapital reports whether w has a capital after a hyphen or an
// apostrophe, or within its first three bytes (camel case).
func innerCapital(w string) bool {
	for i, c := range w {
		if i == 0 {
			continue
		}
		if unicode.IsUpper(c) {
			prev := w[i-1]
			return prev == '-' || prev == '\'' || i <= 2
		}
	}
	return false
}

// prefixLen returns the length of a lower-case prefix and hyphen before a
// name ("anti-", "pro-", "ex-"), or 0.
func prefixLen(w string) int {
	h, hs := indexHyphen(w)
	if h <= 0 || h+hs >= len(w) {
		return 0
	}
	for _, p := range namePrefixes {
		if strings.EqualFold(w[:h], p) {
			return h + hs
		}
	}
	return 0
}

var namePrefixes = []string{"anti", "pro", "non", "ex", "pan", "post", "pre", "neo", "mid"}

// demonyms are nationality, language and religion words: capitalised, but
// not names of entities on their own ("Colombian", "French").
var demonyms = setOf(
	"American", "Americans", "British", "English", "French", "German", "Germans", "Italian", "Spanish",
	"Portuguese", "Dutch", "Belgian", "Swiss", "Austrian", "Swedish", "Norwegian", "Danish", "Finnish",
	"Polish", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Greek", "Turkish", "Russian",
	"Russians", "Ukrainian", "Ukrainians", "Belarusian", "Serbian", "Croatian", "Bosnian", "Albanian",
	"Irish", "Scottish", "Welsh", "European", "Europeans", "Canadian", "Mexican", "Brazilian",
	"Argentine", "Argentinian", "Chilean", "Colombian", "Venezuelan", "Peruvian", "Cuban", "Haitian",
	"Chinese", "Japanese", "Korean", "Taiwanese", "Vietnamese", "Thai", "Indonesian", "Filipino",
	"Malaysian", "Indian", "Pakistani", "Afghan", "Iranian", "Iraqi", "Syrian", "Lebanese", "Israeli",
	"Israelis", "Palestinian", "Palestinians", "Jordanian", "Saudi", "Emirati", "Qatari", "Yemeni",
	"Egyptian", "Libyan", "Tunisian", "Algerian", "Moroccan", "Sudanese", "Ethiopian", "Kenyan",
	"Nigerian", "Ghanaian", "Senegalese", "Somali", "African", "Africans", "Australian",
	"Zealander", "Asian", "Arab", "Arabs", "Arabic", "Western", "Muslim", "Muslims", "Islamic", "Christian", "Christians", "Catholic", "Catholics",
	"Jewish", "Jews", "Hindu", "Buddhist", "Protestant", "Sunni", "Shia", "Shiite", "Kurdish", "Kurds",
	"Christmas", "Easter", "Ramadan", "Thanksgiving", "Diwali", "Hanukkah", "Eid", "Passover",
)

func isConnector(w string) bool {
	switch w {
	case "of", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin", "al", "y", "&":
		return true
	}
	return false
}

// maySurnames gives the name class, and only it, to each "May" that
// follows a given name (names/given.txt) or a title: the surname of
// "Theresa May", "Prime Minister May" and "Mrs. May", not the month or
// the verb, which follow other words ("In May", "China May exports", "US
// May payrolls", "Sunak May call an election"). A "May" before a number
// ("… May 5", "May 5th") or "Day" stays a month; in a headline in title
// case (headline), so does one before a capitalised word but for a verb
// ending in "s" or "ed": "Pope Francis May Visit Kyiv" is the verb, and
// "Theresa May Quits" the surname. Feature set 6 on.
func maySurnames(text string, toks []Token, cls []uint16, headline bool) {
	for i := 1; i < len(toks); i++ {
		if cls[i]&clsCalendar == 0 || toks[i].Text(text) != "May" {
			continue
		}
		if i+1 < len(toks) {
			next := toks[i+1].Text(text)
			if toks[i+1].Kind == Number || next[0] >= '0' && next[0] <= '9' || next == "Day" ||
				headline && toks[i+1].Kind == Word && 'A' <= next[0] && next[0] <= 'Z' && !isVerbS(next) {
				continue
			}
		}
		// The given name or title, or a title and its dot ("Mrs. May").
		if b, dotted := wordBefore(text, toks, i); joined(text, toks[i-1], toks[i]) &&
			(cls[b]&clsTitle != 0 || !dotted && isGivenName(toks[b].Text(text))) {
			cls[i] = clsName
		}
	}
}

// isVerbS reports whether the capitalised word w ends as a verb of a
// headline does after a name: in "s" but not "ss" ("Quits", "Faces", not
// "Miss"), or in "ed" ("Resigned").
func isVerbS(w string) bool {
	n := len(w)
	return n > 2 && (w[n-1] == 's' && w[n-2] != 's' || w[n-2:] == "ed")
}

// retitle takes the title class off each "General" that
// opens an organisation's name, before a word of generalNouns ("General
// Motors", "the U.N. General Assembly", "General Electric"), so that it
// is kept in the name rather than dropped as the title of "General Mark
// Milley", and off a title before "Jr" or "Sr", a surname there ("Martin
// Luther King Jr."), and gives it to "Executive" after "Chief" and to
// "Officer" after them ("Chief Executive Officer Tim Cook"), which the
// lists hold as a modifier and nothing. Feature set 6 on.
func retitle(text string, toks []Token, cls []uint16) {
	for i := 0; i+1 < len(toks); i++ {
		if c := cls[i]; c&(clsTitle|clsTitleModifier) == 0 {
			continue
		}
		if cls[i]&clsTitle == 0 {
			if toks[i].Text(text) == "Chief" && toks[i+1].Text(text) == "Executive" && joined(text, toks[i], toks[i+1]) {
				// "Chief Executive Satya Nadella": a title, as "Chief
				// Executive Officer" is.
				cls[i+1] |= clsTitle
				if i+2 < len(toks) && toks[i+2].Text(text) == "Officer" && joined(text, toks[i+1], toks[i+2]) {
					cls[i+2] |= clsTitle
				}
			}
			continue
		}
		if next := toks[i+1].Text(text); next == "Jr" || next == "Sr" {
			if joined(text, toks[i], toks[i+1]) {
				cls[i] &^= clsTitle // "Martin Luther King Jr.": a surname
			}
			continue
		}
		if toks[i].Text(text) != "General" || !joined(text, toks[i], toks[i+1]) {
			continue
		}
		if i > 0 && joined(text, toks[i-1], toks[i]) && (cls[i-1]&(clsTitle|clsTitleModifier) != 0 || isRankWord(toks[i-1].Text(text))) {
			continue // "Surgeon General", "Brigadier General": the title's end
		}
		if _, ok := generalNouns[toks[i+1].Text(text)]; ok {
			cls[i] &^= clsTitle
		}
	}
}

// isRankWord reports whether w ends a title with "General" though it is
// no title modifier of the lists ("Brigadier General", "Consul General").
func isRankWord(w string) bool {
	switch w {
	case "Brigadier", "Major", "Consul", "Adjutant", "Postmaster", "Paymaster", "Quartermaster", "Vicar", "Auditor":
		return true
	}
	return false
}

// generalNouns are the words after which "General" opens an organisation's
// name and is no title.
var generalNouns = setOf(
	"Motors", "Electric", "Dynamics", "Mills", "Atomics", "Assembly", "Staff", "Council", "Hospital",
	"Accounting", "Services", "Synod", "Conference", "Secretariat", "Directorate", "Command", "Medical",
	"Insurance", "Data", "Agreement", "Court", "Election", "Elections", "Strike", "Catalyst",
	"Instruments", "Foods", "Cable", "Dental", "Post", "Store", "Stores",
)

// isGivenName reports whether w is a given name of names/given.txt,
// capitalised ("Theresa").
func isGivenName(w string) bool {
	_, ok := givenNames()[w]
	return ok
}

// joinMore returns the index past the tokens that feature set 6 joins to
// a run (which starts at token i) at token j, or j when it joins none,
// and whether they end the run:
//   - a pair of particles between two name words ("Ursula von der Leyen",
//     "Banco de la Nación"), where one connector alone joined before;
//   - a middle initial and its dot after a given name (names/given.txt)
//     and before a name word ("George W. Bush", "George H. W. Bush"), but
//     not "I.", "V." or "X." before a given name, which end a regnal name
//     and a sentence ("Elizabeth I. Mary …"); and "St.", "Mt." or "Ft."
//     opening a name or after a connector ("St. Louis", "the St. Regis",
//     "Bank of St. Louis"), but not after a number ("14th St. Mark …");
//   - the dot of "Jr." or "Sr." after a name, which ends it ("Charles Q.
//     Brown Jr."), as a capitalised word after it may open the next
//     sentence: the splitter does not split after such a dot.
//
// The word after a dot must be a name word of no class that makes a word
// no name on its own (a title, a function word, a month). Words are
// joined across the spaces adjacent and adjacentWide allow.
func joinMore(text string, toks []Token, cls []uint16, i, j int) (int, bool) {
	t := toks[j]
	if t.Kind == Punct {
		if !isAbbrevDot(text, toks, j) {
			return j, false
		}
		switch w := toks[j-1].Text(text); {
		case j-1 > i && (w == "Jr" || w == "Sr"):
			return j + 1, true
		case j-1 > i && len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' && afterGivenName(text, toks, i, j-1),
			(w == "St" || w == "Mt" || w == "Ft") && (j-1 == i || j-2 == i && cls[i]&clsFunction != 0 || j-2 > i && isConnector(toks[j-2].Text(text))) &&
				(i == 0 || !isDigit(rune(text[toks[i-1].Start]))): // not "14th St."
			if j+1 < len(toks) && cls[j+1]&clsName != 0 && cls[j+1]&nonEntity == 0 && joined(text, t, toks[j+1]) &&
				!(len(w) == 1 && (w == "I" || w == "V" || w == "X") && isGivenName(toks[j+1].Text(text))) { // "Elizabeth I. Mary"
				return j + 2, false
			}
		}
		return j, false
	}
	if j+2 < len(toks) && cls[j+2]&clsName != 0 && isParticlePair(t.Text(text), toks[j+1].Text(text)) &&
		joined(text, toks[j-1], t) && joined(text, t, toks[j+1]) && joined(text, toks[j+1], toks[j+2]) {
		return j + 3, false
	}
	return j, false
}

// afterGivenName reports whether the initial at token k, in a run that
// starts at token i, follows a given name, directly or after other
// initials with their dots ("George H. W.").
func afterGivenName(text string, toks []Token, i, k int) bool {
	b := k - 1
	for b-1 >= i && isAbbrevDot(text, toks, b) {
		w := toks[b-1].Text(text)
		if len(w) != 1 || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		b -= 2
	}
	return b >= i && toks[b].Kind == Word && isGivenName(toks[b].Text(text))
}

// joined reports whether tokens a and b are apart by the spaces that join
// name words: one or two plain or no-break spaces.
func joined(text string, a, b Token) bool {
	return adjacent(text, a, b) || adjacentWide(text, a, b)
}

// particlePairs are the pairs of particles that stand together inside a
// name ("von der", "de la"), as first word → second words.
var particlePairs = map[string][]string{
	"von": {"der", "den"},
	"van": {"der", "den", "de"},
	"de":  {"la", "las", "los"},
}

// isParticlePair reports whether a and b are two particles that stand
// together inside a name (particlePairs).
func isParticlePair(a, b string) bool { return slices.Contains(particlePairs[a], b) }

// particleLead returns the first token of the particles that lead name
// token k after a title ("Ms. von der Leyen", "President de Klerk"), in
// feature set 6 on, or k when none do. Without a title before them, a
// name's own particles are not told from words of the sentence. The title
// is looked for first: it is the rarest of the conditions.
func particleLead(text string, toks []Token, cls []uint16, k int) int {
	for p := k - 1; p >= 1 && p >= k-2; p-- { // one particle, or a pair
		if b, _ := wordBefore(text, toks, p); cls[b]&clsTitle == 0 {
			continue
		}
		if p == k-1 && isParticle(toks[p].Text(text)) ||
			p == k-2 && isParticlePair(toks[p].Text(text), toks[p+1].Text(text)) && joined(text, toks[p], toks[p+1]) {
			if joined(text, toks[p-1], toks[p]) && joined(text, toks[k-1], toks[k]) {
				return p
			}
		}
	}
	return k
}

// wordBefore returns the token before token p (p > 0), or before the dot
// that ends it ("Mrs." before "May"), and whether there was such a dot.
func wordBefore(text string, toks []Token, p int) (b int, dotted bool) {
	b = p - 1
	if b >= 1 && isAbbrevDot(text, toks, b) {
		return b - 1, true
	}
	return b, false
}

// isAbbrevDot reports whether token b is a dot written straight after the
// token before it ("Mrs.", "W.", "St."), which the tokenizer keeps apart.
func isAbbrevDot(text string, toks []Token, b int) bool {
	t := toks[b]
	return t.Kind == Punct && t.Start == toks[b-1].End && text[t.Start:t.End] == "."
}

// particles may lead a surname ("van Gaal", "de Klerk", "bin Salman").
// Not "do", which is English far more often ("the Governor do Fox News").
var particles = []string{"von", "van", "de", "da", "di", "du", "del", "della", "dos", "das", "bin", "ten", "ter"}

func isParticle(w string) bool { return slices.Contains(particles, w) }

// pairFirst and particleLast hold the first letters of the words that may
// open a pair of particles, and of those that may end the particles before
// a name (a particle, or a pair's second word): appendMentions tries the
// particle rules only after a word that opens with one, a test of one
// byte for the words that cannot.
var pairFirst, particleLast = func() (first, last [256]bool) {
	for a, bs := range particlePairs {
		first[a[0]] = true
		for _, b := range bs {
			last[b[0]] = true
		}
	}
	for _, w := range particles {
		last[w[0]] = true
	}
	return first, last
}()

// isLeadingNonName reports whether token k, at the start of a run, is a
// title or a function word rather than part of the name.
func isLeadingNonName(text string, toks []Token, cls []uint16, k int) bool {
	if isConnector(toks[k].Text(text)) {
		return true
	}
	c := cls[k]
	if c&clsTitle != 0 {
		return true
	}
	if c&clsTitleModifier != 0 && k+1 < len(toks) {
		return cls[k+1]&(clsTitle|clsTitleModifier) != 0
	}
	// "Mr." is tokenised as "Mr" + "."; the dot is not a Word so the run
	// already stopped there. A plural common noun leads no name ("Shares
	// of eBay").
	return c&(clsCommonNoun|clsFunction) != 0
}

// titleStart returns where the title at token j of a run that starts at
// token i begins: at the first of the title modifiers right before it
// ("Prime Minister", "Senate Majority Leader" → "Majority"), or at j. The
// walk stops at a title, so the walks of a run's titles do not overlap: a
// long chain of titles and modifiers costs time linear in its length.
func titleStart(cls []uint16, i, j int) int {
	m := j
	for m > i && isModifier(cls[m-1]) {
		m--
	}
	return m
}

// isModifier reports whether a token of mention classes c is a title
// modifier and not a title.
func isModifier(c uint16) bool { return c&(clsTitleModifier|clsTitle) == clsTitleModifier }

// isTitleOf reports whether token k, at least the third of its run, is a
// title modifier that ends a title with "of" ("Secretary of State",
// "Minister of Finance"): it is dropped with the title before it. Only a
// Secretary or Minister takes one so: after other titles the words are an
// organisation's ("CEO of Home Depot", "Chairman of State Street",
// "Director of Health Canada").
func isTitleOf(text string, toks []Token, cls []uint16, k int) bool {
	if cls[k]&clsTitleModifier == 0 || toks[k-1].Text(text) != "of" {
		return false
	}
	switch toks[k-2].Text(text) {
	case "Secretary", "Minister", "SECRETARY", "MINISTER":
		return true
	}
	return false
}

// isHyphenTitle reports whether w, a word with a hyphen, is a hyphenated
// title: titles and title modifiers of feature set 5 joined by hyphens, a
// title last ("Secretary-General", "Vice-President", "Attorney-General").
// The parts after the first may be in lower case ("Vice-president").
func isHyphenTitle(w string) bool {
	for first := true; ; first = false {
		h, hs := indexHyphen(w)
		part := w
		if h >= 0 {
			part = w[:h]
		}
		title, ok := titlePart(part, first)
		if !ok {
			return false
		}
		if h < 0 {
			return title
		}
		w = w[h+hs:]
	}
}

// titlePart reports whether part, a part of a hyphenated word, is a title
// or a title modifier (ok), and whether it is a title. It is looked up
// capitalised: as it is when first, and when not, also from lower case.
func titlePart(part string, first bool) (title, ok bool) {
	var b [16]byte
	if len(part) == 0 || len(part) > len(b) {
		return false, false
	}
	w := b[:copy(b[:], part)]
	if c := w[0]; !first && 'a' <= c && c <= 'z' {
		w[0] = c - 'a' + 'A'
	}
	// The conversions in map indexes do not allocate.
	if _, ok := titles[string(w)]; ok {
		return true, true
	}
	_, ok1 := titleModifiers[string(w)]
	_, ok2 := titleModifiers5[string(w)]
	return false, ok1 || ok2
}

// fold5 returns the mention classes cls of a token as feature set 5 on
// sees them: its function words are function words and its title
// modifiers title modifiers.
func fold5(cls uint16) uint16 {
	if cls&clsFunction5 != 0 {
		cls |= clsFunction
	}
	if cls&clsTitleModifier5 != 0 {
		cls |= clsTitleModifier
	}
	return cls
}

// nonEntity are the classes of words that are no mention on their own.
const nonEntity = clsFunction | clsCommonNoun | clsDemonym | clsCalendar | clsTitle

var titles = setOf(
	"President", "Minister", "Chancellor", "Secretary", "Senator", "Sen", "Rep",
	"Representative", "Governor", "Gov", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Gen", "General", "Admiral", "Colonel", "Col",
	"Lt", "Captain", "Capt", "Sgt", "Judge", "CEO", "Chairman",
	"Chairwoman", "Chair", "Director", "Commissioner", "Ambassador", "Speaker", "Leader", "Coach",
	"Manager", "Striker", "Defender", "Midfielder", "Goalkeeper", "Sir", "Dame", "Lord", "Lady",
	"Sheikh", "Rabbi", "Presidents", "Ministers", "Senators", "Former",
)

// titleModifiers are dropped only before a title ("Foreign Minister", "Vice
// President"), since on their own they start names ("Health Canada").
var titleModifiers = setOf(
	"Vice", "Prime", "Foreign", "Defence", "Defense", "Finance", "Health", "Interior", "Deputy",
	"Acting", "Chief", "Executive", "Economy", "Trade", "Justice", "Labor", "Labour", "Energy",
	"Agriculture", "Education", "Transport", "Home", "State", "Opposition", "Party", "Army",
)

// titleModifiers5 are title modifiers of feature set 5 on: dropped only
// before a title ("Attorney General", "First Minister", "Crown Prince"),
// as they start names too ("Crown Resorts", "First Republic").
var titleModifiers5 = setOf(
	"Crown", "Attorney", "Solicitor", "Surgeon", "Lieutenant", "Supreme", "First", "Majority",
	"Minority", "Press", "Treasury", "Commerce", "Inspector", "Associate", "Assistant",
)

// functionWords5 are function words of feature set 5 on: no name alone
// and dropped from the front of a run ("Neither Tehran nor Washington").
var functionWords5 = setOf(
	"Neither", "Either", "Whether", "Unlike", "Like", "Following", "Once", "Until", "Unless",
	"Among", "Between", "Through", "Within", "Across", "Upon", "Perhaps", "Whereas", "Whatever",
	"Another", "Other",
)

var functionWords = setOf(
	"The", "A", "An", "This", "That", "These", "Those", "There", "Here", "He", "She", "It", "They",
	"We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "Nor",
	"In", "On", "At", "By", "For", "From", "To", "With", "Without", "Of", "As", "After", "Before",
	"When", "While", "If", "Although", "Though", "Because", "Since", "Yet", "So", "Meanwhile",
	"However", "Still", "Then", "Now", "Why", "What", "Who", "Whom", "Whose", "Which", "Where", "How",
	"Not", "No", "Yes", "All", "Some", "Many", "Most", "Few", "Both", "Each", "Every", "Any", "One",
	"Two", "Three", "Under", "Over", "Amid", "Despite", "During", "Against", "About", "Asked",
	"According", "Also", "Even", "Only", "Just", "Last", "Next", "Earlier", "Later", "Today",
	"Tonight", "Yesterday", "Tomorrow", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could",
	"Should", "May", "Might", "Must", "Do", "Does", "Did", "Has", "Have", "Had", "Let", "OK",
)

// commonNouns are capitalised at the start of a sentence far more often
// than they name anything.
var commonNouns = setOf(
	"Analysts", "Officials", "Critics", "Experts", "Investors", "Residents", "Protesters",
	"Lawmakers", "Police", "Authorities", "Scientists", "Doctors", "Researchers", "Workers", "Fans",
	"Voters", "Sources", "Shares", "Markets", "Prices", "Stocks", "Supporters", "Opponents",
	"Activists", "Campaigners", "Citizens", "People", "Leaders", "Ministers", "Diplomats", "Troops",
	"Soldiers", "Rebels", "Militants", "Migrants", "Refugees", "Patients", "Students", "Teachers",
	"Parents", "Farmers", "Unions", "Regulators", "Prosecutors", "Judges", "Lawyers", "Witnesses",
	"Observers", "Commentators", "Economists", "Traders", "Shareholders", "Customers", "Users",
	"Players", "Coaches", "Teams", "Clubs", "Companies", "Banks", "Governments", "Countries",
	"Sanctions", "Talks", "Negotiations", "Elections", "Polls", "Reports", "Documents", "Data",
	"Several", "Others", "Many", "Most", "Some", "Thousands", "Hundreds", "Dozens", "Millions",
)

// commonWordsText is names/common.txt, written for stancekit: common
// English words, one lower-case word form a line, that often open a
// sentence or a post ("floods", "speaking", "huge") and are seldom a name
// on their own. Words that are also common names ("apple", "bush",
// "turkey", "may") are left out: a name lost costs more than a bogus one.
//
//go:embed names/common.txt
var commonWordsText string

// isCommonWord reports whether w is a common word capitalised, as it
// opens a sentence ("Floods"). The list is looked up only for the first
// word of a sentence, when it stands alone, so it has a table of its own
// rather than a place in the term table that every token is looked up in.
func isCommonWord(w string) bool {
	_, ok := commonWords()[w]
	return ok
}

// commonWords returns the common words, capitalised as they open a
// sentence ("Floods"). It panics on a line that is not lower-case ASCII
// letters, a defect in the list that the tests catch.
var commonWords = sync.OnceValue(func() map[string]struct{} { return capitalised("names/common.txt", commonWordsText) })

// givenNamesText is names/given.txt, written for stancekit: common given
// names, one a line in lower case, after which "May" is a surname and a
// capital with a dot is a middle initial (feature set 6).
//
//go:embed names/given.txt
var givenNamesText string

// givenNames returns the given names, capitalised ("Theresa"). It panics
// as commonWords does.
var givenNames = sync.OnceValue(func() map[string]struct{} { return capitalised("names/given.txt", givenNamesText) })

// capitalised returns the words of a list, one a line in lower-case ASCII
// letters, capitalised. It panics on any other line, naming the file: a
// defect in the list that the tests catch.
func capitalised(file, text string) map[string]struct{} {
	m := make(map[string]struct{}, 4096)
	for line := range strings.Lines(text) {
		w := strings.TrimSpace(line)
		if w == "" {
			continue
		}
		for i := range len(w) {
			if w[i] < 'a' || w[i] > 'z' {
				panic("features: " + file + " entry " + w + " is not lower-case ASCII")
			}
		}
		m[string(w[0]-'a'+'A')+w[1:]] = struct{}{}
	}
	return m
}

func isCalendarWord(w string) bool {
	_, ok := calendarWords[w]
	return ok
}

func isDemonym(w string) bool {
	_, ok := demonyms[w]
	return ok
}

var calendarWords = setOf(
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday",
)
