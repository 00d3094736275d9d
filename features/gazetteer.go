package features

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/internal/strictjson"
	"github.com/stancekit/stancekit/internal/utf8pos"
)

// Entity is a canonical entity of a Gazetteer: its name, its kind (free
// text such as "org", "country", "person"; may be empty) and the other
// ways texts refer to it.
type Entity struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
}

// ErrGazetteer is wrapped by the errors of NewGazetteer and ReadGazetteer.
var ErrGazetteer = errors.New("features: bad gazetteer")

// Gazetteer finds known entities in text by their names and aliases. Its
// matching is by whole tokens and case-insensitive, so "the alliance" and
// "The Alliance" both match an alias "the alliance", except that a short
// alias written in capitals — an acronym of at most three letters such as
// "US", "UN" or "EU" — matches only in capitals, so that "us" is not the
// United States. The longest match wins where aliases overlap.
//
// A *Gazetteer is immutable after construction and safe for concurrent
// use.
type Gazetteer struct {
	entities []Entity
	root     gazNode // a trie of the forms by normalised token
}

// gazNode is a node of a Gazetteer's trie: the path from the root spells
// a sequence of normalised tokens.
type gazNode struct {
	next  map[string]*gazNode // by the next normalised token
	forms []gazForm           // the forms that end here, in the order given
}

type gazForm struct {
	exact  string // non-empty: the form must match this text exactly (short acronyms)
	entity int
}

// MaxAliasWords is the most tokens — words and punctuation — a gazetteer
// name or alias may have.
// Matching costs at most this many steps per token of the text, whatever
// the gazetteer holds.
const MaxAliasWords = 32

