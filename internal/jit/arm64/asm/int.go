package asm

import (
	"math/bits"
)

// Op is an operation: an integer, scalar floating-point or NEON mnemonic. Each method accepts
// the operations of its form and records an error for others; the table row of an Op holds the
// base bits of every encoding class it has.
type Op uint16

// Integer operations. Which methods take which is noted per group.
const (
	_ Op = iota

	// Add/subtract: RRR, RRRShift (LSL/LSR/ASR), RRRExt, RRImm (12-bit immediate).
	ADD
	ADDS
	SUB
	SUBS

	// Logical: RRR, RRRShift (all four shifts); AND/ORR/EOR/ANDS also RRImm (bitmask immediate).
	AND
	ORR
	EOR
	ANDS
	BIC
	ORN
	EON
	BICS

	// Two-source data processing: RRR.
	SDIV
	UDIV
	LSLV
	LSRV
	ASRV
	RORV

	// Multiplication: MUL, SMULH and UMULH (64-bit only) with RRR; MADD and MSUB with RRRR.
	MUL
	SMULH
	UMULH
	MADD
	MSUB

	// One-source data processing and register aliases: RR. REV reverses the bytes of the whole
	// register (REV16 those of each halfword, REV32 those of each word: 64-bit only).
	CLZ
	CLS
	RBIT
	REV
	REV16
	REV32
	MOV    // ORR d, zr, n; ADD d, n, #0 when d or n is RSP
	MVN    // ORN d, zr, n
	NEG    // SUB d, zr, n
	NEGS   // SUBS d, zr, n
	OpSXTB // SBFM d, n, #0, #7
	OpSXTH // SBFM d, n, #0, #15
	OpSXTW // SBFM xd, xn, #0, #31 (W64 only)
	OpUXTB // UBFM d, n, #0, #7
	OpUXTH // UBFM d, n, #0, #15

	// Bitfield moves: Bfm.
	SBFM
	BFM
	UBFM

	// Conditional select: CSel.
	CSEL
	CSINC
	CSINV
	CSNEG

	numIntOps
)

type intClass uint8

const (
	icNone intClass = iota
	icAddSub
	icLogical
	icDP2
	icDP3   // reg = MADD-style base, Ra field used by RRRR or ZR for RRR
	icMulH  // 64-bit only, Ra = 31
	icDP1   // one source
	icAlias // RR aliases, handled by RR
	icBfm
	icCSel
)

// intInfo is the table row of an integer Op: base bits of the register form, the immediate form
// and the extended-register form (0 when the Op has none). The sf bit is ORed in per width.
type intInfo struct {
	name string
	cls  intClass
	reg  uint32
	imm  uint32
	ext  uint32
}

