package asm

// Arr is a NEON vector arrangement: lane size and count. Its encoding is size<<1 | Q, the two
// fields the instructions carry.
type Arr uint8

// Arrangements.
const (
	B8  Arr = iota // 8 bytes (64-bit vector)
	B16            // 16 bytes
	H4             // 4 halfwords (64-bit vector)
	H8             // 8 halfwords
	S2             // 2 words (64-bit vector)
	S4             // 4 words
	D1             // 1 doubleword (64-bit vector)
	D2             // 2 doublewords
)

var arrNames = [8]string{"8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"}

// String returns the arrangement as written in assembly ("16b", "4s", ...).
func (r Arr) String() string { return arrNames[r&7] }

func (r Arr) size() uint32 { return uint32(r>>1) & 3 }
func (r Arr) q() uint32    { return uint32(r&1) << 30 }

// Lanes returns the number of lanes of r.
func (r Arr) Lanes() int { return (8 << (r & 1)) >> (r >> 1) }

type arrMask uint8

const (
	mB8 arrMask = 1 << iota
	mB16
	mH4
	mH8
	mS2
	mS4
	mD1
	mD2

	mB      = mB8 | mB16
	mBHS    = mB8 | mB16 | mH4 | mH8 | mS2 | mS4
	mAll    = mBHS | mD2
	mHS     = mH4 | mH8 | mS2 | mS4
	mFP     = mS2 | mS4 | mD2
	mNarrow = mB8 | mH4 | mS2  // 64-bit arrangements of B/H/S lanes
	mWide2  = mB16 | mH8 | mS4 // 128-bit arrangements of B/H/S lanes
	mAcross = mB8 | mB16 | mH4 | mH8 | mS4
	mFPNar  = mH4 | mS2 // FCVTL/FCVTN: the narrow side
	mFPNar2 = mH8 | mS4
)

// NEON operations (the mnemonic with a V prefix; compares against zero end in Z). VRRR takes
// the three-register ones (three-same, permute and the widening three-different multiplies),
// VRR the two-register ones (two-register misc and across-lanes), VShiftImm the shifts by
// immediate.
const (
	opVBase Op = 200 + iota

	// three-same, integer
	VADD
	VSUB
	VMUL
	VSQADD
	VUQADD
	VSQSUB
	VUQSUB
	VSMIN
	VUMIN
	VSMAX
	VUMAX
	VURHADD
	VCMEQ
	VCMGT
	VCMGE
	VCMHI
	VCMHS
	VCMTST
	VSSHL
	VUSHL
	VADDP
	VSQRDMULH
	VSQDMULH
	VSMAXP
	VUMAXP
	VSMINP
	VUMINP
	// three-same, logical (B8/B16 only)
	VAND
	VORR
	VEOR
	VBIC
	VORN
	VBSL
	VBIT
	VBIF
	// three-same, floating point (S2, S4, D2)
	VFADD
	VFSUB
	VFMUL
	VFDIV
	VFMIN
	VFMAX
	VFMINNM
	VFMAXNM
	VFCMEQ
	VFCMGT
	VFCMGE
	VFADDP
	// permute
	VZIP1
	VZIP2
	VUZP1
	VUZP2
	VTRN1
	VTRN2
	// three-different, widening: arr is the source arrangement (8B/4H/2S; 16B/8H/4S for the
	// "2" forms, which read the upper halves)
	VSMULL
	VSMULL2
	VUMULL
	VUMULL2
	VSMLAL // d += n * m, widening
	VSMLAL2
	VUMLAL
	VUMLAL2
	VSADDL
	VSADDL2
	VUADDL
	VUADDL2
	VSSUBL
	VSSUBL2
	VUSUBL
	VUSUBL2

	// two-register misc
	VABS
	VNEG
	VNOT
	VCNT
	VREV64
	VCMEQZ
	VCMGEZ
	VCMGTZ
	VCMLEZ
	VCMLTZ
	// narrowing: arr is the (narrow) destination arrangement, 8B/4H/2S, or 16B/8H/4S for the
	// "2" forms, which write the upper half
	VXTN
	VXTN2
	VSQXTN
	VSQXTN2
	VUQXTN
	VUQXTN2
	VSQXTUN
	VSQXTUN2
	// pairwise widening add: arr is the source arrangement
	VSADDLP
	VUADDLP
	// floating point (S2, S4, D2)
	VFABS
	VFNEG
	VFSQRT
	VFRINTN
	VFRINTM
	VFRINTP
	VFRINTZ
	VFCVTZS
	VFCVTZU
	VSCVTF
	VUCVTF
	// FP widening / narrowing: arr is the narrow arrangement (4H or 2S; 8H or 4S for "2")
	VFCVTL
	VFCVTL2
	VFCVTN
	VFCVTN2
	// across lanes: d is a scalar of the lane size (B, H or S)
	VADDV
	VSMAXV
	VUMAXV
	VSMINV
	VUMINV
	// across lanes, widening: d is a scalar of twice the lane size (H, S or D)
	VSADDLV
	VUADDLV

	// shift by immediate (VShiftImm); the widening SSHLL/USHLL take the source arrangement,
	// the narrowing SHRN the (narrow) destination arrangement
	VSHL
	VSSHR
	VUSHR
	VSSHLL
	VSSHLL2
	VUSHLL
	VUSHLL2
	VSSRA // shift right and accumulate
	VUSRA
	VSHRN // shift right and narrow (truncating)
	VSHRN2

	numVOps
)

