package features

import (
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
//
// It is a place in capitals (up to six words: "SÃO PAULO", "ST. LOUIS"),
// then any of: one to three parts after commas, each up to five words
// that start with a capital or numbers ("Ukraine", "Nov. 28", "2025"); an
// agency in brackets or between slashes, one to four words ("(Reuters)",
// "/PRNewswire/"); and a dash ("-", "--", "–" or "—"). A sentence in
// mixed case must follow, opening with no lower-case letter. Without a
// part after a comma or an agency, the place must have two words or five
// letters or more, so that "NATO — the alliance …" and a shouted "TRUMP
// — THE WORST" keep their names; a four-letter city alone ("ROME —") is
// missed.
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
	i, place, letters := 0, 0, 0
	// The place: words in capitals, with dots between ("ST. LOUIS").
	for i < len(toks) && place < 6 {
		t := toks[i]
		w := t.Text(s)
		if t.Kind == Word && allCaps(w) {
			place++
			letters += utf8.RuneCountInString(w)
			i++
			continue
		}
		if t.Kind == Punct && w == "." && place > 0 && i+1 < len(toks) && toks[i+1].Kind == Word && allCaps(toks[i+1].Text(s)) {
			i++
			continue
		}
		break
	}
	if place == 0 {
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
			if t.Kind == Number || t.Kind == Word && startsUpper(w) || t.Kind == Punct && w == "." && n > 0 {
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
		closer := ")"
		if isPunct(s, toks[i], "/") {
			closer = "/"
		}
		j := i + 1
		for j < len(toks) && j <= i+4 && toks[j].Kind == Word {
			j++
		}
		if j == i+1 || j >= len(toks) || !isPunct(s, toks[j], closer) {
			return 0
		}
		i = j + 1
		sure = true
	}
	// The dash: one token, or "--" as two.
	if i >= len(toks) || !isDash(s, toks[i]) {
		return 0
	}
	i++
	if i < len(toks) && isPunct(s, toks[i], "-") && toks[i].Start == toks[i-1].End {
		i++
	}
	if !sure && place < 2 && letters < 5 {
		return 0
	}
	if i >= len(toks) {
		return len(s) // the dateline alone, on a line of its own
	}
	// What follows is a sentence in mixed case that opens with no
	// lower-case letter.
	r, _ := utf8.DecodeRuneInString(s[toks[i].Start:])
	if unicode.IsLower(r) || !hasLower(s[toks[i].Start:]) {
		return 0
	}
	return toks[i].Start
}

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
