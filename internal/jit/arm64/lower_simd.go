package arm64

import (
	. "github.com/wasmrun/wasmrun/internal/jit/arm64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/wasm"
)

// This file selects NEON code for the SIMD instructions: v128 operands
// and results in V registers; a lane value of splat and replace_lane in
// a general register (i32, i64) or a V register (f32, f64); a shift
// count in a general register. The contract is mach.Machine.Lower's: dst
// is args[0] or distinct from every argument, and only the scratch
// registers (X15-X17, X27, V0, V1) and dst may be written.

// vsame is a SIMD instruction that is one three-register NEON
// instruction: the operands swapped (lt and le as gt and ge), the result
// inverted (ne).
type vsame struct {
	op        Op
	arr       Arr
	swap, not bool
}

var simdSame = map[wasm.Op]vsame{
	wasm.OpI8x16Add: {VADD, B16, false, false}, wasm.OpI16x8Add: {VADD, H8, false, false}, wasm.OpI32x4Add: {VADD, S4, false, false}, wasm.OpI64x2Add: {VADD, D2, false, false},
	wasm.OpI8x16Sub: {VSUB, B16, false, false}, wasm.OpI16x8Sub: {VSUB, H8, false, false}, wasm.OpI32x4Sub: {VSUB, S4, false, false}, wasm.OpI64x2Sub: {VSUB, D2, false, false},
	wasm.OpI16x8Mul: {VMUL, H8, false, false}, wasm.OpI32x4Mul: {VMUL, S4, false, false},
	wasm.OpI8x16AddSatS: {VSQADD, B16, false, false}, wasm.OpI8x16AddSatU: {VUQADD, B16, false, false},
	wasm.OpI16x8AddSatS: {VSQADD, H8, false, false}, wasm.OpI16x8AddSatU: {VUQADD, H8, false, false},
	wasm.OpI8x16SubSatS: {VSQSUB, B16, false, false}, wasm.OpI8x16SubSatU: {VUQSUB, B16, false, false},
	wasm.OpI16x8SubSatS: {VSQSUB, H8, false, false}, wasm.OpI16x8SubSatU: {VUQSUB, H8, false, false},
	wasm.OpI8x16MinS: {VSMIN, B16, false, false}, wasm.OpI8x16MinU: {VUMIN, B16, false, false}, wasm.OpI8x16MaxS: {VSMAX, B16, false, false}, wasm.OpI8x16MaxU: {VUMAX, B16, false, false},
	wasm.OpI16x8MinS: {VSMIN, H8, false, false}, wasm.OpI16x8MinU: {VUMIN, H8, false, false}, wasm.OpI16x8MaxS: {VSMAX, H8, false, false}, wasm.OpI16x8MaxU: {VUMAX, H8, false, false},
	wasm.OpI32x4MinS: {VSMIN, S4, false, false}, wasm.OpI32x4MinU: {VUMIN, S4, false, false}, wasm.OpI32x4MaxS: {VSMAX, S4, false, false}, wasm.OpI32x4MaxU: {VUMAX, S4, false, false},
	wasm.OpI8x16AvgrU: {VURHADD, B16, false, false}, wasm.OpI16x8AvgrU: {VURHADD, H8, false, false},
	wasm.OpI16x8Q15mulrSatS: {VSQRDMULH, H8, false, false},
	wasm.OpV128And:          {VAND, B16, false, false}, wasm.OpV128Or: {VORR, B16, false, false}, wasm.OpV128Xor: {VEOR, B16, false, false}, wasm.OpV128Andnot: {VBIC, B16, false, false},
	wasm.OpF32x4Add: {VFADD, S4, false, false}, wasm.OpF32x4Sub: {VFSUB, S4, false, false}, wasm.OpF32x4Mul: {VFMUL, S4, false, false}, wasm.OpF32x4Div: {VFDIV, S4, false, false},
	wasm.OpF64x2Add: {VFADD, D2, false, false}, wasm.OpF64x2Sub: {VFSUB, D2, false, false}, wasm.OpF64x2Mul: {VFMUL, D2, false, false}, wasm.OpF64x2Div: {VFDIV, D2, false, false},
	// FMIN and FMAX propagate NaNs and order -0 below +0, as Wasm does.
	wasm.OpF32x4Min: {VFMIN, S4, false, false}, wasm.OpF32x4Max: {VFMAX, S4, false, false},
	wasm.OpF64x2Min: {VFMIN, D2, false, false}, wasm.OpF64x2Max: {VFMAX, D2, false, false},

	wasm.OpI8x16Eq: {VCMEQ, B16, false, false}, wasm.OpI8x16Ne: {VCMEQ, B16, false, true},
	wasm.OpI8x16LtS: {VCMGT, B16, true, false}, wasm.OpI8x16LtU: {VCMHI, B16, true, false}, wasm.OpI8x16GtS: {VCMGT, B16, false, false}, wasm.OpI8x16GtU: {VCMHI, B16, false, false},
	wasm.OpI8x16LeS: {VCMGE, B16, true, false}, wasm.OpI8x16LeU: {VCMHS, B16, true, false}, wasm.OpI8x16GeS: {VCMGE, B16, false, false}, wasm.OpI8x16GeU: {VCMHS, B16, false, false},
	wasm.OpI16x8Eq: {VCMEQ, H8, false, false}, wasm.OpI16x8Ne: {VCMEQ, H8, false, true},
	wasm.OpI16x8LtS: {VCMGT, H8, true, false}, wasm.OpI16x8LtU: {VCMHI, H8, true, false}, wasm.OpI16x8GtS: {VCMGT, H8, false, false}, wasm.OpI16x8GtU: {VCMHI, H8, false, false},
	wasm.OpI16x8LeS: {VCMGE, H8, true, false}, wasm.OpI16x8LeU: {VCMHS, H8, true, false}, wasm.OpI16x8GeS: {VCMGE, H8, false, false}, wasm.OpI16x8GeU: {VCMHS, H8, false, false},
	wasm.OpI32x4Eq: {VCMEQ, S4, false, false}, wasm.OpI32x4Ne: {VCMEQ, S4, false, true},
	wasm.OpI32x4LtS: {VCMGT, S4, true, false}, wasm.OpI32x4LtU: {VCMHI, S4, true, false}, wasm.OpI32x4GtS: {VCMGT, S4, false, false}, wasm.OpI32x4GtU: {VCMHI, S4, false, false},
	wasm.OpI32x4LeS: {VCMGE, S4, true, false}, wasm.OpI32x4LeU: {VCMHS, S4, true, false}, wasm.OpI32x4GeS: {VCMGE, S4, false, false}, wasm.OpI32x4GeU: {VCMHS, S4, false, false},
	wasm.OpI64x2Eq: {VCMEQ, D2, false, false}, wasm.OpI64x2Ne: {VCMEQ, D2, false, true},
	wasm.OpI64x2LtS: {VCMGT, D2, true, false}, wasm.OpI64x2GtS: {VCMGT, D2, false, false}, wasm.OpI64x2LeS: {VCMGE, D2, true, false}, wasm.OpI64x2GeS: {VCMGE, D2, false, false},
	// Float comparisons: unordered lanes compare false (ne: true).
	wasm.OpF32x4Eq: {VFCMEQ, S4, false, false}, wasm.OpF32x4Ne: {VFCMEQ, S4, false, true},
	wasm.OpF32x4Lt: {VFCMGT, S4, true, false}, wasm.OpF32x4Gt: {VFCMGT, S4, false, false}, wasm.OpF32x4Le: {VFCMGE, S4, true, false}, wasm.OpF32x4Ge: {VFCMGE, S4, false, false},
	wasm.OpF64x2Eq: {VFCMEQ, D2, false, false}, wasm.OpF64x2Ne: {VFCMEQ, D2, false, true},
	wasm.OpF64x2Lt: {VFCMGT, D2, true, false}, wasm.OpF64x2Gt: {VFCMGT, D2, false, false}, wasm.OpF64x2Le: {VFCMGE, D2, true, false}, wasm.OpF64x2Ge: {VFCMGE, D2, false, false},

	// Widening multiplies: the source arrangement (the "2" forms read the
	// upper halves).
	wasm.OpI16x8ExtmulLowI8x16S: {VSMULL, B8, false, false}, wasm.OpI16x8ExtmulHighI8x16S: {VSMULL2, B16, false, false},
	wasm.OpI16x8ExtmulLowI8x16U: {VUMULL, B8, false, false}, wasm.OpI16x8ExtmulHighI8x16U: {VUMULL2, B16, false, false},
	wasm.OpI32x4ExtmulLowI16x8S: {VSMULL, H4, false, false}, wasm.OpI32x4ExtmulHighI16x8S: {VSMULL2, H8, false, false},
	wasm.OpI32x4ExtmulLowI16x8U: {VUMULL, H4, false, false}, wasm.OpI32x4ExtmulHighI16x8U: {VUMULL2, H8, false, false},
	wasm.OpI64x2ExtmulLowI32x4S: {VSMULL, S2, false, false}, wasm.OpI64x2ExtmulHighI32x4S: {VSMULL2, S4, false, false},
	wasm.OpI64x2ExtmulLowI32x4U: {VUMULL, S2, false, false}, wasm.OpI64x2ExtmulHighI32x4U: {VUMULL2, S4, false, false},
	// Swizzle: TBL gives 0 for an index out of range, as Wasm does.
	wasm.OpI8x16Swizzle: {opTbl, B16, false, false},
}

