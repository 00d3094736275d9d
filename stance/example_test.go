package stance_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// The README's quick start: label one target with the embedded model.
func ExampleDefault() {
	m, err := stance.Default()
	if err != nil {
		panic(err)
	}
	text := "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza."
	i := strings.Index(text, "NATO")
	p, err := m.Predict(text, stance.Span{Start: i, End: i + len("NATO")})
	if err != nil {
		panic(err)
	}
	fmt.Println("NATO:", p.Label)
	// Output: NATO: critical
}

// Train a model on your own labelled examples, save it and load it back.
func ExampleTrain() {
	mk := func(text, target string, l stance.Label) corpus.Example {
		i := strings.Index(text, target)
		return corpus.Example{Text: text, Targets: []corpus.Target{{Start: i, End: i + len(target), Mention: target, Label: l}}}
	}
	exs := []corpus.Example{
		mk("Regulators praised Acme for its safety record.", "Acme", stance.Supportive),
		mk("Investors applauded Acme after strong results.", "Acme", stance.Supportive),
		mk("Regulators fined Globex for hiding losses.", "Globex", stance.Critical),
		mk("Critics accused Globex of misleading customers.", "Globex", stance.Critical),
		mk("Initech opened an office in Leeds.", "Initech", stance.Neutral),
		mk("Initech will report results on Tuesday.", "Initech", stance.Neutral),
	}
	m, err := stance.Train(exs, nil)
	if err != nil {
		panic(err)
	}
	var file bytes.Buffer
	if _, err := m.WriteTo(&file); err != nil {
		panic(err)
	}
	loaded, err := stance.ReadModel(&file)
	if err != nil {
		panic(err)
	}
	text := "Critics accused Hooli of misleading customers."
	p, err := loaded.Predict(text, stance.Span{Start: 16, End: 21})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s: %s (P=%.3f)\n", text[16:21], p.Label, p.Prob(p.Label))
	// Output: Hooli: critical (P=1.000)
}

// Analyze a short article: every mention with its canonical entity, label
// and holder, then a summary per entity.
func ExampleModel_Analyze() {
	m, err := stance.Default()
	if err != nil {
		panic(err)
	}
	g, err := features.NewGazetteer([]features.Entity{
		{Name: "NATO", Kind: "org", Aliases: []string{"North Atlantic Treaty Organization", "the alliance"}},
	})
	if err != nil {
		panic(err)
	}
	text := "Gustavo Petro accused NATO of stalling the talks.\n\nPetro said the alliance had failed."
	a, err := m.Analyze(text, stance.WithGazetteer(g))
	if err != nil {
		panic(err)
	}
	for _, mn := range a.Mentions {
		fmt.Printf("%q → %s, %s, holder %q\n", mn.Text, mn.Canonical, mn.Label, mn.Holder)
	}
	for _, e := range a.Entities {
		fmt.Printf("%s: %d mentions, net %+.2f\n", e.Name, e.Mentions, e.Net)
	}
	// Output:
	// "Gustavo Petro" → Gustavo Petro, neutral, holder ""
	// "NATO" → NATO, critical, holder "Gustavo Petro"
	// "Petro" → Gustavo Petro, neutral, holder ""
	// "the alliance" → NATO, critical, holder "Gustavo Petro"
	// Gustavo Petro: 2 mentions, net -0.06
	// NATO: 2 mentions, net -0.92
}
