//go:build !linux

package store

// mapNoReserve is zero off Linux: FreeBSD has no MAP_NORESERVE, and darwin
// defines it but ignores it. Neither charges PROT_NONE anonymous mappings
// against a commit limit, so the reservation costs address space only.
const mapNoReserve = 0
