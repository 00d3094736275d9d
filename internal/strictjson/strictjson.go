// Package strictjson finds what encoding/json accepts while losing input:
// a key given twice in one object, of which json.Unmarshal keeps the last
// value, and a \u escape of an unpaired UTF-16 surrogate, which it turns
// into U+FFFD. The readers of corpus files, gazetteers and request bodies
// call it so that such input is an error that says where, not a silent
// change.
package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is Check's error: what is wrong, and where.
type Error struct {
	Offset int // the byte offset in data of the key or escape
	msg    string
}

func (e *Error) Error() string { return e.msg }

// Schema names the fields of the objects a caller decodes into structs:
// Fields are an object's, and Under gives, by field, the Schema of the
// objects under it (its value, or the elements of its array). Objects
// without a Schema — ignored ones, or maps — have no fields.
type Schema struct {
	Fields []string
	Under  map[string]*Schema
}

// Check scans data, which must be valid JSON (json.Valid, or accepted by
// json.Unmarshal), and returns an *Error for the first key that repeats a
// key of the same object, or for the first unpaired surrogate escape, with
// its byte offset in data. In an object that s (nil for none) gives
// fields, a key that matches a field — exactly, else without regard to
// case, as encoding/json matches keys to the fields of a struct — counts as
// that field ("Text" repeats "text" when "text" is a field); other keys
// compare exactly, once decoded. On data that is not valid JSON, Check may
// report nothing; it never panics. It takes time linear in the length of
// data, and allocates only for escaped or invalid UTF-8 keys, objects of
// more than 16 keys and nesting deeper than eight.
func Check(data []byte, s *Schema) error {
	type frame struct {
		object  bool
		wantKey bool           // in an object, the next string is a key
		first   int            // the object's keys are keys[first:]
		set     map[string]int // the same once there are many: key as counted → index in keys
		schema  *Schema        // an object's own; an array's elements'
		child   *Schema        // in an object, the Schema under the last key read
	}
	var stackBuf [8]frame
	var keysBuf [32]key
	stack := stackBuf[:0] // on the stack until a line nests deeper or holds more keys
	keys := keysBuf[:0]   // the keys of the objects open, outermost first
	// under returns the Schema of a value that starts now.
	under := func() *Schema {
		switch n := len(stack); {
		case n == 0:
			return s
		case stack[n-1].object:
			return stack[n-1].child
		}
		return stack[len(stack)-1].schema
	}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			stack = append(stack, frame{object: true, wantKey: true, first: len(keys), schema: under()})
		case '[':
			stack = append(stack, frame{schema: under()})
		case '}', ']':
			if n := len(stack); n > 0 {
				if stack[n-1].object {
					keys = keys[:stack[n-1].first]
				}
				stack = stack[:n-1]
			}
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].wantKey = true
			}
		case '"':
			start := i
			end, escaped, err := stringEnd(data, i)
			if err != nil || end < 0 {
				return err // end < 0: not closed, so not valid JSON
			}
			i = end - 1
			n := len(stack)
			if n == 0 || !stack[n-1].object || !stack[n-1].wantKey {
				continue // a value
			}
			top := &stack[n-1]
			top.wantKey = false
			k := key{field: -1, start: start, a: start + 1, b: end - 1}
			if escaped || !utf8.Valid(data[k.a:k.b]) { // decoded, invalid UTF-8 reads as U+FFFD
				k.escaped, k.esc = true, unquote(data[start:end]) // apart, so that k does not escape to the heap
			}
			var fields []string
			if top.schema != nil {
				fields = top.schema.Fields
				k.field = k.match(data, fields)
			}
			top.child = nil
			if k.field >= 0 {
				top.child = top.schema.Under[fields[k.field]]
			}
			prev := -1
			if top.set != nil {
				if p, ok := top.set[k.counted(data, fields)]; ok {
					prev = p
				}
			} else {
				for p := top.first; p < len(keys); p++ {
					if keys[p].same(data, k) {
						prev = p
						break
					}
				}
			}
			if prev >= 0 {
				was, is := keys[prev].text(data), k.text(data)
				if was == is {
					return &Error{start, fmt.Sprintf("duplicate key %q at byte %d: give each key once", is, start)}
				}
				return &Error{start, fmt.Sprintf("duplicate key %q at byte %d (%q before it; keys are matched to fields without regard to case): give each key once", is, start, was)}
			}
			keys = append(keys, k)
			if top.set == nil && len(keys)-top.first > 16 {
				top.set = make(map[string]int, 64)
				for p := top.first; p < len(keys); p++ {
					top.set[keys[p].counted(data, fields)] = p
				}
			} else if top.set != nil {
				top.set[k.counted(data, fields)] = len(keys) - 1
			}
		}
	}
	return nil
}