var intOps = [numIntOps]intInfo{
	// Add/subtract (shifted register) C4.1.95, (immediate) C4.1.92, (extended register) C4.1.95.
	ADD:  {"add", icAddSub, 0x0b000000, 0x11000000, 0x0b200000},
	ADDS: {"adds", icAddSub, 0x2b000000, 0x31000000, 0x2b200000},
	SUB:  {"sub", icAddSub, 0x4b000000, 0x51000000, 0x4b200000},
	SUBS: {"subs", icAddSub, 0x6b000000, 0x71000000, 0x6b200000},
	// Logical (shifted register) and logical (immediate).
	AND:  {"and", icLogical, 0x0a000000, 0x12000000, 0},
	ORR:  {"orr", icLogical, 0x2a000000, 0x32000000, 0},
	EOR:  {"eor", icLogical, 0x4a000000, 0x52000000, 0},
	ANDS: {"ands", icLogical, 0x6a000000, 0x72000000, 0},
	BIC:  {"bic", icLogical, 0x0a200000, 0, 0},
	ORN:  {"orn", icLogical, 0x2a200000, 0, 0},
	EON:  {"eon", icLogical, 0x4a200000, 0, 0},
	BICS: {"bics", icLogical, 0x6a200000, 0, 0},
	// Data-processing (2 source).
	UDIV: {"udiv", icDP2, 0x1ac00800, 0, 0},
	SDIV: {"sdiv", icDP2, 0x1ac00c00, 0, 0},
	LSLV: {"lslv", icDP2, 0x1ac02000, 0, 0},
	LSRV: {"lsrv", icDP2, 0x1ac02400, 0, 0},
	ASRV: {"asrv", icDP2, 0x1ac02800, 0, 0},
	RORV: {"rorv", icDP2, 0x1ac02c00, 0, 0},
	// Data-processing (3 source).
	MUL:   {"mul", icDP3, 0x1b000000, 0, 0},
	MADD:  {"madd", icDP3, 0x1b000000, 0, 0},
	MSUB:  {"msub", icDP3, 0x1b008000, 0, 0},
	SMULH: {"smulh", icMulH, 0x1b400000, 0, 0},
	UMULH: {"umulh", icMulH, 0x1bc00000, 0, 0},
	// Data-processing (1 source). REV's opcode depends on the width (fixed up in RR).
	RBIT:  {"rbit", icDP1, 0x5ac00000, 0, 0},
	REV16: {"rev16", icDP1, 0x5ac00400, 0, 0},
	REV32: {"rev32", icDP1, 0x5ac00800, 0, 0},
	REV:   {"rev", icDP1, 0x5ac00800, 0, 0},
	CLZ:   {"clz", icDP1, 0x5ac01000, 0, 0},
	CLS:   {"cls", icDP1, 0x5ac01400, 0, 0},
	// Aliases (RR).
	MOV: {"mov", icAlias, 0, 0, 0}, MVN: {"mvn", icAlias, 0, 0, 0}, NEG: {"neg", icAlias, 0, 0, 0},
	NEGS: {"negs", icAlias, 0, 0, 0}, OpSXTB: {"sxtb", icAlias, 0, 0, 0}, OpSXTH: {"sxth", icAlias, 0, 0, 0},
	OpSXTW: {"sxtw", icAlias, 0, 0, 0}, OpUXTB: {"uxtb", icAlias, 0, 0, 0}, OpUXTH: {"uxth", icAlias, 0, 0, 0},
	// Bitfield; N (bit 22) is set with sf.
	SBFM: {"sbfm", icBfm, 0x13000000, 0, 0},
	BFM:  {"bfm", icBfm, 0x33000000, 0, 0},
	UBFM: {"ubfm", icBfm, 0x53000000, 0, 0},
	// Conditional select.
	CSEL:  {"csel", icCSel, 0x1a800000, 0, 0},
	CSINC: {"csinc", icCSel, 0x1a800400, 0, 0},
	CSINV: {"csinv", icCSel, 0x5a800000, 0, 0},
	CSNEG: {"csneg", icCSel, 0x5a800400, 0, 0},
}

func (a *Assembler) intOp(op Op, want ...intClass) (intInfo, bool) {
	if op < numIntOps {
		in := intOps[op]
		for _, c := range want {
			if in.cls == c && c != icNone {
				return in, true
			}
		}
	}
	a.fail("operation %v has no such form", op)
	return intInfo{}, false
}

// String returns the operation's mnemonic (lower case; NEON ops with their V prefix).
func (op Op) String() string {
	switch {
	case op < numIntOps && intOps[op].name != "":
		return intOps[op].name
	case op >= opFPBase && op < numFPOps && fpOps[op-opFPBase].name != "":
		return fpOps[op-opFPBase].name
	case op >= opVBase && op < numVOps && vOps[op-opVBase].name != "":
		return "v" + vOps[op-opVBase].name
	}
	return "op(" + itoa(int(op)) + ")"
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
	if v < 10 {
		return string(rune('0' + v))
	}
	return itoa(v/10) + string(rune('0'+v%10))
}

