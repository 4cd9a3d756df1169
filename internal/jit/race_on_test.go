//go:build amd64 && race

package jit

const raceEnabled = true