type vClass uint8

const (
	vc3      vClass = iota + 1 // three registers, size and Q from arr
	vc3FP                      // three registers, sz (bit 22) from arr
	vc2                        // two registers, size and Q from arr
	vc2FP                      // two registers, sz from arr
	vc2FPN                     // two registers, sz = 1 for S lanes (FCVTL/FCVTN)
	vcShift                    // shift by immediate
	vcShiftL                   // shift right by immediate (immh:immb = 2*esize - shift)
)

type vInfo struct {
	name string
	base uint32
	cls  vClass
	arrs arrMask
}

// Advanced SIMD encodings (C4.1.96 "Data processing -- SIMD and floating point"): three same,
// three different, two-register miscellaneous, across lanes, permute, shift by immediate.
var vOps = [numVOps - opVBase]vInfo{
	VADD - opVBase:      {"add", 0x0e208400, vc3, mAll},
	VSUB - opVBase:      {"sub", 0x2e208400, vc3, mAll},
	VMUL - opVBase:      {"mul", 0x0e209c00, vc3, mBHS},
	VSQADD - opVBase:    {"sqadd", 0x0e200c00, vc3, mAll},
	VUQADD - opVBase:    {"uqadd", 0x2e200c00, vc3, mAll},
	VSQSUB - opVBase:    {"sqsub", 0x0e202c00, vc3, mAll},
	VUQSUB - opVBase:    {"uqsub", 0x2e202c00, vc3, mAll},
	VSMAX - opVBase:     {"smax", 0x0e206400, vc3, mBHS},
	VUMAX - opVBase:     {"umax", 0x2e206400, vc3, mBHS},
	VSMIN - opVBase:     {"smin", 0x0e206c00, vc3, mBHS},
	VUMIN - opVBase:     {"umin", 0x2e206c00, vc3, mBHS},
	VURHADD - opVBase:   {"urhadd", 0x2e201400, vc3, mBHS},
	VCMEQ - opVBase:     {"cmeq", 0x2e208c00, vc3, mAll},
	VCMTST - opVBase:    {"cmtst", 0x0e208c00, vc3, mAll},
	VCMGT - opVBase:     {"cmgt", 0x0e203400, vc3, mAll},
	VCMHI - opVBase:     {"cmhi", 0x2e203400, vc3, mAll},
	VCMGE - opVBase:     {"cmge", 0x0e203c00, vc3, mAll},
	VCMHS - opVBase:     {"cmhs", 0x2e203c00, vc3, mAll},
	VSSHL - opVBase:     {"sshl", 0x0e204400, vc3, mAll},
	VUSHL - opVBase:     {"ushl", 0x2e204400, vc3, mAll},
	VADDP - opVBase:     {"addp", 0x0e20bc00, vc3, mAll},
	VSQRDMULH - opVBase: {"sqrdmulh", 0x2e20b400, vc3, mHS},
	VSQDMULH - opVBase:  {"sqdmulh", 0x0e20b400, vc3, mHS},
	VSMAXP - opVBase:    {"smaxp", 0x0e20a400, vc3, mBHS},
	VUMAXP - opVBase:    {"umaxp", 0x2e20a400, vc3, mBHS},
	VSMINP - opVBase:    {"sminp", 0x0e20ac00, vc3, mBHS},
	VUMINP - opVBase:    {"uminp", 0x2e20ac00, vc3, mBHS},

	VAND - opVBase: {"and", 0x0e201c00, vc3, mB},
	VBIC - opVBase: {"bic", 0x0e601c00, vc3, mB},
	VORR - opVBase: {"orr", 0x0ea01c00, vc3, mB},
	VORN - opVBase: {"orn", 0x0ee01c00, vc3, mB},
	VEOR - opVBase: {"eor", 0x2e201c00, vc3, mB},
	VBSL - opVBase: {"bsl", 0x2e601c00, vc3, mB},
	VBIT - opVBase: {"bit", 0x2ea01c00, vc3, mB},
	VBIF - opVBase: {"bif", 0x2ee01c00, vc3, mB},

	VFADD - opVBase:   {"fadd", 0x0e20d400, vc3FP, mFP},
	VFSUB - opVBase:   {"fsub", 0x0ea0d400, vc3FP, mFP},
	VFMUL - opVBase:   {"fmul", 0x2e20dc00, vc3FP, mFP},
	VFDIV - opVBase:   {"fdiv", 0x2e20fc00, vc3FP, mFP},
	VFMAX - opVBase:   {"fmax", 0x0e20f400, vc3FP, mFP},
	VFMIN - opVBase:   {"fmin", 0x0ea0f400, vc3FP, mFP},
	VFMAXNM - opVBase: {"fmaxnm", 0x0e20c400, vc3FP, mFP},
	VFMINNM - opVBase: {"fminnm", 0x0ea0c400, vc3FP, mFP},
	VFCMEQ - opVBase:  {"fcmeq", 0x0e20e400, vc3FP, mFP},
	VFCMGE - opVBase:  {"fcmge", 0x2e20e400, vc3FP, mFP},
	VFCMGT - opVBase:  {"fcmgt", 0x2ea0e400, vc3FP, mFP},
	VFADDP - opVBase:  {"faddp", 0x2e20d400, vc3FP, mFP},

	VUZP1 - opVBase: {"uzp1", 0x0e001800, vc3, mAll},
	VTRN1 - opVBase: {"trn1", 0x0e002800, vc3, mAll},
	VZIP1 - opVBase: {"zip1", 0x0e003800, vc3, mAll},
	VUZP2 - opVBase: {"uzp2", 0x0e005800, vc3, mAll},
	VTRN2 - opVBase: {"trn2", 0x0e006800, vc3, mAll},
	VZIP2 - opVBase: {"zip2", 0x0e007800, vc3, mAll},

	VSMULL - opVBase:  {"smull", 0x0e20c000, vc3, mNarrow},
	VSMULL2 - opVBase: {"smull2", 0x0e20c000, vc3, mWide2},
	VUMULL - opVBase:  {"umull", 0x2e20c000, vc3, mNarrow},
	VUMULL2 - opVBase: {"umull2", 0x2e20c000, vc3, mWide2},
	VSMLAL - opVBase:  {"smlal", 0x0e208000, vc3, mNarrow},
	VSMLAL2 - opVBase: {"smlal2", 0x0e208000, vc3, mWide2},
	VUMLAL - opVBase:  {"umlal", 0x2e208000, vc3, mNarrow},
	VUMLAL2 - opVBase: {"umlal2", 0x2e208000, vc3, mWide2},
	VSADDL - opVBase:  {"saddl", 0x0e200000, vc3, mNarrow},
	VSADDL2 - opVBase: {"saddl2", 0x0e200000, vc3, mWide2},
	VUADDL - opVBase:  {"uaddl", 0x2e200000, vc3, mNarrow},
	VUADDL2 - opVBase: {"uaddl2", 0x2e200000, vc3, mWide2},
	VSSUBL - opVBase:  {"ssubl", 0x0e202000, vc3, mNarrow},
	VSSUBL2 - opVBase: {"ssubl2", 0x0e202000, vc3, mWide2},
	VUSUBL - opVBase:  {"usubl", 0x2e202000, vc3, mNarrow},
	VUSUBL2 - opVBase: {"usubl2", 0x2e202000, vc3, mWide2},

	VREV64 - opVBase:   {"rev64", 0x0e200800, vc2, mBHS},
	VSADDLP - opVBase:  {"saddlp", 0x0e202800, vc2, mBHS},
	VUADDLP - opVBase:  {"uaddlp", 0x2e202800, vc2, mBHS},
	VCNT - opVBase:     {"cnt", 0x0e205800, vc2, mB},
	VNOT - opVBase:     {"not", 0x2e205800, vc2, mB},
	VCMGTZ - opVBase:   {"cmgt", 0x0e208800, vc2, mAll},
	VCMGEZ - opVBase:   {"cmge", 0x2e208800, vc2, mAll},
	VCMEQZ - opVBase:   {"cmeq", 0x0e209800, vc2, mAll},
	VCMLEZ - opVBase:   {"cmle", 0x2e209800, vc2, mAll},
	VCMLTZ - opVBase:   {"cmlt", 0x0e20a800, vc2, mAll},
	VABS - opVBase:     {"abs", 0x0e20b800, vc2, mAll},
	VNEG - opVBase:     {"neg", 0x2e20b800, vc2, mAll},
	VXTN - opVBase:     {"xtn", 0x0e212800, vc2, mNarrow},
	VXTN2 - opVBase:    {"xtn2", 0x0e212800, vc2, mWide2},
	VSQXTUN - opVBase:  {"sqxtun", 0x2e212800, vc2, mNarrow},
	VSQXTUN2 - opVBase: {"sqxtun2", 0x2e212800, vc2, mWide2},
	VSQXTN - opVBase:   {"sqxtn", 0x0e214800, vc2, mNarrow},
	VSQXTN2 - opVBase:  {"sqxtn2", 0x0e214800, vc2, mWide2},
	VUQXTN - opVBase:   {"uqxtn", 0x2e214800, vc2, mNarrow},
	VUQXTN2 - opVBase:  {"uqxtn2", 0x2e214800, vc2, mWide2},

	VFABS - opVBase:   {"fabs", 0x0ea0f800, vc2FP, mFP},
	VFNEG - opVBase:   {"fneg", 0x2ea0f800, vc2FP, mFP},
	VFSQRT - opVBase:  {"fsqrt", 0x2ea1f800, vc2FP, mFP},
	VFRINTN - opVBase: {"frintn", 0x0e218800, vc2FP, mFP},
	VFRINTM - opVBase: {"frintm", 0x0e219800, vc2FP, mFP},
	VFRINTP - opVBase: {"frintp", 0x0ea18800, vc2FP, mFP},
	VFRINTZ - opVBase: {"frintz", 0x0ea19800, vc2FP, mFP},
	VFCVTZS - opVBase: {"fcvtzs", 0x0ea1b800, vc2FP, mFP},
	VFCVTZU - opVBase: {"fcvtzu", 0x2ea1b800, vc2FP, mFP},
	VSCVTF - opVBase:  {"scvtf", 0x0e21d800, vc2FP, mFP},
	VUCVTF - opVBase:  {"ucvtf", 0x2e21d800, vc2FP, mFP},
	VFCVTN - opVBase:  {"fcvtn", 0x0e216800, vc2FPN, mFPNar},
	VFCVTN2 - opVBase: {"fcvtn2", 0x0e216800, vc2FPN, mFPNar2},
	VFCVTL - opVBase:  {"fcvtl", 0x0e217800, vc2FPN, mFPNar},
	VFCVTL2 - opVBase: {"fcvtl2", 0x0e217800, vc2FPN, mFPNar2},

	VSMAXV - opVBase:  {"smaxv", 0x0e30a800, vc2, mAcross},
	VUMAXV - opVBase:  {"umaxv", 0x2e30a800, vc2, mAcross},
	VSMINV - opVBase:  {"sminv", 0x0e31a800, vc2, mAcross},
	VUMINV - opVBase:  {"uminv", 0x2e31a800, vc2, mAcross},
	VADDV - opVBase:   {"addv", 0x0e31b800, vc2, mAcross},
	VSADDLV - opVBase: {"saddlv", 0x0e303800, vc2, mAcross},
	VUADDLV - opVBase: {"uaddlv", 0x2e303800, vc2, mAcross},

	VSHL - opVBase:    {"shl", 0x0f005400, vcShift, mAll},
	VSSHR - opVBase:   {"sshr", 0x0f000400, vcShiftL, mAll},
	VUSHR - opVBase:   {"ushr", 0x2f000400, vcShiftL, mAll},
	VSSHLL - opVBase:  {"sshll", 0x0f00a400, vcShift, mNarrow},
	VSSHLL2 - opVBase: {"sshll2", 0x0f00a400, vcShift, mWide2},
	VUSHLL - opVBase:  {"ushll", 0x2f00a400, vcShift, mNarrow},
	VUSHLL2 - opVBase: {"ushll2", 0x2f00a400, vcShift, mWide2},
	VSSRA - opVBase:   {"ssra", 0x0f001400, vcShiftL, mAll},
	VUSRA - opVBase:   {"usra", 0x2f001400, vcShiftL, mAll},
	VSHRN - opVBase:   {"shrn", 0x0f008400, vcShiftL, mNarrow},
	VSHRN2 - opVBase:  {"shrn2", 0x0f008400, vcShiftL, mWide2},
}