// Shift is the shift applied to the second register of a shifted-register operand, and the
// operation of [Assembler.ShiftImm].
type Shift uint8

// Shifts, with their encodings.
const (
	LSL Shift = iota
	LSR
	ASR
	ROR
)

// Extend is the extension applied to the index register of an extended-register operand (add,
// sub, register-offset loads and stores).
type Extend uint8

// Extensions, with their encodings (the option field). UXTX is LSL for 64-bit operands.
const (
	UXTB Extend = iota
	UXTH
	UXTW
	UXTX
	SXTB
	SXTH
	SXTW
	SXTX
)

// dpr encodes a three-register data-processing word: base | sf | m<<16 | n<<5 | d.
func dpr(base uint32, w Width, d, n, m uint32) uint32 {
	return base | w.sf() | m<<16 | n<<5 | d
}

// RRR emits a three-register operation d = n op m: ADD, ADDS, SUB, SUBS (shifted-register form
// with no shift; when d or n is RSP the extended-register form with LSL #0 instead, where RSP is
// allowed as n, and as d for ADD/SUB), the logical operations, SDIV, UDIV, LSLV, LSRV, ASRV,
// RORV, MUL, and SMULH/UMULH (W64 only). Other registers take ZR, not RSP.
func (a *Assembler) RRR(op Op, w Width, d, n, m Reg) {
	in, ok := a.intOp(op, icAddSub, icLogical, icDP2, icDP3, icMulH)
	if !ok {
		a.Word(udfWord)
		return
	}
	switch in.cls {
	case icAddSub:
		if d == RSP || n == RSP {
			ext := UXTW
			if w == W64 {
				ext = UXTX
			}
			a.RRRExt(op, w, d, n, m, ext, 0)
			return
		}
	case icDP3:
		if op != MUL {
			a.fail("%v takes an accumulator; use RRRR", op)
		}
		a.Word(dpr(in.reg, w, a.gp(d, false), a.gp(n, false), a.gp(m, false)) | 31<<10)
		return
	case icMulH:
		if w != W64 {
			a.fail("%v is 64-bit only", op)
		}
		a.Word(dpr(in.reg, W64, a.gp(d, false), a.gp(n, false), a.gp(m, false)) | 31<<10)
		return
	}
	a.Word(dpr(in.reg, w, a.gp(d, false), a.gp(n, false), a.gp(m, false)))
}

// RRRShift emits d = n op (m sh amount) for the add/subtract operations (LSL, LSR, ASR) and
// the logical operations (all four shifts); amount is below the width. No operand may be RSP.
func (a *Assembler) RRRShift(op Op, w Width, d, n, m Reg, sh Shift, amount uint8) {
	in, ok := a.intOp(op, icAddSub, icLogical)
	if !ok {
		a.Word(udfWord)
		return
	}
	if sh > ROR || (sh == ROR && in.cls == icAddSub) {
		a.fail("%v cannot shift by %d", op, sh)
	}
	if uint(amount) >= w.bits() {
		a.fail("shift amount %d out of range", amount)
	}
	a.Word(dpr(in.reg, w, a.gp(d, false), a.gp(n, false), a.gp(m, false)) | uint32(sh&3)<<22 | uint32(amount&63)<<10)
}

// RRRExt emits d = n op (extend(m) << amount) for ADD, ADDS, SUB, SUBS (extended register);
// amount is 0..4. n may be RSP, and so may d for ADD/SUB (ADDS/SUBS write ZR instead); m is a W
// register, except at W64 for UXTX/SXTX, where it is an X register.
func (a *Assembler) RRRExt(op Op, w Width, d, n, m Reg, ext Extend, amount uint8) {
	in, ok := a.intOp(op, icAddSub)
	if !ok {
		a.Word(udfWord)
		return
	}
	if amount > 4 || ext > SXTX {
		a.fail("bad extend %d #%d", ext, amount)
	}
	setsFlags := in.reg&(1<<29) != 0
	a.Word(dpr(in.ext, w, a.gp(d, !setsFlags), a.gp(n, true), a.gp(m, false)) | uint32(ext&7)<<13 | uint32(amount&7)<<10)
}

