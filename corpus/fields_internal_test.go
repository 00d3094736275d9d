package corpus

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFieldLists checks that the key lists the strict check folds are the
// json tags of the structs the lines decode into.
func TestFieldLists(t *testing.T) {
	tags := func(types ...any) []string {
		var out []string
		for _, v := range types {
			typ := reflect.TypeOf(v)
			for i := range typ.NumField() {
				if name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ","); !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	sorted := func(s []string) []string { return slices.Sorted(slices.Values(s)) }
	assert.Equal(t, tags(jsonlLine{}, jsonlTarget{}), sorted(jsonlFields))
	assert.Equal(t, tags(newsLine{}, newsTarget{}), sorted(newsFields))
}
