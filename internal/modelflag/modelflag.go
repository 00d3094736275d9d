// Package modelflag holds what the example programs and tools share for
// their model flags: loading the model a -model flag names, and parsing a
// -weights flag's feature group weights.
package modelflag

import "github.com/stancekit/stancekit/stance"

// Default is the -model value that names the embedded default model.
const Default = "default"

// Usage is the help text of a -model flag.
const Usage = `model file, or "default" for the embedded model`

// Load returns the embedded default model for Default, else the model in
// the file at path.
func Load(path string) (*stance.Model, error) {
	if path == Default {
		return stance.Default()
	}
	return stance.ReadModelFile(path)
}