// opTbl marks swizzle in simdSame (TBL has its own form).
const opTbl Op = 0xffff

// vmisc is a SIMD instruction that is one two-register NEON instruction.
type vmisc struct {
	op  Op
	arr Arr
}

var simdMisc = map[wasm.Op]vmisc{
	wasm.OpI8x16Abs: {VABS, B16}, wasm.OpI16x8Abs: {VABS, H8}, wasm.OpI32x4Abs: {VABS, S4}, wasm.OpI64x2Abs: {VABS, D2},
	wasm.OpI8x16Neg: {VNEG, B16}, wasm.OpI16x8Neg: {VNEG, H8}, wasm.OpI32x4Neg: {VNEG, S4}, wasm.OpI64x2Neg: {VNEG, D2},
	wasm.OpV128Not: {VNOT, B16}, wasm.OpI8x16Popcnt: {VCNT, B16},
	wasm.OpF32x4Abs: {VFABS, S4}, wasm.OpF32x4Neg: {VFNEG, S4}, wasm.OpF32x4Sqrt: {VFSQRT, S4},
	wasm.OpF64x2Abs: {VFABS, D2}, wasm.OpF64x2Neg: {VFNEG, D2}, wasm.OpF64x2Sqrt: {VFSQRT, D2},
	wasm.OpF32x4Nearest: {VFRINTN, S4}, wasm.OpF32x4Floor: {VFRINTM, S4}, wasm.OpF32x4Ceil: {VFRINTP, S4}, wasm.OpF32x4Trunc: {VFRINTZ, S4},
	wasm.OpF64x2Nearest: {VFRINTN, D2}, wasm.OpF64x2Floor: {VFRINTM, D2}, wasm.OpF64x2Ceil: {VFRINTP, D2}, wasm.OpF64x2Trunc: {VFRINTZ, D2},
	// FCVTZS and FCVTZU saturate and give 0 for NaN: trunc_sat.
	wasm.OpI32x4TruncSatF32x4S: {VFCVTZS, S4}, wasm.OpI32x4TruncSatF32x4U: {VFCVTZU, S4},
	wasm.OpF32x4ConvertI32x4S: {VSCVTF, S4}, wasm.OpF32x4ConvertI32x4U: {VUCVTF, S4},
	// Narrow arrangements: the source's for the pairwise adds, the
	// narrow side's for FCVTL and FCVTN (which zeroes the upper half).
	wasm.OpI16x8ExtaddPairwiseI8x16S: {VSADDLP, B16}, wasm.OpI16x8ExtaddPairwiseI8x16U: {VUADDLP, B16},
	wasm.OpI32x4ExtaddPairwiseI16x8S: {VSADDLP, H8}, wasm.OpI32x4ExtaddPairwiseI16x8U: {VUADDLP, H8},
	wasm.OpF64x2PromoteLowF32x4: {VFCVTL, S2}, wasm.OpF32x4DemoteF64x2Zero: {VFCVTN, S2},
}