// NewGazetteer builds a gazetteer. Every entity needs a name; names and
// aliases must be valid UTF-8, hold from one to MaxAliasWords tokens and
// at least one letter or digit.
// The same form may not name two entities.
func NewGazetteer(entities []Entity) (*Gazetteer, error) {
	// A deep copy: the caller may reuse its alias slices, and the
	// Gazetteer must stay as built (it is shared between goroutines).
	g := &Gazetteer{entities: cloneEntities(entities)}
	var toks []Token
	for i, e := range g.entities {
		if strings.TrimSpace(e.Name) == "" {
			return nil, fmt.Errorf("%w: entity %d has no name", ErrGazetteer, i)
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if !utf8.ValidString(a) {
				return nil, fmt.Errorf("%w: entity %q: alias %q is not valid UTF-8", ErrGazetteer, e.Name, a)
			}
			toks = Tokenize(toks[:0], a)
			switch {
			case len(toks) == 0:
				return nil, fmt.Errorf("%w: entity %q: alias %q has no words", ErrGazetteer, e.Name, a)
			case strings.IndexFunc(a, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0:
				// "-" or "." would make every dash or full stop a mention.
				return nil, fmt.Errorf("%w: entity %q: alias %q has no letter or digit", ErrGazetteer, e.Name, a)
			case len(toks) > MaxAliasWords:
				return nil, fmt.Errorf("%w: entity %q: %s has %d tokens (words and punctuation), at most %d", ErrGazetteer, e.Name, shortQuote(a), len(toks), MaxAliasWords)
			}
			if err := g.add(a, toks, i); err != nil {
				return nil, err
			}
			if hasJoiner(a) {
				// Also as the tokenizer of feature sets before 11 splits
				// it, for a model of such a set.
				if toks = tokenize(toks[:0], a, false); len(toks) <= MaxAliasWords {
					if err := g.add(a, toks, i); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return g, nil
}

// add puts the form a of entity i, whose tokens are toks, into g's tree.
func (g *Gazetteer) add(a string, toks []Token, i int) error {
	n := &g.root
	for _, t := range toks {
		w := Normalize(t.Text(a))
		c := n.next[w]
		if c == nil {
			if n.next == nil {
				n.next = make(map[string]*gazNode)
			}
			c = &gazNode{}
			n.next[w] = c
		}
		n = c
	}
	f := gazForm{entity: i}
	if isShortAcronym(a) {
		f.exact = a
	}
	// The forms that end at a node have the same words: one with the same
	// spelling rule is the same form.
	if j := slices.IndexFunc(n.forms, func(o gazForm) bool { return o.exact == f.exact }); j >= 0 {
		if o := n.forms[j].entity; o != i {
			return fmt.Errorf("%w: %q names both %q and %q", ErrGazetteer, a, g.entities[o].Name, g.entities[i].Name)
		}
		return nil
	}
	n.forms = append(n.forms, f)
	return nil
}

// shortQuote quotes s, cut to its first 40 bytes (on a character
// boundary) and marked as cut if it is longer.
func shortQuote(s string) string {
	if len(s) <= 40 {
		return strconv.Quote(s)
	}
	n := 40
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strconv.Quote(s[:n]) + "…"
}

// isShortAcronym reports whether s is two or three letters, all upper case.
func isShortAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 3
}

// MaxGazetteerBytes is the largest gazetteer ReadGazetteer reads.
const MaxGazetteerBytes = 64 << 20

// ReadGazetteer reads a gazetteer from JSON: an array of entities,
//
//	[{"name": "NATO", "kind": "org", "aliases": ["North Atlantic Treaty Organization", "the alliance"]}]
//
// or an object from canonical name to entity without the name,
//
//	{"United States": {"kind": "country", "aliases": ["U.S.", "US", "USA"]}}
//
// (entities then in the order of their names). It reads strictly, so that
// nothing is lost without an error: the input must be valid UTF-8 and at
// most MaxGazetteerBytes; an entity may have only the keys "name", "kind"
// and "aliases", spelled so, each once; no name may be given twice in the second form;
// and no string may hold an unpaired UTF-16 surrogate escape. Errors wrap
// ErrGazetteer and say where, by line and byte offset. A byte-order mark
// at the start is skipped.
func ReadGazetteer(r io.Reader) (*Gazetteer, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxGazetteerBytes+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrGazetteer, err)
	case len(data) > MaxGazetteerBytes:
		return nil, fmt.Errorf("%w: larger than %d bytes (MaxGazetteerBytes)", ErrGazetteer, MaxGazetteerBytes)
	case !utf8.Valid(data):
		return nil, fmt.Errorf("%w: invalid UTF-8 at %s", ErrGazetteer, gazWhere(data, utf8pos.FirstInvalid(string(data))))
	}
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		// A byte-order mark, as Windows editors write: white space to
		// JSON, so that offsets in errors stay those of the file.
		copy(data, "   ")
	}
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, fmt.Errorf("%w: malformed JSON at %s: %v", ErrGazetteer, gazWhere(data, int(se.Offset)), err)
		}
		return nil, fmt.Errorf("%w: malformed JSON: %v", ErrGazetteer, err)
	}
	if err := strictjson.Check(data, nil); err != nil { // what encoding/json would let pass, losing input
		line := ""
		if se, ok := errors.AsType[*strictjson.Error](err); ok {
			line = fmt.Sprintf(" (on line %d)", lineOf(data, se.Offset))
		}
		return nil, fmt.Errorf("%w: %v%s", ErrGazetteer, err, line)
	}
	// Each entity is decoded on its own, so that an error can say which.
	dec := json.NewDecoder(bytes.NewReader(data))
	first, _ := dec.Token() // valid JSON: no error
	var list []Entity
	switch first {
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			off := int(strictjson.NextToken(data, dec.InputOffset()))
			var raw json.RawMessage
			_ = dec.Decode(&raw) // valid JSON: no error
			e, err := decodeEntity(raw)
			if err != nil {
				return nil, fmt.Errorf("%w: entity %d at %s: %v", ErrGazetteer, i, gazWhere(data, off), err)
			}
			list = append(list, e)
		}
	case json.Delim('{'):
		for dec.More() {
			off := int(strictjson.NextToken(data, dec.InputOffset()))
			tok, _ := dec.Token()
			name := tok.(string) // valid JSON: an object's key
			var raw json.RawMessage
			_ = dec.Decode(&raw)
			e, err := decodeEntity(raw)
			if err == nil && e.Name != "" && e.Name != name {
				err = fmt.Errorf("\"name\" %q differs from the key; in this form the key is the name", e.Name)
			}
			if err != nil {
				return nil, fmt.Errorf("%w: entity %q at %s: %v", ErrGazetteer, name, gazWhere(data, off), err)
			}
			e.Name = name
			list = append(list, e)
		}
		slices.SortStableFunc(list, func(a, b Entity) int { return strings.Compare(a.Name, b.Name) })
	default:
		return nil, fmt.Errorf("%w: want a JSON array of entities or an object of name to entity, got %s", ErrGazetteer, strictjson.Kind(first))
	}
	return NewGazetteer(list)
}

// decodeEntity decodes one entity of a gazetteer: an object with no keys
// but Entity's, spelled as documented (encoding/json would match "NAME"
// or "Aliases" too), which also makes Check's exact comparison of them
// enough. raw is valid JSON.
func decodeEntity(raw json.RawMessage) (Entity, error) {
	var e Entity
	if len(raw) == 0 || raw[0] != '{' {
		var v any
		_ = json.Unmarshal(raw, &v)
		return e, fmt.Errorf("want a JSON object, got %s", strictjson.Kind(v))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	_, _ = dec.Token() // '{'
	for dec.More() {
		tok, _ := dec.Token()
		k := tok.(string)
		var dst any
		want := "a string"
		switch k {
		case "name":
			dst = &e.Name
		case "kind":
			dst = &e.Kind
		case "aliases":
			dst, want = &e.Aliases, "an array of strings"
		default:
			return e, fmt.Errorf("unknown field %q: the fields are \"name\", \"kind\" and \"aliases\", spelled so", k)
		}
		if err := dec.Decode(dst); err != nil {
			got := "value of another type"
			if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
				got = te.Value
			}
			return e, fmt.Errorf("%q: want %s, got a JSON %s", k, want, got)
		}
	}
	return e, nil
}

