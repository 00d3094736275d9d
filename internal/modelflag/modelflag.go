// Package modelflag holds what the example programs and tools share for
// their model flags: loading the model a -model flag names, and parsing a
// -weights flag's feature group weights.
package modelflag

import (
	"flag"
	"fmt"
	"os"

	"github.com/stancekit/stancekit/stance"
)

// Default is the -model value that names the embedded default model.
const Default = "default"

// Usage is the help text of a -model flag.
const Usage = `model file, or "default" for the embedded model (a file named default: ./default)`

// Load returns the embedded default model for Default, else the model in
// the file at path. given says whether the user typed the flag: Default
// typed with a file of that name in the working directory is an error, as
// it is not clear which was meant ("train -out default" then "-model
// default" would silently score the embedded model): the file is
// "./default". Default as the flag's unset value is the embedded model
// wherever the program runs.
func Load(path string, given bool) (*stance.Model, error) {
	if path == Default {
		if st, err := os.Stat(Default); given && err == nil && st.Mode().IsRegular() {
			return nil, fmt.Errorf(`-model %s names the embedded model, but a file %q is here too: give "./%s" for the file`, Default, Default, Default)
		}
		return stance.Default()
	}
	return stance.ReadModelFile(path)
}

// Given reports whether the flag name was set on the command line fs
// parsed.
func Given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
