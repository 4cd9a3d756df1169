package jit

import "golang.org/x/sys/unix"

// mapNoReserve keeps Linux from charging the stacks' mappings against the
// overcommit limit: their pages are committed only when touched.
const mapNoReserve = unix.MAP_NORESERVE
