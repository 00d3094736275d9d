package corpus

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFieldLists checks that the fields the strict check folds are the
// json tags of the structs the lines decode into, object by object.
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
	assert.Equal(t, tags(jsonlLine{}), sorted(jsonlSchema.Fields))
	assert.Equal(t, tags(jsonlTarget{}), sorted(jsonlSchema.Under["targets"].Fields))
	assert.Len(t, jsonlSchema.Under, 1)
	assert.Equal(t, tags(newsLine{}), sorted(newsSchema.Fields))
	assert.Equal(t, tags(newsTarget{}), sorted(newsSchema.Under["targets"].Fields))
	assert.Len(t, newsSchema.Under, 1)
}