// gazWhere gives byte offset off of data as "line L (byte B)", lines counted
// from 1 and bytes from 0.
func gazWhere(data []byte, off int) string {
	return fmt.Sprintf("line %d (byte %d)", lineOf(data, off), off)
}

// lineOf returns the line of data that byte offset off is on, from 1.
func lineOf(data []byte, off int) int {
	return bytes.Count(data[:min(max(off, 0), len(data))], []byte("\n")) + 1
}

// Entities returns a copy of the gazetteer's entities, in the order given:
// changing it changes nothing in g.
func (g *Gazetteer) Entities() []Entity { return cloneEntities(g.entities) }

// aliasJoins reports whether tokens a and b of text can be consecutive
// words of an alias: next to each other or apart by one or two spaces,
// plain or no-break, as Mentions joins a name's words ("Gustavo  Petro",
// "Gustavo\u00a0Petro"), or by one line break or tab, as in hard-wrapped
// text ("the\nalliance", "the\r\nalliance").
func aliasJoins(text string, a, b Token) bool {
	if adjacent(text, a, b) || adjacentWide(text, a, b) {
		return true
	}
	switch text[a.End:b.Start] {
	case "\n", "\r\n", "\r", "\t":
		return true
	}
	return false
}

// cloneEntities copies es and each entity's Aliases.
func cloneEntities(es []Entity) []Entity {
	out := slices.Clone(es)
	for i := range out {
		out[i].Aliases = slices.Clone(out[i].Aliases)
	}
	return out
}

// Len returns the number of entities; 0 for a nil Gazetteer.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.entities)
}

// Entity returns entity i of Entities without copying the list. Its
// Aliases slice is shared and must not be modified.
func (g *Gazetteer) Entity(i int) Entity { return g.entities[i] }

// Match is a gazetteer match: a span of the text and the index of the
// entity in Entities.
type Match struct {
	Span
	Entity int
}

// AppendMatches appends to dst the non-overlapping matches in text, in
// order, and returns the extended slice. toks must be the tokens of text
// (from Tokenize, or from the Tokenize of the Extractor whose mentions the
// matches go with); pass nil to have them computed by Tokenize. Forms
// and text are compared as Normalize spells them, which drops invisible
// joiners: "Zelen\u00adskyy" matches "Zelenskyy", and the other way. Tokens that cannot be
// text's — empty, out of order, overlapping or past its end, such as a
// longer sentence's — are not used: text is tokenized anew; another
// text's tokens that happen to fit are taken as given. It walks the
// trie from each token where no match covers it, at most MaxAliasWords
// tokens deep. A match never cuts a social-media handle (see Mentions):
// one of all of a handle but its "@" ("nasa" of "@nasa") is the whole
// handle, and one of less or more of it ("nasa" of "@nasa_jpl") is none.
func (g *Gazetteer) AppendMatches(dst []Match, text string, toks []Token) []Match {
	if g == nil || g.root.next == nil {
		return dst
	}
	if toks == nil || !tokensFit(toks, len(text)) {
		toks = Tokenize(nil, text)
	}
	handles := strings.IndexByte(text, '@') >= 0
	var buf [64]byte // most words fit: no allocation
	for i := 0; i < len(toks); {
		entity, end := -1, 0 // the longest match so far, and the token after it
		n := &g.root
		for k := i; k < len(toks); k++ {
			if k > i && !aliasJoins(text, toks[k-1], toks[k]) {
				break
			}
			if n = n.next[string(AppendNormalized(buf[:0], toks[k].Text(text)))]; n == nil {
				break
			}
			for _, f := range n.forms {
				if f.exact == "" || text[toks[i].Start:toks[k].End] == f.exact {
					entity, end = f.entity, k+1
					break
				}
			}
		}
		start := i
		if entity >= 0 && handles {
			if h, hEnd, ok := handleOver(text, toks, i, end); ok {
				if hEnd == end && (h == i || h == i-1) {
					start = h // the handle, or all of it but its "@"
				} else {
					entity = -1 // it would cut the handle
				}
			}
		}
		if entity < 0 {
			i++
			continue
		}
		dst = append(dst, Match{Span: Span{toks[start].Start, toks[end-1].End}, Entity: entity})
		i = end
	}
	return dst
}

// tokensFit reports whether toks can be the tokens of a text of n bytes.
func tokensFit(toks []Token, n int) bool {
	prevEnd := 0
	for _, t := range toks {
		if !tokenFollows(t, prevEnd, n) {
			return false
		}
		prevEnd = t.End
	}
	return true
}
