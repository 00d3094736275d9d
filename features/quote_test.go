package features_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
)

func TestAttribution(t *testing.T) {
	for _, c := range []struct {
		text    string
		mark    int // which quotation mark of the sentence, from 0
		closes  bool
		speaker string // "" for none
	}{
		{`It must change," Petro said on Monday.`, 0, true, "Petro"},
		{"It must change,” said Gustavo Petro.", 0, true, "Gustavo Petro"},
		{"It must change,” said House Speaker Paul Ryan.", 0, true, "Paul Ryan"},
		{"It must change,” Petro told reporters.", 0, true, "Petro"},
		{"It must change,” told Reuters.", 0, true, ""},
		{"It must change,” he said.", 0, true, ""},
		{"It must change.” Petro left.", 0, true, ""},
		{"Petro said: “NATO has failed.", 0, false, "Petro"},
		{"Petro said, “NATO has failed.", 0, false, "Petro"},
		{"Petro told reporters: “NATO has failed.", 0, false, "Petro"},
		{"Petro was told: “NATO has failed.", 0, false, ""},
		{"Critics said: “NATO has failed.", 0, false, ""},
		// A description before the speaker, an aside after, "according
		// to"; the setting of what was said before an opening mark.
		{"It must change,” Colombian President Gustavo Petro said.", 0, true, "Gustavo Petro"},
		{"It must change,” the Colombian leader Gustavo Petro said.", 0, true, "Gustavo Petro"},
		{"It must change,” said Colombian President Gustavo Petro.", 0, true, "Gustavo Petro"},
		{"It must change,” the former president, Ivan Duque, said.", 0, true, "Ivan Duque"},
		{"It must change,” NATO chief Mark Rutte said.", 0, true, "Mark Rutte"},
		{"It must change,” Canada's Prime Minister Mark Carney said.", 0, true, "Mark Carney"},
		{"It must change,” Petro, 63, said.", 0, true, "Petro"},
		{"It must change,” Petro, Colombia's president, said on Monday.", 0, true, "Petro"},
		{"It must change,” according to Petro.", 0, true, "Petro"},
		{"Petro said on Monday: “NATO has failed.", 0, false, "Petro"},
		{"Petro told reporters in Bogotá, “NATO has failed.", 0, false, "Petro"},
		{"Petro said of NATO: “It has failed.", 0, false, "Petro"},
		{"It must change,” Macron replied.", 0, true, "Macron"},
		{"It must change,” retorted Macron.", 0, true, "Macron"},
		{"It must change,” said Secretary of State Marco Rubio.", 0, true, "Marco Rubio"},
		// None: what is said is about the name, the name is no subject,
		// or the verb another's.
		{"It must change,” critics of Petro said.", 0, true, ""},
		{"It must change,” the statement from Petro said.", 0, true, ""},
		{"It must change,” Petro was told.", 0, true, ""},
		{"It must change,” Petro's spokesman said.", 0, true, ""},
		{"It must change,” Petro, Macron and Merkel said.", 0, true, ""},
		{"It must change,” Petro, who took office in 2022, said.", 0, true, "Petro"},
		{"It must change,” Petro, who took office in 2022 and later, said.", 0, true, "Petro"},
		{"It must change,” Petro, who, in 2022, took office, said.", 0, true, ""},
		{"It must change,” according to a report.", 0, true, ""},
		{"NATO was criticised by Petro on Monday: “It has failed.", 0, false, ""},
		{"Merkel met Petro in Bogotá: “It has failed.", 0, false, ""},
		{"Petro said that on Monday, “It has failed.", 0, false, ""},
	} {
		var p features.Prepared
		features.NewExtractor().Prepare(&p, c.text)
		mentions := p.Mentions()
		q, n := -1, 0
		for i, tk := range p.Tokens() {
			if ok, _, _ := features.IsQuoteMark(tk.Text(c.text)); ok {
				if n == c.mark {
					q = i
				}
				n++
			}
		}
		got := ""
		if a := features.Attribution(&p, mentions, q, c.closes); a >= 0 {
			got = c.text[mentions[a].Start:mentions[a].End]
		}
		assert.Equal(t, c.speaker, got, c.text)
	}
	// Speaker: the subject of the first reporting verb, a name; none for a
	// passive or a subject that is no name.
	for _, c := range []struct{ text, want string }{
		{"Gustavo Petro said on Tuesday that NATO had failed.", "Gustavo Petro"},
		{"Petro, 63, told reporters that NATO had failed.", "Petro"},
		{"Analysts said NATO had failed.", ""},
		{"Petro was told that NATO had failed.", ""},
		{"Petro met Macron in Paris.", ""},
	} {
		var p features.Prepared
		features.NewExtractor().Prepare(&p, c.text)
		ms := p.Mentions()
		got := ""
		if a := features.Speaker(&p, ms); a >= 0 {
			got = c.text[ms[a].Start:ms[a].End]
		}
		assert.Equal(t, c.want, got, c.text)
	}
	// Holders laid the sentence out with other mentions: Attribution lays
	// it out again with its own.
	var l features.Prepared
	text := "NATO failed,” said Gustavo Petro."
	features.NewExtractor().Prepare(&l, text)
	all := l.Mentions()
	require.Len(t, all, 2)
	features.Holders(nil, &l, all[:1])
	assert.Equal(t, 1, features.Attribution(&l, all, 3, true))
	// As many mentions, one of them other: "Gustavo" alone is no speaker.
	other := []features.Span{all[0], {Start: all[1].Start, End: all[1].Start + len("Gustavo")}}
	features.Holders(nil, &l, other)
	assert.Equal(t, 1, features.Attribution(&l, all, 3, true))
	features.Holders(nil, &l, all)
	assert.Equal(t, -1, features.Attribution(&l, other, 3, true), "a speaker followed by a word is none")

	var p features.Prepared
	features.NewExtractor().Prepare(&p, "Petro said.")
	assert.Equal(t, -1, features.Attribution(&p, p.Mentions(), 7, true), "no such token")
	assert.Equal(t, -1, features.Attribution(&p, p.Mentions(), -1, false))
}

func TestIsQuoteMark(t *testing.T) {
	for _, c := range []struct {
		s                 string
		ok, opens, closes bool
	}{
		{"\u201c", true, true, false}, {"\u201e", true, true, false}, {"\u00ab", true, true, false},
		{"\u201d", true, false, true}, {"\u00bb", true, false, true}, {`"`, true, true, true},
		{"'", false, false, false}, {"\u2019", false, false, false}, {",", false, false, false},
	} {
		ok, opens, closes := features.IsQuoteMark(c.s)
		assert.Equal(t, [3]bool{c.ok, c.opens, c.closes}, [3]bool{ok, opens, closes}, "%q", c.s)
	}
}