// vOp looks op up for one of the classes and checks arr against the op's arrangements.
func (a *Assembler) vOp(op Op, arr Arr, classes ...vClass) (vInfo, bool) {
	if op > opVBase && op < numVOps {
		in := vOps[op-opVBase]
		for _, c := range classes {
			if in.cls == c {
				if arr > D2 || in.arrs&(1<<arr) == 0 {
					a.fail("%v has no arrangement %v", op, arr)
					return in, false
				}
				return in, true
			}
		}
	}
	a.fail("operation %v has no such form", op)
	return vInfo{}, false
}

// vfields returns the Q and size/sz bits of arr for an op of class c.
func vfields(c vClass, arr Arr) uint32 {
	switch c {
	case vc3FP, vc2FP:
		return arr.q() | (arr.size()&1)<<22 // S -> 0, D -> 1
	case vc2FPN:
		return arr.q() | (arr.size()>>1)<<22 // H -> 0, S -> 1
	}
	return arr.q() | arr.size()<<22
}

// VRRR emits the vector operation d = n op m with arrangement arr (see the NEON Op constants
// for which arrangements each takes).
func (a *Assembler) VRRR(op Op, arr Arr, d, n, m Reg) {
	in, ok := a.vOp(op, arr, vc3, vc3FP)
	if !ok {
		a.Word(udfWord)
		return
	}
	a.Word(in.base | vfields(in.cls, arr) | a.vr(m)<<16 | a.vr(n)<<5 | a.vr(d))
}

