// Command train trains a stancekit model on labelled files and writes it.
//
//	go run ./examples/train -data train.jsonl[,more.jsonl…] -out model.stk
//
// Files are in the stancekit corpus format or NewsMTSC JSONL (detected per
// file, or forced with -format). Progress goes to stderr for long runs and
// a summary at the end; the model file is written atomically, so a failed
// run never leaves a half-written file behind.
//
// -calibrate K fits the model's temperature (stance.WithTemperature) by
// K-fold cross-validation on the training data, so that its probabilities
// match how often it is right: K more models are trained, each on all but
// one fold, and the temperature that best fits their predictions on the
// folds they did not see is given to the model trained on everything. It
// holds every example in memory.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/modelflag"
	"github.com/stancekit/stancekit/stance"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil && !errors.Is(err, flag.ErrHelp) { // -h printed the usage
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(log)
	data := fs.String("data", "", "comma-separated labelled files to train on (required)")
	out := fs.String("out", "", "model file to write (required)")
	format := fs.String("format", "auto", "input format: auto, jsonl or newsmtsc")
	lenient := fs.Bool("lenient", false, "skip malformed lines (counted and reported) instead of stopping")
	alpha := fs.Float64("alpha", 0.5, "Lidstone smoothing constant")
	binary := fs.Bool("binary", false, "count each feature once per example")
	uniform := fs.Bool("uniform-prior", false, "ignore label frequencies in training")
	minCount := fs.Int("min-count", 1, "drop features seen fewer times than this")
	window := fs.Int("window", 6, "side-tagged window around the target, in words (0: off)")
	near := fs.Int("near", 2, "distance that counts as near the target, in words")
	bigrams := fs.Bool("bigrams", true, "bigram features")
	trigrams := fs.Bool("trigrams", true, "trigram features with the target in them")
	cueTrigrams := fs.Bool("cue-trigrams", true, "target trigrams again with cue words as their cue categories")
	negation := fs.Bool("negation", true, "negation scope features")
	sides := fs.Bool("sides", true, "side-of-target features for every word")
	others := fs.Bool("others", true, "replace other names in the sentence by a placeholder")
	clause := fs.Bool("clause", true, "features for words in the target's clause")
	lexicon := fs.Bool("lexicon", true, "cue-word category features")
	variant := fs.String("variant", "multinomial", "naive-Bayes variant: multinomial, complement or combined")
	seed := fs.Uint64("seed", 0, "feature hash seed")
	weights := fs.String("weights", "", modelflag.WeightsUsage())
	temperature := fs.Float64("temperature", 1, "divide the log scores by this before the softmax (see -calibrate)")
	calibrate := fs.Int("calibrate", 0, "fit the temperature by `K`-fold cross-validation on the training data (0: off)")
	quiet := fs.Bool("q", false, "no progress or summary on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 { // flag stops at the first argument: the flags after it would be lost
		return fmt.Errorf("unexpected argument %q (give several files to -data as one comma-separated list, and flags before any argument)", fs.Arg(0))
	}
	if *data == "" || *out == "" {
		fs.Usage()
		return errors.New("-data and -out are required")
	}
	f, err := corpus.ParseFormat(*format)
	if err != nil {
		return err
	}
	if *quiet {
		log = io.Discard
	}
	if *minCount < 0 {
		return fmt.Errorf("-min-count %d: want 0 or more", *minCount)
	}
	if *calibrate != 0 && (*calibrate < 2 || *temperature != 1) {
		return errors.New("-calibrate: want K of at least 2, and no -temperature")
	}
	ext := features.NewExtractor(features.WithWindow(*window, *near), features.WithBigrams(*bigrams), features.WithTrigrams(*trigrams), features.WithCueTrigrams(*cueTrigrams),
		features.WithNegation(*negation), features.WithSides(*sides), features.WithOthers(*others),
		features.WithClause(*clause), features.WithLexicon(*lexicon), features.WithSeed(*seed))
	v, err := stance.ParseVariant(*variant)
	if err != nil {
		return err
	}
	opts := []stance.Option{stance.WithAlpha(*alpha), stance.WithBinary(*binary),
		stance.WithUniformPrior(*uniform), stance.WithVariant(v), stance.WithTemperature(*temperature)}
	wopts, err := modelflag.ParseWeights(*weights)
	if err != nil {
		return err
	}
	opts = append(opts, wopts...)
	tr := stance.NewTrainer(ext, opts...)
	if err := tr.Err(); err != nil {
		return fmt.Errorf("bad flag value: %w", err)
	}
	start := time.Now()
	var kept *[]corpus.Example // every example, for -calibrate
	if *calibrate > 0 {
		kept = new([]corpus.Example)
	}
	paths := strings.Split(*data, ",")
	type file struct {
		path string
		info os.FileInfo
	}
	var seen []file
	for _, path := range paths {
		st, err := os.Stat(path)
		if err != nil {
			continue // addFile reports it, in order
		}
		for _, o := range seen {
			if os.SameFile(o.info, st) {
				return fmt.Errorf("-data names one file twice (%s, %s): its examples would count twice", o.path, path)
			}
		}
		seen = append(seen, file{path, st})
	}
	if st, err := os.Stat(*out); err == nil {
		if st.IsDir() {
			return fmt.Errorf("-out %s is a directory: give the model file's path", *out)
		}
		for _, o := range seen {
			if os.SameFile(o.info, st) {
				return fmt.Errorf("-out %s is the training file %s: writing the model would overwrite the data", *out, o.path)
			}
		}
	}
	for _, path := range paths {
		if err := addFile(tr, path, f, *lenient, kept, log); err != nil {
			return err
		}
	}
	if tr.Examples() == 0 {
		// A model of nothing labels every target alike; writing it would
		// pass off an empty file, or one whose lines -lenient all
		// skipped, as a trained model.
		return fmt.Errorf("no examples to train on in %s", *data)
	}
	m := tr.Model()
	if *minCount > 1 {
		m = m.Prune(*minCount)
	}
	if kept != nil {
		if m, err = calibrated(m, *kept, *calibrate, *minCount, log); err != nil {
			return err
		}
	}
	if err := m.WriteFile(*out); err != nil {
		return err
	}
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	size := "" // a device or pipe written through has no size to show
	if st.Mode().IsRegular() {
		size = fmt.Sprintf(", %d bytes", st.Size())
	}
	fmt.Fprintf(log, "trained on %d examples in %v: %d features%s → %s\n",
		tr.Examples(), time.Since(start).Round(time.Millisecond), m.NumFeatures(), size, *out)
	return nil
}

