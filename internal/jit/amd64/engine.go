//go:build amd64

// Package amd64 is wasmrun's JIT machine for x86-64 (SSE4.1 and POPCNT
// baseline): the instruction selection of the single-pass compiler, the
// assembler (package asm), the exit stub, relocations and the Go-assembly
// trampolines that enter compiled code with the exit protocol of package
// mach. Package jit drives it: it lays the functions out, maps them and
// runs them.
//
// Compiled code keeps the VM context in R15, the value-stack frame base
// in R12, the base of memory 0 in R13 and the interruption budget in RBP
// (decremented at loop headers and function entries). Every value has a
// home slot in the frame (parameters, locals, then the operand stack, as
// in the interpreter). The most used locals (counted by a pre-scan, weighted by
// loop depth) live in registers for the whole function (R8-R11 and R14;
// X10-X14), so loops and block joins never reload them; their slots
// are written only around calls and exits to Go. The operand stack lets
// an entry stay a reference to a local, a constant (used as an
// immediate), a comparison in the flags (fused into br_if, if and select)
// or a temporary in a register (RSI, RDI, RBX and the unpinned ones;
// X2-X9 for floats and vectors) until it is needed, and stores
// operand-stack values to their slots at block boundaries, calls and
// exits (the canonical state). A callee's frame starts at its caller's
// arguments, so calls copy nothing, and the machine stack holds only
// return addresses, which gives the frame limit and the trap backtrace.
// Instructions whose operands are in registers are selected by
// lower_*.go (see the contract in lower.go).
package amd64

import (
	"errors"

	"golang.org/x/sys/cpu"

	"github.com/wasmrun/wasmrun/internal/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/wasm"
)

// Features are the WebAssembly 3.0 features the machine compiles (the
// store evaluates extended constant expressions).
const Features = wasm.FeatureExtendedConst

// Supported reports why this CPU cannot run the machine's code: it needs
// SSE4.1 (the float and SIMD selectors) and POPCNT.
func Supported() error {
	switch {
	case !cpu.X86.HasSSE41:
		return errors.New("jit: the CPU lacks SSE4.1")
	case !cpu.X86.HasPOPCNT:
		return errors.New("jit: the CPU lacks POPCNT")
	}
	return nil
}

// Layout of compiled code: functions start 16-byte aligned (the constant
// pool after each function is 16-byte aligned too), the gaps hold int3,
// and a Wasm frame takes one return address on the machine stack.
const (
	CodeAlign  = 16
	Pad        = 0xCC
	FrameBytes = 8
)

// RelCall is the relocation kind of a call's rel32 displacement.
const RelCall mach.RelocKind = 0

// PatchReloc resolves the relocation of kind at offset site of code to
// the code at offset target.
func PatchReloc(code []byte, kind mach.RelocKind, site, target int) error {
	if kind != RelCall {
		return errors.New("jit/amd64: unknown relocation kind")
	}
	return asm.PutRel32(code, site, target)
}

// ExitStub returns the code placed at offset 0 of every module: it saves
// the JIT stack pointer, the frame base and the budget and returns to Go
// through the trampoline.
func ExitStub() []byte {
	var a asm.Assembler
	a.MovMR(asm.W64, asm.Mem{Base: regVM, Disp: mach.OffJitSP}, asm.RSP)
	a.MovMR(asm.W64, asm.Mem{Base: regVM, Disp: mach.OffJitFB}, regFB)
	a.MovMR(asm.W64, asm.Mem{Base: regVM, Disp: mach.OffBudget}, regBudget)
	a.MovRM(asm.W64, asm.RSP, asm.Mem{Base: regVM, Disp: mach.OffGoSP})
	a.MovRM(asm.W64, asm.RBP, asm.Mem{Base: regVM, Disp: mach.OffGoBP}) // compiled code may use RBP
	a.Ret()
	b, err := a.Finalize()
	if err != nil {
		panic(err) // the stub has no labels to resolve
	}
	return b
}
