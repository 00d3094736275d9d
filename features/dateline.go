package features

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Dateline returns the length in bytes of the dateline that opens
// sentence, with the dash and the white space after it, or 0 when there
// is none. A dateline says where, and often when and by whom, a news
// story was filed, ahead of its first sentence:
//
//	WASHINGTON (Reuters) - The White House on Monday …
//	KYIV, Ukraine, March 3 (AP) — …
//	TOULOUSE, France — Airbus on Thursday …
//	NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp. today …
//	SEATTLE--(BUSINESS WIRE)--Amazon.com today …
//	LONDON — Prime Minister …
//
// It is a place in capitals of four letters or more (up to eight words,
// with dots between: "ST. LOUIS"; or places joined by slashes:
// "WASHINGTON/BRUSSELS"), then any of one to three parts after commas,
// each up to five words in mixed case, abbreviations with dots or numbers
// ("Ukraine", "Calif.", "Nov. 28", "2025"), and a news agency
// (newsAgencies) in brackets or between slashes, before the dash ("-",
// "--", "–" or "—") or in brackets between dashes after it. A sentence in
// mixed case follows, opening with no lower-case word but a brand such as
// "eBay" after an agency or a part after a comma. Without such a part or
// an agency, the place must be a city that datelines name (datelineCities:
// "LONDON —"), so that a line such as "UNICEF — The agency warned …",
// "GOOGLE — …" or "BREAKING — …" keeps its names; a place in brackets
// that is no agency ("WHO (World Health Organization) —", "TESLA (TSLA)
// —") is none either, and neither is a part after a comma in capitals
// ("NASA, ESA —").
//
// Analyze classifies no name in a dateline: the story was filed there, and
// the sentence after it says nothing of it.
func Dateline(sentence string) int {
	if !capsOpening(sentence) {
		return 0
	}
	var buf [64]Token
	return datelineLen(sentence, Tokenize(buf[:0], sentence))
}

// capsOpening reports whether s opens with two letters in capitals, as
// every dateline does: a cheap test before tokenizing.
func capsOpening(s string) bool {
	r1, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r1) && unicode.IsUpper(r2)
}

// datelineLen is Dateline on the tokens of sentence.
func datelineLen(s string, toks []Token) int {
	i, letters, known := 0, 0, true
	// The place: places in capitals, each of words with dots between,
	// joined by slashes.
	for {
		start := i
		for i < len(toks) && i-start < 8 {
			t := toks[i]
			if t.Kind == Word && allCaps(t.Text(s)) {
				letters += utf8.RuneCountInString(t.Text(s))
				i++
				continue
			}
			if i > start && isPunct(s, t, ".") && i+1 < len(toks) && toks[i+1].Kind == Word && allCaps(toks[i+1].Text(s)) {
				i++ // "ST. LOUIS"
				continue
			}
			break
		}
		if i == start {
			return 0
		}
		known = known && isDatelineCity(s[toks[start].Start:toks[i-1].End])
		// "WASHINGTON/BRUSSELS", but not "/CNW/", an agency.
		if i+1 < len(toks) && isPunct(s, toks[i], "/") && toks[i].Start == toks[i-1].End && toks[i+1].Start == toks[i].End &&
			toks[i+1].Kind == Word && allCaps(toks[i+1].Text(s)) && !(i+2 < len(toks) && isPunct(s, toks[i+2], "/")) {
			i++
			continue
		}
		break
	}
	if letters < 4 {
		return 0
	}
	sure := false // a part after a comma or an agency
	// Up to three parts after commas: a region, a date.
	for parts := 0; parts < 3 && i < len(toks) && isPunct(s, toks[i], ","); parts++ {
		i++
		n := 0
		for i < len(toks) && n < 5 {
			t := toks[i]
			w := t.Text(s)
			if t.Kind == Number || t.Kind == Word && startsUpper(w) && (hasLower(w) || strings.Contains(w, ".")) ||
				n > 0 && isPunct(s, t, ".") && t.Start == toks[i-1].End {
				i++
				n++
				continue
			}
			break
		}
		if n == 0 {
			return 0
		}
		sure = true
	}
	// An agency, in brackets or between slashes.
	if i < len(toks) && (isPunct(s, toks[i], "(") || isPunct(s, toks[i], "/")) {
		j := agencyEnd(s, toks, i)
		if j < 0 {
			return 0 // "WHO (World Health Organization) —", "TESLA (TSLA) —"
		}
		i, sure = j, true
	}
	// The dash: one token, or "--" as two.
	if i >= len(toks) || !isDash(s, toks[i]) {
		return 0
	}
	i = dashEnd(s, toks, i)
	// "SEATTLE--(BUSINESS WIRE)--": the agency between dashes.
	if i < len(toks) && isPunct(s, toks[i], "(") {
		if j := agencyEnd(s, toks, i); j >= 0 && j < len(toks) && isDash(s, toks[j]) {
			i, sure = dashEnd(s, toks, j), true
		}
	}
	if !sure && !known {
		return 0
	}
	if i >= len(toks) {
		return len(s) // the dateline alone, on a line of its own
	}
	// What follows is a sentence in mixed case that opens with no word in
	// lower case, but a brand ("eBay", "iPhone") after an agency or a part
	// after a comma.
	first := toks[i].Text(s)
	r, _ := utf8.DecodeRuneInString(first)
	if unicode.IsLower(r) && !(sure && !allLower(first)) || !hasLower(s[toks[i].Start:]) {
		return 0
	}
	return toks[i].Start
}

