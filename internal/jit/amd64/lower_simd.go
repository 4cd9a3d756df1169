//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/internal/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/wasm"
)

// simdSelectable and simdMemSelectable list the instructions lowerSIMD
// and lowerSIMDMem handle; the selector files add theirs in init.
var (
	simdSelectable    [opSpace]bool
	simdMemSelectable [opSpace]bool
)

// lowerSIMD emits the SIMD instruction op (not a memory access): v128
// operands in XMM registers; the lane value of splat and replace_lane in
// a general (i32, i64) or XMM (f32, f64) register; a shift count in a
// general register. lane is the lane immediate, imm the shuffle's.
// Integer and bitwise instructions are selected in lower_simd_int.go,
// floating-point ones and conversions in lower_simd_float.go.
func lowerSIMD(l *lowerCtx, op wasm.Op, lane uint8, imm *[16]byte, dst asm.Reg, args []asm.Reg) {
	if lowerSIMDInt(l, op, lane, imm, dst, args) || lowerSIMDFloat(l, op, lane, dst, args) {
		return
	}
	panic("jit/amd64: no SIMD selector for " + op.String())
}
