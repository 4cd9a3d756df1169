//go:build amd64 && !race

package amd64

const raceEnabled = false
