//go:build !linux

package jit

// mapNoReserve is zero off Linux: FreeBSD has no MAP_NORESERVE and darwin
// ignores it; both commit anonymous pages only when they are touched.
const mapNoReserve = 0
