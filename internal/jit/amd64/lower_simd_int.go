//go:build amd64

package amd64

import (
	. "github.com/wasmrun/wasmrun/internal/jit/amd64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/wasm"
)

// simdIntBin are the integer and bitwise SIMD instructions one SSE
// instruction computes exactly, operands in order.
var simdIntBin = map[wasm.Op]SseOp{
	wasm.OpI8x16Add: PADDB, wasm.OpI16x8Add: PADDW, wasm.OpI32x4Add: PADDD, wasm.OpI64x2Add: PADDQ,
	wasm.OpI8x16Sub: PSUBB, wasm.OpI16x8Sub: PSUBW, wasm.OpI32x4Sub: PSUBD, wasm.OpI64x2Sub: PSUBQ,
	wasm.OpI8x16AddSatS: PADDSB, wasm.OpI8x16AddSatU: PADDUSB, wasm.OpI8x16SubSatS: PSUBSB, wasm.OpI8x16SubSatU: PSUBUSB,
	wasm.OpI16x8AddSatS: PADDSW, wasm.OpI16x8AddSatU: PADDUSW, wasm.OpI16x8SubSatS: PSUBSW, wasm.OpI16x8SubSatU: PSUBUSW,
	wasm.OpI16x8Mul: PMULLW, wasm.OpI32x4Mul: PMULLD,
	wasm.OpI8x16MinS: PMINSB, wasm.OpI8x16MinU: PMINUB, wasm.OpI8x16MaxS: PMAXSB, wasm.OpI8x16MaxU: PMAXUB,
	wasm.OpI16x8MinS: PMINSW, wasm.OpI16x8MinU: PMINUW, wasm.OpI16x8MaxS: PMAXSW, wasm.OpI16x8MaxU: PMAXUW,
	wasm.OpI32x4MinS: PMINSD, wasm.OpI32x4MinU: PMINUD, wasm.OpI32x4MaxS: PMAXSD, wasm.OpI32x4MaxU: PMAXUD,
	wasm.OpI8x16AvgrU: PAVGB, wasm.OpI16x8AvgrU: PAVGW,
	wasm.OpI8x16Eq: PCMPEQB, wasm.OpI16x8Eq: PCMPEQW, wasm.OpI32x4Eq: PCMPEQD, wasm.OpI64x2Eq: PCMPEQQ,
	wasm.OpI8x16GtS: PCMPGTB, wasm.OpI16x8GtS: PCMPGTW, wasm.OpI32x4GtS: PCMPGTD,
	wasm.OpV128And: PAND, wasm.OpV128Or: POR, wasm.OpV128Xor: PXOR,
	wasm.OpI8x16NarrowI16x8S: PACKSSWB, wasm.OpI8x16NarrowI16x8U: PACKUSWB,
	wasm.OpI16x8NarrowI32x4S: PACKSSDW, wasm.OpI16x8NarrowI32x4U: PACKUSDW,
	wasm.OpI32x4DotI16x8S: PMADDWD,
}

// laneCmp describes an integer lane comparison by lane shape: eq, signed
// greater, and the signed and unsigned min and max (the unsigned and
// non-strict comparisons are built from min/max and equality).
type laneCmp struct{ eq, gt, mins, maxs, minu, maxu SseOp }

var (
	cmp8  = laneCmp{PCMPEQB, PCMPGTB, PMINSB, PMAXSB, PMINUB, PMAXUB}
	cmp16 = laneCmp{PCMPEQW, PCMPGTW, PMINSW, PMAXSW, PMINUW, PMAXUW}
	cmp32 = laneCmp{PCMPEQD, PCMPGTD, PMINSD, PMAXSD, PMINUD, PMAXUD}
)

