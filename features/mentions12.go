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
// "Breaking", "Watch", "Imagine" or "Hello", which open names too ("Breaking Bad",
// "Imagine Dragons", "Hello Kitty").
var interjections12 = setOf(
	"Thanks", "Congrats", "Congratulations", "Dear", "Hey", "Hi", "Wow", "Sorry",
	"Please", "Lol", "LOL", "Omg", "OMG", "Oh", "Ah", "Yay", "Ugh", "Bravo", "Cheers", "Goodbye",
	"Bye",
)
