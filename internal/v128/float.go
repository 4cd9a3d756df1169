package v128

import "math"

// NaN bit patterns.
const (
	canon32 = 0x7FC00000         // positive canonical f32 NaN
	quiet32 = 0x00400000         // f32 quiet bit
	canon64 = 0x7FF8000000000000 // positive canonical f64 NaN
	quiet64 = 0x0008000000000000 // f64 quiet bit
)

func isNaN32(x uint32) bool { return x&0x7FFFFFFF > 0x7F800000 }
func isNaN64(x uint64) bool { return x&(1<<63-1) > 0x7FF0000000000000 }

func f32(x uint32) float32 { return math.Float32frombits(x) }
func f64(x uint64) float64 { return math.Float64frombits(x) }

// res32 returns the bits of r, the result of an operation on x and y,
// applying the Wasm NaN rules deterministically.
func res32(r float32, x, y uint32) uint32 {
	if r == r {
		return math.Float32bits(r)
	}
	return nan32(x, y)
}

// nan32 is the NaN result of an operation on x and y: the first NaN operand
// made quiet, or the canonical NaN when neither operand is a NaN.
func nan32(x, y uint32) uint32 {
	if isNaN32(x) {
		return x | quiet32
	}
	if isNaN32(y) {
		return y | quiet32
	}
	return canon32
}

func res64(r float64, x, y uint64) uint64 {
	if r == r {
		return math.Float64bits(r)
	}
	return nan64(x, y)
}

func nan64(x, y uint64) uint64 {
	if isNaN64(x) {
		return x | quiet64
	}
	if isNaN64(y) {
		return y | quiet64
	}
	return canon64
}

// ---- f32x4 arithmetic ----