// simdExtend are the extensions: SSHLL/USHLL #0 of the low or high half
// (source arrangement).
var simdExtend = map[wasm.Op]vmisc{
	wasm.OpI16x8ExtendLowI8x16S: {VSSHLL, B8}, wasm.OpI16x8ExtendHighI8x16S: {VSSHLL2, B16},
	wasm.OpI16x8ExtendLowI8x16U: {VUSHLL, B8}, wasm.OpI16x8ExtendHighI8x16U: {VUSHLL2, B16},
	wasm.OpI32x4ExtendLowI16x8S: {VSSHLL, H4}, wasm.OpI32x4ExtendHighI16x8S: {VSSHLL2, H8},
	wasm.OpI32x4ExtendLowI16x8U: {VUSHLL, H4}, wasm.OpI32x4ExtendHighI16x8U: {VUSHLL2, H8},
	wasm.OpI64x2ExtendLowI32x4S: {VSSHLL, S2}, wasm.OpI64x2ExtendHighI32x4S: {VSSHLL2, S4},
	wasm.OpI64x2ExtendLowI32x4U: {VUSHLL, S2}, wasm.OpI64x2ExtendHighI32x4U: {VUSHLL2, S4},
}

// simdShift are the shifts by a scalar count: the lane arrangement, the
// lane bits, and whether the shift is to the right (signed: arithmetic).
var simdShift = map[wasm.Op]struct {
	arr           Arr
	bits          uint64
	right, signed bool
}{
	wasm.OpI8x16Shl: {B16, 8, false, false}, wasm.OpI8x16ShrS: {B16, 8, true, true}, wasm.OpI8x16ShrU: {B16, 8, true, false},
	wasm.OpI16x8Shl: {H8, 16, false, false}, wasm.OpI16x8ShrS: {H8, 16, true, true}, wasm.OpI16x8ShrU: {H8, 16, true, false},
	wasm.OpI32x4Shl: {S4, 32, false, false}, wasm.OpI32x4ShrS: {S4, 32, true, true}, wasm.OpI32x4ShrU: {S4, 32, true, false},
	wasm.OpI64x2Shl: {D2, 64, false, false}, wasm.OpI64x2ShrS: {D2, 64, true, true}, wasm.OpI64x2ShrU: {D2, 64, true, false},
}

