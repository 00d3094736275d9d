// Command classify labels the stance of each sentence toward each entity
// it mentions, and sums up how the text treats each entity.
//
//	go run ./examples/classify "Petro accused NATO of supporting genocide."
//	go run ./examples/classify -file article.txt -json
//	cat article.txt | go run ./examples/classify -target NATO -target Petro
//	go run ./examples/classify -lines -file posts.txt
//
// Text comes from the arguments, from -file, or from stdin. The text is
// split into sentences (with -lines, each line is a text of its own, as
// one social-media post a line is: no sentence runs across a line break,
// where otherwise a line that starts in lower case continues the one
// before); the entities are the names given with -target
// (every whole-word occurrence) or, by default, every capitalised name and
// acronym found plus the names and aliases of a -gazetteer file. Short
// forms resolve to the full name seen earlier ("Petro" → "Gustavo
// Petro"). It prints a table of mentions and a summary per entity, or with
// -json one JSON object per mention and line with sentence, entity, start
// and end (byte offsets into the input), label, probs, canonical (the
// resolved entity) and holder (whose stance the sentence reports, or
// empty). With -explain it also lists the features behind each label
// (-top of them); with -json, each object then has one more member,
// "explanation": runner_up (the label the log-odds are against), prior
// and features (feature, log_odds), strongest first.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/modelflag"
	"github.com/stancekit/stancekit/stance"
)

type targets []string

func (t *targets) String() string { return strings.Join(*t, ",") }

// Set adds a target; one given again, in any case, is the same target,
// not an error (a gazetteer matches its forms whatever their case).
func (t *targets) Set(s string) error {
	if !slices.ContainsFunc(*t, func(o string) bool { return features.Normalize(o) == features.Normalize(s) }) {
		*t = append(*t, s)
	}
	return nil
}

// maxInput bounds the text read from a file or stdin: the most one
// Stream.Text call takes.
const maxInput = stance.DefaultMaxAnalyzeBytes

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil && !errors.Is(err, flag.ErrHelp) { // -h printed the usage
		fmt.Fprintln(os.Stderr, "classify:", err)
		os.Exit(1)
	}
}

// row is one classified mention, with its explanation under -explain.
type row struct {
	stance.Mention
	explain *stance.Explanation
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modelPath := fs.String("model", modelflag.Default, modelflag.Usage)
	file := fs.String("file", "", "read the text from this file (default: arguments, else stdin)")
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	explain := fs.Bool("explain", false, "show the features behind each label")
	top := fs.Int("top", 5, "with -explain, how many features to show")
	gazPath := fs.String("gazetteer", "", "JSON file of known entities and their aliases")
	summary := fs.Bool("summary", true, "after the mentions, print a summary per entity (table output only)")
	lines := fs.Bool("lines", false, "each input line is a text of its own (one post a line): no sentence runs across a line break")
	var tg targets
	fs.Var(&tg, "target", "entity name to classify (repeatable; default: every name found)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *top < 0 {
		return fmt.Errorf("-top %d: want 0 or more", *top)
	}
	text, err := readText(fs.Args(), *file, stdin)
	if err != nil {
		return err
	}
	m, err := modelflag.Load(*modelPath, modelflag.Given(fs, "model"))
	if err != nil {
		return err
	}
	var opts []stance.AnalyzeOption
	switch {
	case len(tg) > 0 && *gazPath != "":
		return errors.New("give -target or -gazetteer, not both")
	case len(tg) > 0:
		ents := make([]features.Entity, len(tg))
		for i, n := range tg {
			if strings.TrimSpace(n) == "" {
				return fmt.Errorf("-target %q: an empty name", n)
			}
			ents[i] = features.Entity{Name: n}
		}
		g, err := features.NewGazetteer(ents)
		if err != nil {
			return err
		}
		opts = append(opts, stance.WithGazetteer(g), stance.WithGazetteerOnly())
	case *gazPath != "":
		f, err := os.Open(*gazPath)
		if err != nil {
			return err
		}
		g, err := features.ReadGazetteer(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *gazPath, err)
		}
		opts = append(opts, stance.WithGazetteer(g))
	}
	if strings.TrimSpace(text) == "" {
		return errors.New("no text to classify")
	}
	s := m.NewStream(opts...)
	var rows []row
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	// Pieces of one Stream: offsets count from the start of the input, and
	// short forms resolve to names of earlier lines too.
	pieces := []string{text}
	if *lines {
		pieces = strings.SplitAfter(text, "\n")
	}
	fn := func(mn stance.Mention) error {
		var e *stance.Explanation
		if *explain {
			local := stance.Span{Start: mn.Span.Start - mn.SentenceSpan.Start, End: mn.Span.End - mn.SentenceSpan.Start}
			x, err := m.Explain(mn.Sentence, local)
			if err != nil {
				return err
			}
			e = &x
		}
		rows = append(rows, row{Mention: mn, explain: e})
		return nil
	}
	// A later sentence or line may be refused (too many names in one
	// sentence, invalid UTF-8 on a later line) after earlier mentions were
	// reported, so the rows are held until all the input has passed: bad
	// input prints nothing on stdout. The input is at most maxInput bytes.
	for _, piece := range pieces {
		if err := s.Text(piece, fn); err != nil {
			return err
		}
	}
	if *asJSON {
		for _, r := range rows {
			if err := encodeRow(enc, r, *top); err != nil {
				return err
			}
		}
		return nil
	}
	if err := printTable(stdout, rows, *top, len(tg) > 0); err != nil {
		return err
	}
	if *summary && len(rows) > 0 {
		return printSummary(stdout, s.Entities())
	}
	return nil
}

