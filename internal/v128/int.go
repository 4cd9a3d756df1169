package v128

import "math/bits"

// SWAR masks: the top bit of every lane.
const (
	hi8  = 0x8080808080808080
	hi16 = 0x8000800080008000
	hi32 = 0x8000000080000000
)

func add8(x, y uint64) uint64  { return ((x &^ hi8) + (y &^ hi8)) ^ ((x ^ y) & hi8) }
func sub8(x, y uint64) uint64  { return ((x | hi8) - (y &^ hi8)) ^ ((x ^ ^y) & hi8) }
func add16(x, y uint64) uint64 { return ((x &^ hi16) + (y &^ hi16)) ^ ((x ^ y) & hi16) }
func sub16(x, y uint64) uint64 { return ((x | hi16) - (y &^ hi16)) ^ ((x ^ ^y) & hi16) }
func add32(x, y uint64) uint64 { return ((x &^ hi32) + (y &^ hi32)) ^ ((x ^ y) & hi32) }
func sub32(x, y uint64) uint64 { return ((x | hi32) - (y &^ hi32)) ^ ((x ^ ^y) & hi32) }

// ---- add, sub, mul, neg ----

// I8x16Add implements i8x16.add (wrapping).
func I8x16Add(a, b V128) V128 { return V128{add8(a.Lo, b.Lo), add8(a.Hi, b.Hi)} }

// I8x16Sub implements i8x16.sub (wrapping).
func I8x16Sub(a, b V128) V128 { return V128{sub8(a.Lo, b.Lo), sub8(a.Hi, b.Hi)} }

// I16x8Add implements i16x8.add (wrapping).
func I16x8Add(a, b V128) V128 { return V128{add16(a.Lo, b.Lo), add16(a.Hi, b.Hi)} }

// I16x8Sub implements i16x8.sub (wrapping).
func I16x8Sub(a, b V128) V128 { return V128{sub16(a.Lo, b.Lo), sub16(a.Hi, b.Hi)} }

// I32x4Add implements i32x4.add (wrapping).
func I32x4Add(a, b V128) V128 { return V128{add32(a.Lo, b.Lo), add32(a.Hi, b.Hi)} }

// I32x4Sub implements i32x4.sub (wrapping).
func I32x4Sub(a, b V128) V128 { return V128{sub32(a.Lo, b.Lo), sub32(a.Hi, b.Hi)} }

// I64x2Add implements i64x2.add (wrapping).
func I64x2Add(a, b V128) V128 { return V128{a.Lo + b.Lo, a.Hi + b.Hi} }

// I64x2Sub implements i64x2.sub (wrapping).
func I64x2Sub(a, b V128) V128 { return V128{a.Lo - b.Lo, a.Hi - b.Hi} }

// I16x8Mul implements i16x8.mul (low 16 bits of the product).
func I16x8Mul(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return x * y }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I32x4Mul implements i32x4.mul (low 32 bits of the product).
func I32x4Mul(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return x * y }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I64x2Mul implements i64x2.mul (low 64 bits of the product).
func I64x2Mul(a, b V128) V128 { return V128{a.Lo * b.Lo, a.Hi * b.Hi} }

// I8x16Neg implements i8x16.neg (wrapping: -(-128) = -128).
func I8x16Neg(a V128) V128 { return I8x16Sub(V128{}, a) }

// I16x8Neg implements i16x8.neg (wrapping).
func I16x8Neg(a V128) V128 { return I16x8Sub(V128{}, a) }

// I32x4Neg implements i32x4.neg (wrapping).
func I32x4Neg(a V128) V128 { return I32x4Sub(V128{}, a) }

// I64x2Neg implements i64x2.neg (wrapping).
func I64x2Neg(a V128) V128 { return V128{-a.Lo, -a.Hi} }

// ---- abs, popcnt ----

// I8x16Abs implements i8x16.abs (wrapping: abs(-128) = -128).
func I8x16Abs(a V128) V128 {
	f := func(x uint8) uint8 {
		if int8(x) < 0 {
			return -x
		}
		return x
	}
	return V128{lanes8u(a.Lo, f), lanes8u(a.Hi, f)}
}