// VRR emits the two-register vector operation d = op n with arrangement arr (two-register
// miscellaneous and across-lanes operations).
func (a *Assembler) VRR(op Op, arr Arr, d, n Reg) {
	in, ok := a.vOp(op, arr, vc2, vc2FP, vc2FPN)
	if !ok {
		a.Word(udfWord)
		return
	}
	a.Word(in.base | vfields(in.cls, arr) | a.vr(n)<<5 | a.vr(d))
}

// VShiftImm emits a vector shift by immediate: VSHL (shift 0..esize-1), VSSHR/VUSHR/VSSRA/VUSRA
// (shift 1..esize), VSSHLL/VUSHLL and their "2" forms (shift 0..esize-1 of the source lanes;
// shift 0 is SXTL/UXTL), VSHRN/VSHRN2 (shift 1..esize of the destination lanes).
func (a *Assembler) VShiftImm(op Op, arr Arr, d, n Reg, shift uint8) {
	in, ok := a.vOp(op, arr, vcShift, vcShiftL)
	if !ok {
		a.Word(udfWord)
		return
	}
	esize := uint32(8) << arr.size()
	var hb uint32
	if in.cls == vcShiftL {
		if shift < 1 || uint32(shift) > esize {
			a.fail("%v shift %d out of range", op, shift)
		}
		hb = 2*esize - uint32(shift)
	} else {
		if uint32(shift) >= esize {
			a.fail("%v shift %d out of range", op, shift)
		}
		hb = esize + uint32(shift)
	}
	a.Word(in.base | arr.q() | (hb&0x7f)<<16 | a.vr(n)<<5 | a.vr(d))
}

