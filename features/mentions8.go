package features

import "strings"

// Feature set 8's name finder rules:
//   - titles the word classes lack ("Administrator", "Sheriff",
//     "Congressman", "Spokeswoman"), which like the older titles start a
//     new name and are dropped from it ("EPA Administrator Lee Zeldin" →
//     "EPA", "Lee Zeldin"), but only before a person's name (retitle8);
//   - title modifiers the classes lack ("Special Agent", "Chief Operating
//     Officer");
//   - "Justice", "Chief", "Inspector" and "Attorney", title modifiers, as
//     titles before a person's name ("Supreme Court Justice Brett
//     Kavanaugh", "Police Chief Butch Ayers"), and "Chief of Staff" as a
//     whole ("White House Chief of Staff John Kelly");
//   - a title such as "King" after a given name and before no other name
//     word as a surname ("Stephen King", "Mike Judge");
//   - "Co-" and a role, or a title and "-elect", as a title ("Co-founder",
//     "President-elect"; isCoRole, isElectTitle);
//   - "Co-" in a body's name as a prefix ("Gulf Co-operation Council"),
//     and a hyphen before a part that is no English word as inside a name
//     ("Kim Jong-un", "Port-au-Prince"; cutsCompoundV, keepsHyphen8).
//
// prepare marks the new words, capitalised, from the table it looks
// demonyms up in (names7Table; clsWord8) and calls retitle8; in a headline
// in title case, headlineNames and commonRuns take them for the common
// words many are ("Kremlin Says Envoy Will Visit Kyiv").

// Values of names7Table: what a name token that no word class holds is.
const (
	n7Demonym  = 1 << iota // a demonym of demonyms7 (clsDemonym7), feature set 7 on
	n8Title                // a title of titles8, feature set 8 on (clsTitle and clsWord8; retitle8 takes them off if no person follows)
	n8Modifier             // a title modifier of modifiers8, feature set 8 on (clsTitleModifier and clsWord8)
)

// titles8 are titles of feature set 8: offices, ranks and callings that
// news puts before a person's name. They are titles only before one
// (retitle8), as several also open other names ("Premier League",
// "Cardinal Health", "Agent Orange") or are surnames ("Julie Bishop").
var titles8 = setOf(
	"Congressman", "Congresswoman", "Congressmen", "Congresswomen", "Councilman", "Councilwoman",
	"Councillor", "Councilor", "Assemblyman", "Assemblywoman", "Alderman", "Premier",
	"Administrator", "Spokesman", "Spokeswoman", "Spokesperson", "Treasurer", "Sheriff",
	"Archbishop", "Bishop", "Cardinal", "Imam", "Pastor", "Reverend", "Rev", "Commander",
	"Prosecutor", "Magistrate", "Emir", "Sultan", "Ayatollah", "Chairperson", "Superintendent",
	"Sergeant", "Detective", "Officer", "Agent", "Envoy", "Justices", "Counsel", "Constable",
	"Corporal", "Commodore", "Airman", "Adviser", "Advisor", "Det", "Supt", "Insp", "Cmdr", "Cpl",
)

// modifiers8 are title modifiers of feature set 8: dropped before a title
// ("Special Agent", "Petty Officer", "District Attorney", "Chief
// Financial Officer"), kept in a name elsewhere ("Fire Department").
var modifiers8 = setOf(
	"Special", "Petty", "Staff", "District", "Fire", "Operating", "Financial", "Technology",
	"Medical", "Marketing", "Investment", "Legal", "Communications", "Warrant", "Master", "Major",
	"Brigadier", "Rear", "Presiding", "Outgoing", "Incoming", "Senior", "Policy", "Economic",
)

