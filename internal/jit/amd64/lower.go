//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/internal/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// This file is the contract between the compiler (which owns the operand
// stack, registers, control flow and bounds checks) and the instruction
// selectors of lower_scalar.go and lower_simd.go (which turn one
// instruction whose operands are already in registers into machine code).
//
// Register classes: an i32 or i64 operand or result lives in a general
// register; an f32, f64 (low lane) or v128 operand or result lives in an
// XMM register. A selector may clobber RAX, RCX, RDX, X0, X1 and dst and
// nothing else: every other register, including the argument registers
// that are not dst, may hold live values (pinned locals). dst is either
// args[0] (same class) or a register distinct from every argument. An
// i32 result must be zero-extended to 64 bits; an f32 result leaves the
// upper lanes of dst unspecified.

// lowerCtx is what a selector may use beyond its operand registers.
type lowerCtx struct {
	a *asm.Assembler
	// trap returns the label of the function's shared stub raising code.
	trap func(code store.TrapCode) asm.Label
	// const16 returns the label of a 16-byte constant in the function's
	// constant pool (16-byte aligned, deduplicated), for RIP-relative
	// operands: asm.LabelMem(l).
	const16 func(v [16]byte) asm.Label
}

// opSpace bounds wasm.Op values (byte, 0xFC and 0xFD opcodes): tables
// indexed by op are arrays, not maps, on the compiler's hot path.
const opSpace = 0x400

// opTable maps instructions to T: an array indexed by op.
type opTable[T any] struct {
	v  [opSpace]T
	ok [opSpace]bool
}

// newOpTable builds an opTable from a map.
func newOpTable[T any](m map[wasm.Op]T) *opTable[T] {
	t := new(opTable[T])
	for op, v := range m {
		t.v[op], t.ok[op] = v, true
	}
	return t
}

// get returns op's entry and whether there is one.
func (t *opTable[T]) get(op wasm.Op) (T, bool) {
	if op >= opSpace {
		var zero T
		return zero, false
	}
	return t.v[op], t.ok[op]
}

// lowersScalar reports whether lowerScalar selects code for op.
func lowersScalar(op wasm.Op) bool { return op < opSpace && scalarSelectable[op] }

// lowersSIMD reports whether lowerSIMD selects code for op (a SIMD
// instruction that does not access memory).
func lowersSIMD(op wasm.Op) bool { return op < opSpace && simdSelectable[op] }

// lowersSIMDMem reports whether lowerSIMDMem selects code for the SIMD
// memory instruction op.
func lowersSIMDMem(op wasm.Op) bool { return op < opSpace && simdMemSelectable[op] }
