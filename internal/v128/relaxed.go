package v128

// Relaxed SIMD (WebAssembly 3.0). The specification lets each of these
// instructions choose among a few results for some inputs; wasmrun makes
// one choice per instruction, the same on every engine and platform, and
// these functions are its reference semantics (the interpreter calls
// them; a JIT must produce the same bits):
//
//	instruction                          choice
//	i8x16.relaxed_swizzle                i8x16.swizzle: an index of 16 or more selects 0
//	i32x4.relaxed_trunc_f32x4_s/_u       i32x4.trunc_sat_f32x4_s/_u: NaN gives 0, out of range saturates
//	i32x4.relaxed_trunc_f64x2_s/u_zero   i32x4.trunc_sat_f64x2_s/u_zero
//	f32x4/f64x2.relaxed_madd             a*b+c unfused: the product is rounded, then the sum (f32x4.mul then f32x4.add)
//	f32x4/f64x2.relaxed_nmadd            -(a*b)+c unfused: (-a)*b rounded, then +c
//	i8x16/i16x8/i32x4/i64x2.relaxed_laneselect
//	                                     v128.bitselect: every result bit from a where the mask bit is 1, else from b
//	f32x4/f64x2.relaxed_min/max          f32x4/f64x2.min/max: a NaN operand gives a NaN, -0 < +0
//	i16x8.relaxed_q15mulr_s              i16x8.q15mulr_sat_s: -32768 * -32768 saturates to 32767
//	i16x8.relaxed_dot_i8x16_i7x16_s      both operands' lanes signed; each pair sum wraps to 16 bits
//	i32x4.relaxed_dot_i8x16_i7x16_add_s  the i16x8 result above, its pairs sign-extended and added to 32 bits, plus c (wrapping)
//
// NaN results follow the package's NaN rules.

// I8x16RelaxedSwizzle implements i8x16.relaxed_swizzle as i8x16.swizzle.
func I8x16RelaxedSwizzle(a, s V128) V128 { return I8x16Swizzle(a, s) }

// I32x4RelaxedTruncF32x4S implements i32x4.relaxed_trunc_f32x4_s as
// i32x4.trunc_sat_f32x4_s.
func I32x4RelaxedTruncF32x4S(a V128) V128 { return I32x4TruncSatF32x4S(a) }

// I32x4RelaxedTruncF32x4U implements i32x4.relaxed_trunc_f32x4_u as
// i32x4.trunc_sat_f32x4_u.
func I32x4RelaxedTruncF32x4U(a V128) V128 { return I32x4TruncSatF32x4U(a) }

// I32x4RelaxedTruncF64x2SZero implements i32x4.relaxed_trunc_f64x2_s_zero
// as i32x4.trunc_sat_f64x2_s_zero.
func I32x4RelaxedTruncF64x2SZero(a V128) V128 { return I32x4TruncSatF64x2SZero(a) }

// I32x4RelaxedTruncF64x2UZero implements i32x4.relaxed_trunc_f64x2_u_zero
// as i32x4.trunc_sat_f64x2_u_zero.
func I32x4RelaxedTruncF64x2UZero(a V128) V128 { return I32x4TruncSatF64x2UZero(a) }

// F32x4RelaxedMadd implements f32x4.relaxed_madd unfused: a*b rounded to
// f32, then +c rounded.
func F32x4RelaxedMadd(a, b, c V128) V128 { return F32x4Add(F32x4Mul(a, b), c) }

// F32x4RelaxedNmadd implements f32x4.relaxed_nmadd unfused: (-a)*b rounded
// to f32, then +c rounded.
func F32x4RelaxedNmadd(a, b, c V128) V128 { return F32x4Add(F32x4Mul(F32x4Neg(a), b), c) }

// F64x2RelaxedMadd implements f64x2.relaxed_madd unfused.
func F64x2RelaxedMadd(a, b, c V128) V128 { return F64x2Add(F64x2Mul(a, b), c) }

// F64x2RelaxedNmadd implements f64x2.relaxed_nmadd unfused.
func F64x2RelaxedNmadd(a, b, c V128) V128 { return F64x2Add(F64x2Mul(F64x2Neg(a), b), c) }

// I8x16RelaxedLaneselect implements i8x16.relaxed_laneselect as
// v128.bitselect(a, b, m).
func I8x16RelaxedLaneselect(a, b, m V128) V128 { return V128Bitselect(a, b, m) }

// I16x8RelaxedLaneselect implements i16x8.relaxed_laneselect as
// v128.bitselect(a, b, m).
func I16x8RelaxedLaneselect(a, b, m V128) V128 { return V128Bitselect(a, b, m) }

// I32x4RelaxedLaneselect implements i32x4.relaxed_laneselect as
// v128.bitselect(a, b, m).
func I32x4RelaxedLaneselect(a, b, m V128) V128 { return V128Bitselect(a, b, m) }

// I64x2RelaxedLaneselect implements i64x2.relaxed_laneselect as
// v128.bitselect(a, b, m).
func I64x2RelaxedLaneselect(a, b, m V128) V128 { return V128Bitselect(a, b, m) }

// F32x4RelaxedMin implements f32x4.relaxed_min as f32x4.min.
func F32x4RelaxedMin(a, b V128) V128 { return F32x4Min(a, b) }

// F32x4RelaxedMax implements f32x4.relaxed_max as f32x4.max.
func F32x4RelaxedMax(a, b V128) V128 { return F32x4Max(a, b) }

// F64x2RelaxedMin implements f64x2.relaxed_min as f64x2.min.
func F64x2RelaxedMin(a, b V128) V128 { return F64x2Min(a, b) }

// F64x2RelaxedMax implements f64x2.relaxed_max as f64x2.max.
func F64x2RelaxedMax(a, b V128) V128 { return F64x2Max(a, b) }

// I16x8RelaxedQ15mulrS implements i16x8.relaxed_q15mulr_s as
// i16x8.q15mulr_sat_s.
func I16x8RelaxedQ15mulrS(a, b V128) V128 { return I16x8Q15mulrSatS(a, b) }

// I16x8RelaxedDotI8x16I7x16S implements i16x8.relaxed_dot_i8x16_i7x16_s:
// lane i is a[2i]*b[2i] + a[2i+1]*b[2i+1], every byte signed, wrapped to
// 16 bits.
func I16x8RelaxedDotI8x16I7x16S(a, b V128) V128 {
	x, y := a.Bytes(), b.Bytes()
	var r [8]uint16
	for i := range r {
		p0 := int32(int8(x[2*i])) * int32(int8(y[2*i]))
		p1 := int32(int8(x[2*i+1])) * int32(int8(y[2*i+1]))
		r[i] = uint16(p0 + p1)
	}
	return FromU16(r)
}

// I32x4RelaxedDotI8x16I7x16AddS implements
// i32x4.relaxed_dot_i8x16_i7x16_add_s: lane i is the sum of lanes 2i and
// 2i+1 of I16x8RelaxedDotI8x16I7x16S(a, b), sign-extended, plus c[i],
// wrapped to 32 bits.
func I32x4RelaxedDotI8x16I7x16AddS(a, b, c V128) V128 {
	d := I16x8RelaxedDotI8x16I7x16S(a, b).U16()
	acc := c.U32()
	var r [4]uint32
	for i := range r {
		r[i] = acc[i] + uint32(int32(int16(d[2*i]))+int32(int16(d[2*i+1])))
	}
	return FromU32(r)
}
