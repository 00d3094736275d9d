//go:build !race

package stance_test

const raceEnabled = false
