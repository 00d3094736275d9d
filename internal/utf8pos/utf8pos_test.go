package utf8pos

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFirstInvalid(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", -1},
		{"plain ASCII", -1},
		{"Zürich «ok» \uFFFD", -1}, // a written-out U+FFFD is valid
		{"\xff", 0},
		{"ab\xffcd", 2},
		{"Zü\xc3", 3},       // a lead byte cut short at the end
		{"a\x80b", 1},       // a lone continuation byte
		{"é\xe2\x82x", 2},   // a three-byte sequence cut short
		{"\xed\xa0\x80", 0}, // an encoded surrogate is not UTF-8
	}
	for _, c := range cases {
		assert.Equal(t, c.want, FirstInvalid(c.in), "%q", c.in)
		assert.Equal(t, c.want, FirstInvalid(string([]byte(c.in))), "%q as bytes", c.in)
	}
}
