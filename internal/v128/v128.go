// Package v128 gives the exact semantics of the WebAssembly 2.0 SIMD
// (128-bit vector) instructions in portable Go, and of the 3.0 relaxed
// SIMD instructions with wasmrun's deterministic choices (relaxed.go).
//
// Every instruction that computes on vectors has one exported function named
// after the instruction in Go style: i8x16.add is [I8x16Add], v128.bitselect
// is [V128Bitselect], i32x4.trunc_sat_f32x4_s is [I32x4TruncSatF32x4S]. The
// name is the wasm.Op constant's name without its "Op" prefix. Functions take
// and return values (no pointers except the shuffle immediate) and never
// allocate, so an interpreter can call them directly from its dispatch loop.
//
// Scalar operands and results use the engine's slot encoding: i32 and f32 as
// uint32 (f32 as its IEEE bit pattern), i64 and f64 as uint64.
//
// Memory instructions are split: the caller computes the effective address
// and checks bounds, then calls one of the byte-slice helpers (Load128,
// Load8x8S, Load32Zero, Load8Lane, Store16Lane, ...) on the exact window.
//
// Float results follow the Wasm NaN rules deterministically: when an operand
// of an arithmetic operation is a NaN, the result is the first NaN operand
// with its quiet bit set (so a canonical input NaN gives a canonical result
// and any other input NaN gives an arithmetic NaN); when no operand is a NaN
// but the result is (inf-inf, 0*inf, sqrt(-1), ...), the result is the
// positive canonical NaN. The outcome therefore does not depend on the host
// CPU's default-NaN conventions.
package v128

import "encoding/binary"

// V128 is a 128-bit vector value. Lanes are little-endian: byte i of the
// vector is byte i of Lo (bits 8i..8i+7) for i < 8 and byte i-8 of Hi for
// i >= 8. Wider lanes are laid out the same way, so i32 lane 0 is the low
// 32 bits of Lo and i64 lane 1 is Hi.
type V128 struct{ Lo, Hi uint64 }