// RRRR emits MADD (d = a + n*m) or MSUB (d = a - n*m).
func (a *Assembler) RRRR(op Op, w Width, d, n, m, ra Reg) {
	in, ok := a.intOp(op, icDP3)
	if !ok || op == MUL {
		if ok {
			a.fail("mul has no accumulator; use RRR")
		}
		a.Word(udfWord)
		return
	}
	a.Word(dpr(in.reg, w, a.gp(d, false), a.gp(n, false), a.gp(m, false)) | a.gp(ra, false)<<10)
}

// AddImmOK reports whether imm is encodable as an add/subtract immediate: 12 bits, optionally
// shifted left by 12.
func AddImmOK(imm uint64) bool { return imm < 1<<12 || (imm&0xfff == 0 && imm < 1<<24) }

// LogicalImmOK reports whether imm is encodable as a logical (bitmask) immediate of width w: a
// rotated run of ones replicated across the register in elements of 2, 4, ..., 64 bits. 0 and
// all ones are not; for W32, imm must fit in 32 bits.
func LogicalImmOK(w Width, imm uint64) bool {
	_, ok := encodeLogical(w, imm)
	return ok
}

// encodeLogical returns the N:immr:imms field (13 bits, N at bit 12) encoding imm, if any.
func encodeLogical(w Width, imm uint64) (uint32, bool) {
	if w == W32 {
		if imm>>32 != 0 {
			return 0, false
		}
		imm |= imm << 32
	}
	if imm == 0 || imm == ^uint64(0) {
		return 0, false
	}
	// The smallest element size whose replication gives imm.
	size := uint(64)
	for size > 2 {
		h := size / 2
		m := uint64(1)<<h - 1
		if imm&m != imm>>h&m {
			break
		}
		size = h
	}
	mask := ^uint64(0) >> (64 - size)
	x := imm & mask
	ones := uint(bits.OnesCount64(x))
	// r rotates x right to a run of ones at the bottom.
	var r uint
	if x&1 == 0 {
		r = uint(bits.TrailingZeros64(x))
	} else {
		t := uint(bits.TrailingZeros64(^x)) // trailing ones
		r = (size - (ones - t)) % size
	}
	rot := (x>>r | x<<(size-r)) & mask
	if r == 0 {
		rot = x
	}
	if rot != uint64(1)<<ones-1 {
		return 0, false
	}
	immr := (size - r) % size
	imms := uint32(^(size*2-1))&0x3f | uint32(ones-1)
	var n uint32
	if size == 64 {
		n = 1
	}
	return n<<12 | uint32(immr)<<6 | imms, true
}

// RRImm emits d = n op #imm and reports whether imm was encodable (emitting nothing when not).
// ADD, ADDS, SUB, SUBS take a 12-bit immediate, shifted by 12 when that is needed; n may be
// RSP, and so may d for ADD/SUB. AND, ORR, EOR, ANDS take a bitmask immediate ([LogicalImmOK]);
// d may be RSP for AND/ORR/EOR, n is ZR-capable.
func (a *Assembler) RRImm(op Op, w Width, d, n Reg, imm uint64) bool {
	in, ok := a.intOp(op, icAddSub, icLogical)
	if !ok {
		return false
	}
	if in.imm == 0 {
		a.fail("%v has no immediate form", op)
		return false
	}
	setsFlags := in.imm&(1<<29) != 0
	if in.cls == icAddSub {
		if !AddImmOK(imm) {
			return false
		}
		var sh uint32
		if imm >= 1<<12 {
			sh, imm = 1, imm>>12
		}
		a.Word(in.imm | w.sf() | sh<<22 | uint32(imm)<<10 | a.gp(n, true)<<5 | a.gp(d, !setsFlags))
		return true
	}
	f, ok := encodeLogical(w, imm)
	if !ok {
		return false
	}
	setsFlags = op == ANDS
	a.Word(in.imm | w.sf() | f<<10 | a.gp(n, false)<<5 | a.gp(d, !setsFlags))
	return true
}

