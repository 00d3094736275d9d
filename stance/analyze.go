package stance

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/utf8pos"
)

// ErrTooManyMentions is returned when a text holds more mentions than
// the limit set with WithMaxMentions.
var ErrTooManyMentions = errors.New("stance: too many mentions")

// MaxSentenceMentions bounds the names one sentence may hold in Analyze
// and PredictMentions: each mention's cue features, and the whole
// sentence for a mention that cannot share the others' work (see
// features.Layout), are taken over the sentence, so the work grows with
// their product; no real sentence comes near the bound.
const MaxSentenceMentions = 500

// DefaultMaxAnalyzeBytes is the longest text one Analyze or Stream.Text
// call accepts unless WithMaxBytes says otherwise.
const DefaultMaxAnalyzeBytes = 16 << 20

// AnalyzeOption configures Analyze and NewStream. An option given a value
// out of its range makes Analyze and every Stream.Text call return an
// error wrapping ErrBadOption that names it. A nil AnalyzeOption is
// skipped.
type AnalyzeOption func(*analyzeConfig)

type analyzeConfig struct {
	ctx         context.Context
	gazetteer   *features.Gazetteer
	maxBytes    int
	maxMentions int
	noAutoNames bool
	badOption
}

// WithGazetteer adds known entities: their names and aliases are found
// even when not capitalised and resolve to the entity's canonical name. A
// match takes precedence over any capitalised name it overlaps, so an
// alias such as "America" for the United States also takes "Bank of
// America" and "Latin America" over: give such names entities of their
// own (the longest form matches), or leave out aliases that are parts of
// other names. A gazetteer name's surname resolves later short forms as a
// found name's does ("Petro" after "Gustavo Petro").
func WithGazetteer(g *features.Gazetteer) AnalyzeOption {
	return func(c *analyzeConfig) { c.gazetteer = g }
}

// WithMaxBytes sets the longest text one call accepts (default
// DefaultMaxAnalyzeBytes); longer text gives an error wrapping
// ErrTextTooLong. It must be at least 1.
func WithMaxBytes(n int) AnalyzeOption {
	return func(c *analyzeConfig) {
		if n < 1 {
			c.fail("WithMaxBytes(%d): want at least 1", n)
			return
		}
		c.maxBytes = n
	}
}

// WithMaxMentions bounds the mentions a Stream classifies over its life
// (default 0: no bound); past it calls return ErrTooManyMentions. It must
// not be negative.
func WithMaxMentions(n int) AnalyzeOption {
	return func(c *analyzeConfig) {
		if n < 0 {
			c.fail("WithMaxMentions(%d): want 0 (no bound) or more", n)
			return
		}
		c.maxMentions = n
	}
}

// WithContext makes Analyze and Stream.Text check ctx between sentences
// and stop with ctx.Err() once it is done — when a client goes away, or a
// deadline passes. The mentions of the sentences before have been reported.
func WithContext(ctx context.Context) AnalyzeOption {
	return func(c *analyzeConfig) { c.ctx = ctx }
}

// WithGazetteerOnly restricts mentions to gazetteer matches: capitalised
// names that the gazetteer does not know are not classified. Without a
// gazetteer of at least one entity (WithGazetteer) nothing could be found,
// and it is a bad option.
func WithGazetteerOnly() AnalyzeOption {
	return func(c *analyzeConfig) { c.noAutoNames = true }
}

// Mention is one classified mention of an entity in analysed text.
type Mention struct {
	// Sentence is the sentence's text and SentenceSpan its byte offsets.
	Sentence     string
	SentenceSpan Span
	// Span is the mention's byte offsets and Text the mention itself.
	Span Span
	Text string
	// Canonical is the entity the mention refers to: the gazetteer's name
	// for a gazetteer match, the earlier full name for a short form
	// ("Petro" after "Gustavo Petro"), else the mention itself, its words
	// joined by single spaces and without invisible joiners
	// (features.StripJoiners: "Zelen\u00adskyy" is "Zelenskyy").
	Canonical string
	// Kind is the gazetteer entity's kind, or empty.
	Kind string
	Prediction
	// Holder is the canonical name of the entity whose stance the sentence
	// reports ("Petro accused NATO …" → holder of NATO's label is "Gustavo
	// Petro"), or empty when none is found. It is never the mention's own
	// Canonical.
	Holder string
}

// SentenceRef points at one sentence of an analysed text.
type SentenceRef struct {
	Text string
	Span Span
	Prob float64 // the probability that ranked this sentence
}

// EntitySummary sums up how a text treats one entity.
type EntitySummary struct {
	Name     string
	Kind     string
	Mentions int
	// Counts holds the number of mentions per label, indexed like Labels.
	Counts [NumLabels]int
	// MeanProbs holds the mean probability of each label over the mentions.
	MeanProbs [NumLabels]float64
	// Net is the mean of P(supportive) − P(critical) over the mentions, in
	// [-1, 1]: above 0 the text leans supportive, below 0 critical.
	Net float64
	// MostSupportive and MostCritical are the sentences with the highest
	// probability of each label.
	MostSupportive, MostCritical SentenceRef
}

// Analysis is the result of Analyze.
type Analysis struct {
	Mentions []Mention
	// Entities are sorted by number of mentions, then by name.
	Entities []EntitySummary
}