// dashEnd returns the index of the token after the dash at token i, "--"
// written as two hyphens taken as one.
func dashEnd(s string, toks []Token, i int) int {
	i++
	if i < len(toks) && isPunct(s, toks[i], "-") && toks[i].Start == toks[i-1].End {
		i++
	}
	return i
}

// agencyEnd returns, for the bracket or slash at token i, the index of the
// token after the one that closes it, when one to four words between name
// a news agency (newsAgencies); else -1.
func agencyEnd(s string, toks []Token, i int) int {
	closer := ")"
	if isPunct(s, toks[i], "/") {
		closer = "/"
	}
	j := i + 1
	for j < len(toks) && j <= i+4 && toks[j].Kind == Word {
		j++
	}
	if j == i+1 || j >= len(toks) || !isPunct(s, toks[j], closer) {
		return -1
	}
	if _, ok := newsAgencies[strings.ToLower(strings.Join(strings.Fields(s[toks[i+1].Start:toks[j-1].End]), " "))]; !ok {
		return -1
	}
	return j + 1
}

// newsAgencies are the news agencies and wire services that datelines
// name, in lower case.
var newsAgencies = setOf(
	"reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse", "bloomberg",
	"bloomberg news", "cnn", "cnn business", "cnbc", "upi", "ians", "pti", "ani", "dpa", "xinhua", "kyodo",
	"jiji", "yonhap", "tass", "ria novosti", "interfax", "sputnik", "efe", "ansa", "aap", "cp",
	"the canadian press", "anadolu", "aa", "irna", "wam", "spa", "lusa", "apa", "cna", "bernama", "antara",
	"vna", "mena", "kna", "jta", "rns", "business wire", "globe newswire", "globenewswire", "prnewswire",
	"pr newswire", "prnewswire-firstcall", "cnw", "marketwired", "accesswire", "newswire", "eurekalert",
)

// isDatelineCity reports whether place, in capitals, is a city of
// datelineCities.
func isDatelineCity(place string) bool {
	_, ok := datelineCities()[strings.Join(strings.Fields(place), " ")]
	return ok
}

// datelineCities are the cities that datelines name on their own, without
// a region or an agency ("LONDON —", "DES MOINES —"), in capitals: capitals
// of states and the cities news is most often filed from.
var datelineCities = sync.OnceValue(func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, c := range strings.Split(datelineCitiesText, ",") {
		if c = strings.TrimSpace(c); c != "" {
			m[strings.ToUpper(c)] = struct{}{}
		}
	}
	return m
})