// F32x4Add implements f32x4.add.
func F32x4Add(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return res32(f32(x)+f32(y), x, y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Sub implements f32x4.sub.
func F32x4Sub(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return res32(f32(x)-f32(y), x, y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Mul implements f32x4.mul.
func F32x4Mul(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return res32(f32(x)*f32(y), x, y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Div implements f32x4.div.
func F32x4Div(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return res32(f32(x)/f32(y), x, y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Sqrt implements f32x4.sqrt (correctly rounded; the square root of
// a negative number is the canonical NaN).
func F32x4Sqrt(a V128) V128 {
	f := func(x uint32) uint32 {
		// Rounding the exact float64 square root to float32 is correct:
		// float64 has more than 2*24+2 significand bits.
		return res32(float32(math.Sqrt(float64(f32(x)))), x, x)
	}
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

func fmin32(x, y uint32) uint32 {
	if isNaN32(x) || isNaN32(y) {
		return nan32(x, y)
	}
	fx, fy := f32(x), f32(y)
	if fx < fy {
		return x
	}
	if fy < fx {
		return y
	}
	return x | y // equal: identical bits, or ±0 where -0 wins
}

func fmax32(x, y uint32) uint32 {
	if isNaN32(x) || isNaN32(y) {
		return nan32(x, y)
	}
	fx, fy := f32(x), f32(y)
	if fx > fy {
		return x
	}
	if fy > fx {
		return y
	}
	return x & y // equal: identical bits, or ±0 where +0 wins
}

// F32x4Min implements f32x4.min: NaN if either operand is NaN, and
// -0 < +0.
func F32x4Min(a, b V128) V128 { return V128{lanes32(a.Lo, b.Lo, fmin32), lanes32(a.Hi, b.Hi, fmin32)} }

// F32x4Max implements f32x4.max: NaN if either operand is NaN, and
// -0 < +0.
func F32x4Max(a, b V128) V128 { return V128{lanes32(a.Lo, b.Lo, fmax32), lanes32(a.Hi, b.Hi, fmax32)} }

// F32x4Pmin implements f32x4.pmin: b < a ? b : a, returning operand bits
// unchanged (NaNs included).
func F32x4Pmin(a, b V128) V128 {
	f := func(x, y uint32) uint32 {
		if f32(y) < f32(x) {
			return y
		}
		return x
	}
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Pmax implements f32x4.pmax: a < b ? b : a.
func F32x4Pmax(a, b V128) V128 {
	f := func(x, y uint32) uint32 {
		if f32(x) < f32(y) {
			return y
		}
		return x
	}
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Abs implements f32x4.abs (clears the sign bit, NaNs included).
func F32x4Abs(a V128) V128 {
	const m = 0x7FFFFFFF7FFFFFFF
	return V128{a.Lo & m, a.Hi & m}
}

// F32x4Neg implements f32x4.neg (flips the sign bit, NaNs included).
func F32x4Neg(a V128) V128 {
	const m = 0x8000000080000000
	return V128{a.Lo ^ m, a.Hi ^ m}
}

// round32 applies an integral rounding function to an f32; NaNs become
// quiet, infinities and zeros (with their sign) are kept.
func round32(x uint32, f func(float64) float64) uint32 {
	if isNaN32(x) {
		return x | quiet32
	}
	// float32 -> float64 is exact and the integral result is representable
	// as float32, so no double rounding happens.
	return math.Float32bits(float32(f(float64(f32(x)))))
}

// F32x4Ceil implements f32x4.ceil.
func F32x4Ceil(a V128) V128 {
	f := func(x uint32) uint32 { return round32(x, math.Ceil) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// F32x4Floor implements f32x4.floor.
func F32x4Floor(a V128) V128 {
	f := func(x uint32) uint32 { return round32(x, math.Floor) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// F32x4Trunc implements f32x4.trunc.
func F32x4Trunc(a V128) V128 {
	f := func(x uint32) uint32 { return round32(x, math.Trunc) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// F32x4Nearest implements f32x4.nearest (round half to even).
func F32x4Nearest(a V128) V128 {
	f := func(x uint32) uint32 { return round32(x, math.RoundToEven) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// ---- f64x2 arithmetic ----

// F64x2Add implements f64x2.add.
func F64x2Add(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return res64(f64(x)+f64(y), x, y) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Sub implements f64x2.sub.
func F64x2Sub(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return res64(f64(x)-f64(y), x, y) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Mul implements f64x2.mul.
func F64x2Mul(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return res64(f64(x)*f64(y), x, y) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Div implements f64x2.div.
func F64x2Div(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return res64(f64(x)/f64(y), x, y) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Sqrt implements f64x2.sqrt.
func F64x2Sqrt(a V128) V128 {
	f := func(x uint64) uint64 { return res64(math.Sqrt(f64(x)), x, x) }
	return V128{f(a.Lo), f(a.Hi)}
}

func fmin64(x, y uint64) uint64 {
	if isNaN64(x) || isNaN64(y) {
		return nan64(x, y)
	}
	fx, fy := f64(x), f64(y)
	if fx < fy {
		return x
	}
	if fy < fx {
		return y
	}
	return x | y
}

func fmax64(x, y uint64) uint64 {
	if isNaN64(x) || isNaN64(y) {
		return nan64(x, y)
	}
	fx, fy := f64(x), f64(y)
	if fx > fy {
		return x
	}
	if fy > fx {
		return y
	}
	return x & y
}

// F64x2Min implements f64x2.min: NaN if either operand is NaN, and
// -0 < +0.
func F64x2Min(a, b V128) V128 { return V128{fmin64(a.Lo, b.Lo), fmin64(a.Hi, b.Hi)} }

// F64x2Max implements f64x2.max: NaN if either operand is NaN, and
// -0 < +0.
func F64x2Max(a, b V128) V128 { return V128{fmax64(a.Lo, b.Lo), fmax64(a.Hi, b.Hi)} }

// F64x2Pmin implements f64x2.pmin: b < a ? b : a.
func F64x2Pmin(a, b V128) V128 {
	f := func(x, y uint64) uint64 {
		if f64(y) < f64(x) {
			return y
		}
		return x
	}
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Pmax implements f64x2.pmax: a < b ? b : a.
func F64x2Pmax(a, b V128) V128 {
	f := func(x, y uint64) uint64 {
		if f64(x) < f64(y) {
			return y
		}
		return x
	}
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Abs implements f64x2.abs.
func F64x2Abs(a V128) V128 { return V128{a.Lo &^ (1 << 63), a.Hi &^ (1 << 63)} }

// F64x2Neg implements f64x2.neg.
func F64x2Neg(a V128) V128 { return V128{a.Lo ^ (1 << 63), a.Hi ^ (1 << 63)} }

func round64(x uint64, f func(float64) float64) uint64 {
	if isNaN64(x) {
		return x | quiet64
	}
	return math.Float64bits(f(f64(x)))
}

// F64x2Ceil implements f64x2.ceil.
func F64x2Ceil(a V128) V128 {
	f := func(x uint64) uint64 { return round64(x, math.Ceil) }
	return V128{f(a.Lo), f(a.Hi)}
}

// F64x2Floor implements f64x2.floor.
func F64x2Floor(a V128) V128 {
	f := func(x uint64) uint64 { return round64(x, math.Floor) }
	return V128{f(a.Lo), f(a.Hi)}
}

// F64x2Trunc implements f64x2.trunc.
func F64x2Trunc(a V128) V128 {
	f := func(x uint64) uint64 { return round64(x, math.Trunc) }
	return V128{f(a.Lo), f(a.Hi)}
}

// F64x2Nearest implements f64x2.nearest (round half to even).
func F64x2Nearest(a V128) V128 {
	f := func(x uint64) uint64 { return round64(x, math.RoundToEven) }
	return V128{f(a.Lo), f(a.Hi)}
}

// ---- float comparisons ----

// F32x4Eq implements f32x4.eq.
func F32x4Eq(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](f32(x) == f32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Ne implements f32x4.ne (true when either lane is NaN).
func F32x4Ne(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](f32(x) != f32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Lt implements f32x4.lt.
func F32x4Lt(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](f32(x) < f32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Gt implements f32x4.gt.
func F32x4Gt(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](f32(x) > f32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Le implements f32x4.le.
func F32x4Le(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](f32(x) <= f32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F32x4Ge implements f32x4.ge.
func F32x4Ge(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](f32(x) >= f32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// F64x2Eq implements f64x2.eq.
func F64x2Eq(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](f64(x) == f64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Ne implements f64x2.ne (true when either lane is NaN).
func F64x2Ne(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](f64(x) != f64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Lt implements f64x2.lt.
func F64x2Lt(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](f64(x) < f64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Gt implements f64x2.gt.
func F64x2Gt(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](f64(x) > f64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Le implements f64x2.le.
func F64x2Le(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](f64(x) <= f64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// F64x2Ge implements f64x2.ge.
func F64x2Ge(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](f64(x) >= f64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// ---- conversions ----

// truncSatS32 converts f to i32 rounding toward zero, saturating, with NaN
// giving 0.
func truncSatS32(f float64) uint32 {
	switch {
	case f != f:
		return 0
	case f <= math.MinInt32:
		return 0x80000000
	case f >= math.MaxInt32:
		return math.MaxInt32
	}
	return uint32(int32(int64(f)))
}

// truncSatU32 converts f to u32 rounding toward zero, saturating, with NaN
// giving 0.
func truncSatU32(f float64) uint32 {
	switch {
	case !(f >= 1): // NaN, negative, or truncates to 0
		return 0
	case f >= math.MaxUint32:
		return math.MaxUint32
	}
	return uint32(int64(f))
}

// I32x4TruncSatF32x4S implements i32x4.trunc_sat_f32x4_s.
func I32x4TruncSatF32x4S(a V128) V128 {
	f := func(x uint32) uint32 { return truncSatS32(float64(f32(x))) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// I32x4TruncSatF32x4U implements i32x4.trunc_sat_f32x4_u.
func I32x4TruncSatF32x4U(a V128) V128 {
	f := func(x uint32) uint32 { return truncSatU32(float64(f32(x))) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// I32x4TruncSatF64x2SZero implements i32x4.trunc_sat_f64x2_s_zero: the two
// f64 lanes converted into i32 lanes 0 and 1; lanes 2 and 3 are zero.
func I32x4TruncSatF64x2SZero(a V128) V128 {
	return V128{Lo: uint64(truncSatS32(f64(a.Lo))) | uint64(truncSatS32(f64(a.Hi)))<<32}
}

// I32x4TruncSatF64x2UZero implements i32x4.trunc_sat_f64x2_u_zero.
func I32x4TruncSatF64x2UZero(a V128) V128 {
	return V128{Lo: uint64(truncSatU32(f64(a.Lo))) | uint64(truncSatU32(f64(a.Hi)))<<32}
}

// F32x4ConvertI32x4S implements f32x4.convert_i32x4_s (round to nearest
// even).
func F32x4ConvertI32x4S(a V128) V128 {
	f := func(x uint32) uint32 { return math.Float32bits(float32(int32(x))) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// F32x4ConvertI32x4U implements f32x4.convert_i32x4_u (round to nearest
// even).
func F32x4ConvertI32x4U(a V128) V128 {
	f := func(x uint32) uint32 { return math.Float32bits(float32(x)) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// F64x2ConvertLowI32x4S implements f64x2.convert_low_i32x4_s (exact).
func F64x2ConvertLowI32x4S(a V128) V128 {
	return V128{
		math.Float64bits(float64(int32(a.Lo))),
		math.Float64bits(float64(int32(a.Lo >> 32))),
	}
}

// F64x2ConvertLowI32x4U implements f64x2.convert_low_i32x4_u (exact).
func F64x2ConvertLowI32x4U(a V128) V128 {
	return V128{
		math.Float64bits(float64(uint32(a.Lo))),
		math.Float64bits(float64(uint32(a.Lo >> 32))),
	}
}

// demote converts f64 bits to f32 bits, rounding to nearest even; a NaN
// keeps its sign and the top bits of its payload and becomes quiet.
func demote(x uint64) uint32 {
	if isNaN64(x) {
		return uint32(x>>63)<<31 | canon32 | uint32(x>>29)&(quiet32-1)
	}
	return math.Float32bits(float32(f64(x)))
}

// promote converts f32 bits to f64 bits (exact); a NaN keeps its sign and
// payload and becomes quiet.
func promote(x uint32) uint64 {
	if isNaN32(x) {
		return uint64(x>>31)<<63 | canon64 | uint64(x&(quiet32-1))<<29
	}
	return math.Float64bits(float64(f32(x)))
}

// F32x4DemoteF64x2Zero implements f32x4.demote_f64x2_zero: lanes 0 and 1
// are the demoted f64 lanes, lanes 2 and 3 are +0.
func F32x4DemoteF64x2Zero(a V128) V128 {
	return V128{Lo: uint64(demote(a.Lo)) | uint64(demote(a.Hi))<<32}
}

// F64x2PromoteLowF32x4 implements f64x2.promote_low_f32x4.
func F64x2PromoteLowF32x4(a V128) V128 {
	return V128{promote(uint32(a.Lo)), promote(uint32(a.Lo >> 32))}
}
