// Package corpus reads, writes, splits and summarises labelled stance data.
//
// A labelled sentence is an Example: its text, an optional id and domain,
// and one or more Targets. A Target is a span of the text, given as byte
// offsets with the end exclusive, together with the Label that says how the
// sentence treats it: Critical, Neutral or Supportive.
//
// # Formats
//
// The project's own format is JSON Lines, one sentence per line:
//
//	{"id":"pol-0001","text":"…","domain":"politics",
//	 "targets":[{"start":81,"end":85,"mention":"NATO","label":"critical"}]}
//
// Writer produces it and Reader reads it. Reader also reads NewsMTSC JSON
// Lines, whose target offsets count Unicode code points; they are converted
// to byte offsets on input. FormatAuto, the default, tells the two apart by
// the first non-blank line.
//
// # Errors
//
// Reader reports each bad line as a *LineError carrying the file name, the
// line number and the reason, which wraps one of the sentinel errors
// (ErrBadJSON, ErrInvalidUTF8, ErrOffsets, ErrMentionMismatch,
// ErrUnknownLabel, ErrNoTargets, ErrLineTooLong, ErrDuplicateID); test for
// them with errors.Is and errors.As. By default the first bad line stops
// reading; Lenient skips bad lines and counts them instead.
//
// # Splits and statistics
//
// KFold makes deterministic, stratified cross-validation folds and
// ComputeStats counts sentences, targets, labels and domains.
//
// # The built-in corpus
//
// Builtin returns stancekit's own labelled corpus, embedded in the package:
// 3,600 English sentences in news, statement and headline style with 7,054
// (sentence, target) examples, written for this project in six domains
// (international, politics, business, technology, sport, health; 600
// sentences each, ids 1 to 600). Labels: critical 32.2%, neutral 35.9%,
// supportive 32.0%. 72.0% of sentences hold two or more targets and 60.9%
// carry different labels for different targets ("X praised Y but
// condemned Z"). It deliberately covers what breaks bag-of-words models:
// negation, reported speech (speaker neutral, target judged), contrast and
// concession, passive voice, possessives, sanctions and cut ties, faint
// praise, hedged claims, verbless headlines, non-ASCII names and acronyms.
// It was written in two batches: ids 1 to 440 of each domain, then ids 441
// to 600. After three reviews, 46 sentences were replaced by new ones
// (38 of the second batch and 8 of the first), written and labelled
// twice again the same way and counted under their ids' batch: 39
// repeated another sentence's fact or template (TestBuiltinNoNearDuplicates
// now looks for such pairs), and seven made allegations against a real
// body or against people tied to real institutions or offices.
//
// The split is fixed: in each domain every sentence whose id number is a
// multiple of 5 is in Test (720 sentences, 1,415 targets), the rest in
// Train (2,880 sentences, 5,639 targets). No training in this project
// touches Test; TestBuiltinInvariants checks the split, the offsets and
// labels, the balance and that no sentence appears twice.
//
// Every target was labelled twice, independently: by the sentence's
// writer, and by a second reader who saw only the label definitions and
// the sentence with the target marked. Agreement before resolution
// (Cohen's κ; TestBuiltinAgreement recomputes every figure in this section
// from the committed data: go test ./corpus -run TestBuiltinAgreement -v),
// by batch and in all:
//
//	                ids 1-440                  ids 441-600                all
//	domain          targets  agree  κ      dis  targets  agree  κ      dis  targets  agree  κ      dis
//	international   955      0.953  0.929  45   323      0.988  0.981  4    1278     0.962  0.942  49
//	politics        843      0.970  0.955  25   312      0.994  0.990  2    1155     0.977  0.965  27
//	business        872      0.811  0.715  165  294      0.963  0.944  11   1166     0.849  0.773  176
//	technology      912      0.933  0.899  61   321      0.981  0.972  6    1233     0.946  0.918  67
//	sport           787      0.929  0.893  56   343      0.988  0.983  4    1130     0.947  0.920  60
//	health          789      0.944  0.916  44   303      0.980  0.970  6    1092     0.954  0.931  50
//	all             5158     0.923  0.884  396  1896     0.983  0.974  33   7054     0.939  0.908  429
//
// Business fell short of the κ ≥ 0.8 aim in the first batch: its readers
// differed on losers of contests (neutral or critical) and on places named
// only as markets. The second batch's writers were told to be clear in
// such cases, which shows in its higher agreement; that the writers, the
// second readers and the adjudicators of both batches were all AI
// assistant sessions given the same definitions likely raises agreement
// too, so κ here measures how consistently the definitions were applied,
// not agreement among people. Each of the 429 disagreements was resolved
// by a third reading against the definitions; data/adjudication.jsonl
// records every one with both original labels, the final label and the
// reason.
//
// Nothing in this package prints, logs or starts goroutines.
package corpus
