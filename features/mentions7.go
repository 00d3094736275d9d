package features

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Feature set 7's name finder rules: words that join a name across "for",
// "and" and "'s" ("Office for National Statistics", "Food and Drug
// Administration", "People's Republic of China", "McDonald's"); names
// that a run held together where they are two: a person and the place
// after "of" ("Jeff Flake of Arizona"), two places joined by a hyphen
// ("US-China"); names that are none: a party-and-state tag after a
// lawmaker's name ("R-Wis."), a demonym the word classes lack
// ("Philippine", "South Korean"); and in a headline in title case more
// verbs that break names, and no name of common words alone ("… as
// Shutdown Deadline Looms"). appendMentions calls join7, personOf,
// splitHyphen and isDemonymRun; headlineNames calls commonRuns.

// join7 returns the index past the tokens that feature set 7 joins to a
// run (which starts at token i) at token j, which is "for", "and" or a
// possessive "'s", or j when it joins none, and whether they end the run:
//   - "for" after a word of orgHeads, before a word of an organisation's
//     name (orgWord), or a demonym and such a word ("Office for National
//     Statistics", "Center for American Progress");
//   - "and" between words of organisation names (andJoins), or in a
//     country's name ("Trinidad and Tobago");
//   - "'s" inside a name after a saint's given name ("St. Peter's
//     Square"), or after People, Women, Children or Men before words of
//     which one is an organisation's ("People's Republic of China"), and
//     "'s" ending the names of brandsS ("McDonald's"), which ends the
//     run.
//
// "and" joins nothing in a headline in title case (headline), whose words
// are all capitalised; "for" does, as before a name the word after it is
// no word of an organisation's ("… Visit Supreme Court for Brett Kavanaugh
// Investiture").
func join7(text string, toks []Token, cls []uint16, i, j int, headline, v8 bool, rs *runScan) (int, bool) {
	t := toks[j]
	if j+1 >= len(toks) && t.Kind != Clitic {
		return j, false
	}
	switch t.Kind {
	case Clitic:
		w := t.Text(text)
		if (w != "'s" && w != "’s") || t.Start != toks[j-1].End {
			return j, false
		}
		prev := toks[j-1].Text(text)
		if _, ok := brandsS[prev]; ok && (j == i+1 || j == i+2 && cls[i]&clsFunction != 0) { // "The McDonald's"
			return j + 1, true // "McDonald's"
		}
		if j+1 >= len(toks) || cls[j+1]&clsName == 0 || cls[j+1]&(clsFunction|clsTitle|clsCalendar) != 0 || !joined(text, t, toks[j+1]) {
			return j, false
		}
		// A saint's name ("St. Peter's Square", not "St. Louis's Busch
		// Stadium"), or People, Women, Children or Men before words of an
		// organisation's name ("People's Liberation Army", "Women's World
		// Cup", not "Arsenal Women's Alessia Russo").
		if j-3 >= i && toks[j-3].Text(text) == "St" && isAbbrevDot(text, toks, j-2) && isGivenName(prev) {
			return j + 2, false
		}
		if prev == "People" || prev == "Women" || prev == "Children" || prev == "Men" {
			for e := j + 1; e < len(toks) && cls[e]&clsName != 0 && cls[e]&clsTitle == 0 && joined(text, toks[e-1], toks[e]); e++ {
				if w := toks[e].Text(text); orgWord(w, cls[e]) || isOrgHead(w) {
					return j + 2, false
				}
			}
		}
	case Word:
		w := t.Text(text)
		if w != "for" && w != "and" || cls[j+1]&clsName == 0 || cls[j+1]&(clsFunction|clsTitle|clsCalendar) != 0 ||
			!joined(text, toks[j-1], t) || !joined(text, t, toks[j+1]) {
			return j, false
		}
		if w == "for" {
			// "Office for National Statistics", "Center for American
			// Progress", but not "left the Commission for Google", "asked
			// the European Union for Patriot batteries", "the Home Office
			// for British citizenship": the word after "for" is one that
			// organisations' names are made of, or a demonym before one.
			if !isOrgHead(toks[j-1].Text(text)) {
				return j, false
			}
			if next := toks[j+1].Text(text); cls[j+1]&clsDemonym == 0 && orgWord(next, cls[j+1]) ||
				cls[j+1]&clsDemonym != 0 && j+2 < len(toks) && cls[j+2]&clsName != 0 && orgWord(toks[j+2].Text(text), cls[j+2]) && joined(text, toks[j+1], toks[j+2]) {
				return j + 2, false
			}
			return j, false
		}
		if headline {
			return j, false // "Britain and France": the capitals tell nothing here
		}
		if n := andJoins(text, toks, cls, i, j, v8, rs); n > j {
			return n, false
		}
	}
	return j, false
}

