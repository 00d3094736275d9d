package features

import (
	_ "embed"
	"strings"
	"sync"
)

// Feature set 10's name finder rule: numbers in names. A number after a
// word of names/numbered.txt — a word that names an index, a product line,
// an aircraft, a rocket, a weapon, a legal provision, a league, an event,
// a road or a channel, and that a number follows as part of the name — is
// in the name, when it is of a form the list gives that word ("S&P 500",
// "Windows 11", "Formula 1", "Boeing 737", "Article 5", "Euro 2024",
// "Gemini 2.5"), where feature set 9 ended the name before it ("S&P",
// "Windows", "Boeing"). The number ends the name, but for a word of a
// model's that follows it ("iPhone 17 Pro", "Boeing 737 MAX", "Channel 4
// News"; suffixes10): "Article 5 of NATO's treaty", "Under Article 5
// Poland could …" and "Windows 11 Microsoft said" give two names. The
// number is written straight after the word, with only spaces between
// (see joined), and it does not count or measure ("Windows 10 years ago",
// "Euro 2 Percent Weaker", "… 5 bln"), nor open a range or a score ("2-1",
// "2 to 3"; a year, "Euro 2028 matches", or a place's, counts nothing). A variant after a
// hyphen joins where the list allows one ("Boeing 737-800"), and a slash
// joins "S&P" to such a name ("S&P/ASX 200"). Numbers
// after other names are left out as before: they are mostly not the
// name's ("beat Chelsea 3-1", "pledged Ukraine 31 tanks", "on March 5").
// A word of the list in capitals is looked up as the list spells it
// ("BOEING 737", "NASDAQ 100").
//
// appendMentions calls nameEnd10.

// numberedText is names/numbered.txt, written for stancekit: words that a
// number follows inside a name, one a line as written (case matters:
// "iPhone", "FTSE", "S&P"), each with the forms of number it takes in a
// name (numberForm). Cities are in only with the years of the games they
// held ("Paris 2024", "Brisbane 2032"), though a year after one may be
// of other things too ("the Tokyo 2020 gubernatorial election"); words
// that often stand before a count are left out ("France 24" against "beat
// France 2-1"; "Microsoft 365" against "paid Microsoft 10 billion"; "LA
// Galaxy 3"), as are words whose number is seldom a name's ("Type 2
// diabetes", "Phase 3"); a word that is also a person's name is in only
// with its product's forms ("Russell 1000 2000 3000", "Claude" with
// versions).
//
//go:embed names/numbered.txt
var numberedText string

// numberForm is the forms of number that a word of names/numbered.txt
// takes: patterns of digits, in which "x" stands for any digit ("7x7":
// "737", "787"; "20xx": "2024"; "500"), "n" for one to three digits (the
// form of a word that the list gives none) and "nnnn" for one to four;
// with "v", a version with decimals ("2.5", "17.4"); and with "-", a
// variant of up to three digits after a hyphen ("737-800", "787-9").
type numberForm struct {
	patterns []string
	version  bool
	variant  bool
	years    bool // every pattern a year's ("Paris 2024", "Glasgow 2014 2026")
}

// fits reports whether the Number token n is of the form f: digits, and
// with f.version at most one dot and one or two digits after it, one or
// two before it; and whether it is a year, of a pattern "19xx" or "20xx"
// ("Euro 2028") or of a word whose every pattern is a year of four digits
// ("Paris 2024"), after which a word of units10 counts nothing ("Euro 2028
// matches", "LA 2028 staff").
func (f numberForm) fits(n string) (ok, year bool) {
	d := 0
	for d < len(n) && '0' <= n[d] && n[d] <= '9' {
		d++
	}
	if d < len(n) {
		ok := f.version && 1 <= d && d <= 2 && n[d] == '.' && len(n)-d-1 <= 2 && isDigits(n[d+1:])
		return ok, false
	}
	for _, p := range f.patterns {
		switch p {
		case "n":
			if 1 <= d && d <= 3 {
				return true, false
			}
		case "nnnn":
			if 1 <= d && d <= 4 {
				return true, false
			}
		default:
			if len(p) == d && digitsMatch(p, n) {
				return true, f.years || p == "19xx" || p == "20xx"
			}
		}
	}
	return false, false
}

