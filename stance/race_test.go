//go:build race

package stance_test

// raceEnabled reports whether the race detector is on. It randomly drops
// sync.Pool items, so allocation counts are only checked without it.
const raceEnabled = true
