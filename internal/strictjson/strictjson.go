// Package strictjson finds what encoding/json accepts while losing input:
// a key given twice in one object, of which json.Unmarshal keeps the last
// value, and a \u escape of an unpaired UTF-16 surrogate, which it turns
// into U+FFFD. The readers of corpus files, gazetteers and request bodies
// call it so that such input is an error that says where, not a silent
// change.
package strictjson

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Error is Check's error: what is wrong, and where.
type Error struct {
	Offset int // the byte offset in data of the key or escape
	msg    string
}

func (e *Error) Error() string { return e.msg }

// Check scans data, which must be valid JSON (json.Valid, or accepted by
// json.Unmarshal), and returns an *Error for the first key that repeats a
// key of the same object, or for the first unpaired surrogate escape, with
// its byte offset in data. A key that matches one of fields without regard
// to case counts as that field, as encoding/json matches keys to the
// fields of a struct ("Text" repeats "text" when "text" is a field); other
// keys — ignored ones, or the keys of a map — compare exactly. On data
// that is not valid JSON, Check may report nothing; it never panics. It
// takes time linear in the length of data.
func Check(data []byte, fields ...string) error {
	type frame struct {
		object  bool
		wantKey bool              // in an object, the next string is a key
		keys    []string          // the object's keys so far, as counted
		set     map[string]string // the same once there are many: key as counted → as written
		written []string          // the keys as written, beside keys
	}
	var stack []frame
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			stack = append(stack, frame{object: true, wantKey: true})
		case '[':
			stack = append(stack, frame{})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
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
			key := string(data[start+1 : end-1])
			if escaped {
				_ = json.Unmarshal(data[start:end], &key) // valid JSON: a string
			}
			counted := key
			for _, f := range fields {
				if strings.EqualFold(f, key) {
					counted = f
					break
				}
			}
			prev, dup := "", false
			if top.set != nil {
				prev, dup = top.set[counted]
			} else if k := slices.Index(top.keys, counted); k >= 0 {
				prev, dup = top.written[k], true
			}
			if dup {
				if prev == key {
					return &Error{start, fmt.Sprintf("duplicate key %q at byte %d: give each key once", key, start)}
				}
				return &Error{start, fmt.Sprintf("duplicate key %q at byte %d (%q before it; keys are matched to fields without regard to case): give each key once", key, start, prev)}
			}
			if top.set == nil && len(top.keys) < 16 {
				top.keys, top.written = append(top.keys, counted), append(top.written, key)
				continue
			}
			if top.set == nil {
				top.set = make(map[string]string, 32)
				for k, c := range top.keys {
					top.set[c] = top.written[k]
				}
			}
			top.set[counted] = key
		}
	}
	return nil
}

// stringEnd returns the offset just past the JSON string that starts with
// the quote at data[i], or -1 if it is not closed; whether it holds an
// escape; or an error for an unpaired surrogate escape in it.
func stringEnd(data []byte, i int) (end int, escaped bool, err error) {
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