// simdIntCmp maps the comparisons other than eq and gt_s: the lane shape
// and the relation.
var simdIntCmp = map[wasm.Op]struct {
	c   *laneCmp
	rel string
}{
	wasm.OpI8x16Ne: {&cmp8, "ne"}, wasm.OpI8x16LtS: {&cmp8, "lt_s"}, wasm.OpI8x16LtU: {&cmp8, "lt_u"},
	wasm.OpI8x16GtU: {&cmp8, "gt_u"}, wasm.OpI8x16LeS: {&cmp8, "le_s"}, wasm.OpI8x16LeU: {&cmp8, "le_u"},
	wasm.OpI8x16GeS: {&cmp8, "ge_s"}, wasm.OpI8x16GeU: {&cmp8, "ge_u"},
	wasm.OpI16x8Ne: {&cmp16, "ne"}, wasm.OpI16x8LtS: {&cmp16, "lt_s"}, wasm.OpI16x8LtU: {&cmp16, "lt_u"},
	wasm.OpI16x8GtU: {&cmp16, "gt_u"}, wasm.OpI16x8LeS: {&cmp16, "le_s"}, wasm.OpI16x8LeU: {&cmp16, "le_u"},
	wasm.OpI16x8GeS: {&cmp16, "ge_s"}, wasm.OpI16x8GeU: {&cmp16, "ge_u"},
	wasm.OpI32x4Ne: {&cmp32, "ne"}, wasm.OpI32x4LtS: {&cmp32, "lt_s"}, wasm.OpI32x4LtU: {&cmp32, "lt_u"},
	wasm.OpI32x4GtU: {&cmp32, "gt_u"}, wasm.OpI32x4LeS: {&cmp32, "le_s"}, wasm.OpI32x4LeU: {&cmp32, "le_u"},
	wasm.OpI32x4GeS: {&cmp32, "ge_s"}, wasm.OpI32x4GeU: {&cmp32, "ge_u"},
}

// simdIntOther are the integer SIMD instructions selected case by case.
var simdIntOther = []wasm.Op{
	wasm.OpV128Not, wasm.OpV128Andnot, wasm.OpV128Bitselect, wasm.OpV128AnyTrue,
	wasm.OpI8x16Shuffle, wasm.OpI8x16Swizzle,
	wasm.OpI8x16Splat, wasm.OpI16x8Splat, wasm.OpI32x4Splat, wasm.OpI64x2Splat,
	wasm.OpI8x16ExtractLaneS, wasm.OpI8x16ExtractLaneU, wasm.OpI16x8ExtractLaneS, wasm.OpI16x8ExtractLaneU,
	wasm.OpI32x4ExtractLane, wasm.OpI64x2ExtractLane,
	wasm.OpI8x16ReplaceLane, wasm.OpI16x8ReplaceLane, wasm.OpI32x4ReplaceLane, wasm.OpI64x2ReplaceLane,
	wasm.OpI64x2Ne, wasm.OpI64x2LtS, wasm.OpI64x2GtS, wasm.OpI64x2LeS, wasm.OpI64x2GeS,
	wasm.OpI8x16Abs, wasm.OpI16x8Abs, wasm.OpI32x4Abs, wasm.OpI64x2Abs,
	wasm.OpI8x16Neg, wasm.OpI16x8Neg, wasm.OpI32x4Neg, wasm.OpI64x2Neg,
	wasm.OpI8x16Popcnt, wasm.OpI64x2Mul,
	wasm.OpI8x16AllTrue, wasm.OpI16x8AllTrue, wasm.OpI32x4AllTrue, wasm.OpI64x2AllTrue,
	wasm.OpI8x16Bitmask, wasm.OpI16x8Bitmask, wasm.OpI32x4Bitmask, wasm.OpI64x2Bitmask,
	wasm.OpI8x16Shl, wasm.OpI8x16ShrS, wasm.OpI8x16ShrU, wasm.OpI16x8Shl, wasm.OpI16x8ShrS, wasm.OpI16x8ShrU,
	wasm.OpI32x4Shl, wasm.OpI32x4ShrS, wasm.OpI32x4ShrU, wasm.OpI64x2Shl, wasm.OpI64x2ShrS, wasm.OpI64x2ShrU,
	wasm.OpI16x8ExtendLowI8x16S, wasm.OpI16x8ExtendHighI8x16S, wasm.OpI16x8ExtendLowI8x16U, wasm.OpI16x8ExtendHighI8x16U,
	wasm.OpI32x4ExtendLowI16x8S, wasm.OpI32x4ExtendHighI16x8S, wasm.OpI32x4ExtendLowI16x8U, wasm.OpI32x4ExtendHighI16x8U,
	wasm.OpI64x2ExtendLowI32x4S, wasm.OpI64x2ExtendHighI32x4S, wasm.OpI64x2ExtendLowI32x4U, wasm.OpI64x2ExtendHighI32x4U,
	wasm.OpI16x8ExtmulLowI8x16S, wasm.OpI16x8ExtmulHighI8x16S, wasm.OpI16x8ExtmulLowI8x16U, wasm.OpI16x8ExtmulHighI8x16U,
	wasm.OpI32x4ExtmulLowI16x8S, wasm.OpI32x4ExtmulHighI16x8S, wasm.OpI32x4ExtmulLowI16x8U, wasm.OpI32x4ExtmulHighI16x8U,
	wasm.OpI64x2ExtmulLowI32x4S, wasm.OpI64x2ExtmulHighI32x4S, wasm.OpI64x2ExtmulLowI32x4U, wasm.OpI64x2ExtmulHighI32x4U,
	wasm.OpI16x8ExtaddPairwiseI8x16S, wasm.OpI16x8ExtaddPairwiseI8x16U,
	wasm.OpI32x4ExtaddPairwiseI16x8S, wasm.OpI32x4ExtaddPairwiseI16x8U,
	wasm.OpI16x8Q15mulrSatS,
}