// andJoins returns the index past the words that "and" at token j joins to
// the run that starts at token i, or j. It joins:
//   - the words of a country's name (isAndCountry: "Bosnia and
//     Herzegovina");
//   - a given name, first in the run, to a name of two words or more that
//     ends in a word of orgHeads ("Bill and Melinda Gates Foundation");
//   - after a word of an organisation's name (orgWord: "Food", "Drug"),
//     such words, the last of them a word of orgHeads or "Services", to a
//     run with no such word ("Food and Drug Administration", "U.S. Fish and
//     Wildlife Service", "Health and Human Services"), but not a
//     department's short name ("Treasury and State Department");
//   - after such a word that follows a head word and "of" or "for", such
//     words alone, with no head word ("Office of Management and Budget",
//     "Centers for Disease Control and Prevention", but not "Ministry of
//     Defence and Foreign Office").
//
// Names joined by "and" are more often two ("Britain and France", "Clinton
// and State Department"): a word that is not orgWord before "and", or a
// plural noun ("Police and Fire Department"), keeps them apart.
func andJoins(text string, toks []Token, cls []uint16, i, j int, v8 bool, rs *runScan) int {
	prev, next := toks[j-1].Text(text), toks[j+1].Text(text)
	if isAndCountry(prev, next) {
		return j + 2
	}
	// The name words after "and", up to a title, a connector or a break,
	// or after a compound whose second part ends the name ("Human
	// Services-run").
	e := j + 2
	for e < len(toks) && cls[e]&clsName != 0 && cls[e]&clsTitle == 0 && joined(text, toks[e-1], toks[e]) &&
		!(cls[e-1]&clsHyphen != 0 && cutsCompoundV(toks[e-1].Text(text), v8, e-1 > j+1)) {
		e++
	}
	if cls[e-1]&clsHyphen != 0 && cutsCompoundV(toks[e-1].Text(text), v8, e-1 > j+1) {
		return j // the cut is made later, on the run as a whole
	}
	lastHead := isOrgHead(toks[e-1].Text(text))
	if lastHead && (j-1 == i || cls[j-2]&clsFunction != 0) && isGivenName(prev) && e-(j+1) >= 2 {
		return e // "Bill and Melinda Gates Foundation"
	}
	if cls[j-1]&(clsTitle|clsFunction|clsCommonNoun) != 0 || !orgWord(prev, cls[j-1]) && !(v8 && isCoCompound(prev)) {
		return j // "Police and Fire Department": a plural noun leads no name
	}
	// The run before "and": a head word, followed by "of" or "for".
	head, of := rs.scan(text, toks, i, j)
	if !head {
		// "Food and Drug Administration", "Energy and Commerce
		// Committee", not "Treasury and State Department": a title modifier
		// and "Department", "Office" or "Ministry" are a department's
		// short name.
		// "Services" ends an agency's name too ("Health and Human
		// Services"), but not a body's of its own after a head
		// ("Department of Health and Human Services", below).
		if (lastHead || toks[e-1].Text(text) == "Services") && orgWord(next, cls[j+1]) && !(e == j+3 && cls[j+1]&clsTitleModifier != 0 && isDepartment(toks[j+2].Text(text))) {
			return e
		}
		return j
	}
	// "Department of Health and Human Services", not "Ministry of Defence
	// and Foreign Office", "Foreign Office and Treasury": the words
	// after "and" end the words after "of" or "for", and are no body of
	// their own.
	if !of || lastHead {
		return j
	}
	for k := j + 1; k < e; k++ {
		if !orgWord(toks[k].Text(text), cls[k]) {
			return j
		}
	}
	return e
}

// runScan is what andJoins has found in a run so far, so that each of
// the run's tokens is looked at once however many times "and" joins it
// ("Department of Health and Safety and …"): its tokens before upTo
// hold a word of orgHeads (head), and after it "of" or "for" (of).
type runScan struct {
	upTo     int
	head, of bool
}

