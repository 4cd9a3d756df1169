//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/wasm"
)

// lowerSIMDFloat selects the floating-point SIMD instructions and the
// conversions, reporting false for any other.
func lowerSIMDFloat(l *lowerCtx, op wasm.Op, lane uint8, dst asm.Reg, args []asm.Reg) bool {
	return false
}
