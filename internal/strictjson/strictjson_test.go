package strictjson

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name, data string
		want       string // substring of the error; "" for none
	}{
		{"flat", `{"id":"a","text":"NATO met.","targets":[]}`, ""},
		{"same keys in sibling objects", `{"targets":[{"start":0,"end":4},{"start":5,"end":9}]}`, ""},
		{"same key at two depths", `{"a":{"a":{"a":1}}}`, ""},
		{"braces, commas and quotes in strings", `{"text":"{\"a\":1, \"a\":2} [,]","b":"\\","c":"\\\""}`, ""},
		{"surrogate pair", `{"text":"\ud83d\ude00"}`, ""},
		{"escapes that are no surrogate", `{"text":"\u00e9\u2019\n\t\/"}`, ""},
		{"not an object", `["a","a",{"b":1}]`, ""},
		{"empty object", `{}`, ""},
		{"duplicate key", `{"targets":[1],"targets":[2]}`, `duplicate key "targets" at byte 15`},
		{"duplicate in a nested object", `{"targets":[{"label":"neutral","start":0,"label":"critical"}]}`, `duplicate key "label" at byte 41`},
		{"duplicate after a nested object", `{"a":{"b":1},"a":2}`, `duplicate key "a" at byte 13`},
		{"duplicate by case", `{"text":"a","Text":"b"}`, `duplicate key "Text" at byte 12 ("text" before it`},
		{"duplicate spelt with an escape", `{"text":"a","te\u0078t":"b"}`, `duplicate key "text" at byte 12`},
		{"lone high surrogate", `{"text":"Caf\ud800 NATO"}`, `unpaired UTF-16 surrogate \ud800 at byte 12`},
		{"lone low surrogate", `{"text":"\uDC00"}`, `unpaired UTF-16 surrogate \uDC00 at byte 9`},
		{"high surrogate before a non-surrogate", `{"text":"\ud800\u0041"}`, `unpaired UTF-16 surrogate \ud800`},
		{"two highs", `{"text":"\ud800\ud800"}`, `unpaired UTF-16 surrogate \ud800 at byte 9`},
		{"surrogate in a key", `{"te\udfffxt":1}`, `unpaired UTF-16 surrogate \udfff at byte 4`},
		{"surrogate after an escaped backslash", `{"text":"\\\ud800"}`, `unpaired UTF-16 surrogate \ud800 at byte 11`},
		{"escaped backslash before u", `{"text":"\\ud800"}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.True(t, json.Valid([]byte(c.data)), "the case must be valid JSON")
			err := Check([]byte(c.data))
			if c.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// FuzzCheck checks that Check never panics, and that on valid JSON it
// finds no duplicate where a decoded object has as many keys as the text
// gives it.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{"a":1,"a":2}`, `{"t":"\ud800"}`, `[{"x":[{"x":1}]}]`, `{"a":"\"","b":{}}`, `"\`, `{"`, `{"a\u`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Check(data)
		if err != nil || !json.Valid(data) {
			return
		}
		// No error on valid JSON: no top-level object may have lost a key.
		var raw map[string]json.RawMessage
		if json.Unmarshal(data, &raw) == nil {
			var keys []json.RawMessage
			// Count the top-level keys with a decoder.
			dec := json.NewDecoder(bytes.NewReader(data))
			if tok, _ := dec.Token(); tok == json.Delim('{') {
				for dec.More() {
					if _, err := dec.Token(); err != nil {
						return
					}
					var v json.RawMessage
					if dec.Decode(&v) != nil {
						return
					}
					keys = append(keys, v)
				}
			}
			if len(keys) != len(raw) {
				t.Fatalf("%q: %d keys in the text, %d decoded, and no error", data, len(keys), len(raw))
			}
		}
	})
}
