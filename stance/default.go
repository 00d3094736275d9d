package stance

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// defaultModel is the model file built by the command in the README
// ("Rebuilding the default model").
//
//go:embed default.model
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("stance: embedded default model: %w", err)
	}
	return m, nil
})

// Default returns the embedded default model, trained on the NewsMTSC
// training split and the built-in corpus's train part with the settings
// chosen by cross-validation (the dev splits broke ties); the README gives
// the command that rebuilds it and its ablation.
// The model is decoded on first use and shared afterwards; like every
// *Model it is safe for concurrent use. An error is possible only if the
// binary was built with a damaged model file.
func Default() (*Model, error) { return loadDefault() }
