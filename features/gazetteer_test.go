package features_test

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
)

const gazJSON = `[
 {"name": "NATO", "kind": "org", "aliases": ["North Atlantic Treaty Organization", "the alliance"]},
 {"name": "United States", "kind": "country", "aliases": ["U.S.", "US", "America", "Washington"]}
]`

// matches returns g's matches in text as "text=Entity".
func matches(g *features.Gazetteer, text string) []string {
	got := []string{}
	for _, m := range g.AppendMatches(nil, text, nil) {
		got = append(got, text[m.Start:m.End]+"="+g.Entity(m.Entity).Name)
	}
	return got
}

func TestGazetteerMatches(t *testing.T) {
	g, err := features.ReadGazetteer(strings.NewReader(gazJSON))
	require.NoError(t, err)
	cases := []struct {
		name, in string
		want     []string // "text=Entity"
	}{
		{"full name", "The North Atlantic Treaty Organization met.", []string{"North Atlantic Treaty Organization=NATO"}},
		{"lower-case alias", "Officials said the alliance would act.", []string{"the alliance=NATO"}},
		{"capitalised alias", "The Alliance would act.", []string{"The Alliance=NATO"}},
		{"acronym exact case", "The US and the U.S. agreed.", []string{"US=United States", "U.S.=United States"}},
		{"short acronym not lower case", "Let us talk to us.", []string{}},
		{"possessive", "Washington's view and NATO's plan", []string{"Washington=United States", "NATO=NATO"}},
		{"none", "Nothing here.", []string{}},
		// Words apart as Mentions joins them: one or two spaces, plain
		// or no-break; not three, and not a line break and a space.
		{"two spaces", "The North  Atlantic Treaty Organization met.", []string{"North  Atlantic Treaty Organization=NATO"}},
		{"no-break space", "The North\u00a0Atlantic Treaty\u202fOrganization met.", []string{"North\u00a0Atlantic Treaty\u202fOrganization=NATO"}},
		{"three spaces", "The North   Atlantic Treaty Organization met.", []string{}},
		{"line break and space", "The North\n Atlantic Treaty Organization met.", []string{}},
		{"a wrapped line", "The North\nAtlantic Treaty\r\nOrganization met.", []string{"North\nAtlantic Treaty\r\nOrganization=NATO"}},
		{"two line breaks", "The North\n\nAtlantic Treaty Organization met.", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, matches(g, c.in)) })
	}
}

// TestGazetteerHandles checks that a match never cuts a social-media
// handle: all of one but its "@" names the whole handle, less or more of
// it is no match, and an e-mail address is no handle (its words match as
// any words do).
func TestGazetteerHandles(t *testing.T) {
	g, err := features.NewGazetteer([]features.Entity{
		{Name: "NASA", Aliases: []string{"nasa"}},
		{Name: "JPL", Aliases: []string{"jpl"}},
		{Name: "ESA", Aliases: []string{"@esa"}},
	})
	require.NoError(t, err)
	text := "So @nasa_jpl, @nasa, @_nasa, @esa, @esa_x, nasa@jpl.org and nasa jpl."
	assert.Equal(t, []string{"@nasa=NASA", "@esa=ESA", "nasa=NASA", "jpl=JPL", "nasa=NASA", "jpl=JPL"}, matches(g, text))
}

// TestGazetteerTrie checks the matcher's choices where forms share their
// first words: the longest form that matches wins, a walk that fails
// deeper falls back to the longest form it passed, the words of a form
// must be adjacent (one or two spaces apart, as a name's), and forms of the same words are tried in the order
// given, an acronym's only in its own capitals.
func TestGazetteerTrie(t *testing.T) {
	g, err := features.NewGazetteer([]features.Entity{
		{Name: "Bank of America"},
		{Name: "World Bank", Aliases: []string{"the Bank"}},
		{Name: "The New York Times", Aliases: []string{"New York Times", "the Times"}},
		{Name: "New York City", Aliases: []string{"New York"}},
		{Name: "United States", Aliases: []string{"US"}},
		{Name: "Us Weekly", Aliases: []string{"us"}},
	})
	require.NoError(t, err)
	cases := []struct {
		name, in string
		want     []string // "text=Entity"
	}{
		{"longest of three", "Bank of America and the Bank of England", []string{"Bank of America=Bank of America", "the Bank=World Bank"}},
		{"fall back to a shorter form", "the Bank of England", []string{"the Bank=World Bank"}},
		{"prefix then a longer form", "New York and the New York Times", []string{"New York=New York City", "the New York Times=The New York Times"}},
		{"possessive after a long form", "New York City's mayor", []string{"New York City=New York City"}},
		{"words two spaces apart are a form, as names are", "New  York", []string{"New  York=New York City"}},
		{"words further apart are no form", "New   York", []string{}},
		{"an acronym and a word of the same letters", "US and us", []string{"US=United States", "us=Us Weekly"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, matches(g, c.in)) })
	}

	long := strings.TrimSpace(strings.Repeat("word ", features.MaxAliasWords))
	_, err = features.NewGazetteer([]features.Entity{{Name: "X", Aliases: []string{long}}})
	require.NoError(t, err, "an alias of MaxAliasWords words")
	_, err = features.NewGazetteer([]features.Entity{{Name: "X", Aliases: []string{long + " more"}}})
	require.ErrorIs(t, err, features.ErrGazetteer)
	assert.Contains(t, err.Error(), `"word word word word word word word word "… has 33 tokens (words and punctuation), at most 32`)
	_, err = features.NewGazetteer([]features.Entity{{Name: strings.Repeat("a,", 17)}})
	require.ErrorIs(t, err, features.ErrGazetteer)
	assert.Contains(t, err.Error(), `"a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a," has 34 tokens`, "punctuation counts; a short form is quoted whole")
}

