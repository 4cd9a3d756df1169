//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/wasm"
)

// simdSelectable and simdMemSelectable list the instructions lowerSIMD
// and lowerSIMDMem handle.
var (
	simdSelectable    = map[wasm.Op]bool{}
	simdMemSelectable = map[wasm.Op]bool{}
)

// lowerSIMD emits the SIMD instruction op (not a memory access): v128
// operands in XMM registers; the lane value of splat and replace_lane in
// a general (i32, i64) or XMM (f32, f64) register; a shift count in a
// general register. lane is the lane immediate, imm the shuffle's.
func lowerSIMD(l *lowerCtx, op wasm.Op, lane uint8, imm *[16]byte, dst asm.Reg, args []asm.Reg) {
	panic("jit/amd64: no SIMD selector for " + op.String())
}

// lowerSIMDMem emits the SIMD memory instruction op on the effective
// address ea, whose bounds the compiler has checked for the access size
// (simdAccessSize). ea is [regMem + RAX + disp]: RAX must not be
// clobbered before the access. A load's result goes to dst (load_lane's
// vector operand is args[0]); a store's value is args[0] and dst is
// asm.NoReg.
func lowerSIMDMem(l *lowerCtx, op wasm.Op, lane uint8, ea asm.Mem, dst asm.Reg, args []asm.Reg) {
	panic("jit/amd64: no SIMD memory selector for " + op.String())
}
