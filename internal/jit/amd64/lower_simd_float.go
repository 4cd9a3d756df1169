//go:build amd64

package amd64

import (
	"math"

	. "github.com/wasmrun/wasmrun/internal/jit/amd64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/wasm"
)

// simdFloatBin are the float SIMD instructions one SSE instruction
// computes exactly, operands in order; swapped ones take them reversed.
var simdFloatBin = map[wasm.Op]struct {
	op   SseOp
	pred int // CMPPS/CMPPD predicate, or -1
	swap bool
}{
	wasm.OpF32x4Add: {ADDPS, -1, false}, wasm.OpF32x4Sub: {SUBPS, -1, false}, wasm.OpF32x4Mul: {MULPS, -1, false}, wasm.OpF32x4Div: {DIVPS, -1, false},
	wasm.OpF64x2Add: {ADDPD, -1, false}, wasm.OpF64x2Sub: {SUBPD, -1, false}, wasm.OpF64x2Mul: {MULPD, -1, false}, wasm.OpF64x2Div: {DIVPD, -1, false},
	// pmin(x, y) = y < x ? y : x, which is MIN(y, x); pmax likewise.
	wasm.OpF32x4Pmin: {MINPS, -1, true}, wasm.OpF32x4Pmax: {MAXPS, -1, true},
	wasm.OpF64x2Pmin: {MINPD, -1, true}, wasm.OpF64x2Pmax: {MAXPD, -1, true},
	// Predicates: 0 eq, 1 lt, 2 le, 4 neq (true when unordered).
	wasm.OpF32x4Eq: {CMPPS, 0, false}, wasm.OpF32x4Ne: {CMPPS, 4, false}, wasm.OpF32x4Lt: {CMPPS, 1, false},
	wasm.OpF32x4Le: {CMPPS, 2, false}, wasm.OpF32x4Gt: {CMPPS, 1, true}, wasm.OpF32x4Ge: {CMPPS, 2, true},
	wasm.OpF64x2Eq: {CMPPD, 0, false}, wasm.OpF64x2Ne: {CMPPD, 4, false}, wasm.OpF64x2Lt: {CMPPD, 1, false},
	wasm.OpF64x2Le: {CMPPD, 2, false}, wasm.OpF64x2Gt: {CMPPD, 1, true}, wasm.OpF64x2Ge: {CMPPD, 2, true},
}

// simdFloatOther are the float SIMD instructions and conversions selected
// case by case.
var simdFloatOther = []wasm.Op{
	wasm.OpF32x4Splat, wasm.OpF64x2Splat, wasm.OpF32x4ExtractLane, wasm.OpF64x2ExtractLane,
	wasm.OpF32x4ReplaceLane, wasm.OpF64x2ReplaceLane,
	wasm.OpF32x4Abs, wasm.OpF32x4Neg, wasm.OpF32x4Sqrt, wasm.OpF64x2Abs, wasm.OpF64x2Neg, wasm.OpF64x2Sqrt,
	wasm.OpF32x4Min, wasm.OpF32x4Max, wasm.OpF64x2Min, wasm.OpF64x2Max,
	wasm.OpF32x4Ceil, wasm.OpF32x4Floor, wasm.OpF32x4Trunc, wasm.OpF32x4Nearest,
	wasm.OpF64x2Ceil, wasm.OpF64x2Floor, wasm.OpF64x2Trunc, wasm.OpF64x2Nearest,
	wasm.OpF32x4ConvertI32x4S, wasm.OpF32x4ConvertI32x4U, wasm.OpF64x2ConvertLowI32x4S, wasm.OpF64x2ConvertLowI32x4U,
	wasm.OpI32x4TruncSatF32x4S, wasm.OpI32x4TruncSatF32x4U, wasm.OpI32x4TruncSatF64x2SZero, wasm.OpI32x4TruncSatF64x2UZero,
	wasm.OpF32x4DemoteF64x2Zero, wasm.OpF64x2PromoteLowF32x4,
}

func init() {
	for op := range simdFloatBin {
		simdSelectable[op] = true
	}
	for _, op := range simdFloatOther {
		simdSelectable[op] = true
	}
}

// f32x4Const and f64x2Const are 16-byte constants of four float32 or two
// float64 bit patterns.
func f32x4Const(bits uint32) [16]byte {
	return splat16(byte(bits), byte(bits>>8), byte(bits>>16), byte(bits>>24))
}

func f64x2Const(bits uint64) [16]byte {
	return splat16(byte(bits), byte(bits>>8), byte(bits>>16), byte(bits>>24), byte(bits>>32), byte(bits>>40), byte(bits>>48), byte(bits>>56))
}

