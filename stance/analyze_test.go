package stance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/testtexts"
	"github.com/stancekit/stancekit/stance"
)

const article = `Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza.

Petro said the alliance had failed to protect civilians. The World Health Organization (WHO) praised Colombia's hospitals, and the WHO thanked Petro.`

func gazetteer(t *testing.T) *features.Gazetteer {
	g, err := features.NewGazetteer([]features.Entity{
		{Name: "NATO", Kind: "org", Aliases: []string{"North Atlantic Treaty Organization", "the alliance"}},
	})
	require.NoError(t, err)
	return g
}

func TestAnalyze(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	a, err := m.Analyze(article, stance.WithGazetteer(gazetteer(t)))
	require.NoError(t, err)

	canon := map[string][]string{}
	for _, mn := range a.Mentions {
		assert.Equal(t, mn.Text, article[mn.Span.Start:mn.Span.End], "span points at the mention")
		assert.Equal(t, mn.Sentence, article[mn.SentenceSpan.Start:mn.SentenceSpan.End])
		assert.True(t, mn.SentenceSpan.Start <= mn.Span.Start && mn.Span.End <= mn.SentenceSpan.End)
		canon[mn.Canonical] = append(canon[mn.Canonical], mn.Text)
	}
	assert.Equal(t, []string{"Gustavo Petro", "Petro", "Petro"}, canon["Gustavo Petro"], "short forms resolve to the full name")
	assert.Equal(t, []string{"NATO", "the alliance"}, canon["NATO"], "gazetteer alias found in lower case")
	assert.Equal(t, []string{"World Health Organization", "WHO"}, canon["World Health Organization"], "a bracketed acronym is an alias, not a second mention")

	total := 0
	for _, e := range a.Entities {
		n := 0
		for _, c := range e.Counts {
			n += c
		}
		assert.Equal(t, e.Mentions, n, "%s: counts add up", e.Name)
		assert.InDelta(t, 1, e.MeanProbs[0]+e.MeanProbs[1]+e.MeanProbs[2], 1e-9)
		assert.True(t, e.Net >= -1 && e.Net <= 1)
		assert.NotEmpty(t, e.MostCritical.Text)
		total += e.Mentions
	}
	assert.Equal(t, len(a.Mentions), total)
	assert.Equal(t, "Gustavo Petro", a.Entities[0].Name, "most mentioned first, ties by name")
	assert.Equal(t, "Colombia", a.Entities[1].Name, "2 mentions; ties broken by name")
	for _, e := range a.Entities {
		if e.Name == "NATO" {
			assert.Equal(t, "org", e.Kind)
			assert.Equal(t, 2, e.Mentions)
		}
	}
}

func TestStreamOffsetsAndLimits(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	parts := strings.SplitAfter(article, "\n\n")
	s := m.NewStream()
	var got []stance.Mention
	for _, p := range parts {
		require.NoError(t, s.Text(p, func(mn stance.Mention) error { got = append(got, mn); return nil }))
	}
	whole, err := m.Analyze(article)
	require.NoError(t, err)
	require.Equal(t, len(whole.Mentions), len(got))
	for i := range got {
		assert.Equal(t, whole.Mentions[i].Span, got[i].Span, "offsets count from the start of the first piece")
		assert.Equal(t, whole.Mentions[i].Canonical, got[i].Canonical, "aliases carry over between pieces")
	}
	assert.Equal(t, whole.Entities, s.Entities())

	stop := errors.New("stop")
	n := 0
	err = m.NewStream().Text(article, func(stance.Mention) error { n++; return stop })
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
	empty, err := features.NewGazetteer(nil)
	require.NoError(t, err)

	cases := []struct {
		name string
		text string
		opts []stance.AnalyzeOption
		want error
	}{
		{"invalid utf8", "NATO met \xff Petro.", nil, stance.ErrInvalidUTF8},
		{"too long", strings.Repeat("NATO met. ", 20), []stance.AnalyzeOption{stance.WithMaxBytes(100)}, stance.ErrTextTooLong},
		{"too many mentions", strings.Repeat("NATO met Brazil. ", 10), []stance.AnalyzeOption{stance.WithMaxMentions(5)}, stance.ErrTooManyMentions},
		{"sentence over the model's limit", "NATO " + strings.Repeat("x", stance.DefaultMaxTextBytes), nil, stance.ErrTextTooLong},
		{"max bytes 0", "NATO met.", []stance.AnalyzeOption{stance.WithMaxBytes(0)}, stance.ErrBadOption},
		{"max mentions -1", "NATO met.", []stance.AnalyzeOption{stance.WithMaxMentions(-1)}, stance.ErrBadOption},
		{"gazetteer only, no gazetteer", "NATO met.", []stance.AnalyzeOption{stance.WithGazetteerOnly()}, stance.ErrBadOption},
		{"gazetteer only, a nil one", "NATO met.", []stance.AnalyzeOption{stance.WithGazetteer(nil), stance.WithGazetteerOnly()}, stance.ErrBadOption},
		{"gazetteer only, an empty one", "NATO met.", []stance.AnalyzeOption{stance.WithGazetteer(empty), stance.WithGazetteerOnly()}, stance.ErrBadOption},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := m.Analyze(c.text, c.opts...)
			assert.ErrorIs(t, err, c.want)
		})
	}
	for _, blank := range []string{"", "   \n\n\t", "no names here at all."} {
		a, err := m.Analyze(blank)
		require.NoError(t, err)
		assert.Empty(t, a.Mentions)
		assert.Empty(t, a.Entities)
	}
}

func TestAnalyzeHolder(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	a, err := m.Analyze("Gustavo Petro accused NATO of stalling. Petro also thanked Brazil.")
	require.NoError(t, err)
	holders := map[string]string{}
	for _, mn := range a.Mentions {
		holders[mn.Text] = mn.Holder
	}
	assert.Equal(t, "Gustavo Petro", holders["NATO"])
	assert.Equal(t, "Gustavo Petro", holders["Brazil"], "the holder is given by its canonical name")
	assert.Equal(t, "", holders["Gustavo Petro"])
}