// imm5 encodes the lane size of arr and a lane index for the copy instructions.
func (a *Assembler) imm5(arr Arr, index uint8) uint32 {
	sz := arr.size()
	if uint32(index) >= 16>>sz {
		a.fail("lane index %d out of range for %v", index, arr)
	}
	return ((uint32(index)<<1 | 1) << sz) & 31
}

// DupElem emits DUP d.arr, n.T[index]: every lane of d set to lane index of n (T the lane size
// of arr). arr is not D1.
func (a *Assembler) DupElem(arr Arr, d, n Reg, index uint8) {
	if arr == D1 {
		a.fail("dup with 1d")
	}
	a.Word(0x0e000400 | arr.q() | a.imm5(arr, index)<<16 | a.vr(n)<<5 | a.vr(d))
}

// DupScalar emits DUP d, n.T[index] (MOV scalar): the scalar B/H/S/D register d (T the lane
// size of arr) set to lane index of n; the rest of d is zeroed.
func (a *Assembler) DupScalar(arr Arr, d, n Reg, index uint8) {
	a.Word(0x5e000400 | a.imm5(arr, index)<<16 | a.vr(n)<<5 | a.vr(d))
}

// DupGP emits DUP d.arr, n: every lane of d set to general-purpose register n (W, or X for D
// lanes). arr is not D1.
func (a *Assembler) DupGP(arr Arr, d, n Reg) {
	if arr == D1 {
		a.fail("dup with 1d")
	}
	a.Word(0x0e000c00 | arr.q() | a.imm5(arr, 0)<<16 | a.gp(n, false)<<5 | a.vr(d))
}

