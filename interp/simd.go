// Code generated from the opcode table; DO NOT EDIT.

package interp

import (
	"github.com/wasmrun/wasmrun/internal/v128"
	"github.com/wasmrun/wasmrun/store"
	"github.com/wasmrun/wasmrun/wasm"
)

func getV(fr []uint64, s uint32) v128.V128 { return v128.V128{Lo: fr[s], Hi: fr[s+1]} }

func setV(fr []uint64, s uint32, v v128.V128) { fr[s], fr[s+1] = v.Lo, v.Hi }

// simd executes one SIMD instruction. It is outlined from the main loop
// to keep that loop small; it returns a trap code or 0.
func simd(in *instr, fr []uint64, mem []byte, fc *funcCode) store.TrapCode {
	switch wasm.Op(in.op) {
	case wasm.OpV128Load:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+16 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+16]
		setV(fr, in.r, v128.Load128(b))
	case wasm.OpV128Load8x8S:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load8x8S(b))
	case wasm.OpV128Load8x8U:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load8x8U(b))
	case wasm.OpV128Load16x4S:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load16x4S(b))
	case wasm.OpV128Load16x4U:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load16x4U(b))
	case wasm.OpV128Load32x2S:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load32x2S(b))
	case wasm.OpV128Load32x2U:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load32x2U(b))
	case wasm.OpV128Load8Splat:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+1 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+1]
		setV(fr, in.r, v128.Load8Splat(b))
	case wasm.OpV128Load16Splat:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+2 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+2]
		setV(fr, in.r, v128.Load16Splat(b))
	case wasm.OpV128Load32Splat:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+4 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+4]
		setV(fr, in.r, v128.Load32Splat(b))
	case wasm.OpV128Load64Splat:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load64Splat(b))
	case wasm.OpV128Store:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+16 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+16]
		v128.Store128(b, getV(fr, in.y))
	case wasm.OpI8x16Shuffle:
		setV(fr, in.r, v128.I8x16Shuffle(getV(fr, in.x), getV(fr, in.y), &fc.shuffles[in.k]))
	case wasm.OpI8x16Swizzle:
		setV(fr, in.r, v128.I8x16Swizzle(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16Splat:
		setV(fr, in.r, v128.I8x16Splat(uint32(fr[in.x])))
	case wasm.OpI16x8Splat:
		setV(fr, in.r, v128.I16x8Splat(uint32(fr[in.x])))
	case wasm.OpI32x4Splat:
		setV(fr, in.r, v128.I32x4Splat(uint32(fr[in.x])))
	case wasm.OpI64x2Splat:
		setV(fr, in.r, v128.I64x2Splat(fr[in.x]))
	case wasm.OpF32x4Splat:
		setV(fr, in.r, v128.F32x4Splat(uint32(fr[in.x])))
	case wasm.OpF64x2Splat:
		setV(fr, in.r, v128.F64x2Splat(fr[in.x]))
	case wasm.OpI8x16ExtractLaneS:
		fr[in.r] = uint64(v128.I8x16ExtractLaneS(getV(fr, in.x), uint8(in.k)))
	case wasm.OpI8x16ExtractLaneU:
		fr[in.r] = uint64(v128.I8x16ExtractLaneU(getV(fr, in.x), uint8(in.k)))
	case wasm.OpI8x16ReplaceLane:
		setV(fr, in.r, v128.I8x16ReplaceLane(getV(fr, in.x), uint8(in.k), uint32(fr[in.y])))
	case wasm.OpI16x8ExtractLaneS:
		fr[in.r] = uint64(v128.I16x8ExtractLaneS(getV(fr, in.x), uint8(in.k)))
	case wasm.OpI16x8ExtractLaneU:
		fr[in.r] = uint64(v128.I16x8ExtractLaneU(getV(fr, in.x), uint8(in.k)))
	case wasm.OpI16x8ReplaceLane:
		setV(fr, in.r, v128.I16x8ReplaceLane(getV(fr, in.x), uint8(in.k), uint32(fr[in.y])))
	case wasm.OpI32x4ExtractLane:
		fr[in.r] = uint64(v128.I32x4ExtractLane(getV(fr, in.x), uint8(in.k)))
	case wasm.OpI32x4ReplaceLane:
		setV(fr, in.r, v128.I32x4ReplaceLane(getV(fr, in.x), uint8(in.k), uint32(fr[in.y])))
	case wasm.OpI64x2ExtractLane:
		fr[in.r] = uint64(v128.I64x2ExtractLane(getV(fr, in.x), uint8(in.k)))
	case wasm.OpI64x2ReplaceLane:
		setV(fr, in.r, v128.I64x2ReplaceLane(getV(fr, in.x), uint8(in.k), fr[in.y]))
	case wasm.OpF32x4ExtractLane:
		fr[in.r] = uint64(v128.F32x4ExtractLane(getV(fr, in.x), uint8(in.k)))
	case wasm.OpF32x4ReplaceLane:
		setV(fr, in.r, v128.F32x4ReplaceLane(getV(fr, in.x), uint8(in.k), uint32(fr[in.y])))
	case wasm.OpF64x2ExtractLane:
		fr[in.r] = uint64(v128.F64x2ExtractLane(getV(fr, in.x), uint8(in.k)))
	case wasm.OpF64x2ReplaceLane:
		setV(fr, in.r, v128.F64x2ReplaceLane(getV(fr, in.x), uint8(in.k), fr[in.y]))
	case wasm.OpI8x16Eq:
		setV(fr, in.r, v128.I8x16Eq(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16Ne:
		setV(fr, in.r, v128.I8x16Ne(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16LtS:
		setV(fr, in.r, v128.I8x16LtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16LtU:
		setV(fr, in.r, v128.I8x16LtU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16GtS:
		setV(fr, in.r, v128.I8x16GtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16GtU:
		setV(fr, in.r, v128.I8x16GtU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16LeS:
		setV(fr, in.r, v128.I8x16LeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16LeU:
		setV(fr, in.r, v128.I8x16LeU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16GeS:
		setV(fr, in.r, v128.I8x16GeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16GeU:
		setV(fr, in.r, v128.I8x16GeU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8Eq:
		setV(fr, in.r, v128.I16x8Eq(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8Ne:
		setV(fr, in.r, v128.I16x8Ne(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8LtS:
		setV(fr, in.r, v128.I16x8LtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8LtU:
		setV(fr, in.r, v128.I16x8LtU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8GtS:
		setV(fr, in.r, v128.I16x8GtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8GtU:
		setV(fr, in.r, v128.I16x8GtU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8LeS:
		setV(fr, in.r, v128.I16x8LeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8LeU:
		setV(fr, in.r, v128.I16x8LeU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8GeS:
		setV(fr, in.r, v128.I16x8GeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8GeU:
		setV(fr, in.r, v128.I16x8GeU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4Eq:
		setV(fr, in.r, v128.I32x4Eq(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4Ne:
		setV(fr, in.r, v128.I32x4Ne(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4LtS:
		setV(fr, in.r, v128.I32x4LtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4LtU:
		setV(fr, in.r, v128.I32x4LtU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4GtS:
		setV(fr, in.r, v128.I32x4GtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4GtU:
		setV(fr, in.r, v128.I32x4GtU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4LeS:
		setV(fr, in.r, v128.I32x4LeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4LeU:
		setV(fr, in.r, v128.I32x4LeU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4GeS:
		setV(fr, in.r, v128.I32x4GeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4GeU:
		setV(fr, in.r, v128.I32x4GeU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Eq:
		setV(fr, in.r, v128.F32x4Eq(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Ne:
		setV(fr, in.r, v128.F32x4Ne(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Lt:
		setV(fr, in.r, v128.F32x4Lt(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Gt:
		setV(fr, in.r, v128.F32x4Gt(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Le:
		setV(fr, in.r, v128.F32x4Le(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Ge:
		setV(fr, in.r, v128.F32x4Ge(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Eq:
		setV(fr, in.r, v128.F64x2Eq(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Ne:
		setV(fr, in.r, v128.F64x2Ne(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Lt:
		setV(fr, in.r, v128.F64x2Lt(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Gt:
		setV(fr, in.r, v128.F64x2Gt(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Le:
		setV(fr, in.r, v128.F64x2Le(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Ge:
		setV(fr, in.r, v128.F64x2Ge(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpV128Not:
		setV(fr, in.r, v128.V128Not(getV(fr, in.x)))
	case wasm.OpV128And:
		setV(fr, in.r, v128.V128And(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpV128Andnot:
		setV(fr, in.r, v128.V128Andnot(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpV128Or:
		setV(fr, in.r, v128.V128Or(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpV128Xor:
		setV(fr, in.r, v128.V128Xor(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpV128Bitselect:
		setV(fr, in.r, v128.V128Bitselect(getV(fr, in.x), getV(fr, in.y), getV(fr, in.z)))
	case wasm.OpV128AnyTrue:
		fr[in.r] = uint64(v128.V128AnyTrue(getV(fr, in.x)))
	case wasm.OpV128Load8Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+1 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+1]
		setV(fr, in.r, v128.Load8Lane(b, getV(fr, in.y), uint8(in.k)))
	case wasm.OpV128Load16Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+2 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+2]
		setV(fr, in.r, v128.Load16Lane(b, getV(fr, in.y), uint8(in.k)))
	case wasm.OpV128Load32Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+4 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+4]
		setV(fr, in.r, v128.Load32Lane(b, getV(fr, in.y), uint8(in.k)))
	case wasm.OpV128Load64Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load64Lane(b, getV(fr, in.y), uint8(in.k)))
	case wasm.OpV128Store8Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+1 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+1]
		v128.Store8Lane(b, getV(fr, in.y), uint8(in.k))
	case wasm.OpV128Store16Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+2 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+2]
		v128.Store16Lane(b, getV(fr, in.y), uint8(in.k))
	case wasm.OpV128Store32Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+4 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+4]
		v128.Store32Lane(b, getV(fr, in.y), uint8(in.k))
	case wasm.OpV128Store64Lane:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		v128.Store64Lane(b, getV(fr, in.y), uint8(in.k))
	case wasm.OpV128Load32Zero:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+4 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+4]
		setV(fr, in.r, v128.Load32Zero(b))
	case wasm.OpV128Load64Zero:
		ea := uint64(uint32(fr[in.x])) + uint64(in.z)
		if ea+8 > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		b := mem[ea : ea+8]
		setV(fr, in.r, v128.Load64Zero(b))
	case wasm.OpF32x4DemoteF64x2Zero:
		setV(fr, in.r, v128.F32x4DemoteF64x2Zero(getV(fr, in.x)))
	case wasm.OpF64x2PromoteLowF32x4:
		setV(fr, in.r, v128.F64x2PromoteLowF32x4(getV(fr, in.x)))
	case wasm.OpI8x16Abs:
		setV(fr, in.r, v128.I8x16Abs(getV(fr, in.x)))
	case wasm.OpI8x16Neg:
		setV(fr, in.r, v128.I8x16Neg(getV(fr, in.x)))
	case wasm.OpI8x16Popcnt:
		setV(fr, in.r, v128.I8x16Popcnt(getV(fr, in.x)))
	case wasm.OpI8x16AllTrue:
		fr[in.r] = uint64(v128.I8x16AllTrue(getV(fr, in.x)))
	case wasm.OpI8x16Bitmask:
		fr[in.r] = uint64(v128.I8x16Bitmask(getV(fr, in.x)))
	case wasm.OpI8x16NarrowI16x8S:
		setV(fr, in.r, v128.I8x16NarrowI16x8S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16NarrowI16x8U:
		setV(fr, in.r, v128.I8x16NarrowI16x8U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Ceil:
		setV(fr, in.r, v128.F32x4Ceil(getV(fr, in.x)))
	case wasm.OpF32x4Floor:
		setV(fr, in.r, v128.F32x4Floor(getV(fr, in.x)))
	case wasm.OpF32x4Trunc:
		setV(fr, in.r, v128.F32x4Trunc(getV(fr, in.x)))
	case wasm.OpF32x4Nearest:
		setV(fr, in.r, v128.F32x4Nearest(getV(fr, in.x)))
	case wasm.OpI8x16Shl:
		setV(fr, in.r, v128.I8x16Shl(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI8x16ShrS:
		setV(fr, in.r, v128.I8x16ShrS(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI8x16ShrU:
		setV(fr, in.r, v128.I8x16ShrU(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI8x16Add:
		setV(fr, in.r, v128.I8x16Add(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16AddSatS:
		setV(fr, in.r, v128.I8x16AddSatS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16AddSatU:
		setV(fr, in.r, v128.I8x16AddSatU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16Sub:
		setV(fr, in.r, v128.I8x16Sub(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16SubSatS:
		setV(fr, in.r, v128.I8x16SubSatS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16SubSatU:
		setV(fr, in.r, v128.I8x16SubSatU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Ceil:
		setV(fr, in.r, v128.F64x2Ceil(getV(fr, in.x)))
	case wasm.OpF64x2Floor:
		setV(fr, in.r, v128.F64x2Floor(getV(fr, in.x)))
	case wasm.OpI8x16MinS:
		setV(fr, in.r, v128.I8x16MinS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16MinU:
		setV(fr, in.r, v128.I8x16MinU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16MaxS:
		setV(fr, in.r, v128.I8x16MaxS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI8x16MaxU:
		setV(fr, in.r, v128.I8x16MaxU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Trunc:
		setV(fr, in.r, v128.F64x2Trunc(getV(fr, in.x)))
	case wasm.OpI8x16AvgrU:
		setV(fr, in.r, v128.I8x16AvgrU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8ExtaddPairwiseI8x16S:
		setV(fr, in.r, v128.I16x8ExtaddPairwiseI8x16S(getV(fr, in.x)))
	case wasm.OpI16x8ExtaddPairwiseI8x16U:
		setV(fr, in.r, v128.I16x8ExtaddPairwiseI8x16U(getV(fr, in.x)))
	case wasm.OpI32x4ExtaddPairwiseI16x8S:
		setV(fr, in.r, v128.I32x4ExtaddPairwiseI16x8S(getV(fr, in.x)))
	case wasm.OpI32x4ExtaddPairwiseI16x8U:
		setV(fr, in.r, v128.I32x4ExtaddPairwiseI16x8U(getV(fr, in.x)))
	case wasm.OpI16x8Abs:
		setV(fr, in.r, v128.I16x8Abs(getV(fr, in.x)))
	case wasm.OpI16x8Neg:
		setV(fr, in.r, v128.I16x8Neg(getV(fr, in.x)))
	case wasm.OpI16x8Q15mulrSatS:
		setV(fr, in.r, v128.I16x8Q15mulrSatS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8AllTrue:
		fr[in.r] = uint64(v128.I16x8AllTrue(getV(fr, in.x)))
	case wasm.OpI16x8Bitmask:
		fr[in.r] = uint64(v128.I16x8Bitmask(getV(fr, in.x)))
	case wasm.OpI16x8NarrowI32x4S:
		setV(fr, in.r, v128.I16x8NarrowI32x4S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8NarrowI32x4U:
		setV(fr, in.r, v128.I16x8NarrowI32x4U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8ExtendLowI8x16S:
		setV(fr, in.r, v128.I16x8ExtendLowI8x16S(getV(fr, in.x)))
	case wasm.OpI16x8ExtendHighI8x16S:
		setV(fr, in.r, v128.I16x8ExtendHighI8x16S(getV(fr, in.x)))
	case wasm.OpI16x8ExtendLowI8x16U:
		setV(fr, in.r, v128.I16x8ExtendLowI8x16U(getV(fr, in.x)))
	case wasm.OpI16x8ExtendHighI8x16U:
		setV(fr, in.r, v128.I16x8ExtendHighI8x16U(getV(fr, in.x)))
	case wasm.OpI16x8Shl:
		setV(fr, in.r, v128.I16x8Shl(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI16x8ShrS:
		setV(fr, in.r, v128.I16x8ShrS(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI16x8ShrU:
		setV(fr, in.r, v128.I16x8ShrU(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI16x8Add:
		setV(fr, in.r, v128.I16x8Add(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8AddSatS:
		setV(fr, in.r, v128.I16x8AddSatS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8AddSatU:
		setV(fr, in.r, v128.I16x8AddSatU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8Sub:
		setV(fr, in.r, v128.I16x8Sub(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8SubSatS:
		setV(fr, in.r, v128.I16x8SubSatS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8SubSatU:
		setV(fr, in.r, v128.I16x8SubSatU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Nearest:
		setV(fr, in.r, v128.F64x2Nearest(getV(fr, in.x)))
	case wasm.OpI16x8Mul:
		setV(fr, in.r, v128.I16x8Mul(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8MinS:
		setV(fr, in.r, v128.I16x8MinS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8MinU:
		setV(fr, in.r, v128.I16x8MinU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8MaxS:
		setV(fr, in.r, v128.I16x8MaxS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8MaxU:
		setV(fr, in.r, v128.I16x8MaxU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8AvgrU:
		setV(fr, in.r, v128.I16x8AvgrU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8ExtmulLowI8x16S:
		setV(fr, in.r, v128.I16x8ExtmulLowI8x16S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8ExtmulHighI8x16S:
		setV(fr, in.r, v128.I16x8ExtmulHighI8x16S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8ExtmulLowI8x16U:
		setV(fr, in.r, v128.I16x8ExtmulLowI8x16U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI16x8ExtmulHighI8x16U:
		setV(fr, in.r, v128.I16x8ExtmulHighI8x16U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4Abs:
		setV(fr, in.r, v128.I32x4Abs(getV(fr, in.x)))
	case wasm.OpI32x4Neg:
		setV(fr, in.r, v128.I32x4Neg(getV(fr, in.x)))
	case wasm.OpI32x4AllTrue:
		fr[in.r] = uint64(v128.I32x4AllTrue(getV(fr, in.x)))
	case wasm.OpI32x4Bitmask:
		fr[in.r] = uint64(v128.I32x4Bitmask(getV(fr, in.x)))
	case wasm.OpI32x4ExtendLowI16x8S:
		setV(fr, in.r, v128.I32x4ExtendLowI16x8S(getV(fr, in.x)))
	case wasm.OpI32x4ExtendHighI16x8S:
		setV(fr, in.r, v128.I32x4ExtendHighI16x8S(getV(fr, in.x)))
	case wasm.OpI32x4ExtendLowI16x8U:
		setV(fr, in.r, v128.I32x4ExtendLowI16x8U(getV(fr, in.x)))
	case wasm.OpI32x4ExtendHighI16x8U:
		setV(fr, in.r, v128.I32x4ExtendHighI16x8U(getV(fr, in.x)))
	case wasm.OpI32x4Shl:
		setV(fr, in.r, v128.I32x4Shl(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI32x4ShrS:
		setV(fr, in.r, v128.I32x4ShrS(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI32x4ShrU:
		setV(fr, in.r, v128.I32x4ShrU(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI32x4Add:
		setV(fr, in.r, v128.I32x4Add(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4Sub:
		setV(fr, in.r, v128.I32x4Sub(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4Mul:
		setV(fr, in.r, v128.I32x4Mul(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4MinS:
		setV(fr, in.r, v128.I32x4MinS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4MinU:
		setV(fr, in.r, v128.I32x4MinU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4MaxS:
		setV(fr, in.r, v128.I32x4MaxS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4MaxU:
		setV(fr, in.r, v128.I32x4MaxU(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4DotI16x8S:
		setV(fr, in.r, v128.I32x4DotI16x8S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4ExtmulLowI16x8S:
		setV(fr, in.r, v128.I32x4ExtmulLowI16x8S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4ExtmulHighI16x8S:
		setV(fr, in.r, v128.I32x4ExtmulHighI16x8S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4ExtmulLowI16x8U:
		setV(fr, in.r, v128.I32x4ExtmulLowI16x8U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4ExtmulHighI16x8U:
		setV(fr, in.r, v128.I32x4ExtmulHighI16x8U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2Abs:
		setV(fr, in.r, v128.I64x2Abs(getV(fr, in.x)))
	case wasm.OpI64x2Neg:
		setV(fr, in.r, v128.I64x2Neg(getV(fr, in.x)))
	case wasm.OpI64x2AllTrue:
		fr[in.r] = uint64(v128.I64x2AllTrue(getV(fr, in.x)))
	case wasm.OpI64x2Bitmask:
		fr[in.r] = uint64(v128.I64x2Bitmask(getV(fr, in.x)))
	case wasm.OpI64x2ExtendLowI32x4S:
		setV(fr, in.r, v128.I64x2ExtendLowI32x4S(getV(fr, in.x)))
	case wasm.OpI64x2ExtendHighI32x4S:
		setV(fr, in.r, v128.I64x2ExtendHighI32x4S(getV(fr, in.x)))
	case wasm.OpI64x2ExtendLowI32x4U:
		setV(fr, in.r, v128.I64x2ExtendLowI32x4U(getV(fr, in.x)))
	case wasm.OpI64x2ExtendHighI32x4U:
		setV(fr, in.r, v128.I64x2ExtendHighI32x4U(getV(fr, in.x)))
	case wasm.OpI64x2Shl:
		setV(fr, in.r, v128.I64x2Shl(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI64x2ShrS:
		setV(fr, in.r, v128.I64x2ShrS(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI64x2ShrU:
		setV(fr, in.r, v128.I64x2ShrU(getV(fr, in.x), uint32(fr[in.y])))
	case wasm.OpI64x2Add:
		setV(fr, in.r, v128.I64x2Add(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2Sub:
		setV(fr, in.r, v128.I64x2Sub(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2Mul:
		setV(fr, in.r, v128.I64x2Mul(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2Eq:
		setV(fr, in.r, v128.I64x2Eq(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2Ne:
		setV(fr, in.r, v128.I64x2Ne(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2LtS:
		setV(fr, in.r, v128.I64x2LtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2GtS:
		setV(fr, in.r, v128.I64x2GtS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2LeS:
		setV(fr, in.r, v128.I64x2LeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2GeS:
		setV(fr, in.r, v128.I64x2GeS(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2ExtmulLowI32x4S:
		setV(fr, in.r, v128.I64x2ExtmulLowI32x4S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2ExtmulHighI32x4S:
		setV(fr, in.r, v128.I64x2ExtmulHighI32x4S(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2ExtmulLowI32x4U:
		setV(fr, in.r, v128.I64x2ExtmulLowI32x4U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI64x2ExtmulHighI32x4U:
		setV(fr, in.r, v128.I64x2ExtmulHighI32x4U(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Abs:
		setV(fr, in.r, v128.F32x4Abs(getV(fr, in.x)))
	case wasm.OpF32x4Neg:
		setV(fr, in.r, v128.F32x4Neg(getV(fr, in.x)))
	case wasm.OpF32x4Sqrt:
		setV(fr, in.r, v128.F32x4Sqrt(getV(fr, in.x)))
	case wasm.OpF32x4Add:
		setV(fr, in.r, v128.F32x4Add(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Sub:
		setV(fr, in.r, v128.F32x4Sub(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Mul:
		setV(fr, in.r, v128.F32x4Mul(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Div:
		setV(fr, in.r, v128.F32x4Div(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Min:
		setV(fr, in.r, v128.F32x4Min(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Max:
		setV(fr, in.r, v128.F32x4Max(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Pmin:
		setV(fr, in.r, v128.F32x4Pmin(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF32x4Pmax:
		setV(fr, in.r, v128.F32x4Pmax(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Abs:
		setV(fr, in.r, v128.F64x2Abs(getV(fr, in.x)))
	case wasm.OpF64x2Neg:
		setV(fr, in.r, v128.F64x2Neg(getV(fr, in.x)))
	case wasm.OpF64x2Sqrt:
		setV(fr, in.r, v128.F64x2Sqrt(getV(fr, in.x)))
	case wasm.OpF64x2Add:
		setV(fr, in.r, v128.F64x2Add(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Sub:
		setV(fr, in.r, v128.F64x2Sub(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Mul:
		setV(fr, in.r, v128.F64x2Mul(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Div:
		setV(fr, in.r, v128.F64x2Div(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Min:
		setV(fr, in.r, v128.F64x2Min(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Max:
		setV(fr, in.r, v128.F64x2Max(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Pmin:
		setV(fr, in.r, v128.F64x2Pmin(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpF64x2Pmax:
		setV(fr, in.r, v128.F64x2Pmax(getV(fr, in.x), getV(fr, in.y)))
	case wasm.OpI32x4TruncSatF32x4S:
		setV(fr, in.r, v128.I32x4TruncSatF32x4S(getV(fr, in.x)))
	case wasm.OpI32x4TruncSatF32x4U:
		setV(fr, in.r, v128.I32x4TruncSatF32x4U(getV(fr, in.x)))
	case wasm.OpF32x4ConvertI32x4S:
		setV(fr, in.r, v128.F32x4ConvertI32x4S(getV(fr, in.x)))
	case wasm.OpF32x4ConvertI32x4U:
		setV(fr, in.r, v128.F32x4ConvertI32x4U(getV(fr, in.x)))
	case wasm.OpI32x4TruncSatF64x2SZero:
		setV(fr, in.r, v128.I32x4TruncSatF64x2SZero(getV(fr, in.x)))
	case wasm.OpI32x4TruncSatF64x2UZero:
		setV(fr, in.r, v128.I32x4TruncSatF64x2UZero(getV(fr, in.x)))
	case wasm.OpF64x2ConvertLowI32x4S:
		setV(fr, in.r, v128.F64x2ConvertLowI32x4S(getV(fr, in.x)))
	case wasm.OpF64x2ConvertLowI32x4U:
		setV(fr, in.r, v128.F64x2ConvertLowI32x4U(getV(fr, in.x)))
	default:
		return store.TrapUnreachable
	}
	return 0
}