// retitle8 gives the title class to the title modifiers of
// titleBeforePerson when a person's name follows ("Justice Brett
// Kavanaugh"); takes it from the titles of titles8 when none follows
// ("the Premier League", "Sheriff's Office"); takes the title modifier
// class from a word of modifiers8 after a name word and "of" ("Joint
// Chiefs of Staff"); makes each name word of a title of titlePhrases8
// before a person's name a title ("Chief of Staff John Kelly", "National
// Security Adviser Jake Sullivan"); and takes
// the title class from a title of isSurnameTitle after a given name and
// before no name word ("Stephen King"), a surname there. Feature
// set 8 on; prepare calls it before retitle, which gives "Officer" the
// class after "Chief Executive" whatever follows.
func retitle8(text string, toks []Token, cls []uint16, headline, v9 bool) {
	// Right to left, so that a title is known before the one that leads
	// it: "Detective Chief Inspector Paul Wright".
	for i := len(toks) - 1; i >= 0; i-- {
		c := cls[i]
		if c&clsName == 0 || c&(clsTitle|clsTitleModifier) == 0 {
			continue
		}
		w := toks[i].Text(text)
		if c&clsWord8 != 0 { // a phrase's last word is one of the lists' ("Staff", "Adviser")
			if p := titlePhraseStart(text, toks, i); p >= 0 && personAfter(text, toks, cls, i, headline, v9) {
				for k := p; k <= i; k++ {
					if cls[k]&clsName != 0 {
						cls[k] |= clsTitle // "Chief of Staff John Kelly", "National Security Adviser Jake Sullivan"
					}
				}
				continue
			}
		}
		if c&clsTitle == 0 {
			if titleBeforePerson(w) && personAfter(text, toks, cls, i, headline, v9) {
				cls[i] |= clsTitle
			} else if c&clsWord8 != 0 && i > 1 && cls[i-2]&clsName != 0 && toks[i-1].Text(text) == "of" {
				cls[i] &^= clsTitleModifier | clsWord8 // "Joint Chiefs of Staff": a name's end, not a title's start
			}
			continue
		}
		if c&clsWord8 != 0 && !personAfter(text, toks, cls, i, headline, v9) { // a title of titles8
			cls[i] &^= clsTitle | clsWord8
			continue
		}
		if isSurnameTitle(w) && i > 0 && cls[i-1]&clsName != 0 && cls[i-1]&^(clsName|clsHyphen) == 0 && joined(text, toks[i-1], toks[i]) &&
			isGivenName(toks[i-1].Text(text)) && (i+1 == len(toks) || cls[i+1]&clsName == 0 || !joined(text, toks[i], toks[i+1])) {
			cls[i] &^= clsTitle // "Stephen King"
		}
	}
}

// titlePhrases8 are titles of several words, each of which alone is no
// title or opens other names ("the Joint Chiefs of Staff", "the National
// Security Council"): before a person's name, retitle8 makes every name
// word of them a title, as "Secretary of State" is one. Each last word is
// a word of titles8 or modifiers8, which retitle8 looks for first.
var titlePhrases8 = [...][3]string{
	{"Chief", "of", "Staff"},
	{"National", "Security", "Adviser"},
	{"National", "Security", "Advisor"},
}

// titlePhraseStart returns where the title phrase of titlePhrases8 that
// ends at token i starts, its words joined, or -1.
func titlePhraseStart(text string, toks []Token, i int) int {
	w := toks[i].Text(text)
	for _, ph := range titlePhrases8 {
		p := i - len(ph) + 1
		if w != ph[len(ph)-1] || p < 0 {
			continue
		}
		k := 0
		for k < len(ph)-1 && toks[p+k].Text(text) == ph[k] && joined(text, toks[p+k], toks[p+k+1]) {
			k++
		}
		if k == len(ph)-1 {
			return p
		}
	}
	return -1
}

// isSurnameTitle reports whether w is a title that is also a common
// surname, after a given name ("Stephen King", "Mark Judge"), unlike
// "Mayor" or "Chairman" ("the Fort Wayne Mayor", "Raymond James
// Chairman").
func isSurnameTitle(w string) bool {
	switch w {
	case "King", "Judge", "Pope", "Lord":
		return true
	}
	return false
}