// InsElem emits INS d.T[di], n.T[ni] (MOV element): lane di of d set to lane ni of n; only
// the lane size of arr matters.
func (a *Assembler) InsElem(arr Arr, d Reg, di uint8, n Reg, ni uint8) {
	a.imm5(arr, ni) // range check
	a.Word(0x6e000400 | a.imm5(arr, di)<<16 | (uint32(ni)<<arr.size()&15)<<11 | a.vr(n)<<5 | a.vr(d))
}

// InsGP emits INS d.T[index], n (MOV from general register): lane index of d set to n (W, or X
// for D lanes).
func (a *Assembler) InsGP(arr Arr, d Reg, index uint8, n Reg) {
	a.Word(0x4e001c00 | a.imm5(arr, index)<<16 | a.gp(n, false)<<5 | a.vr(d))
}

// Umov emits UMOV d, n.T[index]: lane index of n zero-extended into W register d (B, H, S
// lanes) or X register d (D lanes).
func (a *Assembler) Umov(arr Arr, d, n Reg, index uint8) {
	var q uint32
	if arr.size() == 3 {
		q = 1 << 30
	}
	a.Word(0x0e003c00 | q | a.imm5(arr, index)<<16 | a.vr(n)<<5 | a.gp(d, false))
}

// Smov emits SMOV d, n.T[index]: lane index of n sign-extended into d of width w (B, H lanes
// into W or X; S lanes into X).
func (a *Assembler) Smov(w Width, arr Arr, d, n Reg, index uint8) {
	if arr.size() == 3 || (arr.size() == 2 && w != W64) {
		a.fail("smov of %v lanes to width %d", arr, w.bits())
	}
	a.Word(0x0e002c00 | uint32(w&1)<<30 | a.imm5(arr, index)<<16 | a.vr(n)<<5 | a.gp(d, false))
}

// Tbl emits TBL d.16B, {table...}.16B, idx.16B: a byte lookup in 1 to 4 consecutive registers
// (modulo 32); out-of-range indices give 0.
func (a *Assembler) Tbl(d Reg, table []Reg, idx Reg) {
	if len(table) < 1 || len(table) > 4 {
		a.fail("tbl with %d table registers", len(table))
		a.Word(udfWord)
		return
	}
	for i, r := range table {
		if !r.IsV() || (r-V0)&31 != (table[0]-V0+Reg(i))&31 {
			a.fail("tbl table registers are not consecutive")
		}
	}
	a.Word(0x4e000000 | a.vr(idx)<<16 | uint32(len(table)-1)<<13 | a.vr(table[0])<<5 | a.vr(d))
}

