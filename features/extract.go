package features

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// Version is the version of the feature set that this package produces.
// It changes whenever a change to the code would give different feature
// ids for the same text and settings. Version 2: the target bigrams and
// near-window words have groups of their own, and the tokenizer and name
// finder changed (clitics, "Ex-" and "Post-" words). Version 3: the name
// finder takes social-media handles ("@elonmusk") as names, and no longer
// the verb of a contraction ("Can't" → "Ca") or a retweet's "RT" before a
// handle; the other names of a sentence are placeholders among the
// features, so their ids changed. Version 4: a common word alone at the
// start of the text prepared ("Floods hit São Paulo"; Analyze prepares
// each sentence on its own) is no name. Version 5: function words such as
// "Neither", "Unlike" and "Among" are no names and lead none; more title
// modifiers ("Attorney", "Crown", "First"), dropped before a title;
// hyphenated titles ("Secretary-General") are titles; a title with its
// modifiers starts a new name inside a run ("Israeli Prime Minister
// Benjamin Netanyahu" → "Benjamin Netanyahu"), and "Secretary of State"
// is a title as a whole; a common word alone after a colon is no name
// ("Breaking: Floods hit …"), as at the start; name words joined by a
// no-break space (U+00A0, U+202F) are one name; and in a headline in
// title case (no word in lower case but the short ones title case leaves
// so, and three capitalised words of four letters or more), function words,
// cue words and the verbs of headlines break names, and a common word left alone
// between them is none ("Petro Slams NATO Over Gaza Genocide Claims" →
// Petro, NATO, Gaza). Version 6: "May" after a given name
// (names/given.txt) or a title is a surname ("Theresa May", "Prime
// Minister May"); two particles join name words ("Ursula von der
// Leyen", "Banco de la Nación"), and particles after a title lead a name ("Ms. von der Leyen", "Mr. de Klerk"); a
// middle initial with its dot joins ("George W. Bush"), as does the dot
// of "St." opening a name ("St. Louis") and of "Jr." or "Sr." ending one;
// "General" before a word such as "Motors" or "Assembly" is no title, and
// "Chief Executive" is one; and what a prefix or a cut leaves of a word is
// no name when it is a month, a holiday, a demonym or one letter
// ("mid-December", "Chinese-built", "U-turns"). Version 7: a person and
// the place after "of" are two names ("Jeff Flake of Arizona", places of
// names/places.txt), as are a person of a given name and any name after
// "of" ("Kelly Evans of CNBC"); a party-and-state tag is no name
// ("R-Wis."); places joined by a hyphen are names of their own ("US-China", "Israel-Hamas");
// "for" after a word such as "Office" or "Center" joins a name ("Office
// for National Statistics"), as does "and" between words of an
// organisation's name ("Food and Drug Administration") or a country's
// ("Trinidad and Tobago"), and "'s" after "People", "Women", "Children",
// "Men" or a saint's name ("People's Republic of China", "St. Peter's
// Square"); "'s" ends a few brands' names ("McDonald's", "Moody's");
// more demonyms are no names ("Philippine", "South Korean",
// "Polish-Ukrainian"); and in a headline in title case more verbs break
// names ("NASA Delays Boeing Starliner"), and a run of common words alone
// is no name unless a word such as "Office" or "Sea" is in it ("… as
// Shutdown Deadline Looms"). Version 8: more titles before a person's
// name ("Administrator", "Sheriff", "Congressman"; "Justice" and "Chief"
// too: "Supreme Court Justice Brett Kavanaugh"; "Chief of Staff"; a
// surname alone outside headlines: "Sheriff Arpaio said …") and title
// modifiers ("Special Agent") are dropped, and in a title-case headline
// the new words alone are no names ("Kremlin Says Envoy Will …"); a
// title such as "King" after a given name before no other name word is
// a surname ("Stephen King"); "Co-" is a prefix inside a body's name
// ("Gulf Co-operation Council"), and a hyphen before a part that is no
// English word is inside a name ("Kim Jong-un", "Port-au-Prince"); see
// mentions8.go. Version 9: headlines. A headline in title case may hold
// brands in camel case ("iPhone"), particles ("al-Sharaa"), units after
// numbers ("$600bn") and long prepositions in lower case; in it the verbs
// and common nouns of names/headline.txt, and forms in "s" of common
// words after a name, break names ("Kim Jong-un Oversees Missile Test"),
// common words end none but before a word such as "Party" ("Brasília
// Ceremony" → "Brasília"), a verb after "to" or a modal is none ("Vows
// To Block EU Sanctions"), "Of" joins ("Bank Of Japan") and a word in
// capitals is an acronym; in a headline in capitals, function words and
// short common words are no names ("… BILL IN LATE-NIGHT VOTE"); and
// "PM" before a name is a title, in any sentence ("UK PM Keir Starmer");
// see mentions9.go. Version 10: a number after a word of
// names/numbered.txt is in the name ("S&P 500", "Windows 11", "Boeing 737
// MAX", "Article 5"), but one that counts or opens a score; see
// mentions10.go. Version 11: an invisible joiner inside a word — a soft
// hyphen, a zero-width non-joiner or joiner, a word joiner — no longer
// splits it, and the word's term drops it ("Zelen\u00adskyy" is the name
// and the term "zelenskyy"; "con\u00addemned" is the cue word
// "condemned"); see Tokenize and Extractor.Tokenize. And "www." starts a
// web address only before a letter or digit ("www.\u00a0" is none).
// Version 12: a sentence adverb or an interjection that opens the
// sentence is no part of the name after it ("Sadly Trump won", "Honestly
// Google's Gemini", "Thanks Obama" → Trump, Google, Obama); see
// opener12.
//
// An extractor decoded from an encoding of an older version it reads
// (MinVersion, 3, to 11) keeps producing that version's ids, so models
// trained with it keep working; NewExtractor makes one of this Version. So
// a change gated on the new version, as the rules of versions 4 to 12
// are, leaves the older sets alone; a change to code that every set
// shares (the tokenizer, the hashing) changes them all, and must raise
// MinVersion as well. TestFeatureIDsStable pins the ids of each set read.
const Version = 12