// AddImm emits d = n + v for a signed v: ADD #v, or SUB #-v when v is negative, and reports
// whether |v| was an add/subtract immediate (emitting nothing when not). n and d may be RSP.
func (a *Assembler) AddImm(w Width, d, n Reg, v int64) bool {
	if v < 0 && v != -v {
		return a.RRImm(SUB, w, d, n, uint64(-v))
	}
	if v < 0 {
		return false
	}
	return a.RRImm(ADD, w, d, n, uint64(v))
}

// RR emits a one-source operation or alias: CLZ, CLS, RBIT, REV, REV16, REV32 (W64), MOV
// (register move; RSP allowed on either side, then it is ADD #0), MVN, NEG, NEGS, and the
// extensions OpSXTB, OpSXTH, OpSXTW (W64), OpUXTB, OpUXTH (sign- or zero-extend the low
// byte/halfword/word of n into width w).
func (a *Assembler) RR(op Op, w Width, d, n Reg) {
	in, ok := a.intOp(op, icDP1, icAlias)
	if !ok {
		a.Word(udfWord)
		return
	}
	if in.cls == icDP1 {
		base := in.reg
		if op == REV && w == W64 {
			base |= 0x400
		}
		if op == REV32 && w != W64 {
			a.fail("rev32 is 64-bit only")
		}
		a.Word(base | w.sf() | a.gp(n, false)<<5 | a.gp(d, false))
		return
	}
	switch op {
	case MOV:
		if d == RSP || n == RSP {
			a.Word(intOps[ADD].imm | w.sf() | a.gp(n, true)<<5 | a.gp(d, true))
			return
		}
		a.RRR(ORR, w, d, ZR, n)
	case MVN:
		a.RRR(ORN, w, d, ZR, n)
	case NEG:
		a.RRR(SUB, w, d, ZR, n)
	case NEGS:
		a.RRR(SUBS, w, d, ZR, n)
	case OpSXTB:
		a.Bfm(SBFM, w, d, n, 0, 7)
	case OpSXTH:
		a.Bfm(SBFM, w, d, n, 0, 15)
	case OpSXTW:
		if w != W64 {
			a.fail("sxtw is 64-bit only")
		}
		a.Bfm(SBFM, W64, d, n, 0, 31)
	case OpUXTB:
		a.Bfm(UBFM, w, d, n, 0, 7)
	case OpUXTH:
		a.Bfm(UBFM, w, d, n, 0, 15)
	}
}

// Cmp emits CMP n, m (SUBS zr, n, m); n may be RSP.
func (a *Assembler) Cmp(w Width, n, m Reg) { a.RRR(SUBS, w, ZR, n, m) }

// Cmn emits CMN n, m (ADDS zr, n, m); n may be RSP.
func (a *Assembler) Cmn(w Width, n, m Reg) { a.RRR(ADDS, w, ZR, n, m) }

// Tst emits TST n, m (ANDS zr, n, m).
func (a *Assembler) Tst(w Width, n, m Reg) { a.RRR(ANDS, w, ZR, n, m) }

// CmpImm emits CMP n, #imm (SUBS zr, n, #imm) when imm is an add/subtract immediate; n may be
// RSP.
func (a *Assembler) CmpImm(w Width, n Reg, imm uint64) bool { return a.RRImm(SUBS, w, ZR, n, imm) }