func init() {
	for op := range simdIntBin {
		simdSelectable[op] = true
	}
	for op := range simdIntCmp {
		simdSelectable[op] = true
	}
	for _, op := range simdIntOther {
		simdSelectable[op] = true
	}
}

// splat16 is a 16-byte constant of one repeated byte pattern.
func splat16(pattern ...byte) (v [16]byte) {
	for i := range v {
		v[i] = pattern[i%len(pattern)]
	}
	return v
}

// movx copies XMM register src to dst unless they are the same.
func movx(a *Assembler, dst, src Reg) {
	if dst != src {
		a.SseRR(MOVDQA, dst, src)
	}
}

// notx inverts every bit of dst (X1 is clobbered).
func notx(a *Assembler, dst Reg) {
	a.SseRR(PCMPEQD, X1, X1)
	a.SseRR(PXOR, dst, X1)
}

// widen puts the low (high=false) or high half of x, widened with op
// (a PMOVSX/PMOVZX), into dst.
func widen(a *Assembler, op SseOp, dst, x Reg, high bool) {
	if high {
		a.SseRRI(PSHUFD, dst, x, 0xee)
		a.SseRR(op, dst, dst)
		return
	}
	a.SseRR(op, dst, x)
}

// lowerSIMDInt selects the integer and bitwise SIMD instructions,
// reporting false for any other.
func lowerSIMDInt(l *lowerCtx, op wasm.Op, lane uint8, imm *[16]byte, dst Reg, args []Reg) bool {
	a := l.a
	if sse, ok := simdIntBin[op]; ok {
		movx(a, dst, args[0])
		a.SseRR(sse, dst, args[1])
		return true
	}
	if cm, ok := simdIntCmp[op]; ok {
		x, y := args[0], args[1]
		c := cm.c
		switch cm.rel {
		case "ne":
			movx(a, dst, x)
			a.SseRR(c.eq, dst, y)
			notx(a, dst)
		case "lt_s": // y > x
			movx(a, X0, y)
			a.SseRR(c.gt, X0, x)
			movx(a, dst, X0)
		case "le_s", "le_u", "ge_s", "ge_u": // min(x, y) == x, max(x, y) == x
			m := map[string]SseOp{"le_s": c.mins, "le_u": c.minu, "ge_s": c.maxs, "ge_u": c.maxu}[cm.rel]
			movx(a, X0, x)
			a.SseRR(m, X0, y)
			a.SseRR(c.eq, X0, x)
			movx(a, dst, X0)
		case "lt_u", "gt_u": // not ge_u, not le_u
			m := c.maxu
			if cm.rel == "gt_u" {
				m = c.minu
			}
			movx(a, X0, x)
			a.SseRR(m, X0, y)
			a.SseRR(c.eq, X0, x)
			notx(a, X0)
			movx(a, dst, X0)
		}
		return true
	}
	switch op {
	case wasm.OpV128Not:
		movx(a, dst, args[0])
		notx(a, dst)
	case wasm.OpV128Andnot: // x & ~y
		movx(a, X0, args[1])
		a.SseRR(PANDN, X0, args[0])
		movx(a, dst, X0)
	case wasm.OpV128Bitselect: // (v1 & c) | (v2 & ~c)
		movx(a, X0, args[0])
		a.SseRR(PAND, X0, args[2])
		movx(a, X1, args[2])
		a.SseRR(PANDN, X1, args[1])
		a.SseRR(POR, X0, X1)
		movx(a, dst, X0)
	case wasm.OpV128AnyTrue:
		a.XorRR(W32, dst, dst)
		a.SseRR(PTEST, args[0], args[0])
		a.SetccR(CondNE, dst)
	case wasm.OpI8x16AllTrue, wasm.OpI16x8AllTrue, wasm.OpI32x4AllTrue, wasm.OpI64x2AllTrue:
		eq := map[wasm.Op]SseOp{wasm.OpI8x16AllTrue: PCMPEQB, wasm.OpI16x8AllTrue: PCMPEQW, wasm.OpI32x4AllTrue: PCMPEQD, wasm.OpI64x2AllTrue: PCMPEQQ}[op]
		a.SseRR(PXOR, X0, X0)
		a.SseRR(eq, X0, args[0]) // all ones in the zero lanes
		a.XorRR(W32, dst, dst)
		a.SseRR(PTEST, X0, X0)
		a.SetccR(CondE, dst)
	case wasm.OpI8x16Bitmask:
		a.SseRR(PMOVMSKB, dst, args[0])
	case wasm.OpI16x8Bitmask:
		movx(a, X0, args[0])
		a.SseRR(PACKSSWB, X0, X0)
		a.SseRR(PMOVMSKB, dst, X0)
		a.MovzxRR(W32, W8, dst, dst)
	case wasm.OpI32x4Bitmask:
		a.SseRR(MOVMSKPS, dst, args[0])
	case wasm.OpI64x2Bitmask:
		a.SseRR(MOVMSKPD, dst, args[0])
	case wasm.OpI8x16Shuffle:
		var lo, hi [16]byte
		for i, s := range imm {
			lo[i], hi[i] = 0x80, 0x80
			if s < 16 {
				lo[i] = s
			} else {
				hi[i] = s - 16
			}
		}
		movx(a, X0, args[0])
		a.SseRM(PSHUFB, X0, LabelMem(l.const16(lo)))
		movx(a, X1, args[1])
		a.SseRM(PSHUFB, X1, LabelMem(l.const16(hi)))
		a.SseRR(POR, X0, X1)
		movx(a, dst, X0)
	case wasm.OpI8x16Swizzle: // indices >= 16 saturate to >= 0x80: zero lanes
		movx(a, X0, args[1])
		a.SseRM(PADDUSB, X0, LabelMem(l.const16(splat16(0x70))))
		movx(a, X1, args[0])
		a.SseRR(PSHUFB, X1, X0)
		movx(a, dst, X1)
	case wasm.OpI8x16Splat:
		a.SseRR(MOVDX, dst, args[0])
		a.SseRR(PXOR, X0, X0)
		a.SseRR(PSHUFB, dst, X0)
	case wasm.OpI16x8Splat:
		a.SseRR(MOVDX, dst, args[0])
		a.SseRRI(PSHUFLW, dst, dst, 0)
		a.SseRRI(PSHUFD, dst, dst, 0)
	case wasm.OpI32x4Splat:
		a.SseRR(MOVDX, dst, args[0])
		a.SseRRI(PSHUFD, dst, dst, 0)
	case wasm.OpI64x2Splat:
		a.SseRR(MOVQX, dst, args[0])
		a.SseRR(PUNPCKLQDQ, dst, dst)
	case wasm.OpI8x16ExtractLaneS:
		a.SseRRI(PEXTRB, dst, args[0], lane)
		a.MovsxRR(W32, W8, dst, dst)
	case wasm.OpI8x16ExtractLaneU:
		a.SseRRI(PEXTRB, dst, args[0], lane)
	case wasm.OpI16x8ExtractLaneS:
		a.SseRRI(PEXTRW, dst, args[0], lane)
		a.MovsxRR(W32, W16, dst, dst)
	case wasm.OpI16x8ExtractLaneU:
		a.SseRRI(PEXTRW, dst, args[0], lane)
	case wasm.OpI32x4ExtractLane:
		a.SseRRI(PEXTRD, dst, args[0], lane)
	case wasm.OpI64x2ExtractLane:
		a.SseRRI(PEXTRQ, dst, args[0], lane)
	case wasm.OpI8x16ReplaceLane, wasm.OpI16x8ReplaceLane, wasm.OpI32x4ReplaceLane, wasm.OpI64x2ReplaceLane:
		ins := map[wasm.Op]SseOp{wasm.OpI8x16ReplaceLane: PINSRB, wasm.OpI16x8ReplaceLane: PINSRW, wasm.OpI32x4ReplaceLane: PINSRD, wasm.OpI64x2ReplaceLane: PINSRQ}[op]
		movx(a, dst, args[0])
		a.SseRRI(ins, dst, args[1], lane)
	case wasm.OpI64x2GtS, wasm.OpI64x2LtS, wasm.OpI64x2LeS, wasm.OpI64x2GeS, wasm.OpI64x2Ne:
		x, y := args[0], args[1]
		switch op {
		case wasm.OpI64x2Ne:
			movx(a, dst, x)
			a.SseRR(PCMPEQQ, dst, y)
			notx(a, dst)
			return true
		case wasm.OpI64x2GtS, wasm.OpI64x2LeS: // y < x
			i64LessThan(a, y, x)
		default: // x < y
			i64LessThan(a, x, y)
		}
		if op == wasm.OpI64x2LeS || op == wasm.OpI64x2GeS {
			notx(a, X0)
		}
		movx(a, dst, X0)
	case wasm.OpI8x16Abs:
		a.SseRR(PABSB, dst, args[0])
	case wasm.OpI16x8Abs:
		a.SseRR(PABSW, dst, args[0])
	case wasm.OpI32x4Abs:
		a.SseRR(PABSD, dst, args[0])
	case wasm.OpI64x2Abs: // (x ^ s) - s with s the sign mask
		movx(a, X0, args[0])
		a.SseRI(PSRAD, X0, 31)
		a.SseRRI(PSHUFD, X0, X0, 0xf5)
		movx(a, dst, args[0])
		a.SseRR(PXOR, dst, X0)
		a.SseRR(PSUBQ, dst, X0)
	case wasm.OpI8x16Neg, wasm.OpI16x8Neg, wasm.OpI32x4Neg, wasm.OpI64x2Neg:
		sub := map[wasm.Op]SseOp{wasm.OpI8x16Neg: PSUBB, wasm.OpI16x8Neg: PSUBW, wasm.OpI32x4Neg: PSUBD, wasm.OpI64x2Neg: PSUBQ}[op]
		a.SseRR(PXOR, X0, X0)
		a.SseRR(sub, X0, args[0])
		movx(a, dst, X0)
	case wasm.OpI8x16Popcnt: // nibble lookups
		lut := l.const16([16]byte{0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4})
		low := LabelMem(l.const16(splat16(0x0f)))
		movx(a, X0, args[0])
		a.SseRI(PSRLW, X0, 4)
		a.SseRM(PAND, X0, low)
		movx(a, X1, args[0])
		a.SseRM(PAND, X1, low)
		a.SseRM(MOVDQA, dst, LabelMem(lut))
		a.SseRR(PSHUFB, dst, X1)
		a.SseRM(MOVDQA, X1, LabelMem(lut))
		a.SseRR(PSHUFB, X1, X0)
		a.SseRR(PADDB, dst, X1)
	case wasm.OpI64x2Mul: // lo*lo + ((hi*lo + lo*hi) << 32)
		x, y := args[0], args[1]
		movx(a, X0, x)
		a.SseRI(PSRLQ, X0, 32)
		a.SseRR(PMULUDQ, X0, y)
		movx(a, X1, y)
		a.SseRI(PSRLQ, X1, 32)
		a.SseRR(PMULUDQ, X1, x)
		a.SseRR(PADDQ, X0, X1)
		a.SseRI(PSLLQ, X0, 32)
		movx(a, dst, x)
		a.SseRR(PMULUDQ, dst, y)
		a.SseRR(PADDQ, dst, X0)
	case wasm.OpI16x8Shl, wasm.OpI16x8ShrS, wasm.OpI16x8ShrU, wasm.OpI32x4Shl, wasm.OpI32x4ShrS, wasm.OpI32x4ShrU,
		wasm.OpI64x2Shl, wasm.OpI64x2ShrU:
		sh := map[wasm.Op]struct {
			op   SseOp
			mask int32
		}{
			wasm.OpI16x8Shl: {PSLLW, 15}, wasm.OpI16x8ShrS: {PSRAW, 15}, wasm.OpI16x8ShrU: {PSRLW, 15},
			wasm.OpI32x4Shl: {PSLLD, 31}, wasm.OpI32x4ShrS: {PSRAD, 31}, wasm.OpI32x4ShrU: {PSRLD, 31},
			wasm.OpI64x2Shl: {PSLLQ, 63}, wasm.OpI64x2ShrU: {PSRLQ, 63},
		}[op]
		a.MovRR(W32, RCX, args[1])
		a.AndRI(W32, RCX, sh.mask)
		a.SseRR(MOVQX, X0, RCX)
		movx(a, dst, args[0])
		a.SseRR(sh.op, dst, X0)
	case wasm.OpI64x2ShrS: // ((x >>u n) ^ m) - m with m = 2^63 >>u n
		a.MovRR(W32, RCX, args[1])
		a.AndRI(W32, RCX, 63)
		a.SseRR(MOVQX, X0, RCX)
		a.SseRM(MOVDQA, X1, LabelMem(l.const16(splat16(0, 0, 0, 0, 0, 0, 0, 0x80))))
		a.SseRR(PSRLQ, X1, X0)
		movx(a, dst, args[0])
		a.SseRR(PSRLQ, dst, X0)
		a.SseRR(PXOR, dst, X1)
		a.SseRR(PSUBQ, dst, X1)
	case wasm.OpI8x16Shl, wasm.OpI8x16ShrU: // shift words, then clear the bits that crossed bytes
		a.MovRR(W32, RCX, args[1])
		a.AndRI(W32, RCX, 7)
		a.SseRR(MOVQX, X0, RCX)
		a.MovRI(W32, RAX, 0xff)
		movx(a, dst, args[0])
		if op == wasm.OpI8x16Shl {
			a.SseRR(PSLLW, dst, X0)
			a.ShiftRCL(Shl, W32, RAX)
		} else {
			a.SseRR(PSRLW, dst, X0)
			a.ShiftRCL(Shr, W32, RAX)
		}
		a.AndRI(W32, RAX, 0xff)
		a.ImulRRI(W32, RAX, RAX, 0x01010101)
		a.SseRR(MOVDX, X1, RAX)
		a.SseRRI(PSHUFD, X1, X1, 0)
		a.SseRR(PAND, dst, X1)
	case wasm.OpI8x16ShrS: // arithmetic word shifts of bytes unpacked into high halves
		a.MovRR(W32, RCX, args[1])
		a.AndRI(W32, RCX, 7)
		a.AddRI(W32, RCX, 8)
		movx(a, X1, args[0])
		a.SseRR(PUNPCKLBW, X1, X1)
		movx(a, X0, args[0])
		a.SseRR(PUNPCKHBW, X0, X0)
		a.SseRR(MOVQX, dst, RCX) // the operand is no longer needed
		a.SseRR(PSRAW, X1, dst)
		a.SseRR(PSRAW, X0, dst)
		a.SseRR(PACKSSWB, X1, X0)
		movx(a, dst, X1)
	case wasm.OpI16x8ExtendLowI8x16S, wasm.OpI16x8ExtendHighI8x16S:
		widen(a, PMOVSXBW, dst, args[0], op == wasm.OpI16x8ExtendHighI8x16S)
	case wasm.OpI16x8ExtendLowI8x16U, wasm.OpI16x8ExtendHighI8x16U:
		widen(a, PMOVZXBW, dst, args[0], op == wasm.OpI16x8ExtendHighI8x16U)
	case wasm.OpI32x4ExtendLowI16x8S, wasm.OpI32x4ExtendHighI16x8S:
		widen(a, PMOVSXWD, dst, args[0], op == wasm.OpI32x4ExtendHighI16x8S)
	case wasm.OpI32x4ExtendLowI16x8U, wasm.OpI32x4ExtendHighI16x8U:
		widen(a, PMOVZXWD, dst, args[0], op == wasm.OpI32x4ExtendHighI16x8U)
	case wasm.OpI64x2ExtendLowI32x4S, wasm.OpI64x2ExtendHighI32x4S:
		widen(a, PMOVSXDQ, dst, args[0], op == wasm.OpI64x2ExtendHighI32x4S)
	case wasm.OpI64x2ExtendLowI32x4U, wasm.OpI64x2ExtendHighI32x4U:
		widen(a, PMOVZXDQ, dst, args[0], op == wasm.OpI64x2ExtendHighI32x4U)
	case wasm.OpI16x8ExtmulLowI8x16S, wasm.OpI16x8ExtmulHighI8x16S, wasm.OpI16x8ExtmulLowI8x16U, wasm.OpI16x8ExtmulHighI8x16U,
		wasm.OpI32x4ExtmulLowI16x8S, wasm.OpI32x4ExtmulHighI16x8S, wasm.OpI32x4ExtmulLowI16x8U, wasm.OpI32x4ExtmulHighI16x8U:
		em := map[wasm.Op]struct {
			ext, mul SseOp
			high     bool
		}{
			wasm.OpI16x8ExtmulLowI8x16S: {PMOVSXBW, PMULLW, false}, wasm.OpI16x8ExtmulHighI8x16S: {PMOVSXBW, PMULLW, true},
			wasm.OpI16x8ExtmulLowI8x16U: {PMOVZXBW, PMULLW, false}, wasm.OpI16x8ExtmulHighI8x16U: {PMOVZXBW, PMULLW, true},
			wasm.OpI32x4ExtmulLowI16x8S: {PMOVSXWD, PMULLD, false}, wasm.OpI32x4ExtmulHighI16x8S: {PMOVSXWD, PMULLD, true},
			wasm.OpI32x4ExtmulLowI16x8U: {PMOVZXWD, PMULLD, false}, wasm.OpI32x4ExtmulHighI16x8U: {PMOVZXWD, PMULLD, true},
		}[op]
		widen(a, em.ext, X0, args[0], em.high)
		widen(a, em.ext, X1, args[1], em.high)
		a.SseRR(em.mul, X0, X1)
		movx(a, dst, X0)
	case wasm.OpI64x2ExtmulLowI32x4S, wasm.OpI64x2ExtmulHighI32x4S, wasm.OpI64x2ExtmulLowI32x4U, wasm.OpI64x2ExtmulHighI32x4U:
		// PMULDQ/PMULUDQ multiply the even dwords: spread the half there.
		sel := uint8(0x50) // dwords 0, 0, 1, 1
		if op == wasm.OpI64x2ExtmulHighI32x4S || op == wasm.OpI64x2ExtmulHighI32x4U {
			sel = 0xfa // dwords 2, 2, 3, 3
		}
		mul := PMULUDQ
		if op == wasm.OpI64x2ExtmulLowI32x4S || op == wasm.OpI64x2ExtmulHighI32x4S {
			mul = PMULDQ
		}
		a.SseRRI(PSHUFD, X0, args[0], sel)
		a.SseRRI(PSHUFD, X1, args[1], sel)
		a.SseRR(mul, X0, X1)
		movx(a, dst, X0)
	case wasm.OpI16x8ExtaddPairwiseI8x16S: // unsigned ones times signed bytes
		a.SseRM(MOVDQA, X0, LabelMem(l.const16(splat16(1))))
		a.SseRR(PMADDUBSW, X0, args[0])
		movx(a, dst, X0)
	case wasm.OpI16x8ExtaddPairwiseI8x16U: // unsigned bytes times signed ones
		movx(a, dst, args[0])
		a.SseRM(PMADDUBSW, dst, LabelMem(l.const16(splat16(1))))
	case wasm.OpI32x4ExtaddPairwiseI16x8S:
		movx(a, dst, args[0])
		a.SseRM(PMADDWD, dst, LabelMem(l.const16(splat16(1, 0))))
	case wasm.OpI32x4ExtaddPairwiseI16x8U: // bias to signed, add pairs, unbias
		movx(a, dst, args[0])
		a.SseRM(PXOR, dst, LabelMem(l.const16(splat16(0, 0x80))))
		a.SseRM(PMADDWD, dst, LabelMem(l.const16(splat16(1, 0))))
		a.SseRM(PADDD, dst, LabelMem(l.const16(splat16(0, 0, 1, 0))))
	case wasm.OpI16x8Q15mulrSatS: // PMULHRSW, except 0x8000 * 0x8000 saturates
		movx(a, X0, args[0])
		a.SseRR(PMULHRSW, X0, args[1])
		movx(a, X1, X0)
		a.SseRM(PCMPEQW, X1, LabelMem(l.const16(splat16(0, 0x80))))
		a.SseRR(PXOR, X0, X1)
		movx(a, dst, X0)
	default:
		return false
	}
	return true
}

// i64LessThan sets the lanes of X0 to all ones where p < q (signed 64-bit)
// without SSE4.2's PCMPGTQ: the sign of (p & ~q) | (~(p ^ q) & (p - q)),
// spread over the lane. Only X0 and X1 are written.
func i64LessThan(a *Assembler, p, q Reg) {
	movx(a, X1, p)
	a.SseRR(PSUBQ, X1, q) // p - q
	movx(a, X0, p)
	a.SseRR(PXOR, X0, q)   // p ^ q
	a.SseRR(PANDN, X0, X1) // ~(p ^ q) & (p - q)
	movx(a, X1, q)
	a.SseRR(PANDN, X1, p) // ~q & p
	a.SseRR(POR, X0, X1)
	a.SseRI(PSRAD, X0, 31)
	a.SseRRI(PSHUFD, X0, X0, 0xf5)
}
