package corpus

import (
	"fmt"
	"strconv"
	"strings"
)

// Format is an input format that a Reader understands.
type Format int

// The input formats.
const (
	// FormatAuto decides between FormatJSONL and FormatNewsMTSC from the
	// first non-blank line that holds a JSON object: one with the key
	// "sentence_normalized" is NewsMTSC, anything else is JSONL.
	FormatAuto Format = iota
	// FormatJSONL is the project's own JSON Lines format (see the package
	// documentation).
	FormatJSONL
	// FormatNewsMTSC is NewsMTSC JSON Lines: "primary_gid",
	// "sentence_normalized" and "targets" whose "from" and "to" count
	// Unicode code points and whose "polarity" is 2.0, 4.0 or 6.0. The
	// Reader converts the offsets to bytes and sets ID to primary_gid and
	// Domain to "newsmtsc". Each target's "further_mentions" (automatic
	// coreferences without a polarity) are ignored. A span whose text
	// differs from its "mention" is reported as ErrMentionMismatch, not
	// repaired.
	FormatNewsMTSC
)

// ParseFormat returns the Format named by s: "auto" or "" (FormatAuto),
// "jsonl" or "newsmtsc". Matching ignores case and surrounding space.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return FormatAuto, nil
	case "jsonl":
		return FormatJSONL, nil
	case "newsmtsc":
		return FormatNewsMTSC, nil
	}
	return 0, fmt.Errorf("corpus: unknown format %q (want auto, jsonl or newsmtsc)", s)
}

// String returns the name that ParseFormat accepts for f: "auto", "jsonl"
// or "newsmtsc", or "Format(N)" for an undefined value.
func (f Format) String() string {
	switch f {
	case FormatAuto:
		return "auto"
	case FormatJSONL:
		return "jsonl"
	case FormatNewsMTSC:
		return "newsmtsc"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}