// CmnImm emits CMN n, #imm (ADDS zr, n, #imm) when imm is an add/subtract immediate; n may be
// RSP.
func (a *Assembler) CmnImm(w Width, n Reg, imm uint64) bool { return a.RRImm(ADDS, w, ZR, n, imm) }

// TstImm emits TST n, #imm (ANDS zr, n, #imm) when imm is a bitmask immediate.
func (a *Assembler) TstImm(w Width, n Reg, imm uint64) bool { return a.RRImm(ANDS, w, ZR, n, imm) }

// Bfm emits SBFM, BFM or UBFM d, n, #immr, #imms (both below the width); the shift and
// extract aliases (LSL, ASR, SBFX, UBFIZ, BFI, ...) are particular immr/imms.
func (a *Assembler) Bfm(op Op, w Width, d, n Reg, immr, imms uint8) {
	in, ok := a.intOp(op, icBfm)
	if !ok {
		a.Word(udfWord)
		return
	}
	if uint(immr) >= w.bits() || uint(imms) >= w.bits() {
		a.fail("bitfield immr %d / imms %d out of range", immr, imms)
	}
	a.Word(in.reg | w.sf() | uint32(w&1)<<22 | uint32(immr&63)<<16 | uint32(imms&63)<<10 | a.gp(n, false)<<5 | a.gp(d, false))
}

// ShiftImm emits d = n sh #amount (amount below the width): LSL, LSR, ASR as UBFM/SBFM aliases,
// ROR as EXTR d, n, n, #amount.
func (a *Assembler) ShiftImm(sh Shift, w Width, d, n Reg, amount uint8) {
	b := uint8(w.bits())
	if amount >= b {
		a.fail("shift amount %d out of range", amount)
		amount &= b - 1
	}
	switch sh {
	case LSL:
		a.Bfm(UBFM, w, d, n, (b-amount)&(b-1), b-1-amount)
	case LSR:
		a.Bfm(UBFM, w, d, n, amount, b-1)
	case ASR:
		a.Bfm(SBFM, w, d, n, amount, b-1)
	case ROR:
		a.Extr(w, d, n, n, amount)
	default:
		a.fail("bad shift %d", sh)
		a.Word(udfWord)
	}
}

// Extr emits EXTR d, n, m, #lsb: bits lsb.. of the concatenation n:m.
func (a *Assembler) Extr(w Width, d, n, m Reg, lsb uint8) {
	if uint(lsb) >= w.bits() {
		a.fail("extr lsb %d out of range", lsb)
	}
	a.Word(dpr(0x13800000|uint32(w&1)<<22, w, a.gp(d, false), a.gp(n, false), a.gp(m, false)) | uint32(lsb&63)<<10)
}

// Move-wide base bits.
const (
	movnBase = 0x12800000
	movzBase = 0x52800000
	movkBase = 0x72800000
)

func (a *Assembler) movWide(base uint32, w Width, d Reg, imm16 uint16, shift uint8) {
	if shift&15 != 0 || uint(shift) >= w.bits() {
		a.fail("move-wide shift %d invalid", shift)
	}
	a.Word(base | w.sf() | uint32(shift>>4&3)<<21 | uint32(imm16)<<5 | a.gp(d, false))
}

// MovZ emits MOVZ d, #imm16, LSL #shift (shift 0 or 16; also 32, 48 for W64).
func (a *Assembler) MovZ(w Width, d Reg, imm16 uint16, shift uint8) {
	a.movWide(movzBase, w, d, imm16, shift)
}

// MovN emits MOVN d, #imm16, LSL #shift: d = ^(imm16 << shift).
func (a *Assembler) MovN(w Width, d Reg, imm16 uint16, shift uint8) {
	a.movWide(movnBase, w, d, imm16, shift)
}

// MovK emits MOVK d, #imm16, LSL #shift, replacing one halfword of d.
func (a *Assembler) MovK(w Width, d Reg, imm16 uint16, shift uint8) {
	a.movWide(movkBase, w, d, imm16, shift)
}