// MinVersion is the oldest feature set version UnmarshalExtractor reads.
const MinVersion = 3

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// In reports whether the span lies within a text of n bytes and is not
// reversed: 0 <= Start <= End <= n.
func (s Span) In(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Feature is a feature id together with a readable name, as produced by
// Extractor.AppendNamed for explanations.
type Feature struct {
	ID   uint64
	Name string
}

// Option configures an Extractor.
type Option func(*options)

// options are the settings being built and the first bad option's error.
type options struct {
	config
	err error
}

// ErrBadOption is wrapped by Extractor.Err for an Option given a value out
// of its range.
var ErrBadOption = errors.New("features: bad option")

type config struct {
	window   int    // side-tagged window, in terms on each side of the target; 0 turns it off
	near     int    // distance that counts as "near" inside the window
	bigrams  bool   // bigrams over the term sequence
	trigrams bool   // the trigrams with the target placeholder in them
	cueTri   bool   // and those trigrams with their cue words as cue categories
	negation bool   // negation scope marking
	sides    bool   // every term tagged with its side of the target
	others   bool   // other named mentions become one placeholder term each
	clause   bool   // words in the target's clause get a clause feature
	lexicon  bool   // cue-word category features
	seed     uint64 // mixed into every feature id
	version  int    // the feature set (MinVersion to Version), which the name finder's rules depend on
}

func defaultConfig() config {
	return config{window: 6, near: 2, bigrams: true, trigrams: true, cueTri: true, negation: true, sides: true, others: true, clause: true, lexicon: true, version: Version}
}

// WithWindow sets how many terms on each side of the target get
// side-tagged window features (default 6); 0 turns window features off.
// Terms within near of the target (default 2) get a separate "near" tag.
// Both must be from 0 to 65,536, the most an encoded extractor may hold
// (see Extractor.Err).
func WithWindow(window, near int) Option {
	return func(c *options) {
		if window < 0 || near < 0 || window > maxWindow || near > maxWindow {
			if c.err == nil {
				c.err = fmt.Errorf("%w: WithWindow(%d, %d): want window and near from 0 to %d", ErrBadOption, window, near, maxWindow)
			}
			return
		}
		c.window, c.near = window, near
	}
}

// WithBigrams turns bigram features on or off (default on).
func WithBigrams(on bool) Option { return func(c *options) { c.bigrams = on } }

// WithTrigrams turns target-trigram features on or off (default on): the
// three word trigrams that hold the target placeholder — the two words
// before it, the two after it, and the words on either side — so that
// word order next to the target counts ("was praised by <T>" against
// "<T> was praised by"). Extractors decoded from encodings written before
// this option existed have it off, so older models keep their features.
func WithTrigrams(on bool) Option { return func(c *options) { c.trigrams = on } }

// WithCueTrigrams turns cue trigrams on or off (default on). With target
// trigrams on, a target trigram that holds a word of the built-in cue
// lists is also emitted, in the same group, with each such word replaced
// by its cue categories: "praised by <T>" also yields "<support> by <T>",
// which "hailed by <T>" shares. With target trigrams off the option has
// no effect and is recorded as off. The cue lists count here whether or
// not WithLexicon is on. Extractors decoded from encodings written before
// this option existed have it off.
func WithCueTrigrams(on bool) Option { return func(c *options) { c.cueTri = on } }

// WithNegation turns negation scope on or off (default on). In scope —
// from a negation word such as "not", "n't", "never" or "without" to the
// next clause punctuation or "but" — words yield negated features.
func WithNegation(on bool) Option { return func(c *options) { c.negation = on } }

// WithSides turns side features on or off (default on): every word of the
// sentence also yields a feature tagged with its side of the target.
func WithSides(on bool) Option { return func(c *options) { c.sides = on } }

// WithOthers turns other-mention placeholders on or off (default on):
// the names in the sentence other than the target (see Mentions) are
// replaced by one placeholder each, so that features generalise from
// "Trump praised <T>" to any other name.
func WithOthers(on bool) Option { return func(c *options) { c.others = on } }

// WithClause turns clause features on or off (default on): words in the
// same clause as the target — between clause punctuation or conjunctions
// such as "but" and "while" — yield an extra feature, so that cues near
// the target weigh more than cues aimed at someone else.
func WithClause(on bool) Option { return func(c *options) { c.clause = on } }

// WithLexicon turns cue-word features on or off (default on): each word
// of the built-in cue lists (positive, negative, attack, support, suffer,
// hedge) yields a feature for its category and where it sits relative to
// the target — side, distance, same clause, negated — so that what is
// learned about one cue word carries over to the rest of its category.
func WithLexicon(on bool) Option { return func(c *options) { c.lexicon = on } }

// WithSeed sets the seed mixed into every feature id (default 0). Models
// trained with one seed only score features produced with the same seed.
func WithSeed(seed uint64) Option { return func(c *options) { c.seed = seed } }

// Extractor turns a (sentence, target span) pair into feature ids. Its
// settings are fixed at construction. An *Extractor is safe for concurrent
// use by multiple goroutines. The zero value is not ready to use: call
// NewExtractor. Its Err says so, stance refuses to train with it, and its
// methods that return ids panic with that message.
type Extractor struct {
	cfg     config
	err     error     // a bad option's
	scratch sync.Pool // *scratch
}

// NewExtractor returns an extractor with the default settings changed by
// opts. Nil options are skipped; a bad one is reported by Err.
func NewExtractor(opts ...Option) *Extractor {
	o := options{config: defaultConfig()}
	for _, opt := range opts {
		if opt != nil { // a nil option, from a list built conditionally, does nothing
			opt(&o)
		}
	}
	e := newExtractor(o.config)
	e.err = o.err
	return e
}

// Err returns the error of a bad option given to NewExtractor (wrapping
// ErrBadOption), or nil. The option is then left at its default; stance's
// Train and NewTrainer refuse such an extractor. For a zero Extractor,
// which NewExtractor did not make, it returns errZeroExtractor.
func (e *Extractor) Err() error {
	if e.scratch.New == nil {
		return errZeroExtractor
	}
	return e.err
}

var errZeroExtractor = fmt.Errorf("%w: a zero Extractor: make one with NewExtractor", ErrBadOption)

// getScratch takes a scratch space from the pool. A zero Extractor has
// no pool: that is a programming error, and its panic says so.
func (e *Extractor) getScratch() *scratch {
	s, ok := e.scratch.Get().(*scratch)
	if !ok {
		panic(errZeroExtractor.Error())
	}
	return s
}

func newExtractor(cfg config) *Extractor {
	// Cue trigrams are variants of the target trigrams: without these
	// they add nothing, and recording them off keeps such an extractor's
	// encoding, String and Merge equal to those of one written before
	// they existed.
	cfg.cueTri = cfg.cueTri && cfg.trigrams
	e := &Extractor{cfg: cfg}
	e.scratch.New = func() any { return new(scratch) }
	return e
}

// Version returns the feature set the extractor produces (MinVersion to
// Version): Version for one that NewExtractor made, and that of the
// encoding for one that UnmarshalExtractor decoded.
func (e *Extractor) Version() int { return e.cfg.version }

// Tokenize appends the tokens of text to dst as e's feature set makes
// them, and returns the extended slice: Tokenize's from feature set 11
// on; before it, an invisible joiner inside a word (a soft hyphen, a
// zero-width non-joiner or joiner, a word joiner) split the word and was
// a Punct token of its own. Its tokens are the ones PrepareTokens reuses.
func (e *Extractor) Tokenize(dst []Token, text string) []Token {
	return tokenize(dst, text, e.cfg.version >= 11)
}

// String describes the extractor's settings.
func (e *Extractor) String() string {
	c := e.cfg
	return fmt.Sprintf("features v%d: window=%d near=%d bigrams=%t trigrams=%t cue-trigrams=%t negation=%t sides=%t others=%t clause=%t lexicon=%t seed=%d",
		c.version, c.window, c.near, c.bigrams, c.trigrams, c.cueTri, c.negation, c.sides, c.others, c.clause, c.lexicon, c.seed)
}

// maxWindow bounds WithWindow's window and near, in options and encodings
// alike, so that every extractor that can be built can be read back.
const maxWindow = 1 << 16

// Namespaces of feature ids.
const (
	nsUnigram   = 'u'
	nsBigram    = 'b'
	nsTBigram   = 'B' // a bigram with the target placeholder in it
	nsTTrigram  = 'T' // a trigram with the target placeholder in it (+ its shape)
	nsLeft      = 'L' // + near/far bucket
	nsRight     = 'R'
	nsNearLeft  = 'P' // window words within near of the target
	nsNearRight = 'Q'
	nsLeftSide  = 'l'
	nsRightSide = 'r'
	nsClause    = 'c'
	nsCue       = 'x'  // + category and position relative to the target
	nsCueAny    = 'X'  // + category, anywhere in the sentence
	nsNegated   = 0x80 // or-ed into the namespace of a term in negation scope
)

// term is one position of the term sequence: a token's normalised hash,
// or the target placeholder.
type term struct {
	hash  uint64
	tok   int32 // index of the token, or -1 for the placeholder, -2 for another name
	flags uint8 // tfWord, tfNegCue, tfNegEnd, tfClause
	cues  uint8 // lexicon categories of the word
	hw    uint8 // holder word classes (see Holders)
}

// Term flags. A term is 16 bytes: the sequences are copied per target.
const (
	tfWord   uint8 = 1 << iota // words, numbers, clitics and URLs; not punctuation
	tfNegCue                   // starts negation scope
	tfNegEnd                   // punctuation that ends negation scope
	tfClause                   // punctuation or conjunction that ends a clause
)

func (t term) word() bool   { return t.flags&tfWord != 0 }
func (t term) negCue() bool { return t.flags&tfNegCue != 0 }
func (t term) negEnd() bool { return t.flags&tfNegEnd != 0 }
func (t term) clause() bool { return t.flags&tfClause != 0 }

type scratch struct {
	p     Prepared
	terms []term
}

// Fixed term hashes.
var (
	placeholderHash = xxhash.Sum64String("\x00<T>")
	otherHash       = xxhash.Sum64String("\x00<E>")
	boundaryHash    = xxhash.Sum64String("\x00<S>")
	cueHash         = xxhash.Sum64String("\x00<C>") // xor a cue category mask
)

// AppendFeatures appends the feature ids of the pair (text, target) to dst
// and returns the extended slice. The same feature may occur more than
// once. It does no allocation once dst has room and the extractor's pooled
// scratch space has grown to the size of the text.
//
// AppendFeatures panics if target is not within text (see Span.In); the
// caller validates spans that come from outside the program.
func (e *Extractor) AppendFeatures(dst []uint64, text string, target Span) []uint64 {
	return e.AppendFeaturesExcept(dst, text, target, 0)
}

// AppendFeaturesExcept is AppendFeatures without the ids of the groups in
// omit, which it does not compute: a model that gives a group weight 0
// need not pay for its ids.
func (e *Extractor) AppendFeaturesExcept(dst []uint64, text string, target Span, omit GroupSet) []uint64 {
	s := e.getScratch()
	dst = e.extract(dst, nil, s, text, target, omit)
	e.scratch.Put(s)
	return dst
}

// AppendNamed is like AppendFeatures but appends each feature with a
// readable name, for explanations. It allocates the names.
func (e *Extractor) AppendNamed(dst []Feature, text string, target Span) []Feature {
	s := e.getScratch()
	var ids []uint64
	names := make([]string, 0, 64)
	ids = e.extract(ids, &names, s, text, target, 0)
	e.scratch.Put(s)
	for i, id := range ids {
		dst = append(dst, Feature{ID: id, Name: names[i]})
	}
	return dst
}

// Prepared is one sentence analysed for classification, ready for any
// number of targets in it: its tokens, their normalised hashes and cue
// flags, and its named mentions. Preparing a sentence once and calling
// AppendPrepared per target does the target-independent work once. The
// zero value is ready to use; a Prepared is reused by preparing another
// sentence into it, and is not safe for concurrent use. Its mentions are
// those of the preparing extractor's feature set (see Version): an
// extractor of another set that is given it prepares the sentence again
// (AppendPrepared) or declines to lay it out (Layout), so that its ids are
// always its own set's.
type Prepared struct {
	version  int // the feature set of the extractor that prepared it
	text     string
	toks     []Token
	base     []term   // one per token
	names    []uint16 // the mention classes of each token (see nameClass)
	mentions []Span
	buf      []byte
	ctoks    []Token       // the tokens of unjoin's copy
	cuts     []cut         // the joiners unjoin took out
	joined   bool          // a word holds a joiner: the name finder read unjoin's copy
	hs       holderScratch // buffers for Holders
}

// Text returns the prepared sentence.
func (p *Prepared) Text() string { return p.text }

// Tokens returns the sentence's tokens. The slice is owned by p.
func (p *Prepared) Tokens() []Token { return p.toks }

// Mentions returns the sentence's named mentions, as the preparing
// extractor's feature set finds them (Mentions: the current one's). The
// slice is owned by p.
func (p *Prepared) Mentions() []Span { return p.mentions }

// Joined reports whether a word or number of the sentence holds an
// invisible joiner (feature set 11 on; see Tokenize), which the name
// finder read past: the mentions' spans then may hold a joiner's bytes,
// which StripJoiners takes out.
func (p *Prepared) Joined() bool { return p.joined }

// Prepare analyses text into p, reusing p's buffers. It does no
// allocation once p's buffers have grown to the sentence's size, but for
// one copy of a sentence that has an invisible joiner inside a word
// (feature set 11 on; see unjoin).
func (e *Extractor) Prepare(p *Prepared, text string) {
	p.toks = e.Tokenize(p.toks[:0], text)
	e.prepare(p, text, false)
}

// PrepareTokens is Prepare for a sentence already tokenized as part of a
// longer text — by a SentenceSplitter whose Tokenize is e.Tokenize, say:
// toks are the tokens e.Tokenize gave for the whole text and base is the
// offset of sentence in it, so the tokens that fall inside the sentence
// are reused instead of tokenizing it again. The result is the same as
// Prepare(p, sentence). The rest of the package relies on tokens being as
// a tokenizer makes them — not empty, in order and apart — so tokens in
// the sentence that are not, or that cross its bounds, are not used: the
// sentence is tokenized anew. So is a sentence whose tokens do not reach
// from its first byte that is not white space to its last, as Tokenize's
// do: nil tokens, or those of another text or base; and one that holds an
// invisible joiner, whose tokens may be of another feature set's
// tokenizer, which tells words with a joiner inside apart (see
// Extractor.Tokenize). One difference between the tokenizers of feature
// sets 10 and 11 goes unseen: "www." before a character that is no letter
// or digit and not ASCII ("www.\u00a0Smith"), a web address to feature
// set 10 and a word and a dot to 11. Give e.Tokenize's tokens, as the
// package's own callers do, and the result is the same as Prepare's.
func (e *Extractor) PrepareTokens(p *Prepared, sentence string, toks []Token, base int) {
	p.toks = p.toks[:0]
	// Tokens are in order: find the first one that ends inside the sentence.
	first := sort.Search(len(toks), func(i int) bool { return toks[i].End > base })
	prevEnd := 0
	fit := true
	for _, t := range toks[first:] {
		if t.Start >= base+len(sentence) {
			break
		}
		t.Start, t.End = t.Start-base, t.End-base
		if !tokenFollows(t, prevEnd, len(sentence)) {
			fit = false
			break
		}
		prevEnd = t.End
		p.toks = append(p.toks, t)
	}
	if !fit || !spansText(p.toks, sentence) {
		p.toks = e.Tokenize(p.toks[:0], sentence)
		fit = false
	}
	e.prepare(p, sentence, fit)
}

// spansText reports whether toks, in order, start at the first byte of
// text that is not white space and end after the last, as Tokenize's do
// (which cover every such byte); none for a blank text.
func spansText(toks []Token, text string) bool {
	// Most sentences, a splitter's, neither start nor end with white
	// space: one byte each tells, and the trims are for the rest.
	start, end := 0, len(text)
	if start < end {
		if c := text[0]; c >= utf8.RuneSelf || asciiSpace[c] {
			start = end - len(strings.TrimLeftFunc(text, unicode.IsSpace))
		}
	}
	if start == end || len(toks) == 0 {
		return start == end && len(toks) == 0
	}
	if c := text[end-1]; c >= utf8.RuneSelf || asciiSpace[c] {
		end = len(strings.TrimRightFunc(text, unicode.IsSpace))
	}
	return toks[0].Start == start && toks[len(toks)-1].End == end
}

// prepare prepares p for text, whose tokens p.toks are. given says they
// were given to PrepareTokens: they may be another feature set's, which
// tells words with an invisible joiner inside apart, and prepare then
// tokenizes text anew (see joinerCheck).
func (e *Extractor) prepare(p *Prepared, text string, given bool) {
	p.version, p.text = e.cfg.version, text
	// One lookup by term hash gives the cue categories (low byte), the
	// negation and clause classes of the term, its holder word classes and
	// the mention finder's classes of the word. A Prepared depends on the
	// extractor's feature set version (its name finder), not on its
	// settings: extractPrepared applies them.
	words := loadTermTable()
	v5, v6, v7, v8, v9 := e.cfg.version >= 5, e.cfg.version >= 6, e.cfg.version >= 7, e.cfg.version >= 8, e.cfg.version >= 9
	v11 := e.cfg.version >= 11
	var n7 *wordTable
	if v7 {
		n7 = names7Table()
	}
	// The name finder reads text and toks: the sentence's own, or, when a
	// word holds an invisible joiner (feature set 11 on, "Presi\u00addent"),
	// a copy without the joiners inside words (see unjoin), so that its
	// rules, many of which compare spellings, read the word as it would be
	// without one. The terms' hashes drop the joiners either way.
	toks, unjoined := p.toks, false
restart:
	var seen uint16 // the mention classes of all the tokens, or'ed
	pm := false     // a name token "PM" (feature set 9 on)
	base := p.base[:0]
	names := p.names[:0]
	for i, t := range toks {
		w := t.Text(text)
		h, mayUpper, ok := shortASCIIHash(w) // see termHashSlow
		if !ok {
			// Only here, on the slow path: a joiner is no ASCII.
			if !unjoined && (v11 || given) && t.Kind != Clitic {
				switch joinerCheck(t, text, v11, given) {
				case againUnjoined:
					text, toks, unjoined = p.unjoin(), p.ctoks, true
					goto restart
				case againTokenize:
					p.toks, given = e.Tokenize(p.toks[:0], text), false
					toks = p.toks
					goto restart
				}
			}
			h, mayUpper = termHashSlow(&p.buf, w, v11), true
		}
		tm := term{hash: h, tok: int32(i)}
		if t.Kind != Punct && t.Kind != Invalid {
			tm.flags |= tfWord
		}
		cls := words.get(tm.hash)
		nc := nameClass(w, cls)
		if v5 && nc != 0 {
			nc = fold5(nc)
		}
		if mayUpper && isNameToken(text, t, nc) { // a name has a capital
			nc |= clsName
			if v9 && t.End-t.Start == 2 && text[t.Start] == 'P' && text[t.Start+1] == 'M' {
				pm = true // for pmTitles9
			}
			if h, _ := indexHyphen(w); h >= 0 {
				// Looked for once here: appendMentions then looks inside
				// only the name tokens that have one.
				nc |= clsHyphen
				if v5 && isHyphenTitle(w) || v8 && (isCoRole(w) || isElectTitle(w)) {
					nc |= clsTitle // "Secretary-General"; from feature set 8, "Co-founder", "President-elect"
				}
			}
			if v7 && nc&^(clsName|clsHyphen) == 0 {
				// A word of no other class: "Philippine", and from feature
				// set 8 "Sheriff", "Special".
				switch x := n7.get(tm.hash); {
				case x&n7Demonym != 0:
					nc |= clsDemonym7
				case !v8 || x == 0:
				case spelling(w) != spellCapital:
					// in capitals: the lists' words are capitalised ("PREMIER LEAGUE")
				case x&n8Title != 0:
					nc |= clsTitle | clsWord8
				case x&n8Modifier != 0:
					nc |= clsTitleModifier | clsWord8
				}
			}
		}
		names = append(names, nc)
		seen |= nc
		punctEnd := t.Kind == Punct && cls&tcPunctEnd != 0
		if cls&tcNegCue != 0 {
			tm.flags |= tfNegCue
			if t.Kind == Clitic && i > 0 && toks[i-1].End == t.Start {
				// "Can't", "Won't": the word before "n't" is a verb, not a
				// name ("Ca", "Wo").
				names[i-1] &^= clsName | clsHyphen
			}
		}
		if punctEnd || cls&tcBut != 0 {
			tm.flags |= tfNegEnd
		}
		if punctEnd || cls&tcClause != 0 {
			tm.flags |= tfClause
		}
		tm.cues = uint8(cls)
		tm.hw = uint8(cls >> hwShift)
		base = append(base, tm)
	}
	headline := v5 && isHeadline(text, toks, names, v9)
	if headline {
		headlineNames(text, toks, base, names, v7, v8, v9) // "Petro Slams NATO Over Gaza Genocide Claims"
	}
	if v6 && seen&clsCalendar != 0 {
		maySurnames(text, toks, names, headline) // "Theresa May"
	}
	if v8 && seen&(clsTitle|clsTitleModifier) != 0 {
		retitle8(text, toks, names, headline, v9) // "Sheriff Scott Israel", "Justice Brett Kavanaugh", "Stephen King"
	}
	if pm {
		pmTitles9(text, toks, names) // "UK PM Keir Starmer", "PM Modi Meets Putin"
	}
	if v6 && (seen&clsTitle != 0 || seen&clsTitleModifier != 0 && strings.Contains(text, "Chief")) {
		retitle(text, toks, names) // "General Motors", "Chief Executive Satya Nadella"
	}
	if strings.IndexByte(text, '@') >= 0 { // rare: one scan, not a test per token
		for i, t := range toks {
			if t.Kind == Punct && isHandleAt(text, toks, i) {
				names[i] |= clsAt
			}
		}
	}
	p.base, p.names = base, names
	p.mentions = appendMentions(p.mentions[:0], text, toks, names, e.cfg.version, headline)
	p.joined = unjoined
	if unjoined {
		p.rejoin()
	}
}

// The answers of joinerCheck.
const (
	joinerNone    = iota // nothing to do
	againTokenize        // the tokens may be another feature set's: make them anew
	againUnjoined        // a word holds a joiner: read a copy without (see Prepared.unjoin)
)

// joinerCheck checks a token of text that is no short ASCII word for
// an invisible joiner (see isJoiner). Given tokens (see prepare) that
// hold one may be another feature set's, which splits a word at a joiner
// where feature set 11 keeps it inside: they are made anew. Otherwise a
// word or number with a joiner inside is read past from feature set 11 on
// (see Prepared.unjoin), and split by the sets before.
func joinerCheck(t Token, text string, v11, given bool) int {
	switch {
	case !hasJoiner(t.Text(text)):
		return joinerNone
	case given:
		return againTokenize
	case v11 && (t.Kind == Word || t.Kind == Number):
		return againUnjoined
	}
	return joinerNone
}

// unjoin returns p's sentence without the joiners inside its words and
// sets p.ctoks to its tokens there and p.cuts to the joiners it took out.
// Only a sentence with a joiner inside a word comes here, and its copy is
// the one allocation Prepare makes for it once p's buffers have grown.
func (p *Prepared) unjoin() string {
	b, ctoks, cuts := p.buf[:0], p.ctoks[:0], p.cuts[:0]
	prev := 0
	for _, t := range p.toks {
		b = append(b, p.text[prev:t.Start]...) // the white space between tokens, as it is
		start := len(b)
		w := t.Text(p.text)
		if t.Kind != Word && t.Kind != Number {
			b = append(b, w...)
		} else {
			for i := 0; i < len(w); {
				if n := joinerLen(w[i:]); n > 0 {
					cuts = append(cuts, cut{at: len(b), n: n})
					i += n
					continue
				}
				b = append(b, w[i])
				i++
			}
		}
		ctoks = append(ctoks, Token{start, len(b), t.Kind})
		prev = t.End
	}
	b = append(b, p.text[prev:]...)
	p.buf, p.ctoks, p.cuts = b, ctoks, cuts
	return string(b)
}

// cut is a joiner unjoin took out: its offset in the copy (that of the
// byte after it) and its length in the sentence.
type cut struct{ at, n int }

// rejoin maps p's mentions, found in unjoin's copy, onto the sentence. A
// joiner lies inside a word, so none is at a mention's start or end: one
// at a mention's start offset was before it, one at its end after it.
// Both lists are in order, and the mentions do not overlap: one walk.
func (p *Prepared) rejoin() {
	c, shift := 0, 0 // the cuts before the mention, and their bytes
	for k, m := range p.mentions {
		for c < len(p.cuts) && p.cuts[c].at <= m.Start {
			shift += p.cuts[c].n
			c++
		}
		end := shift
		for d := c; d < len(p.cuts) && p.cuts[d].at < m.End; d++ {
			end += p.cuts[d].n
		}
		p.mentions[k] = Span{m.Start + shift, m.End + end}
	}
}

// AppendPrepared appends the feature ids of the target in the prepared
// sentence to dst, exactly as AppendFeatures would for (p.Text(), target).
// It panics if target is not within the sentence.
func (e *Extractor) AppendPrepared(dst []uint64, p *Prepared, target Span) []uint64 {
	return e.AppendPreparedExcept(dst, p, target, 0)
}

// AppendPreparedExcept is AppendPrepared without the ids of the groups in
// omit, which it does not compute: a model that gives a group weight 0
// need not pay for its ids. A sentence that an extractor of another
// feature set prepared is prepared again, as this one finds its names.
func (e *Extractor) AppendPreparedExcept(dst []uint64, p *Prepared, target Span, omit GroupSet) []uint64 {
	s := e.getScratch()
	if p.version != e.cfg.version {
		e.Prepare(&s.p, p.text)
		p = &s.p
	}
	dst = e.extractPrepared(dst, nil, p, &s.terms, target, omit)
	e.scratch.Put(s)
	return dst
}

// extract does the work of AppendFeatures; when names is not nil it also
// appends a readable name per feature.
func (e *Extractor) extract(dst []uint64, names *[]string, s *scratch, text string, target Span, omit GroupSet) []uint64 {
	e.Prepare(&s.p, text) // extractPrepared checks the target
	return e.extractPrepared(dst, names, &s.p, &s.terms, target, omit)
}

// extractPrepared builds the target's term sequence from the prepared
// sentence — the target's tokens become one placeholder, other names one
// placeholder each — and emits the features.
func (e *Extractor) extractPrepared(dst []uint64, names *[]string, p *Prepared, termBuf *[]term, target Span, omit GroupSet) []uint64 {
	text := p.text
	if !target.In(len(text)) {
		panic("features: target span " + strconv.Itoa(target.Start) + ":" + strconv.Itoa(target.End) +
			" out of range for text of length " + strconv.Itoa(len(text)))
	}
	terms := (*termBuf)[:0]
	tpos := -1
	var others []Span
	if e.cfg.others {
		others = p.mentions
	}
	toks, base := p.toks, p.base[:len(p.toks)]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for len(others) > 0 && others[0].End <= t.Start {
			others = others[1:]
		}
		// Most tokens are copied as they are: those that end before the
		// next mention starts and either end before the target starts or,
		// the placeholder placed, start at or after its end. They go in
		// one copy. This relies on tokens being Tokenize's: not empty, in
		// order and apart (PrepareTokens makes sure of it).
		if lim := math.MaxInt; tpos < 0 || t.Start >= target.End {
			if len(others) > 0 {
				lim = others[0].Start
			}
			if tpos < 0 {
				lim = min(lim, target.Start)
			}
			if j := runEnd(toks, i, lim); j > i {
				terms = append(terms, base[i:j]...)
				i = j - 1
				continue
			}
		}
		overlaps := t.Start < target.End && target.Start < t.End
		if !overlaps && len(others) > 0 && others[0].Start <= t.Start && t.End <= others[0].End &&
			!(others[0].Start < target.End && target.Start < others[0].End) {
			if t.Start == others[0].Start {
				terms = append(terms, term{hash: otherHash, tok: -2, flags: tfWord})
			}
			continue
		}
		if overlaps || (tpos < 0 && target.Start == target.End && t.Start >= target.Start) {
			if tpos < 0 {
				tpos = len(terms)
				terms = append(terms, term{hash: placeholderHash, tok: -1, flags: tfWord})
			}
			if overlaps {
				continue
			}
		}
		terms = append(terms, base[i])
	}
	// No token overlaps the target or, for an empty target, follows it:
	// it lies after the last token, or in white space.
	if tpos < 0 {
		tpos = len(terms)
		terms = append(terms, term{hash: placeholderHash, tok: -1, flags: tfWord})
	}
	*termBuf = terms
	// The ids are appended directly and the names, when asked for, beside
	// them: no closure captures the loop's variables, which would keep
	// them in memory instead of registers.
	nm := &termNamer{text: text, toks: p.toks, terms: terms, tpos: tpos, keepJoiners: p.version < 11}

	c := e.cfg
	on := c.groupsOn(omit)
	// The groups are tested as bits of on, not copied into booleans: one
	// register for all of them in a loop that is short of registers.
	if on.Has(GroupTargetTrigram) {
		dst = e.appendTrigrams(dst, names, nm, tpos)
	}
	lo, hi := -1, len(terms) // the target's clause is (lo, hi)
	if c.clause {
		for lo = tpos - 1; lo >= 0 && !terms[lo].clause(); lo-- {
		}
		for hi = tpos + 1; hi < len(terms) && !terms[hi].clause(); hi++ {
		}
	}
	negated := false
	for i, tm := range terms {
		if c.negation && tm.negEnd() {
			negated = false
		}
		var neg byte
		if negated && i != tpos {
			neg = nsNegated
		}
		if on.Has(GroupUnigram) && tm.word() && i != tpos {
			dst = append(dst, e.id(nsUnigram|neg, tm.hash, 0))
			if names != nil {
				nm.add(names, nameUnigram, i, neg, 0)
			}
		}
		if on&(1<<GroupBigram|1<<GroupTargetBigram) != 0 {
			prev := boundaryHash
			if i > 0 {
				prev = terms[i-1].hash
			}
			ns, emit := byte(nsBigram), on.Has(GroupBigram)
			if uint(i-tpos) <= 1 { // the target's term or the next
				ns, emit = nsTBigram, on.Has(GroupTargetBigram)
			}
			if emit {
				dst = append(dst, e.id(ns, prev, tm.hash))
				if names != nil {
					nm.add(names, nameBigram, i, 0, 0)
				}
			}
		}
		if tm.word() && i != tpos {
			d := i - tpos
			side, near, sideNS := byte(nsRight), byte(nsNearRight), byte(nsRightSide)
			if d < 0 {
				d, side, near, sideNS = -d, nsLeft, nsNearLeft, nsLeftSide
			}
			if d <= c.window {
				bucket, within, emit := byte('2'), c.window, on.Has(GroupWindow)
				if d <= c.near {
					bucket, within, side, emit = '1', c.near, near, on.Has(GroupNear)
				}
				if emit {
					dst = append(dst, e.id(side|neg, tm.hash, uint64(bucket)))
					if names != nil {
						nm.add(names, nameWindow, i, neg, within)
					}
				}
			}
			if on.Has(GroupClause) && lo < i && i < hi {
				dst = append(dst, e.id(nsClause|neg, tm.hash, 0))
				if names != nil {
					nm.add(names, nameClause, i, neg, 0)
				}
			}
			if on&(1<<GroupCue|1<<GroupCueAny) != 0 && tm.cues != 0 {
				inClause := c.clause && lo < i && i < hi
				rel := cueRelation(i-tpos, inClause, neg != 0)
				for m := tm.cues & cueMask; m != 0; m &= m - 1 { // its categories, in order
					bit := bits.TrailingZeros8(m)
					if on.Has(GroupCue) {
						dst = append(dst, e.id(nsCue, uint64(bit), rel))
						if names != nil {
							*names = append(*names, cueName(lexiconCategories[bit], i-tpos, inClause, neg != 0))
						}
					}
					if on.Has(GroupCueAny) {
						dst = append(dst, e.id(nsCueAny|neg, uint64(bit), 0))
						if names != nil {
							nm.add(names, nameCueAny, i, neg, bit)
						}
					}
				}
			}
			if on.Has(GroupSide) {
				dst = append(dst, e.id(sideNS|neg, tm.hash, 0))
				if names != nil {
					nm.add(names, nameSide, i, neg, 0)
				}
			}
		}
		if c.negation && tm.negCue() {
			negated = true
		}
	}
	if on.Has(GroupBigram) && len(terms) > 0 {
		last := len(terms) - 1
		dst = append(dst, e.id(nsBigram, terms[last].hash, boundaryHash))
		if names != nil {
			nm.add(names, nameBigram, last+1, 0, 0)
		}
	}
	return dst
}

