// Command classify labels the stance of each sentence toward each entity
// it mentions.
//
//	go run ./examples/classify "Petro accused NATO of supporting genocide."
//	go run ./examples/classify -file article.txt -json
//	cat article.txt | go run ./examples/classify -target NATO -target Petro
//
// Text comes from the arguments, from -file, or from stdin. The text is
// split into sentences; the entities are the names given with -target
// (every whole-word occurrence) or, by default, every capitalised name and
// acronym found. It prints a table, or with -json one JSON object per line
// with sentence, entity, start and end (byte offsets into the input), label
// and probs. With -explain it also lists the features behind each label.
package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

type targets []string

func (t *targets) String() string     { return strings.Join(*t, ",") }
func (t *targets) Set(s string) error { *t = append(*t, s); return nil }

// maxInput bounds the text read from a file or stdin.
const maxInput = 64 << 20

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "classify:", err)
		os.Exit(1)
	}
}

// Row is one (sentence, entity) result; its JSON form is the -json output.
type Row struct {
	Sentence string             `json:"sentence"`
	Entity   string             `json:"entity"`
	Start    int                `json:"start"`
	End      int                `json:"end"`
	Label    stance.Label       `json:"label"`
	Probs    map[string]float64 `json:"probs"`
	explain  *stance.Explanation
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modelPath := fs.String("model", "default", "model file, or \"default\" for the embedded model")
	file := fs.String("file", "", "read the text from this file (default: arguments, else stdin)")
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	explain := fs.Bool("explain", false, "show the features behind each label")
	top := fs.Int("top", 5, "with -explain, how many features to show")
	var tg targets
	fs.Var(&tg, "target", "entity name to classify (repeatable; default: every name found)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	text, err := readText(fs.Args(), *file, stdin)
	if err != nil {
		return err
	}
	m, err := loadModel(*modelPath)
	if err != nil {
		return err
	}
	rows, err := classify(m, text, tg, *explain)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	return printTable(stdout, rows, *top)
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
	if !utf8.Valid(b) {
		return "", errors.New("input is not valid UTF-8")
	}
	return string(b), nil
}

func loadModel(path string) (*stance.Model, error) {
	if path == "default" {
		return stance.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := stance.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func classify(m *stance.Model, text string, names []string, explain bool) ([]Row, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("no text to classify")
	}
	var rows []Row
	for _, s := range features.Sentences(nil, text) {
		sentence := text[s.Start:s.End]
		var spans []features.Span
		if len(names) > 0 {
			for _, n := range names {
				spans = appendOccurrences(spans, sentence, n)
			}
			slices.SortFunc(spans, func(a, b features.Span) int { return cmp.Compare(a.Start, b.Start) })
		} else {
			spans = features.Mentions(nil, sentence)
		}
		for _, sp := range spans {
			r := Row{Sentence: sentence, Entity: sentence[sp.Start:sp.End], Start: s.Start + sp.Start, End: s.Start + sp.End}
			if explain {
				e, err := m.Explain(sentence, sp)
				if err != nil {
					return nil, fmt.Errorf("sentence at byte %d: %w", s.Start, err)
				}
				r.Label, r.Probs, r.explain = e.Label, probs(e.Prediction), &e
			} else {
				p, err := m.Predict(sentence, sp)
				if err != nil {
					return nil, fmt.Errorf("sentence at byte %d: %w", s.Start, err)
				}
				r.Label, r.Probs = p.Label, probs(p)
			}
			rows = append(rows, r)
		}
	}
	return rows, nil
}

func probs(p stance.Prediction) map[string]float64 {
	out := make(map[string]float64, stance.NumLabels)
	for i, l := range stance.Labels {
		out[string(l)] = p.Probs[i]
	}
	return out
}

// appendOccurrences appends the whole-word occurrences of name in s.
func appendOccurrences(dst []features.Span, s, name string) []features.Span {
	if name == "" {
		return dst
	}
	for off := 0; ; {
		i := strings.Index(s[off:], name)
		if i < 0 {
			return dst
		}
		start, end := off+i, off+i+len(name)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			dst = append(dst, features.Span{Start: start, End: end})
		}
		off = end
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func printTable(w io.Writer, rows []Row, top int) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "no entities found (name them with -target)")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "entity\tbytes\tlabel\tcritical\tneutral\tsupportive\tsentence")
	for _, r := range rows {
		sentence := r.Sentence
		if len(sentence) > 70 {
			cut := 67
			for cut > 0 && !utf8.RuneStart(sentence[cut]) {
				cut--
			}
			sentence = sentence[:cut] + "..."
		}
		fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%.3f\t%.3f\t%.3f\t%s\n", r.Entity, r.Start, r.End, r.Label,
			r.Probs["critical"], r.Probs["neutral"], r.Probs["supportive"], sentence)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range rows {
		if r.explain == nil {
			continue
		}
		fmt.Fprintf(w, "\n%s (bytes %d-%d): %s rather than %s, log-odds by feature:\n", r.Entity, r.Start, r.End, r.Label, r.explain.RunnerUp)
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
