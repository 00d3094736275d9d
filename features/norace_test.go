//go:build !race

package features_test

const raceEnabled = false