// digitsMatch reports whether the digits n match the pattern p of the
// same length, whose "x" matches any digit.
func digitsMatch(p, n string) bool {
	for i := range len(p) {
		if p[i] != 'x' && p[i] != n[i] {
			return false
		}
	}
	return true
}

// numberedWords returns the words of names/numbered.txt and their forms,
// keyed as the list spells them and, for those of four letters or more
// not in capitals there, also in capitals ("BOEING", "IPHONE"; not "ACT",
// the Australian Capital Territory, for "Act"). It panics on a line that
// is not a word of ASCII letters, "&" and inner hyphens and then forms
// (patterns of digits and "x" of five characters at most, "n", "nnnn",
// "v" and "-"), a defect in the list that the tests catch.
var numberedWords = sync.OnceValue(func() map[string]numberForm {
	m := make(map[string]numberForm, 256)
	for line := range strings.Lines(numberedText) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		w := fields[0]
		for i := range len(w) {
			if c := w[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '&' || c == '-' && i > 0 && i < len(w)-1) {
				panic("features: names/numbered.txt entry " + w + " is not one word of ASCII letters, \"&\" and inner hyphens")
			}
		}
		var f numberForm
		for _, p := range fields[1:] {
			switch {
			case p == "v":
				f.version = true
			case p == "-":
				f.variant = true
			case p == "n" || p == "nnnn":
				f.patterns = append(f.patterns, p)
			case strings.Trim(p, "0123456789x") == "" && len(p) <= 5:
				f.patterns = append(f.patterns, p)
			default:
				panic("features: names/numbered.txt entry " + w + " has a form " + p + " of no number")
			}
		}
		if len(f.patterns) == 0 {
			f.patterns = []string{"n"}
		}
		f.years = true
		for _, p := range f.patterns {
			f.years = f.years && len(p) == 4 && (p[:2] == "19" || p[:2] == "20")
		}
		m[w] = f
		if u := strings.ToUpper(w); u != w && len(w) >= 4 {
			m[u] = f // not "ACT" for "Act": the Australian Capital Territory
		}
	}
	return m
})

// nameEnd10 returns the end of the name whose run has reached token j,
// a Number or a "/", when feature set 10 takes the number into the name
// and ends the name with it (after the model's words that follow it:
// afterNumber10); j when it does not.
func nameEnd10(text string, toks []Token, cls []uint16, j int) int {
	// The number's token: j, or after "/" and a name word ("S&P/ASX 200").
	n := j
	if toks[j].Kind == Punct {
		if !slashJoins10(text, toks, cls, j) {
			return j
		}
		n = j + 2
	}
	if e := numberEnd10(text, toks, n); e > n {
		return afterNumber10(text, toks, cls, e)
	}
	return j
}

// numberEnd10 returns the index past the Number token i, after name
// token i-1 of a run, and past its variant if the list's form allows one
// ("737-800"), when the number is in the name, as the package doc of
// mentions10.go says; i when it is not. The word before it may be written
// with "&" ("S&P", tokens "S", "&", "P").
func numberEnd10(text string, toks []Token, i int) int {
	t := toks[i]
	if t.Kind != Number || toks[i-1].Kind != Word || !joined(text, toks[i-1], t) {
		return i
	}
	head := toks[i-1].Text(text)
	if i >= 3 && toks[i-2].End == toks[i-1].Start && toks[i-3].End == toks[i-2].Start && toks[i-2].Text(text) == "&" {
		head = text[toks[i-3].Start:toks[i-1].End] // "S&P"
	}
	f, ok := numberedWords()[head]
	if !ok {
		return i
	}
	fits, year := f.fits(t.Text(text))
	if !fits {
		return i
	}
	if f.variant && i+2 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Text(text) == "-" &&
		toks[i+2].Kind == Number && toks[i+2].Start == toks[i+1].End && toks[i+2].End-toks[i+2].Start <= 3 && isDigits(toks[i+2].Text(text)) {
		return i + 3 // "Boeing 737-800"
	}
	if countsAfter10(text, toks, i, !year) { // but "Euro 2028 matches", "LA 2028 staff"
		return i
	}
	return i + 1
}

