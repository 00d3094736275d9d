package features

import (
	_ "embed"
	"sync"
)

// Feature set 9's name finder rules, all for headlines:
//   - a headline in title case may hold in lower case brands written in
//     camel case ("iPhone", "eBay"), particles ("al-Sharaa", "bin"), units
//     after a number ("$600bn") and the longer prepositions some styles
//     leave so ("with", "from"; headlineLower9, which isHeadline asks);
//   - in a headline in title case, the words of names/headline.txt, the
//     verbs and common nouns headlines are made of, break names as
//     headlineVerbs do, but after a given name ("Kim Jong-un Oversees
//     Missile Test" → "Kim Jong-un"; "Maxine Waters" stays), and so does a
//     form in "s" of a common word after a plain name word (isVerbS9,
//     afterPlainName9: "Musk Tweets Apology");
//   - a verb after "to", "Not" or a modal is no name, nor is the modal
//     "Will", "Can" or "May" before it (verbsAfter9: "Vows To Block EU
//     Sanctions", "Tesla Will Build …");
//   - a run of name words ends in no common word but one that heads a
//     name (trimRuns9: "Brasília Ceremony" → "Brasília");
//   - "Of" joins names (isCapitalOf9: "Bank Of Japan"), a word in capitals
//     is an acronym, never a common word (isAcronymAt9: "New START"), and an
//     ordinal before no title is no name (isOrdinal9);
//   - after a title of feature set 8's, a surname alone is a name in a
//     headline too, when it is no word headlines are made of
//     (headlineSurname9: "Sheriff Arpaio Defies …"), and such a title
//     left alone is none ("Sheriff Resigns After Audit");
//   - "PM" before a name word is a title, in any sentence (pmTitles9:
//     "UK PM Keir Starmer");
//   - in a headline in capitals, function words and short common words
//     are no names ("SENATE CLEARS STOPGAP BILL IN LATE-NIGHT VOTE";
//     capsFunction9, isShortCommon9), nor "OF" and "AND" but between
//     names (capsConnectors9).
//
// isHeadline, headlineNames, appendMentions, surnameAlone and prepare call
// them.

// headlineLower9 reports whether t, a word that begins in lower case and
// has the mention classes nc, leaves a headline in title case from
// feature set 9 on: a brand in camel case, which isNameToken takes for a
// name word for its capital after the first letter ("iPhone", "eBay",
// "easyJet", "xAI"); a particle of a name ("bin", "al-Sharaa"; "es" too,
// though "Dar es Salaam" stays two names, as "es" joins none); a unit
// after a number ("$600bn", "5m"); or a preposition of four letters or
// more that some styles leave in lower case ("Talks Resume with Iran").
func headlineLower9(text string, t Token, nc uint16) bool {
	if nc&clsName != 0 {
		return true // a capital inside: "iPhone" (isNameToken)
	}
	if t.Start > 0 && '0' <= text[t.Start-1] && text[t.Start-1] <= '9' {
		return true // "$600bn"
	}
	w := t.Text(text)
	switch {
	case len(w) > 3 && w[2] == '-':
		w = w[:2] // "al-Sharaa"
	case len(w) > 4 && w[3] == '-':
		w = w[:3] // "bin-…"
	case len(w) > 5:
		return false // longer than any word below: most words of a sentence, at once
	}
	switch w {
	case "with", "from", "into", "over", "amid", "than", "onto", "upon", "after", "about", "es", "ibn", "el":
		return true
	}
	return isConnector(w)
}

// isCapitalOf9 reports whether token k is "Of" as headlines in title case
// that capitalise every word spell it, after a word that heads a name: a
// connector there from feature set 9 on ("Bank Of Japan", "Strait Of
// Hormuz", "Court Of Appeal"; not "Accuses Obama Of Wiretapping").
func isCapitalOf9(text string, toks []Token, k int) bool {
	return k > 0 && toks[k].Text(text) == "Of" && isRunHead9(toks[k-1].Text(text))
}

