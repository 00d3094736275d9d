package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		name, body string
		want       string // substring of the error; "" for none
	}{
		{"plain", `{"text": "NATO met."}`, ""},
		{"white space everywhere", " \t\r\n{ \"text\" : \"NATO\" , \"gazetteer\" : [ ] } \n", ""},
		{"all fields", `{"text": "x", "gazetteer": [{"name": "NATO", "kind": "org", "aliases": ["the alliance"]}]}`, ""},
		{"quote escape in a string", `{"text": "say \"\ud800\" twice"}`, "unpaired UTF-16 surrogate \\ud800"},
		{"escaped backslash then escape", `{"text": "\\\ud800"}`, "at byte 12"},
		{"escaped quote then text", `{"text": "\"ud800\""}`, ""},
		{"high then letter escape", `{"text": "\ud800\u0041"}`, "at byte 10"},
		{"high then high", `{"text": "\ud800\ud800\udc00"}`, "at byte 10"},
		{"high at the end", `{"text": "NATO\uD83D"}`, "at byte 14"},
		{"pair in upper case", `{"text": "\uD83D\uDE00"}`, ""},
		{"surrogate in a key", `{"te\ud800xt": "a"}`, `unknown field "te` + "\ufffd" + `xt"`},
		{"surrogate in a gazetteer alias", `{"text": "a", "gazetteer": [{"name": "N", "aliases": ["\udfff"]}]}`, "unpaired UTF-16 surrogate \\udfff"},
		{"field placed wrongly", `{"text": "a", "name": "NATO"}`, `unknown field "name"`},
		{"duplicate after nested value", `{"gazetteer": [{"name": "a"}], "text": "a", "gazetteer": []}`, `duplicate key "gazetteer" at byte 44`},
		{"keys of sibling objects are separate", `{"text": "a", "gazetteer": [{"name": "a", "kind": "x"}, {"kind": "y", "name": "b"}]}`, ""},
		{"value that looks like a key", `{"text": "Text"}`, ""},
		{"unknown value in an array of strings", `{"text": "a", "gazetteer": [{"name": "a", "aliases": ["Name"]}]}`, ""},
		{"data after the object", `{"text": "a"} {"text": "b"}`, "malformed JSON at byte 14: data after the object"},
		{"second bracket", `{"text": "a"}}`, "data after the object"},
		{"huge number", `{"text": "a", "gazetteer": [{"name": 1e999}]}`, "field gazetteer.name: want a string, got number"},
		{"string top level", `"NATO"`, "want a JSON object, got a string"},
		{"number top level", `5`, "want a JSON object, got a number"},
		{"invalid UTF-8", "{\"text\": \"ab\xffc\"}", "not valid UTF-8 (first bad byte at offset 12)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var req analyzeRequest
			err := decode([]byte(c.body), &req, analyzeKeys)
			if c.want == "" {
				require.NoError(t, err)
				require.NotNil(t, req.Text)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// FuzzDecode checks that decode never loses input silently: a body it
// accepts is valid JSON, decodes the same with encoding/json, and gives a
// U+FFFD only where the body spells one.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"text": "NATO met."}`,
		`{"text": "\ud83d\ude00 \\ud800", "gazetteer": [{"name": "NATO", "aliases": ["the alliance"]}]}`,
		`{"text": "a", "Text": "b"}`,
		`{"text": "\ud800"}`,
		`{"text": "\ufffd"}`,
		`{"text": "�"}`,
		`null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req analyzeRequest
		if decode(body, &req, analyzeKeys) != nil {
			return
		}
		require.True(t, json.Valid(body))
		require.NotNil(t, req.Text, "text is required")
		var plain analyzeRequest
		require.NoError(t, json.Unmarshal(body, &plain))
		assert.Equal(t, *plain.Text, *req.Text)
		lower := strings.ToLower(string(body))
		if !strings.Contains(lower, `\ufffd`) && !strings.Contains(lower, "\ufffd") {
			all, _ := json.Marshal(req)
			assert.NotContains(t, string(all), "\ufffd", "a replacement character that the body does not spell")
		}
	})
}
