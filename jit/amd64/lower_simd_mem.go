//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/wasm"
)

// lowerSIMDMem emits the SIMD memory instruction op on the effective
// address ea, whose bounds the compiler has checked for the access size
// (simdAccessSize). ea is [regMem + RAX + disp]: RAX must not be
// clobbered before the access. A load's result goes to dst (load_lane's
// vector operand is args[0]); a store's value is args[0] and dst is
// asm.NoReg.
func lowerSIMDMem(l *lowerCtx, op wasm.Op, lane uint8, ea asm.Mem, dst asm.Reg, args []asm.Reg) {
	panic("jit/amd64: no SIMD memory selector for " + op.String())
}