const datelineCitiesText = `
Abidjan, Abu Dhabi, Abuja, Accra, Addis Ababa, Albany, Algiers, Amman, Amsterdam, Anchorage, Ankara,
Annapolis, Antananarivo, Astana, Asunción, Athens, Atlanta, Auckland, Austin, Baghdad, Baku, Baltimore,
Bamako, Bangkok, Bangui, Barcelona, Beijing, Beirut, Belfast, Belgrade, Bengaluru, Berlin, Bern,
Birmingham, Bishkek, Bogotá, Bogota, Boise, Boston, Brasília, Brasilia, Bratislava, Brazzaville,
Brisbane, Brussels, Bucharest, Budapest, Buenos Aires, Buffalo, Bujumbura, Cairo, Calgary, Canberra,
Cape Town, Caracas, Cardiff, Charleston, Charlotte, Chennai, Cheyenne, Chicago, Chisinau, Cincinnati,
Cleveland, Colombo, Columbus, Conakry, Concord, Copenhagen, Dakar, Dallas, Damascus, Dar es Salaam,
Davos, Denver, Des Moines, Detroit, Dhaka, Doha, Dubai, Dublin, Durban, Dushanbe, Edinburgh, Frankfurt,
Freetown, Gaborone, Geneva, Glasgow, Guatemala City, Hamburg, Hanoi, Harare, Harrisburg, Hartford,
Havana, Helsinki, Hiroshima, Ho Chi Minh City, Hong Kong, Honolulu, Houston, Indianapolis, Islamabad,
Istanbul, Jackson, Jakarta, Jerusalem, Johannesburg, Juba, Kabul, Kampala, Kansas City, Karachi,
Kathmandu, Khartoum, Kharkiv, Kiev, Kigali, Kingston, Kinshasa, Kolkata, Kuala Lumpur, Kuwait City,
Kyiv, La Paz, Lagos, Lahore, Las Vegas, Libreville, Lilongwe, Lima, Lisbon, Little Rock, Ljubljana,
Lomé, London, Los Angeles, Louisville, Luanda, Lusaka, Luxembourg, Lviv, Lyon, Madison, Madrid, Managua,
Manchester, Manila, Maputo, Marseille, Melbourne, Memphis, Mexico City, Miami, Milan, Milwaukee,
Minneapolis, Minsk, Mogadishu, Monrovia, Montevideo, Montgomery, Montreal, Moscow, Mumbai, Munich,
Muscat, Nairobi, Nashville, Naypyidaw, New Delhi, New Orleans, New York, Niamey, Nicosia, Nouakchott,
Oakland, Odesa, Oklahoma City, Omaha, Orlando, Osaka, Oslo, Ottawa, Ouagadougou, Panama City, Paris,
Perth, Philadelphia, Phnom Penh, Phoenix, Pittsburgh, Podgorica, Port-au-Prince, Portland, Prague,
Pretoria, Providence, Pyongyang, Quito, Rabat, Raleigh, Ramallah, Rangoon, Reno, Reykjavik, Richmond,
Riga, Rio de Janeiro, Riyadh, Rome, Sacramento, Saint Paul, Salt Lake City, San Antonio, San Diego,
San Francisco, San José, San Jose, San Juan, San Salvador, Sanaa, Santiago, Santo Domingo, São Paulo,
Sao Paulo, Sarajevo, Seattle, Seoul, Shanghai, Shenzhen, Singapore, Skopje, Sofia, Springfield,
St. Louis, St. Paul, St. Petersburg, Stockholm, Strasbourg, Sydney, Taipei, Tallahassee, Tallinn,
Tashkent, Tbilisi, Tegucigalpa, Tehran, Tel Aviv, The Hague, Tirana, Tokyo, Topeka, Toronto, Toulouse,
Trenton, Tripoli, Tunis, Ulaanbaatar, Vancouver, Vatican City, Vienna, Vientiane, Vilnius, Warsaw,
Washington, Wellington, Windhoek, Yangon, Yaoundé, Yerevan, Zagreb, Zurich`

// allCaps reports whether w has a letter and no lower-case letter.
func allCaps(w string) bool {
	letter := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// allLower reports whether w has no capital letter ("eBay" has one).
func allLower(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// startsUpper reports whether w starts with a capital letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// hasLower reports whether s holds a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// isPunct reports whether t is the punctuation token p.
func isPunct(s string, t Token, p string) bool { return t.Kind == Punct && t.Text(s) == p }

// isDash reports whether t is a hyphen or a dash.
func isDash(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text(s) {
	case "-", "\u2013", "\u2014", "\u2015":
		return true
	}
	return false
}
