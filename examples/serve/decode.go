package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/stancekit/stancekit/internal/strictjson"
	"github.com/stancekit/stancekit/internal/utf8pos"
)

// Request keys as the endpoints spell them. encoding/json matches keys
// case-insensitively (and "ſ" as "s"), so decode checks the spelling itself.
var (
	analyzeKeys  = []string{"text", "gazetteer", "name", "kind", "aliases"}
	classifyKeys = []string{"sentence", "targets", "start", "end"}
)

// decode parses a JSON body strictly into v, a pointer to a request
// struct whose keys are keys: the body must be valid UTF-8 and one JSON
// object with nothing after it; every key must be one of keys, spelled
// exactly, and appear at most once in its object; no string may hold an
// unpaired UTF-16 surrogate escape; and v's fields must take the values.
// Errors give the byte offset (counted from 0) where it is known. encoding/json alone would
// match keys case-insensitively, let a later duplicate win and turn a lone
// surrogate or invalid UTF-8 into U+FFFD, losing input silently.
func decode(body []byte, v any, keys []string) error {
	if !utf8.Valid(body) {
		return fmt.Errorf("request body is not valid UTF-8 (first bad byte at offset %d)", utf8pos.FirstInvalid(string(body)))
	}
	if err := checkTokens(body, keys); err != nil {
		return err
	}
	// A key given twice in one object, or an unpaired surrogate: the keys
	// are spelled exactly (checkTokens), so they compare exactly.
	if err := strictjson.Check(body, nil); err != nil {
		return fmt.Errorf("malformed JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	return nil // checkTokens saw that nothing follows the object
}

// checkTokens scans body's JSON tokens: one object, then the end of the
// body; in every object, keys from known (strictjson.Check finds a key
// given twice).
func checkTokens(body []byte, known []string) error {
	type frame struct {
		object  bool
		wantKey bool // the next token of this object is a key or '}'
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // numbers are not parsed here, so none is out of range
	var stack []frame
	for {
		off := strictjson.NextToken(body, dec.InputOffset()) // where the next token starts
		tok, err := dec.Token()
		switch {
		case err == io.EOF && len(stack) == 0:
			return errors.New("empty request body; want a JSON object")
		case err == io.EOF:
			return fmt.Errorf("malformed JSON at byte %d: unexpected end of data", len(body))
		case err != nil:
			return jsonError(err)
		case len(stack) == 0 && tok != json.Delim('{'):
			return fmt.Errorf("malformed JSON at byte %d: want a JSON object, got %s", off, strictjson.Kind(tok))
		}
		if n := len(stack); n > 0 && stack[n-1].wantKey && tok != json.Delim('}') {
			key := tok.(string) // the decoder allows nothing else here
			top := &stack[n-1]
			if !slices.Contains(known, key) {
				return fmt.Errorf("unknown field %q at byte %d; the fields are %s, spelled exactly so", key, off, strings.Join(known, ", "))
			}
			top.wantKey = false
			continue
		}
		// tok starts, ends or is a value.
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true // after this value
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, wantKey: true})
		case json.Delim('['):
			stack = append(stack, frame{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				end := strictjson.NextToken(body, dec.InputOffset())
				if _, err := dec.Token(); err != io.EOF {
					return fmt.Errorf("malformed JSON at byte %d: data after the object", end)
				}
				return nil
			}
		}
	}
}

// jsonError rewords an error of encoding/json for a client: with the byte
// offset, the field and the JSON type wanted, and without Go type names.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("malformed JSON near byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("malformed JSON near byte %d: want a JSON object, got %s", typ.Offset, typ.Value)
	case errors.As(err, &typ):
		return fmt.Errorf("malformed JSON near byte %d: field %s: want %s, got %s", typ.Offset, typ.Field, jsonType(typ.Type), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("malformed JSON: unexpected end of data")
	}
	return fmt.Errorf("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonType names the JSON type that decodes into a value of type t.
func jsonType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another type"
}