// scan extends rs over the tokens of the run that starts at token i up to
// token j, and returns what it holds.
func (rs *runScan) scan(text string, toks []Token, i, j int) (head, of bool) {
	for k := max(rs.upTo, i); k < j; k++ {
		if w := toks[k].Text(text); isOrgHead(w) {
			rs.head = true
		} else if rs.head && (w == "of" || w == "for") {
			rs.of = true
		}
	}
	rs.upTo = max(rs.upTo, j)
	return rs.head, rs.of
}

// isDepartment reports whether w ends a department's short name after a
// title modifier ("State Department", "Home Office", "Foreign Ministry").
func isDepartment(w string) bool {
	return w == "Department" || w == "Office" || w == "Ministry"
}

// isOrgHead reports whether w is a word of orgHeads.
func isOrgHead(w string) bool {
	_, ok := orgHeads[w]
	return ok
}

// orgWord reports whether w, a capitalised word of mention classes c, is
// a common word that organisations' names are made of: one of
// names/common.txt ("Food", "Safety"), a title modifier ("Health",
// "Energy") or one of orgWords ("Securities").
func orgWord(w string, c uint16) bool {
	if c&clsTitleModifier != 0 || isCommonWord(w) {
		return true
	}
	_, ok := orgWords[w]
	return ok
}

// personOf reports whether a run whose name starts at token k and holds
// "of" at token o, and which ends before token j, is a person and a place
// ("Jeff Flake of Arizona", "President Xi Jinping of China") rather than
// one name ("Bank of England", "Port Authority of New York"): the words
// before "of" are two or three name words, or one after a title, none of
// them a word of orgHeads, the first no common word or demonym ("Great
// Wall of China", "Islamic Republic of Iran"), and the words after it the
// name of a place of names/places.txt, or any name when the first word
// before it is a given name of names/given.txt ("Kelly Evans of CNBC").
func personOf(text string, toks []Token, cls []uint16, k, o, j int) bool {
	n := o - k
	titled := false
	if k > 0 {
		b, _ := wordBefore(text, toks, k) // "President Xi", "Mr. Smith"
		titled = cls[b]&clsTitle != 0
	}
	if n > 3 || n < 2 && !(n == 1 && titled) {
		return false
	}
	for q := k; q < o; q++ {
		if toks[q].Kind != Word || cls[q]&clsName == 0 {
			return false
		}
		if isOrgHead(toks[q].Text(text)) {
			return false
		}
	}
	if w := toks[k].Text(text); cls[k]&clsDemonym != 0 || isCommonWord(w) {
		return false
	}
	if n >= 2 && isGivenName(toks[k].Text(text)) && cls[o+1]&clsTitle == 0 {
		return true // "Kelly Evans of CNBC", "Paul Krugman of Princeton", not "Tim Bale of Queen Mary"
	}
	var buf [64]byte
	key := buf[:0]
	for q := o + 1; q < j; q++ {
		if w := toks[q].Text(text); toks[q].Kind != Word || len(key)+1+len(w) > len(buf) {
			return false // no place of the list is as long: no allocation
		}
		if q > o+1 {
			key = append(key, ' ')
		}
		key = append(key, toks[q].Text(text)...)
	}
	_, ok := places()[string(key)]
	return ok
}

// splitHyphen appends the spans of the parts of w, a name of one token at
// offset off that holds a hyphen, when they are names of their own, and
// reports whether it did; w then gives no span of its own:
//   - a party-and-state tag after a lawmaker's name ("R-Wis.", "D-Calif",
//     "I-Vt."), which is no name at all;
//   - places of names/places.txt joined by hyphens ("US-China",
//     "Israel-Hamas", "EU-UK"), each a name, but no unlisted acronym
//     ("US-CERT", "EU-OSHA").
func splitHyphen(dst []Span, w string, off int) ([]Span, bool) {
	if len(w) > 2 && w[1] == '-' && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') {
		if _, ok := stateTags[w[2:]]; ok {
			return dst, true
		}
		if isUSState(w[2:]) {
			return dst, true
		}
	}
	pl := places()
	if !hyphenParts(w, func(part string) bool { _, ok := pl[part]; return ok }) {
		return dst, false
	}
	for rest, at := w, off; ; {
		h, hs := indexHyphen(rest)
		if h < 0 {
			return append(dst, Span{at, at + len(rest)}), true
		}
		dst = append(dst, Span{at, at + h})
		rest, at = rest[h+hs:], at+h+hs
	}
}

