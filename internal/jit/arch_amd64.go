//go:build linux && amd64

package jit

import (
	"github.com/wasmrun/wasmrun/internal/jit/amd64"
	"github.com/wasmrun/wasmrun/internal/jit/mach"
)

// Features are the WebAssembly 3.0 features the JIT compiles.
const Features = amd64.Features

var arch = archHooks{
	name:        "amd64",
	supported:   amd64.Supported,
	newCompiler: func(fuel bool) funcCompiler { return newCodegen(amd64.NewMachine(), fuel) },
	exitStub:    amd64.ExitStub,
	patch:       amd64.PatchReloc,
	codeAlign:   amd64.CodeAlign,
	pad:         amd64.Pad,
	frameBytes:  amd64.FrameBytes,
	returnAddresses: func(s *Stacks, sp, top uintptr, visit func(uintptr)) {
		// Each frame is one return address; the last word below top is
		// the entry trampoline's.
		for ; sp < top-amd64.FrameBytes; sp += amd64.FrameBytes {
			visit(s.MachineWord(sp))
		}
	},
	disassemble: amd64.Listing,
	trimPadding: amd64.TrimPadding,
}

var _ mach.Machine = (*amd64.Machine)(nil)

// enter calls compiled code at address code on the stacks vc describes;
// it returns when the code returns or exits to Go.
func enter(vc *mach.VMContext, code uintptr) { amd64.Enter(vc, code) }

// resume continues compiled code after an exit.
func resume(vc *mach.VMContext) { amd64.Resume(vc) }
