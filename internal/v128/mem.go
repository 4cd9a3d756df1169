package v128

import "encoding/binary"

// The memory helpers operate on the exact window of linear memory that the
// caller has already bounds-checked: b must be at least as long as the
// access (16 bytes for Load128, 8 for Load8x8S, 1 for Load8Splat, ...);
// only that prefix of b is read or written. A shorter b panics, so the
// caller must check bounds first.

// Load128 implements v128.load.
func Load128(b []byte) V128 {
	_ = b[15]
	return V128{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])}
}

// Store128 implements v128.store.
func Store128(b []byte, v V128) {
	_ = b[15]
	binary.LittleEndian.PutUint64(b, v.Lo)
	binary.LittleEndian.PutUint64(b[8:], v.Hi)
}

// Load8x8S implements v128.load8x8_s (8 bytes, each sign-extended to i16).
func Load8x8S(b []byte) V128 { return ext8to16(binary.LittleEndian.Uint64(b), true) }

// Load8x8U implements v128.load8x8_u (8 bytes, each zero-extended to i16).
func Load8x8U(b []byte) V128 { return ext8to16(binary.LittleEndian.Uint64(b), false) }

// Load16x4S implements v128.load16x4_s (8 bytes).
func Load16x4S(b []byte) V128 { return ext16to32(binary.LittleEndian.Uint64(b), true) }

// Load16x4U implements v128.load16x4_u (8 bytes).
func Load16x4U(b []byte) V128 { return ext16to32(binary.LittleEndian.Uint64(b), false) }

// Load32x2S implements v128.load32x2_s (8 bytes).
func Load32x2S(b []byte) V128 { return ext32to64(binary.LittleEndian.Uint64(b), true) }

// Load32x2U implements v128.load32x2_u (8 bytes).
func Load32x2U(b []byte) V128 { return ext32to64(binary.LittleEndian.Uint64(b), false) }

// Load8Splat implements v128.load8_splat (1 byte).
func Load8Splat(b []byte) V128 { return I8x16Splat(uint32(b[0])) }

// Load16Splat implements v128.load16_splat (2 bytes).
func Load16Splat(b []byte) V128 { return I16x8Splat(uint32(binary.LittleEndian.Uint16(b))) }

// Load32Splat implements v128.load32_splat (4 bytes).
func Load32Splat(b []byte) V128 { return I32x4Splat(binary.LittleEndian.Uint32(b)) }

// Load64Splat implements v128.load64_splat (8 bytes).
func Load64Splat(b []byte) V128 { return I64x2Splat(binary.LittleEndian.Uint64(b)) }

// Load32Zero implements v128.load32_zero (4 bytes into lane 0, rest zero).
func Load32Zero(b []byte) V128 { return V128{Lo: uint64(binary.LittleEndian.Uint32(b))} }

// Load64Zero implements v128.load64_zero (8 bytes into lane 0, rest zero).
func Load64Zero(b []byte) V128 { return V128{Lo: binary.LittleEndian.Uint64(b)} }

// Load8Lane implements v128.load8_lane: v with byte lane replaced by b[0].
func Load8Lane(b []byte, v V128, lane uint8) V128 { return v.SetLane8(lane, b[0]) }

// Load16Lane implements v128.load16_lane (2 bytes).
func Load16Lane(b []byte, v V128, lane uint8) V128 {
	return v.SetLane16(lane, binary.LittleEndian.Uint16(b))
}

// Load32Lane implements v128.load32_lane (4 bytes).
func Load32Lane(b []byte, v V128, lane uint8) V128 {
	return v.SetLane32(lane, binary.LittleEndian.Uint32(b))
}

// Load64Lane implements v128.load64_lane (8 bytes).
func Load64Lane(b []byte, v V128, lane uint8) V128 {
	return v.SetLane64(lane, binary.LittleEndian.Uint64(b))
}

// Store8Lane implements v128.store8_lane: writes byte lane of v to b[0].
func Store8Lane(b []byte, v V128, lane uint8) { b[0] = v.Lane8(lane) }

// Store16Lane implements v128.store16_lane (2 bytes).
func Store16Lane(b []byte, v V128, lane uint8) {
	binary.LittleEndian.PutUint16(b, v.Lane16(lane))
}

// Store32Lane implements v128.store32_lane (4 bytes).
func Store32Lane(b []byte, v V128, lane uint8) {
	binary.LittleEndian.PutUint32(b, v.Lane32(lane))
}

// Store64Lane implements v128.store64_lane (8 bytes).
func Store64Lane(b []byte, v V128, lane uint8) {
	binary.LittleEndian.PutUint64(b, v.Lane64(lane))
}