// tagEnd returns the index past the tokens that end a party-and-state
// tag whose last token, before token j, ends in an initial ("D-N" of
// "D-N.Y.", "R-W" of "R-W.Va."): its dot and the letters after it, which
// are no name ("Y", "Va"); or j.
func tagEnd(text string, toks []Token, j int) int {
	if w := toks[j-1].Text(text); w[len(w)-2] != '-' || j+1 >= len(toks) || !isAbbrevDot(text, toks, j) {
		return j
	}
	t := toks[j+1]
	if w := t.Text(text); t.Kind != Word || t.Start != toks[j].End || len(w) > 2 || w[0] < 'A' || w[0] > 'Z' {
		return j
	}
	return j + 2
}

// isUSState reports whether w is the name of one of the states of the
// United States, which a party-and-state tag may spell out ("R-Texas").
func isUSState(w string) bool {
	_, ok := usStates[w]
	return ok
}

// orgHeads are the words that end the name of an organisation or a
// building, or a part of one, before "for" ("Office for National
// Statistics") or after "and" ("Food and Drug Administration"), and that
// tell one from a person before "of" ("Port Authority of New York").
var orgHeads = setOf(
	"Academy", "Administration", "Agency", "Alliance", "Assembly", "Association", "Authority",
	"Bank", "Board", "Bureau", "Campaign", "Center", "Centers", "Centre", "Centres", "Chamber",
	"Church", "Clinic", "Club", "Coalition", "College", "Commission", "Committee", "Company",
	"Conference", "Congregation", "Corporation", "Corps", "Council", "Court", "Department",
	"Enforcement", "Executive", "Federation", "Forum", "Foundation", "Front", "Fund", "Group",
	"Hospital", "Initiative", "Institute", "Institution", "League", "Library", "Ministry",
	"Movement", "Museum", "Network", "Office", "Order", "Organisation", "Organization", "Palace",
	"Parliament", "Party", "Program", "Programme", "Republic", "School", "Secretariat", "Service",
	"Societies", "Society", "States", "Tribunal", "Trust", "Union", "University",
	"Kingdom", "Scouts", "Wall",
)

// orgWords are words of organisations' names that names/common.txt
// lacks, as it holds words that open sentences.
var orgWords = setOf(
	"Securities", "Oceanic", "Atmospheric", "Human", "Ways", "Means", "Commerce", "Justice",
	"Drugs", "Firearms", "Science", "Sciences", "Media", "Sport", "Poisons", "Veterans",
	"Markets", "Wildlife", "Customs", "Democratic", "Government", "Reform",
)

// isAndCountry reports whether a and b are the words before and after
// "and" in the name of a country ("Trinidad and Tobago", "Saint Kitts and
// Nevis").
func isAndCountry(a, b string) bool {
	switch a {
	case "Trinidad":
		return b == "Tobago"
	case "Bosnia":
		return b == "Herzegovina"
	case "Antigua":
		return b == "Barbuda"
	case "Kitts":
		return b == "Nevis"
	case "Tomé":
		return b == "Príncipe"
	case "Turks":
		return b == "Caicos"
	}
	return false
}

// brandsS are names that end in "'s" ("McDonald's", "Moody's"), without
// it. Names that are as often a person's are left out ("Christie's",
// "Wendy's", "Kohl's").
var brandsS = setOf(
	"McDonald", "Macy", "Domino", "Moody", "Sotheby", "Lloyd", "Kellogg", "Sainsbury", "Applebee",
	"Dillard", "Arby", "Hardee", "Nando", "Hershey", "Harrah", "Bloomingdale",
)

// stateTags are the abbreviations of the states of the United States that
// party-and-state tags use after a lawmaker's name ("R-Wis.", "D-N.Y."):
// those of newspapers' style books, the postal codes, and the first letter
// of the states whose abbreviations hold a dot (N.Y., S.C., W.Va., R.I.).
var stateTags = setOf(
	"Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
	"Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev",
	"Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wisc", "Wyo",
	"N", "S", "W", "R",
	"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
	"KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
	"NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
	"WI", "WY",
)

// usStates are the names of the states of the United States of one word,
// which a party-and-state tag may spell out ("R-Texas", "D-Ohio").
var usStates = setOf(
	"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
	"Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
	"Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
	"Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
	"Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming",
)

// placesText is names/places.txt, written for stancekit: countries,
// territories, the states of the United States, capitals and other cities
// that news names often, and blocs and armed groups that it pairs with
// countries ("Israel-Hamas"), one a line as written, in words of letters
// joined by single spaces.
//
//go:embed names/places.txt
var placesText string

