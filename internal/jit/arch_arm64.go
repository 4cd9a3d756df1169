//go:build linux && arm64

package jit

import (
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/jit/arm64"
	"github.com/wasmrun/wasmrun/internal/jit/mach"
)

// Features are the WebAssembly 3.0 features the JIT compiles.
const Features = arm64.Features

var arch = archHooks{
	name:        "arm64",
	supported:   arm64.Supported,
	newCompiler: func(fuel bool) funcCompiler { return newCodegen(arm64.NewMachine(), fuel) },
	exitStub:    arm64.ExitStub,
	patch:       arm64.PatchReloc,
	codeAlign:   arm64.CodeAlign,
	pad:         arm64.Pad,
	frameBytes:  arm64.FrameBytes,
	callReach:   arm64.CallReach,
	veneerSize:  arm64.VeneerSize,
	veneer:      arm64.Veneer,
	returnAddresses: func(s *Stacks, sp, top uintptr, visit func(uintptr)) {
		// Each frame is a 16-byte record whose first word is the return
		// address; the last record below top is the entry trampoline's.
		for ; sp < top-arm64.FrameBytes; sp += arm64.FrameBytes {
			visit(s.MachineWord(sp))
		}
	},
	disassemble: arm64.Listing,
	trimPadding: arm64.TrimPadding,
	syncICache: func(code []byte) {
		arm64.SyncICache(uintptr(unsafe.Pointer(unsafe.SliceData(code))), uintptr(len(code)))
	},
}

var _ mach.Machine = (*arm64.Machine)(nil)

// enter calls compiled code at address code on the stacks vc describes;
// it returns when the code returns or exits to Go.
func enter(vc *mach.VMContext, code uintptr) { arm64.Enter(vc, code) }

// resume continues compiled code after an exit.
func resume(vc *mach.VMContext) { arm64.Resume(vc) }