// TestConcurrentAnalyze runs Analyze from many goroutines on one model and
// checks every result equals the sequential one (run under -race).
func TestConcurrentAnalyze(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	texts := []string{article, "Gustavo Petro accused NATO of stalling. Petro also thanked Brazil.", "Acme sued Globex; Globex blamed Initech."}
	want := make([]*stance.Analysis, len(texts))
	for i, tx := range texts {
		want[i], err = m.Analyze(tx, stance.WithGazetteer(gazetteer(t)))
		require.NoError(t, err)
	}
	g := gazetteer(t)
	concurrently(t, 8, 30, func(w, k int) error {
		i := (w + k) % len(texts)
		got, err := m.Analyze(texts[i], stance.WithGazetteer(g))
		if err != nil || !reflect.DeepEqual(got, want[i]) {
			return fmt.Errorf("text %d: differs from the sequential result (%v)", i, err)
		}
		return nil
	})
}

func TestAnalyzeContext(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = m.Analyze(article, stance.WithContext(ctx))
	assert.ErrorIs(t, err, context.Canceled)

	// Cancelled half-way: the mentions before the stop were reported.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err = m.NewStream(stance.WithContext(ctx)).Text(article, func(stance.Mention) error {
		n++
		cancel()
		return nil
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Positive(t, n)
	a, err := m.Analyze(article)
	require.NoError(t, err)
	assert.Less(t, n, len(a.Mentions))
}

func TestMentionJSON(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	a, err := m.Analyze("Gustavo Petro accused AT&T of stalling.")
	require.NoError(t, err)
	require.Len(t, a.Mentions, 2)
	b, err := json.Marshal(a.Mentions[1])
	require.NoError(t, err)
	var raw strings.Builder
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(a.Mentions[1]))
	assert.Contains(t, raw.String(), `"entity":"AT&T"`, "an Encoder without HTML escaping writes AT&T as is")
	assert.Contains(t, string(b), `"entity":"AT\u0026T"`, "json.Marshal escapes it")
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	mn := a.Mentions[1]
	assert.Equal(t, map[string]any{
		"sentence": mn.Sentence, "entity": "AT&T", "start": float64(mn.Span.Start), "end": float64(mn.Span.End),
		"label": string(mn.Label), "canonical": "AT&T", "holder": "Gustavo Petro",
		"probs": map[string]any{"critical": mn.Probs[0], "neutral": mn.Probs[1], "supportive": mn.Probs[2]},
	}, got)
}

// TestCallbackReentry checks that a callback may call back into the
// Model — Predict, a second Stream — without changing what the outer
// Stream reports, from several goroutines at once; and that calling Text
// on the same Stream from its callback does not panic or corrupt the outer
// piece's mentions.
func TestCallbackReentry(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	const text = "Gustavo Petro accused NATO of stalling. Brazil praised Petro and NATO. Lula met Biden in Paris."
	plain, err := m.Analyze(text)
	require.NoError(t, err)
	require.NotEmpty(t, plain.Mentions)
	concurrently(t, 8, 1, func(int, int) error {
		var got []stance.Mention
		err := m.NewStream().Text(text, func(mn stance.Mention) error {
			got = append(got, mn)
			off := mn.SentenceSpan.Start
			if _, err := m.Predict(mn.Sentence, stance.Span{Start: mn.Span.Start - off, End: mn.Span.End - off}); err != nil {
				return err
			}
			return m.NewStream().Text(strings.Repeat("Obama met Merkel and Putin in Berlin. ", 3), func(stance.Mention) error { return nil })
		})
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(plain.Mentions, got) {
			return fmt.Errorf("mentions differ from Analyze's")
		}
		return nil
	})

	s := m.NewStream()
	var got []stance.Mention
	inner := 0
	err = s.Text(text, func(mn stance.Mention) error {
		got = append(got, mn)
		if len(got) == 1 {
			return s.Text("Obama met Merkel.", func(stance.Mention) error { inner++; return nil })
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, plain.Mentions, got, "the outer piece's mentions are unchanged")
	assert.Equal(t, 2, inner)
}

// TestStreamNilCallback checks that a nil callback sums the mentions up
// for Entities without reporting them.
func TestStreamNilCallback(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	const text = "Gustavo Petro accused NATO of stalling. Brazil praised Petro and NATO."
	want, err := m.Analyze(text)
	require.NoError(t, err)
	s := m.NewStream()
	require.NoError(t, s.Text(text, nil))
	assert.Equal(t, want.Entities, s.Entities())
}

// TestPredictMentions checks PredictMentions against PredictPrepared on
// every corpus and NewsMTSC dev sentence, its allocations, and its errors.
func TestPredictMentions(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	var p features.Prepared
	var got []stance.Prediction
	n := 0
	for _, text := range testtexts.All(t) {
		m.Extractor().Prepare(&p, text)
		got, err = m.PredictMentions(got[:0], &p)
		require.NoError(t, err)
		require.Len(t, got, len(p.Mentions()))
		for j, sp := range p.Mentions() {
			want, err := m.PredictPrepared(&p, sp)
			require.NoError(t, err)
			if want.Label != got[j].Label {
				require.InDelta(t, want.Prob(want.Label), want.Prob(got[j].Label), 1e-9, "labels differ off a tie")
			}
			for l := range want.Probs {
				require.InDelta(t, want.Probs[l], got[j].Probs[l], 1e-9)
			}
			n++
		}
	}
	assert.Greater(t, n, 5000)

	text := "Petro accused NATO of stalling, but praised the EU and Brazil."
	m.Extractor().Prepare(&p, text)
	dst := make([]stance.Prediction, 0, 8)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := m.PredictMentions(dst[:0], &p); err != nil {
			t.Fatal(err)
		}
	})
	if !raceEnabled {
		assert.Zero(t, allocs)
	}
	m.Extractor().Prepare(&p, "")
	_, err = m.PredictMentions(nil, &p)
	assert.ErrorIs(t, err, stance.ErrEmptyText)
	var sb strings.Builder
	for i := range stance.MaxSentenceMentions + 1 {
		fmt.Fprintf(&sb, "Name%c%c praised ", 'a'+i%26, 'a'+i/26%26)
	}
	m.Extractor().Prepare(&p, sb.String())
	require.Greater(t, len(p.Mentions()), stance.MaxSentenceMentions)
	kept := dst[:1]
	got2, err := m.PredictMentions(kept, &p)
	assert.ErrorIs(t, err, stance.ErrTooManyMentions)
	assert.Len(t, got2, 1, "dst as it was")
	m.Extractor().Prepare(&p, "NATO \xff met Brazil.")
	_, err = m.PredictMentions(nil, &p)
	assert.ErrorIs(t, err, stance.ErrInvalidUTF8)
}