// places returns the names of names/places.txt. It panics on a line that
// is not words of letters joined by single spaces, a defect in the list
// that the tests catch.
var places = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 512)
	for line := range strings.Lines(placesText) {
		w := strings.TrimRight(line, "\n")
		if w == "" {
			continue
		}
		if !isPlaceLine(w) {
			panic("features: names/places.txt entry " + w + " is not words of letters")
		}
		m[w] = struct{}{}
	}
	return m
})

// isPlaceLine reports whether w is words of letters joined by single
// spaces, a capital first.
func isPlaceLine(w string) bool {
	space := true
	for _, r := range w {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case r == utf8.RuneError || !unicode.IsLetter(r):
			return false
		default:
			if space && !unicode.IsUpper(r) {
				return false
			}
			space = false
		}
	}
	return !space
}

// commonRuns takes the name class off the words of each run of two name
// words or more in a headline in title case that are all common words
// (names/common.txt, or common nouns), unless one is a word that heads an
// organisation's or a place's name: "… as Shutdown Deadline Looms",
// "Global Health Emergency" are no names, "Home Office", "Red Sea",
// "International Space Station Crew" and "Security Council" are. Feature
// set 7 on; headlineNames calls it after the breaks are made, and before
// it drops a common word left alone. From feature set 8 on (v8), the
// titles and title modifiers of titles8 and modifiers8 count as the
// common words they are ("Top Agent Quits After Scandal").
func commonRuns(text string, toks []Token, names []uint16, v8 bool) {
	var buf [24]byte
	for i := 0; i < len(toks); {
		if names[i]&clsName == 0 || toks[i].Kind != Word {
			i++
			continue
		}
		// The run goes on across the connectors that join names ("Office
		// for National Statistics", "Bank of England").
		j := nameRunEnd(text, toks, names, i, true)
		if j-i >= 2 && allCommon(&buf, text, toks, names, i, j, v8) {
			for k := i; k < j; k++ {
				names[k] &^= clsName | clsHyphen
			}
		}
		i = j
	}
}

// nameRunEnd returns the end of the run of name words of a headline that
// starts at name word i: words with the name class, each joined to the
// one before it, and with connectors also across a connector of
// isRunConnector between two of them ("Bank of England"). commonRuns
// and trimRuns9 walk a headline's runs with it.
func nameRunEnd(text string, toks []Token, names []uint16, i int, connectors bool) int {
	j := i + 1
	for j < len(toks) && toks[j].Kind == Word && joined(text, toks[j-1], toks[j]) {
		if names[j]&clsName == 0 {
			if !connectors || !isRunConnector(toks[j].Text(text)) || j+1 >= len(toks) || names[j+1]&clsName == 0 || toks[j+1].Kind != Word || !joined(text, toks[j], toks[j+1]) {
				break
			}
			j++ // the connector; its name word is taken next
		}
		j++
	}
	return j
}

// isRunConnector reports whether w, a word in lower case, joins the name
// words of a headline's run for commonRuns.
func isRunConnector(w string) bool {
	return w == "of" || w == "for" || w == "and" || w == "&"
}

// allCommon reports whether the words toks[i:j] are all common words, as
// headlineKey spells them (names/common.txt, or common nouns), and none
// of them a title, a title modifier (from feature set 8 on, v8, but for
// those of titles8 and modifiers8), a demonym or a word that heads an
// organisation's or a place's name.
func allCommon(buf *[24]byte, text string, toks []Token, names []uint16, i, j int, v8 bool) bool {
	for k := i; k < j; k++ {
		if names[k]&clsName == 0 {
			continue // a connector
		}
		if names[k]&(clsTitle|clsTitleModifier|clsDemonym) != 0 && (!v8 || names[k]&clsWord8 == 0) {
			return false // a title, but for feature set 8's ("Top Agent Quits"), none of them a demonym
		}
		key, ok := headlineKey(buf, toks[k].Text(text))
		if !ok {
			return false
		}
		if isOrgHead(string(key)) || isPlaceHead(string(key)) { // "HOME OFFICE" too
			return false
		}
		if names[k]&clsCommonNoun != 0 {
			continue
		}
		if _, common := commonWords()[string(key)]; !common {
			return false
		}
	}
	return true
}

