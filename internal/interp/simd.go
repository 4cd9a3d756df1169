// Code generated from the opcode table; DO NOT EDIT.

package interp

import (
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/internal/v128"
	"github.com/wasmrun/wasmrun/wasm"
)

func getV(fp unsafe.Pointer, s uint32) v128.V128 { return v128.V128{Lo: *at(fp, s), Hi: *at(fp, s+1)} }

func setV(fp unsafe.Pointer, s uint32, v v128.V128) { *at(fp, s), *at(fp, s+1) = v.Lo, v.Hi }

// simd executes one SIMD instruction. It is outlined from the main loop
// to keep that loop small; it returns a trap code or 0.
func simd(in *instr, fp unsafe.Pointer, memBase unsafe.Pointer, memLen uint64, fc *funcCode) store.TrapCode {
	switch wasm.Op(in.op) {
	case wasm.OpV128Load:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+16 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 16)
		setV(fp, in.r, v128.Load128(b))
	case wasm.OpV128Load8x8S:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load8x8S(b))
	case wasm.OpV128Load8x8U:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load8x8U(b))
	case wasm.OpV128Load16x4S:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load16x4S(b))
	case wasm.OpV128Load16x4U:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load16x4U(b))
	case wasm.OpV128Load32x2S:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load32x2S(b))
	case wasm.OpV128Load32x2U:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load32x2U(b))
	case wasm.OpV128Load8Splat:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+1 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 1)
		setV(fp, in.r, v128.Load8Splat(b))
	case wasm.OpV128Load16Splat:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+2 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 2)
		setV(fp, in.r, v128.Load16Splat(b))
	case wasm.OpV128Load32Splat:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+4 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 4)
		setV(fp, in.r, v128.Load32Splat(b))
	case wasm.OpV128Load64Splat:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load64Splat(b))
	case wasm.OpV128Store:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+16 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 16)
		v128.Store128(b, getV(fp, in.y))
	case wasm.OpI8x16Shuffle:
		setV(fp, in.r, v128.I8x16Shuffle(getV(fp, in.x), getV(fp, in.y), &fc.shuffles[in.k]))
	case wasm.OpI8x16Swizzle:
		setV(fp, in.r, v128.I8x16Swizzle(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16Splat:
		setV(fp, in.r, v128.I8x16Splat(uint32(*at(fp, in.x))))
	case wasm.OpI16x8Splat:
		setV(fp, in.r, v128.I16x8Splat(uint32(*at(fp, in.x))))
	case wasm.OpI32x4Splat:
		setV(fp, in.r, v128.I32x4Splat(uint32(*at(fp, in.x))))
	case wasm.OpI64x2Splat:
		setV(fp, in.r, v128.I64x2Splat(*at(fp, in.x)))
	case wasm.OpF32x4Splat:
		setV(fp, in.r, v128.F32x4Splat(uint32(*at(fp, in.x))))
	case wasm.OpF64x2Splat:
		setV(fp, in.r, v128.F64x2Splat(*at(fp, in.x)))
	case wasm.OpI8x16ExtractLaneS:
		*at(fp, in.r) = uint64(v128.I8x16ExtractLaneS(getV(fp, in.x), uint8(in.k)))
	case wasm.OpI8x16ExtractLaneU:
		*at(fp, in.r) = uint64(v128.I8x16ExtractLaneU(getV(fp, in.x), uint8(in.k)))
	case wasm.OpI8x16ReplaceLane:
		setV(fp, in.r, v128.I8x16ReplaceLane(getV(fp, in.x), uint8(in.k), uint32(*at(fp, in.y))))
	case wasm.OpI16x8ExtractLaneS:
		*at(fp, in.r) = uint64(v128.I16x8ExtractLaneS(getV(fp, in.x), uint8(in.k)))
	case wasm.OpI16x8ExtractLaneU:
		*at(fp, in.r) = uint64(v128.I16x8ExtractLaneU(getV(fp, in.x), uint8(in.k)))
	case wasm.OpI16x8ReplaceLane:
		setV(fp, in.r, v128.I16x8ReplaceLane(getV(fp, in.x), uint8(in.k), uint32(*at(fp, in.y))))
	case wasm.OpI32x4ExtractLane:
		*at(fp, in.r) = uint64(v128.I32x4ExtractLane(getV(fp, in.x), uint8(in.k)))
	case wasm.OpI32x4ReplaceLane:
		setV(fp, in.r, v128.I32x4ReplaceLane(getV(fp, in.x), uint8(in.k), uint32(*at(fp, in.y))))
	case wasm.OpI64x2ExtractLane:
		*at(fp, in.r) = uint64(v128.I64x2ExtractLane(getV(fp, in.x), uint8(in.k)))
	case wasm.OpI64x2ReplaceLane:
		setV(fp, in.r, v128.I64x2ReplaceLane(getV(fp, in.x), uint8(in.k), *at(fp, in.y)))
	case wasm.OpF32x4ExtractLane:
		*at(fp, in.r) = uint64(v128.F32x4ExtractLane(getV(fp, in.x), uint8(in.k)))
	case wasm.OpF32x4ReplaceLane:
		setV(fp, in.r, v128.F32x4ReplaceLane(getV(fp, in.x), uint8(in.k), uint32(*at(fp, in.y))))
	case wasm.OpF64x2ExtractLane:
		*at(fp, in.r) = uint64(v128.F64x2ExtractLane(getV(fp, in.x), uint8(in.k)))
	case wasm.OpF64x2ReplaceLane:
		setV(fp, in.r, v128.F64x2ReplaceLane(getV(fp, in.x), uint8(in.k), *at(fp, in.y)))
	case wasm.OpI8x16Eq:
		setV(fp, in.r, v128.I8x16Eq(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16Ne:
		setV(fp, in.r, v128.I8x16Ne(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16LtS:
		setV(fp, in.r, v128.I8x16LtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16LtU:
		setV(fp, in.r, v128.I8x16LtU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16GtS:
		setV(fp, in.r, v128.I8x16GtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16GtU:
		setV(fp, in.r, v128.I8x16GtU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16LeS:
		setV(fp, in.r, v128.I8x16LeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16LeU:
		setV(fp, in.r, v128.I8x16LeU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16GeS:
		setV(fp, in.r, v128.I8x16GeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16GeU:
		setV(fp, in.r, v128.I8x16GeU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8Eq:
		setV(fp, in.r, v128.I16x8Eq(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8Ne:
		setV(fp, in.r, v128.I16x8Ne(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8LtS:
		setV(fp, in.r, v128.I16x8LtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8LtU:
		setV(fp, in.r, v128.I16x8LtU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8GtS:
		setV(fp, in.r, v128.I16x8GtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8GtU:
		setV(fp, in.r, v128.I16x8GtU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8LeS:
		setV(fp, in.r, v128.I16x8LeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8LeU:
		setV(fp, in.r, v128.I16x8LeU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8GeS:
		setV(fp, in.r, v128.I16x8GeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8GeU:
		setV(fp, in.r, v128.I16x8GeU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4Eq:
		setV(fp, in.r, v128.I32x4Eq(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4Ne:
		setV(fp, in.r, v128.I32x4Ne(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4LtS:
		setV(fp, in.r, v128.I32x4LtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4LtU:
		setV(fp, in.r, v128.I32x4LtU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4GtS:
		setV(fp, in.r, v128.I32x4GtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4GtU:
		setV(fp, in.r, v128.I32x4GtU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4LeS:
		setV(fp, in.r, v128.I32x4LeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4LeU:
		setV(fp, in.r, v128.I32x4LeU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4GeS:
		setV(fp, in.r, v128.I32x4GeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4GeU:
		setV(fp, in.r, v128.I32x4GeU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Eq:
		setV(fp, in.r, v128.F32x4Eq(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Ne:
		setV(fp, in.r, v128.F32x4Ne(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Lt:
		setV(fp, in.r, v128.F32x4Lt(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Gt:
		setV(fp, in.r, v128.F32x4Gt(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Le:
		setV(fp, in.r, v128.F32x4Le(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Ge:
		setV(fp, in.r, v128.F32x4Ge(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Eq:
		setV(fp, in.r, v128.F64x2Eq(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Ne:
		setV(fp, in.r, v128.F64x2Ne(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Lt:
		setV(fp, in.r, v128.F64x2Lt(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Gt:
		setV(fp, in.r, v128.F64x2Gt(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Le:
		setV(fp, in.r, v128.F64x2Le(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Ge:
		setV(fp, in.r, v128.F64x2Ge(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpV128Not:
		setV(fp, in.r, v128.V128Not(getV(fp, in.x)))
	case wasm.OpV128And:
		setV(fp, in.r, v128.V128And(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpV128Andnot:
		setV(fp, in.r, v128.V128Andnot(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpV128Or:
		setV(fp, in.r, v128.V128Or(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpV128Xor:
		setV(fp, in.r, v128.V128Xor(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpV128Bitselect:
		setV(fp, in.r, v128.V128Bitselect(getV(fp, in.x), getV(fp, in.y), getV(fp, in.z)))
	case wasm.OpV128AnyTrue:
		*at(fp, in.r) = uint64(v128.V128AnyTrue(getV(fp, in.x)))
	case wasm.OpV128Load8Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+1 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 1)
		setV(fp, in.r, v128.Load8Lane(b, getV(fp, in.y), uint8(in.k)))
	case wasm.OpV128Load16Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+2 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 2)
		setV(fp, in.r, v128.Load16Lane(b, getV(fp, in.y), uint8(in.k)))
	case wasm.OpV128Load32Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+4 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 4)
		setV(fp, in.r, v128.Load32Lane(b, getV(fp, in.y), uint8(in.k)))
	case wasm.OpV128Load64Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load64Lane(b, getV(fp, in.y), uint8(in.k)))
	case wasm.OpV128Store8Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+1 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 1)
		v128.Store8Lane(b, getV(fp, in.y), uint8(in.k))
	case wasm.OpV128Store16Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+2 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 2)
		v128.Store16Lane(b, getV(fp, in.y), uint8(in.k))
	case wasm.OpV128Store32Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+4 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 4)
		v128.Store32Lane(b, getV(fp, in.y), uint8(in.k))
	case wasm.OpV128Store64Lane:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		v128.Store64Lane(b, getV(fp, in.y), uint8(in.k))
	case wasm.OpV128Load32Zero:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+4 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 4)
		setV(fp, in.r, v128.Load32Zero(b))
	case wasm.OpV128Load64Zero:
		ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
		if ea+8 > memLen {
			return store.TrapMemoryOutOfBounds
		}
		b := mb(memBase, ea, 8)
		setV(fp, in.r, v128.Load64Zero(b))
	case wasm.OpF32x4DemoteF64x2Zero:
		setV(fp, in.r, v128.F32x4DemoteF64x2Zero(getV(fp, in.x)))
	case wasm.OpF64x2PromoteLowF32x4:
		setV(fp, in.r, v128.F64x2PromoteLowF32x4(getV(fp, in.x)))
	case wasm.OpI8x16Abs:
		setV(fp, in.r, v128.I8x16Abs(getV(fp, in.x)))
	case wasm.OpI8x16Neg:
		setV(fp, in.r, v128.I8x16Neg(getV(fp, in.x)))
	case wasm.OpI8x16Popcnt:
		setV(fp, in.r, v128.I8x16Popcnt(getV(fp, in.x)))
	case wasm.OpI8x16AllTrue:
		*at(fp, in.r) = uint64(v128.I8x16AllTrue(getV(fp, in.x)))
	case wasm.OpI8x16Bitmask:
		*at(fp, in.r) = uint64(v128.I8x16Bitmask(getV(fp, in.x)))
	case wasm.OpI8x16NarrowI16x8S:
		setV(fp, in.r, v128.I8x16NarrowI16x8S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16NarrowI16x8U:
		setV(fp, in.r, v128.I8x16NarrowI16x8U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Ceil:
		setV(fp, in.r, v128.F32x4Ceil(getV(fp, in.x)))
	case wasm.OpF32x4Floor:
		setV(fp, in.r, v128.F32x4Floor(getV(fp, in.x)))
	case wasm.OpF32x4Trunc:
		setV(fp, in.r, v128.F32x4Trunc(getV(fp, in.x)))
	case wasm.OpF32x4Nearest:
		setV(fp, in.r, v128.F32x4Nearest(getV(fp, in.x)))
	case wasm.OpI8x16Shl:
		setV(fp, in.r, v128.I8x16Shl(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI8x16ShrS:
		setV(fp, in.r, v128.I8x16ShrS(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI8x16ShrU:
		setV(fp, in.r, v128.I8x16ShrU(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI8x16Add:
		setV(fp, in.r, v128.I8x16Add(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16AddSatS:
		setV(fp, in.r, v128.I8x16AddSatS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16AddSatU:
		setV(fp, in.r, v128.I8x16AddSatU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16Sub:
		setV(fp, in.r, v128.I8x16Sub(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16SubSatS:
		setV(fp, in.r, v128.I8x16SubSatS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16SubSatU:
		setV(fp, in.r, v128.I8x16SubSatU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Ceil:
		setV(fp, in.r, v128.F64x2Ceil(getV(fp, in.x)))
	case wasm.OpF64x2Floor:
		setV(fp, in.r, v128.F64x2Floor(getV(fp, in.x)))
	case wasm.OpI8x16MinS:
		setV(fp, in.r, v128.I8x16MinS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16MinU:
		setV(fp, in.r, v128.I8x16MinU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16MaxS:
		setV(fp, in.r, v128.I8x16MaxS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI8x16MaxU:
		setV(fp, in.r, v128.I8x16MaxU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Trunc:
		setV(fp, in.r, v128.F64x2Trunc(getV(fp, in.x)))
	case wasm.OpI8x16AvgrU:
		setV(fp, in.r, v128.I8x16AvgrU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8ExtaddPairwiseI8x16S:
		setV(fp, in.r, v128.I16x8ExtaddPairwiseI8x16S(getV(fp, in.x)))
	case wasm.OpI16x8ExtaddPairwiseI8x16U:
		setV(fp, in.r, v128.I16x8ExtaddPairwiseI8x16U(getV(fp, in.x)))
	case wasm.OpI32x4ExtaddPairwiseI16x8S:
		setV(fp, in.r, v128.I32x4ExtaddPairwiseI16x8S(getV(fp, in.x)))
	case wasm.OpI32x4ExtaddPairwiseI16x8U:
		setV(fp, in.r, v128.I32x4ExtaddPairwiseI16x8U(getV(fp, in.x)))
	case wasm.OpI16x8Abs:
		setV(fp, in.r, v128.I16x8Abs(getV(fp, in.x)))
	case wasm.OpI16x8Neg:
		setV(fp, in.r, v128.I16x8Neg(getV(fp, in.x)))
	case wasm.OpI16x8Q15mulrSatS:
		setV(fp, in.r, v128.I16x8Q15mulrSatS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8AllTrue:
		*at(fp, in.r) = uint64(v128.I16x8AllTrue(getV(fp, in.x)))
	case wasm.OpI16x8Bitmask:
		*at(fp, in.r) = uint64(v128.I16x8Bitmask(getV(fp, in.x)))
	case wasm.OpI16x8NarrowI32x4S:
		setV(fp, in.r, v128.I16x8NarrowI32x4S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8NarrowI32x4U:
		setV(fp, in.r, v128.I16x8NarrowI32x4U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8ExtendLowI8x16S:
		setV(fp, in.r, v128.I16x8ExtendLowI8x16S(getV(fp, in.x)))
	case wasm.OpI16x8ExtendHighI8x16S:
		setV(fp, in.r, v128.I16x8ExtendHighI8x16S(getV(fp, in.x)))
	case wasm.OpI16x8ExtendLowI8x16U:
		setV(fp, in.r, v128.I16x8ExtendLowI8x16U(getV(fp, in.x)))
	case wasm.OpI16x8ExtendHighI8x16U:
		setV(fp, in.r, v128.I16x8ExtendHighI8x16U(getV(fp, in.x)))
	case wasm.OpI16x8Shl:
		setV(fp, in.r, v128.I16x8Shl(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI16x8ShrS:
		setV(fp, in.r, v128.I16x8ShrS(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI16x8ShrU:
		setV(fp, in.r, v128.I16x8ShrU(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI16x8Add:
		setV(fp, in.r, v128.I16x8Add(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8AddSatS:
		setV(fp, in.r, v128.I16x8AddSatS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8AddSatU:
		setV(fp, in.r, v128.I16x8AddSatU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8Sub:
		setV(fp, in.r, v128.I16x8Sub(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8SubSatS:
		setV(fp, in.r, v128.I16x8SubSatS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8SubSatU:
		setV(fp, in.r, v128.I16x8SubSatU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Nearest:
		setV(fp, in.r, v128.F64x2Nearest(getV(fp, in.x)))
	case wasm.OpI16x8Mul:
		setV(fp, in.r, v128.I16x8Mul(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8MinS:
		setV(fp, in.r, v128.I16x8MinS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8MinU:
		setV(fp, in.r, v128.I16x8MinU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8MaxS:
		setV(fp, in.r, v128.I16x8MaxS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8MaxU:
		setV(fp, in.r, v128.I16x8MaxU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8AvgrU:
		setV(fp, in.r, v128.I16x8AvgrU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8ExtmulLowI8x16S:
		setV(fp, in.r, v128.I16x8ExtmulLowI8x16S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8ExtmulHighI8x16S:
		setV(fp, in.r, v128.I16x8ExtmulHighI8x16S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8ExtmulLowI8x16U:
		setV(fp, in.r, v128.I16x8ExtmulLowI8x16U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI16x8ExtmulHighI8x16U:
		setV(fp, in.r, v128.I16x8ExtmulHighI8x16U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4Abs:
		setV(fp, in.r, v128.I32x4Abs(getV(fp, in.x)))
	case wasm.OpI32x4Neg:
		setV(fp, in.r, v128.I32x4Neg(getV(fp, in.x)))
	case wasm.OpI32x4AllTrue:
		*at(fp, in.r) = uint64(v128.I32x4AllTrue(getV(fp, in.x)))
	case wasm.OpI32x4Bitmask:
		*at(fp, in.r) = uint64(v128.I32x4Bitmask(getV(fp, in.x)))
	case wasm.OpI32x4ExtendLowI16x8S:
		setV(fp, in.r, v128.I32x4ExtendLowI16x8S(getV(fp, in.x)))
	case wasm.OpI32x4ExtendHighI16x8S:
		setV(fp, in.r, v128.I32x4ExtendHighI16x8S(getV(fp, in.x)))
	case wasm.OpI32x4ExtendLowI16x8U:
		setV(fp, in.r, v128.I32x4ExtendLowI16x8U(getV(fp, in.x)))
	case wasm.OpI32x4ExtendHighI16x8U:
		setV(fp, in.r, v128.I32x4ExtendHighI16x8U(getV(fp, in.x)))
	case wasm.OpI32x4Shl:
		setV(fp, in.r, v128.I32x4Shl(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI32x4ShrS:
		setV(fp, in.r, v128.I32x4ShrS(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI32x4ShrU:
		setV(fp, in.r, v128.I32x4ShrU(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI32x4Add:
		setV(fp, in.r, v128.I32x4Add(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4Sub:
		setV(fp, in.r, v128.I32x4Sub(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4Mul:
		setV(fp, in.r, v128.I32x4Mul(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4MinS:
		setV(fp, in.r, v128.I32x4MinS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4MinU:
		setV(fp, in.r, v128.I32x4MinU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4MaxS:
		setV(fp, in.r, v128.I32x4MaxS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4MaxU:
		setV(fp, in.r, v128.I32x4MaxU(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4DotI16x8S:
		setV(fp, in.r, v128.I32x4DotI16x8S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4ExtmulLowI16x8S:
		setV(fp, in.r, v128.I32x4ExtmulLowI16x8S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4ExtmulHighI16x8S:
		setV(fp, in.r, v128.I32x4ExtmulHighI16x8S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4ExtmulLowI16x8U:
		setV(fp, in.r, v128.I32x4ExtmulLowI16x8U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4ExtmulHighI16x8U:
		setV(fp, in.r, v128.I32x4ExtmulHighI16x8U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2Abs:
		setV(fp, in.r, v128.I64x2Abs(getV(fp, in.x)))
	case wasm.OpI64x2Neg:
		setV(fp, in.r, v128.I64x2Neg(getV(fp, in.x)))
	case wasm.OpI64x2AllTrue:
		*at(fp, in.r) = uint64(v128.I64x2AllTrue(getV(fp, in.x)))
	case wasm.OpI64x2Bitmask:
		*at(fp, in.r) = uint64(v128.I64x2Bitmask(getV(fp, in.x)))
	case wasm.OpI64x2ExtendLowI32x4S:
		setV(fp, in.r, v128.I64x2ExtendLowI32x4S(getV(fp, in.x)))
	case wasm.OpI64x2ExtendHighI32x4S:
		setV(fp, in.r, v128.I64x2ExtendHighI32x4S(getV(fp, in.x)))
	case wasm.OpI64x2ExtendLowI32x4U:
		setV(fp, in.r, v128.I64x2ExtendLowI32x4U(getV(fp, in.x)))
	case wasm.OpI64x2ExtendHighI32x4U:
		setV(fp, in.r, v128.I64x2ExtendHighI32x4U(getV(fp, in.x)))
	case wasm.OpI64x2Shl:
		setV(fp, in.r, v128.I64x2Shl(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI64x2ShrS:
		setV(fp, in.r, v128.I64x2ShrS(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI64x2ShrU:
		setV(fp, in.r, v128.I64x2ShrU(getV(fp, in.x), uint32(*at(fp, in.y))))
	case wasm.OpI64x2Add:
		setV(fp, in.r, v128.I64x2Add(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2Sub:
		setV(fp, in.r, v128.I64x2Sub(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2Mul:
		setV(fp, in.r, v128.I64x2Mul(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2Eq:
		setV(fp, in.r, v128.I64x2Eq(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2Ne:
		setV(fp, in.r, v128.I64x2Ne(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2LtS:
		setV(fp, in.r, v128.I64x2LtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2GtS:
		setV(fp, in.r, v128.I64x2GtS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2LeS:
		setV(fp, in.r, v128.I64x2LeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2GeS:
		setV(fp, in.r, v128.I64x2GeS(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2ExtmulLowI32x4S:
		setV(fp, in.r, v128.I64x2ExtmulLowI32x4S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2ExtmulHighI32x4S:
		setV(fp, in.r, v128.I64x2ExtmulHighI32x4S(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2ExtmulLowI32x4U:
		setV(fp, in.r, v128.I64x2ExtmulLowI32x4U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI64x2ExtmulHighI32x4U:
		setV(fp, in.r, v128.I64x2ExtmulHighI32x4U(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Abs:
		setV(fp, in.r, v128.F32x4Abs(getV(fp, in.x)))
	case wasm.OpF32x4Neg:
		setV(fp, in.r, v128.F32x4Neg(getV(fp, in.x)))
	case wasm.OpF32x4Sqrt:
		setV(fp, in.r, v128.F32x4Sqrt(getV(fp, in.x)))
	case wasm.OpF32x4Add:
		setV(fp, in.r, v128.F32x4Add(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Sub:
		setV(fp, in.r, v128.F32x4Sub(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Mul:
		setV(fp, in.r, v128.F32x4Mul(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Div:
		setV(fp, in.r, v128.F32x4Div(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Min:
		setV(fp, in.r, v128.F32x4Min(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Max:
		setV(fp, in.r, v128.F32x4Max(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Pmin:
		setV(fp, in.r, v128.F32x4Pmin(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF32x4Pmax:
		setV(fp, in.r, v128.F32x4Pmax(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Abs:
		setV(fp, in.r, v128.F64x2Abs(getV(fp, in.x)))
	case wasm.OpF64x2Neg:
		setV(fp, in.r, v128.F64x2Neg(getV(fp, in.x)))
	case wasm.OpF64x2Sqrt:
		setV(fp, in.r, v128.F64x2Sqrt(getV(fp, in.x)))
	case wasm.OpF64x2Add:
		setV(fp, in.r, v128.F64x2Add(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Sub:
		setV(fp, in.r, v128.F64x2Sub(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Mul:
		setV(fp, in.r, v128.F64x2Mul(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Div:
		setV(fp, in.r, v128.F64x2Div(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Min:
		setV(fp, in.r, v128.F64x2Min(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Max:
		setV(fp, in.r, v128.F64x2Max(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Pmin:
		setV(fp, in.r, v128.F64x2Pmin(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpF64x2Pmax:
		setV(fp, in.r, v128.F64x2Pmax(getV(fp, in.x), getV(fp, in.y)))
	case wasm.OpI32x4TruncSatF32x4S:
		setV(fp, in.r, v128.I32x4TruncSatF32x4S(getV(fp, in.x)))
	case wasm.OpI32x4TruncSatF32x4U:
		setV(fp, in.r, v128.I32x4TruncSatF32x4U(getV(fp, in.x)))
	case wasm.OpF32x4ConvertI32x4S:
		setV(fp, in.r, v128.F32x4ConvertI32x4S(getV(fp, in.x)))
	case wasm.OpF32x4ConvertI32x4U:
		setV(fp, in.r, v128.F32x4ConvertI32x4U(getV(fp, in.x)))
	case wasm.OpI32x4TruncSatF64x2SZero:
		setV(fp, in.r, v128.I32x4TruncSatF64x2SZero(getV(fp, in.x)))
	case wasm.OpI32x4TruncSatF64x2UZero:
		setV(fp, in.r, v128.I32x4TruncSatF64x2UZero(getV(fp, in.x)))
	case wasm.OpF64x2ConvertLowI32x4S:
		setV(fp, in.r, v128.F64x2ConvertLowI32x4S(getV(fp, in.x)))
	case wasm.OpF64x2ConvertLowI32x4U:
		setV(fp, in.r, v128.F64x2ConvertLowI32x4U(getV(fp, in.x)))
	default:
		return relaxedSIMD(in, fp)
	}
	return 0
}