// titleBeforePerson reports whether w, a title modifier, is a title
// before a person's name ("Justice Brett Kavanaugh", "Chief Butch Ayers",
// "Chief Inspector Johnny Hunter", "District Attorney Alvin Bragg").
func titleBeforePerson(w string) bool {
	switch w {
	case "Justice", "Chief", "Inspector", "Attorney":
		return true
	}
	return false
}

// personAfter reports whether a person's name follows token i, a title:
// the name words of no class joined after it are
//   - a given name and at most three more ("Sheriff Scott …", "Justice
//     Ruth Bader Ginsburg", "Officer James Eric Davis Sr.");
//   - two words, or one where surnameAlone allows it ("Sheriff Arpaio
//     said …"), none of them a common word, a word of organisations'
//     names or a place ("Premier Doug Ford"; not "Premier League",
//     "Cardinal Health", "Cardinal Point Pharmacy", "Premier Bet Zambia");
//
// and in both cases the last of them ends no organisation's, place's or
// party's name ("Archbishop Ryan High School", "Chief Joseph Dam",
// "Justice Democrats"). Or another title follows ("Detective Sergeant
// …", "Emir Sheikh …"). A dot right after the title is an abbreviation's
// ("Rev. Al Sharpton").
func personAfter(text string, toks []Token, cls []uint16, i int, headline, v9 bool) bool {
	t := i // the title
	plain := func(k int) bool {
		return k < len(toks) && cls[k]&clsName != 0 && cls[k]&^(clsName|clsHyphen) == 0 && joined(text, toks[k-1], toks[k])
	}
	if d := i + 1; d+1 < len(toks) && toks[d].Start == toks[i].End && toks[d].End == toks[d].Start+1 && text[toks[d].Start] == '.' {
		i = d // an abbreviation's dot: "Rev. Al Sharpton", "Supt. John Smith"
	}
	if n := i + 1; n < len(toks) && cls[n]&clsName != 0 && cls[n]&clsTitle != 0 && joined(text, toks[i], toks[n]) {
		return true // "Det. Sgt. Emma Clarke"
	}
	e := i + 1
	for e <= i+5 && plain(e) { // one past the longest person's name, so that a long run costs no more
		e++
	}
	given := e > i+1 && isGivenName(toks[i+1].Text(text))
	if e == i+1 || e > i+5 || !given && e != i+3 && (e != i+2 || !surnameAlone(text, toks, cls, t, headline, v9)) {
		return false
	}
	if last := toks[e-1].Text(text); isOrgHead(last) || isHeads8(last) {
		return false
	}
	if given {
		return true
	}
	for k := i + 1; k < e; k++ {
		if w := toks[k].Text(text); isCommonWord(w) || isOrgHead(w) || orgWord(w, 0) || isPlaceHead(w) || isPlace(w) {
			return false
		}
	}
	return true
}

// surnameAlone reports whether a surname alone may follow the title at
// token i ("Sheriff Arpaio said …"): a title of surnameAfter, not in a
// headline in title case (headline), nor in a short line of capitalised
// words that isHeadline does not count ("Sheriff Resigns": the sentence
// needs a word of three letters or more in lower case, other than those
// title case leaves so, such as "and" and "the"), nor after a name word
// of no word class ("Social Justice Warriors"; not "Neither Congressman
// Yoder", after a function word). From feature set 9 on (v9), in a
// headline in title case when the word after the title is no word a
// headline is made of (headlineSurname9).
func surnameAlone(text string, toks []Token, cls []uint16, i int, headline, v9 bool) bool {
	if headline && !v9 || !surnameAfter(toks[i].Text(text)) {
		return false
	}
	if i > 0 && cls[i-1]&clsName != 0 && cls[i-1]&^(clsName|clsHyphen) == 0 && joined(text, toks[i-1], toks[i]) {
		return false
	}
	if headline {
		return headlineSurname9(text, toks, i) // "Sheriff Arpaio Defies …"; not "Sheriff Resigns"
	}
	for _, t := range toks {
		if t.Kind == Word && t.End-t.Start >= 3 {
			if c := text[t.Start]; 'a' <= c && c <= 'z' {
				switch text[t.Start:t.End] {
				case "and", "the", "for", "nor", "but", "yet", "via":
					// left in lower case by title case ("Sheriff Resigns and …")
				default:
					return true
				}
			}
		}
	}
	return false
}

