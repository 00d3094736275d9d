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
// Nothing in this package prints, logs or starts goroutines.
package corpus
