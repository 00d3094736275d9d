package corpus_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/stancekit/stancekit/corpus"
)

func ExampleReader() {
	const data = `{"id":"a","text":"Ann praised Bob.","targets":[{"start":12,"end":15,"mention":"Bob","label":"positive"}]}
{"id":"b","text":"Cy met Di.","targets":[{"start":7,"end":9,"mention":"Dee","label":"neutral"}]}
{"id":"c","text":"Eve blamed Fay.","targets":[{"start":11,"end":14,"mention":"Fay","label":"critical"}]}
`
	r := corpus.NewReader(strings.NewReader(data), corpus.WithName("mini.jsonl"), corpus.Lenient())
	for r.Next() {
		ex := r.Example()
		for _, t := range ex.Targets {
			fmt.Printf("%s: %s is %s\n", ex.ID, t.Mention, t.Label)
		}
	}
	if err := r.Err(); err != nil {
		fmt.Println(err)
	}
	for _, le := range r.Skipped() {
		fmt.Println("skipped:", le)
	}
	// Output:
	// a: Bob is supportive
	// c: Fay is critical
	// skipped: corpus: mini.jsonl:2: mention mismatch: target 0 "Dee": text[7:9] is "Di"
}

func ExampleReader_newsMTSC() {
	// NewsMTSC offsets count code points; the Reader converts them to bytes.
	const line = `{"primary_gid":"g1","sentence_normalized":"“Bravo,” São Paulo told Lula.","targets":[{"from":24,"to":28,"mention":"Lula","polarity":6.0}]}`
	exs, err := corpus.ReadAll(strings.NewReader(line))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := exs[0].Targets[0]
	fmt.Println(exs[0].Domain, t.Start, t.End, exs[0].Text[t.Start:t.End], t.Label)
	// Output: newsmtsc 29 33 Lula supportive
}

func ExampleLineError() {
	_, err := corpus.ReadAll(strings.NewReader(`{"id":"x","text":"Hi.","targets":[]}`), corpus.WithName("in.jsonl"))
	var le *corpus.LineError
	if errors.As(err, &le) {
		fmt.Println(le.File, le.Line, errors.Is(err, corpus.ErrNoTargets))
	}
	fmt.Println(err)
	// Output:
	// in.jsonl 1 true
	// corpus: in.jsonl:1: no targets
}

func ExampleWriter() {
	w := corpus.NewWriter(os.Stdout)
	err := w.Write(corpus.Example{
		ID:     "pol-0001",
		Text:   "Petro cut ties with NATO.",
		Domain: "politics",
		Targets: []corpus.Target{
			{Start: 0, End: 5, Mention: "Petro", Label: corpus.Neutral},
			{Start: 20, End: 24, Mention: "NATO", Label: corpus.Critical},
		},
	})
	if err != nil {
		fmt.Println(err)
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"id":"pol-0001","text":"Petro cut ties with NATO.","domain":"politics","targets":[{"start":0,"end":5,"mention":"Petro","label":"neutral"},{"start":20,"end":24,"mention":"NATO","label":"critical"}]}
}

func ExampleParseLabel() {
	for _, s := range []string{"Positive", "against", "4.0", "maybe"} {
		l, err := corpus.ParseLabel(s)
		fmt.Printf("%q %q %v\n", s, l, err)
	}
	// Output:
	// "Positive" "supportive" <nil>
	// "against" "critical" <nil>
	// "4.0" "neutral" <nil>
	// "maybe" "" corpus: unknown label "maybe"
}

func ExampleKFold() {
	var exs []corpus.Example
	for i, l := range []corpus.Label{"critical", "critical", "neutral", "neutral", "supportive", "supportive"} {
		exs = append(exs, corpus.Example{
			ID: fmt.Sprint(i), Text: "Ann.",
			Targets: []corpus.Target{{Start: 0, End: 3, Mention: "Ann", Label: l}},
		})
	}
	for i, f := range corpus.KFold(exs, 2, 1) {
		labels := make([]corpus.Label, len(f.Test))
		for j, idx := range f.Test {
			labels[j] = exs[idx].Targets[0].Label
		}
		fmt.Println("fold", i, "test labels", labels)
	}
	// Output:
	// fold 0 test labels [critical neutral supportive]
	// fold 1 test labels [critical neutral supportive]
}

func ExampleComputeStats() {
	exs := []corpus.Example{
		{Text: "Ann hit Bob.", Domain: "news", Targets: []corpus.Target{
			{Start: 0, End: 3, Mention: "Ann", Label: corpus.Neutral},
			{Start: 8, End: 11, Mention: "Bob", Label: corpus.Critical},
		}},
		{Text: "Cy won.", Domain: "sport", Targets: []corpus.Target{
			{Start: 0, End: 2, Mention: "Cy", Label: corpus.Supportive},
		}},
	}
	st := corpus.ComputeStats(exs)
	for i, l := range corpus.Labels {
		fmt.Println(l, st.PerLabel[i])
	}
	fmt.Println(st.Sentences, st.Targets, st.MultiTarget, st.MixedLabel, st.PerDomain["news"])
	// Output:
	// critical 1
	// neutral 1
	// supportive 1
	// 2 3 1 1 1
}