// simdOther lists the SIMD instructions selected one by one in
// lowerSIMD.
var simdOther = []wasm.Op{
	wasm.OpI8x16Shuffle, wasm.OpI8x16Splat, wasm.OpI16x8Splat, wasm.OpI32x4Splat, wasm.OpI64x2Splat, wasm.OpF32x4Splat, wasm.OpF64x2Splat,
	wasm.OpI8x16ExtractLaneS, wasm.OpI8x16ExtractLaneU, wasm.OpI16x8ExtractLaneS, wasm.OpI16x8ExtractLaneU,
	wasm.OpI32x4ExtractLane, wasm.OpI64x2ExtractLane, wasm.OpF32x4ExtractLane, wasm.OpF64x2ExtractLane,
	wasm.OpI8x16ReplaceLane, wasm.OpI16x8ReplaceLane, wasm.OpI32x4ReplaceLane, wasm.OpI64x2ReplaceLane, wasm.OpF32x4ReplaceLane, wasm.OpF64x2ReplaceLane,
	wasm.OpV128Bitselect, wasm.OpV128AnyTrue,
	wasm.OpI8x16AllTrue, wasm.OpI16x8AllTrue, wasm.OpI32x4AllTrue, wasm.OpI64x2AllTrue,
	wasm.OpI8x16Bitmask, wasm.OpI16x8Bitmask, wasm.OpI32x4Bitmask, wasm.OpI64x2Bitmask,
	wasm.OpI8x16NarrowI16x8S, wasm.OpI8x16NarrowI16x8U, wasm.OpI16x8NarrowI32x4S, wasm.OpI16x8NarrowI32x4U,
	wasm.OpI32x4DotI16x8S, wasm.OpI64x2Mul,
	wasm.OpF32x4Pmin, wasm.OpF32x4Pmax, wasm.OpF64x2Pmin, wasm.OpF64x2Pmax,
	wasm.OpI32x4TruncSatF64x2SZero, wasm.OpI32x4TruncSatF64x2UZero, wasm.OpF64x2ConvertLowI32x4S, wasm.OpF64x2ConvertLowI32x4U,
}