// MovImmLen returns the number of instructions [Assembler.MovImm] emits for v (into any
// register but ZR).
func MovImmLen(w Width, v uint64) int {
	n, _, _ := movImmPlan(w, v)
	return n
}

// movImmPlan picks the sequence for MovImm: the instruction count, whether it is a single ORR of
// a bitmask immediate, and whether it starts with MOVN (halfwords of all ones are skipped)
// rather than MOVZ (zero halfwords are skipped).
func movImmPlan(w Width, v uint64) (n int, orr, inverted bool) {
	hw := int(w.bits() / 16)
	zeros, ones := 0, 0
	for i := range hw {
		switch uint16(v >> (16 * i)) {
		case 0:
			zeros++
		case 0xffff:
			ones++
		}
	}
	nz, no := max(hw-zeros, 1), max(hw-ones, 1)
	if nz == 1 {
		return 1, false, false
	}
	if no == 1 {
		return 1, false, true
	}
	if LogicalImmOK(w, v) {
		return 1, true, false
	}
	if no < nz {
		return no, false, true
	}
	return nz, false, false
}

// MovImm sets d (not RSP) to v in the fewest instructions: one MOVZ or MOVN when v has at most
// one halfword that is not all zeros (or all ones), else one ORR d, zr, #v when v is a bitmask
// immediate (not for d = ZR), else MOVZ or MOVN followed by MOVK for each remaining halfword.
// For W32 only the low 32 bits of v are used.
func (a *Assembler) MovImm(w Width, d Reg, v uint64) {
	if w == W32 {
		v &= 0xffffffff
	}
	_, orr, inv := movImmPlan(w, v)
	if orr && d != ZR {
		a.RRImm(ORR, w, d, ZR, v)
		return
	}
	hw := int(w.bits() / 16)
	skip := uint16(0)
	if inv {
		skip = 0xffff
	}
	first := true
	for i := range hw {
		h := uint16(v >> (16 * i))
		if h == skip {
			continue
		}
		switch {
		case !first:
			a.MovK(w, d, h, uint8(16*i))
		case inv:
			a.MovN(w, d, ^h, uint8(16*i))
		default:
			a.MovZ(w, d, h, uint8(16*i))
		}
		first = false
	}
	if first { // every halfword skipped: v is 0 (or all ones)
		if inv {
			a.MovN(w, d, 0, 0)
		} else {
			a.MovZ(w, d, 0, 0)
		}
	}
}

// CSel emits CSEL, CSINC, CSINV or CSNEG d, n, m, c: d = c ? n : op(m).
func (a *Assembler) CSel(op Op, w Width, d, n, m Reg, c Cond) {
	in, ok := a.intOp(op, icCSel)
	if !ok {
		a.Word(udfWord)
		return
	}
	a.Word(dpr(in.reg, w, a.gp(d, false), a.gp(n, false), a.gp(m, false)) | uint32(c&15)<<12)
}

// CSet emits CSET d, c: d = c ? 1 : 0 (CSINC d, zr, zr, !c). c must not be AL.
func (a *Assembler) CSet(w Width, d Reg, c Cond) {
	if c >= AL {
		a.fail("cset with %v", c)
	}
	a.CSel(CSINC, w, d, ZR, ZR, c.Invert())
}

// CSetm emits CSETM d, c: d = c ? -1 : 0 (CSINV d, zr, zr, !c). c must not be AL.
func (a *Assembler) CSetm(w Width, d Reg, c Cond) {
	if c >= AL {
		a.fail("csetm with %v", c)
	}
	a.CSel(CSINV, w, d, ZR, ZR, c.Invert())
}

// Adr emits ADR d, l: d = the address of label l (within ±1 MiB).
func (a *Assembler) Adr(d Reg, l Label) { a.ref(0x10000000|a.gp(d, false), l, fixAdr) }