// surnameAfter reports whether the title w takes a surname alone after it
// ("Sheriff Arpaio", "Justice Scalia", "Congressman Gaetz"): the titles
// that open names of other things too do not ("Premier Oil", "Agent
// Orange", "Chief Blue", "Cardinal Stritch").
func surnameAfter(w string) bool {
	switch w {
	case "Premier", "Agent", "Cardinal", "Bishop", "Officer", "Commander", "Chief", "Attorney", "Inspector", "Detective", "Counsel":
		return false
	}
	return true
}

// heads8 are words that end a name of a place, a building or a party
// after a person's name or a title ("Imam Reza Shrine", "Chief Joseph
// Dam", "Justice Democrats"), so that no title before it is one. It
// repeats those words of isPlaceHead that are no common surnames, as
// personAfter tests a given name's last word against heads8 alone
// ("Sheriff John Hall" is a person, "Archbishop Ryan Airport" none).
var heads8 = setOf(
	"Shrine", "Mosque", "Cathedral", "Temple", "Dam", "Lake", "Pharmacy", "Memorial", "Hotel",
	"Theatre", "Theater", "Arena", "Airport", "Stadium", "Station", "Bridge", "Square", "Street",
	"Road", "Avenue", "Highway", "Tunnel", "Democrats", "Republicans", "Democrat", "Republican",
	"Conservatives", "Liberals", "Socialists",
)

// isHeads8 reports whether w is a word of heads8.
func isHeads8(w string) bool {
	_, ok := heads8[w]
	return ok
}

// isPlace reports whether w is a place of names/places.txt.
func isPlace(w string) bool {
	_, ok := places()[w]
	return ok
}

// cutsCompoundV is cutsCompound but, from feature set 8 on (v8), for a
// hyphen that keepsHyphen8 keeps inside the name. afterName tells whether
// a name word of the run comes right before w.
func cutsCompoundV(w string, v8, afterName bool) bool {
	if !cutsCompound(w) {
		return false
	}
	if !v8 {
		return true
	}
	h, hs := indexHyphen(w)
	return !keepsHyphen8(w[:h], w[h+hs:], afterName)
}