// simdMem gives the SIMD memory instructions' forms.
var simdMem = map[wasm.Op]bool{
	wasm.OpV128Load: true, wasm.OpV128Store: true,
	wasm.OpV128Load8x8S: true, wasm.OpV128Load8x8U: true, wasm.OpV128Load16x4S: true, wasm.OpV128Load16x4U: true,
	wasm.OpV128Load32x2S: true, wasm.OpV128Load32x2U: true,
	wasm.OpV128Load8Splat: true, wasm.OpV128Load16Splat: true, wasm.OpV128Load32Splat: true, wasm.OpV128Load64Splat: true,
	wasm.OpV128Load32Zero: true, wasm.OpV128Load64Zero: true,
	wasm.OpV128Load8Lane: true, wasm.OpV128Load16Lane: true, wasm.OpV128Load32Lane: true, wasm.OpV128Load64Lane: true,
	wasm.OpV128Store8Lane: true, wasm.OpV128Store16Lane: true, wasm.OpV128Store32Lane: true, wasm.OpV128Store64Lane: true,
}

var simdSelectable = func() map[wasm.Op]bool {
	s := map[wasm.Op]bool{}
	for op := range simdSame {
		s[op] = true
	}
	for op := range simdMisc {
		s[op] = true
	}
	for op := range simdExtend {
		s[op] = true
	}
	for op := range simdShift {
		s[op] = true
	}
	for _, op := range simdOther {
		s[op] = true
	}
	for op := range simdMem {
		s[op] = true
	}
	return s
}()

// vconst puts the 128-bit constant lo, hi into V register d (through X16).
func (m *Machine) vconst(d Reg, lo, hi uint64) {
	m.a.MovImm(W64, tmp, lo)
	m.a.FMovFromGP(W64, d, tmp)
	m.a.MovImm(W64, tmp, hi)
	m.a.InsGP(D2, d, 1, tmp)
}