// Analyze splits text into sentences, finds the entities each mentions —
// capitalised names and acronyms, and the gazetteer's names and aliases —
// resolves short forms to the full names seen earlier, and classifies the
// stance of each sentence toward each mention. A dateline that opens a
// line ("WASHINGTON (Reuters) - ", see features.Dateline) is no part of
// the sentence after it: its names are not reported, and the sentence is
// classified and reported without it. It holds every mention in memory;
// use NewStream for long texts. A bad option gives an error wrapping
// ErrBadOption.
func (m *Model) Analyze(text string, opts ...AnalyzeOption) (*Analysis, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	s := m.NewStream(opts...)
	// The Stream ends with the call, so its maps are taken from a pool,
	// already grown, and go back to it emptied.
	if sm, ok := m.analyses.Get().(*streamMaps); ok {
		s.aliases, s.summary, s.entities = sm.aliases, sm.summary, sm.entities
	}
	defer m.putMaps(s)
	a := &Analysis{}
	err := s.Text(text, func(mn Mention) error {
		a.Mentions = append(a.Mentions, mn)
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.Entities = s.Entities()
	return a, nil
}

// streamMaps are a Stream's maps and summaries, pooled by Analyze.
type streamMaps struct {
	aliases  map[string]aliasTarget
	summary  map[string]int
	entities entityList
}

// maxPooledNames bounds the maps Analyze pools: a huge text's are let go.
const maxPooledNames = 1 << 14

// putMaps empties the maps of s, which Analyze made and is done with, and
// pools them.
func (m *Model) putMaps(s *Stream) {
	if s.aliases == nil || len(s.aliases) > maxPooledNames || len(s.summary) > maxPooledNames {
		return // none made (the call failed first), or a huge text's
	}
	clear(s.aliases)
	clear(s.summary)
	s.entities.reset() // the pool keeps no text alive
	m.analyses.Put(&streamMaps{aliases: s.aliases, summary: s.summary, entities: s.entities})
	s.aliases, s.summary, s.entities = nil, nil, entityList{}
}

// ErrNoModel is returned by the Text method of a Stream no Model made (a
// zero Stream), and by the methods of a zero Model that return errors.
var ErrNoModel = errors.New("stance: no model")

// Stream analyses a long text in pieces — paragraphs, pages, messages —
// passing each mention to a callback as soon as it is classified, so that
// no more than a sentence of results is held at a time; but for a
// quotation that runs over several sentences and names its speaker only
// where it ends ("“NATO has failed. The EU too,” Petro said."), whose
// mentions, and those after them, are held back until it closes, for at
// most five sentences, so that they can be given the speaker as their
// holder. Aliases and the per-entity summaries carry over from piece to
// piece, and mention offsets count from the start of the first piece.
//
// Each piece is split into sentences on its own: a sentence never runs
// from one piece into the next, nor does a quotation, and each piece
// starts a line, where a dateline may open it (see Analyze). So cut a text between sentences (at
// paragraph breaks, say), never inside a word or sentence: "Gustavo Pe"
// and "tro criticised NATO." are two sentences and no Petro, with no
// error, and a cut inside a character is invalid UTF-8. Hard-wrapped text
// (wire copy, e-mail, text from PDF) should be unwrapped first, or given
// whole: a line break before a capitalised word ends a sentence.
//
// Make one with Model.NewStream: the zero value has no model, and its Text
// returns ErrNoModel. A Stream is not safe for concurrent use; the Model
// behind it is.
type Stream struct {
	m        *Model
	cfg      analyzeConfig
	offset   int                    // bytes of text before the current piece
	mentions int                    // mentions classified so far
	aliases  map[string]aliasTarget // normalised short form → entity
	summary  map[string]int         // canonical name → its index in entities
	entities entityList             // in order of first mention; the probabilities summed, not yet averaged
	// keys holds the bytes of the aliases' keys, one after another: a key
	// is a substring of it, so that a new name costs no allocation of its
	// own. A Builder only ever appends, so the strings it has returned
	// never change. (A pointer, so that a copy of the Stream shares it, as
	// it shares the maps, instead of panicking on its next write.)
	keys *strings.Builder
}

// streamScratch holds a Stream's buffers, which last only as long as one
// Text call: they come from the Model's pool, so that Analyze on article
// after article does not grow them anew each time.
type streamScratch struct {
	spans    []features.Span
	splitter features.SentenceSplitter
	matches  []features.Match
	prep     features.Prepared
	found    []found
	mspans   []features.Span
	holders  []int
	key      []byte
	added    []string // the alias keys the current sentence added
	fac      factored
	quotes   quotes
}

// maxPooledTokens bounds the token and term buffers a streamScratch keeps
// in the pool: one huge text does not pin its buffers.
const maxPooledTokens = 1 << 16

// putScratch returns sc to the pool unless a huge text has grown it.
func (m *Model) putScratch(sc *streamScratch) {
	clear(sc.added[:cap(sc.added)]) // the pool keeps no alias keys alive
	sc.added = sc.added[:0]
	clear(sc.quotes.waiting[:cap(sc.quotes.waiting)]) // nor texts
	clear(sc.quotes.inners[:cap(sc.quotes.inners)])
	sc.quotes = quotes{waiting: sc.quotes.waiting[:0], inners: sc.quotes.inners[:0]}
	if cap(sc.splitter.Tokens()) <= maxPooledTokens && sc.fac.l.Terms() <= maxPooledTokens {
		m.streams.Put(sc)
	}
}

type aliasTarget struct{ name, kind string }

type found struct {
	span          features.Span
	canon         string
	kind          string
	fromGazetteer bool
	mention       int // index of the span in the prepared sentence's Mentions, or -1
}

// NewStream returns a Stream that classifies with m. A bad option makes
// every Text call return an error wrapping ErrBadOption.
func (m *Model) NewStream(opts ...AnalyzeOption) *Stream {
	cfg := analyzeConfig{maxBytes: DefaultMaxAnalyzeBytes}
	for _, o := range opts {
		if o != nil { // a nil option, from a list built conditionally, does nothing
			o(&cfg)
		}
	}
	if cfg.noAutoNames && cfg.gazetteer.Len() == 0 {
		cfg.fail("WithGazetteerOnly() without a gazetteer of at least one entity (WithGazetteer): no mention could be found")
	}
	return &Stream{m: m, cfg: cfg} // the maps are made for the first piece, in Text
}

// Text analyses the next piece of text and calls fn with each mention in
// order. An error from fn stops the analysis and is returned. Bad input —
// invalid UTF-8, a piece longer than the limit, or a sentence longer than
// the model's text limit — gives an error before any mention is reported
// and leaves the Stream as it was. Going over WithMaxMentions, or a
// sentence with more than MaxSentenceMentions names, is found as the
// analysis reaches it: the mentions before it have been reported and
// counted, and the names of the sentence refused are not kept to resolve
// the short forms of later text. Empty or blank text gives no mentions
// and no error. A bad option given to NewStream is returned by every call.
// With a nil fn the mentions are only summed up, for Entities.
//
// fn may use the Model and other Streams. It should not call Text on this
// Stream: that is safe, and the sentence being reported counts against
// WithMaxMentions, but the inner piece is taken as coming after the outer
// one while the outer one's mentions are still being reported.
func (s *Stream) Text(text string, fn func(Mention) error) error {
	if s.m == nil {
		return fmt.Errorf("%w: a Stream is made by Model.NewStream", ErrNoModel)
	}
	if err := s.m.check(); err != nil {
		return err
	}
	if s.cfg.err != nil {
		return s.cfg.err
	}
	if len(text) > s.cfg.maxBytes {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTextTooLong, len(text), s.cfg.maxBytes)
	}
	if !utf8.ValidString(text) {
		return fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, s.offset+utf8pos.FirstInvalid(text))
	}
	if s.aliases == nil {
		// The first piece (unless Analyze brought pooled maps): the maps
		// are sized for it, as news text names an entity every ~60
		// bytes, instead of growing step by step.
		n := max(32, len(text)/64)
		s.aliases = make(map[string]aliasTarget, n)
		s.summary = make(map[string]int, n)
	}
	if s.keys == nil {
		s.keys = new(strings.Builder)
	}
	sc := s.m.streams.Get().(*streamScratch)
	defer s.m.putScratch(sc)
	base := s.offset
	sc.spans = sc.splitter.Append(sc.spans[:0], text)
	for _, sp := range sc.spans {
		if n := sp.End - sp.Start; n > s.m.settings.maxTextBytes {
			return fmt.Errorf("%w: sentence at byte %d has %d bytes, limit %d", ErrTextTooLong, base+sp.Start, n, s.m.settings.maxTextBytes)
		}
	}
	s.offset += len(text)
	// q follows quotations from sentence to sentence, and holds back the
	// mentions of a quotation whose speaker is named only where it ends
	// (see quotes).
	q := &sc.quotes
	*q = quotes{waiting: q.waiting[:0], inners: q.inners[:0]}
	for k, sp := range sc.spans {
		if s.cfg.ctx != nil {
			if err := s.cfg.ctx.Err(); err != nil {
				if ferr := q.flush(s, fn); ferr != nil {
					s.mentions -= q.dropped
					return ferr
				}
				return fmt.Errorf("stance: analysis stopped at byte %d: %w", base+sp.Start, err)
			}
		}
		start, broken := lineStart(text, sp.Start)
		if start {
			// "WASHINGTON (Reuters) - The White House …": the dateline is
			// where the story was filed, no part of the sentence.
			sp.Start += features.Dateline(text[sp.Start:sp.End])
			if sp.Start == sp.End {
				continue
			}
		}
		sentence := text[sp.Start:sp.End] // its length is checked above
		s.m.ext.PrepareTokens(&sc.prep, sentence, sc.splitter.Tokens(), sp.Start)
		s.find(sc, sentence)
		if len(sc.found) > MaxSentenceMentions {
			s.unregister(sc)
			if err := q.flush(s, fn); err != nil {
				s.mentions -= q.dropped
				return err
			}
			return fmt.Errorf("%w: sentence at byte %d names %d entities, limit %d", ErrTooManyMentions, base+sp.Start, len(sc.found), MaxSentenceMentions)
		}
		if s.cfg.maxMentions > 0 && s.mentions+len(sc.found) > s.cfg.maxMentions {
			s.unregister(sc)
			if err := q.flush(s, fn); err != nil {
				s.mentions -= q.dropped
				return err
			}
			return fmt.Errorf("%w: more than %d, in the sentence at byte %d", ErrTooManyMentions, s.cfg.maxMentions, base+sp.Start)
		}
		// Counted before they are reported, so that a call of Text from
		// fn sees them against the limit too.
		s.mentions += len(sc.found)
		sc.mspans = sc.mspans[:0]
		for _, f := range sc.found {
			sc.mspans = append(sc.mspans, f.span)
		}
		sc.holders = features.Holders(sc.holders[:0], &sc.prep, sc.mspans)
		// With several mentions, the features they share are looked up
		// once for the sentence (see factored).
		laid := 0 // mentions that can be laid out: the prepared sentence's
		for _, f := range sc.found {
			if f.mention >= 0 {
				laid++
			}
		}
		factor := laid >= factorMin && s.m.factor(&sc.fac, &sc.prep)
		// Whether the next sentence opens with a quotation mark, which may
		// go on with this one's speaker (see quotes.sentence).
		quoteNext := k+1 < len(sc.spans) && opensWithQuote(text[sc.spans[k+1].Start:sc.spans[k+1].End])
		if err := q.sentence(s, sc, sentence, broken, quoteNext, fn); err != nil {
			s.mentions -= len(sc.found) + q.dropped
			return err
		}
		for i, f := range sc.found {
			// The text is checked above and the spans are the finder's
			// or the gazetteer's, inside the sentence and not blank.
			p := s.m.predictMention(&sc.fac, factor, &sc.prep, f.mention, f.span)
			mn := Mention{
				Sentence:     sentence,
				SentenceSpan: Span{Start: base + sp.Start, End: base + sp.End},
				Span:         Span{Start: base + sp.Start + f.span.Start, End: base + sp.Start + f.span.End},
				Text:         sentence[f.span.Start:f.span.End],
				Canonical:    f.canon,
				Kind:         f.kind,
				Prediction:   p,
			}
			if h := sc.holders[i]; h >= 0 && sc.found[h].canon != f.canon {
				// An entity holds no stance toward itself: in "the
				// United States criticised US officials" the holder
				// is unknown, not the United States.
				mn.Holder = sc.found[h].canon
			}
			if !q.open && !q.carried && len(q.waiting) == 0 && len(q.inners) == 0 {
				// Most mentions: no quotation runs over this sentence.
				if err := s.emit(&mn, fn); err != nil {
					s.mentions -= len(sc.found) - i - 1 // those not reported
					return err
				}
				continue
			}
			if err := q.report(s, &mn, f.span, fn); err != nil {
				s.mentions -= len(sc.found) - i - 1 + q.dropped // those not reported
				return err
			}
		}
		if err := q.end(s, fn); err != nil {
			s.mentions -= q.dropped
			return err
		}
	}
	if err := q.flush(s, fn); err != nil {
		s.mentions -= q.dropped
		return err
	}
	return nil
}

