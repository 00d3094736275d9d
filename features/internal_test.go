package features

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestIndexHyphen(t *testing.T) {
	for _, s := range []string{"", "abc", "a-b", "a\u2011b", "é\u2010x-y", "\u2011", "x\xe2\x80", "ab\u2012-", "\xe2\x80\x91-"} {
		h, n := indexHyphen(s)
		want := strings.IndexAny(s, "-\u2011")
		assert.Equal(t, want, h, "%q", s)
		if want >= 0 {
			_, size := utf8.DecodeRuneInString(s[want:])
			assert.Equal(t, size, n, "%q", s)
		}
	}
}

// TestNameClassSpelling checks that the mention classes, kept in the term
// table under the normalised word, hold for the listed spelling only — as
// a lookup by exact spelling would give.
func TestNameClassSpelling(t *testing.T) {
	words := loadTermTable()
	var buf []byte
	exact := func(w string) uint16 {
		var c uint16
		for _, l := range nameClassWords {
			if _, ok := l.words[w]; ok {
				c |= l.cls
			}
		}
		return c
	}
	n := 0
	for _, l := range nameClassWords {
		for w := range l.words {
			for _, v := range []string{w, strings.ToLower(w), strings.ToUpper(w), strings.ToUpper(w[:1]) + strings.ToLower(w[1:]), w + "s", "İ" + w[1:]} {
				got := nameClass(v, words.get(termHash(&buf, v)))
				assert.Equal(t, exact(v), got, "%q", v)
				n++
			}
		}
	}
	assert.Greater(t, n, 1000)
	assert.Equal(t, clsCalendar|clsFunction, nameClass("May", words.get(termHash(&buf, "May"))))
	assert.Zero(t, nameClass("may", words.get(termHash(&buf, "may"))))
	assert.Equal(t, clsTitle, nameClass("CEO", words.get(termHash(&buf, "CEO"))))
	assert.Zero(t, nameClass("Ceo", words.get(termHash(&buf, "Ceo"))))
}