// lowerSIMDFloat selects the floating-point SIMD instructions and the
// conversions, reporting false for any other.
func lowerSIMDFloat(l *lowerCtx, op wasm.Op, lane uint8, dst Reg, args []Reg) bool {
	a := l.a
	if b, ok := simdFloatBin[op]; ok {
		x, y := args[0], args[1]
		if b.swap {
			x, y = y, x
		}
		movx(a, X0, x)
		if b.pred >= 0 {
			a.SseRRI(b.op, X0, y, uint8(b.pred))
		} else {
			a.SseRR(b.op, X0, y)
		}
		movx(a, dst, X0)
		return true
	}
	switch op {
	case wasm.OpF32x4Splat:
		movx(a, dst, args[0])
		a.SseRRI(SHUFPS, dst, dst, 0)
	case wasm.OpF64x2Splat:
		movx(a, dst, args[0])
		a.SseRR(PUNPCKLQDQ, dst, dst)
	case wasm.OpF32x4ExtractLane: // the lane to lane 0; the others are unspecified
		a.SseRRI(PSHUFD, dst, args[0], lane)
	case wasm.OpF64x2ExtractLane:
		a.SseRRI(PSHUFD, dst, args[0], 0x44+0xaa*lane) // lane 0: 0x44 (dwords 0,1,0,1); lane 1: 0xee
	case wasm.OpF32x4ReplaceLane:
		movx(a, dst, args[0])
		a.SseRRI(INSERTPS, dst, args[1], lane<<4)
	case wasm.OpF64x2ReplaceLane:
		movx(a, dst, args[0])
		if lane == 0 {
			a.SseRR(MOVSD, dst, args[1]) // the low lane; the high one stays
		} else {
			a.SseRR(UNPCKLPD, dst, args[1])
		}
	case wasm.OpF32x4Abs, wasm.OpF64x2Abs, wasm.OpF32x4Neg, wasm.OpF64x2Neg:
		var mask [16]byte
		sse := ANDPS
		switch op {
		case wasm.OpF32x4Abs:
			mask = f32x4Const(math.MaxInt32)
		case wasm.OpF64x2Abs:
			mask = f64x2Const(math.MaxInt64)
		case wasm.OpF32x4Neg:
			mask, sse = f32x4Const(1<<31), XORPS
		default:
			mask, sse = f64x2Const(1<<63), XORPS
		}
		movx(a, dst, args[0])
		a.SseRM(sse, dst, LabelMem(l.const16(mask)))
	case wasm.OpF32x4Sqrt:
		a.SseRR(SQRTPS, dst, args[0])
	case wasm.OpF64x2Sqrt:
		a.SseRR(SQRTPD, dst, args[0])
	case wasm.OpF32x4Min, wasm.OpF64x2Min, wasm.OpF32x4Max, wasm.OpF64x2Max:
		floatMinMax(a, op, dst, args[0], args[1])
	case wasm.OpF32x4Ceil, wasm.OpF32x4Floor, wasm.OpF32x4Trunc, wasm.OpF32x4Nearest,
		wasm.OpF64x2Ceil, wasm.OpF64x2Floor, wasm.OpF64x2Trunc, wasm.OpF64x2Nearest:
		r := map[wasm.Op]struct {
			op   SseOp
			mode uint8
		}{
			wasm.OpF32x4Ceil: {ROUNDPS, 10}, wasm.OpF32x4Floor: {ROUNDPS, 9}, wasm.OpF32x4Trunc: {ROUNDPS, 11}, wasm.OpF32x4Nearest: {ROUNDPS, 8},
			wasm.OpF64x2Ceil: {ROUNDPD, 10}, wasm.OpF64x2Floor: {ROUNDPD, 9}, wasm.OpF64x2Trunc: {ROUNDPD, 11}, wasm.OpF64x2Nearest: {ROUNDPD, 8},
		}[op]
		a.SseRRI(r.op, dst, args[0], r.mode)
	case wasm.OpF32x4ConvertI32x4S:
		a.SseRR(CVTDQ2PS, dst, args[0])
	case wasm.OpF32x4ConvertI32x4U: // high 16 bits * 65536 + low 16 bits: one rounding
		movx(a, X0, args[0])
		a.SseRI(PSRLD, X0, 16)
		a.SseRR(CVTDQ2PS, X0, X0)
		a.SseRM(MULPS, X0, LabelMem(l.const16(f32x4Const(math.Float32bits(65536)))))
		movx(a, X1, args[0])
		a.SseRI(PSLLD, X1, 16)
		a.SseRI(PSRLD, X1, 16)
		a.SseRR(CVTDQ2PS, X1, X1)
		a.SseRR(ADDPS, X0, X1)
		movx(a, dst, X0)
	case wasm.OpF64x2ConvertLowI32x4S:
		a.SseRR(CVTDQ2PD, dst, args[0])
	case wasm.OpF64x2ConvertLowI32x4U: // 2^52 + x as doubles, minus 2^52
		movx(a, X0, args[0])
		a.SseRM(UNPCKLPS, X0, LabelMem(l.const16(f32x4Const(0x43300000))))
		a.SseRM(SUBPD, X0, LabelMem(l.const16(f64x2Const(0x4330000000000000))))
		movx(a, dst, X0)
	case wasm.OpI32x4TruncSatF32x4S:
		// NaN lanes to 0, then CVTTPS2DQ; positive overflow (0x80000000 from
		// a positive input) flips to 0x7fffffff.
		movx(a, X1, args[0])
		movx(a, X0, X1)
		a.SseRRI(CMPPS, X0, X0, 0) // ordered lanes
		a.SseRR(ANDPS, X1, X0)
		a.SseRR(PXOR, X0, X1) // sign set where the input is not negative
		a.SseRR(CVTTPS2DQ, X1, X1)
		a.SseRR(PAND, X0, X1)
		a.SseRI(PSRAD, X0, 31)
		a.SseRR(PXOR, X1, X0)
		movx(a, dst, X1)
	case wasm.OpI32x4TruncSatF32x4U:
		movx(a, dst, args[0])
		a.SseRR(XORPS, X0, X0)
		a.SseRR(MAXPS, dst, X0)                                          // NaN and negative lanes to 0
		a.SseRM(MOVAPS, X0, LabelMem(l.const16(f32x4Const(0x4f000000)))) // 2^31
		movx(a, X1, dst)
		a.SseRR(SUBPS, X1, X0)
		a.SseRRI(CMPPS, X0, X1, 2) // 2^31 <= x - 2^31: x >= 2^32
		a.SseRR(CVTTPS2DQ, X1, X1)
		a.SseRR(PXOR, X1, X0)
		a.SseRR(PXOR, X0, X0)
		a.SseRR(PMAXSD, X1, X0)
		a.SseRR(CVTTPS2DQ, dst, dst)
		a.SseRR(PADDD, dst, X1)
	case wasm.OpI32x4TruncSatF64x2SZero:
		movx(a, X0, args[0])
		a.SseRRI(CMPPD, X0, X0, 0) // ordered lanes
		a.SseRM(ANDPD, X0, LabelMem(l.const16(f64x2Const(math.Float64bits(2147483647)))))
		movx(a, dst, args[0])
		a.SseRR(MINPD, dst, X0) // NaN (unordered) takes X0's 0
		a.SseRR(CVTTPD2DQ, dst, dst)
	case wasm.OpI32x4TruncSatF64x2UZero:
		movx(a, dst, args[0])
		a.SseRR(XORPD, X0, X0)
		a.SseRR(MAXPD, dst, X0) // NaN and negative lanes to 0
		a.SseRM(MINPD, dst, LabelMem(l.const16(f64x2Const(math.Float64bits(4294967295)))))
		a.SseRRI(ROUNDPD, dst, dst, 11)
		a.SseRM(ADDPD, dst, LabelMem(l.const16(f64x2Const(0x4330000000000000)))) // the integer in the low dword
		a.SseRRI(SHUFPS, dst, X0, 0x88)
	case wasm.OpF32x4DemoteF64x2Zero:
		a.SseRR(CVTPD2PS, dst, args[0])
	case wasm.OpF64x2PromoteLowF32x4:
		a.SseRR(CVTPS2PD, dst, args[0])
	default:
		return false
	}
	return true
}