// quotes follows the double quotation marks of a piece of text from
// sentence to sentence, so that the names in a quotation that runs over
// several sentences get its speaker as their holder where Holders, which
// reads one sentence, names none: "“NATO has failed. The EU has been no
// better,” Petro said." gives NATO the holder Petro, and "Petro said:
// “NATO has failed. The EU has been no better.”" gives the EU Petro
// (features.Attribution finds the speaker, after the closing mark or
// before the opening one). While a quotation whose speaker is not yet
// named stays open, the mentions from its start on are held back, for at
// most maxQuoteSentences sentences, and reported in order once it closes;
// those of one still open then, or at the end of the piece, are reported
// without a speaker. A quotation that opens and closes in one sentence
// gives its speaker to the names in it that Holders gives none, where
// Holders' own reading of quotations misses the speaker ("“NATO has
// failed Ukraine,” Petro, 63, said.").
type quotes struct {
	open    bool   // a quotation is open
	id      int    // the open quotation's number, counted from 1
	speaker string // its speaker's canonical name, if known
	opener  string // the mark that opened it
	// fallback is the speaker of the quotation closed in the sentence
	// before (or, for a sentence without quotation marks, the subject of
	// its reporting verb: features.Speaker), on the same line or the line
	// before, for one opened at the
	// start of this sentence that names none (features.GoesOn: "“…,” Petro
	// said. “…”", "“…,” he added", and a paragraph that opens with "“…":
	// news goes on quoting the same speaker, and names a new one); last is
	// that speaker, for the next sentence.
	fallback, last string
	// inners are the quotations opened and closed in the current
	// sentence whose speaker is known, each with its speaker.
	inners []innerQuote
	gaveUp bool // its mentions are no longer held back
	held   int  // sentences of it whose mentions are held back
	age    int  // sentences since it opened

	// The current sentence: the quotation open at its start (carried,
	// number cid, speaker cspeaker), where that one closes (to; the
	// sentence's length when it does not), and where the text of a
	// quotation opened in it starts (from).
	carried  bool
	cid      int
	cspeaker string
	to, from int

	waiting []heldMention // mentions held back, in order
	dropped int           // held mentions not reported when fn failed
}

