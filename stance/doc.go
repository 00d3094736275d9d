// Package stance classifies the stance of a sentence toward each entity it
// mentions: supportive, critical or neutral.
//
// A Model is a naive-Bayes classifier (multinomial by default; complement
// and combined variants are options) over the target-aware features of
// package features. It is trained with a Trainer (or Train),
// scores in log space with Lidstone smoothing and normalises with
// log-sum-exp, so probabilities never underflow, and breaks ties toward
// the label with the lowest index in Labels, so results are deterministic.
//
//	m, err := stance.Default()
//	if err != nil { … }
//	p, err := m.Predict("NATO was accused of stalling.", stance.Span{Start: 0, End: 4})
//	fmt.Println(p.Label, p.Prob(stance.Critical))
//
// A trained *Model is immutable and safe for concurrent use; a Trainer is
// not. Models trained on disjoint shards of data Merge into exactly the
// model trained on all of it. WriteTo and ReadModel persist a model with
// every setting that affects its features, in a checksummed, versioned
// format.
//
// Analyze takes whole texts: it splits sentences, finds entity mentions
// (capitalised names and acronyms, and the names and aliases of a
// features.Gazetteer), resolves short forms to full names, classifies each
// mention, names the holder of the reported stance where it can, and sums
// up each entity. NewStream does the same piece by piece for long texts.
// Explain reports the features behind a prediction in log-odds.
//
// Predict does no allocation in steady state. To classify several targets
// of one sentence, prepare it once with the model's Extractor and call
// PredictPrepared, or PredictMentions for all its named mentions at once;
// to bring your own buffers, extract ids with
// Extractor.AppendFeaturesExcept, leaving out Omitted(), and score them
// with PredictFeatures. Analyze goes further for the names it finds: the
// features a sentence's mentions share are looked up once for all of them
// (see features.Layout), with the same results as Predict up to rounding.
//
// Naive Bayes counts correlated features as independent evidence, so its
// raw probabilities are far too sure. A model divides its log scores by a
// temperature (WithTemperature) before the softmax, which changes the
// probabilities and never the label; CrossFitTemperature and
// TemperatureFit fit it on data the model was not trained on. The default
// model's was fitted by 5-fold cross-validation on its training data.
//
// Evaluate and Confusion compute accuracy and per-label and macro F1, the
// metric reported by the NewsMTSC paper; Assess and Calibration also the
// log loss, Brier score, expected calibration error and mean confidence
// of the probabilities.
package stance
