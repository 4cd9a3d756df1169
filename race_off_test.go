//go:build !race

package wasmrun_test

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