// slashJoins10 reports whether the "/" at token j joins "S&P", written
// straight before it, to the name word straight after it, before a
// Number, as the names of indexes that S&P runs with an exchange read
// ("S&P/ASX 200", "S&P/TSX 60"; not "Microsoft/Windows 11", which are two
// names). nameEnd10 then asks whether the number is in the name.
func slashJoins10(text string, toks []Token, cls []uint16, j int) bool {
	return j >= 3 && j+2 < len(toks) && text[toks[j-3].Start:toks[j].Start] == "S&P" &&
		toks[j+1].Start == toks[j].End && cls[j+1]&clsName != 0
}

// isDigits reports whether s is one ASCII digit or more.
func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// suffixes10 are the words of a model's name that may follow its number
// ("iPhone 17 Pro", "Boeing 737 MAX", "Claude 3.5 Sonnet", "Channel 4
// News"), in any case.
var suffixes10 = []string{"Air", "Dreamliner", "Dreamliners", "Elite", "Enterprise", "Flash", "Haiku", "Lite", "Max", "Mini", "Nano",
	"News", "OLED", "Opus", "Plus", "Pro", "SE", "Slim", "Sonnet", "Turbo", "Ultra", "XL"}

// afterNumber10 returns the index past the words of suffixes10 with the
// name class that follow token i-1, the number of a name, joined to it;
// but not past one that another name word follows, which it opens ("Boeing
// 787 Air India", "In Formula 1 Max Verstappen"; "iPhone 16 Pro Max"
// stays one name).
func afterNumber10(text string, toks []Token, cls []uint16, i int) int {
	for i < len(toks) && cls[i]&clsName != 0 && joined(text, toks[i-1], toks[i]) && isSuffix10(toks[i].Text(text)) {
		if n := i + 1; n < len(toks) && cls[n]&clsName != 0 && joined(text, toks[i], toks[n]) && !isSuffix10(toks[n].Text(text)) {
			break
		}
		i++
	}
	return i
}

func isSuffix10(w string) bool {
	for _, s := range suffixes10 {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

// amounts10 are the words after a number that make it an amount or a
// ratio (in lower case): a number before one is no part of a name, a
// year's form neither ("Euro 2000 per day", "Euro 1900 million").
var amounts10 = setOf("percent", "per", "pct", "bn", "bln", "m", "mln", "k", "million", "millions", "billion", "billions",
	"trillion", "thousand", "thousands", "hundred", "hundreds", "dozen", "basis", "bps")

// units10 are the words after a number that count or measure (in lower
// case): a number before one is no part of a name, but for a year
// ("Euro 2028 matches", "LA 2028 staff").
var units10 = setOf("people", "times",
	"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
	"second", "seconds", "decade", "decades", "season", "seasons",
	"points", "votes", "seats", "goals", "wins", "runs", "games", "matches", "championships",
	"jobs", "workers", "employees", "staff", "units", "shares", "cars", "tonnes", "tons",
	"km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "kg")

// countsAfter10 reports whether the Number token i counts or measures
// what follows it, or opens a range or a score, so that it is no part of
// the name before it: a word of amounts10 after it, or with units one of
// units10, in any case ("500 million", "2 PERCENT", "10 Years"); "%"; or a
// dash or a slash and a number ("2-1", "3/4", "2022 – 2023"), or "to",
// "through" or "until" and one ("2 to 3").
func countsAfter10(text string, toks []Token, i int, units bool) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	w := n.Text(text)
	switch w {
	case "%":
		return true
	case "-", "–", "—", "/":
		return i+2 < len(toks) && toks[i+2].Kind == Number
	case "to", "To", "TO", "through", "until":
		return i+2 < len(toks) && toks[i+2].Kind == Number
	}
	if n.Kind != Word || len(w) > 12 {
		return false
	}
	var buf [12]byte
	for k := range len(w) {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	if _, amount := amounts10[string(buf[:len(w)])]; amount {
		return true
	}
	_, unit := units10[string(buf[:len(w)])]
	return units && unit
}