// innerQuote is a quotation opened and closed in one sentence, where its
// text lies in the sentence, and its speaker.
type innerQuote struct {
	span    features.Span
	speaker string
}

// heldMention is a mention held back and the number of the quotation it
// lies in, or 0.
type heldMention struct {
	mn    Mention
	quote int
}

// maxQuoteSentences bounds the sentences of one quotation whose mentions
// are held back for a speaker named at its end.
const maxQuoteSentences = 5

// sentence reads the quotation marks of the sentence just prepared in sc;
// broken says a line break stands before it (lineStart). A quotation open
// when a line ends goes on only if the next line opens with a quotation
// mark, as news writes one that runs over paragraphs; else it is taken to
// have ended there without a speaker, and what it held back is reported.
func (q *quotes) sentence(s *Stream, sc *streamScratch, sentence string, broken, quoteNext bool, fn func(Mention) error) error {
	toks, skip := sc.prep.Tokens(), 0
	if q.open {
		q.age++
		switch {
		case q.age > maxQuoteSentences:
			// Never closed: a mark gone astray, not a quotation.
			if err := q.abandon(s, fn); err != nil {
				return err
			}
		case broken:
			if role := markRole(sentence, toks, 0, ""); role == roleOpens {
				skip = 1 // "“…" again at a new paragraph: the quotation goes on
			} else if err := q.abandon(s, fn); err != nil {
				return err
			}
		}
	}
	q.carried, q.cid, q.cspeaker, q.to, q.from = q.open, q.id, q.speaker, len(sentence), len(sentence)
	last := q.last
	q.last, q.inners = "", q.inners[:0]
	if !q.open && !mayQuote(sentence) {
		// Most sentences: no token need be read. One of reported speech
		// names the speaker a quotation opening the next may go on with
		// (asked only when the next opens with a quotation mark).
		if quoteNext {
			if sp := features.Speaker(&sc.prep, sc.mspans); sp >= 0 {
				q.last = sc.found[sp].canon
			}
		}
		return nil
	}
	closedAt := -1 // the closing mark of the last quotation closed in this sentence
	for i := skip; i < len(toks); i++ {
		if t := toks[i]; t.Kind != features.Punct || sentence[t.Start] != '"' && sentence[t.Start] != 0xe2 && sentence[t.Start] != 0xc2 {
			continue // no double quotation mark: nearly every token, tested here without a call
		}
		opener := ""
		if q.open {
			opener = q.opener
		}
		switch markRole(sentence, toks, i, opener) {
		case roleCloses:
			if !q.open {
				continue // a closing mark with none open: astray
			}
			speaker := q.speaker
			if speaker == "" {
				if a := features.Attribution(&sc.prep, sc.mspans, i, true); a >= 0 {
					speaker = sc.found[a].canon
				} else if q.fallback != "" && features.GoesOn(&sc.prep, sc.mspans, i) {
					// Only a quotation that ends its sentence, or one
					// that a pronoun or "the president" attributes, goes
					// on with the speaker before: "“…,” Macron replied." or
					// "“…,” a diplomat said." names another.
					speaker = q.fallback
				}
			}
			if !(q.carried && q.id == q.cid) && speaker != "" {
				// Opened in this sentence: its names that Holders gives
				// none get its speaker ("“NATO has failed,” said
				// Colombian President Gustavo Petro.").
				q.inners = append(q.inners, innerQuote{features.Span{Start: q.from, End: toks[i].Start}, speaker})
			}
			if q.carried && q.id == q.cid {
				q.to, q.cspeaker = toks[i].Start, speaker
			}
			q.open, q.last, closedAt = false, speaker, i
		case roleOpens:
			if q.open {
				// An opening mark while one is open: the one open went
				// astray, and what it held is reported without a speaker.
				if q.carried && q.id == q.cid {
					q.to, q.cspeaker = toks[i].Start, ""
				}
				if err := q.abandon(s, fn); err != nil {
					return err
				}
			}
			q.open, q.id, q.speaker, q.gaveUp, q.held, q.age, q.from = true, q.id+1, "", false, 0, 0, toks[i].End
			q.opener, q.fallback = toks[i].Text(sentence), ""
			if a := features.Attribution(&sc.prep, sc.mspans, i, false); a >= 0 {
				q.speaker = sc.found[a].canon
			} else if i == 0 {
				q.fallback = last // "“…,” Petro said. “…”"
			} else if q.last != "" && closedAt >= 0 && i-closedAt <= 6 && !otherBetween(sc, toks[closedAt].End, toks[i].Start, q.last) {
				q.speaker = q.last // "“…,” he said, “…”": the attribution between two parts of one quotation
			}
		}
	}
	return nil
}

