package store

import "golang.org/x/sys/unix"

// mapNoReserve keeps Linux from charging a reservation against the
// overcommit limit: the PROT_NONE mapping is address space only.
const mapNoReserve = unix.MAP_NORESERVE