// floatMinMax emits Wasm's min or max of f32x4 or f64x2 lanes (also used
// for the scalar f32/f64 min and max, on the low lane): a NaN operand
// gives a canonical NaN, and -0 < +0. MINPS/MAXPS alone return their
// second operand for NaNs and equal zeros, so both operand orders are
// combined.
func floatMinMax(a *Assembler, op wasm.Op, dst, x, y Reg) {
	f64 := op == wasm.OpF64x2Min || op == wasm.OpF64x2Max || op == wasm.OpF64Min || op == wasm.OpF64Max
	isMin := op == wasm.OpF32x4Min || op == wasm.OpF64x2Min || op == wasm.OpF32Min || op == wasm.OpF64Min
	mn, mx, or, xor, sub, andn, cmp, srl, shift := MINPS, MAXPS, ORPS, XORPS, SUBPS, ANDNPS, CMPPS, PSRLD, uint8(10)
	if f64 {
		mn, mx, or, xor, sub, andn, cmp, srl, shift = MINPD, MAXPD, ORPD, XORPD, SUBPD, ANDNPD, CMPPD, PSRLQ, 13
	}
	if isMin {
		movx(a, X0, x)
		a.SseRR(mn, X0, y)
		movx(a, X1, y)
		a.SseRR(mn, X1, x)
		a.SseRR(or, X1, X0) // -0 | +0 = -0; NaN payloads survive
		movx(a, X0, X1)
		a.SseRRI(cmp, X0, X1, 3) // unordered lanes
		a.SseRR(or, X1, X0)      // quiet NaN
	} else {
		movx(a, X1, y)
		a.SseRR(mx, X1, x)
		movx(a, X0, x)
		a.SseRR(mx, X0, y)
		a.SseRR(xor, X0, X1)     // where the two orders differ
		a.SseRR(or, X1, X0)      // NaN stays NaN
		a.SseRR(sub, X1, X0)     // +0 from -0 - -0; quiet NaN
		a.SseRRI(cmp, X0, X1, 3) // unordered lanes
	}
	a.SseRI(srl, X0, shift) // the payload bits of a NaN lane
	a.SseRR(andn, X0, X1)   // cleared: canonical NaN
	movx(a, dst, X0)
}