// I16x8Abs implements i16x8.abs (wrapping).
func I16x8Abs(a V128) V128 {
	f := func(x uint16) uint16 {
		if int16(x) < 0 {
			return -x
		}
		return x
	}
	return V128{lanes16u(a.Lo, f), lanes16u(a.Hi, f)}
}

// I32x4Abs implements i32x4.abs (wrapping).
func I32x4Abs(a V128) V128 {
	f := func(x uint32) uint32 {
		if int32(x) < 0 {
			return -x
		}
		return x
	}
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// I64x2Abs implements i64x2.abs (wrapping).
func I64x2Abs(a V128) V128 {
	f := func(x uint64) uint64 {
		if int64(x) < 0 {
			return -x
		}
		return x
	}
	return V128{f(a.Lo), f(a.Hi)}
}

// I8x16Popcnt implements i8x16.popcnt.
func I8x16Popcnt(a V128) V128 {
	f := func(x uint8) uint8 { return uint8(bits.OnesCount8(x)) }
	return V128{lanes8u(a.Lo, f), lanes8u(a.Hi, f)}
}

// ---- saturating arithmetic ----

func satS8(x int32) uint8 {
	if x > 127 {
		return 127
	}
	if x < -128 {
		return 0x80
	}
	return uint8(x)
}

func satU8(x int32) uint8 {
	if x > 255 {
		return 255
	}
	if x < 0 {
		return 0
	}
	return uint8(x)
}

func satS16(x int32) uint16 {
	if x > 32767 {
		return 32767
	}
	if x < -32768 {
		return 0x8000
	}
	return uint16(x)
}

func satU16(x int32) uint16 {
	if x > 65535 {
		return 65535
	}
	if x < 0 {
		return 0
	}
	return uint16(x)
}

// I8x16AddSatS implements i8x16.add_sat_s.
func I8x16AddSatS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return satS8(int32(int8(x)) + int32(int8(y))) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16AddSatU implements i8x16.add_sat_u.
func I8x16AddSatU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return satU8(int32(x) + int32(y)) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16SubSatS implements i8x16.sub_sat_s.
func I8x16SubSatS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return satS8(int32(int8(x)) - int32(int8(y))) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16SubSatU implements i8x16.sub_sat_u.
func I8x16SubSatU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return satU8(int32(x) - int32(y)) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I16x8AddSatS implements i16x8.add_sat_s.
func I16x8AddSatS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return satS16(int32(int16(x)) + int32(int16(y))) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8AddSatU implements i16x8.add_sat_u.
func I16x8AddSatU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return satU16(int32(x) + int32(y)) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8SubSatS implements i16x8.sub_sat_s.
func I16x8SubSatS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return satS16(int32(int16(x)) - int32(int16(y))) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8SubSatU implements i16x8.sub_sat_u.
func I16x8SubSatU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return satU16(int32(x) - int32(y)) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8Q15mulrSatS implements i16x8.q15mulr_sat_s: (x*y + 2^14) >> 15,
// saturated (only -32768 * -32768 saturates, to 32767).
func I16x8Q15mulrSatS(a, b V128) V128 {
	f := func(x, y uint16) uint16 {
		return satS16((int32(int16(x))*int32(int16(y)) + 0x4000) >> 15)
	}
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// ---- min, max, avgr ----

// I8x16MinS implements i8x16.min_s.
func I8x16MinS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return uint8(min(int8(x), int8(y))) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16MinU implements i8x16.min_u.
func I8x16MinU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return min(x, y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16MaxS implements i8x16.max_s.
func I8x16MaxS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return uint8(max(int8(x), int8(y))) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16MaxU implements i8x16.max_u.
func I8x16MaxU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return max(x, y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I16x8MinS implements i16x8.min_s.
func I16x8MinS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return uint16(min(int16(x), int16(y))) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8MinU implements i16x8.min_u.
func I16x8MinU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return min(x, y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8MaxS implements i16x8.max_s.
func I16x8MaxS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return uint16(max(int16(x), int16(y))) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8MaxU implements i16x8.max_u.
func I16x8MaxU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return max(x, y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I32x4MinS implements i32x4.min_s.
func I32x4MinS(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return uint32(min(int32(x), int32(y))) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4MinU implements i32x4.min_u.
func I32x4MinU(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return min(x, y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4MaxS implements i32x4.max_s.
func I32x4MaxS(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return uint32(max(int32(x), int32(y))) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4MaxU implements i32x4.max_u.
func I32x4MaxU(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return max(x, y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I8x16AvgrU implements i8x16.avgr_u: (x + y + 1) / 2 without overflow.
func I8x16AvgrU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return uint8((uint32(x) + uint32(y) + 1) >> 1) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I16x8AvgrU implements i16x8.avgr_u.
func I16x8AvgrU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return uint16((uint32(x) + uint32(y) + 1) >> 1) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// ---- shifts (count taken modulo the lane width) ----

// I8x16Shl implements i8x16.shl.
func I8x16Shl(a V128, n uint32) V128 {
	s := n & 7
	f := func(x uint8) uint8 { return x << s }
	return V128{lanes8u(a.Lo, f), lanes8u(a.Hi, f)}
}

// I8x16ShrS implements i8x16.shr_s.
func I8x16ShrS(a V128, n uint32) V128 {
	s := n & 7
	f := func(x uint8) uint8 { return uint8(int8(x) >> s) }
	return V128{lanes8u(a.Lo, f), lanes8u(a.Hi, f)}
}

// I8x16ShrU implements i8x16.shr_u.
func I8x16ShrU(a V128, n uint32) V128 {
	s := n & 7
	f := func(x uint8) uint8 { return x >> s }
	return V128{lanes8u(a.Lo, f), lanes8u(a.Hi, f)}
}

// I16x8Shl implements i16x8.shl.
func I16x8Shl(a V128, n uint32) V128 {
	s := n & 15
	f := func(x uint16) uint16 { return x << s }
	return V128{lanes16u(a.Lo, f), lanes16u(a.Hi, f)}
}

// I16x8ShrS implements i16x8.shr_s.
func I16x8ShrS(a V128, n uint32) V128 {
	s := n & 15
	f := func(x uint16) uint16 { return uint16(int16(x) >> s) }
	return V128{lanes16u(a.Lo, f), lanes16u(a.Hi, f)}
}

// I16x8ShrU implements i16x8.shr_u.
func I16x8ShrU(a V128, n uint32) V128 {
	s := n & 15
	f := func(x uint16) uint16 { return x >> s }
	return V128{lanes16u(a.Lo, f), lanes16u(a.Hi, f)}
}

// I32x4Shl implements i32x4.shl.
func I32x4Shl(a V128, n uint32) V128 {
	s := n & 31
	f := func(x uint32) uint32 { return x << s }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// I32x4ShrS implements i32x4.shr_s.
func I32x4ShrS(a V128, n uint32) V128 {
	s := n & 31
	f := func(x uint32) uint32 { return uint32(int32(x) >> s) }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// I32x4ShrU implements i32x4.shr_u.
func I32x4ShrU(a V128, n uint32) V128 {
	s := n & 31
	f := func(x uint32) uint32 { return x >> s }
	return V128{lanes32u(a.Lo, f), lanes32u(a.Hi, f)}
}

// I64x2Shl implements i64x2.shl.
func I64x2Shl(a V128, n uint32) V128 {
	s := n & 63
	return V128{a.Lo << s, a.Hi << s}
}

// I64x2ShrS implements i64x2.shr_s.
func I64x2ShrS(a V128, n uint32) V128 {
	s := n & 63
	return V128{uint64(int64(a.Lo) >> s), uint64(int64(a.Hi) >> s)}
}

// I64x2ShrU implements i64x2.shr_u.
func I64x2ShrU(a V128, n uint32) V128 {
	s := n & 63
	return V128{a.Lo >> s, a.Hi >> s}
}

// ---- all_true, bitmask ----

// I8x16AllTrue implements i8x16.all_true: 1 if every lane is non-zero.
func I8x16AllTrue(a V128) uint32 {
	// A byte of (x - 0x01..) &^ x & 0x80.. is set iff that byte of x is 0
	// (exact for the lowest zero byte; any zero byte makes it non-zero).
	const lo = 0x0101010101010101
	z := ((a.Lo-lo)&^a.Lo | (a.Hi-lo)&^a.Hi) & hi8
	if z == 0 {
		return 1
	}
	return 0
}

// I16x8AllTrue implements i16x8.all_true.
func I16x8AllTrue(a V128) uint32 {
	for _, x := range a.U16() {
		if x == 0 {
			return 0
		}
	}
	return 1
}

// I32x4AllTrue implements i32x4.all_true.
func I32x4AllTrue(a V128) uint32 {
	for _, x := range a.U32() {
		if x == 0 {
			return 0
		}
	}
	return 1
}

// I64x2AllTrue implements i64x2.all_true.
func I64x2AllTrue(a V128) uint32 {
	if a.Lo != 0 && a.Hi != 0 {
		return 1
	}
	return 0
}

// I8x16Bitmask implements i8x16.bitmask: bit i is the top bit of lane i.
func I8x16Bitmask(a V128) uint32 {
	// Gather the eight top bits of each half into one byte.
	const magic = 0x0102040810204080
	lo := ((a.Lo & hi8) >> 7) * magic >> 56
	hi := ((a.Hi & hi8) >> 7) * magic >> 56
	return uint32(lo) | uint32(hi)<<8
}

// I16x8Bitmask implements i16x8.bitmask.
func I16x8Bitmask(a V128) uint32 {
	var r uint32
	for i, x := range a.U16() {
		r |= uint32(x>>15) << i
	}
	return r
}

// I32x4Bitmask implements i32x4.bitmask.
func I32x4Bitmask(a V128) uint32 {
	return uint32(a.Lo>>31&1 | a.Lo>>62&2 | a.Hi>>29&4 | a.Hi>>60&8)
}

// I64x2Bitmask implements i64x2.bitmask.
func I64x2Bitmask(a V128) uint32 { return uint32(a.Lo>>63 | a.Hi>>63<<1) }

// ---- narrow, extend ----

// I8x16NarrowI16x8S implements i8x16.narrow_i16x8_s: lanes of a then b,
// each saturated to a signed byte.
func I8x16NarrowI16x8S(a, b V128) V128 {
	x, y := a.U16(), b.U16()
	var r [16]byte
	for i := 0; i < 8; i++ {
		r[i] = satS8(int32(int16(x[i])))
		r[i+8] = satS8(int32(int16(y[i])))
	}
	return FromBytes(r)
}

// I8x16NarrowI16x8U implements i8x16.narrow_i16x8_u: signed input lanes
// saturated to an unsigned byte.
func I8x16NarrowI16x8U(a, b V128) V128 {
	x, y := a.U16(), b.U16()
	var r [16]byte
	for i := 0; i < 8; i++ {
		r[i] = satU8(int32(int16(x[i])))
		r[i+8] = satU8(int32(int16(y[i])))
	}
	return FromBytes(r)
}

// I16x8NarrowI32x4S implements i16x8.narrow_i32x4_s.
func I16x8NarrowI32x4S(a, b V128) V128 {
	x, y := a.U32(), b.U32()
	var r [8]uint16
	for i := 0; i < 4; i++ {
		r[i] = satS16(int32(x[i]))
		r[i+4] = satS16(int32(y[i]))
	}
	return FromU16(r)
}

// I16x8NarrowI32x4U implements i16x8.narrow_i32x4_u.
func I16x8NarrowI32x4U(a, b V128) V128 {
	x, y := a.U32(), b.U32()
	var r [8]uint16
	for i := 0; i < 4; i++ {
		r[i] = satU16(int32(x[i]))
		r[i+4] = satU16(int32(y[i]))
	}
	return FromU16(r)
}

// ext8to16 widens eight bytes (half h of a) to 16-bit lanes.
func ext8to16(h uint64, signed bool) V128 {
	var r [8]uint16
	for i := range r {
		x := uint8(h >> (8 * i))
		if signed {
			r[i] = uint16(int8(x))
		} else {
			r[i] = uint16(x)
		}
	}
	return FromU16(r)
}

func ext16to32(h uint64, signed bool) V128 {
	var r [4]uint32
	for i := range r {
		x := uint16(h >> (16 * i))
		if signed {
			r[i] = uint32(int16(x))
		} else {
			r[i] = uint32(x)
		}
	}
	return FromU32(r)
}

func ext32to64(h uint64, signed bool) V128 {
	if signed {
		return V128{uint64(int32(h)), uint64(int32(h >> 32))}
	}
	return V128{uint64(uint32(h)), h >> 32}
}

// I16x8ExtendLowI8x16S implements i16x8.extend_low_i8x16_s.
func I16x8ExtendLowI8x16S(a V128) V128 { return ext8to16(a.Lo, true) }

// I16x8ExtendHighI8x16S implements i16x8.extend_high_i8x16_s.
func I16x8ExtendHighI8x16S(a V128) V128 { return ext8to16(a.Hi, true) }

// I16x8ExtendLowI8x16U implements i16x8.extend_low_i8x16_u.
func I16x8ExtendLowI8x16U(a V128) V128 { return ext8to16(a.Lo, false) }

// I16x8ExtendHighI8x16U implements i16x8.extend_high_i8x16_u.
func I16x8ExtendHighI8x16U(a V128) V128 { return ext8to16(a.Hi, false) }

// I32x4ExtendLowI16x8S implements i32x4.extend_low_i16x8_s.
func I32x4ExtendLowI16x8S(a V128) V128 { return ext16to32(a.Lo, true) }

// I32x4ExtendHighI16x8S implements i32x4.extend_high_i16x8_s.
func I32x4ExtendHighI16x8S(a V128) V128 { return ext16to32(a.Hi, true) }

// I32x4ExtendLowI16x8U implements i32x4.extend_low_i16x8_u.
func I32x4ExtendLowI16x8U(a V128) V128 { return ext16to32(a.Lo, false) }

// I32x4ExtendHighI16x8U implements i32x4.extend_high_i16x8_u.
func I32x4ExtendHighI16x8U(a V128) V128 { return ext16to32(a.Hi, false) }

// I64x2ExtendLowI32x4S implements i64x2.extend_low_i32x4_s.
func I64x2ExtendLowI32x4S(a V128) V128 { return ext32to64(a.Lo, true) }

// I64x2ExtendHighI32x4S implements i64x2.extend_high_i32x4_s.
func I64x2ExtendHighI32x4S(a V128) V128 { return ext32to64(a.Hi, true) }

// I64x2ExtendLowI32x4U implements i64x2.extend_low_i32x4_u.
func I64x2ExtendLowI32x4U(a V128) V128 { return ext32to64(a.Lo, false) }

// I64x2ExtendHighI32x4U implements i64x2.extend_high_i32x4_u.
func I64x2ExtendHighI32x4U(a V128) V128 { return ext32to64(a.Hi, false) }

// ---- extmul ----

// I16x8ExtmulLowI8x16S implements i16x8.extmul_low_i8x16_s.
func I16x8ExtmulLowI8x16S(a, b V128) V128 {
	return I16x8Mul(ext8to16(a.Lo, true), ext8to16(b.Lo, true))
}

// I16x8ExtmulHighI8x16S implements i16x8.extmul_high_i8x16_s.
func I16x8ExtmulHighI8x16S(a, b V128) V128 {
	return I16x8Mul(ext8to16(a.Hi, true), ext8to16(b.Hi, true))
}

// I16x8ExtmulLowI8x16U implements i16x8.extmul_low_i8x16_u.
func I16x8ExtmulLowI8x16U(a, b V128) V128 {
	return I16x8Mul(ext8to16(a.Lo, false), ext8to16(b.Lo, false))
}

// I16x8ExtmulHighI8x16U implements i16x8.extmul_high_i8x16_u.
func I16x8ExtmulHighI8x16U(a, b V128) V128 {
	return I16x8Mul(ext8to16(a.Hi, false), ext8to16(b.Hi, false))
}

// I32x4ExtmulLowI16x8S implements i32x4.extmul_low_i16x8_s.
func I32x4ExtmulLowI16x8S(a, b V128) V128 {
	return I32x4Mul(ext16to32(a.Lo, true), ext16to32(b.Lo, true))
}

// I32x4ExtmulHighI16x8S implements i32x4.extmul_high_i16x8_s.
func I32x4ExtmulHighI16x8S(a, b V128) V128 {
	return I32x4Mul(ext16to32(a.Hi, true), ext16to32(b.Hi, true))
}

// I32x4ExtmulLowI16x8U implements i32x4.extmul_low_i16x8_u.
func I32x4ExtmulLowI16x8U(a, b V128) V128 {
	return I32x4Mul(ext16to32(a.Lo, false), ext16to32(b.Lo, false))
}

// I32x4ExtmulHighI16x8U implements i32x4.extmul_high_i16x8_u.
func I32x4ExtmulHighI16x8U(a, b V128) V128 {
	return I32x4Mul(ext16to32(a.Hi, false), ext16to32(b.Hi, false))
}

// I64x2ExtmulLowI32x4S implements i64x2.extmul_low_i32x4_s.
func I64x2ExtmulLowI32x4S(a, b V128) V128 {
	return I64x2Mul(ext32to64(a.Lo, true), ext32to64(b.Lo, true))
}

// I64x2ExtmulHighI32x4S implements i64x2.extmul_high_i32x4_s.
func I64x2ExtmulHighI32x4S(a, b V128) V128 {
	return I64x2Mul(ext32to64(a.Hi, true), ext32to64(b.Hi, true))
}

// I64x2ExtmulLowI32x4U implements i64x2.extmul_low_i32x4_u.
func I64x2ExtmulLowI32x4U(a, b V128) V128 {
	return I64x2Mul(ext32to64(a.Lo, false), ext32to64(b.Lo, false))
}

// I64x2ExtmulHighI32x4U implements i64x2.extmul_high_i32x4_u.
func I64x2ExtmulHighI32x4U(a, b V128) V128 {
	return I64x2Mul(ext32to64(a.Hi, false), ext32to64(b.Hi, false))
}

// ---- extadd_pairwise, dot ----

// I16x8ExtaddPairwiseI8x16S implements i16x8.extadd_pairwise_i8x16_s.
func I16x8ExtaddPairwiseI8x16S(a V128) V128 {
	x := a.Bytes()
	var r [8]uint16
	for i := range r {
		r[i] = uint16(int16(int8(x[2*i])) + int16(int8(x[2*i+1])))
	}
	return FromU16(r)
}

// I16x8ExtaddPairwiseI8x16U implements i16x8.extadd_pairwise_i8x16_u.
func I16x8ExtaddPairwiseI8x16U(a V128) V128 {
	x := a.Bytes()
	var r [8]uint16
	for i := range r {
		r[i] = uint16(x[2*i]) + uint16(x[2*i+1])
	}
	return FromU16(r)
}

// I32x4ExtaddPairwiseI16x8S implements i32x4.extadd_pairwise_i16x8_s.
func I32x4ExtaddPairwiseI16x8S(a V128) V128 {
	x := a.U16()
	var r [4]uint32
	for i := range r {
		r[i] = uint32(int32(int16(x[2*i])) + int32(int16(x[2*i+1])))
	}
	return FromU32(r)
}

// I32x4ExtaddPairwiseI16x8U implements i32x4.extadd_pairwise_i16x8_u.
func I32x4ExtaddPairwiseI16x8U(a V128) V128 {
	x := a.U16()
	var r [4]uint32
	for i := range r {
		r[i] = uint32(x[2*i]) + uint32(x[2*i+1])
	}
	return FromU32(r)
}

// I32x4DotI16x8S implements i32x4.dot_i16x8_s: the sum of the signed
// products of adjacent lane pairs, wrapping (only -32768*-32768 twice
// overflows, giving -2^31).
func I32x4DotI16x8S(a, b V128) V128 {
	x, y := a.U16(), b.U16()
	var r [4]uint32
	for i := range r {
		p0 := int32(int16(x[2*i])) * int32(int16(y[2*i]))
		p1 := int32(int16(x[2*i+1])) * int32(int16(y[2*i+1]))
		r[i] = uint32(p0) + uint32(p1)
	}
	return FromU32(r)
}

// ---- integer comparisons (lanes all ones when true, zero when false) ----

// I8x16Eq implements i8x16.eq.
func I8x16Eq(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](x == y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16Ne implements i8x16.ne.
func I8x16Ne(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](x != y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16LtS implements i8x16.lt_s.
func I8x16LtS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](int8(x) < int8(y)) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16LtU implements i8x16.lt_u.
func I8x16LtU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](x < y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16GtS implements i8x16.gt_s.
func I8x16GtS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](int8(x) > int8(y)) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16GtU implements i8x16.gt_u.
func I8x16GtU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](x > y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16LeS implements i8x16.le_s.
func I8x16LeS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](int8(x) <= int8(y)) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16LeU implements i8x16.le_u.
func I8x16LeU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](x <= y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16GeS implements i8x16.ge_s.
func I8x16GeS(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](int8(x) >= int8(y)) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I8x16GeU implements i8x16.ge_u.
func I8x16GeU(a, b V128) V128 {
	f := func(x, y uint8) uint8 { return mask[uint8](x >= y) }
	return V128{lanes8(a.Lo, b.Lo, f), lanes8(a.Hi, b.Hi, f)}
}

// I16x8Eq implements i16x8.eq.
func I16x8Eq(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](x == y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8Ne implements i16x8.ne.
func I16x8Ne(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](x != y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8LtS implements i16x8.lt_s.
func I16x8LtS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](int16(x) < int16(y)) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8LtU implements i16x8.lt_u.
func I16x8LtU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](x < y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8GtS implements i16x8.gt_s.
func I16x8GtS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](int16(x) > int16(y)) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8GtU implements i16x8.gt_u.
func I16x8GtU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](x > y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8LeS implements i16x8.le_s.
func I16x8LeS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](int16(x) <= int16(y)) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8LeU implements i16x8.le_u.
func I16x8LeU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](x <= y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8GeS implements i16x8.ge_s.
func I16x8GeS(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](int16(x) >= int16(y)) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I16x8GeU implements i16x8.ge_u.
func I16x8GeU(a, b V128) V128 {
	f := func(x, y uint16) uint16 { return mask[uint16](x >= y) }
	return V128{lanes16(a.Lo, b.Lo, f), lanes16(a.Hi, b.Hi, f)}
}

// I32x4Eq implements i32x4.eq.
func I32x4Eq(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](x == y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4Ne implements i32x4.ne.
func I32x4Ne(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](x != y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4LtS implements i32x4.lt_s.
func I32x4LtS(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](int32(x) < int32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4LtU implements i32x4.lt_u.
func I32x4LtU(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](x < y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4GtS implements i32x4.gt_s.
func I32x4GtS(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](int32(x) > int32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4GtU implements i32x4.gt_u.
func I32x4GtU(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](x > y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4LeS implements i32x4.le_s.
func I32x4LeS(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](int32(x) <= int32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4LeU implements i32x4.le_u.
func I32x4LeU(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](x <= y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4GeS implements i32x4.ge_s.
func I32x4GeS(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](int32(x) >= int32(y)) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I32x4GeU implements i32x4.ge_u.
func I32x4GeU(a, b V128) V128 {
	f := func(x, y uint32) uint32 { return mask[uint32](x >= y) }
	return V128{lanes32(a.Lo, b.Lo, f), lanes32(a.Hi, b.Hi, f)}
}

// I64x2Eq implements i64x2.eq.
func I64x2Eq(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](x == y) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// I64x2Ne implements i64x2.ne.
func I64x2Ne(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](x != y) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// I64x2LtS implements i64x2.lt_s.
func I64x2LtS(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](int64(x) < int64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// I64x2GtS implements i64x2.gt_s.
func I64x2GtS(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](int64(x) > int64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// I64x2LeS implements i64x2.le_s.
func I64x2LeS(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](int64(x) <= int64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}

// I64x2GeS implements i64x2.ge_s.
func I64x2GeS(a, b V128) V128 {
	f := func(x, y uint64) uint64 { return mask[uint64](int64(x) >= int64(y)) }
	return V128{f(a.Lo, b.Lo), f(a.Hi, b.Hi)}
}
