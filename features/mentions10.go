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
// in the name ("S&P 500", "Windows 11", "Formula 1", "Boeing 737 MAX",
// "Article 5", "Euro 2024", "Gemini 2.5 Pro"), where feature set 9 ended
// the name before it ("S&P", "Windows", "Boeing" and "MAX"). Only a
// number of digits (four at most, with at most two decimals after one
// dot) written straight after the word, one space between, joins; and not
// one that counts or measures ("paid Boeing 500 million", "Windows 10
// years ago", "… 2 percent"), nor one that opens a score or a range ("2-1",
// "3/4"). Numbers after other names are left out as before: they are
// mostly not the name's ("beat Chelsea 3-1", "pledged Ukraine 31 tanks",
// "on March 5").
//
// appendMentions calls inName10.

// numberedText is names/numbered.txt, written for stancekit: words that a
// number follows inside a name, one a line as written (case matters:
// "iPhone", "FTSE", "S&P"). Places, people's names and words that often
// stand before a count are left out ("France 24" against "beat France 2-1";
// "Paris 2024"; "Microsoft 365" against "paid Microsoft 10 billion"), as
// are words whose number is seldom a name's ("Type 2 diabetes", "Phase 3",
// "Chapter 11").
//
//go:embed names/numbered.txt
var numberedText string

// numberedWords returns the words of names/numbered.txt. It panics on a
// line that is not one word of ASCII letters and "&", a defect in the list
// that the tests catch.
var numberedWords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 128)
	for line := range strings.Lines(numberedText) {
		w := strings.TrimRight(line, "\n")
		if w == "" {
			continue
		}
		for i := range len(w) {
			if c := w[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '&') {
				panic("features: names/numbered.txt entry " + w + " is not one word of ASCII letters")
			}
		}
		m[w] = struct{}{}
	}
	return m
})

// inName10 reports whether the Number token i, after name token i-1 of a
// run, is in the name, as the package doc of mentions10.go says;
// appendMentions then grows the name across it, and across a name word
// after it ("iPhone 17 Pro"). The word before it may be written with "&"
// ("S&P", tokens "S", "&", "P").
func inName10(text string, toks []Token, i int) bool {
	t := toks[i]
	if toks[i-1].Kind != Word || !joined(text, toks[i-1], t) || !isNameNumber10(t.Text(text)) {
		return false
	}
	head := toks[i-1].Text(text)
	if i >= 3 && toks[i-2].End == toks[i-1].Start && toks[i-3].End == toks[i-2].Start && toks[i-2].Text(text) == "&" {
		head = text[toks[i-3].Start:toks[i-1].End] // "S&P"
	}
	_, ok := numberedWords()[head]
	return ok && !countsAfter10(text, toks, i)
}

// isNameNumber10 reports whether n, a Number token, can be part of a
// name: one to four digits, then at most a dot and one or two digits
// ("11", "737", "2024", "2.5"; not "1,000", "10:30" or "3.14159").
func isNameNumber10(n string) bool {
	d := 0
	for d < len(n) && '0' <= n[d] && n[d] <= '9' {
		d++
	}
	if d == 0 || d > 4 {
		return false
	}
	if d == len(n) {
		return true
	}
	if n[d] != '.' || len(n)-d-1 < 1 || len(n)-d-1 > 2 {
		return false
	}
	for _, c := range []byte(n[d+1:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// countsAfter10 reports whether the Number token i counts or measures
// what follows it, or opens a score or a range, so that it is no part of
// the name before it: a unit, an amount or "percent" after it ("500
// million", "10 years", "2 percent", "3%"), or a dash or slash and a
// number straight after it ("2-1", "3/4").
func countsAfter10(text string, toks []Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	switch w := n.Text(text); w {
	case "%", "percent", "per", "pct", "bn", "m", "k", "million", "millions", "billion", "billions", "trillion",
		"thousand", "thousands", "hundred", "hundreds", "dozen", "people", "times",
		"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "seconds",
		"points", "votes", "seats", "goals":
		return true
	case "-", "–", "/":
		return n.Start == toks[i].End && i+2 < len(toks) && toks[i+2].Kind == Number && toks[i+2].Start == n.End
	}
	return false
}