// Ext emits EXT d.16B, n.16B, m.16B, #index: bytes index.. of the concatenation m:n.
func (a *Assembler) Ext(d, n, m Reg, index uint8) {
	if index > 15 {
		a.fail("ext index %d out of range", index)
	}
	a.Word(0x6e000000 | a.vr(m)<<16 | uint32(index&15)<<11 | a.vr(n)<<5 | a.vr(d))
}

// Movi emits MOVI d.arr, #imm8, LSL #shift: every lane set to imm8 shifted left (B lanes: shift
// 0; H lanes: 0 or 8; S lanes: 0, 8, 16 or 24). For D1 and D2, each bit of imm8 selects a byte
// of all ones, so Movi(d, D2, 0xff, 0) sets all ones and Movi(d, B16, 0, 0) zero.
func (a *Assembler) Movi(d Reg, arr Arr, imm8 uint8, shift uint8) {
	a.modImm(0, d, arr, imm8, shift)
}

// Mvni emits MVNI d.arr, #imm8, LSL #shift: every lane set to ^(imm8 << shift); arr has H or
// S lanes.
func (a *Assembler) Mvni(d Reg, arr Arr, imm8 uint8, shift uint8) {
	if arr.size() == 0 || arr.size() == 3 {
		a.fail("mvni with %v", arr)
	}
	a.modImm(1, d, arr, imm8, shift)
}

// modImm encodes an AdvSIMD modified immediate (C4.1.96 "Advanced SIMD modified immediate").
func (a *Assembler) modImm(op uint32, d Reg, arr Arr, imm8, shift uint8) {
	var cmode uint32
	switch arr.size() {
	case 0:
		cmode = 0b1110
		if shift != 0 {
			a.fail("movi 8-bit with shift %d", shift)
		}
	case 1:
		if shift != 0 && shift != 8 {
			a.fail("movi 16-bit with shift %d", shift)
		}
		cmode = 0b1000 | uint32(shift/8&1)<<1
	case 2:
		if shift&7 != 0 || shift > 24 {
			a.fail("movi 32-bit with shift %d", shift)
		}
		cmode = uint32(shift/8&3) << 1
	case 3:
		if shift != 0 {
			a.fail("movi 64-bit with shift %d", shift)
		}
		cmode, op = 0b1110, 1
	}
	i := uint32(imm8)
	a.Word(0x0f000400 | arr.q() | op<<29 | (i>>5)<<16 | cmode<<12 | (i&31)<<5 | a.vr(d))
}

// lane encodes the Q:S:size and opcode fields of a single-structure lane load or store.
func (a *Assembler) lane(arr Arr, index uint8) uint32 {
	i := uint32(index)
	if i >= 16>>arr.size() {
		a.fail("lane index %d out of range for %v", index, arr)
	}
	var q, s, size, opc uint32
	switch arr.size() {
	case 0:
		q, s, size, opc = i>>3, i>>2, i, 0
	case 1:
		q, s, size, opc = i>>2, i>>1, (i&1)<<1, 2
	case 2:
		q, s, size, opc = i>>1, i, 0, 4
	case 3:
		q, s, size, opc = i, 0, 1, 4
	}
	return (q&1)<<30 | opc<<13 | (s&1)<<12 | (size&3)<<10
}

// Ld1Lane emits LD1 {t.T}[index], [base]: one lane of t (T the lane size of arr) loaded from
// base (which may be RSP); the other lanes are kept.
func (a *Assembler) Ld1Lane(arr Arr, t Reg, index uint8, base Reg) {
	a.Word(0x0d400000 | a.lane(arr, index) | a.gp(base, true)<<5 | a.vr(t))
}

// St1Lane emits ST1 {t.T}[index], [base]: one lane of t stored to base.
func (a *Assembler) St1Lane(arr Arr, t Reg, index uint8, base Reg) {
	a.Word(0x0d000000 | a.lane(arr, index) | a.gp(base, true)<<5 | a.vr(t))
}

// Ld1R emits LD1R {t.arr}, [base]: one element loaded from base and replicated to every lane.
func (a *Assembler) Ld1R(arr Arr, t Reg, base Reg) {
	a.Word(0x0d40c000 | arr.q() | arr.size()<<10 | a.gp(base, true)<<5 | a.vr(t))
}

// VMov emits MOV d.16B, n.16B (ORR d, n, n).
func (a *Assembler) VMov(d, n Reg) { a.VRRR(VORR, B16, d, n, n) }