// keepsHyphen8 reports whether a hyphen between before, a part of a name
// word, and rest, what follows the hyphen in the word, opening in lower
// case, is inside the name rather than a cut ("States-led",
// "Kremlin-backed"), from feature set 8 on. It is after "Co" in a body's
// name ("Gulf Co-operation Council", "Organisation for Economic
// Co-operation and Development", where feature set 7 cut at "Co"; see
// isCoStem), and else when the part before is more than one letter and
// no acronym in capitals ("E-mails", "US-led", "SIM-card"), and
//   - the lower-case part is a linker between two capitalised parts, but
//     for "in" and "the" ("Port-au-Prince", "Mar-a-Lago",
//     "Stratford-upon-Avon", "Port-of-Spain", "Pakistan Tehreek-e-Insaf";
//     not "Commander-in-Chief", "Off-the-Record");
//   - or it ends the word, which follows a name word of the run
//     (afterName), and is no English word: not in names/common.txt but as
//     one or two letters, not in suffixes8, and not ending as English
//     words do in "-ed", "-ist", "-ism" or "-ite" ("Kim Jong-un", "Moon
//     Jae-in", "Lee Jae-myung", "Kim Yo-jong"; not "Wall Street-listed",
//     "Hong Kong-headquartered", nor "Check-in", "Kremlin-bankrolled" or
//     "Trump-ism" alone).
func keepsHyphen8(before, rest string, afterName bool) bool {
	if before == "Co" && isCoStem(rest) {
		return true
	}
	if len(before) < 2 || rest == "" || rest[0] < 'a' || rest[0] > 'z' || spelling(before) == spellUpper {
		return false
	}
	after := rest
	if h, hs := indexHyphen(rest); h >= 0 {
		after = rest[:h]
		if next := rest[h+hs:]; next != "" && 'A' <= next[0] && next[0] <= 'Z' {
			return after != "in" && after != "the" // a linker: "Port-au-Prince", not "Editor-in-Chief", "Off-the-Record"
		}
	}
	if !afterName || after != rest {
		return false
	}
	var buf [24]byte
	if len(after) > len(buf) {
		return false
	}
	key := append(buf[:0], after...)
	key[0] -= 'a' - 'A' // common words are looked up capitalised
	if _, common := commonWords()[string(key)]; common && len(after) > 2 {
		return false // "Wall Street-listed"
	}
	if _, suffix := suffixes8[after]; suffix {
		return false
	}
	for _, end := range [...]string{"ed", "ist", "ism", "ite"} {
		if strings.HasSuffix(after, end) {
			return false // "Hong Kong-headquartered"
		}
	}
	return true // "Kim Jong-un", "Moon Jae-in", "Lee Jae-myung"
}

// suffixes8 are English words and endings that end a compound after a
// name ("Putin-esque", "Chanel-clad", "Break-ins") and that neither
// names/common.txt nor keepsHyphen8's endings ("-ed", "-ist") catch.
var suffixes8 = setOf(
	"style", "bound", "type", "centric", "elect", "esque", "ish", "wide", "like", "less", "free",
	"only", "proof", "ian", "averse", "clad", "speak", "compliant", "ins", "outs", "offs", "ups",
)

// isCoCompound reports whether w is "Co", a hyphen and a word of a
// body's name (isCoStem: "Co-operation", "Co-op"), not a role
// ("Co-founder": isCoRole).
func isCoCompound(w string) bool {
	rest, ok := coRest(w)
	return ok && isCoStem(rest)
}

// isCoStem reports whether rest, what follows "Co-", makes a word of a
// body's name ("Co-operation", "Co-ordination", "Co-op").
func isCoStem(rest string) bool {
	switch rest {
	case "op", "ops", "operation", "operative", "operatives", "ordination":
		return true
	}
	return false
}

// isCoRole reports whether w is "Co", a hyphen and a role that news puts
// before a person's name as a title ("Twitter Co-founder Jack Dorsey" →
// "Twitter", "Jack Dorsey"; feature set 7 found "Twitter Co").
func isCoRole(w string) bool {
	rest, ok := coRest(w)
	if !ok {
		return false
	}
	switch rest {
	case "founder", "founders", "chair", "chairman", "chairwoman", "host", "pilot", "author",
		"owner", "leader", "president", "director", "defendant", "captain", "star", "sponsor",
		"creator", "anchor":
		return true
	}
	return false
}

// coRest returns what follows "Co" and a hyphen at the start of w, and
// whether w starts so.
func coRest(w string) (string, bool) {
	h, hs := indexHyphen(w)
	if h != 2 || w[:2] != "Co" {
		return "", false
	}
	return w[h+hs:], true
}

// isElectTitle reports whether w is a title, a hyphen and "elect"
// ("President-elect Joe Biden", "Governor-elect"), a title from feature
// set 8 on; feature set 7 found "President" and the person apart.
func isElectTitle(w string) bool {
	h, hs := indexHyphen(w)
	if h <= 0 || w[h+hs:] != "elect" {
		return false
	}
	title, _ := titlePart(w[:h], true)
	return title
}