// runEnd returns the index past the run of tokens from toks[i] that end
// at or before lim: the tokens extractPrepared and Layout copy into a term
// sequence at once, as none of them can be part of what lim bounds (the
// next mention, or the target).
func runEnd(toks []Token, i, lim int) int {
	for i < len(toks) && toks[i].End <= lim {
		i++
	}
	return i
}

// termNamer names the terms of a target's term sequence, and the features
// built from them, for explanations. Building the names is kept out of
// extractPrepared's loop, which only decides when to call add.
type termNamer struct {
	text        string
	toks        []Token
	terms       []term
	tpos        int  // the target's term
	keepJoiners bool // a feature set before 11's: its terms keep the joiners
}

// nameKind is the kind of feature add names.
type nameKind uint8

const (
	nameUnigram nameKind = iota
	nameBigram           // the bigram that ends at term i (i == len(terms): the sentence end)
	nameWindow           // arg: the distance bound
	nameClause
	nameCueAny // arg: the category's bit
	nameSide
)

// add appends the readable name of the feature of kind k at term i,
// negated when neg is set, to names.
func (nm *termNamer) add(names *[]string, k nameKind, i int, neg byte, arg int) {
	var n string
	d := i - nm.tpos
	switch k {
	case nameUnigram:
		n = strconv.Quote(nm.name(i))
	case nameBigram:
		n = strconv.Quote(nm.name(i-1) + " " + nm.name(i))
	case nameWindow:
		n = strconv.Quote(nm.name(i)) + " within " + strconv.Itoa(arg) + " words " + where(d) + " target"
	case nameClause:
		n = strconv.Quote(nm.name(i)) + " in the target's clause"
	case nameCueAny:
		cat := lexiconCategories[arg]
		n = article(cat) + " " + cat + " cue word"
	case nameSide:
		n = strconv.Quote(nm.name(i)) + " " + where(d) + " target"
	}
	*names = append(*names, wrapNeg(neg, n))
}