// encodeRow writes r's JSON line: stance.Mention's JSON form, with an
// "explanation" member under -explain.
func encodeRow(enc *json.Encoder, r row, top int) error {
	if r.explain != nil {
		return encodeExplained(enc, r.Mention, r.explain, top)
	}
	return enc.Encode(r.Mention)
}

// explanationJSON is the "explanation" member of a -json -explain line.
type explanationJSON struct {
	RunnerUp stance.Label  `json:"runner_up"`
	Prior    float64       `json:"prior"`
	Features []featureJSON `json:"features"`
}

type featureJSON struct {
	Feature string  `json:"feature"`
	LogOdds float64 `json:"log_odds"`
}

// encodeExplained writes mn's JSON object with one more member,
// "explanation": the runner-up label, the prior's log-odds and the top
// features' log-odds against the runner-up, strongest first.
func encodeExplained(enc *json.Encoder, mn stance.Mention, e *stance.Explanation, top int) error {
	// Both parts are encoded without escaping "<", ">" and "&", as the
	// plain -json lines are (MarshalJSON does not; json.Marshal would):
	// enc, which copies them, does the escaping it was told to do.
	obj, err := mn.MarshalJSON()
	if err != nil {
		return err
	}
	x := explanationJSON{RunnerUp: e.RunnerUp, Prior: e.Prior, Features: []featureJSON{}}
	for _, c := range e.Features[:min(top, len(e.Features))] {
		x.Features = append(x.Features, featureJSON{c.Feature, c.LogOdds})
	}
	var ex bytes.Buffer
	xe := json.NewEncoder(&ex)
	xe.SetEscapeHTML(false) // feature names hold "<T>"
	if err := xe.Encode(x); err != nil {
		return err
	}
	// mn's object ends in "}": add the member before it.
	return enc.Encode(json.RawMessage(slices.Concat(obj[:len(obj)-1], []byte(`,"explanation":`), bytes.TrimSpace(ex.Bytes()), []byte("}"))))
}

func readText(args []string, file string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	switch {
	case len(args) > 0 && file != "":
		return "", errors.New("give the text as arguments or with -file, not both")
	case len(args) > 0:
		return strings.Join(args, " "), nil
	case file != "":
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		b, err = io.ReadAll(io.LimitReader(f, maxInput+1))
		if err != nil {
			return "", err
		}
	default:
		if b, err = io.ReadAll(io.LimitReader(stdin, maxInput+1)); err != nil {
			return "", err
		}
	}
	if len(b) > maxInput {
		return "", fmt.Errorf("input larger than %d bytes", maxInput)
	}
	return string(b), nil // Stream.Text reports invalid UTF-8 with its offset
}

// printTable prints rows, with up to top features of each explanation;
// named says the entities were given with -target.
func printTable(w io.Writer, rows []row, top int, named bool) error {
	if len(rows) == 0 {
		msg := "no entities found (name them with -target)"
		if named {
			msg = "none of the -target entities found"
		}
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "entity\tbytes\tlabel\tcritical\tneutral\tsupportive\tholder\tsentence")
	for _, r := range rows {
		sentence := truncate(oneLine(features.StripJoiners(r.Sentence)), 70)
		// The cells show no invisible joiners, which take no width but
		// count in the column's: the bytes column gives the exact span.
		entity := features.StripJoiners(r.Text)
		if r.Canonical != entity {
			entity += " (" + r.Canonical + ")"
		}
		entity = oneLine(entity)
		holder := oneLine(r.Holder)
		if holder == "" {
			holder = "-"
		}
		fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%.3f\t%.3f\t%.3f\t%s\t%s\n", entity, r.Span.Start, r.Span.End, r.Label,
			r.Prob(stance.Critical), r.Prob(stance.Neutral), r.Prob(stance.Supportive), holder, sentence)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range rows {
		if r.explain == nil {
			continue
		}
		fmt.Fprintf(w, "\n%s (bytes %d-%d): %s rather than %s, log-odds by feature:\n", oneLine(r.Text), r.Span.Start, r.Span.End, r.Label, r.explain.RunnerUp)
		fmt.Fprintf(w, "  %+6.2f  label frequencies (prior)\n", r.explain.Prior)
		for i, c := range r.explain.Features {
			if i == top {
				break
			}
			fmt.Fprintf(w, "  %+6.2f  %s\n", c.LogOdds, c.Feature)
		}
	}
	return nil
}

func printSummary(w io.Writer, ents []stance.EntitySummary) error {
	fmt.Fprintln(w, "\nper entity:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "entity\tmentions\tcritical\tneutral\tsupportive\tnet\tmost critical sentence")
	for _, e := range ents {
		crit := truncate(oneLine(e.MostCritical.Text), 60)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%+.2f\t%s\n", oneLine(e.Name), e.Mentions,
			e.Counts[0], e.Counts[1], e.Counts[2], e.Net, crit)
	}
	return tw.Flush()
}

// oneLine returns s with each run of white space, line breaks and tabs
// included, as one space: a table cell is one line, and a tab would start
// another cell.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncate cuts s to at most n bytes, on a character boundary, ending in
// "..." when it cuts.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
