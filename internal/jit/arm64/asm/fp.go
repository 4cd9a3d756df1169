package asm

import "math"

// FType is the type of a scalar floating-point operation: S (float32) or D (float64).
type FType uint8

// Scalar floating-point types, with their encodings (the ftype field).
const (
	S FType = iota // single precision (S registers)
	D              // double precision (D registers)
)

func (ft FType) bits() uint32 { return uint32(ft&1) << 22 }

// Scalar floating-point operations. FRRR takes FADD..FNMUL, FRR takes FABS..FMOV.
const (
	opFPBase Op = 100 + iota

	FADD
	FSUB
	FMUL
	FDIV
	FMIN
	FMAX
	FMINNM
	FMAXNM
	FNMUL

	FABS
	FNEG
	FSQRT
	FRINTN // round to nearest, ties to even
	FRINTM // toward minus infinity (floor)
	FRINTP // toward plus infinity (ceil)
	FRINTZ // toward zero (trunc)
	FRINTA // to nearest, ties away from zero
	FRINTX // current mode, signalling inexact
	FRINTI // current mode
	FMOV   // register move

	numFPOps
)

type fpInfo struct {
	name string
	base uint32 // with ftype = 00
	two  bool   // FRRR (two sources) rather than FRR
}

// Floating-point data-processing (2 source) and (1 source), C4.1.98.
var fpOps = [numFPOps - opFPBase]fpInfo{
	FMUL - opFPBase:   {"fmul", 0x1e200800, true},
	FDIV - opFPBase:   {"fdiv", 0x1e201800, true},
	FADD - opFPBase:   {"fadd", 0x1e202800, true},
	FSUB - opFPBase:   {"fsub", 0x1e203800, true},
	FMAX - opFPBase:   {"fmax", 0x1e204800, true},
	FMIN - opFPBase:   {"fmin", 0x1e205800, true},
	FMAXNM - opFPBase: {"fmaxnm", 0x1e206800, true},
	FMINNM - opFPBase: {"fminnm", 0x1e207800, true},
	FNMUL - opFPBase:  {"fnmul", 0x1e208800, true},
	FMOV - opFPBase:   {"fmov", 0x1e204000, false},
	FABS - opFPBase:   {"fabs", 0x1e20c000, false},
	FNEG - opFPBase:   {"fneg", 0x1e214000, false},
	FSQRT - opFPBase:  {"fsqrt", 0x1e21c000, false},
	FRINTN - opFPBase: {"frintn", 0x1e244000, false},
	FRINTP - opFPBase: {"frintp", 0x1e24c000, false},
	FRINTM - opFPBase: {"frintm", 0x1e254000, false},
	FRINTZ - opFPBase: {"frintz", 0x1e25c000, false},
	FRINTA - opFPBase: {"frinta", 0x1e264000, false},
	FRINTX - opFPBase: {"frintx", 0x1e274000, false},
	FRINTI - opFPBase: {"frinti", 0x1e27c000, false},
}

func (a *Assembler) fpOp(op Op, two bool) (fpInfo, bool) {
	if op > opFPBase && op < numFPOps {
		if in := fpOps[op-opFPBase]; in.name != "" && in.two == two {
			return in, true
		}
	}
	a.fail("operation %v has no such form", op)
	return fpInfo{}, false
}

// FRRR emits the scalar operation d = n op m (FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FMINNM,
// FMAXNM, FNMUL) on S or D registers.
func (a *Assembler) FRRR(op Op, ft FType, d, n, m Reg) {
	in, ok := a.fpOp(op, true)
	if !ok {
		a.Word(udfWord)
		return
	}
	a.Word(in.base | ft.bits() | a.vr(m)<<16 | a.vr(n)<<5 | a.vr(d))
}

// FRR emits the scalar operation d = op n (FABS, FNEG, FSQRT, FRINTN, FRINTM, FRINTP, FRINTZ,
// FRINTA, FRINTX, FRINTI, FMOV).
func (a *Assembler) FRR(op Op, ft FType, d, n Reg) {
	in, ok := a.fpOp(op, false)
	if !ok {
		a.Word(udfWord)
		return
	}
	a.Word(in.base | ft.bits() | a.vr(n)<<5 | a.vr(d))
}

// FCmp emits FCMP n, m (quiet compare setting NZCV; unordered sets C and V).
func (a *Assembler) FCmp(ft FType, n, m Reg) {
	a.Word(0x1e202000 | ft.bits() | a.vr(m)<<16 | a.vr(n)<<5)
}