// name returns the readable form of term i: the placeholders "<T>" (the
// target), "<E>" (another name) and "<S>" (beyond the sentence), or the
// token's normalised text.
func (nm *termNamer) name(i int) string {
	if i < 0 || i >= len(nm.terms) {
		return "<S>"
	}
	switch nm.terms[i].tok {
	case -1:
		return "<T>"
	case -2:
		return "<E>"
	}
	w := nm.toks[nm.terms[i].tok].Text(nm.text)
	if nm.keepJoiners {
		return string(appendNormalized(nil, w, false)) // as feature sets before 11 spelt their terms
	}
	return Normalize(w)
}

// where names the side of the target a word at signed distance d sits on.
func where(d int) string {
	if d < 0 {
		return "before"
	}
	return "after"
}

// The shapes of the target trigrams: where the placeholder sits in them.
const (
	triEnd    = 1 // two words, then the target
	triStart  = 2 // the target, then two words
	triMiddle = 3 // a word, the target, a word
	triCue    = 4 // added to a shape: a cue trigram
)

// appendTrigrams appends the ids of the three trigrams of terms that hold
// the target placeholder at tpos, the sentence boundary standing in for
// terms beyond either end, then with cue trigrams on, those of them that
// hold a cue word again with its cue categories in its place; with names,
// a readable name for each (termNamer.name's).
func (e *Extractor) appendTrigrams(dst []uint64, names *[]string, nm *termNamer, tpos int) []uint64 {
	terms, name := nm.terms, nm.name
	h := func(i int) uint64 {
		if i < 0 || i >= len(terms) {
			return boundaryHash
		}
		return terms[i].hash
	}
	dst = append(dst, e.id(nsTTrigram, pairHash(h(tpos-2), h(tpos-1)), triEnd),
		e.id(nsTTrigram, pairHash(h(tpos+1), h(tpos+2)), triStart),
		e.id(nsTTrigram, pairHash(h(tpos-1), h(tpos+1)), triMiddle))
	if names != nil {
		*names = append(*names, strconv.Quote(name(tpos-2)+" "+name(tpos-1)+" <T>"),
			strconv.Quote("<T> "+name(tpos+1)+" "+name(tpos+2)),
			strconv.Quote(name(tpos-1)+" <T> "+name(tpos+1)))
	}
	if !e.cfg.cueTri {
		return dst
	}
	cues := func(i int) uint8 {
		if i < 0 || i >= len(terms) || !terms[i].word() {
			return 0
		}
		return terms[i].cues
	}
	c := func(i int) uint64 { // the term, or its cue categories
		if m := cues(i); m != 0 {
			return cueHash ^ uint64(m)
		}
		return h(i)
	}
	cname := func(i int) string {
		m := cues(i)
		if m == 0 {
			return name(i)
		}
		var b strings.Builder
		for bit, cat := range lexiconCategories {
			if m&(1<<bit) != 0 {
				if b.Len() == 0 {
					b.WriteByte('<')
				} else {
					b.WriteByte('|')
				}
				b.WriteString(cat)
			}
		}
		return b.String() + ">"
	}
	for _, t := range [...]struct {
		a, b  int // the trigram's words, by term index
		shape uint64
	}{{tpos - 2, tpos - 1, triEnd}, {tpos + 1, tpos + 2, triStart}, {tpos - 1, tpos + 1, triMiddle}} {
		if cues(t.a)|cues(t.b) == 0 {
			continue
		}
		dst = append(dst, e.id(nsTTrigram, pairHash(c(t.a), c(t.b)), t.shape|triCue))
		if names != nil {
			var n string
			switch t.shape {
			case triEnd:
				n = cname(t.a) + " " + cname(t.b) + " <T>"
			case triStart:
				n = "<T> " + cname(t.a) + " " + cname(t.b)
			default:
				n = cname(t.a) + " <T> " + cname(t.b)
			}
			*names = append(*names, strconv.Quote(n))
		}
	}
	return dst
}

