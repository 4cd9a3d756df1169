//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/wasm"
)

// lowerSIMDInt selects the integer and bitwise SIMD instructions,
// reporting false for any other.
func lowerSIMDInt(l *lowerCtx, op wasm.Op, lane uint8, imm *[16]byte, dst asm.Reg, args []asm.Reg) bool {
	return false
}