// otherBetween reports whether a mention of the sentence in sc other than
// of speaker lies between byte offsets from and to.
func otherBetween(sc *streamScratch, from, to int, speaker string) bool {
	for _, f := range sc.found {
		if f.span.Start >= from && f.span.End <= to && f.canon != speaker {
			return true
		}
	}
	return false
}

// opensWithQuote reports whether s, a sentence, opens with a double
// quotation mark that may open a quotation (features.IsQuoteMark), after
// white space.
func opensWithQuote(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	_, opens, _ := features.IsQuoteMark(s[i : i+n])
	return opens
}

// abandon ends the open quotation without a speaker, and reports what
// was held back for it.
func (q *quotes) abandon(s *Stream, fn func(Mention) error) error {
	q.open, q.gaveUp = false, false
	return q.flush(s, fn)
}

// The roles of a token in a quotation (markRole).
const (
	roleNone = iota
	roleOpens
	roleCloses
)

// markRole says whether token i of sentence opens a quotation, closes
// one, or neither, given the mark that opened the one open, if any
// (opener): “ „ « open and ” » close, and “ closes one „ opened (German
// „…“); a straight " opens after a space, a line break or a bracket or
// dash, or at the start, and otherwise closes, but after a digit it is an
// inch mark ("6'2\""), and neither.
func markRole(sentence string, toks []features.Token, i int, opener string) int {
	if i >= len(toks) || toks[i].Kind != features.Punct {
		return roleNone
	}
	t := toks[i]
	if c := sentence[t.Start]; c != '"' && c != 0xe2 && c != 0xc2 {
		return roleNone // the first byte of no double quotation mark
	}
	mark := t.Text(sentence)
	ok, opens, closes := features.IsQuoteMark(mark)
	switch {
	case !ok:
		return roleNone
	case opens && closes: // the straight "
		if t.Start == 0 {
			return roleOpens
		}
		switch c := sentence[t.Start-1]; {
		case '0' <= c && c <= '9':
			return roleNone
		case c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '-':
			return roleOpens
		}
		if r, _ := utf8.DecodeLastRuneInString(sentence[:t.Start]); unicode.IsSpace(r) || r == '\u2014' || r == '\u2013' {
			return roleOpens
		}
		return roleCloses
	case mark == "\u201c" && opener == "\u201e":
		return roleCloses
	case opens:
		return roleOpens
	}
	return roleCloses
}

// mayQuote reports whether s may hold a double quotation mark of
// features.IsQuoteMark, by byte searches that are quicker than a look at
// each token.
func mayQuote(s string) bool {
	if strings.IndexByte(s, '"') >= 0 {
		return true
	}
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], 0xe2) // “ ” „ are E2 80 9C-9E
		if j < 0 {
			break
		}
		i += j
		if i+2 < len(s) && s[i+1] == 0x80 && 0x9c <= s[i+2] && s[i+2] <= 0x9e {
			return true
		}
	}
	return strings.IndexByte(s, 0xc2) >= 0 && (strings.Contains(s, "\u00ab") || strings.Contains(s, "\u00bb"))
}

// report gives mn, at span in its sentence, the speaker of the quotation
// it lies in, if known and none of its own, and passes it on or holds it
// back.
func (q *quotes) report(s *Stream, mn *Mention, span features.Span, fn func(Mention) error) error {
	quote, speaker := 0, ""
	for _, in := range q.inners {
		if in.span.Start <= span.Start && span.End <= in.span.End {
			quote, speaker = -1, in.speaker // a quotation of this sentence
			break
		}
	}
	switch {
	case quote != 0:
	case q.carried && span.End <= q.to:
		quote, speaker = q.cid, q.cspeaker
	case q.open && span.Start >= q.from:
		quote, speaker = q.id, q.speaker
	}
	if quote != 0 && mn.Holder == "" && speaker != "" && speaker != mn.Canonical {
		mn.Holder = speaker
	}
	if len(q.waiting) > 0 || quote > 0 && quote == q.id && q.open && speaker == "" && !q.gaveUp {
		q.waiting = append(q.waiting, heldMention{*mn, quote})
		return nil
	}
	return s.emit(mn, fn)
}

// end closes the current sentence: the mentions held back for a
// quotation that closed in it get its speaker, and those of quotations
// resolved are reported; a quotation that stays open without a speaker
// holds its own for another sentence, up to maxQuoteSentences.
func (q *quotes) end(s *Stream, fn func(Mention) error) error {
	if len(q.waiting) == 0 {
		return nil
	}
	if q.carried && (!q.open || q.id != q.cid) {
		q.name(q.cid, q.cspeaker) // it closed here
	}
	if q.open && q.speaker != "" {
		q.name(q.id, q.speaker)
	}
	if q.open && q.speaker == "" && !q.gaveUp {
		if q.held++; q.held < maxQuoteSentences {
			// Report those before the first mention of the open quotation.
			n := 0
			for n < len(q.waiting) && q.waiting[n].quote != q.id {
				n++
			}
			return q.report0(s, n, fn)
		}
		q.gaveUp = true
	}
	return q.report0(s, len(q.waiting), fn)
}