func TestGazetteerObjectFormAndErrors(t *testing.T) {
	g, err := features.ReadGazetteer(strings.NewReader(`{"NATO": {"kind": "org", "aliases": ["the alliance"]}, "EU": {"aliases": ["European Union"]}}`))
	require.NoError(t, err)
	ents := g.Entities()
	require.Len(t, ents, 2)
	assert.Equal(t, "EU", ents[0].Name, "object form is sorted by name")
	assert.Equal(t, "org", ents[1].Kind)

	bad := []struct{ name, in string }{
		{"not json", `nope`},
		{"no name", `[{"aliases": ["x"]}]`},
		{"empty alias", `[{"name": "A", "aliases": ["  "]}]`},
		{"shared alias", `[{"name": "A", "aliases": ["the group"]}, {"name": "B", "aliases": ["The Group"]}]`},
		{"dash alias", `[{"name": "A", "aliases": ["-"]}]`},
		{"full stop alias", `[{"name": "A", "aliases": [" . "]}]`},
		{"punctuation name", `[{"name": "?!"}]`},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := features.ReadGazetteer(strings.NewReader(c.in))
			assert.ErrorIs(t, err, features.ErrGazetteer)
		})
	}
	_, err = features.NewGazetteer([]features.Entity{{Name: "A", Aliases: []string{"-"}}})
	assert.ErrorContains(t, err, `entity "A": alias "-" has no letter or digit`)
	_, err = features.NewGazetteer([]features.Entity{{Name: "Q", Aliases: []string{"7-Eleven", "Ö"}}})
	assert.NoError(t, err, "a digit or a letter of any script is enough")
	var nilG *features.Gazetteer
	assert.Empty(t, nilG.AppendMatches(nil, "NATO", nil), "a nil gazetteer matches nothing")
}

