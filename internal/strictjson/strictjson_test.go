package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name, data string
		want       string // substring of the error; "" for none
		fields     []string
	}{
		{"flat", `{"id":"a","text":"NATO met.","targets":[]}`, "", nil},
		{"same keys in sibling objects", `{"targets":[{"start":0,"end":4},{"start":5,"end":9}]}`, "", nil},
		{"same key at two depths", `{"a":{"a":{"a":1}}}`, "", nil},
		{"braces, commas and quotes in strings", `{"text":"{\"a\":1, \"a\":2} [,]","b":"\\","c":"\\\""}`, "", nil},
		{"surrogate pair", `{"text":"\ud83d\ude00"}`, "", nil},
		{"escapes that are no surrogate", `{"text":"\u00e9\u2019\n\t\/"}`, "", nil},
		{"not an object", `["a","a",{"b":1}]`, "", nil},
		{"empty object", `{}`, "", nil},
		{"duplicate key", `{"targets":[1],"targets":[2]}`, `duplicate key "targets" at byte 15`, nil},
		{"duplicate in a nested object", `{"targets":[{"label":"neutral","start":0,"label":"critical"}]}`, `duplicate key "label" at byte 41`, nil},
		{"duplicate after a nested object", `{"a":{"b":1},"a":2}`, `duplicate key "a" at byte 13`, nil},
		{"duplicate by case", `{"text":"a","Text":"b"}`, `duplicate key "Text" at byte 12 ("text" before it`, []string{"id", "text"}},
		{"duplicate by case, nested", `{"targets":[{"label":"a","LABEL":"b"}]}`, `duplicate key "LABEL"`, []string{"targets", "label"}},
		{"keys that are no field differ by case", `{"text":"a","meta":{"URL":"a","url":"b"},"Meta":1}`, "", []string{"text"}},
		{"map keys differ by case", `{"WHO":{"kind":"org"},"Who":{"kind":"band"}}`, "", nil},
		{"a field's case variant, no field given", `{"text":"a","Text":"b"}`, "", nil},
		{"duplicate spelt with an escape", `{"text":"a","te\u0078t":"b"}`, `duplicate key "text" at byte 12`, nil},
		{"lone high surrogate", `{"text":"Caf\ud800 NATO"}`, `unpaired UTF-16 surrogate \ud800 at byte 12`, nil},
		{"lone low surrogate", `{"text":"\uDC00"}`, `unpaired UTF-16 surrogate \uDC00 at byte 9`, nil},
		{"high surrogate before a non-surrogate", `{"text":"\ud800\u0041"}`, `unpaired UTF-16 surrogate \ud800`, nil},
		{"two highs", `{"text":"\ud800\ud800"}`, `unpaired UTF-16 surrogate \ud800 at byte 9`, nil},
		{"surrogate in a key", `{"te\udfffxt":1}`, `unpaired UTF-16 surrogate \udfff at byte 4`, nil},
		{"surrogate after an escaped backslash", `{"text":"\\\ud800"}`, `unpaired UTF-16 surrogate \ud800 at byte 11`, nil},
		{"keys of invalid UTF-8 that decode alike", "{\"\xd1\":0,\"\xed\":0}", "duplicate key \"\ufffd\" at byte 7", nil},
		{"escaped backslash before u", `{"text":"\\ud800"}`, "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.True(t, json.Valid([]byte(c.data)), "the case must be valid JSON")
			err := Check([]byte(c.data), c.fields...)
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

// TestCheckManyKeys checks objects past the point where Check keeps an
// object's keys in a map instead of a list.
func TestCheckManyKeys(t *testing.T) {
	obj := map[string]int{}
	for i := range 1000 {
		obj[fmt.Sprintf("k%d", i)] = i
	}
	data, err := json.Marshal(obj)
	require.NoError(t, err)
	require.NoError(t, Check(data, "k5"))
	for _, dup := range []string{`,"k999":1}`, `,"k3":1}`, `,"K5":1}`} {
		bad := append(bytes.TrimSuffix(bytes.Clone(data), []byte("}")), dup...)
		err := Check(bad, "k5")
		require.Error(t, err, dup)
		assert.Contains(t, err.Error(), "duplicate key", dup)
	}
}

// BenchmarkCheck checks a corpus line of the NewsMTSC shape: what the
// strict check adds to reading each line of a training file.
func BenchmarkCheck(b *testing.B) {
	line := []byte(`{"primary_gid": "src_12_3_Petro_0_5", "sentence_normalized": "Petro said NATO’s leaders had failed, and the EU stayed silent.", "targets": [{"Input.gid": "src_12_3_Petro_0_5", "from": 0, "to": 5, "mention": "Petro", "polarity": 4.0}, {"Input.gid": "src_12_3_NATO_11_15", "from": 11, "to": 15, "mention": "NATO", "polarity": 2.0, "further_mentions": [{"from": 44, "to": 46, "mention": "EU"}]}]}`)
	fields := []string{"primary_gid", "sentence_normalized", "targets", "from", "to", "mention", "polarity"}
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Check(line, fields...); err != nil {
			b.Fatal(err)
		}
	}
}