// pairHash combines two term hashes into one, in order.
func pairHash(a, b uint64) uint64 { return a*0x9e3779b97f4a7c15 ^ b }

// cueRelation encodes where a cue word sits relative to the target: the
// signed distance bucket, whether it is in the target's clause and whether
// it is negated.
func cueRelation(d int, inClause, negated bool) uint64 {
	var r uint64
	switch {
	case d >= -2 && d < 0:
		r = 1
	case d >= -6 && d < 0:
		r = 2
	case d < 0:
		r = 3
	case d <= 2:
		r = 4
	case d <= 6:
		r = 5
	default:
		r = 6
	}
	if inClause {
		r |= 8
	}
	if negated {
		r |= 16
	}
	return r
}

func cueName(cat string, d int, inClause, negated bool) string {
	var b strings.Builder
	b.WriteString(cat + " cue word ")
	ad, where := d, "after"
	if d < 0 {
		ad, where = -d, "before"
	}
	switch {
	case ad <= 2:
		b.WriteString("within 2 words ")
	case ad <= 6:
		b.WriteString("within 6 words ")
	default:
		b.WriteString("far ")
	}
	b.WriteString(where + " target")
	if inClause {
		b.WriteString(", in its clause")
	}
	if negated {
		b.WriteString(", negated")
	}
	return b.String()
}

