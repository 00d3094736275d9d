package modelflag

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadDefaultAmbiguous checks that "default" with a file of that name
// in the working directory is refused rather than read as the embedded
// model, and that "./default" and a directory named default are fine.
func TestLoadDefaultAmbiguous(t *testing.T) {
	t.Chdir(t.TempDir())
	m, err := Load(Default, true)
	require.NoError(t, err, "no file named default: the embedded model")
	assert.NotNil(t, m)

	require.NoError(t, os.Mkdir(Default, 0o755))
	_, err = Load(Default, true)
	assert.NoError(t, err, "a directory named default is no model file")
	require.NoError(t, os.Remove(Default))

	require.NoError(t, os.WriteFile(Default, []byte("not a model"), 0o644))
	_, err = Load(Default, true)
	assert.ErrorContains(t, err, `give "./default"`)
	m, err = Load(Default, false)
	assert.NoError(t, err, "-model not typed: the embedded model, whatever files are here")
	assert.NotNil(t, m)
	_, err = Load("./"+Default, true)
	assert.ErrorContains(t, err, "default", "./default is read as a file")
	assert.NotContains(t, err.Error(), "names the embedded model")
}

func TestParseWeightsTwice(t *testing.T) {
	_, err := ParseWeights("side=1,unigram=0,side=0.5")
	assert.ErrorContains(t, err, "side given twice")
	opts, err := ParseWeights("side=1,unigram=0")
	assert.NoError(t, err)
	assert.Len(t, opts, 2)
}

func TestGiven(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("model", Default, Usage)
	fs.Bool("json", false, "")
	require.NoError(t, fs.Parse([]string{"-json"}))
	assert.False(t, Given(fs, "model"))
	require.NoError(t, fs.Parse([]string{"-model", Default}))
	assert.True(t, Given(fs, "model"))
}
