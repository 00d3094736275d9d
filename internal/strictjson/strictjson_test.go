package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
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
			var schema *Schema
			if c.fields != nil {
				schema = &Schema{Fields: c.fields, Under: map[string]*Schema{"targets": {Fields: c.fields}}}
			}
			assertCheck(t, c.data, schema, c.want)
		})
	}
}

// assertCheck checks Check's verdict on data: no error for want "", else
// an error that holds want.
func assertCheck(t *testing.T, data string, schema *Schema, want string) {
	t.Helper()
	err := Check([]byte(data), schema)
	if want == "" {
		assert.NoError(t, err)
		return
	}
	require.Error(t, err)
	assert.Contains(t, err.Error(), want)
}

// FuzzCheck checks that Check never panics, and that on valid JSON (with
// no Schema, so that keys compare exactly) it reports a duplicate key
// exactly when encoding/json's own tokens show an object with a key twice.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{"a":1,"a":2}`, `{"t":"\ud800"}`, `[{"x":[{"x":1}]}]`, `{"a":"\"","b":{}}`, `"\`, `{"`, `{"a\u`,
		`{"a":{"b":1,"b":2}}`, `{"\u0061":1,"a":2}`, `{"a":[{"a":1},{"a":1}],"a":0}`,
		"{\"\xd1\":1E700,\"\xed\":0}"} { // found by a long run: the oracle stopped at 1E700
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Check(data, nil)
		if !json.Valid(data) {
			return
		}
		dup := hasDuplicateKey(data)
		isDup := err != nil && strings.Contains(err.Error(), "duplicate key")
		isSurrogate := err != nil && strings.Contains(err.Error(), "surrogate")
		switch {
		case isDup && !dup:
			t.Fatalf("%q: %v, but encoding/json's tokens show no key twice", data, err)
		case err == nil && dup:
			t.Fatalf("%q: a key twice in an object, and no error", data)
		case err != nil && !isDup && !isSurrogate:
			t.Fatalf("%q: unexpected error %v", data, err)
		}
	})
}

// hasDuplicateKey reports whether valid JSON data has an object with a
// key twice, by encoding/json's decoding of the keys.
func hasDuplicateKey(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // else a number out of float64's range (1E700) ends the tokens early
	type frame struct {
		object bool
		keys   map[string]bool
		want   bool // the next token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].want && tok != json.Delim('}') {
			k := tok.(string)
			if stack[n-1].keys[k] {
				return true
			}
			stack[n-1].keys[k] = true
			stack[n-1].want = false
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].want = true // after this value
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, keys: map[string]bool{}, want: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
	}
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
	schema := &Schema{Fields: []string{"k5"}}
	require.NoError(t, Check(data, schema))
	for _, dup := range []string{`,"k999":1}`, `,"k3":1}`, `,"K5":1}`} {
		bad := append(bytes.TrimSuffix(bytes.Clone(data), []byte("}")), dup...)
		err := Check(bad, schema)
		require.Error(t, err, dup)
		assert.Contains(t, err.Error(), "duplicate key", dup)
	}
}

// BenchmarkCheck checks a corpus line of the NewsMTSC shape: what the
// strict check adds to reading each line of a training file.
func BenchmarkCheck(b *testing.B) {
	line := []byte(`{"primary_gid": "src_12_3_Petro_0_5", "sentence_normalized": "Petro said NATO’s leaders had failed, and the EU stayed silent.", "targets": [{"Input.gid": "src_12_3_Petro_0_5", "from": 0, "to": 5, "mention": "Petro", "polarity": 4.0}, {"Input.gid": "src_12_3_NATO_11_15", "from": 11, "to": 15, "mention": "NATO", "polarity": 2.0, "further_mentions": [{"from": 44, "to": 46, "mention": "EU"}]}]}`)
	schema := &Schema{Fields: []string{"primary_gid", "sentence_normalized", "targets"},
		Under: map[string]*Schema{"targets": {Fields: []string{"from", "to", "mention", "polarity"}}}}
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Check(line, schema); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCheckSchema checks that fields fold only in the objects the Schema
// gives them to.
func TestCheckSchema(t *testing.T) {
	schema := &Schema{Fields: []string{"id", "text", "targets"},
		Under: map[string]*Schema{"targets": {Fields: []string{"start", "end", "label"}}}}
	cases := []struct{ name, data, want string }{
		{"a field twice by case", `{"text":"a","Text":"b"}`, `duplicate key "Text"`},
		{"a target field twice by case", `{"targets":[{"start":0},{"start":1,"Start":2}]}`, `duplicate key "Start"`},
		{"a target field's name at the top", `{"text":"a","Start":1,"start":2}`, ""},
		{"a field's name in an ignored object", `{"text":"a","meta":{"Text":"a","text":"b"}}`, ""},
		{"a field's name in an ignored array's objects", `{"meta":[{"Text":"a","text":"b"}]}`, ""},
		{"the targets' fields under another key", `{"others":[{"start":1,"Start":2}]}`, ""},
		{"an ignored key twice", `{"text":"a","note":1,"note":2}`, `duplicate key "note"`},
		{"exact spelling first", `{"Targets":[{"start":0}],"targets":[]}`, `duplicate key "targets"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assertCheck(t, c.data, schema, c.want) })
	}
	// Fields that differ only in case: each matches its own spelling
	// first, as encoding/json does.
	assert.NoError(t, Check([]byte(`{"a":1,"A":2}`), &Schema{Fields: []string{"a", "A"}}))
}