// article returns the indefinite article for the category name cat.
func article(cat string) string {
	if strings.IndexByte("aeiou", cat[0]) >= 0 {
		return "an"
	}
	return "a"
}

func wrapNeg(neg byte, s string) string {
	if neg != 0 {
		return "negated " + s
	}
	return s
}

// id mixes a namespace and two term hashes into a feature id: the inputs
// are combined with odd multipliers and passed through the 64-bit
// finaliser of SplitMix64, a bijection with full avalanche. It is cheaper
// than hashing the 25 bytes again and as well spread.
//
// The low four bits of the id are replaced by the feature's Group, so that
// a model can weigh groups differently (see GroupOf).
func (e *Extractor) id(ns byte, h1, h2 uint64) uint64 {
	x := h1*0x9e3779b97f4a7c15 ^ bits.RotateLeft64(h2, 31)*0xc2b2ae3d27d4eb4f ^ uint64(ns)*0x165667b19e3779f9 ^ e.cfg.seed
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x&^groupMask | uint64(nsGroup[ns&^nsNegated])
}

// Group is the kind of a feature, carried in the low bits of its id.
type Group uint8

// The feature groups.
const (
	GroupUnigram       Group = iota // words of the sentence
	GroupBigram                     // adjacent word pairs
	GroupWindow                     // words near the target, by side and distance
	GroupSide                       // every word, by side of the target
	GroupClause                     // words in the target's clause
	GroupCue                        // cue-word categories relative to the target
	GroupCueAny                     // cue-word categories anywhere
	GroupTargetBigram               // bigrams with the target placeholder in them
	GroupNear                       // words next to the target, by side
	GroupTargetTrigram              // trigrams with the target placeholder in them, and their cue variants
	NumGroups                       // the number of groups
)