// capsConnectors9 takes the name class off "OF", "AND" and "&" in a
// headline in capitals, from feature set 9 on, unless name words stand
// on both sides ("BANK OF ENGLAND"): alone or at a run's end they are no
// names ("POWELL WARNS OF STICKY INFLATION", "AHEAD OF NATO SUMMIT").
func capsConnectors9(text string, toks []Token, names []uint16) {
	for i, t := range toks {
		if names[i]&clsName == 0 || t.Kind != Word {
			continue
		}
		if w := t.Text(text); w != "OF" && w != "AND" {
			continue
		}
		if i > 0 && i+1 < len(toks) && names[i-1]&clsName != 0 && names[i+1]&clsName != 0 &&
			joined(text, toks[i-1], t) && joined(text, t, toks[i+1]) {
			continue
		}
		names[i] &^= clsName | clsHyphen
	}
}

// capsFunction9 reports whether w, a word of a headline in capitals, is a
// function word ("IN", "TO", "THE", "AROUND") or a modal ("COULD"), no
// name there from feature set 9 on. The connectors "OF" and "AND" are
// not among them ("BANK OF ENGLAND"; capsConnectors9), nor "WILL" and
// "CAN", which verbsAfter9 reads ("WILL SMITH", "META WILL SPEND").
func capsFunction9(w string) bool {
	switch w {
	case "A", "AN", "THE", "IN", "ON", "AT", "TO", "BY", "AS", "IS", "IT", "BE", "OR", "NO", "NOT",
		"ITS", "HIS", "HER", "OUT", "UP", "OFF", "BUT", "ARE", "WAS", "HAS", "HAD", "WE", "HE",
		"SHE", "ALL", "NOW", "TOO", "YET", "VIA", "PER", "VS", "FOR", "ABOUT", "ABOVE", "ACROSS",
		"AFTER", "AGAINST", "AHEAD", "AMID", "AMONG", "AROUND", "BEFORE", "BEHIND", "BELOW",
		"BETWEEN", "BEYOND", "DESPITE", "DURING", "FROM", "INSIDE", "INTO", "NEAR", "ONTO", "OVER",
		"PAST", "SINCE", "THAN", "THROUGH", "TOWARD", "TOWARDS", "UNDER", "UNTIL", "UPON", "WITH",
		"WITHIN", "WITHOUT", "WHILE", "WHEN", "WHERE", "WHAT", "WHY", "HOW", "THAT", "THIS", "THESE",
		"THOSE", "THEIR", "THEY", "COULD", "WOULD", "SHOULD", "MUST":
		return true
	}
	return false
}

// inCapitals reports whether no word of toks has a letter in lower case:
// a headline in capitals.
func inCapitals(text string, toks []Token) bool {
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		for i := t.Start; i < t.End; i++ {
			if c := text[i]; 'a' <= c && c <= 'z' {
				return false
			}
		}
	}
	return true
}

// headlineWordsText is names/headline.txt, written for stancekit: verbs
// in the forms headlines use and the common nouns and adjectives they are
// made of, one a line in lower case, which in a headline in title case
// are almost never part of a name. Words that open or end names, or are
// names themselves, are left out ("target", "block", "party", "court",
// "will", "rally").
//
//go:embed names/headline.txt
var headlineWordsText string

// headlineWords9 returns the words of names/headline.txt, capitalised.
var headlineWords9 = sync.OnceValue(func() map[string]struct{} { return capitalised("names/headline.txt", headlineWordsText) })

// isHeadlineWord9 reports whether key, a word of a headline as
// headlineKey spells it, is one of names/headline.txt.
func isHeadlineWord9(key []byte) bool {
	_, ok := headlineWords9()[string(key)]
	return ok
}

