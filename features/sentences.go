package features

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences appends to dst the spans of the sentences of text and returns
// the extended slice. Spans are in order, do not overlap, start and end on
// non-space text, and together cover every token of text but byte-order
// marks, zero-width spaces and word joiners before a sentence.
//
// A sentence ends at '.', '!', '?' or "..." (with any closing quotes and
// brackets after it) when white space and a token that can open a sentence
// follow; always at a blank line; and at a line break before a token that
// can open a sentence (headlines, list items). A dot after a title ("Mr.",
// "Gen."), a month ("Jan.") or a single capital initial ("George W. Bush")
// does not end a sentence; after an acronym ("U.S.") or an abbreviation
// that can close a sentence ("Inc.", "etc.", "p.m.") it ends one only before
// a common sentence opener ("The", "He", "Officials", …).
func Sentences(dst []Span, text string) []Span {
	var toks [64]Token
	return appendSentences(dst, text, Tokenize(toks[:0], text))
}

// SentenceSplitter splits texts like Sentences but keeps its token buffer
// from call to call, so that splitting text after text allocates only when
// a text is longer (in bytes, or in tokens) than any before. The zero value is ready to use.
// A SentenceSplitter is not safe for concurrent use.
type SentenceSplitter struct {
	// Tokenize tokenizes each text; nil means the package's Tokenize,
	// the current feature set's. Set it to an Extractor's Tokenize method
	// to hand Tokens to that extractor's PrepareTokens, and to split as
	// that extractor's feature set tokenizes (before feature set 11, a
	// joiner inside a word split it: "D\u2060r." is no title there).
	Tokenize TokenizeFunc

	toks []Token
}

// Append appends the spans of the sentences of text to dst, as Sentences
// does, and returns the extended slice.
func (s *SentenceSplitter) Append(dst []Span, text string) []Span {
	if want := len(text)/5 + 16; cap(s.toks) < want {
		s.toks = make([]Token, 0, want) // news text runs about 5 bytes a token
	}
	if s.Tokenize != nil {
		s.toks = s.Tokenize(s.toks[:0], text)
	} else {
		s.toks = Tokenize(s.toks[:0], text)
	}
	return appendSentences(dst, text, s.toks)
}

// Tokens returns the tokens of the text last split, with offsets into that
// text. The slice is owned by s and changes with the next Append.
func (s *SentenceSplitter) Tokens() []Token { return s.toks }

// appendSentences is Sentences on the tokens of text.
func appendSentences(dst []Span, text string, all []Token) []Span {
	start := -1
	for i := 0; i < len(all); i++ {
		if start < 0 {
			if ignorable(text, all[i]) {
				continue // no sentence starts with a byte-order mark
			}
			start = all[i].Start
		}
		// Most tokens end no sentence: they are not the last, no line
		// break follows them, and they do not end in '.', '!', '?' or '…'.
		// They are passed over here, and the rest decided below.
		for i+1 < len(all) {
			t, g := all[i], all[i+1].Start-all[i].End
			if mayEndSentence(text[t.End-1]) || g > 1 || g == 1 && text[t.End] == '\n' {
				break
			}
			i++
		}
		t := all[i]
		last := i+1 == len(all)
		// Whether the gap before the next token holds a line break; it is
		// nearly always "" or " ", so the search is skipped.
		nl := false
		if !last {
			switch g := all[i+1].Start - t.End; {
			case g == 1:
				nl = text[t.End] == '\n'
			case g > 1:
				nl = strings.IndexByte(text[t.End:all[i+1].Start], '\n') >= 0
			}
		}
		end := -1
		switch {
		case last || nl && blankLineBetween(text, t.End, all[i+1].Start):
			end = t.End
		case mayEndSentence(text[t.End-1]) && endsSentence(text, all, i):
			j := i
			for j+1 < len(all) && all[j+1].Start == all[j].End && isCloser(all[j+1].Text(text)) {
				j++
			}
			switch {
			case j+1 == len(all):
				end, i = all[j].End, j
			case all[j+1].Start == all[j].End:
				// "v3.0", "?!", "Yahoo!Japan": no space, no boundary.
			case startsSentence(text, all[j+1]) || strings.Contains(text[all[j].End:all[j+1].Start], "\n"):
				end, i = all[j].End, j
			}
		case nl && startsSentence(text, all[i+1]) && !isContinuation(all[i].Text(text)):
			// A line break before a capital: a headline or list item ends.
			end = all[i].End
		}
		if end >= 0 {
			dst = append(dst, Span{start, end})
			start = -1
		}
	}
	return dst
}