func TestHolderUnit(t *testing.T) {
	cases := []struct {
		name, in, target, holder string
	}{
		{"accuse", "Petro accused NATO of stalling.", "NATO", "Petro"},
		{"speaker abstains", "Petro accused NATO of stalling.", "Petro", ""},
		{"passive", "NATO was criticised by Petro on Monday.", "NATO", "Petro"},
		{"quote", "\"NATO has failed,\" Petro said.", "NATO", "Petro"},
		{"according to", "NATO stalled the talks, according to Reuters.", "NATO", "Reuters"},
		{"no holder", "NATO's budget collapsed.", "NATO", ""},
		// A subject before an aside between commas; a name in the aside,
		// or one in a clause, is no subject.
		{"aside age", "Petro, 63, said NATO had failed.", "NATO", "Petro"},
		{"aside role", "Anatel, Brazil's telecoms regulator, praised Claro.", "Claro", "Anatel"},
		{"aside role of", "Dave Morley, chairman of the trust, said Holcombe Town had been run into the ground.", "Holcombe Town", "Dave Morley"},
		{"aside quote", "\"NATO has failed,\" Petro, Colombia's president, said.", "NATO", "Petro"},
		{"in the aside", "Yann LeCun, Meta's chief AI scientist, said the models were a dead end.", "Meta", ""},
		{"aside clause", "Merkel, who met Macron on Monday, praised Biden.", "Biden", "Merkel"},
		{"clause with an aside", "Merkel praised Macron, who, on Monday, praised Biden.", "Biden", ""}, // not Merkel
		{"aside is", "Halyman, where Don Williams, is the pastor, said Wesco had called.", "Wesco", ""},
		{"aside after a preposition", "The union, the largest in the U.S., in Nashville, announced that Trump would act.", "Trump", ""},
		{"aside list", "Petro, Macron, and Merkel praised Biden.", "Biden", "Merkel"},
		// A review's cases: a possessive description restated by the
		// subject; a subject with an aside that restates no name.
		{"possessed description", "Colombia's president, Petro, 63, said NATO failed.", "Colombia", ""},
		{"possessed description 2", "Petro's rival, Duque, 48, said NATO had failed.", "Petro", ""},
		{"possessed description, object", "Colombia's president, Petro, 63, said NATO failed.", "NATO", "Petro"},
		{"aside subject after a clause", "After Petro, 63, criticised NATO, Rutte, 67, defended Kyiv.", "Kyiv", ""},
		{"aside subject after a clause 2", "While Lula, 78, praised Beijing, Milei, 44, attacked China.", "China", ""},
		// A second review's cases.
		{"parenthesis after a possessive", "NATO's expansion, Putin claimed, had provoked the war.", "NATO", "Putin"},
		{"object with an aside", "Netanyahu blamed Hamas, the militant group, then criticised Qatar.", "Qatar", "Netanyahu"},
		{"aside subject after said", "Zelensky said Putin, 72, had attacked Ukraine again.", "Ukraine", "Putin"},
		{"apposition subject", "Colombia's president, Gustavo Petro, said NATO had failed.", "NATO", "Gustavo Petro"},
		{"apposition possessor", "Colombia's president, Gustavo Petro, said NATO had failed.", "Colombia", ""},
		{"apposition description", "The CEO of Meridia Diagnostics, Ravi Kapoor, said Tesla had erred.", "Meridia Diagnostics", ""},
		{"apposition of a name", "Senator Patrick Leahy, Democrat of Vermont, said Trump erred.", "Patrick Leahy", ""},
		{"said a title with of", "NATO has failed Latin America, said Secretary of State Marco Rubio.", "NATO", "Marco Rubio"},
		{"replied in sport", "Saka replied for Arsenal two minutes later.", "Arsenal", ""},
		{"countered", "Ukraine countered the offensive near Kharkiv.", "Kharkiv", ""},
		// An aside headed by a noun of stance; "long" before a verb.
		{"critic of", "Petro, a fierce critic of NATO, said the alliance had failed.", "NATO", "Petro"},
		{"ally of", "Orbán, a longtime ally of Putin, criticized Brussels.", "Putin", "Orbán"},
		{"member of", "Petro, a member of the Senate, criticized Brussels.", "Senate", ""},
		{"has long", "Orbán, who has long opposed Russia, criticized Brussels.", "Russia", "Orbán"},
		// Reply verbs report speech only near it; longer descriptions and
		// participle asides; a reporting word after "'s".
		{"replied that", "Rubio replied that Kushner had provided the documents.", "Kushner", "Rubio"},
		{"replied to", "Microsoft replied to the FTC's complaint on Friday.", "FTC", "Microsoft"},
		{"apposition with of", "The CEO of Ford, Jim Farley, praised Tesla's software.", "Tesla", "Jim Farley"},
		{"participle aside", "Petro, speaking alongside the President of Brazil Lula, criticised Washington.", "Washington", "Petro"},
		{"claims of a possessor", "Moscow's claims, Kallas said, are pure propaganda.", "Moscow", "Kallas"},
		{"Moody's said", "Pemex carries the heaviest debt load of any oil company, Moody's said.", "Pemex", "Moody's"},
		// A quotation that opens the sentence ends a clause at its closing
		// mark: its verbs do not act on the speaker after it.
		{"speaker after a quotation", "“Budapest will veto it,” Péter Szijjártó, Hungary’s foreign minister, said.", "Péter Szijjártó", ""},
		{"speaker after a quotation 2", "\"What Steve King said was stupid,\" Cruz said.", "Cruz", ""},
		{"scare quotes", "Trump called Conway a \"loser,\" following attacks on Pence.", "Conway", "Trump"},
		// "…, said" and a description before the speaker; a name after an
		// article alone, or before a possessive, is the object.
		{"said described", "NATO has failed, said Colombian President Gustavo Petro.", "NATO", "Gustavo Petro"},
		{"said the object", "Trump berated insurers, declared the Affordable Care Act dead and left.", "Trump", ""},
		{"said a possessive", "The Republican, who may run, said President Obama's slump would help.", "Republican", ""},
		{"possessive description", "Kenya's Beatrice Chebet, a world record holder, added a gold medal.", "Kenya", ""},
		{"place is not the subject", "Analysts in Bogotá said Petro erred.", "Petro", ""},
		// A name right after a reporting verb is its speaker only after a
		// comma, quote or dash; otherwise the verb has a subject that is no
		// mention, and the name is what it reports on.
		{"speaker after a comma", "Microsoft fell, said Reuters.", "Microsoft", "Reuters"},
		{"speaker after a quote", "\"Microsoft fell\" said Reuters.", "Microsoft", "Reuters"},
		{"reported, not a speaker", "Microsoft rose after analysts said Azure revenue grew.", "Microsoft", ""},
		{"called, not a speaker", "Trump at the time called Price a fine person.", "Trump", ""},
		// A reporting verb after the target whose subject opens a clause of
		// its own speaks no quote that holds the target.
		{"a clause of its own", "Greenpeace accused Norway, but Oslo insists its permits are lawful.", "Greenpeace", ""},
		{"the quote's speaker", "\"Norway broke the treaty,\" Greenpeace said.", "Norway", "Greenpeace"},
		// The agent of a passive holds a stance toward the one acted on,
		// not the other way ("was praised by <T>").
		{"the passive's agent", "Lithuania was punished by Beijing with an embargo.", "Beijing", ""},
		{"the passive's agent, in a clause reported", "Sandu said networks backed by Moscow bought votes.", "Moscow", "Sandu"},
		// Nor does the one a passive acts on hold one toward what follows.
		{"the passive's subject", "Medford Mutual was barred from selling policies in Ohio.", "Ohio", ""},
		{"the passive's subject, and a speaker", "Perez was arrested at the border, Wolf said.", "Perez", "Wolf"},
		// The one told is not judged, but a name after the listener may be.
		{"the listener", "Barr told the BBC that the report was wrong.", "BBC", ""},
		{"after the listener", "Nuland told reporters Bolton was wrong.", "Bolton", "Nuland"},
		// A name in the speaker's own description, or a co-speaker.
		{"the speaker's place", "Sky Sports pundit Callum Reid said Chelsea looked lost.", "Sky Sports", ""},
		{"the speaker's place, and what the speaker judges", "Sky Sports pundit Callum Reid said Chelsea looked lost.", "Chelsea", "Callum Reid"},
		{"a co-speaker", "Cigna and Humana announced a merger.", "Cigna", ""},
		// After an apposition, "said <M> had …" reports on <M>: no speaker.
		{"said, then a clause", "Dave Morley, chairman of the trust, said Holcombe Town had been ruined.", "Dave Morley", ""},
		{"said, then the speaker", "Holcombe Town was ruined, said Dave Morley on Monday.", "Holcombe Town", "Dave Morley"},
		// After "said", a name that describes the speaker is not the speaker.
		{"said, then a title", "\"Mulvaney is the right choice,\" said House Speaker Paul Ryan.", "Mulvaney", "Paul Ryan"},
		{"said, then a person of an organisation", "\"Ramaphosa fought graft,\" said Thandi Mokoena of the DA.", "Ramaphosa", "Thandi Mokoena"},
		// A review's cases: no role words between two names, a main verb
		// after the name after "said", adverbs and capitals in a passive,
		// and a clause opened by ", and".
		{"said, then no role", "\"Russia must pay,\" said Zelensky after meeting Macron.", "Russia", "Zelensky"},
		{"said, then a clause with a main verb", "Pelosi, a Democrat, said McCarthy failed the country.", "Pelosi", ""},
		{"said, then a speaker and a role", "Intel hit every milestone, wrote Bernstein analysts.", "Intel", "Bernstein"},
		{"a passive with an adverb", "Medford Mutual was sharply criticised for its policies in Ohio.", "Ohio", ""},
		{"a passive in capitals", "PETRO WAS CRITICISED BY NATO, SAID REUTERS.", "REUTERS", ""},
		{"a clause opened by and", "The EU condemned Russia, and China urged restraint.", "EU", ""},
		// A place where what the verb reports happened is no object of it,
		// but a name after "on" may be ("cracked down on").
		{"a venue", "Amnesty accused Bayer of selling pesticides in Morocco.", "Morocco", ""},
		{"a venue, and the object", "Amnesty accused Bayer of selling pesticides in Morocco.", "Bayer", "Amnesty"},
		{"a venue after the listener", "Mao Ning told reporters in Beijing that Washington lied.", "Beijing", ""},
		{"what is told after a venue", "Mao Ning told reporters in Beijing that Washington lied.", "Washington", "Mao Ning"},
		{"a place in what is told", "Siddiqui told the inquiry that managers at Whitmore Hospital ignored her.", "Whitmore Hospital", "Siddiqui"},
		{"where it was said", "\"We will win,\" Trump said at a rally on Saturday in Wichita.", "Wichita", ""},
		{"a place in what is said", "Ravn said she had sold her stake in Ferrovia, calling its plan incoherent.", "Ferrovia", "Ravn"},
		{"what is said after where", "Trump said in Ohio that China cheats.", "China", "Trump"},
		// What is told or said without "that" may hold a place word too.
		{"what is told, without that", "Trump told reporters he was disappointed in Sessions.", "Sessions", "Trump"},
		{"what is said after a time, without that", "Trump said on Monday he had lost confidence in Sessions.", "Sessions", "Trump"},
		{"a jab, not a venue", "Peskov said on Monday in a jab at Washington that talks were over.", "Washington", "Peskov"},
		{"a venue after the", "Lavrov told reporters at the UN that Kyiv lied.", "UN", ""},
		{"a venue after a longer listener", "Obama told an annual health conference in Washington that lunches matter.", "Washington", ""},
		{"what is told without that, after a listener", "Barr told senators he had no confidence in Comey.", "Comey", "Barr"},
		{"a debate's place", "Obama said at a debate in Las Vegas that Trump was unfit.", "Las Vegas", ""},
		{"the source after according to", "Putin accused NATO of lying, according to the Kremlin.", "Kremlin", ""},
		{"on a channel, where it was said", "Trump said on Fox News that Biden had failed.", "Fox News", ""},
		{"what is said after on a channel", "Trump said on Fox News that Biden had failed.", "Biden", "Trump"},
		{"called on, not a venue", "Petro called on NATO to withdraw.", "NATO", "Petro"},
		// A name in brackets after the subject, and the subject's own
		// description.
		{"an acronym in brackets after the subject", "The Federal Aviation Administration (FAA) criticised Boeing.", "Boeing", "Federal Aviation Administration"},
		{"a speaker with a tag in brackets", "\"Trump is wrong,\" Nancy Pelosi (D-Calif.) said.", "Trump", "Nancy Pelosi"},
		{"a name in the speaker's brackets", "Andrew Cuomo (D) announced the plan.", "D", ""},
		{"a description before the speaker", "House Minority Leader Nancy Pelosi said she would fight.", "House", ""},
		{"a description before the speaker, with brackets", "House Minority Leader Nancy Pelosi (D-Calif.) told Boehner she would fight.", "House", ""},
		{"a listener after bracketed speaker", "Ted Cruz (R-Texas) called on Kerry to resign.", "Kerry", "Ted Cruz"},
		// Auxiliaries and negation between a subject and its verb.
		{"a negated verb's subject", "Microsoft didn't criticise Sony.", "Sony", "Microsoft"},
		{"a verb after has not", "Germany has not condemned Israel's strikes.", "Israel", "Germany"},
		{"a verb after a modal", "The EU must sanction Iran.", "Iran", "EU"},
		{"a passive after not", "NATO was not criticised by Petro.", "NATO", "Petro"},
		// The nearest verb must be near.
		{"a verb too far back", "Human Rights Watch accused FIFA of turning a blind eye to the deaths of migrant workers on World Cup construction sites.", "World Cup", ""},
		{"a contraction split by the tokenizer", "Microsoft won't criticise Sony.", "Sony", "Microsoft"},
		{"the end of a long list", "Zelensky thanked the leaders of Poland, Lithuania, Latvia, Estonia, Finland, Sweden, Denmark and Norway.", "Norway", "Zelensky"},
		{"a verb near enough", "Human Rights Watch accused FIFA of turning a blind eye to the deaths of migrant workers.", "FIFA", "Human Rights Watch"},
		{"a list of objects", "Clinton blamed the Democratic National Committee, Facebook, and conspiracy site Infowars for her defeat.", "Infowars", "Clinton"},
		{"a report runs on", "Pelosi said on Tuesday that after months of talks and two failed votes the blame lay with Trump.", "Trump", "Pelosi"},
		// A participle after a comma takes the subject of the clause before.
		{"a participle's subject", "Le Pen dismissed the celebration, accusing Macron of ignoring job losses.", "Macron", "Le Pen"},
		{"a participle's subject after but", "Macron hailed the order, but Le Pen dismissed it, accusing Macron of waste.", "Macron", "Le Pen"},
		{"a participle's subject after an opening phrase", "On Monday, Le Pen dismissed the plan, accusing Macron of weakness.", "Macron", "Le Pen"},
		{"no participle's subject: two names", "Le Pen and Bardella dismissed the plan, accusing Macron of weakness.", "Macron", ""},
		{"no participle's subject: a possessive", "Le Pen's party dismissed the plan, accusing Macron of weakness.", "Macron", ""},
		{"no participle's subject: a passive", "Le Pen was fined last year, accusing Macron of a plot.", "Macron", ""},
		{"a participle's subject in the nearest clause", "Biden said Putin had attacked Ukraine, accusing NATO of provocation.", "NATO", "Putin"},
		{"a participle's subject after an opening place", "In Helsinki, Trump met Putin, praising Russia for its help.", "Russia", "Trump"},
		{"no participle's subject: a place's", "Analysts at Jefferies said the deal was strong, praising Airbus.", "Airbus", ""},
		{"an abbreviation's dot before brackets", "Alphabet Inc. (GOOGL.O) said the case against Apple was weak.", "Apple", "Alphabet Inc"},
		{"a passive's subject with brackets", "Boeing (BA) was fined by the FAA.", "Boeing", "FAA"},
		{"a name in brackets after a name", "Boeing (BA) was fined by the FAA.", "BA", ""},
		{"a possessive in the speaker's description", "\"Trump is wrong,\" Canada's Prime Minister Mark Carney said.", "Canada", ""},
		{"on in what is said", "Cavusoglu said Turkey would wait until Sweden cracked down on the PKK.", "PKK", "Cavusoglu"},
		{"on, not a venue", "Turkey urged Sweden to crack down on the PKK.", "PKK", "Turkey"},
		// The agent of a passive after "the", or after the passive's object.
		{"the passive's agent after the", "NATO was criticised by the EU on Monday.", "NATO", "EU"},
		{"the passive's agent after an object", "Manchester City were fined £2 million by the Premier League.", "Manchester City", "Premier League"},
		{"the passive's agent after the, not held", "The EU was praised by the WHO for its vaccine drive.", "WHO", ""},
		{"another participle before by", "NATO was criticised for remarks made by Putin.", "NATO", ""},
		{"a passive of another subject", "Iran said Israel was condemned by the UN.", "Iran", ""},
		{"a passive's object with for", "Okagbare was banned for ten years by the AIU.", "Okagbare", "AIU"},
		{"a passive's subject owned by the target", "Britain's Ministry of Defence was fined by the ICO.", "Britain", "ICO"},
		{"a passive's object with of", "Wasserman Schultz was accused of favoritism by Sanders.", "Wasserman Schultz", "Sanders"},
		{"an agent after a noun in -ed", "Exxon was accused of greed by Biden.", "Exxon", "Biden"},
		{"an agent after a noun in -en", "Nestle was accused of exploiting children by Unicef.", "Nestle", "Unicef"},
		{"an agent after a noun of a cue", "Poland was praised for its support by Ukraine.", "Poland", "Ukraine"},
		{"an agent after a sum", "Meta was fined £2m by Ofcom.", "Meta", "Ofcom"},
		{"an agent after a day", "Tesla was criticised on Monday by Biden.", "Tesla", "Biden"},
		{"an owned subject with a name after a preposition", "Russia's attack on Ukraine was condemned by the UN.", "Russia", "UN"},
		{"an apposition, not owned", "Biden's rival Trump was criticised by Pence.", "Biden", ""},
		{"a passive in a clause of its own", "Obama praised Clinton, but he was later criticised by Sanders.", "Clinton", "Obama"},
		{"no passive before a far by", "Apple cut prices in China by a third.", "Apple", ""},
		// A time between the subject and its verb.
		{"a day between the subject and the verb", "The EU on Tuesday fined Meta for moving data.", "Meta", "EU"},
		{"a week between the subject and the verb", "Trump last week praised Orban.", "Orban", "Trump"},
		{"according to, and a verb's subject", "According to the Pentagon, Putin accused NATO of lying.", "NATO", "Putin"},
		{"according to the", "Tesla's system is flawed, according to the NHTSA.", "Tesla", "NHTSA"},
		// The subject of a relative clause is the name before ", which" or
		// ", who".
		{"the name before which", "Microsoft, which accused Google of funding a smear campaign, declined to comment.", "Google", "Microsoft"},
		{"the name before who", "Orbán, who has repeatedly blamed Brussels, met Xi.", "Brussels", "Orbán"},
		{"which after a phrase with by", "The report by Amnesty, which criticised Shell, was ignored.", "Shell", "Amnesty"},
		{"who after with", "Biden spoke with Merkel, who praised Macron.", "Macron", "Merkel"},
		{"which after a place", "Talks in Geneva, which angered Moscow, ended early.", "Moscow", ""},
		{"who reports on what follows", "Flake spoke after Kavanaugh, as did Ford, who alleges that Kavanaugh assaulted her.", "Flake", ""},
		// The body or the people who speak for a name stand between it and
		// its verb.
		{"a ministry's spokesman", "Hungary's foreign ministry spokesman said Brussels was trying to blackmail Budapest.", "Brussels", "Hungary"},
		{"an editorial board", "The New York Times editorial board endorsed Hillary Clinton in 2016.", "Hillary Clinton", "New York Times"},
		{"no body, no subject", "NATO's summit praised Kyiv.", "Kyiv", ""},
		// A word of a name is no verb, though it is spelt as one ("States",
		// "Watch", "Reports").
		{"a verb inside a name", "The EU fined Meta for moving data to the United States.", "EU", ""},
		{"a verb inside a name, and the object", "The EU fined Meta for moving data to the United States.", "Meta", "EU"},
		{"a verb inside a name after the target", "Pfizer hired a former senior United States diplomat.", "Pfizer", ""},
		// A clause that opens after the verb, with the target before any
		// verb of its own, is the target's: the verb before does not reach it.
		{"a clause of the target's own", "Lindner praised the ruling, while Ireland's regulator declined to comment.", "Ireland", ""},
		{"a clause of the target's own, after and", "Ancelotti hailed Bellingham, and Barcelona's Xavi blamed the referee.", "Xavi", ""},
		{"a clause with a verb of its own", "Lindner praised the ruling, but condemned Meta.", "Meta", "Lindner"},
		{"a clause word before a verb of the same subject", "ANMAT accused Verdane of fraud but cleared its partner, Bioandes.", "Bioandes", "ANMAT"},
		{"a clause of the target's own, its verb's subject no name", "Lindner praised the ruling, while regulators criticised Ireland.", "Ireland", ""},
		{"a noun in -ing after but", "Macron praised the deal, but funding for NATO remains low.", "NATO", ""},
		{"a noun after and", "Erdogan condemned the protest, and police visited Demirtas.", "Demirtas", ""},
		{"as well as, not a clause", "Trump slammed Biden, as well as Harris.", "Harris", "Trump"},
		{"but said, the same subject", "Petković praised his players but said referee Ilievski had ruined the game.", "Ilievski", "Petković"},
		{"a pronoun of the same subject", "MPs criticised the UKHSA, though they credited the NHS with containing mpox.", "NHS", "MPs"},
		{"after, then a clause", "Brussels approved the merger after the companies agreed to sell spectrum to Digi.", "Digi", ""},
		{"after it, a clause", "The Senate defended Cellwise after it emerged that the company sold kits to Kenya.", "Kenya", ""},
		{"and that, more of what is reported", "Alexander said that he spoke with Trump, and that the president praised Murray.", "Murray", "Alexander"},
		{"a passive after a pronoun, a clause of its own", "Merkel thanked Obama, and she was attacked by Trump.", "Trump", ""},
		{"it, the same subject", "The EU fined Google, but it also warned Apple.", "Apple", "EU"},
		{"that as a determiner", "Trump praised Modi, but that week critics slammed Pakistan.", "Pakistan", ""},
		{"a list, not a clause", "Clinton blamed the DNC, Facebook, and Infowars for her defeat.", "Infowars", "Clinton"},
		{"a subordinate clause of what is reported", "Neal added that while presidents like Reagan hurt the poor, they cared.", "Reagan", "Neal"},
		{"a main clause after what is reported", "Cotton said he did not hear it, while Perdue denied it.", "Perdue", ""},
		{"a clause opened before the verb", "While Scholz hesitated, Lindner praised Meta.", "Meta", "Lindner"},
		{"a verb after a name that ends in one", "Pfizer sued Moderna, Consumer Reports noted.", "Pfizer", "Consumer Reports"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spans := features.Mentions(nil, c.in)
			ti := -1
			for i, sp := range spans {
				if c.in[sp.Start:sp.End] == c.target {
					ti = i
				}
			}
			require.GreaterOrEqual(t, ti, 0, "target %q not found among %v", c.target, spans)
			got := ""
			if h := features.Holder(c.in, spans, ti); h >= 0 {
				got = c.in[spans[h].Start:spans[h].End]
			}
			assert.Equal(t, c.holder, got)
		})
	}
}

