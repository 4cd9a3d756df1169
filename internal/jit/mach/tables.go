package mach

import "github.com/wasmrun/wasmrun/wasm"

// Regs converts a machine's own register numbers to Regs.
func Regs[R ~uint8](rs ...R) []Reg {
	out := make([]Reg, len(rs))
	for i, r := range rs {
		out[i] = Reg(r)
	}
	return out
}

// Trunc describes a float-to-integer truncation: the source is f64, the
// result i64, the result unsigned, the truncation saturating.
type Trunc struct{ F64, I64, Unsigned, Sat bool }

// Truncs describes the sixteen truncation instructions.
var Truncs = map[wasm.Op]Trunc{
	wasm.OpI32TruncF32S: {false, false, false, false}, wasm.OpI32TruncF32U: {false, false, true, false},
	wasm.OpI32TruncF64S: {true, false, false, false}, wasm.OpI32TruncF64U: {true, false, true, false},
	wasm.OpI64TruncF32S: {false, true, false, false}, wasm.OpI64TruncF32U: {false, true, true, false},
	wasm.OpI64TruncF64S: {true, true, false, false}, wasm.OpI64TruncF64U: {true, true, true, false},
	wasm.OpI32TruncSatF32S: {false, false, false, true}, wasm.OpI32TruncSatF32U: {false, false, true, true},
	wasm.OpI32TruncSatF64S: {true, false, false, true}, wasm.OpI32TruncSatF64U: {true, false, true, true},
	wasm.OpI64TruncSatF32S: {false, true, false, true}, wasm.OpI64TruncSatF32U: {false, true, true, true},
	wasm.OpI64TruncSatF64S: {true, true, false, true}, wasm.OpI64TruncSatF64U: {true, true, true, true},
}