// name gives the held mentions of quotation id that have no holder its
// speaker.
func (q *quotes) name(id int, speaker string) {
	if speaker == "" {
		return
	}
	for i := range q.waiting {
		if h := &q.waiting[i]; h.quote == id && h.mn.Holder == "" && speaker != h.mn.Canonical {
			h.mn.Holder = speaker
		}
	}
}

// flush reports every mention held back, without a speaker for those not
// yet named (the end of a piece, or an error that ends the analysis).
func (q *quotes) flush(s *Stream, fn func(Mention) error) error {
	return q.report0(s, len(q.waiting), fn)
}

// report0 reports the first n mentions held back.
func (q *quotes) report0(s *Stream, n int, fn func(Mention) error) error {
	w := q.waiting
	for i := range n {
		if err := s.emit(&w[i].mn, fn); err != nil {
			q.dropped = len(w) - i - 1
			q.waiting = q.waiting[:0]
			return err
		}
	}
	q.waiting = append(q.waiting[:0], w[n:]...)
	return nil
}

// emit counts mn in the entity summaries and passes it to fn, if any: a
// mention is summed up as it is reported, so that Entities matches the
// mentions reported even when fn stops the analysis while some are held
// back.
func (s *Stream) emit(mn *Mention, fn func(Mention) error) error {
	s.add(mn)
	if fn == nil {
		return nil
	}
	return fn(*mn)
}

// lineStart reports whether only white space other than line breaks,
// and byte-order marks, stand between the start of text, or a line
// break, and offset i (start; where a dateline may stand), and whether
// that is a line break (broken; where a quotation open may end).
func lineStart(text string, i int) (start, broken bool) {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n':
			return true, true
		case r == '\ufeff' || unicode.IsSpace(r) && r != '\v' && r != '\f' && r != 0x85 && r != 0x2028 && r != 0x2029:
			i -= n
		default:
			return false, false
		}
	}
	return true, false
}

// find fills sc.found with the mentions of one sentence: gazetteer matches
// first, then capitalised names that do not overlap them, each resolved to
// its canonical name.
func (s *Stream) find(sc *streamScratch, sentence string) {
	sc.added = sc.added[:0]
	sc.matches = s.cfg.gazetteer.AppendMatches(sc.matches[:0], sentence, sc.prep.Tokens())
	sc.found = sc.found[:0]
	for _, mt := range sc.matches {
		e := s.cfg.gazetteer.Entity(mt.Entity)
		j, ok := slices.BinarySearchFunc(sc.prep.Mentions(), mt.Span, func(a, b features.Span) int { return cmp.Compare(a.Start, b.Start) })
		if !ok || sc.prep.Mentions()[j] != mt.Span {
			j = -1
		}
		sc.found = append(sc.found, found{span: mt.Span, canon: e.Name, kind: e.Kind, fromGazetteer: true, mention: j})
	}
	if !s.cfg.noAutoNames {
		// Both lists are sorted and free of overlaps: one pass over each
		// finds the names no match overlaps.
		m := 0
		for j, sp := range sc.prep.Mentions() {
			for m < len(sc.matches) && sc.matches[m].End <= sp.Start {
				m++
			}
			if m < len(sc.matches) && sc.matches[m].Start < sp.End {
				continue // sc.matches[m] overlaps sp
			}
			sc.found = append(sc.found, found{span: sp, mention: j})
		}
	}
	slices.SortFunc(sc.found, func(a, b found) int { return cmp.Compare(a.span.Start, b.span.Start) })
	for i := range sc.found {
		f := &sc.found[i]
		if f.fromGazetteer {
			// "Petro" after the gazetteer's "Gustavo Petro" is him, as
			// after a name the finder found.
			s.registerShortForms(sc, sentence, f.span, f.canon, f.kind)
			continue
		}
		text := sentence[f.span.Start:f.span.End]
		if strings.Contains(text, "  ") || strings.Contains(text, "\u00a0") || strings.Contains(text, "\u202f") {
			// A name's words are joined by one or two spaces, plain or
			// no-break (see features.Mentions): "Gustavo  Petro" and
			// "Gustavo\u00a0Petro" are "Gustavo Petro".
			text = strings.Join(strings.Fields(text), " ")
		}
		if sc.prep.Joined() {
			// "Zelen\u00adskyy" is "Zelenskyy": the name's words are
			// looked up and its short forms made as if it had no
			// invisible joiners.
			text = features.StripJoiners(text)
		}
		// A name of two letters is also keyed as spelt (see
		// registerShortForms): "Ma" resolves, "MA" does not. That key is
		// looked up first, so that "Un" after "Kim Jong Un" is him even
		// where "the UN" came before; and a new such name takes it, so
		// that "Ma" seen alone first keeps its later mentions after a
		// "Jack Ma". Two letters take at most 8 bytes.
		var b [9]byte
		var spelling []byte
		if len(text) <= 8 && utf8.RuneCountInString(text) <= 2 {
			spelling = spelt(b[:0], text)
			if a, ok := s.aliases[string(spelling)]; ok {
				f.canon, f.kind = a.name, a.kind
				continue
			}
		}
		sc.key = features.AppendNormalized(sc.key[:0], text)
		if a, ok := s.aliases[string(sc.key)]; ok { // no allocation for the lookup
			f.canon, f.kind = a.name, a.kind
			continue
		}
		f.canon = text
		s.register(sc, sc.key, aliasTarget{name: text})
		if spelling != nil {
			s.register(sc, spelling, aliasTarget{name: text})
		}
		s.registerShortForms(sc, sentence, f.span, text, "")
	}
	// "World Health Organization (WHO)": the bracketed acronym restates the
	// name just before it; it is one mention, not two.
	kept := sc.found[:0]
	for i, f := range sc.found {
		if i > 0 && f.canon == sc.found[i-1].canon && strings.TrimSpace(sentence[sc.found[i-1].span.End:f.span.Start]) == "(" &&
			strings.HasPrefix(sentence[f.span.End:], ")") {
			continue
		}
		kept = append(kept, f)
	}
	sc.found = kept
}

