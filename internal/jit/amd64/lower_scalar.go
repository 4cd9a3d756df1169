//go:build amd64

package amd64

import (
	"math"

	. "github.com/wasmrun/wasmrun/internal/jit/amd64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// scalarSelectable lists the instructions lowerScalar handles.
var scalarSelectable [opSpace]bool

func init() {
	for op := range mach.Truncs {
		scalarSelectable[op] = true
	}
	for _, op := range []wasm.Op{wasm.OpF32Min, wasm.OpF32Max, wasm.OpF64Min, wasm.OpF64Max,
		wasm.OpF32ConvertI64U, wasm.OpF64ConvertI64U} {
		scalarSelectable[op] = true
	}
}

// lowerScalar emits the numeric instruction op (f32/f64 min and max,
// conversions involving unsigned 64-bit integers, trapping and saturating
// truncations...) with operands args and result dst. Trapping
// instructions jump to l.trap(code).
func lowerScalar(l *lowerCtx, op wasm.Op, dst Reg, args []Reg) {
	a := l.a
	switch op {
	case wasm.OpF32Min, wasm.OpF32Max, wasm.OpF64Min, wasm.OpF64Max:
		floatMinMax(a, op, dst, args[0], args[1])
	case wasm.OpF32ConvertI64U, wasm.OpF64ConvertI64U:
		// Below 2^63 the signed conversion is exact; above, halve with
		// the low bit kept (round to odd), convert and double.
		cv, add := CVTSI2SSQ, ADDSS
		if op == wasm.OpF64ConvertI64U {
			cv, add = CVTSI2SDQ, ADDSD
		}
		x := args[0]
		big, done := a.NewLabel(), a.NewLabel()
		a.SseRR(XORPS, dst, dst)
		a.TestRR(W64, x, x)
		a.Jcc(CondS, big)
		a.SseRR(cv, dst, x)
		a.Jmp(done)
		a.Bind(big)
		a.MovRR(W64, RAX, x)
		a.ShiftRI(Shr, W64, RAX, 1)
		a.MovRR(W32, RCX, x)
		a.AndRI(W32, RCX, 1)
		a.OrRR(W64, RAX, RCX)
		a.SseRR(cv, dst, RAX)
		a.SseRR(add, dst, dst)
		a.Bind(done)
	default:
		t, ok := mach.Truncs[op]
		if !ok {
			panic("jit/amd64: no scalar selector for " + op.String())
		}
		lowerTrunc(l, t.F64, t.I64, t.Unsigned, t.Sat, dst, args[0])
	}
}

// lowerTrunc emits a float-to-integer truncation of x into dst. CVTT*
// computes every in-range case; its "integer indefinite" result (the
// lowest integer) or, for unsigned results, a value outside the range
// sends the code to a check that tells NaN, overflow and the valid
// boundary cases apart.
func lowerTrunc(l *lowerCtx, f64, i64, unsigned, sat bool, dst, x Reg) {
	a := l.a
	cvt32, cvt64, ucom, sub := CVTTSS2SIL, CVTTSS2SIQ, UCOMISS, SUBSS
	fconst := func(v float64) Mem { return LabelMem(l.const16(f32x4Const(math.Float32bits(float32(v))))) }
	if f64 {
		cvt32, cvt64, ucom, sub = CVTTSD2SIL, CVTTSD2SIQ, UCOMISD, SUBSD
		fconst = func(v float64) Mem { return LabelMem(l.const16(f64x2Const(math.Float64bits(v)))) }
	}
	invalid := func() Label { return l.trap(store.TrapInvalidConversion) }
	overflow := func() Label { return l.trap(store.TrapIntegerOverflow) }
	done := a.NewLabel()
	switch {
	case !i64 && !unsigned: // i32, signed
		a.SseRR(cvt32, dst, x)
		a.CmpRI(W32, dst, math.MinInt32)
		a.Jcc(CondNE, done)
		// Valid only for x > -2^31 - 1 (the truncation is then -2^31).
		a.SseRM(ucom, x, fconst(-2147483649))
		if sat {
			nan, pos := a.NewLabel(), a.NewLabel()
			a.Jcc(CondP, nan)
			a.SseRR(XORPS, X0, X0)
			a.SseRR(ucom, x, X0)
			a.Jcc(CondA, pos)
			a.Jmp(done) // negative overflow: -2^31
			a.Bind(pos)
			a.MovRI(W32, dst, math.MaxInt32)
			a.Jmp(done)
			a.Bind(nan)
			a.XorRR(W32, dst, dst)
		} else {
			a.Jcc(CondP, invalid())
			if f64 { // valid for -2^31 - 1 < x <= -2^31
				a.Jcc(CondBE, overflow())
				a.SseRM(ucom, x, fconst(-2147483648))
				a.Jcc(CondA, overflow())
			} else { // the one float32 in that range is -2^31
				a.Jcc(CondNE, overflow())
			}
		}
	case i64 && !unsigned:
		a.SseRR(cvt64, dst, x)
		a.MovImm(W64, RCX, math.MinInt64)
		a.CmpRR(W64, dst, RCX)
		a.Jcc(CondNE, done)
		a.SseRM(ucom, x, fconst(-9223372036854775808)) // valid only for x == -2^63
		if sat {
			nan := a.NewLabel()
			a.Jcc(CondP, nan)
			a.Jcc(CondBE, done) // x <= -2^63: the lowest integer
			a.MovImm(W64, dst, math.MaxInt64)
			a.Jmp(done)
			a.Bind(nan)
			a.XorRR(W32, dst, dst)
		} else {
			a.Jcc(CondP, invalid())
			a.Jcc(CondNE, overflow())
		}
	case !i64: // i32, unsigned: the 64-bit conversion is exact below 2^32
		a.SseRR(cvt64, dst, x)
		a.MovRR(W64, RCX, dst)
		a.ShiftRI(Shr, W64, RCX, 32)
		a.Jcc(CondE, done)
		if sat {
			neg := a.NewLabel()
			a.SseRR(XORPS, X0, X0)
			a.SseRR(ucom, x, X0)
			a.Jcc(CondBE, neg)    // NaN (unordered) or negative: 0
			a.MovRI(W32, dst, -1) // zero-extended: 2^32 - 1
			a.Jmp(done)
			a.Bind(neg)
			a.XorRR(W32, dst, dst)
		} else {
			a.SseRR(ucom, x, x)
			a.Jcc(CondP, invalid())
			a.Jmp(overflow())
		}
	default: // i64, unsigned
		big, nan := a.NewLabel(), a.NewLabel()
		a.SseRM(ucom, x, fconst(9223372036854775808))
		a.Jcc(CondP, nan)
		a.Jcc(CondAE, big)
		a.SseRR(cvt64, dst, x) // below 2^63
		a.TestRR(W64, dst, dst)
		if sat {
			a.MovImm(W64, RCX, 0)
			a.CmovccRR(CondS, W64, dst, RCX) // x <= -1 (and the indefinite value): 0
		} else {
			a.Jcc(CondS, overflow())
		}
		a.Jmp(done)
		a.Bind(big) // 2^63 <= x: convert x - 2^63 and set the top bit
		a.SseRR(MOVAPS, X0, x)
		a.SseRM(sub, X0, fconst(9223372036854775808))
		a.SseRR(cvt64, dst, X0)
		a.TestRR(W64, dst, dst)
		if sat {
			ok := a.NewLabel()
			a.Jcc(CondNS, ok)
			a.MovImm(W64, dst, -1) // x >= 2^64
			a.Jmp(done)
			a.Bind(ok)
		} else {
			a.Jcc(CondS, overflow())
		}
		a.MovImm(W64, RCX, math.MinInt64)
		a.XorRR(W64, dst, RCX)
		a.Jmp(done)
		a.Bind(nan)
		if sat {
			a.XorRR(W32, dst, dst)
		} else {
			a.Jmp(invalid())
		}
	}
	a.Bind(done)
}