// TestReadGazetteerStrict checks that what encoding/json would let pass
// while losing entries is an error, and that errors say where.
func TestReadGazetteerStrict(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"name given twice", `{"North Atlantic Treaty Organization": {"kind": "org", "aliases": ["the alliance", "NATO"]},
"North Atlantic Treaty Organization": {"kind": "org"}}`, `duplicate key "North Atlantic Treaty Organization" at byte 93: give each key once (on line 2)`},
		{"key given twice", `[{"name": "NATO", "aliases": ["the alliance"], "aliases": ["OTAN"]}]`, `duplicate key "aliases"`},
		{"misspelt key", `[{"name": "EU"},
 {"name": "NATO", "alias": ["the alliance"]}]`, `entity 1 at line 2 (byte 18): unknown field "alias"`},
		{"misspelt key, object form", `{"NATO": {"kind": "org", "Alias": ["the alliance"]}}`, `entity "NATO" at line 1 (byte 1): unknown field "Alias"`},
		{"aliases a string", `{"NATO": {"aliases": "the alliance"}}`, `entity "NATO" at line 1 (byte 1): "aliases": want an array of strings, got a JSON string`},
		{"kind a number", `[{"name": "NATO", "kind": 3}]`, `entity 0 at line 1 (byte 1): "kind": want a string, got a JSON number`},
		{"entity not an object", `[{"name": "NATO"}, "EU"]`, `entity 1 at line 1 (byte 19): want a JSON object, got a string`},
		{"name differs from key", `{"NATO": {"name": "OTAN"}}`, `"name" "OTAN" differs from the key`},
		{"missing comma", "[{\"name\": \"NATO\"}\n {\"name\": \"EU\"}]", `malformed JSON at line 2`},
		{"neither array nor object", `"NATO"`, `want a JSON array of entities or an object of name to entity, got a string`},
		{"lone surrogate", `[{"name": "Caf\udce9"}]`, `unpaired UTF-16 surrogate \udce9 at byte 14`},
		{"invalid UTF-8", "[{\"name\": \"NATO\"},\n{\"name\": \"Z\xffo\"}]", `invalid UTF-8 at line 2 (byte 30)`},
		{"empty", ``, `malformed JSON`},
		{"a key spelt in capitals", `[{"NAME": "NATO", "kind": "org"}]`, `entity 0 at line 1 (byte 1): unknown field "NAME"`},
		{"a key spelt with a capital", `{"NATO": {"Aliases": ["the alliance"], "aliases": ["OTAN"]}}`, `unknown field "Aliases"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := features.ReadGazetteer(strings.NewReader(c.in))
			require.ErrorIs(t, err, features.ErrGazetteer)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	// Over the size limit: an error, not a cut-off file.
	big := io.MultiReader(strings.NewReader(`[{"name": "NATO", "aliases": ["`), strings.NewReader(strings.Repeat("a", features.MaxGazetteerBytes)), strings.NewReader(`"]}]`))
	_, err := features.ReadGazetteer(big)
	require.ErrorIs(t, err, features.ErrGazetteer)
	assert.Contains(t, err.Error(), "larger than")
	// Names that differ only in case are different names ("WHO" must
	// match exactly, being a short acronym).
	g, err := features.ReadGazetteer(strings.NewReader(`{"WHO": {"kind": "org"}, "Who": {"kind": "band"}}`))
	require.NoError(t, err)
	assert.Len(t, g.Entities(), 2)
	// The same entities either way, the object form in the order of names.
	a, err := features.ReadGazetteer(strings.NewReader(`{"NATO": {"kind": "org", "aliases": ["the alliance"]}, "EU": {"name": "EU"}}`))
	require.NoError(t, err)
	b, err := features.ReadGazetteer(strings.NewReader(`[{"name": "EU"}, {"name": "NATO", "kind": "org", "aliases": ["the alliance"]}]`))
	require.NoError(t, err)
	assert.Equal(t, b.Entities(), a.Entities())
}

// TestAppendMatchesForeignTokens checks that tokens that cannot be the
// text's, such as a longer sentence's, give the matches of the text's own
// tokens instead of a panic.
func TestAppendMatchesForeignTokens(t *testing.T) {
	g, err := features.ReadGazetteer(strings.NewReader(`[{"name": "NATO", "aliases": ["the alliance"]}]`))
	require.NoError(t, err)
	text := "The alliance met NATO."
	want := g.AppendMatches(nil, text, nil)
	require.Len(t, want, 2)
	for name, toks := range map[string][]features.Token{
		"a longer text's":  features.Tokenize(nil, "Officials of the alliance said on Monday that NATO would meet."),
		"out of order":     {{Start: 4, End: 12, Kind: features.Word}, {Start: 0, End: 3, Kind: features.Word}},
		"empty token":      {{Start: 0, End: 0, Kind: features.Word}},
		"negative offsets": {{Start: -3, End: 2, Kind: features.Word}},
	} {
		assert.Equal(t, want, g.AppendMatches(nil, text, toks), name)
	}
}

// FuzzReadGazetteer checks that ReadGazetteer never panics, that it
// accepts or refuses with an ErrGazetteer, and that what it accepts reads
// back the same from its entities written as a JSON array.
func FuzzReadGazetteer(f *testing.F) {
	for _, s := range []string{
		`[{"name": "NATO", "kind": "org", "aliases": ["the alliance"]}]`,
		`{"United States": {"kind": "country", "aliases": ["U.S.", "America"]}, "EU": {}}`,
		`{"WHO": {"kind": "org"}, "Who": {"kind": "band"}}`,
		`[{"name": "NATO"}, "EU"]`, `{"NATO": {"aliases": "x"}}`, `[{"NAME": "x"}]`, `null`, `[]`, `{}`, `[{"name": "Caf\ud800"}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := features.ReadGazetteer(bytes.NewReader(data))
		if err != nil {
			require.ErrorIs(t, err, features.ErrGazetteer)
			return
		}
		out, err := json.Marshal(append([]features.Entity{}, g.Entities()...)) // "[]", not "null", when empty
		require.NoError(t, err)
		again, err := features.ReadGazetteer(bytes.NewReader(out))
		require.NoError(t, err, "%s", out)
		out2, err := json.Marshal(append([]features.Entity{}, again.Entities()...))
		require.NoError(t, err)
		assert.Equal(t, string(out), string(out2)) // as JSON: an empty alias list and none are alike
	})
}