// register maps the alias key b, unless some name has it already, to t,
// and notes it among the keys the current sentence added.
func (s *Stream) register(sc *streamScratch, b []byte, t aliasTarget) {
	if _, taken := s.aliases[string(b)]; taken { // no allocation for the lookup
		return
	}
	k := s.key(b)
	s.aliases[k] = t
	sc.added = append(sc.added, k)
}

// spelt appends to dst the alias key of a short form of two letters, which
// keeps its case: a 0 byte, which no normalised key starts with, and the
// form as spelt.
func spelt(dst []byte, form string) []byte { return append(append(dst, 0), form...) }

// key returns the bytes of a new alias key as a string kept in s.keys.
func (s *Stream) key(b []byte) string {
	start := s.keys.Len()
	s.keys.Write(b)
	return s.keys.String()[start:]
}

// unregister takes back the aliases the current sentence added, which
// Text refuses: its names must not resolve the short forms of later text.
func (s *Stream) unregister(sc *streamScratch) {
	for _, k := range sc.added {
		delete(s.aliases, k)
	}
	clear(sc.added)
	sc.added = sc.added[:0]
}

// registerShortForms records the later short forms of a newly seen name:
// an acronym given in brackets right after it ("World Health Organization
// (WHO)"), and for a person-like name its surname ("Gustavo Petro" →
// "Petro"; "Robert F. Kennedy Jr." → "Kennedy") and, after a particle, its
// first name and its surname with the particles ("Lula da Silva" → "Lula",
// "da Silva"; "Ursula von der Leyen" → "Von der Leyen"), unless it is a place's ("South Africa", "New York": see
// placeOpeners), an organisation's (orgWords, acronyms) or a product's,
// of a word that starts with a digit ("Gemini 2.5 Pro" is not "Pro"). A
// short form already taken keeps its first owner. The short forms
// resolve to name and kind.
func (s *Stream) registerShortForms(sc *streamScratch, sentence string, sp features.Span, name, kind string) {
	claim := func(form string) {
		sc.key = features.AppendNormalized(sc.key[:0], form)
		s.register(sc, sc.key, aliasTarget{name: name, kind: kind})
	}
	rest := strings.TrimLeft(sentence[sp.End:], " ")
	if strings.HasPrefix(rest, "(") {
		if end := strings.IndexByte(rest, ')'); end > 1 && end <= 12 {
			if acr := rest[1:end]; isAcronym(acr) {
				claim(acr)
			}
		}
	}
	// "Food and Drug Administration" … "FDA", "Centers for Disease Control
	// and Prevention" … "CDC": the initials of an organisation's name of
	// three capitalised words or more, and of its words before its last
	// "and". A person's are left alone: "Fiona Beth Ingram" is not the FBI.
	var ib [initialsMax]byte
	if full, part := initials(&ib, name); len(full) >= 3 {
		claim(string(full))
		if len(part) >= 3 {
			claim(string(part))
		}
	}
	// The words of the name: a mention's tokens are joined by spaces only
	// (see features.Mentions), so a split at spaces is strings.Fields
	// without its general whitespace test and iterator.
	var buf [5]string
	words := buf[:0]
	for rest := name; rest != ""; {
		w, after, _ := strings.Cut(rest, " ")
		if w != "" {
			if len(words) == len(buf) {
				return
			}
			words = append(words, w)
		}
		rest = after
	}
	// "Robert F. Kennedy Jr.": the surname is before the suffix.
	if n := len(words); n > 2 {
		switch words[n-1] {
		case "Jr.", "Jr", "Sr.", "Sr":
			words = words[:n-1]
		}
	}
	if len(words) < 2 || len(words) > 4 {
		return
	}
	if _, place := placeOpeners[words[0]]; place {
		return
	}
	particle := 0 // the first particle's word, if any
	for i, w := range words {
		if _, org := orgWords[w]; org || isAcronym(w) || '0' <= w[0] && w[0] <= '9' {
			return // "Bank of Japan", "BBC News", "Gemini 2.5 Pro", "Huawei 5G Networks": no person's
		}
		if _, p := nameParticles[w]; p && particle == 0 && i > 0 {
			particle = i
		}
	}
	// A word of two letters is kept as spelt: case folded, "Un" of "Kim
	// Jong Un" would take "UN", and "Ma" of "Jack Ma" "MA".
	short := func(form string) {
		if utf8.RuneCountInString(form) > 2 {
			claim(form)
			return
		}
		sc.key = spelt(sc.key[:0], form)
		s.register(sc, sc.key, aliasTarget{name: name, kind: kind})
	}
	short(words[len(words)-1])
	if particle > 0 {
		short(words[0])
		if particle < len(words)-1 {
			// "von der Leyen", "Von der Leyen", "da Silva": the surname
			// with its particles (the key is case-folded).
			claim(strings.Join(words[particle:], " "))
		}
	}
}

// initialsMax is the most initials a name's acronym has (initials).
const initialsMax = 10

