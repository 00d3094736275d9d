package features

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences appends to dst the spans of the sentences of text and returns
// the extended slice. Spans are in order, do not overlap, start and end on
// non-space text, and together cover every token of text.
//
// A sentence ends at '.', '!', '?' or "..." (with any closing quotes and
// brackets after it) when the next token starts a new sentence, and always
// at a blank line. A dot after a known abbreviation ("Mr.", "Gen.",
// "Jan."), after a single capital initial ("George W. Bush") or inside a
// number does not end a sentence; an acronym's dot ("U.S.") ends one only
// before a common sentence opener ("The", "He", …).
func Sentences(dst []Span, text string) []Span {
	var toks [64]Token
	all := Tokenize(toks[:0], text)
	start := -1
	for i := 0; i < len(all); i++ {
		if start < 0 {
			start = all[i].Start
		}
		end := -1
		switch {
		case i+1 == len(all) || blankLineBetween(text, all[i].End, all[i+1].Start):
			end = all[i].End
		case endsSentence(text, all, i):
			j := i
			for j+1 < len(all) && all[j+1].Start == all[j].End && isCloser(all[j+1].Text(text)) {
				j++
			}
			if j+1 == len(all) || startsSentence(text, all[j+1]) || blankLineBetween(text, all[j].End, all[j+1].Start) {
				end, i = all[j].End, j
			}
		}
		if end >= 0 {
			dst = append(dst, Span{start, end})
			start = -1
		}
	}
	return dst
}

func blankLineBetween(text string, a, b int) bool {
	return strings.Count(text[a:b], "\n") >= 2
}

func isCloser(s string) bool {
	switch s {
	case "\"", "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

// endsSentence reports whether token i is a sentence terminator.
func endsSentence(text string, toks []Token, i int) bool {
	t := toks[i]
	s := t.Text(text)
	switch {
	case t.Kind == Punct && (s == "!" || s == "?" || s == "..." || s == "…"):
		return true
	case t.Kind == Punct && s == ".":
		if i == 0 {
			return true
		}
		prev := toks[i-1]
		if prev.End != t.Start || prev.Kind != Word {
			return true
		}
		w := prev.Text(text)
		if isInitial(w) || isAbbreviation(w) {
			return false
		}
		return true
	case t.Kind == Word && strings.HasSuffix(s, "."):
		// An acronym with its final dot ("U.S."): a boundary only before a
		// common sentence opener.
		if i+1 < len(toks) {
			return isOpener(toks[i+1].Text(text))
		}
		return true
	}
	return false
}

func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

func isAbbreviation(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	b := AppendNormalized(buf[:0], w)
	_, ok := abbreviations[string(b)]
	return ok
}

var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
	"adm", "cmdr", "st", "jr", "sr", "rev", "hon", "pres", "amb", "supt", "det", "insp", "cpl", "pvt",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"no", "nos", "vs", "v", "etc", "approx", "dept", "est", "fig", "inc", "corp", "ltd", "co", "bros",
	"mt", "ft", "ave", "blvd", "rd", "e.g", "i.e", "al", "cf", "vol", "pp", "ed",
)

var openers = setOf(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At",
	"This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "After", "Before",
	"When", "While", "If", "As", "Yet", "So", "Meanwhile", "However", "Still", "Then", "Now",
)

func isOpener(w string) bool { _, ok := openers[w]; return ok }

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// startsSentence reports whether t can open a sentence: it begins with an
// upper-case letter, a digit, an opening quote or bracket, or a symbol.
func startsSentence(text string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text(text))
	if unicode.IsLetter(r) {
		return unicode.IsUpper(r) || unicode.IsTitle(r) || !unicode.IsLower(r)
	}
	return true
}
