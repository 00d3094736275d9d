package features

import (
	"bufio"
	"embed"
	"strings"
	"sync"
)

// The cue word lists in lexicon/ were written for stancekit: one lower-case
// word form per line. Each list is a category of stance cue:
//
//	positive  words that portray something favourably
//	negative  words that portray something unfavourably
//	attack    acts by a subject against an object (accuse, sanction, sue)
//	support   acts by a subject for an object (praise, back, defend)
//	suffer    bad things that happen to an entity (ousted, fined, collapsed)
//	hedge     hedging and attribution (allegedly, reportedly, said)
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexiconCategories names the cue categories of the lists in lexicon/, in
// the order of their bits in the category masks.
var lexiconCategories = [...]string{"positive", "negative", "attack", "support", "suffer", "hedge"}

// cueMask has the bit of every cue category.
const cueMask = 1<<len(lexiconCategories) - 1

var loadLexicon = sync.OnceValue(func() map[string]uint8 {
	m := make(map[string]uint8, 2048)
	for bit, name := range lexiconCategories {
		f, err := lexiconFS.Open("lexicon/" + name + ".txt")
		if err != nil {
			panic("features: embedded lexicon missing: " + err.Error()) // a build defect; tests catch it
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if w := strings.TrimSpace(sc.Text()); w != "" {
				m[w] |= 1 << bit
			}
		}
		f.Close()
	}
	return m
})

// LexiconCategories returns the names of the cue word categories and, for
// each, the number of word forms in it.
func LexiconCategories() map[string]int {
	lex := loadLexicon()
	out := make(map[string]int, len(lexiconCategories))
	for bit, name := range lexiconCategories {
		n := 0
		for _, mask := range lex {
			if mask&(1<<bit) != 0 {
				n++
			}
		}
		out[name] = n
	}
	return out
}