// unquote decodes a JSON string that Check found valid.
func unquote(q []byte) string {
	var s string
	_ = json.Unmarshal(q, &s)
	return s
}

// key is a key of an object that Check has read.
type key struct {
	field   int    // the index of the field it counts as, or -1
	start   int    // the offset of its opening quote
	a, b    int    // its bytes in data, as written
	escaped bool   // written with escapes or invalid UTF-8: then esc is the key
	esc     string // the decoded key, when escaped
}

// match returns the index of the field the key counts as, or -1: the
// field it spells exactly, else the first it matches without regard to
// case, as encoding/json chooses.
func (k key) match(data []byte, fields []string) int {
	for f, name := range fields {
		if k.escaped && k.esc == name || !k.escaped && string(data[k.a:k.b]) == name {
			return f
		}
	}
	for f, name := range fields {
		if k.equalFold(data, name) {
			return f
		}
	}
	return -1
}

// equalFold reports whether the key matches name without regard to case.
// The conversion of a key of up to 32 bytes does not allocate: its string
// does not outlive the call.
func (k key) equalFold(data []byte, name string) bool {
	if k.escaped {
		return strings.EqualFold(k.esc, name)
	}
	return strings.EqualFold(string(data[k.a:k.b]), name)
}

// same reports whether k and o count as the same key: the same field, or
// keys that are no field and read the same.
func (k key) same(data []byte, o key) bool {
	switch {
	case k.field >= 0 || o.field >= 0:
		return k.field == o.field
	case k.escaped && o.escaped:
		return k.esc == o.esc
	case k.escaped:
		return string(data[o.a:o.b]) == k.esc
	case o.escaped:
		return string(data[k.a:k.b]) == o.esc
	}
	return bytes.Equal(data[k.a:k.b], data[o.a:o.b])
}

// counted returns the key as it is counted: its field's name, or itself.
func (k key) counted(data []byte, fields []string) string {
	if k.field >= 0 {
		return fields[k.field]
	}
	return k.text(data)
}

// text returns the key as it reads.
func (k key) text(data []byte) string {
	if k.escaped {
		return k.esc
	}
	return string(data[k.a:k.b])
}

// stringEnd returns the offset just past the JSON string that starts with
// the quote at data[i], or -1 if it is not closed; whether it holds an
// escape; or an error for an unpaired surrogate escape in it.
func stringEnd(data []byte, i int) (end int, escaped bool, err error) {
	// Most strings hold no escape: their end is the next quote.
	if q := bytes.IndexByte(data[i+1:], '"'); q >= 0 && bytes.IndexByte(data[i+1:i+1+q], '\\') < 0 {
		return i + 1 + q + 1, false, nil
	}
	for i++; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i + 1, escaped, nil
		case '\\':
			escaped = true
			if i+1 >= len(data) || data[i+1] != 'u' {
				i++ // \" \\ \n and the like
				continue
			}
			if i+6 > len(data) {
				return -1, escaped, nil
			}
			r := hex4(data[i+2 : i+6])
			switch {
			case 0xd800 <= r && r < 0xdc00 && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' &&
				0xdc00 <= hex4(data[i+8:i+12]) && hex4(data[i+8:i+12]) < 0xe000:
				i += 11 // a high-low pair: one character
			case 0xd800 <= r && r < 0xe000:
				return 0, escaped, &Error{i, fmt.Sprintf("unpaired UTF-16 surrogate %s at byte %d, which is no character: write the text as UTF-8, or a character outside the BMP as a high-low pair", data[i:i+6], i)}
			default:
				i += 5
			}
		}
	}
	return -1, escaped, nil
}

// hex4 returns the value of the four hex digits of b, which valid JSON
// has after \u; other bytes count as 0.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}

// NextToken returns the offset of the first byte of data at or after off
// that is not white space, a comma or a colon: where the JSON token after
// off starts, for errors that say where.
func NextToken(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
		off++
	}
	return off
}

// Kind names the JSON kind of v, a value decoded into an any or a
// json.Token: "null", "a boolean", "a number", "a string", "an array" or
// "an object".
func Kind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64, json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case json.Delim:
		if v == '[' || v == ']' {
			return "an array"
		}
	}
	return "an object"
}