// calibrated returns m with the temperature fitted by k-fold
// cross-validation on exs, the examples m was trained on.
func calibrated(m *stance.Model, exs []corpus.Example, k, minCount int, log io.Writer) (*stance.Model, error) {
	t, err := stance.CrossFitTemperature(exs, k, 1, func(part []corpus.Example) (*stance.Model, error) {
		tr := m.NewTrainer()
		for _, ex := range part {
			if err := tr.AddExample(ex); err != nil {
				return nil, err
			}
		}
		fm := tr.Model()
		if minCount > 1 {
			fm = fm.Prune(minCount)
		}
		fmt.Fprintf(log, "calibration: a fold model trained on %d examples\n", tr.Examples())
		return fm, nil
	})
	if err != nil {
		return nil, fmt.Errorf("-calibrate: %w", err)
	}
	fmt.Fprintf(log, "temperature %.4g, fitted by %d-fold cross-validation\n", t, k)
	return m.Tempered(t)
}

func addFile(tr *stance.Trainer, path string, f corpus.Format, lenient bool, kept *[]corpus.Example, log io.Writer) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	opts := []corpus.Option{corpus.WithName(path), corpus.WithFormat(f)}
	if lenient {
		opts = append(opts, corpus.Lenient())
	}
	r := corpus.NewReader(file, opts...)
	before := tr.Examples()
	last := time.Now()
	var repeated, conflicting int
	for r.Next() {
		ex := r.Example()
		if err := tr.AddExample(ex); err != nil {
			return fmt.Errorf("%s:%d: %w", path, r.Line(), err)
		}
		rep, con := ex.RepeatedSpans()
		repeated, conflicting = repeated+rep, conflicting+con
		if kept != nil {
			*kept = append(*kept, ex)
		}
		if time.Since(last) > time.Second {
			fmt.Fprintf(log, "%s: %d examples so far\n", path, tr.Examples()-before)
			last = time.Now()
		}
	}
	if err := r.Err(); err != nil {
		return err
	}
	fmt.Fprintf(log, "%s: %d examples", path, tr.Examples()-before)
	if k := r.SkippedCount(); k > 0 {
		fmt.Fprintf(log, ", %d malformed lines skipped (first: %v)", k, r.Skipped()[0])
	}
	if repeated > 0 {
		// Trained on as they are, each counting its sentence again.
		fmt.Fprintf(log, ", repeated target spans: %d (%d with another label)", repeated, conflicting)
	}
	fmt.Fprintln(log)
	return nil
}