// isVerbS9 reports whether key, a word of a headline as headlineKey spells
// it, is a form in "s" or "es" of a word of names/headline.txt or of a
// common word ("Sides", "Addresses", "Hands"), and neither a common word
// itself ("Rights"), one that heads names ("Democrats", "Airlines") nor a
// surname of surnamesS9. Such a word after a name word that is no common
// word is the headline's verb ("Musk Tweets Apology"); elsewhere it may be
// a plural inside a name ("Human Rights Watch"), so headlineNames tests it
// only there, and trimRuns9 at a run's end.
func isVerbS9(key []byte) bool {
	n := len(key)
	if n < 4 || key[n-1] != 's' || key[n-2] == 's' || key[n-2] == 'u' || key[n-2] == 'i' {
		return false
	}
	if isRunHead9(string(key)) || orgWord(string(key), 0) {
		return false // "Rights": a plural the common words hold is no verb; "Securities"
	}
	if _, ok := surnamesS9[string(key)]; ok {
		return false // "Maxine Waters"
	}
	m := headlineWords9()
	stem := key[:n-1]
	if _, ok := m[string(stem)]; ok || isCommonWord(string(stem)) {
		return true
	}
	if key[n-2] == 'e' && n >= 5 {
		stem = key[:n-2]
		if _, ok := m[string(stem)]; ok || isCommonWord(string(stem)) {
			return true
		}
	}
	return false
}

// surnamesS9 are surnames that are forms in "s" of common words, which
// isVerbS9 must not take for verbs after a name ("Maxine Waters", "Tiger
// Woods", "Jeff Sessions"): those of names/given.txt's reach alone would
// miss most.
var surnamesS9 = setOf(
	"Waters", "Woods", "Banks", "Fields", "Rivers", "Mills", "Hills", "Brooks", "Wells", "Burns",
	"Sessions", "Powers", "Summers", "Gates", "Jobs", "Stokes", "Holmes", "Hayes", "Rhodes", "Combs",
	"Downs", "Childs", "Parsons", "Sanders", "Walters", "Roberts", "Williams", "Edwards", "Stevens",
	"Harris", "Evans", "Phillips", "Peters", "Richards", "Matthews", "Reynolds", "Simmons", "Jones",
	"Adams", "Collins", "Owens", "Hughes", "Rogers", "Watts", "Sears", "Spears", "Barnes", "Knowles",
	"Styles", "Hurts", "Keys", "Lyons", "Coates",
)

// afterPlainName9 reports whether token i follows a name word that is no
// common word, no word of names/headline.txt, no given name, no word that
// heads a name and no place: the subject of a headline's verb ("Musk
// Tweets …"; not "Human Rights", "Steve Jobs", "Kansas City Chiefs",
// "Dallas Cowboys").
func afterPlainName9(text string, toks []Token, names []uint16, i int) bool {
	if i == 0 || names[i-1]&clsName == 0 || toks[i-1].Kind != Word || !adjacent(text, toks[i-1], toks[i]) {
		return false
	}
	var buf [24]byte
	key, ok := headlineKey(&buf, toks[i-1].Text(text))
	if !ok {
		return true // an acronym: "FAA Grounds …"
	}
	return !isCommonKey9(key, names[i-1]) && !isRunHead9(string(key)) && !isGivenName(string(key)) &&
		!isPlace(string(key)) // "Dallas Cowboys"
}

// trimRuns9 takes the name class off the common words that end a run of
// name words in a headline in title case after a word that is none
// ("Brasília Ceremony" → "Brasília", "Conservative Party Leadership Race"
// → "Conservative Party"), from feature set 9 on: in title case a common
// word's capital says nothing, and a name seldom ends in one unless it is
// a word that heads an organisation's or a place's name (isRunHead9). A
// run of common words alone is commonRuns' to judge. headlineNames calls
// it after commonRuns.
func trimRuns9(text string, toks []Token, names []uint16, caps bool) {
	var buf [24]byte
	for i := 0; i < len(toks); {
		if names[i]&clsName == 0 || toks[i].Kind != Word {
			i++
			continue
		}
		j := nameRunEnd(text, toks, names, i, false) // not across connectors: "Bank of" is no run to trim
		// From the end, drop common words while a word that is none
		// stays before them.
		k := j
		for k > i+1 && isTrimmable9(&buf, text, toks, names, i, k-1, caps) {
			k--
		}
		if k < j && !allCommon9(&buf, text, toks, names, i, k, caps) {
			for m := k; m < j; m++ {
				names[m] &^= clsName | clsHyphen
			}
		}
		i = j
	}
}

