package features

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateline(t *testing.T) {
	cases := []struct {
		text, rest string // rest: the sentence after the dateline; "" for a dateline alone
	}{
		{"WASHINGTON (Reuters) - The White House on Monday criticised Moscow.", "The White House on Monday criticised Moscow."},
		{"LONDON, Nov 28 (Reuters) - Britain's economy grew 0.3%.", "Britain's economy grew 0.3%."},
		{"KYIV, Ukraine, March 3 (AP) — Russian drones struck the capital.", "Russian drones struck the capital."},
		{"TOULOUSE, France — Airbus on Thursday secured an order.", "Airbus on Thursday secured an order."},
		{"DES MOINES, Iowa – Donald Trump’s experiment came to an end.", "Donald Trump’s experiment came to an end."},
		{"MIAMI -- Fighting for Florida, Hillary Clinton and Bernie Sanders tangled.", "Fighting for Florida, Hillary Clinton and Bernie Sanders tangled."},
		{"NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp. today announced a merger.", "Acme Corp. today announced a merger."},
		{"SÃO PAULO (Reuters) — Lula da Silva signed the bill.", "Lula da Silva signed the bill."},
		{"ST. LOUIS — The Cardinals fired their manager.", "The Cardinals fired their manager."},
		{"BRUSSELS—NATO ministers met on Tuesday.", "NATO ministers met on Tuesday."},
		{"GAZA CITY (AFP) - Israeli strikes hit the north.", "Israeli strikes hit the north."},
		{"ROME (Reuters) - Meloni praised the deal.", "Meloni praised the deal."},
		{"BEIJING — \"We oppose it,\" the ministry said.", "\"We oppose it,\" the ministry said."},
		{"ROME — Meloni praised the deal.", "Meloni praised the deal."},
		{"CLEVELAND — Hillary Clinton spoke.", "Hillary Clinton spoke."},
		{"COLUMBIA, S.C. — Voters went to the polls.", "Voters went to the polls."},
		{"SEATTLE--(BUSINESS WIRE)--Amazon.com today announced a deal.", "Amazon.com today announced a deal."},
		{"PALO ALTO, Calif.--(BUSINESS WIRE)--HP Inc. reported results.", "HP Inc. reported results."},
		{"WASHINGTON/BRUSSELS (Reuters) - EU and US officials met.", "EU and US officials met."},
		{"NEW YORK/LONDON, Jan 5 (Reuters) - Oil rose.", "Oil rose."},
		{"SAN JOSE, Calif. (Reuters) - eBay Inc said profits rose.", "eBay Inc said profits rose."},
		{"WASHINGTON (AP) —", ""},
		{"LONDON (Reuters) - ", ""},
	}
	for _, c := range cases {
		n := Dateline(c.text)
		assert.Equal(t, c.rest, c.text[n:], "%q", c.text)
		assert.NotZero(t, n, "%q", c.text)
	}
	none := []string{
		"NATO — the alliance has never been stronger.",
		"NATO — The alliance has never been stronger.",
		"UNICEF — The agency warned of famine.",
		"GOOGLE — The company said it would appeal.",
		"AMNESTY INTERNATIONAL — The group said.",
		"BREAKING — Trump won the vote.",
		"TRUMP SLAMS BIDEN — Democrats furious.",
		"NASA, ESA — The agencies agreed.",
		"EU, US — Talks failed.",
		"WHO (World Health Organization) — The agency warned.",
		"TESLA (TSLA) — Shares fell.",
		"LONDON (The Borowitz Report) — Boris Johnson said.",
		"ROME — meloni praised the deal.",
		"TRUMP — THE WORST PRESIDENT EVER",
		"WASHINGTON — the Senate passed the bill.",
		"WASHINGTON said on Monday that talks would resume.",
		"The FAA — a regulator under fire — criticised Boeing.",
		"US officials — speaking anonymously — said talks failed.",
		"U.S. officials said talks failed.",
		"EU (European Union) leaders met.",
		"LONDON, the capital, was quiet.",
		"UK — Starmer wins.",
		"",
		"W",
	}
	for _, text := range none {
		assert.Zero(t, Dateline(text), "%q", text)
	}
}

func FuzzDateline(f *testing.F) {
	f.Add("WASHINGTON (Reuters) - The White House on Monday criticised Moscow.")
	f.Add("NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp. today announced a merger.")
	f.Add("SÃO PAULO, Brazil —")
	f.Add("ST. LOUIS — The Cardinals won.")
	f.Fuzz(func(t *testing.T, text string) {
		n := Dateline(text)
		if n == 0 || n == len(text) {
			return
		}
		// The dateline ends in a dash and white space, and a sentence
		// in mixed case follows.
		require.True(t, n > 0 && n < len(text))
		head := strings.TrimRightFunc(text[:n], unicode.IsSpace)
		require.True(t, strings.HasSuffix(head, "-") || strings.HasSuffix(head, "\u2013") || strings.HasSuffix(head, "\u2014") || strings.HasSuffix(head, "\u2015"), "%q", head)
		require.True(t, hasLower(text[n:]), "%q", text[n:])
	})
}
