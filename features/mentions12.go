package features

import "strings"

// Feature set 12's name finder rule: a sentence adverb or an interjection
// that opens a sentence, or follows a colon, is no part of the name after
// it. Capitalised there, it ran into that name: "Sadly Trump won" gave
// "Sadly Trump", "Honestly Google's Gemini …" "Honestly Google" and
// "Thanks Obama" or "Congrats Lewis Hamilton!" the whole. Feature set 4
// already left such a word out when it stood alone, and "Meanwhile",
// "Yesterday" and the like are function words of every set. Social-media
// posts open so far more often than news: the training files hold one
// ("Dear Carrie, …").

// opens12 reports whether token k, the first of the run of name tokens
// up to j, is an opener (opener12) that is no part of the name after it:
// not when one common word follows it alone ("Absolutely Fabulous",
// "Simply Business", "Wow Air") or another opener does ("Truly Madly
// Deeply", "Bye Bye Birdie", "Please Please Me"): such runs are titles.
func opens12(text string, toks []Token, k, j int) bool {
	if !opener12(toks[k].Text(text)) {
		return false
	}
	next := toks[k+1].Text(text)
	return !(k+2 == j && isCommonWord(next)) && !opener12(next)
}

// postStart12 reports whether only what opens a post stands before token
// k: handles, hashtags, numbers and punctuation ("@BBCNews Sadly …",
// "#Budget2024 Clearly …", "1/ Honestly …").
func postStart12(text string, toks []Token, k int) bool {
	for i := k - 1; i >= 0; i-- {
		t := toks[i]
		if t.Kind == Punct || t.Kind == Number {
			continue
		}
		if t.Kind == Word && i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind == Punct {
			if c := text[toks[i-1].Start]; c == '@' || c == '#' {
				i-- // the "@" or "#"
				continue
			}
		}
		return false
	}
	return true
}

// opener12 reports whether w, a word that opens a sentence or follows a
// colon with a name after it, is a sentence adverb — a word of
// names/common.txt in -ly, but those that are adjectives or nouns and
// open names ("Daily Mail", "Holy See", "Lonely Planet", "Family Guy") —
// or an interjection of interjections12. The word is as written: "SADLY"
// in a text in capitals is left to the rules of such text.
func opener12(w string) bool {
	if strings.HasSuffix(w, "ly") {
		_, not := notAdverbs12[w]
		return !not && isCommonWord(w)
	}
	_, ok := interjections12[w]
	return ok
}

// notAdverbs12 are the words of names/common.txt in -ly, capitalised, that
// are no adverbs of a whole sentence, or that open names.
var notAdverbs12 = setOf(
	"Apply", "Costly", "Daily", "Deadly", "Early", "Elderly", "Family", "Friendly", "Holy",
	"Hourly", "Likely", "Lively", "Lonely", "Lovely", "Monopoly", "Monthly", "Nightly", "Only",
	"Quarterly", "Rally", "Silly", "Supply", "Timely", "Ugly", "Unlikely", "Weekly", "Yearly",
)

// interjections12 are the interjections and greetings, capitalised, that
// open a post before a name ("Thanks Obama", "Dear Elon Musk"); not
// "Breaking", "Watch", "Imagine", "Hello", "Wow", "Bravo", "Cheers" or
// "Sorry", which open names too ("Breaking Bad", "Imagine Dragons",
// "Hello Kitty", "Wow Air", "Bravo TV", "Sorry Not Sorry").
var interjections12 = setOf(
	"Thanks", "Congrats", "Congratulations", "Dear", "Hey", "Hi", "Please", "Lol", "LOL",
	"Omg", "OMG", "Oh", "Ah", "Yay", "Ugh", "Goodbye", "Bye",
)