// TestGazetteerKeepsItsEntities checks that a Gazetteer is as built: the
// caller changing the aliases it gave, or those Entities returned, changes
// neither Entities nor Entity.
func TestGazetteerKeepsItsEntities(t *testing.T) {
	aliases := []string{"the alliance"}
	g, err := features.NewGazetteer([]features.Entity{{Name: "NATO", Aliases: aliases}})
	require.NoError(t, err)
	aliases[0] = "changed by the caller"
	es := g.Entities()
	es[0].Aliases[0] = "changed through Entities"
	es[0].Name = "renamed"
	assert.Equal(t, []features.Entity{{Name: "NATO", Aliases: []string{"the alliance"}}}, g.Entities())
	assert.Equal(t, []string{"the alliance"}, g.Entity(0).Aliases)
}

// TestReadGazetteerByteOrderMark checks that a gazetteer file saved with a
// byte-order mark reads as without one, and that error offsets still count
// the file's bytes.
func TestReadGazetteerByteOrderMark(t *testing.T) {
	g, err := features.ReadGazetteer(strings.NewReader("\ufeff" + gazJSON))
	require.NoError(t, err)
	assert.Equal(t, 2, g.Len())
	const bad = `[{"name": }]`
	_, err = features.ReadGazetteer(strings.NewReader(bad))
	assert.ErrorContains(t, err, "line 1 (byte 11)")
	_, err = features.ReadGazetteer(strings.NewReader("\ufeff" + bad))
	assert.ErrorContains(t, err, "line 1 (byte 14)", "the mark's three bytes counted")
}