const groupMask = 0xf

var groupNames = [NumGroups]string{"unigram", "bigram", "window", "side", "clause", "cue", "cue-any", "target-bigram", "near", "target-trigram"}

// String returns the group's name.
func (g Group) String() string {
	if g < NumGroups {
		return groupNames[g]
	}
	return "group(" + strconv.Itoa(int(g)) + ")"
}

// ParseGroup returns the group with the given name (see Group.String).
func ParseGroup(name string) (Group, error) {
	for g, n := range groupNames {
		if n == name {
			return Group(g), nil
		}
	}
	return 0, fmt.Errorf("features: unknown feature group %q (want one of %s)", name, strings.Join(groupNames[:], ", "))
}

// GroupSet is a set of feature groups: bit g is group g.
type GroupSet uint16

// groupsOn returns the groups whose ids the settings c compute when the
// groups in omit are left out: the one rule that extractPrepared, Layout
// and AppendTarget follow.
func (c config) groupsOn(omit GroupSet) GroupSet {
	on := GroupSet(1 << GroupUnigram)
	if c.window > c.near { // window words farther than near
		on |= 1 << GroupWindow
	}
	if min(c.window, c.near) > 0 { // window words within near
		on |= 1 << GroupNear
	}
	if c.bigrams {
		on |= 1<<GroupBigram | 1<<GroupTargetBigram
	}
	if c.trigrams {
		on |= 1 << GroupTargetTrigram
	}
	if c.sides {
		on |= 1 << GroupSide
	}
	if c.clause {
		on |= 1 << GroupClause
	}
	if c.lexicon {
		on |= 1<<GroupCue | 1<<GroupCueAny
	}
	return on &^ omit
}