// isTrimmable9 reports whether token m, a name word of a headline's run
// that starts at token i, is a common word that ends no name: of
// names/common.txt, a common noun or a word of names/headline.txt, and no
// title, demonym or word that heads a name; or a form in "s" of such a
// word (isVerbS9), but not after a word that heads a name or a place
// ("Kansas City Chiefs", "Green Bay Packers", "Dallas Cowboys"). Neither
// is after a given name that opens the run ("Steve Jobs", "Maxine
// Waters").
func isTrimmable9(buf *[24]byte, text string, toks []Token, names []uint16, i, m int, caps bool) bool {
	c := names[m]
	if !caps && spelling(toks[m].Text(text)) == spellUpper {
		return false
	}
	if c&(clsTitle|clsTitleModifier|clsDemonym|clsDemonym7|clsHyphen) != 0 {
		return false
	}
	key, ok := headlineKey(buf, toks[m].Text(text))
	if !ok {
		return false
	}
	if isRunHead9(string(key)) || m-1 == i && isGivenNameAt(text, toks, i) {
		return false // "Maxine Waters", "Steve Jobs"
	}
	if isCommonKey9(key, c) {
		return true
	}
	if !isVerbS9(key) {
		return false
	}
	var pbuf [24]byte
	prev, ok := headlineKey(&pbuf, toks[m-1].Text(text)) // "KANSAS CITY" as "Kansas City"
	if !ok || isRunHead9(string(prev)) {
		return false
	}
	return !isPlace(string(prev))
}

// isCommonKey9 reports whether key, a name word of mention classes c as
// headlineKey spells it, is a common word in a headline: a common noun of
// the word classes, a word of names/common.txt or of names/headline.txt.
func isCommonKey9(key []byte, c uint16) bool {
	return c&clsCommonNoun != 0 || isCommonWord(string(key)) || isHeadlineWord9(key)
}

// allCommon9 reports whether the name words toks[i:k] are all common
// words (isTrimmable9 but for heads): then the run is commonRuns' to
// judge, not cut.
func allCommon9(buf *[24]byte, text string, toks []Token, names []uint16, i, k int, caps bool) bool {
	for m := i; m < k; m++ {
		if names[m]&clsName == 0 {
			continue
		}
		if !caps && spelling(toks[m].Text(text)) == spellUpper {
			return false
		}
		key, ok := headlineKey(buf, toks[m].Text(text))
		if !ok {
			return false
		}
		if !isCommonKey9(key, names[m]) {
			return false
		}
	}
	return true
}

// isRunHead9 reports whether w ends names: a word that heads an
// organisation's, a place's, a building's or a party's name, or one of
// runHeads9.
func isRunHead9(w string) bool {
	if isOrgHead(w) || isPlaceHead(w) || isHeads8(w) {
		return true
	}
	_, ok := runHeads9[w]
	return ok
}

// runHeads9 are more words that end names of places, teams and firms.
var runHeads9 = setOf(
	"City", "County", "State", "Province", "Region", "Republic", "Airlines", "Airways", "Holdings",
	"Partners", "Capital", "Industries", "Systems", "Technologies", "Brothers", "Act", "Agreement",
	"Treaty", "Accord", "Pact", "Garden", "Gardens", "Music", "Records", "Studios", "Pictures",
	"Entertainment", "Collider", "Telescope",
)

