//go:build race

package wasmrun_test

// raceEnabled reports whether the race detector is on; sync.Pool drops
// pooled objects at random under it, so allocation counts are not stable.
const raceEnabled = true