// initials returns the initials of the capitalised words of name, an
// organisation's ("Food and Drug Administration" → "FDA"), and those of
// its words before its last "and" ("Centers for Disease Control and
// Prevention" → "CDCP" and "CDC"), in buf. A name is an organisation's
// when it has a connector or a word of orgWords ("European Central
// Bank"); none for any other name, nor for one with a word that is
// neither capitalised nor a connector, or with more than initialsMax
// capitalised words.
func initials(buf *[initialsMax]byte, name string) (full, part []byte) {
	n, beforeAnd, org := 0, 0, false
	for rest := name; rest != ""; {
		w, after, _ := strings.Cut(rest, " ")
		rest = after
		switch {
		case w == "":
		case w == "and" || w == "&":
			beforeAnd, org = n, true
		case w == "of" || w == "for" || w == "the":
			org = true
		case w[0] >= 'A' && w[0] <= 'Z' && n < initialsMax:
			buf[n] = w[0]
			n++
			if _, ok := orgWords[w]; ok {
				org = true
			}
		default:
			return nil, nil
		}
	}
	if !org {
		return nil, nil
	}
	return buf[:n], buf[:beforeAnd]
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

var nameParticles = map[string]struct{}{"da": {}, "de": {}, "do": {}, "dos": {}, "das": {}, "del": {}, "van": {}, "von": {}, "bin": {}, "al": {},
	"della": {}, "di": {}, "du": {}, "ten": {}, "ter": {}}

// orgWords mark names of organisations and places, whose last word is not
// a short form of the name ("Bank of America" is not "America").
var orgWords = map[string]struct{}{}

func init() {
	for _, w := range strings.Fields(`of for and & Bank Banks Ministry University College Party Union Council
		Inc Corp Corporation Group Association Committee League Court Department Agency Organization
		Organisation Company Airlines Airways Motors Holdings Partners Capital Fund Foundation Institute
		Commission Authority Service Services Office Board Bureau Federation Assembly Parliament Senate Administration
		Congress House Army Forces Police News Times Post Journal Press Media Network Systems Labs
		Technologies Energy Oil Gas Pharma Therapeutics Health Hospital Club United City FC Republic
		Kingdom States Nations Islands Island Sea River Street Square Airport Stadium Games Cup Olympics
		Summit Treaty Act Bill Plan Program Programme Project Initiative Alliance Coalition Front Movement`) {
		orgWords[w] = struct{}{}
	}
}

// placeOpeners open the names of places, whose last word is no short form
// of the name: "Africa" after "South Africa" is the continent, "York"
// after "New York" another city, "Kong" nothing. Words that are also given
// names are left out ("Sri" of Sri Mulyani Indrawati, "Abu", "Isla", "El").
var placeOpeners = map[string]struct{}{}

func init() {
	for _, w := range strings.Fields(`North South East West Northern Southern Eastern Western Central Upper Lower
		Greater Great Middle Far New Old Latin Saudi Hong Costa Puerto Los Las San Santa Santo São Sao
		St St. Saint Port Mount Lake Cape Sierra Ivory Burkina Papua Trinidad Bosnia Equatorial Dominican Czech
		Buenos Rio Tel Kuala Sharm Addis Phnom Baton Salt Fort Palm Bay Gulf Isle Red Dead`) {
		placeOpeners[w] = struct{}{}
	}
}

// factorMin is the fewest mentions in a sentence for which scoring them
// together (factored) beats scoring each alone.
const factorMin = 2

func (s *Stream) add(mn *Mention) {
	i, ok := s.summary[mn.Canonical]
	if !ok {
		i = s.entities.add(EntitySummary{Name: mn.Canonical, Kind: mn.Kind})
		s.summary[mn.Canonical] = i
	}
	e := s.entities.at(i)
	e.Mentions++
	e.Counts[mn.Label.Index()]++
	for l := range NumLabels {
		e.MeanProbs[l] += mn.Probs[l] // a sum until Entities divides
	}
	if p := mn.Prob(Supportive); e.MostSupportive.Text == "" || p > e.MostSupportive.Prob {
		e.MostSupportive = SentenceRef{Text: mn.Sentence, Span: mn.SentenceSpan, Prob: p}
	}
	if p := mn.Prob(Critical); e.MostCritical.Text == "" || p > e.MostCritical.Prob {
		e.MostCritical = SentenceRef{Text: mn.Sentence, Span: mn.SentenceSpan, Prob: p}
	}
}

// entityList holds a Stream's entity summaries in blocks of a fixed size,
// so that adding one never copies the others, as growing a slice would,
// and a text of many entities allocates each summary once.
type entityList struct {
	blocks []*[entityBlock]EntitySummary
	n      int
}

const entityBlock = 64

// add appends e and returns its index.
func (l *entityList) add(e EntitySummary) int {
	if l.n == len(l.blocks)*entityBlock {
		l.blocks = append(l.blocks, new([entityBlock]EntitySummary))
	}
	l.blocks[l.n/entityBlock][l.n%entityBlock] = e
	l.n++
	return l.n - 1
}

// at returns the summary at index i, which add returned.
func (l *entityList) at(i int) *EntitySummary { return &l.blocks[i/entityBlock][i%entityBlock] }

// reset empties l, keeping its blocks, zeroed.
func (l *entityList) reset() {
	for _, b := range l.blocks {
		clear(b[:])
	}
	l.n = 0
}

// Entities returns the summaries of the entities seen so far, sorted by
// number of mentions (most first), then by name.
func (s *Stream) Entities() []EntitySummary {
	out := make([]EntitySummary, 0, s.entities.n)
	for i := range s.entities.n {
		c := *s.entities.at(i)
		for l := range NumLabels {
			c.MeanProbs[l] /= float64(c.Mentions)
		}
		c.Net = c.MeanProbs[Supportive.Index()] - c.MeanProbs[Critical.Index()]
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// mentionJSON is the JSON form of a Mention.
type mentionJSON struct {
	Sentence  string             `json:"sentence"`
	Entity    string             `json:"entity"`
	Start     int                `json:"start"`
	End       int                `json:"end"`
	Label     Label              `json:"label"`
	Probs     map[string]float64 `json:"probs"`
	Canonical string             `json:"canonical"`
	Holder    string             `json:"holder"`
}

// MarshalJSON encodes the mention as one JSON object with the fields
// sentence, entity, start and end (byte offsets into the analysed text),
// label, probs (probability by label name), canonical and holder (empty
// when unknown) — the form examples/classify -json and examples/serve
// emit. Whether "<", ">" and "&" are escaped is up to the encoder
// (json.Marshal escapes them; an Encoder with SetEscapeHTML(false) does
// not).
func (mn Mention) MarshalJSON() ([]byte, error) {
	probs := make(map[string]float64, NumLabels)
	for i, l := range Labels {
		probs[string(l)] = mn.Probs[i]
	}
	// Encode without escaping: the caller's encoder escapes, or not, when
	// it copies these bytes.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(mentionJSON{Sentence: mn.Sentence, Entity: mn.Text, Start: mn.Span.Start, End: mn.Span.End,
		Label: mn.Label, Probs: probs, Canonical: mn.Canonical, Holder: mn.Holder})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}