// ignorable reports whether token t is only invisible format characters
// that mark no boundary and carry no text: the byte-order mark U+FEFF
// (which editors put at the start of a file), the zero-width space U+200B
// and the word joiner U+2060. Tokenize makes them punctuation; a sentence
// does not start with them, so that a file's mark does not change its
// first sentence's features.
func ignorable(text string, t Token) bool {
	if t.Kind != Punct || text[t.Start] != 0xe2 && text[t.Start] != 0xef {
		return false
	}
	for _, r := range text[t.Start:t.End] {
		if r != '\ufeff' && r != '\u200b' && r != '\u2060' {
			return false
		}
	}
	return true
}

// isContinuation reports whether a line ending in w clearly goes on.
func isContinuation(w string) bool {
	switch w {
	case ",", "-", "–", "—", "(", "&", "and", "or", "of", "the", "a", "to":
		return true
	}
	return false
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

// mayEndSentence reports whether a token whose last byte is b can be a
// sentence terminator at all, as endsSentence would find: only one that
// ends in '.', '!', '?' or '…' (whose last byte is 0xa6) can.
func mayEndSentence(b byte) bool {
	switch b {
	case '.', '!', '?', 0xa6:
		return true
	}
	return false
}

// endsSentence reports whether token i is a sentence terminator.
func endsSentence(text string, toks []Token, i int) bool {
	t := toks[i]
	s := t.Text(text)
	nextOpens := func() bool {
		return i+1 >= len(toks) || isOpener(toks[i+1].Text(text))
	}
	switch {
	case t.Kind == Punct && (s == "!" || s == "?" || s == "..." || s == "…"):
		return true
	case t.Kind == Punct && s == ".":
		if i == 0 {
			return true
		}
		prev := toks[i-1]
		if prev.Kind == Number && prev.End == t.Start && (i == 1 || strings.Contains(text[toks[i-2].End:prev.Start], "\n")) {
			return false // "1." opening a numbered list item
		}
		if prev.End != t.Start || prev.Kind != Word {
			return true
		}
		w := prev.Text(text)
		if isInitial(w) {
			return false
		}
		if k := abbreviationKind(w); k != 0 {
			// Titles and months never end a sentence; other abbreviations
			// do before a common opener ("… Acme Inc. The company …").
			return k == abbrCanEnd && i+1 < len(toks) && nextOpens()
		}
		return true
	case t.Kind == Word && strings.HasSuffix(s, "."):
		// An acronym with its final dot ("U.S."): a boundary only before a
		// common sentence opener.
		return nextOpens()
	}
	return false
}

func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

const (
	abbrNever  = 1 // titles, months: never end a sentence
	abbrCanEnd = 2 // may close a sentence: "Inc.", "etc.", "p.m."
)

// abbreviationKind classifies the word before a dot.
func abbreviationKind(w string) int {
	var buf [16]byte
	if len(w) > len(buf) {
		return 0
	}
	b := AppendNormalized(buf[:0], w)
	if _, ok := abbreviations[string(b)]; ok {
		return abbrNever
	}
	if _, ok := closingAbbreviations[string(b)]; ok {
		return abbrCanEnd
	}
	return 0
}

var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
	"adm", "cmdr", "rev", "hon", "pres", "amb", "supt", "det", "insp", "cpl", "pvt", "mt", "ft",
	"secy", "atty", "brig", "lieut", "cllr", "messrs", "mme", "mlle",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"vs", "v", "approx", "dept", "est", "fig", "e.g", "i.e", "al", "cf", "vol", "pp", "ed", "ph",
	"calif", "mass", "penn", "wash", "fla", "ariz", "conn", "ill", "mich", "minn", "tenn", "va",
)

var closingAbbreviations = setOf(
	"inc", "corp", "ltd", "co", "bros", "etc", "jr", "sr", "st", "no", "plc", "llc", "a.m", "p.m",
)

// isOpener reports whether w, capitalised, usually opens a sentence
// rather than naming something: a function word, a plural common noun, or
// "Neither".
func isOpener(w string) bool {
	if w == "Neither" {
		return true
	}
	if _, ok := functionWords[w]; ok {
		return true
	}
	_, ok := commonNouns[w]
	return ok
}

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// startsSentence reports whether t can open a sentence: it begins with an
// upper-case letter, a digit, an opening quote or bracket, a currency sign
// or a bullet, or is a lower-case brand written in camel case ("iPhone").
func startsSentence(text string, t Token) bool {
	w := t.Text(text)
	r, size := utf8.DecodeRuneInString(w)
	if unicode.IsLetter(r) {
		if !unicode.IsLower(r) {
			return true
		}
		for _, r2 := range w[size:] {
			if unicode.IsUpper(r2) {
				return true // iPhone, eBay
			}
		}
		return false
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '?', '!', '%', '.':
		return false
	}
	return true
}