// Groups returns the feature groups whose ids the extractor computes
// (those of AppendFeatures), by its settings.
func (e *Extractor) Groups() GroupSet { return e.cfg.groupsOn(0) }

// Has reports whether g is in the set.
func (s GroupSet) Has(g Group) bool { return s&(1<<g) != 0 }

// GroupOf returns the group of a feature id produced by an Extractor.
func GroupOf(id uint64) Group { return Group(id & groupMask) }

var nsGroup = [128]Group{
	nsUnigram: GroupUnigram, nsBigram: GroupBigram, nsLeft: GroupWindow, nsRight: GroupWindow,
	nsTBigram: GroupTargetBigram, nsNearLeft: GroupNear, nsNearRight: GroupNear,
	nsLeftSide: GroupSide, nsRightSide: GroupSide, nsClause: GroupClause, nsCue: GroupCue, nsCueAny: GroupCueAny,
	nsTTrigram: GroupTargetTrigram,
}

// Term classes, above the cue categories in the term table.
const (
	tcNegCue   uint32 = 1 << (8 + iota) // starts negation scope
	tcClause                            // a conjunction that ends a clause
	tcPunctEnd                          // punctuation that ends a clause and negation scope
	tcBut                               // "but": ends negation scope
)

var (
	negationCues = []string{"not", "n't", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing",
		"cannot", "hardly", "barely", "scarcely", "lacks", "lacked", "failed", "fails", "refused", "declined"}
	clauseWords = []string{"but", "while", "whereas", "although", "though", "however", "yet", "meanwhile",
		"after", "before", "because", "who", "which", "when"}
	clausePunct = []string{".", ",", ";", ":", "!", "?", "\"", "(", ")", "-", "..."}
)

// loadTermTable indexes, by term hash, the lexicon's cue categories, the
// term classes, the holder word classes and the mention finder's word
// classes.
var loadTermTable = sync.OnceValue(func() *wordTable {
	m := map[uint64]uint32{}
	for w, mask := range loadLexicon() {
		m[normHash(w)] |= uint32(mask)
	}
	addNameClasses(m)
	return buildWordTable(m, append([]wordClass{{tcNegCue, negationCues}, {tcClause, clauseWords},
		{tcPunctEnd, clausePunct}, {tcBut, []string{"but"}}}, holderClasses...)...)
})

// Errors returned by UnmarshalExtractor.
var (
	ErrExtractorEncoding = errors.New("features: malformed extractor encoding")
	ErrFeatureVersion    = errors.New("features: unsupported feature set version")
)

// MarshalBinary encodes the extractor's settings and the feature set
// version, so that UnmarshalExtractor can rebuild an extractor that
// produces the same feature ids.
func (e *Extractor) MarshalBinary() ([]byte, error) {
	c := e.cfg
	b := make([]byte, 0, 32)
	b = binary.AppendUvarint(b, uint64(c.version))
	b = binary.AppendUvarint(b, uint64(c.window))
	b = binary.AppendUvarint(b, uint64(c.near))
	var flags byte
	for i, on := range []bool{c.bigrams, c.negation, c.sides, c.others, c.clause, c.lexicon, c.trigrams, c.cueTri} {
		if on {
			flags |= 1 << i
		}
	}
	b = append(b, flags)
	b = binary.LittleEndian.AppendUint64(b, c.seed)
	return b, nil
}

// UnmarshalExtractor decodes settings written by MarshalBinary, of
// feature set MinVersion to Version; the extractor produces the ids of
// the version it was written with. Data of another feature set version
// gives an error wrapping ErrFeatureVersion;
// malformed data one wrapping ErrExtractorEncoding.
func UnmarshalExtractor(data []byte) (*Extractor, error) {
	r := data
	next := func(what string) (uint64, error) {
		v, n := binary.Uvarint(r)
		if n <= 0 {
			return 0, fmt.Errorf("%w: bad %s", ErrExtractorEncoding, what)
		}
		r = r[n:]
		return v, nil
	}
	v, err := next("version")
	if err != nil {
		return nil, err
	}
	if v < MinVersion || v > Version {
		return nil, fmt.Errorf("%w: %d (this build reads %d to %d)", ErrFeatureVersion, v, MinVersion, Version)
	}
	c := config{version: int(v)}
	w, err := next("window")
	if err != nil {
		return nil, err
	}
	near, err := next("near")
	if err != nil {
		return nil, err
	}
	if w > maxWindow || near > maxWindow {
		return nil, fmt.Errorf("%w: window %d, near %d out of range", ErrExtractorEncoding, w, near)
	}
	c.window, c.near = int(w), int(near)
	if len(r) != 9 {
		return nil, fmt.Errorf("%w: %d trailing bytes, want 9", ErrExtractorEncoding, len(r))
	}
	flags := r[0] // all eight bits are in use: a ninth setting needs a new encoding
	c.bigrams, c.negation, c.sides, c.others, c.clause = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0, flags&16 != 0
	c.lexicon, c.trigrams, c.cueTri = flags&32 != 0, flags&64 != 0, flags&128 != 0
	c.seed = binary.LittleEndian.Uint64(r[1:])
	return newExtractor(c), nil
}

// GomlTokenizer adapts an Extractor to the Tokenize(string) []string
// method that goml's text.NaiveBayes expects, so that goml can be trained
// and evaluated on exactly the same features. The input string is a pair
// encoded by EncodePair; each feature id becomes a 16-digit hex word (goml
// drops words shorter than 3 bytes, so ids must not be short). Tokenize
// returns nil for a string that EncodePair did not produce.
type GomlTokenizer struct {
	Extractor *Extractor
	Omit      GroupSet // groups whose ids are left out (see AppendFeaturesExcept)
}

// EncodePair encodes a (text, target) pair as one string for
// GomlTokenizer: "start:end:text".
func EncodePair(text string, target Span) string {
	return strconv.Itoa(target.Start) + ":" + strconv.Itoa(target.End) + ":" + text
}

// Tokenize implements goml's text.Tokenizer.
func (g GomlTokenizer) Tokenize(pair string) []string {
	a, rest, ok1 := strings.Cut(pair, ":")
	b, text, ok2 := strings.Cut(rest, ":")
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	sp := Span{start, end}
	if !ok1 || !ok2 || err1 != nil || err2 != nil || !sp.In(len(text)) {
		return nil
	}
	var buf [128]uint64
	ids := g.Extractor.AppendFeaturesExcept(buf[:0], text, sp, g.Omit)
	// The words are spelt into one string that they share, so that goml's
	// cost is goml's and not the harness's (fmt.Sprintf per id had charged
	// goml ~11 µs a pair: BenchmarkPredictGoml before and after commit
	// c90af22, .ci/ab c90af22^ c90af22 PredictGoml). Every key goml
	// keeps in training holds its pair's string alive, a cost of this
	// baseline only.
	const digits = 16
	hexw := make([]byte, digits*len(ids))
	for i, id := range ids {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], id)
		hex.Encode(hexw[i*digits:], b[:])
	}
	all := string(hexw)
	out := make([]string, len(ids))
	for i := range out {
		out[i] = all[i*digits : (i+1)*digits]
	}
	return out
}