// isPlaceHead reports whether w ends the name of a place, a contest, a
// force or a firm made of common words ("Red Sea", "Super Bowl", "Coast
// Guard", "Best Buy").
func isPlaceHead(w string) bool {
	switch w {
	case "Sea", "Ocean", "River", "Lake", "Lakes", "Island", "Islands", "Bay", "Gulf", "Mountains",
		"Valley", "Coast", "Strait", "Canal", "Street", "Square", "Park", "Bridge", "Airport",
		"Stadium", "Station", "Hall", "Tower", "Reserve", "Cup", "Bowl", "Games", "Olympics",
		"Prize", "Awards", "Festival", "Exchange", "Index", "Road", "Avenue", "East", "West",
		"North", "South", "News", "Times", "Journal", "Post", "Mail", "Guard", "Patrol", "Forces",
		"Motors", "Electric", "Depot", "Foods", "International", "Watch", "Buy", "Affairs", "Rally",
		"Rail", "Materials", "Lab", "Arms", "Gallery", "Rebellion", "Financial", "Citizen", "Cause",
		"Series", "Trophy", "Championship", "Nations":
		return true
	}
	return false
}

// isHeadlineVerb7 reports whether key, a word of a headline in title case
// as headlineKey spells it, is one of headlineVerbs7.
func isHeadlineVerb7(key []byte) bool {
	_, ok := headlineVerbs7[string(key)]
	return ok
}

// headlineVerbs7 are more verbs in the forms headlines use, which break a
// name in a headline in title case from feature set 7 on ("NASA Delays
// Boeing Starliner Return", "FDA Approves Lilly's Drug"), written for
// stancekit as headlineVerbs is. Words that open or end names are left
// out ("Trade", "Post", "Watch", "Buy", "Target", "Order", "Block",
// "Report", "Fire", and after a review "Split", "Dead", "Begin", "Push",
// "Reach", "Restore" among others), though their forms in "s" may stay.
var headlineVerbs7 = setOf(
	"Approves", "Approve", "Approved", "Declares", "Declare", "Declared", "Delays", "Delay",
	"Delayed", "Dissolves", "Dissolve", "Grills", "Claim", "Withdraws", "Withdraw", "Sworn", "Found",
	"Stalls", "Resumes", "Resume", "Expands", "Expand", "Prepares", "Prepare", "Reaches", "Nears",
	"Clears", "Passes", "Seizes", "Seize", "Captures", "Retakes", "Enters", "Exits", "Begins",
	"Mulls", "Ponders", "Scraps", "Scrap", "Adds", "Invests", "Sells", "Acquires", "Acquire",
	"Merges", "Lowers", "Slashes", "Lays", "Files", "Restricts", "Restrict", "Limits", "Tightens",
	"Tighten", "Loosens", "Relaxes", "Revives", "Revive", "Restores", "Suspends", "Suspend", "Pauses",
	"Scrambles", "Struggles", "Steadies", "Recovers", "Secures", "Clinches", "Clinch", "Crushes",
	"Thrashes", "Routs", "Hosts", "Battles", "Detains", "Detain", "Deports", "Deport", "Expels",
	"Expel", "Evacuates", "Evacuate", "Rescues", "Wounds", "Injures", "Bombs", "Shells", "Invades",
	"Invade", "Occupies", "Retreats", "Publishes", "Releases", "Elects", "Taps", "Retires", "Dies",
	"Injured", "Jailed", "Convicted", "Acquitted", "Sentenced", "Fined", "Cancelled", "Canceled",
	"Postponed", "Remains", "Stays", "Arrives", "Departs", "Flees", "Finds", "Discovers", "Detects",
	"Seen", "Shown", "Held", "Resigned", "Approving", "Targets", "Tests", "Hints", "Offers", "Offer",
	"Proposes", "Propose", "Drafts", "Unites", "Splits", "Avoids", "Avoid", "Dodges", "Escapes",
	"Survives", "Survive", "Topples", "Topple", "Toppled", "Overturns", "Overturn", "Upholds",
	"Uphold", "Struck", "Hears", "Threatened",
)