func TestMaxMentionsSaysWhere(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	text := "NATO met Brazil. Peru met Chile. Spain met Ghana."
	_, err = m.Analyze(text, stance.WithMaxMentions(5))
	require.ErrorIs(t, err, stance.ErrTooManyMentions)
	assert.Contains(t, err.Error(), "more than 5, in the sentence at byte 33")
}

// TestAnalyzeMapsReused checks that Analyze's pooled maps carry nothing
// from one call to the next: the same text gives the same analysis before
// and after another text, alias by alias.
func TestAnalyzeMapsReused(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	first := "The World Health Organization (WHO) praised Gustavo Petro. Later, WHO warned Petro about delays."
	other := "The Petro Foundation (WHO) sued Maria Silva. Later, WHO praised Silva."
	// The analysis of a Stream of its own, whose maps no call has used.
	s := m.NewStream()
	want := &stance.Analysis{}
	require.NoError(t, s.Text(first, func(mn stance.Mention) error { want.Mentions = append(want.Mentions, mn); return nil }))
	want.Entities = s.Entities()
	for range 3 {
		_, err := m.Analyze(other)
		require.NoError(t, err)
		got, err := m.Analyze(first)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	// A failed call returns its maps emptied too.
	_, err = m.Analyze(first+" \xff", nil)
	require.Error(t, err)
	got, err := m.Analyze(first)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

// TestAnalyzeSocialMedia checks the name finder of feature set 3 through
// Analyze: handles are entities whatever their case, the verb of a
// contraction is none, and a handle is classified like any name (the
// factored path when the sentence has several, alone otherwise).
func TestAnalyzeSocialMedia(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	text := "Can't believe @elonmusk did this to Twitter. Won't forget it. So proud of @nasa_jpl!"
	a, err := m.Analyze(text)
	require.NoError(t, err)
	var got []string
	for _, mn := range a.Mentions {
		got = append(got, mn.Text)
		want, err := m.Predict(mn.Sentence, stance.Span{Start: mn.Span.Start - mn.SentenceSpan.Start, End: mn.Span.End - mn.SentenceSpan.Start})
		require.NoError(t, err)
		assert.Equal(t, want.Label, mn.Label, mn.Text)
		assert.InDeltaSlice(t, want.Probs[:], mn.Probs[:], 1e-9, mn.Text)
	}
	assert.Equal(t, []string{"@elonmusk", "Twitter", "@nasa_jpl"}, got)
}

// TestAnalyzeGazetteerHandles checks that a gazetteer name does not cut a
// handle: it names a handle that is all of it but the "@", and a handle
// that holds more than the name stays the finder's, whole.
func TestAnalyzeGazetteerHandles(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	g, err := features.NewGazetteer([]features.Entity{
		{Name: "NASA", Kind: "org", Aliases: []string{"nasa"}},
		{Name: "Tesla", Kind: "org"},
	})
	require.NoError(t, err)
	text := "So proud of @nasa_jpl! I love @tesla_fans. We thank @nasa and Tesla today."
	a, err := m.Analyze(text, stance.WithGazetteer(g))
	require.NoError(t, err)
	var got []string
	for _, mn := range a.Mentions {
		got = append(got, mn.Text+"→"+mn.Canonical)
	}
	assert.Equal(t, []string{"@nasa_jpl→@nasa_jpl", "@tesla_fans→@tesla_fans", "@nasa→NASA", "Tesla→Tesla"}, got)
}

// TestRefusedSentenceLeavesNoAliases checks that the names of a sentence
// Text refuses for its mentions do not resolve the short forms of later
// text: "Petro" after a refused sentence naming "Gustavo Petro" is itself.
func TestRefusedSentenceLeavesNoAliases(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	var many strings.Builder
	many.WriteString("Gustavo Petro met")
	for i := range stance.MaxSentenceMentions {
		fmt.Fprintf(&many, " Zed%c%c,", 'A'+i/26%26, 'A'+i%26)
	}
	many.WriteString(".")
	for _, opts := range [][]stance.AnalyzeOption{nil, {stance.WithMaxMentions(3)}} {
		s := m.NewStream(opts...)
		err := s.Text(many.String(), nil)
		require.ErrorIs(t, err, stance.ErrTooManyMentions)
		var canon []string
		require.NoError(t, s.Text(" Petro spoke.", func(mn stance.Mention) error {
			canon = append(canon, mn.Canonical)
			return nil
		}))
		assert.Equal(t, []string{"Petro"}, canon, "a refused sentence's name resolved a short form")
	}
}

// TestEntitiesMatchMentions checks every entity summary of a text naming
// several hundred entities (more than one block of the Stream's list)
// against the same sums taken from the mentions Analyze reported, on a
// fresh call and on calls that reuse pooled summaries.
func TestEntitiesMatchMentions(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	var sb strings.Builder
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"}
	name := func(i int) string { // a made-up capitalised name of two words
		a := syll[i%8] + syll[i/8%8] + syll[i/64%8]
		b := syll[(i+3)%8] + syll[(i/8+5)%8]
		return strings.ToUpper(a[:1]) + a[1:] + " " + strings.ToUpper(b[:1]) + b[1:]
	}
	verbs := []string{"praised", "accused", "met", "thanked", "condemned"}
	for i := range 300 {
		fmt.Fprintf(&sb, "Officials said %s %s %s on day %d. ", name(i), verbs[i%5], name((i*7+1)%300), i)
	}
	text := sb.String()
	for range 3 {
		a, err := m.Analyze(text)
		require.NoError(t, err)
		require.Greater(t, len(a.Entities), 250)
		want := map[string]*stance.EntitySummary{}
		for _, mn := range a.Mentions {
			e := want[mn.Canonical]
			if e == nil {
				e = &stance.EntitySummary{Name: mn.Canonical, Kind: mn.Kind}
				want[mn.Canonical] = e
			}
			e.Mentions++
			e.Counts[mn.Label.Index()]++
			for l := range stance.NumLabels {
				e.MeanProbs[l] += mn.Probs[l]
			}
			if p := mn.Prob(stance.Supportive); e.MostSupportive.Text == "" || p > e.MostSupportive.Prob {
				e.MostSupportive = stance.SentenceRef{Text: mn.Sentence, Span: mn.SentenceSpan, Prob: p}
			}
			if p := mn.Prob(stance.Critical); e.MostCritical.Text == "" || p > e.MostCritical.Prob {
				e.MostCritical = stance.SentenceRef{Text: mn.Sentence, Span: mn.SentenceSpan, Prob: p}
			}
		}
		require.Len(t, a.Entities, len(want))
		for i, got := range a.Entities {
			if i > 0 {
				prev := a.Entities[i-1]
				assert.True(t, prev.Mentions > got.Mentions || prev.Mentions == got.Mentions && prev.Name < got.Name, "sorted")
			}
			w := want[got.Name]
			require.NotNil(t, w, got.Name)
			for l := range stance.NumLabels {
				w.MeanProbs[l] /= float64(w.Mentions)
			}
			w.Net = w.MeanProbs[stance.Supportive.Index()] - w.MeanProbs[stance.Critical.Index()]
			assert.Equal(t, *w, got)
		}
	}
}

// mentionsOf returns each mention of a as "text→canonical".
func mentionsOf(a *stance.Analysis) []string {
	var got []string
	for _, mn := range a.Mentions {
		got = append(got, mn.Text+"→"+mn.Canonical)
	}
	return got
}

// TestGazetteerInsideNames checks that a gazetteer form wins over the
// capitalised name around it, as WithGazetteer says ("Republican Donald
// Trump" is Donald Trump, whom the gazetteer names), that a longer
// gazetteer form wins over a shorter one inside it ("Bank of America" as
// an entity of its own), and that a sentence of many names and matches
// costs one pass over each.
func TestGazetteerInsideNames(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	g, err := features.NewGazetteer([]features.Entity{
		{Name: "NATO", Kind: "org", Aliases: []string{"the alliance"}},
		{Name: "United States", Kind: "country", Aliases: []string{"US", "America"}},
		{Name: "Bank of America", Kind: "org"},
		{Name: "Donald Trump", Kind: "person"},
		{Name: "Benjamin Netanyahu", Kind: "person", Aliases: []string{"Netanyahu"}},
	})
	require.NoError(t, err)
	for _, c := range []struct{ text, want string }{
		{"Bank of America sued the alliance.", "Bank of America→Bank of America|the alliance→NATO"},
		{"Critics in Latin America and the US criticised NATO.", "America→United States|US→United States|NATO→NATO"},
		{"Republican Donald Trump attacked NATO.", "Donald Trump→Donald Trump|NATO→NATO"},
		{"Israeli PM Netanyahu rejected the ceasefire.", "Netanyahu→Benjamin Netanyahu"},
	} {
		a, err := m.Analyze(c.text, stance.WithGazetteer(g))
		require.NoError(t, err)
		assert.Equal(t, c.want, strings.Join(mentionsOf(a), "|"), c.text)
	}
	// Many names, each holding a match, in one sentence: refused for its
	// names, after one pass (this took seconds when each name was tested
	// against every match).
	text := strings.Repeat("Petro Slams NATO Over Gaza Genocide Claims ", 20000)
	_, err = m.Analyze(text, stance.WithGazetteer(g))
	require.ErrorIs(t, err, stance.ErrTooManyMentions)
}

// TestShortForms checks which later short forms resolve to a name seen
// before: a person's surname does, also after a gazetteer's name; a
// place's last word does not; and a name spelt with two spaces is the
// same name.
func TestShortForms(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	g, err := features.NewGazetteer([]features.Entity{{Name: "Gustavo Petro", Kind: "person"}, {Name: "NATO", Kind: "org"}})
	require.NoError(t, err)
	for _, c := range []struct {
		text string
		opts []stance.AnalyzeOption
		want string
	}{
		{"Colombian President Gustavo Petro criticised NATO. Petro later praised Brazil.", []stance.AnalyzeOption{stance.WithGazetteer(g)},
			"Gustavo Petro→Gustavo Petro|NATO→NATO|Petro→Gustavo Petro|Brazil→Brazil"},
		{"Colombian President Gustavo Petro criticised NATO. Petro later praised Brazil.", nil,
			"Gustavo Petro→Gustavo Petro|NATO→NATO|Petro→Gustavo Petro|Brazil→Brazil"},
		{"South Africa hosted the summit. Africa needs debt relief, the IMF said.", nil,
			"South Africa→South Africa|Africa→Africa|IMF→IMF"},
		{"New York sued Exxon. York council members objected.", nil,
			"New York→New York|Exxon→Exxon|York→York"},
		{"Gustavo Petro criticised NATO. Gustavo  Petro praised Brazil. Petro left.", nil,
			"Gustavo Petro→Gustavo Petro|NATO→NATO|Gustavo  Petro→Gustavo Petro|Brazil→Brazil|Petro→Gustavo Petro"},
		{"Kim Jong Un fired a missile. The UN condemned the launch. The European Union (EU) agreed, and the EU said so.", nil,
			"Kim Jong Un→Kim Jong Un|UN→UN|European Union→European Union|EU→European Union"},
		{"Jack Ma founded Alibaba. Ma later criticised regulators, and MA officials agreed.", nil,
			"Jack Ma→Jack Ma|Alibaba→Alibaba|Ma→Jack Ma|MA→MA"},
		// The initials of a name of three words or more, of all of it or
		// of its words before its last "and".
		{"The Food and Drug Administration approved it. The FDA and the Centers for Disease Control and Prevention agreed, and the CDC said so.", nil,
			"Food and Drug Administration→Food and Drug Administration|FDA→Food and Drug Administration|Centers for Disease Control and Prevention→Centers for Disease Control and Prevention|CDC→Centers for Disease Control and Prevention"},
		{"Fiona Beth Ingram met agents. The FBI said so, and the European Central Bank and the ECB agreed.", nil,
			"Fiona Beth Ingram→Fiona Beth Ingram|FBI→FBI|European Central Bank→European Central Bank|ECB→European Central Bank"},
		// The acronym first: the short form still finds the person.
		{"Kim Jong Un snubbed the UN. Un later praised Russia.", nil,
			"Kim Jong Un→Kim Jong Un|UN→UN|Un→Kim Jong Un|Russia→Russia"},
		{"Jack Ma founded Alibaba. MA students cheered. Ma later praised Alibaba.", nil,
			"Jack Ma→Jack Ma|Alibaba→Alibaba|MA→MA|Ma→Jack Ma|Alibaba→Alibaba"},
		// A short form seen alone first keeps its first owner.
		{"Ma said the talks failed. Jack Ma founded Alibaba. Ma later praised regulators.", nil,
			"Ma→Ma|Jack Ma→Jack Ma|Alibaba→Alibaba|Ma→Ma"},
		{"Sri Mulyani Indrawati criticised the plan. Indrawati later resigned.", nil,
			"Sri Mulyani Indrawati→Sri Mulyani Indrawati|Indrawati→Sri Mulyani Indrawati"},
		// A surname with its particles, in either case, and one before a
		// suffix.
		{"Ursula von der Leyen criticised Hungary. Von der Leyen said so, and von der Leyen left. Leyen too.", nil,
			"Ursula von der Leyen→Ursula von der Leyen|Hungary→Hungary|Von der Leyen→Ursula von der Leyen|Leyen→Ursula von der Leyen|Leyen→Ursula von der Leyen"},
		{"Lula da Silva met Xi. Da Silva praised China, and Lula left.", nil,
			"Lula da Silva→Lula da Silva|Xi→Xi|Da Silva→Lula da Silva|China→China|Lula→Lula da Silva"},
		{"Robert F. Kennedy Jr. spoke in Atlanta. Kennedy praised the marchers.", nil,
			"Robert F. Kennedy Jr.→Robert F. Kennedy Jr.|Atlanta→Atlanta|Kennedy→Robert F. Kennedy Jr."},
		// A name with a number is no person's: its last word is no surname.
		{"Google released Gemini 2.5 Pro. Later Pro users cheered, as did Huawei 5G Networks, and then Networks rose.", nil,
			"Google→Google|Gemini 2.5 Pro→Gemini 2.5 Pro|Pro→Pro|Huawei 5G Networks→Huawei 5G Networks|Networks→Networks"},
		{"Gustavo\u00a0Petro criticised NATO. Gustavo Petro praised Brazil. Petro left.", nil,
			"Gustavo\u00a0Petro→Gustavo Petro|NATO→NATO|Gustavo Petro→Gustavo Petro|Brazil→Brazil|Petro→Gustavo Petro"},
	} {
		a, err := m.Analyze(c.text, c.opts...)
		require.NoError(t, err)
		assert.Equal(t, c.want, strings.Join(mentionsOf(a), "|"), c.text)
	}
	a, err := m.Analyze("Colombian President Gustavo Petro criticised NATO. Petro later praised Brazil.", stance.WithGazetteer(g))
	require.NoError(t, err)
	assert.Equal(t, "person", a.Mentions[2].Kind, "a short form keeps the gazetteer's kind")
	e := a.Entities
	require.Len(t, e, 3)
}

// TestNoSelfHolder checks that a mention's holder is never the entity
// itself, which two names of one entity in a sentence would give.
func TestNoSelfHolder(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	g, err := features.NewGazetteer([]features.Entity{{Name: "United States", Kind: "country", Aliases: []string{"US"}}})
	require.NoError(t, err)
	a, err := m.Analyze("The United States criticised US officials and praised Brazil.", stance.WithGazetteer(g))
	require.NoError(t, err)
	require.Len(t, a.Mentions, 3)
	assert.Equal(t, "", a.Mentions[1].Holder, "US is not its own holder")
	assert.Equal(t, "United States", a.Mentions[2].Holder, "Brazil's holder")
}

// TestStreamReentryKeepsLimit checks that a Text call made from the
// callback counts the outer sentence's mentions against WithMaxMentions:
// they are counted before they are reported.
func TestStreamReentryKeepsLimit(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	s := m.NewStream(stance.WithMaxMentions(4))
	seen, inner := 0, 0
	var innerErr error
	err = s.Text("Petro accused NATO and Brazil.", func(stance.Mention) error {
		seen++
		if seen == 1 {
			innerErr = s.Text("Macron praised Germany.", func(stance.Mention) error { inner++; return nil })
		}
		return nil
	})
	require.NoError(t, err)
	assert.ErrorIs(t, innerErr, stance.ErrTooManyMentions, "3 outer mentions and 2 inner ones are over 4")
	assert.Equal(t, 3, seen)
	assert.Zero(t, inner)

	// A callback's error leaves the mentions it did not see uncounted.
	s = m.NewStream(stance.WithMaxMentions(3))
	stop := errors.New("stop")
	err = s.Text("Petro accused NATO and Brazil.", func(stance.Mention) error { return stop })
	require.ErrorIs(t, err, stop)
	n := 0
	require.NoError(t, s.Text("Macron praised Germany.", func(stance.Mention) error { n++; return nil }), "1 counted, 2 more fit")
	assert.Equal(t, 2, n)
}

// TestAnalyzeIgnoresByteOrderMark checks that a byte-order mark, a
// zero-width space or a word joiner before a sentence changes nothing but
// the offsets: a file saved with a mark analyses as without it.
func TestAnalyzeIgnoresByteOrderMark(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	exs, err := corpus.Builtin(corpus.Test)
	require.NoError(t, err)
	for _, mark := range []string{"\ufeff", "\u200b", "\u2060\ufeff"} {
		for _, ex := range exs[:150] {
			plain, err := m.Analyze(ex.Text)
			require.NoError(t, err)
			marked, err := m.Analyze(mark + ex.Text)
			require.NoError(t, err)
			require.Len(t, marked.Mentions, len(plain.Mentions), "%q", ex.Text)
			for i, p := range plain.Mentions {
				q := marked.Mentions[i]
				assert.Equal(t, p.Sentence, q.Sentence)
				assert.Equal(t, p.Span.Start+len(mark), q.Span.Start, "%q", ex.Text)
				assert.Equal(t, p.Prediction, q.Prediction, "%q: %s", ex.Text, p.Text)
			}
		}
	}

	// What the mark does where it stays in the sentence, as it did in
	// Analyze's first sentence before the splitter skipped it: a
	// punctuation token in place of the sentence's start
	// (go test ./stance -run TestAnalyzeIgnoresByteOrderMark -v).
	changed, n := 0, 0
	for _, ex := range exs {
		for _, tg := range ex.Targets {
			plain, err := m.Predict(ex.Text, stance.Span{Start: tg.Start, End: tg.End})
			require.NoError(t, err)
			marked, err := m.Predict("\ufeff"+ex.Text, stance.Span{Start: tg.Start + 3, End: tg.End + 3})
			require.NoError(t, err)
			n++
			if plain.Label != marked.Label {
				changed++
			}
		}
	}
	t.Logf("a byte-order mark kept in the sentence changes %d of %d corpus test labels", changed, n)
	assert.Positive(t, changed, "the mark changes features where it stays: what the splitter spares Analyze")
}

// TestAnalyzeJoiners checks Analyze on words with invisible joiners inside
// (feature set 11): the soft hyphens a web page writes to hint line
// breaks, a zero-width joiner or non-joiner, a word joiner. Each name
// stays whole and every mention gets what it gets without the joiners:
// its entity (the canonical name, spelt without them), its short forms,
// its holder and its probabilities.
func TestAnalyzeJoiners(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	strip := strings.NewReplacer("\u00ad", "", "\u200c", "", "\u200d", "", "\u2060", "")
	for _, joined := range []string{
		"President Zelen\u00adskyy thanked Germany for the air-de\u00adfence systems. Later, Zelenskyy con\u200ddemned Rus\u2060sia's attacks on Ukrainian po\u00adwer plants.",
		"Nor\u00adthern Ireland backed the deal. Ireland opposed it.", // "Ireland" is no short form of a place
		"Ge\u00adneral Mo\u00adtors cut jobs. Motors fell.",           // nor of an organisation
		"Kim Jong U\u00adn met Trump. The UN condemned North Korea.",  // "Un" is kept as spelt, apart from "UN"
		"Jack M\u00ada praised Alibaba. MA officials agreed, and Ma smiled.",
		"The S&P 5\u00ad00 fell as Boeing 7\u00ad37 MAX deliveries slowed.",
	} {
		plain := strip.Replace(joined)
		require.NotEqual(t, plain, joined)
		want, err := m.Analyze(plain)
		require.NoError(t, err)
		got, err := m.Analyze(joined)
		require.NoError(t, err)
		require.Len(t, got.Mentions, len(want.Mentions), joined)
		for i, mn := range got.Mentions {
			w := want.Mentions[i]
			assert.Equal(t, w.Text, strip.Replace(mn.Text), joined)
			assert.Equal(t, mn.Text, joined[mn.Span.Start:mn.Span.End])
			assert.Equal(t, w.Canonical, mn.Canonical, "%s in %q", mn.Text, joined)
			assert.Equal(t, w.Holder, mn.Holder, "%s in %q", mn.Text, joined)
			assert.Equal(t, w.Label, mn.Label, mn.Text)
			for l := range w.Probs {
				assert.InDelta(t, w.Probs[l], mn.Probs[l], 1e-12, mn.Text)
			}
		}
		var names, wantNames []string
		for i, e := range got.Entities {
			names = append(names, e.Name)
			wantNames = append(wantNames, want.Entities[i].Name)
		}
		assert.Equal(t, wantNames, names, joined)
	}

	// A gazetteer's form matches a word with a joiner inside, for a model
	// of feature set 11 and, with a joiner in the form too, of set 10.
	g, err := features.NewGazetteer([]features.Entity{{Name: "Volodymyr Zelenskyy", Kind: "person", Aliases: []string{"Zelenskyy", "Zelen\u00adskyy"}}})
	require.NoError(t, err)
	old, err := stance.ReadModel(bytes.NewReader(mustRead(t, "testdata/model-v3-features-v10.stk")))
	require.NoError(t, err)
	const text = "Zelen\u00adskyy thanked Germany. Zelenskyy con\u00addemned Russia."
	for _, model := range []*stance.Model{m, old} {
		a, err := model.Analyze(text, stance.WithGazetteer(g))
		require.NoError(t, err)
		var canon []string
		for _, mn := range a.Mentions {
			if strings.HasPrefix(mn.Text, "Zelen") {
				canon = append(canon, mn.Canonical)
			}
		}
		assert.Equal(t, []string{"Volodymyr Zelenskyy", "Volodymyr Zelenskyy"}, canon, "feature set %d", model.Extractor().Version())
	}
}

func TestAnalyzeDateline(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	// An article that opens with a dateline is analysed as the same
	// article without it: its names are not classified, and the sentence
	// after it is classified without it.
	for _, c := range []struct{ dateline, article string }{
		{"WASHINGTON (Reuters) - ", "The White House on Monday criticised Moscow for the strikes. Officials in Washington said talks would resume."},
		{"BRUSSELS, Nov 28 (AP) — ", "NATO foreign ministers met in Brussels.\n\nTOULOUSE, France — is no dateline here."},
		{"  TOULOUSE, France — ", "Airbus on Thursday won an order from IndiGo, dealing a blow to Boeing."},
		{"Airbus wins order\n\nTOULOUSE, France — ", "Airbus on Thursday won an order from IndiGo, dealing a blow to Boeing."},
		{"KYIV, Ukraine (AP) —\n", "Zelenskyy thanked Germany."},
		{"\ufeff\u00a0LONDON (Reuters) - ", "Starmer criticised Putin."},
	} {
		text := c.dateline + c.article
		got, err := m.Analyze(text)
		require.NoError(t, err)
		want, err := m.Analyze(c.article)
		require.NoError(t, err)
		var head []stance.Mention
		if i := strings.LastIndexByte(c.dateline, '\n'); i >= 0 && strings.TrimSpace(c.dateline[i:]) != "" {
			h, err := m.Analyze(c.dateline[:i]) // the headline before the dateline
			require.NoError(t, err)
			head = h.Mentions
		}
		require.Len(t, got.Mentions, len(head)+len(want.Mentions), text)
		for i, mn := range got.Mentions[len(head):] {
			w := want.Mentions[i]
			assert.Equal(t, w.Text, mn.Text, text)
			assert.Equal(t, w.Sentence, mn.Sentence, text)
			assert.Equal(t, w.Span.Start+len(c.dateline), mn.Span.Start, text)
			assert.Equal(t, w.SentenceSpan.Start+len(c.dateline), mn.SentenceSpan.Start, text)
			assert.Equal(t, w.Prediction, mn.Prediction, "%s in %q", mn.Text, text)
			assert.Equal(t, w.Holder, mn.Holder, "%s in %q", mn.Text, text)
		}
	}

	// A dateline is looked for only where a line starts: at the start of
	// the text, or of each piece of a Stream, or after a line break.
	for _, c := range []struct{ text, name string }{
		{"The talks ended. WASHINGTON — The Senate passed the bill.", "WASHINGTON"},
		{"WASHINGTON — the Senate passed the bill.", "WASHINGTON"},
		{"NATO — The alliance has never been stronger.", "NATO"},
	} {
		a, err := m.Analyze(c.text)
		require.NoError(t, err)
		var names []string
		for _, mn := range a.Mentions {
			names = append(names, mn.Text)
		}
		assert.Contains(t, names, c.name, c.text)
	}
	s := m.NewStream()
	var names []string
	for _, piece := range []string{"WASHINGTON (Reuters) - Trump praised Modi.", "LONDON (Reuters) - Starmer criticised Putin."} {
		require.NoError(t, s.Text(piece, func(mn stance.Mention) error {
			names = append(names, mn.Text)
			return nil
		}))
	}
	assert.Equal(t, []string{"Trump", "Modi", "Starmer", "Putin"}, names)
}

func TestAnalyzeQuotations(t *testing.T) {
	m, err := stance.Default()
	require.NoError(t, err)
	holders := func(text string) map[string]string {
		a, err := m.Analyze(text)
		require.NoError(t, err)
		got := map[string]string{}
		prev := -1
		for _, mn := range a.Mentions {
			require.Greater(t, mn.Span.Start, prev, "mentions in order: %q", text)
			prev = mn.Span.Start
			got[mn.Text] = mn.Holder
		}
		return got
	}
	for _, c := range []struct {
		text string
		want map[string]string
	}{
		// The speaker named after the quotation's end.
		{`"NATO has failed Ukraine. The EU has been no better," Petro said on Monday.`,
			map[string]string{"NATO": "Petro", "Ukraine": "Petro", "EU": "Petro", "Petro": ""}},
		{"“NATO has failed. The EU has been no better. Germany too,” said Gustavo Petro.",
			map[string]string{"NATO": "Gustavo Petro", "EU": "Gustavo Petro", "Germany": "Gustavo Petro"}},
		// Before its start.
		{`Petro said: "NATO has failed. The EU has been no better."`,
			map[string]string{"Petro": "", "NATO": "Petro", "EU": "Petro"}},
		// A name after the quotation is not in it.
		{`"NATO has failed. We will act," Petro said. Sweden disagreed.`,
			map[string]string{"NATO": "Petro", "Sweden": ""}},
		// No speaker named: none.
		{`"NATO has failed. The EU has been no better," he said.`,
			map[string]string{"NATO": "", "EU": ""}},
		// A quotation never closed, and one within a sentence, left to
		// Holders.
		{`"NATO has failed. The EU has been no better.`,
			map[string]string{"NATO": "", "EU": ""}},
		// A quotation within a sentence gives its speaker to the names in
		// it that Holders gives none.
		{"“NATO has failed Ukraine,” said Colombian President Gustavo Petro.",
			map[string]string{"NATO": "Gustavo Petro", "Ukraine": "Gustavo Petro"}},
		{"“NATO has failed Ukraine,” Petro, 63, said.",
			map[string]string{"NATO": "Petro", "Ukraine": "Petro"}},
		{"“Russia attacked Ukraine,” Petro, 63, said.",
			map[string]string{"Russia": "Petro", "Ukraine": "Russia"}}, // Holders' own
		{"“NATO has failed Ukraine,” critics of Petro said.",
			map[string]string{"NATO": "", "Ukraine": ""}},
		// A quotation that opens the next sentence, on the same line, and
		// names no speaker goes on with the one before.
		{`"NATO has failed," Petro said. "The EU has been no better."`,
			map[string]string{"NATO": "Petro", "EU": "Petro"}},
		{"“NATO has failed,” Petro said. “The EU has been no better. Spain too.”",
			map[string]string{"EU": "Petro", "Spain": "Petro"}},
		{"“NATO has failed,” Petro said. “The EU too,” Merkel said.",
			map[string]string{"EU": "Merkel"}},
		{"“NATO has failed,” Petro said. Macron left. “The EU has been no better.”",
			map[string]string{"EU": ""}},
		{"“NATO has failed,” Petro said.\n\n“The EU has been no better.”",
			map[string]string{"EU": "Petro"}}, // a paragraph that goes on quoting
		{"“NATO has failed,” Petro said.\nThe EU met.\n“Spain has been no better.”",
			map[string]string{"EU": "", "Spain": ""}},
		// Not one that another answers, named or not (a review's cases).
		{"“NATO has failed,” Petro said.\n\n“Europe is strong,” Macron replied.",
			map[string]string{"Europe": "Macron"}},
		{"“NATO has failed,” Petro said. “Europe is no better,” he added.",
			map[string]string{"Europe": "Petro"}},
		// A pronoun or "the president" names the same speaker again (a
		// second review's cases).
		{"“NATO has failed,” Petro said.\n\n“Europe is no better,” he told reporters on Monday.",
			map[string]string{"Europe": "Petro"}},
		{"“NATO has failed,” Petro said. “Europe,” he added, “is no better.”",
			map[string]string{"Europe": "Petro"}},
		{"“Tariffs work,” Trump said. “China is paying,” he said. “Mexico will pay too,” the president added.",
			map[string]string{"China": "Trump", "Mexico": "Trump"}},
		{"“Instagram was bought to kill a rival,” the FTC said. “Meta knew it,” it argued.",
			map[string]string{"Meta": "FTC"}},
		// After a sentence of reported speech, whose speaker a pronoun
		// names again; not after one whose subject is no name, nor across
		// a sentence between.
		{"Gustavo Petro said on Tuesday that NATO had failed.\n\n“Europe must find its own path,” he said.",
			map[string]string{"Europe": "Gustavo Petro"}},
		{"Analysts said NATO had failed.\n\n“Europe must find its own path,” he said.",
			map[string]string{"Europe": ""}},
		{"Petro said NATO had failed. Spain disagreed. “Europe must find its own path,” he said.",
			map[string]string{"Europe": ""}},
		{"Petro said NATO had failed. “Europe must find its own path,” Macron replied.",
			map[string]string{"Europe": "Macron"}},
		// One quotation in two parts around its attribution.
		{"“NATO has failed,” Petro said. “Europe is no better,” he said, “and Spain is the worst.”",
			map[string]string{"Europe": "Petro", "Spain": "Petro"}},
		{"“NATO has failed,” Petro said, “and Spain is the worst.”",
			map[string]string{"NATO": "Petro", "Spain": "Petro"}},
		{"“NATO has failed,” Petro said, and Merkel added: “Spain is the worst.”",
			map[string]string{"Spain": "Merkel"}},
		{"“NATO has failed,” Petro said. “Europe,” Macron shot back, “is strong.”",
			map[string]string{"Europe": ""}},
		{"“NATO has failed,” Petro said.\n\n“The EU is no better,” a diplomat in Brussels said.",
			map[string]string{"EU": ""}},
		{"“NATO has failed,” Petro said.\n\n“The EU is no better. Spain too,” the French president said.",
			map[string]string{"EU": "", "Spain": ""}},
		{"“NATO has failed,” he said. “The EU has been no better.”",
			map[string]string{"EU": ""}},
		// Over paragraphs: a quotation goes on only where the next
		// paragraph opens with a quotation mark.
		{"“NATO has failed.\n\n“The EU has been no better,” Petro said.",
			map[string]string{"NATO": "Petro", "EU": "Petro"}},
		{"\"NATO has failed.\n\nThe EU met on Monday,\" Petro said.",
			map[string]string{"NATO": "", "EU": "Petro"}}, // the EU's, Holders' reading of its sentence
		// A review's cases: a quotation left open at a line's end, as
		// news leaves one that the next paragraph goes on with; a straight
		// mark after a digit is an inch mark; German marks; an opening
		// mark never closed holds nothing past its line.
		{"\"NATO has failed.\n\"The EU has been no better,\" Petro said.\nMacron praised Germany.\n\"Moscow says it wants peace. We do not believe it,\" Zelenskyy said.",
			map[string]string{"NATO": "Petro", "EU": "Petro", "Petro": "", "Macron": "", "Moscow": "Zelenskyy"}},
		{"Spain signed the 6'2\" striker, Real Madrid said. Macron praised Germany. \"Russia said it wants peace,\" Zelenskyy said.",
			map[string]string{"Real Madrid": "", "Macron": ""}},
		{"The 6'2\" striker joined Spain.\n\n\"Russia wants peace,\" Putin said.",
			map[string]string{"Spain": "", "Russia": "Putin"}},
		{"\u201eNATO has failed\u201c, Petro said. Macron praised Germany. \u201cSpain too,\u201d Merkel said.",
			map[string]string{"NATO": "Petro", "Macron": "", "Spain": "Merkel"}},
		{"Petro said: \u201cNATO has failed.\nMacron praised Germany. Spain agreed.",
			map[string]string{"NATO": "Petro", "Macron": "", "Spain": ""}},
		{"\u201cNATO failed. Spain failed. Italy failed. Greece failed. Poland failed. Latvia failed. Malta failed.",
			map[string]string{"NATO": "", "Malta": ""}},
		// A speaker holds no stance toward himself.
		{`"Petro has failed. The EU too," Petro said.`,
			map[string]string{"EU": "Petro"}},
	} {
		got := holders(c.text)
		for name, want := range c.want {
			assert.Equal(t, want, got[name], "%s in %q", name, c.text)
		}
	}

	// Held back for at most maxQuoteSentences sentences: the speaker named
	// after six is given to none of them, and every mention is reported,
	// in order.
	long := `"NATO failed. Spain failed. Italy failed. Greece failed. Poland failed. Latvia failed," Petro said.`
	got := holders(long)
	assert.Len(t, got, 7)
	assert.Empty(t, got["NATO"])

	// Mentions before an open quotation are not held back; those in it
	// are, until it closes.
	s := m.NewStream()
	var seen []string
	require.NoError(t, s.Text(`Sweden agreed. "NATO has failed. The EU too," Petro said.`, func(mn stance.Mention) error {
		seen = append(seen, mn.Text+"/"+mn.Holder)
		return nil
	}))
	assert.Equal(t, []string{"Sweden/", "NATO/Petro", "EU/Petro", "Petro/"}, seen)

	// An error from the callback while mentions are held back stops the
	// analysis and counts only the mentions reported against the limit.
	s = m.NewStream(stance.WithMaxMentions(4))
	errStop := errors.New("stop")
	calls := 0
	err = s.Text(`"NATO has failed. The EU too," Petro said.`, func(stance.Mention) error {
		calls++
		return errStop
	})
	require.ErrorIs(t, err, errStop)
	assert.Equal(t, 1, calls)
	// Three of the four mentions were not reported, so three more fit;
	// and only the one reported is summed up.
	total := 0
	for _, e := range s.Entities() {
		total += e.Mentions
	}
	assert.Equal(t, 1, total)
	require.NoError(t, s.Text("Spain, Italy and Greece agreed.", nil))
}