// verbsAfter9 takes the name class off a verb that follows "to", a modal
// or "Not" in a headline in title case, from feature set 9 on ("Vows To
// Block EU Sanctions" → "EU"; "Ruling Could Decide National Rally's …";
// "Nvidia Will Build AI Supercomputers"): a word of names/headline.txt,
// the headline verbs or verbHomonyms9 there is a verb, but for a given
// name before a name word ("Send Letter To Mark Zuckerberg"). "Will",
// "Can" and "May" before such a verb are modals, no names either ("Tesla
// Will Build …"), and so are "Will" and "Can" after a name word but a
// given name ("META WILL SPEND …"); "WILL FERRELL TO STAR" keeps his
// name, as "FERRELL" is no verb. headlineNames calls it before it cuts
// and trims runs.
func verbsAfter9(text string, toks []Token, names []uint16, caps bool) {
	var buf [24]byte
	for i := 0; i+1 < len(toks); i++ {
		w := toks[i].Text(text)
		modal := false
		switch w {
		case "to", "To", "TO", "Not", "NOT", "Never", "NEVER", "Could", "COULD", "Would", "WOULD",
			"Should", "SHOULD", "Must", "MUST", "Might", "MIGHT":
		case "Will", "WILL", "Can", "CAN", "May", "MAY":
			modal = true
		default:
			continue
		}
		n := i + 1
		if (w == "Will" || w == "WILL" || w == "Can" || w == "CAN") && names[i]&clsName != 0 && i > 0 && names[i-1]&clsName != 0 &&
			toks[i-1].Kind == Word && adjacent(text, toks[i-1], toks[i]) && !isGivenNameAt(text, toks, i-1) {
			names[i] &^= clsName | clsHyphen // "META WILL SPEND …", "Tesla Will Face …"; "Will Smith" stays
		}
		if toks[n].Kind != Word || names[n]&clsName == 0 || !joined(text, toks[i], toks[n]) {
			continue
		}
		if modal && (w == "Will" || w == "Can" || w == "May") && i > 0 && names[i-1]&clsName != 0 && isGivenNameAt(text, toks, i-1) {
			continue // "Theresa May Warns …"
		}
		if n+1 < len(toks) && names[n+1]&clsName != 0 && toks[n+1].Kind == Word && adjacent(text, toks[n], toks[n+1]) && isGivenNameAt(text, toks, n) {
			continue // "Send Letter To Mark Zuckerberg", "Talks To Bill Gates"
		}
		if n+1 < len(toks) && (toks[n+1].Text(text) == "Not" || toks[n+1].Text(text) == "NOT") {
			// "Will Not Back …": the verb comes after "Not", which takes it.
			if modal {
				names[i] &^= clsName | clsHyphen
			}
			continue
		}
		if !caps && spelling(toks[n].Text(text)) == spellUpper {
			continue
		}
		key, ok := headlineKey(&buf, toks[n].Text(text))
		if !ok || !isVerbLike9(key) {
			continue
		}
		names[n] &^= clsName | clsHyphen
		if modal {
			names[i] &^= clsName | clsHyphen
		}
	}
}

// afterGivenName9 reports whether token i directly follows a given name
// that is a name word: a surname, though a word of names/headline.txt
// ("Maxine Waters", "Jalen Hurts").
func afterGivenName9(text string, toks []Token, names []uint16, i int) bool {
	return i > 0 && names[i-1]&clsName != 0 && toks[i-1].Kind == Word && adjacent(text, toks[i-1], toks[i]) && isGivenNameAt(text, toks, i-1)
}

// isGivenNameAt reports whether token k is a given name of
// names/given.txt, as headlineKey spells it.
func isGivenNameAt(text string, toks []Token, k int) bool {
	var buf [24]byte
	key, ok := headlineKey(&buf, toks[k].Text(text))
	if !ok {
		return false
	}
	return isGivenName(string(key))
}

// isVerbLike9 reports whether key, a word as headlineKey spells it, can be
// the verb after "to" or a modal: one of names/headline.txt, a headline
// verb or a word of verbHomonyms9 (not any common word: "Successor to
// Large Hadron Collider").
func isVerbLike9(key []byte) bool {
	if isHeadlineWord9(key) || isHeadlineVerb7(key) {
		return true
	}
	if _, ok := headlineVerbs[string(key)]; ok {
		return true
	}
	_, ok := verbHomonyms9[string(key)]
	return ok
}

// verbHomonyms9 are verbs that are also names, or open them, and so are
// left out of names/headline.txt and the headline verbs, but after "to"
// or a modal are verbs ("Vows To Block …", "Plans To Target …").
var verbHomonyms9 = setOf(
	"Block", "Target", "Trade", "Back", "Fire", "Order", "Report", "Push", "Reach", "Split", "Keep",
	"Host", "Cut", "Mark", "Bill", "Grant", "Post", "Watch", "Buy", "Rally", "Reform", "Rise",
	"Face", "Win", "Lead", "Sell", "Close", "Open", "Hold", "Pay", "Move", "Join", "Stand", "Hit",
	"Ban", "Fight", "Run", "Play", "Start", "End", "Launch", "Raise", "Drop", "Return", "Seek",
	"Visit", "Meet", "Sign", "Step", "Sue", "Strike", "Pull", "Save", "Shape", "Turn", "Survive",
)

