package store

import "golang.org/x/sys/unix"

// adviseHugePages asks for transparent huge pages on a reservation: they
// cut the TLB misses of large memories. Where the kernel does not offer
// them this is a no-op.
func adviseHugePages(b []byte) { _ = unix.Madvise(b, unix.MADV_HUGEPAGE) }
