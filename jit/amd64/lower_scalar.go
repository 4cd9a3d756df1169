//go:build amd64

package amd64

import (
	"github.com/wasmrun/wasmrun/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/wasm"
)

// scalarSelectable lists the instructions lowerScalar handles.
var scalarSelectable = map[wasm.Op]bool{}

// lowerScalar emits the numeric instruction op (f32/f64 min and max,
// conversions involving unsigned 64-bit integers, trapping and saturating
// truncations...) with operands args and result dst. Trapping
// instructions jump to l.trap(code).
func lowerScalar(l *lowerCtx, op wasm.Op, dst asm.Reg, args []asm.Reg) {
	panic("jit/amd64: no scalar selector for " + op.String())
}