// FromBytes returns the vector whose byte i is b[i] (the encoding used by
// v128.const and by memory).
func FromBytes(b [16]byte) V128 {
	return V128{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
}

// Bytes returns the vector's 16 bytes in memory order.
func (v V128) Bytes() (b [16]byte) {
	binary.LittleEndian.PutUint64(b[:8], v.Lo)
	binary.LittleEndian.PutUint64(b[8:], v.Hi)
	return b
}

// FromU16 returns the vector whose 16-bit lane i is l[i].
func FromU16(l [8]uint16) V128 {
	var v V128
	for i := 0; i < 4; i++ {
		v.Lo |= uint64(l[i]) << (16 * i)
		v.Hi |= uint64(l[i+4]) << (16 * i)
	}
	return v
}

// U16 returns the vector's eight 16-bit lanes.
func (v V128) U16() (l [8]uint16) {
	for i := 0; i < 4; i++ {
		l[i] = uint16(v.Lo >> (16 * i))
		l[i+4] = uint16(v.Hi >> (16 * i))
	}
	return l
}

// FromU32 returns the vector whose 32-bit lane i is l[i].
func FromU32(l [4]uint32) V128 {
	return V128{uint64(l[0]) | uint64(l[1])<<32, uint64(l[2]) | uint64(l[3])<<32}
}

// U32 returns the vector's four 32-bit lanes.
func (v V128) U32() [4]uint32 {
	return [4]uint32{uint32(v.Lo), uint32(v.Lo >> 32), uint32(v.Hi), uint32(v.Hi >> 32)}
}

// Lane8 returns byte lane i (taken modulo 16).
func (v V128) Lane8(i uint8) uint8 {
	i &= 15
	if i < 8 {
		return uint8(v.Lo >> (8 * i))
	}
	return uint8(v.Hi >> (8 * (i - 8)))
}

// Lane16 returns 16-bit lane i (taken modulo 8).
func (v V128) Lane16(i uint8) uint16 {
	i &= 7
	if i < 4 {
		return uint16(v.Lo >> (16 * i))
	}
	return uint16(v.Hi >> (16 * (i - 4)))
}

// Lane32 returns 32-bit lane i (taken modulo 4).
func (v V128) Lane32(i uint8) uint32 {
	i &= 3
	if i < 2 {
		return uint32(v.Lo >> (32 * i))
	}
	return uint32(v.Hi >> (32 * (i - 2)))
}

// Lane64 returns 64-bit lane i (taken modulo 2).
func (v V128) Lane64(i uint8) uint64 {
	if i&1 == 0 {
		return v.Lo
	}
	return v.Hi
}

// SetLane8 returns v with byte lane i (modulo 16) replaced by x.
func (v V128) SetLane8(i uint8, x uint8) V128 {
	i &= 15
	if i < 8 {
		s := 8 * i
		v.Lo = v.Lo&^(0xFF<<s) | uint64(x)<<s
	} else {
		s := 8 * (i - 8)
		v.Hi = v.Hi&^(0xFF<<s) | uint64(x)<<s
	}
	return v
}

// SetLane16 returns v with 16-bit lane i (modulo 8) replaced by x.
func (v V128) SetLane16(i uint8, x uint16) V128 {
	i &= 7
	if i < 4 {
		s := 16 * i
		v.Lo = v.Lo&^(0xFFFF<<s) | uint64(x)<<s
	} else {
		s := 16 * (i - 4)
		v.Hi = v.Hi&^(0xFFFF<<s) | uint64(x)<<s
	}
	return v
}

// SetLane32 returns v with 32-bit lane i (modulo 4) replaced by x.
func (v V128) SetLane32(i uint8, x uint32) V128 {
	i &= 3
	if i < 2 {
		s := 32 * i
		v.Lo = v.Lo&^(0xFFFFFFFF<<s) | uint64(x)<<s
	} else {
		s := 32 * (i - 2)
		v.Hi = v.Hi&^(0xFFFFFFFF<<s) | uint64(x)<<s
	}
	return v
}

// SetLane64 returns v with 64-bit lane i (modulo 2) replaced by x.
func (v V128) SetLane64(i uint8, x uint64) V128 {
	if i&1 == 0 {
		v.Lo = x
	} else {
		v.Hi = x
	}
	return v
}

// ---- lane-wise helpers ----

// mask returns all ones when c holds, else zero.
func mask[T uint8 | uint16 | uint32 | uint64](c bool) T {
	if c {
		return ^T(0)
	}
	return 0
}

// ---- constants, splats, lanes ----

// I8x16Splat implements i8x16.splat: every byte lane is the low byte of x.
func I8x16Splat(x uint32) V128 {
	r := uint64(uint8(x)) * 0x0101010101010101
	return V128{r, r}
}

// I16x8Splat implements i16x8.splat.
func I16x8Splat(x uint32) V128 {
	r := uint64(uint16(x)) * 0x0001000100010001
	return V128{r, r}
}

// I32x4Splat implements i32x4.splat.
func I32x4Splat(x uint32) V128 {
	r := uint64(x) * 0x0000000100000001
	return V128{r, r}
}

// I64x2Splat implements i64x2.splat.
func I64x2Splat(x uint64) V128 { return V128{x, x} }

// F32x4Splat implements f32x4.splat; bits is the f32 bit pattern.
func F32x4Splat(bits uint32) V128 { return I32x4Splat(bits) }

// F64x2Splat implements f64x2.splat; bits is the f64 bit pattern.
func F64x2Splat(bits uint64) V128 { return V128{bits, bits} }

// I8x16ExtractLaneS implements i8x16.extract_lane_s: the lane sign-extended
// to i32. Lane indices are taken modulo the lane count (validation
// guarantees they are in range).
func I8x16ExtractLaneS(v V128, lane uint8) uint32 { return uint32(int32(int8(v.Lane8(lane)))) }

// I8x16ExtractLaneU implements i8x16.extract_lane_u.
func I8x16ExtractLaneU(v V128, lane uint8) uint32 { return uint32(v.Lane8(lane)) }

// I8x16ReplaceLane implements i8x16.replace_lane with the low byte of x.
func I8x16ReplaceLane(v V128, lane uint8, x uint32) V128 { return v.SetLane8(lane, uint8(x)) }

// I16x8ExtractLaneS implements i16x8.extract_lane_s.
func I16x8ExtractLaneS(v V128, lane uint8) uint32 { return uint32(int32(int16(v.Lane16(lane)))) }

// I16x8ExtractLaneU implements i16x8.extract_lane_u.
func I16x8ExtractLaneU(v V128, lane uint8) uint32 { return uint32(v.Lane16(lane)) }

// I16x8ReplaceLane implements i16x8.replace_lane with the low 16 bits of x.
func I16x8ReplaceLane(v V128, lane uint8, x uint32) V128 { return v.SetLane16(lane, uint16(x)) }

// I32x4ExtractLane implements i32x4.extract_lane.
func I32x4ExtractLane(v V128, lane uint8) uint32 { return v.Lane32(lane) }

// I32x4ReplaceLane implements i32x4.replace_lane.
func I32x4ReplaceLane(v V128, lane uint8, x uint32) V128 { return v.SetLane32(lane, x) }

// I64x2ExtractLane implements i64x2.extract_lane.
func I64x2ExtractLane(v V128, lane uint8) uint64 { return v.Lane64(lane) }

// I64x2ReplaceLane implements i64x2.replace_lane.
func I64x2ReplaceLane(v V128, lane uint8, x uint64) V128 { return v.SetLane64(lane, x) }

// F32x4ExtractLane implements f32x4.extract_lane (bit pattern, unchanged).
func F32x4ExtractLane(v V128, lane uint8) uint32 { return v.Lane32(lane) }

// F32x4ReplaceLane implements f32x4.replace_lane (bit pattern, unchanged).
func F32x4ReplaceLane(v V128, lane uint8, bits uint32) V128 { return v.SetLane32(lane, bits) }

// F64x2ExtractLane implements f64x2.extract_lane (bit pattern, unchanged).
func F64x2ExtractLane(v V128, lane uint8) uint64 { return v.Lane64(lane) }

// F64x2ReplaceLane implements f64x2.replace_lane (bit pattern, unchanged).
func F64x2ReplaceLane(v V128, lane uint8, bits uint64) V128 { return v.SetLane64(lane, bits) }

// I8x16Shuffle implements i8x16.shuffle: result byte i is byte lanes[i] of
// the 32-byte concatenation a‖b (indices 16..31 select from b). Indices are
// taken modulo 32 (validation guarantees they are below 32).
func I8x16Shuffle(a, b V128, lanes *[16]byte) V128 {
	var src [32]byte
	binary.LittleEndian.PutUint64(src[0:], a.Lo)
	binary.LittleEndian.PutUint64(src[8:], a.Hi)
	binary.LittleEndian.PutUint64(src[16:], b.Lo)
	binary.LittleEndian.PutUint64(src[24:], b.Hi)
	var r [16]byte
	for i, l := range lanes {
		r[i] = src[l&31]
	}
	return FromBytes(r)
}

// I8x16Swizzle implements i8x16.swizzle: result byte i is byte s[i] of a, or
// 0 when s[i] >= 16.
func I8x16Swizzle(a, s V128) V128 {
	x, idx := a.Bytes(), s.Bytes()
	var r [16]byte
	for i, j := range idx {
		if j < 16 {
			r[i] = x[j]
		}
	}
	return FromBytes(r)
}

// ---- bitwise ----

// V128Not implements v128.not.
func V128Not(a V128) V128 { return V128{^a.Lo, ^a.Hi} }

// V128And implements v128.and.
func V128And(a, b V128) V128 { return V128{a.Lo & b.Lo, a.Hi & b.Hi} }

// V128Andnot implements v128.andnot (a AND NOT b).
func V128Andnot(a, b V128) V128 { return V128{a.Lo &^ b.Lo, a.Hi &^ b.Hi} }

// V128Or implements v128.or.
func V128Or(a, b V128) V128 { return V128{a.Lo | b.Lo, a.Hi | b.Hi} }

// V128Xor implements v128.xor.
func V128Xor(a, b V128) V128 { return V128{a.Lo ^ b.Lo, a.Hi ^ b.Hi} }

// V128Bitselect implements v128.bitselect: bits of a where c is 1, bits of
// b where c is 0.
func V128Bitselect(a, b, c V128) V128 {
	return V128{a.Lo&c.Lo | b.Lo&^c.Lo, a.Hi&c.Hi | b.Hi&^c.Hi}
}

// V128AnyTrue implements v128.any_true: 1 if any bit is set, else 0.
func V128AnyTrue(a V128) uint32 {
	if a.Lo|a.Hi != 0 {
		return 1
	}
	return 0
}

// lanes8 applies f to the eight byte lanes packed in x and y. It and its
// siblings are small enough to be inlined, and then so is f: the
// instruction functions compile to straight-line code with no calls.
func lanes8(x, y uint64, f func(x, y uint8) uint8) (r uint64) {
	for s := 0; s < 64; s += 8 {
		r |= uint64(f(uint8(x>>s), uint8(y>>s))) << s
	}
	return r
}

func lanes8u(x uint64, f func(x uint8) uint8) (r uint64) {
	for s := 0; s < 64; s += 8 {
		r |= uint64(f(uint8(x>>s))) << s
	}
	return r
}

func lanes16(x, y uint64, f func(x, y uint16) uint16) (r uint64) {
	for s := 0; s < 64; s += 16 {
		r |= uint64(f(uint16(x>>s), uint16(y>>s))) << s
	}
	return r
}

func lanes16u(x uint64, f func(x uint16) uint16) (r uint64) {
	for s := 0; s < 64; s += 16 {
		r |= uint64(f(uint16(x>>s))) << s
	}
	return r
}

func lanes32(x, y uint64, f func(x, y uint32) uint32) uint64 {
	return uint64(f(uint32(x), uint32(y))) | uint64(f(uint32(x>>32), uint32(y>>32)))<<32
}

func lanes32u(x uint64, f func(x uint32) uint32) uint64 {
	return uint64(f(uint32(x))) | uint64(f(uint32(x>>32)))<<32
}
