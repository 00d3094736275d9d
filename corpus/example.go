package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Target is one labelled mention in an Example's text.
type Target struct {
	// Start and End are byte offsets into Example.Text; End is exclusive.
	Start, End int
	// Mention is the text of the span, Text[Start:End].
	Mention string
	// Label is the stance of the sentence toward the target.
	Label Label
}

// Example is one labelled sentence. The zero value has no targets and so
// does not validate.
type Example struct {
	// ID identifies the sentence; it may be empty.
	ID string
	// Text is the sentence, in UTF-8.
	Text string
	// Domain names the sentence's source or topic, such as "politics"; it
	// may be empty.
	Domain string
	// Targets are the labelled mentions, at least one.
	Targets []Target
}

// Validate reports the first problem with e, or nil. It checks, in order,
// that the text (and the id and domain, which must survive a write) are
// valid UTF-8 (ErrInvalidUTF8); then for each target that its offsets are
// in range, ordered, non-empty and on rune boundaries (ErrOffsets), that
// Text[Start:End] equals Mention (ErrMentionMismatch), that the mention is
// not only white space (ErrOffsets), and that its label is canonical
// (ErrUnknownLabel); and finally that there is at least one
// target (ErrNoTargets). Errors about a target name its index and mention.
func (e Example) Validate() error {
	switch {
	case !utf8.ValidString(e.Text):
		return fmt.Errorf("%w in text", ErrInvalidUTF8)
	case !utf8.ValidString(e.ID):
		return fmt.Errorf("%w in id", ErrInvalidUTF8)
	case !utf8.ValidString(e.Domain):
		return fmt.Errorf("%w in domain", ErrInvalidUTF8)
	}
	n := len(e.Text)
	for i, t := range e.Targets {
		switch {
		case t.Start < 0 || t.End > n:
			return fmt.Errorf("%w: target %d %q: [%d:%d] out of range for text of %d bytes",
				ErrOffsets, i, t.Mention, t.Start, t.End, n)
		case t.Start > t.End:
			return fmt.Errorf("%w: target %d %q: start %d after end %d",
				ErrOffsets, i, t.Mention, t.Start, t.End)
		case t.Start == t.End:
			return fmt.Errorf("%w: target %d %q: empty span at %d",
				ErrOffsets, i, t.Mention, t.Start)
		case !onRuneBoundary(e.Text, t.Start) || !onRuneBoundary(e.Text, t.End):
			return fmt.Errorf("%w: target %d %q: [%d:%d] splits a character",
				ErrOffsets, i, t.Mention, t.Start, t.End)
		case e.Text[t.Start:t.End] != t.Mention:
			return fmt.Errorf("%w: target %d %q: text[%d:%d] is %q",
				ErrMentionMismatch, i, t.Mention, t.Start, t.End, e.Text[t.Start:t.End])
		case strings.TrimSpace(t.Mention) == "":
			return fmt.Errorf("%w: target %d %q: [%d:%d] is blank, it names nothing",
				ErrOffsets, i, t.Mention, t.Start, t.End)
		case t.Label.Index() < 0:
			return fmt.Errorf("%w %q: target %d %q", ErrUnknownLabel, t.Label, i, t.Mention)
		}
	}
	if len(e.Targets) == 0 {
		return ErrNoTargets
	}
	return nil
}

// onRuneBoundary reports whether byte offset i of the valid UTF-8 string s,
// with 0 <= i <= len(s), starts a rune or is the end of s.
func onRuneBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
