package amd64

import "github.com/wasmrun/wasmrun/internal/jit"

// enter calls compiled code at address code on the JIT stacks described
// by vc; it returns when the code returns or exits to Go.
//
//go:noescape
func enter(vc *jit.VMContext, code uintptr)

// resume continues compiled code after an exit.
//
//go:noescape
func resume(vc *jit.VMContext)
