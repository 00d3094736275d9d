package features

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// byFirst maps the normalised first token of a form to the forms that
	// start with it, longest first.
	byFirst map[string][]form
}

type form struct {
	tokens []string // normalised tokens
	exact  string   // non-empty: the form must match this text exactly (short acronyms)
	entity int
}

// NewGazetteer builds a gazetteer. Every entity needs a name; names and
// aliases must be valid UTF-8 and contain a token. The same form may not
// name two entities.
func NewGazetteer(entities []Entity) (*Gazetteer, error) {
	g := &Gazetteer{entities: append([]Entity(nil), entities...), byFirst: make(map[string][]form)}
	owner := map[string]int{}
	for i, e := range g.entities {
		if strings.TrimSpace(e.Name) == "" {
			return nil, fmt.Errorf("%w: entity %d has no name", ErrGazetteer, i)
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if !utf8.ValidString(a) {
				return nil, fmt.Errorf("%w: entity %q: alias %q is not valid UTF-8", ErrGazetteer, e.Name, a)
			}
			f := form{entity: i}
			for _, t := range Tokenize(nil, a) {
				f.tokens = append(f.tokens, Normalize(t.Text(a)))
			}
			if len(f.tokens) == 0 {
				return nil, fmt.Errorf("%w: entity %q: alias %q has no words", ErrGazetteer, e.Name, a)
			}
			if isShortAcronym(a) {
				f.exact = a
			}
			key := strings.Join(f.tokens, " ") + "\x00" + f.exact
			if j, ok := owner[key]; ok {
				if j == i {
					continue
				}
				return nil, fmt.Errorf("%w: %q names both %q and %q", ErrGazetteer, a, g.entities[j].Name, e.Name)
			}
			owner[key] = i
			g.byFirst[f.tokens[0]] = append(g.byFirst[f.tokens[0]], f)
		}
	}
	for k, fs := range g.byFirst {
		sort.SliceStable(fs, func(a, b int) bool { return len(fs[a].tokens) > len(fs[b].tokens) })
		g.byFirst[k] = fs
	}
	return g, nil
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

// ReadGazetteer reads a gazetteer from JSON: an array of entities,
//
//	[{"name": "NATO", "kind": "org", "aliases": ["North Atlantic Treaty Organization", "the alliance"]}]
//
// or an object from canonical name to entity without the name,
//
//	{"United States": {"kind": "country", "aliases": ["U.S.", "US", "America", "Washington"]}}
func ReadGazetteer(r io.Reader) (*Gazetteer, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrGazetteer, err)
	}
	var list []Entity
	if err := json.Unmarshal(data, &list); err != nil {
		var byName map[string]Entity
		if err2 := json.Unmarshal(data, &byName); err2 != nil {
			return nil, fmt.Errorf("%w: want a JSON array of entities or an object of name to entity: %w", ErrGazetteer, err)
		}
		names := make([]string, 0, len(byName))
		for n := range byName {
			names = append(names, n)
		}
		sort.Strings(names) // deterministic order
		for _, n := range names {
			e := byName[n]
			e.Name = n
			list = append(list, e)
		}
	}
	return NewGazetteer(list)
}

// Entities returns the gazetteer's entities, in the order given.
func (g *Gazetteer) Entities() []Entity { return append([]Entity(nil), g.entities...) }

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
// (from Tokenize); pass nil to have them computed.
func (g *Gazetteer) AppendMatches(dst []Match, text string, toks []Token) []Match {
	if g == nil || len(g.byFirst) == 0 {
		return dst
	}
	if toks == nil {
		toks = Tokenize(nil, text)
	}
	var first [64]byte // most words fit: no allocation
	for i := 0; i < len(toks); {
		fs := g.byFirst[string(AppendNormalized(first[:0], toks[i].Text(text)))]
		matched := false
		for _, f := range fs {
			if i+len(f.tokens) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(f.tokens) && ok; k++ {
				ok = toks[i+k].Start-toks[i+k-1].End <= 1 && normalizedIs(toks[i+k].Text(text), f.tokens[k])
			}
			sp := Span{toks[i].Start, toks[i+len(f.tokens)-1].End}
			if ok && f.exact != "" && text[sp.Start:sp.End] != f.exact {
				ok = false
			}
			if ok {
				dst = append(dst, Match{Span: sp, Entity: f.entity})
				i += len(f.tokens)
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return dst
}

// normalizedIs reports whether w normalises to form, without allocating
// for words that fit the stack buffer.
func normalizedIs(w, form string) bool {
	var b [64]byte
	return string(AppendNormalized(b[:0], w)) == form
}
