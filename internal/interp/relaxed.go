package interp

import (
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/internal/v128"
	"github.com/wasmrun/wasmrun/wasm"
)

// relaxedSIMD executes one relaxed SIMD instruction (3.0) with the
// deterministic choices of package v128 (see internal/v128/relaxed.go).
func relaxedSIMD(in *instr, fp unsafe.Pointer) store.TrapCode {
	a := getV(fp, in.x)
	switch wasm.Op(in.op) {
	case wasm.OpI8x16RelaxedSwizzle:
		setV(fp, in.r, v128.I8x16RelaxedSwizzle(a, getV(fp, in.y)))
	case wasm.OpI32x4RelaxedTruncF32x4S:
		setV(fp, in.r, v128.I32x4RelaxedTruncF32x4S(a))
	case wasm.OpI32x4RelaxedTruncF32x4U:
		setV(fp, in.r, v128.I32x4RelaxedTruncF32x4U(a))
	case wasm.OpI32x4RelaxedTruncF64x2SZero:
		setV(fp, in.r, v128.I32x4RelaxedTruncF64x2SZero(a))
	case wasm.OpI32x4RelaxedTruncF64x2UZero:
		setV(fp, in.r, v128.I32x4RelaxedTruncF64x2UZero(a))
	case wasm.OpF32x4RelaxedMadd:
		setV(fp, in.r, v128.F32x4RelaxedMadd(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpF32x4RelaxedNmadd:
		setV(fp, in.r, v128.F32x4RelaxedNmadd(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpF64x2RelaxedMadd:
		setV(fp, in.r, v128.F64x2RelaxedMadd(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpF64x2RelaxedNmadd:
		setV(fp, in.r, v128.F64x2RelaxedNmadd(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpI8x16RelaxedLaneselect:
		setV(fp, in.r, v128.I8x16RelaxedLaneselect(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpI16x8RelaxedLaneselect:
		setV(fp, in.r, v128.I16x8RelaxedLaneselect(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpI32x4RelaxedLaneselect:
		setV(fp, in.r, v128.I32x4RelaxedLaneselect(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpI64x2RelaxedLaneselect:
		setV(fp, in.r, v128.I64x2RelaxedLaneselect(a, getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpF32x4RelaxedMin:
		setV(fp, in.r, v128.F32x4RelaxedMin(a, getV(fp, in.y)))
	case wasm.OpF32x4RelaxedMax:
		setV(fp, in.r, v128.F32x4RelaxedMax(a, getV(fp, in.y)))
	case wasm.OpF64x2RelaxedMin:
		setV(fp, in.r, v128.F64x2RelaxedMin(a, getV(fp, in.y)))
	case wasm.OpF64x2RelaxedMax:
		setV(fp, in.r, v128.F64x2RelaxedMax(a, getV(fp, in.y)))
	case wasm.OpI16x8RelaxedQ15mulrS:
		setV(fp, in.r, v128.I16x8RelaxedQ15mulrS(a, getV(fp, in.y)))
	case wasm.OpI16x8RelaxedDotI8x16I7x16S:
		setV(fp, in.r, v128.I16x8RelaxedDotI8x16I7x16S(a, getV(fp, in.y)))
	case wasm.OpI32x4RelaxedDotI8x16I7x16AddS:
		setV(fp, in.r, v128.I32x4RelaxedDotI8x16I7x16AddS(a, getV(fp, in.y), getV(fp, in.z)))
	default:
		return store.TrapUnreachable
	}
	return 0
}