// isDemonymRun reports whether the name of one or two tokens toks[k:j] is
// a demonym, which feature set 7 takes for no name: one that the word
// classes' list lacks ("Philippine", "Nepali"), one after a word of
// direction or the like ("South Korean", "Sri Lankan", "Latin American"),
// or demonyms joined by hyphens ("Polish-Ukrainian").
func isDemonymRun(text string, toks []Token, cls []uint16, k, j int) bool {
	last := cls[j-1]
	if j-k == 2 {
		if last&(clsDemonym|clsDemonym7) == 0 {
			return false
		}
		switch toks[k].Text(text) {
		case "North", "South", "East", "West", "Southeast", "Central", "Latin", "Sri", "New", "Saudi", "Middle", "Sub-Saharan", "Costa", "Puerto":
			return true
		}
		return false
	}
	if last&clsDemonym7 != 0 {
		return true
	}
	return last&clsHyphen != 0 && hyphenParts(toks[j-1].Text(text), func(part string) bool { return isDemonym(part) || isDemonym7(part) })
}

// hyphenParts reports whether ok holds for every part of w, split at its
// hyphens (see indexHyphen): splitHyphen and isDemonymRun test the parts
// of a name with a hyphen, which is rare, so a closure costs nothing that
// shows.
func hyphenParts(w string, ok func(part string) bool) bool {
	for {
		h, hs := indexHyphen(w)
		part := w
		if h >= 0 {
			part = w[:h]
		}
		if !ok(part) {
			return false
		}
		if h < 0 {
			return true
		}
		w = w[h+hs:]
	}
}

// isDemonym7 reports whether w is a demonym of demonyms7.
func isDemonym7(w string) bool {
	_, ok := demonyms7[w]
	return ok
}

// names7Table holds the term hashes of demonyms7 (n7Demonym), and of
// titles8 (n8Title) and modifiers8 (n8Modifier), for prepare to mark the
// name tokens of no word class that are one: the term table has no class
// bit to spare.
var names7Table = sync.OnceValue(func() *wordTable {
	m := make(map[uint64]uint32, len(demonyms7)+len(titles8)+len(modifiers8))
	for _, c := range []struct {
		words map[string]struct{}
		bit   uint32
	}{{demonyms7, n7Demonym}, {titles8, n8Title}, {modifiers8, n8Modifier}} {
		for w := range c.words {
			m[normHash(w)] |= c.bit
		}
	}
	return newWordTable(m)
})

// demonyms7 are demonyms that the word classes' list (demonyms) lacks,
// written for feature set 7: nationality and regional words news uses as
// adjectives ("the Philippine navy", "a Nepali climber"), plurals, and the
// second words of those after a direction ("Lankan" of "Sri Lankan";
// "Korean" of "South Korean" is in demonyms).
var demonyms7 = setOf(
	"Philippine", "Lankan", "Nepali", "Nepalese", "Bangladeshi", "Burmese", "Cambodian",
	"Laotian", "Mongolian", "Kazakh", "Uzbek", "Georgian", "Armenian", "Azerbaijani", "Estonian",
	"Latvian", "Lithuanian", "Slovenian", "Slovene", "Macedonian", "Montenegrin", "Moldovan",
	"Kosovar", "Cypriot", "Maltese", "Icelandic", "Bolivian", "Ecuadorian", "Paraguayan",
	"Uruguayan", "Guatemalan", "Honduran", "Salvadoran", "Nicaraguan", "Panamanian", "Jamaican",
	"Dominican", "Rican", "Rwandan", "Ugandan", "Tanzanian", "Zambian", "Zimbabwean", "Angolan",
	"Mozambican", "Congolese", "Cameroonian", "Ivorian", "Malian", "Nigerien", "Chadian",
	"Eritrean", "Liberian", "Bahraini", "Kuwaiti", "Omani", "Scandinavian", "Nordic", "Baltic",
	"Balkan", "Caribbean", "Hispanic", "Latino", "Latina", "Latinos", "Zealanders", "Arabian",
	"Eastern", "Asians", "Tajik", "Turkmen", "Kyrgyz", "Afghans", "Iranians", "Iraqis", "Syrians",
	"Yemenis", "Somalis", "Ethiopians", "Kenyans", "Nigerians", "Pakistanis", "Indians",
	"Koreans", "Filipinos", "Indonesians", "Australians", "Canadians", "Mexicans", "Brazilians",
	"Argentines", "Venezuelans", "Colombians", "Cubans", "Haitians", "Egyptians", "Turks",
	"Greeks", "Poles", "Hungarians", "Romanians", "Serbs", "Croats", "Bosnians", "Albanians",
	"Italians", "Spaniards", "Britons", "Scots", "Belgians", "Austrians", "Swedes", "Norwegians",
	"Danes", "Finns",
)
