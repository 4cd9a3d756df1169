package arm64

import "github.com/wasmrun/wasmrun/internal/jit/mach"

// Enter calls compiled code at address code on the JIT stacks described
// by vc; it returns when the code returns or exits to Go.
//
//go:noescape
func Enter(vc *mach.VMContext, code uintptr)

// Resume continues compiled code after an exit.
//
//go:noescape
func Resume(vc *mach.VMContext)

// SyncICache makes the instruction cache coherent with the data written
// to b: it cleans the data cache and invalidates the instruction cache
// by line (sizes from CTR_EL0) over b, then synchronises.
//
//go:noescape
func SyncICache(addr, n uintptr)
