// Command evaluate scores a model on a labelled file.
//
//	go run ./examples/evaluate -model PATH|default -data FILE [-format jsonl|newsmtsc] [-json]
//
// With -json it prints one JSON object: examples, accuracy, macro_f1,
// per_class (precision, recall, f1 and support per label) and confusion
// (gold label → predicted label → count). Without it, a readable table,
// followed for the model (not goml) by the calibration of its
// probabilities: log loss, Brier score, expected calibration error and the
// mean probability of the predicted labels (see stance.Calibration).
//
// With -backend goml -train FILE[,FILE…] it instead trains goml's naive
// Bayes on the training files with the same features as the model named by
// -model and evaluates that, for a side-by-side comparison.
//
// On a missing or bad file it prints a one-line error on stderr and exits
// with status 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/internal/gomlbaseline"
	"github.com/stancekit/stancekit/internal/modelflag"
	"github.com/stancekit/stancekit/stance"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil && !errors.Is(err, flag.ErrHelp) { // -h printed the usage
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modelPath := fs.String("model", modelflag.Default, modelflag.Usage)
	data := fs.String("data", "", "labelled file to evaluate on (required)")
	format := fs.String("format", "auto", "input format: auto, jsonl or newsmtsc")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	backend := fs.String("backend", "nb", "nb (stancekit) or goml (goml's NaiveBayes on the same features)")
	train := fs.String("train", "", "with -backend goml: comma-separated files to train goml on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 { // flag stops at the first argument: the flags after it would be lost
		return fmt.Errorf("unexpected argument %q (flags go before any argument)", fs.Arg(0))
	}
	if *data == "" {
		return errors.New("-data is required")
	}
	f, err := corpus.ParseFormat(*format)
	if err != nil {
		return err
	}
	if *train != "" && *backend != "goml" {
		return errors.New("-train is for -backend goml: the nb backend scores the model given by -model")
	}
	m, err := modelflag.Load(*modelPath, modelflag.Given(fs, "model"))
	if err != nil {
		return err
	}
	exs, lines, err := readFile(*data, f)
	if err != nil {
		return err
	}
	if len(exs) == 0 {
		// Scores of nothing would read as a model that is always wrong.
		return fmt.Errorf("no examples to evaluate on in %s", *data)
	}
	var rep stance.Report
	var cal *stance.Calibration
	switch *backend {
	case "nb":
		var c stance.Calibration
		if rep, c, err = stance.Assess(m, exs); err != nil {
			if ee, ok := errors.AsType[*stance.ExampleError](err); ok && 0 <= ee.Index && ee.Index < len(lines) {
				return fmt.Errorf("%s:%d: %w", *data, lines[ee.Index], err) // a text too long for this model, say
			}
			return err
		}
		cal = &c
	case "goml":
		if *train == "" {
			return errors.New("-backend goml needs -train FILE")
		}
		var trainExs []corpus.Example
		for _, p := range strings.Split(*train, ",") {
			e, err := corpus.ReadFile(p, corpus.WithFormat(f))
			if err != nil {
				return err
			}
			trainExs = append(trainExs, e...)
		}
		if len(trainExs) == 0 {
			return fmt.Errorf("no examples to train goml on in %s", *train)
		}
		nb, err := gomlbaseline.Train(trainExs, m.Extractor(), m.Omitted())
		if err != nil {
			return err
		}
		var c stance.Confusion
		for _, ex := range exs {
			for _, t := range ex.Targets {
				c.Add(t.Label, gomlbaseline.Predict(nb, ex.Text, stance.Span{Start: t.Start, End: t.End}))
			}
		}
		rep = c.Report()
	default:
		return fmt.Errorf("unknown -backend %q (want nb or goml)", *backend)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		return enc.Encode(rep)
	}
	if err := printTable(stdout, *backend, *data, rep, corpus.ComputeStats(exs)); err != nil {
		return err
	}
	if cal != nil {
		_, err = fmt.Fprintf(stdout, "probabilities (temperature %.4g): log loss %.3f, Brier %.3f, ECE %.3f, mean confidence %.3f\n",
			m.Temperature(), cal.LogLoss(), cal.Brier(), cal.ECE(), cal.Confidence())
	}
	return err
}

func printTable(w io.Writer, backend, data string, r stance.Report, st corpus.Stats) error {
	fmt.Fprintf(w, "%s on %s: %d examples\n", backend, data, r.Examples)
	if st.RepeatedSpans > 0 {
		fmt.Fprintf(w, "(repeated target spans: %d, each scored as it is", st.RepeatedSpans)
		if st.ConflictingSpans > 0 {
			fmt.Fprintf(w, "; %d with another label, which no answer gets right twice", st.ConflictingSpans)
		}
		fmt.Fprintln(w, ")")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "label\tprecision\trecall\tf1\tsupport\t\n")
	for i, l := range stance.Labels {
		s := r.Classes[i]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", l, s.Precision, s.Recall, s.F1, s.Support)
	}
	fmt.Fprintf(tw, "accuracy\t\t\t%.3f\t%d\t\n", r.Accuracy, r.Examples)
	fmt.Fprintf(tw, "macro F1\t\t\t%.3f\t%d\t\n", r.MacroF1, r.Examples)
	fmt.Fprintf(tw, "\t\t\t\t\t\n")
	fmt.Fprintf(tw, "gold \\ predicted\t%s\t%s\t%s\t\t\n", stance.Labels[0], stance.Labels[1], stance.Labels[2])
	for g, l := range stance.Labels {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\t\n", l, r.Confusion[g][0], r.Confusion[g][1], r.Confusion[g][2])
	}
	return tw.Flush()
}

// readFile reads the examples of the file at path, and the line each is on.
func readFile(path string, f corpus.Format) ([]corpus.Example, []int, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: %w", err)
	}
	defer file.Close()
	var exs []corpus.Example
	var lines []int
	r := corpus.NewReader(file, corpus.WithName(path), corpus.WithFormat(f))
	for r.Next() {
		exs = append(exs, r.Example())
		lines = append(lines, r.Line())
	}
	return exs, lines, r.Err()
}