// lowerSIMD emits SIMD instruction op (not a memory access).
func (m *Machine) lowerSIMD(op wasm.Op, lane uint8, imm *[16]byte, d Reg, args []Reg) {
	a := &m.a
	if s, ok := simdSame[op]; ok {
		x, y := args[0], args[1]
		if s.swap {
			x, y = y, x
		}
		if s.op == opTbl {
			a.Tbl(d, []Reg{x}, y)
			return
		}
		a.VRRR(s.op, s.arr, d, x, y)
		if s.not {
			a.VRR(VNOT, B16, d, d)
		}
		return
	}
	if s, ok := simdMisc[op]; ok {
		a.VRR(s.op, s.arr, d, args[0])
		return
	}
	if s, ok := simdExtend[op]; ok {
		a.VShiftImm(s.op, s.arr, d, args[0], 0)
		return
	}
	if s, ok := simdShift[op]; ok {
		// The count modulo the lane width, broadcast; NEON shifts right by
		// a negative left shift.
		m.must(a.RRImm(AND, W32, tmp, args[1], s.bits-1))
		if s.right {
			a.RR(NEG, W32, tmp, tmp)
		}
		dup := s.arr
		a.DupGP(dup, ftmp, tmp)
		sh := VUSHL
		if s.signed {
			sh = VSSHL
		}
		a.VRRR(sh, s.arr, d, args[0], ftmp)
		return
	}
	switch op {
	case wasm.OpI8x16Shuffle:
		a.VMov(ftmp, args[0])
		a.VMov(ftmp2, args[1])
		m.vconst(d, le64(imm[:8]), le64(imm[8:]))
		a.Tbl(d, []Reg{ftmp, ftmp2}, d)
	case wasm.OpI8x16Splat:
		a.DupGP(B16, d, args[0])
	case wasm.OpI16x8Splat:
		a.DupGP(H8, d, args[0])
	case wasm.OpI32x4Splat:
		a.DupGP(S4, d, args[0])
	case wasm.OpI64x2Splat:
		a.DupGP(D2, d, args[0])
	case wasm.OpF32x4Splat:
		a.DupElem(S4, d, args[0], 0)
	case wasm.OpF64x2Splat:
		a.DupElem(D2, d, args[0], 0)
	case wasm.OpI8x16ExtractLaneS:
		a.Smov(W32, B16, d, args[0], lane)
		a.RR(MOV, W32, d, d)
	case wasm.OpI8x16ExtractLaneU:
		a.Umov(B16, d, args[0], lane)
	case wasm.OpI16x8ExtractLaneS:
		a.Smov(W32, H8, d, args[0], lane)
		a.RR(MOV, W32, d, d)
	case wasm.OpI16x8ExtractLaneU:
		a.Umov(H8, d, args[0], lane)
	case wasm.OpI32x4ExtractLane:
		a.Umov(S4, d, args[0], lane)
	case wasm.OpI64x2ExtractLane:
		a.Umov(D2, d, args[0], lane)
	case wasm.OpF32x4ExtractLane:
		a.DupElem(S4, d, args[0], lane)
	case wasm.OpF64x2ExtractLane:
		a.DupElem(D2, d, args[0], lane)
	case wasm.OpI8x16ReplaceLane, wasm.OpI16x8ReplaceLane, wasm.OpI32x4ReplaceLane, wasm.OpI64x2ReplaceLane:
		if d != args[0] {
			a.VMov(d, args[0])
		}
		arr := map[wasm.Op]Arr{wasm.OpI8x16ReplaceLane: B16, wasm.OpI16x8ReplaceLane: H8, wasm.OpI32x4ReplaceLane: S4, wasm.OpI64x2ReplaceLane: D2}[op]
		a.InsGP(arr, d, lane, args[1])
	case wasm.OpF32x4ReplaceLane, wasm.OpF64x2ReplaceLane:
		if d != args[0] {
			a.VMov(d, args[0])
		}
		arr := S4
		if op == wasm.OpF64x2ReplaceLane {
			arr = D2
		}
		a.InsElem(arr, d, lane, args[1], 0)
	case wasm.OpV128Bitselect: // (a & c) | (b & ~c): BSL takes the mask in its destination
		a.VMov(ftmp, args[2])
		a.VRRR(VBSL, B16, ftmp, args[0], args[1])
		a.VMov(d, ftmp)
	case wasm.OpV128AnyTrue:
		a.VRR(VUMAXV, B16, ftmp, args[0])
		a.Umov(B16, d, ftmp, 0)
		m.must(a.CmpImm(W32, d, 0))
		a.CSet(W32, d, NE)
	case wasm.OpI8x16AllTrue, wasm.OpI16x8AllTrue, wasm.OpI32x4AllTrue:
		arr := map[wasm.Op]Arr{wasm.OpI8x16AllTrue: B16, wasm.OpI16x8AllTrue: H8, wasm.OpI32x4AllTrue: S4}[op]
		a.VRR(VUMINV, arr, ftmp, args[0])
		a.Umov(arr, d, ftmp, 0)
		m.must(a.CmpImm(W32, d, 0))
		a.CSet(W32, d, NE)
	case wasm.OpI64x2AllTrue:
		a.VRR(VCMEQZ, D2, ftmp, args[0]) // all ones for a zero lane
		a.VRR(VUMAXV, S4, ftmp, ftmp)
		a.Umov(S4, d, ftmp, 0)
		m.must(a.CmpImm(W32, d, 0))
		a.CSet(W32, d, EQ)
	case wasm.OpI8x16Bitmask:
		// Each lane's sign as all ones, weighted 1, 2, 4, ... 128 in each
		// half, the halves interleaved into 16-bit lanes and summed.
		a.VShiftImm(VSSHR, B16, ftmp, args[0], 7)
		a.MovImm(W64, tmp, 0x8040201008040201)
		a.DupGP(D2, ftmp2, tmp)
		a.VRRR(VAND, B16, ftmp, ftmp, ftmp2)
		a.Ext(ftmp2, ftmp, ftmp, 8)
		a.VRRR(VZIP1, B16, ftmp, ftmp, ftmp2)
		a.VRR(VADDV, H8, ftmp, ftmp)
		a.Umov(H8, d, ftmp, 0)
	case wasm.OpI16x8Bitmask:
		a.VShiftImm(VSSHR, H8, ftmp, args[0], 15)
		m.vconst(ftmp2, 0x0008000400020001, 0x0080004000200010)
		a.VRRR(VAND, B16, ftmp, ftmp, ftmp2)
		a.VRR(VADDV, H8, ftmp, ftmp)
		a.Umov(H8, d, ftmp, 0)
	case wasm.OpI32x4Bitmask:
		a.VShiftImm(VSSHR, S4, ftmp, args[0], 31)
		m.vconst(ftmp2, 0x0000000200000001, 0x0000000800000004)
		a.VRRR(VAND, B16, ftmp, ftmp, ftmp2)
		a.VRR(VADDV, S4, ftmp, ftmp)
		a.Umov(S4, d, ftmp, 0)
	case wasm.OpI64x2Bitmask:
		a.VShiftImm(VUSHR, D2, ftmp, args[0], 63)
		a.Umov(D2, tmp, ftmp, 0)
		a.Umov(D2, tmp2, ftmp, 1)
		a.RRRShift(ADD, W32, d, tmp, tmp2, LSL, 1)
	case wasm.OpI8x16NarrowI16x8S, wasm.OpI8x16NarrowI16x8U, wasm.OpI16x8NarrowI32x4S, wasm.OpI16x8NarrowI32x4U:
		lo, hi := VSQXTN, VSQXTN2
		if op == wasm.OpI8x16NarrowI16x8U || op == wasm.OpI16x8NarrowI32x4U {
			lo, hi = VSQXTUN, VSQXTUN2
		}
		narrow, narrow2 := B8, B16
		if op == wasm.OpI16x8NarrowI32x4S || op == wasm.OpI16x8NarrowI32x4U {
			narrow, narrow2 = H4, H8
		}
		y := args[1]
		if d == y { // cannot be: d is args[0] or distinct; kept for safety
			a.VMov(ftmp2, y)
			y = ftmp2
		}
		a.VRR(lo, narrow, d, args[0])
		a.VRR(hi, narrow2, d, y)
	case wasm.OpI32x4DotI16x8S:
		a.VRRR(VSMULL, H4, ftmp, args[0], args[1])
		a.VRRR(VSMULL2, H8, ftmp2, args[0], args[1])
		a.VRRR(VADDP, S4, d, ftmp, ftmp2)
	case wasm.OpI64x2Mul: // no 64-bit lane multiply: lane by lane in general registers
		a.Umov(D2, tmp, args[0], 0)
		a.Umov(D2, tmp2, args[1], 0)
		a.RRR(MUL, W64, tmp, tmp, tmp2)
		a.Umov(D2, tmp3, args[0], 1)
		a.Umov(D2, tmp2, args[1], 1)
		a.RRR(MUL, W64, tmp3, tmp3, tmp2)
		a.InsGP(D2, d, 0, tmp)
		a.InsGP(D2, d, 1, tmp3)
	case wasm.OpF32x4Pmin, wasm.OpF64x2Pmin, wasm.OpF32x4Pmax, wasm.OpF64x2Pmax:
		// pmin: b < a ? b : a; pmax: a < b ? b : a (NaNs compare false).
		arr := S4
		if op == wasm.OpF64x2Pmin || op == wasm.OpF64x2Pmax {
			arr = D2
		}
		if op == wasm.OpF32x4Pmin || op == wasm.OpF64x2Pmin {
			a.VRRR(VFCMGT, arr, ftmp, args[0], args[1])
		} else {
			a.VRRR(VFCMGT, arr, ftmp, args[1], args[0])
		}
		a.VRRR(VBSL, B16, ftmp, args[1], args[0])
		a.VMov(d, ftmp)
	case wasm.OpI32x4TruncSatF64x2SZero:
		a.VRR(VFCVTZS, D2, ftmp, args[0])
		a.VRR(VSQXTN, S2, d, ftmp)
	case wasm.OpI32x4TruncSatF64x2UZero:
		a.VRR(VFCVTZU, D2, ftmp, args[0])
		a.VRR(VUQXTN, S2, d, ftmp)
	case wasm.OpF64x2ConvertLowI32x4S:
		a.VShiftImm(VSSHLL, S2, ftmp, args[0], 0)
		a.VRR(VSCVTF, D2, d, ftmp)
	case wasm.OpF64x2ConvertLowI32x4U:
		a.VShiftImm(VUSHLL, S2, ftmp, args[0], 0)
		a.VRR(VUCVTF, D2, d, ftmp)
	default:
		panic("jit/arm64: no SIMD selector for " + op.String())
	}
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// LowerMem compiles a SIMD memory access: the address is bounds-checked
// in X16, then made absolute for the forms with a base register only.
func (m *Machine) LowerMem(op wasm.Op, lane uint8, addr mach.Operand, offset uint64, size int32, dst mach.Reg, args []mach.Reg) {
	a := &m.a
	d := Reg(dst)
	m.address(addr, offset)
	m.boundsCheck(size)
	switch op {
	case wasm.OpV128Load:
		a.LdrReg(VQ, W64, d, regMem, tmp, UXTX, false)
	case wasm.OpV128Store:
		a.StrReg(VQ, Reg(args[0]), regMem, tmp, UXTX, false)
	case wasm.OpV128Load32Zero: // a scalar load zeroes the rest of the register
		a.LdrReg(VW, W64, d, regMem, tmp, UXTX, false)
	case wasm.OpV128Load64Zero:
		a.LdrReg(VD, W64, d, regMem, tmp, UXTX, false)
	case wasm.OpV128Load8x8S, wasm.OpV128Load8x8U, wasm.OpV128Load16x4S, wasm.OpV128Load16x4U, wasm.OpV128Load32x2S, wasm.OpV128Load32x2U:
		a.LdrReg(VD, W64, ftmp, regMem, tmp, UXTX, false)
		arr := map[wasm.Op]Arr{wasm.OpV128Load8x8S: B8, wasm.OpV128Load8x8U: B8, wasm.OpV128Load16x4S: H4, wasm.OpV128Load16x4U: H4, wasm.OpV128Load32x2S: S2, wasm.OpV128Load32x2U: S2}[op]
		sh := VUSHLL
		if op == wasm.OpV128Load8x8S || op == wasm.OpV128Load16x4S || op == wasm.OpV128Load32x2S {
			sh = VSSHLL
		}
		a.VShiftImm(sh, arr, d, ftmp, 0)
	default:
		a.RRR(ADD, W64, tmp, regMem, tmp)
		arrs := map[wasm.Op]Arr{
			wasm.OpV128Load8Splat: B16, wasm.OpV128Load16Splat: H8, wasm.OpV128Load32Splat: S4, wasm.OpV128Load64Splat: D2,
			wasm.OpV128Load8Lane: B16, wasm.OpV128Load16Lane: H8, wasm.OpV128Load32Lane: S4, wasm.OpV128Load64Lane: D2,
			wasm.OpV128Store8Lane: B16, wasm.OpV128Store16Lane: H8, wasm.OpV128Store32Lane: S4, wasm.OpV128Store64Lane: D2,
		}
		arr := arrs[op]
		switch op {
		case wasm.OpV128Load8Splat, wasm.OpV128Load16Splat, wasm.OpV128Load32Splat, wasm.OpV128Load64Splat:
			a.Ld1R(arr, d, tmp)
		case wasm.OpV128Load8Lane, wasm.OpV128Load16Lane, wasm.OpV128Load32Lane, wasm.OpV128Load64Lane:
			if d != Reg(args[0]) {
				a.VMov(d, Reg(args[0]))
			}
			a.Ld1Lane(arr, d, lane, tmp)
		default:
			a.St1Lane(arr, Reg(args[0]), lane, tmp)
		}
	}
}