// FCmpZero emits FCMP n, #0.0.
func (a *Assembler) FCmpZero(ft FType, n Reg) { a.Word(0x1e202008 | ft.bits() | a.vr(n)<<5) }

// FCvt emits FCVT d, n converting n of type src to d of type dst (which differ).
func (a *Assembler) FCvt(dst, src FType, d, n Reg) {
	if dst == src {
		a.fail("fcvt between equal types")
	}
	a.Word(0x1e224000 | uint32(dst&1)<<15 | src.bits() | a.vr(n)<<5 | a.vr(d))
}

// cvt encodes a floating-point/integer conversion (C4.1.98 "Conversion between floating-point
// and integer"): rmode:opcode in bits 16-20.
func (a *Assembler) cvt(rmodeOpc uint32, w Width, ft FType, d, n uint32) {
	a.Word(0x1e200000 | w.sf() | ft.bits() | rmodeOpc<<16 | n<<5 | d)
}

// Scvtf emits SCVTF d, n: the signed integer in n (W or X per w) to floating point d.
func (a *Assembler) Scvtf(ft FType, w Width, d, n Reg) {
	a.cvt(0b00010, w, ft, a.vr(d), a.gp(n, false))
}

// Ucvtf emits UCVTF d, n: the unsigned integer in n to floating point d.
func (a *Assembler) Ucvtf(ft FType, w Width, d, n Reg) {
	a.cvt(0b00011, w, ft, a.vr(d), a.gp(n, false))
}

// Fcvtzs emits FCVTZS d, n: floating point n to a signed integer d (W or X per w), rounding
// toward zero and saturating (NaN gives 0).
func (a *Assembler) Fcvtzs(w Width, ft FType, d, n Reg) {
	a.cvt(0b11000, w, ft, a.gp(d, false), a.vr(n))
}

// Fcvtzu emits FCVTZU d, n: floating point n to an unsigned integer d, rounding toward zero and
// saturating.
func (a *Assembler) Fcvtzu(w Width, ft FType, d, n Reg) {
	a.cvt(0b11001, w, ft, a.gp(d, false), a.vr(n))
}

// FMovToGP emits FMOV d, n copying the bits of S register n to W register d (W32) or of D
// register n to X register d (W64).
func (a *Assembler) FMovToGP(w Width, d, n Reg) { a.cvt(0b00110, w, FType(w), a.gp(d, false), a.vr(n)) }

// FMovFromGP emits FMOV d, n copying the bits of W register n to S register d (W32) or of X
// register n to D register d (W64).
func (a *Assembler) FMovFromGP(w Width, d, n Reg) {
	a.cvt(0b00111, w, FType(w), a.vr(d), a.gp(n, false))
}

// FCsel emits FCSEL d, n, m, c: d = c ? n : m.
func (a *Assembler) FCsel(ft FType, d, n, m Reg, c Cond) {
	a.Word(0x1e200c00 | ft.bits() | a.vr(m)<<16 | uint32(c&15)<<12 | a.vr(n)<<5 | a.vr(d))
}

// FMovImm emits FMOV d, #v and reports whether v is encodable: ±(1 + m/16) * 2^e with m in
// 0..15 and e in -3..4 (so 0.0 is not: use FMovFromGP from ZR, or Movi). It emits nothing when
// v is not encodable.
func (a *Assembler) FMovImm(ft FType, d Reg, v float64) bool {
	imm8, ok := fpImm8(v)
	if !ok {
		return false
	}
	if ft == S && float64(float32(v)) != v {
		return false
	}
	a.Word(0x1e201000 | ft.bits() | uint32(imm8)<<13 | a.vr(d))
	return true
}

// FPImmOK reports whether v is encodable by [Assembler.FMovImm].
func FPImmOK(v float64) bool { _, ok := fpImm8(v); return ok }

// fpImm8 returns the 8-bit FMOV immediate (sign, 3-bit exponent, 4-bit fraction) of v.
func fpImm8(v float64) (uint8, bool) {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	var s uint8
	if v < 0 {
		s, v = 1, -v
	}
	frac, exp := math.Frexp(v) // v = frac * 2^exp, frac in [0.5, 1)
	e := exp - 1               // v = (2*frac) * 2^e
	m := (2*frac - 1) * 16
	if e < -3 || e > 4 || m != math.Trunc(m) {
		return 0, false
	}
	bcd := uint8(e+3) ^ 4 // NOT(b):c:d = e+3
	return s<<7 | bcd<<4 | uint8(m), true
}