// isShortCommon9 reports whether w, a word of three capitals in a headline
// in capitals, is a common word there rather than an acronym ("NEW",
// "SIX", "TOP"; not "WHO", "ICE" or "ACT", which name bodies).
func isShortCommon9(w string) bool {
	if len(w) != 3 || w == "WHO" || w == "ICE" || w == "ACT" {
		return false
	}
	var buf [3]byte
	buf[0] = w[0]
	for i := 1; i < 3; i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			return false
		}
		buf[i] = c + 'a' - 'A'
	}
	_, ok := commonWords()[string(buf[:])]
	return ok
}

// isAcronymAt9 reports whether token k of a headline in title case, whose
// first word is token first, is an acronym — ASCII capitals only, two or
// more (spellUpper): in title case never a common word in capitals, as in
// a headline in capitals ("New START", "OPEC") — but for a kicker in
// capitals that opens the line before a colon ("LIVE: Trump Speaks …").
func isAcronymAt9(text string, toks []Token, k, first int) bool {
	if spelling(toks[k].Text(text)) != spellUpper {
		return false
	}
	return k != first || k+1 >= len(toks) || toks[k+1].Text(text) != ":"
}

// isOrdinal9 reports whether w is an ordinal that headlines capitalise
// ("First", "Third"): a title modifier, but before no title and after the
// first word of a headline no name from feature set 9 on ("… to Win First
// Wimbledon Title"; "First Lady …", "First Republic Bank Collapses" stay).
func isOrdinal9(w string) bool {
	switch w {
	case "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth":
		return true
	}
	return false
}

// headlineSurname9 reports whether the word after the title at token i
// (after its abbreviation's dot, if any) of a headline in title case is a
// surname alone there: no common word, word of names/headline.txt, verb
// of a headline or form in "s" of a common word, no word in "ed" or "ing"
// but a few surnames ("Sheriff Arpaio Defies Court Order", "Congressman
// Gaetz Resigns", "Imam Ahmed"; not "Sheriff Resigns", "Officer Down",
// "Sheriff Overstepped"), and no acronym. Feature set 9 on; surnameAlone
// asks.
func headlineSurname9(text string, toks []Token, i int) bool {
	n := i + 1
	if n+1 < len(toks) && toks[n].Text(text) == "." {
		n++
	}
	if n >= len(toks) || spelling(toks[n].Text(text)) == spellUpper {
		return false
	}
	var buf [24]byte
	key, ok := headlineKey(&buf, toks[n].Text(text))
	if !ok || isCommonWord(string(key)) || isVerbLike9(key) || isVerbS9(key) { // isVerbLike9 holds the headline verbs
		return false
	}
	if n := len(key); n >= 5 && (key[n-2] == 'e' && key[n-1] == 'd' || n >= 6 && string(key[n-3:]) == "ing") {
		_, ok := surnamesEd9[string(key)]
		return ok // "Sheriff Overstepped …" is a verb; "Sheriff Ahmed" a surname
	}
	return true
}

// surnamesEd9 are surnames ending in "ed" that headlineSurname9 takes for
// surnames after a title, where other such words are verbs.
var surnamesEd9 = setOf("Ahmed", "Mohammed", "Mohamed", "Muhammed", "Saeed", "Rasheed", "Javed", "Hamed", "Reed", "Creed", "Steed")

// pmTitles9 gives the title class to "PM", the prime minister's title,
// before a name word joined to it, but after a number ("5 PM Eastern"),
// from feature set 9 on: "UK PM Keir Starmer" → "UK", "Keir Starmer";
// "PM Modi Meets Putin" → "Modi". prepare calls it when a name token is
// "PM".
func pmTitles9(text string, toks []Token, names []uint16) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text(text) != "PM" || names[i]&clsName == 0 || names[i+1]&clsName == 0 || toks[i+1].Kind != Word ||
			!joined(text, toks[i], toks[i+1]) {
			continue
		}
		if i > 0 && toks[i-1].End > toks[i-1].Start {
			if c := text[toks[i-1].End-1]; '0' <= c && c <= '9' {
				continue // "5 PM Eastern", "10:30 PM ET"
			}
		}
		names[i] |= clsTitle
	}
}
