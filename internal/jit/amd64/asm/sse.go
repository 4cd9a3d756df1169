package asm

// SseOp is an SSE-family instruction (SSE, SSE2, SSSE3, SSE4.1, SSE4.2), emitted with
// [Assembler.SseRR], [Assembler.SseRM], [Assembler.SseMR], [Assembler.SseRRI],
// [Assembler.SseRMI], [Assembler.SseMRI] or [Assembler.SseRI].
//
// Unless documented otherwise an op is "op xmm, xmm/m" with the destination in the first
// operand. Ops whose name ends in L or Q take a 32- or 64-bit general-purpose register in place
// of one XMM operand (like Go's assembler: CVTSI2SDQ is cvtsi2sd xmm, r/m64); the ops marked
// "reversed" write their ModRM.rm operand (a register or memory), so their register form is
// SseRR(op, dst, src) with dst the GPR or XMM being written, and their memory form is SseMR or
// SseMRI.
type SseOp uint16

// SSE instructions. Comments give the operand classes (x = XMM, r32/r64 = general-purpose
// register, m = memory of the given bits) and the CPU feature beyond SSE2 when there is one.
const (
	_ SseOp = iota // no op

	// Moves.
	MOVSS  // x, x/m32; store m32, x
	MOVSD  // x, x/m64; store m64, x
	MOVAPS // x, x/m128 (aligned); store
	MOVAPD // x, x/m128 (aligned); store
	MOVUPS // x, x/m128; store
	MOVUPD // x, x/m128; store
	MOVDQA // x, x/m128 (aligned); store
	MOVDQU // x, x/m128; store
	MOVQ   // x, x/m64 (zeroes the upper lane); store m64, x
	MOVDX  // movd x, r32/m32
	MOVQX  // movq x, r64/m64
	MOVDR  // movd r32/m32, x (reversed)
	MOVQR  // movq r64/m64, x (reversed)
	MOVHLPS
	MOVLHPS
	MOVDDUP  // x, x/m64 (SSE3)
	MOVSLDUP // SSE3
	MOVSHDUP // SSE3
	MOVMSKPS // r32, x
	MOVMSKPD // r32, x
	PMOVMSKB // r32, x
	MOVHPS   // x, m64 (load high half); store m64, x
	MOVLPS   // x, m64 (load low half); store m64, x

	// Scalar and packed float arithmetic.
	ADDSS
	ADDSD
	ADDPS
	ADDPD
	SUBSS
	SUBSD
	SUBPS
	SUBPD
	MULSS
	MULSD
	MULPS
	MULPD
	DIVSS
	DIVSD
	DIVPS
	DIVPD
	SQRTSS
	SQRTSD
	SQRTPS
	SQRTPD
	MINSS
	MINSD
	MINPS
	MINPD
	MAXSS
	MAXSD
	MAXPS
	MAXPD
	UCOMISS
	UCOMISD
	COMISS
	COMISD
	ANDPS
	ANDPD
	ANDNPS
	ANDNPD
	ORPS
	ORPD
	XORPS
	XORPD
	CMPSS   // imm8 predicate
	CMPSD   // imm8 predicate
	CMPPS   // imm8 predicate
	CMPPD   // imm8 predicate
	ROUNDSS // imm8 mode (SSE4.1)
	ROUNDSD // imm8 mode (SSE4.1)
	ROUNDPS // imm8 mode (SSE4.1)
	ROUNDPD // imm8 mode (SSE4.1)
	SHUFPS  // imm8
	SHUFPD  // imm8
	UNPCKLPS
	UNPCKLPD
	UNPCKHPS
	UNPCKHPD
	INSERTPS  // x, x/m32, imm8 (SSE4.1)
	EXTRACTPS // r32/m32, x, imm8 (reversed, SSE4.1)
	BLENDPS   // imm8 (SSE4.1)
	BLENDPD   // imm8 (SSE4.1)
	BLENDVPS  // x, x/m128, implicit XMM0 mask (SSE4.1)
	BLENDVPD  // x, x/m128, implicit XMM0 mask (SSE4.1)

	// Conversions.
	CVTSI2SSL  // cvtsi2ss x, r32/m32
	CVTSI2SSQ  // cvtsi2ss x, r64/m64
	CVTSI2SDL  // cvtsi2sd x, r32/m32
	CVTSI2SDQ  // cvtsi2sd x, r64/m64
	CVTTSS2SIL // cvttss2si r32, x/m32
	CVTTSS2SIQ // cvttss2si r64, x/m32
	CVTTSD2SIL // cvttsd2si r32, x/m64
	CVTTSD2SIQ // cvttsd2si r64, x/m64
	CVTSS2SIL  // cvtss2si r32, x/m32 (rounds per MXCSR)
	CVTSS2SIQ  // cvtss2si r64, x/m32
	CVTSD2SIL  // cvtsd2si r32, x/m64
	CVTSD2SIQ  // cvtsd2si r64, x/m64
	CVTSS2SD
	CVTSD2SS
	CVTPS2PD // x, x/m64
	CVTPD2PS
	CVTDQ2PS
	CVTTPS2DQ
	CVTPS2DQ
	CVTDQ2PD // x, x/m64
	CVTTPD2DQ
	CVTPD2DQ

	// Packed integer.
	PADDB
	PADDW
	PADDD
	PADDQ
	PSUBB
	PSUBW
	PSUBD
	PSUBQ
	PADDSB
	PADDSW
	PADDUSB
	PADDUSW
	PSUBSB
	PSUBSW
	PSUBUSB
	PSUBUSW
	PMULLW
	PMULHW
	PMULHUW
	PMULUDQ
	PMADDWD
	PMULLD    // SSE4.1
	PMULDQ    // SSE4.1
	PMULHRSW  // SSSE3
	PMADDUBSW // SSSE3
	PSADBW
	PMINUB
	PMAXUB
	PMINSW
	PMAXSW
	PMINSB // SSE4.1
	PMINSD // SSE4.1
	PMINUW // SSE4.1
	PMINUD // SSE4.1
	PMAXSB // SSE4.1
	PMAXSD // SSE4.1
	PMAXUW // SSE4.1
	PMAXUD // SSE4.1
	PAVGB
	PAVGW
	PABSB // SSSE3
	PABSW // SSSE3
	PABSD // SSSE3
	PCMPEQB
	PCMPEQW
	PCMPEQD
	PCMPEQQ // SSE4.1
	PCMPGTB
	PCMPGTW
	PCMPGTD
	PCMPGTQ // SSE4.2
	PAND
	PANDN
	POR
	PXOR
	PSLLW  // by x/m128; SseRI: by imm8
	PSLLD  // by x/m128; SseRI: by imm8
	PSLLQ  // by x/m128; SseRI: by imm8
	PSRLW  // by x/m128; SseRI: by imm8
	PSRLD  // by x/m128; SseRI: by imm8
	PSRLQ  // by x/m128; SseRI: by imm8
	PSRAW  // by x/m128; SseRI: by imm8
	PSRAD  // by x/m128; SseRI: by imm8
	PSLLDQ // SseRI only: byte shift by imm8
	PSRLDQ // SseRI only: byte shift by imm8
	PSHUFB // SSSE3
	PSHUFD // imm8
	PSHUFLW
	PSHUFHW
	PUNPCKLBW
	PUNPCKLWD
	PUNPCKLDQ
	PUNPCKLQDQ
	PUNPCKHBW
	PUNPCKHWD
	PUNPCKHDQ
	PUNPCKHQDQ
	PACKSSWB
	PACKUSWB
	PACKSSDW
	PACKUSDW // SSE4.1
	PMOVSXBW // x, x/m64 (SSE4.1)
	PMOVSXBD // x, x/m32 (SSE4.1)
	PMOVSXBQ // x, x/m16 (SSE4.1)
	PMOVSXWD // x, x/m64 (SSE4.1)
	PMOVSXWQ // x, x/m32 (SSE4.1)
	PMOVSXDQ // x, x/m64 (SSE4.1)
	PMOVZXBW // x, x/m64 (SSE4.1)
	PMOVZXBD // x, x/m32 (SSE4.1)
	PMOVZXBQ // x, x/m16 (SSE4.1)
	PMOVZXWD // x, x/m64 (SSE4.1)
	PMOVZXWQ // x, x/m32 (SSE4.1)
	PMOVZXDQ // x, x/m64 (SSE4.1)
	PINSRB   // x, r32/m8, imm8 (SSE4.1)
	PINSRW   // x, r32/m16, imm8
	PINSRD   // x, r32/m32, imm8 (SSE4.1)
	PINSRQ   // x, r64/m64, imm8 (SSE4.1)
	PEXTRB   // r32/m8, x, imm8 (reversed, SSE4.1)
	PEXTRW   // r32/m16, x, imm8 (reversed, SSE4.1 encoding 0F 3A 15)
	PEXTRD   // r32/m32, x, imm8 (reversed, SSE4.1)
	PEXTRQ   // r64/m64, x, imm8 (reversed, SSE4.1)
	PALIGNR  // imm8 (SSSE3)
	PBLENDW  // imm8 (SSE4.1)
	PBLENDVB // x, x/m128, implicit XMM0 mask (SSE4.1)
	PTEST    // SSE4.1

	numSseOps
)

// operand classes
const (
	clsX   = iota // XMM register
	clsG32        // 32-bit general-purpose register
	clsG64        // 64-bit general-purpose register
)

// descriptor flags
const (
	sW      = 1 << iota // REX.W
	sImm                // takes an imm8
	sRev                // ModRM.rm is the destination
	sNoMem              // register form only
	sNoReg              // memory form only
	sNoRM               // no xmm, xmm/m form (shift-by-immediate only)
	sXMM0               // implicit XMM0 third operand
	sStore              // has a store form (st opcode, reg = source)
	sShiftI             // has a shift-by-imm8 form (iop /idig)
)

type sseDesc struct {
	name   string // constant name
	mnem   string // Intel mnemonic
	pfx    byte
	op     opcode
	st     opcode // store form
	stp    byte   // store form's mandatory prefix
	iop    opcode // shift-by-imm form
	idig   byte
	flags  uint16
	regCls uint8 // class of the ModRM.reg operand
	rmCls  uint8 // class of the ModRM.rm operand when it is a register
	mem    uint8 // memory operand size in bytes
}

func p0f(b byte) opcode { return op2(0x0f, b) }
func p38(b byte) opcode { return op3(0x0f, 0x38, b) }
func p3a(b byte) opcode { return op3(0x0f, 0x3a, b) }
func sd(n, m string, pfx byte, o opcode, mem uint8, fl uint16) sseDesc {
	return sseDesc{name: n, mnem: m, pfx: pfx, op: o, mem: mem, flags: fl}
}

func dst(n string, pfx byte, o, st opcode, mem uint8) sseDesc {
	return sseDesc{name: n, mnem: n, pfx: pfx, op: o, st: st, stp: pfx, mem: mem, flags: sStore}
}

func dsh(n string, o opcode, iop opcode, dig byte) sseDesc {
	return sseDesc{name: n, mnem: n, pfx: 0x66, op: o, iop: iop, idig: dig, mem: 16, flags: sShiftI}
}

func dg(n, m string, pfx byte, o opcode, mem uint8, fl uint16, regCls, rmCls uint8) sseDesc {
	return sseDesc{name: n, mnem: m, pfx: pfx, op: o, mem: mem, flags: fl, regCls: regCls, rmCls: rmCls}
}

var sseTable = [numSseOps]sseDesc{
	MOVSS:    dst("MOVSS", 0xf3, p0f(0x10), p0f(0x11), 4),
	MOVSD:    {name: "MOVSD", mnem: "MOVSD", pfx: 0xf2, op: p0f(0x10), st: p0f(0x11), stp: 0xf2, mem: 8, flags: sStore},
	MOVAPS:   dst("MOVAPS", 0, p0f(0x28), p0f(0x29), 16),
	MOVAPD:   dst("MOVAPD", 0x66, p0f(0x28), p0f(0x29), 16),
	MOVUPS:   dst("MOVUPS", 0, p0f(0x10), p0f(0x11), 16),
	MOVUPD:   dst("MOVUPD", 0x66, p0f(0x10), p0f(0x11), 16),
	MOVDQA:   dst("MOVDQA", 0x66, p0f(0x6f), p0f(0x7f), 16),
	MOVDQU:   dst("MOVDQU", 0xf3, p0f(0x6f), p0f(0x7f), 16),
	MOVQ:     {name: "MOVQ", mnem: "MOVQ", pfx: 0xf3, op: p0f(0x7e), mem: 8, flags: sStore, st: p0f(0xd6), stp: 0x66},
	MOVDX:    dg("MOVDX", "MOVD", 0x66, p0f(0x6e), 4, 0, clsX, clsG32),
	MOVQX:    dg("MOVQX", "MOVQ", 0x66, p0f(0x6e), 8, sW, clsX, clsG64),
	MOVDR:    dg("MOVDR", "MOVD", 0x66, p0f(0x7e), 4, sRev, clsX, clsG32),
	MOVQR:    dg("MOVQR", "MOVQ", 0x66, p0f(0x7e), 8, sW|sRev, clsX, clsG64),
	MOVHLPS:  sd("MOVHLPS", "MOVHLPS", 0, p0f(0x12), 0, sNoMem),
	MOVLHPS:  sd("MOVLHPS", "MOVLHPS", 0, p0f(0x16), 0, sNoMem),
	MOVDDUP:  sd("MOVDDUP", "MOVDDUP", 0xf2, p0f(0x12), 8, 0),
	MOVSLDUP: sd("MOVSLDUP", "MOVSLDUP", 0xf3, p0f(0x12), 16, 0),
	MOVSHDUP: sd("MOVSHDUP", "MOVSHDUP", 0xf3, p0f(0x16), 16, 0),
	MOVMSKPS: dg("MOVMSKPS", "MOVMSKPS", 0, p0f(0x50), 0, sNoMem, clsG32, clsX),
	MOVMSKPD: dg("MOVMSKPD", "MOVMSKPD", 0x66, p0f(0x50), 0, sNoMem, clsG32, clsX),
	PMOVMSKB: dg("PMOVMSKB", "PMOVMSKB", 0x66, p0f(0xd7), 0, sNoMem, clsG32, clsX),
	MOVHPS:   {name: "MOVHPS", mnem: "MOVHPS", op: p0f(0x16), st: p0f(0x17), mem: 8, flags: sStore | sNoReg},
	MOVLPS:   {name: "MOVLPS", mnem: "MOVLPS", op: p0f(0x12), st: p0f(0x13), mem: 8, flags: sStore | sNoReg},

	ADDSS:     sd("ADDSS", "ADDSS", 0xf3, p0f(0x58), 4, 0),
	ADDSD:     sd("ADDSD", "ADDSD", 0xf2, p0f(0x58), 8, 0),
	ADDPS:     sd("ADDPS", "ADDPS", 0, p0f(0x58), 16, 0),
	ADDPD:     sd("ADDPD", "ADDPD", 0x66, p0f(0x58), 16, 0),
	SUBSS:     sd("SUBSS", "SUBSS", 0xf3, p0f(0x5c), 4, 0),
	SUBSD:     sd("SUBSD", "SUBSD", 0xf2, p0f(0x5c), 8, 0),
	SUBPS:     sd("SUBPS", "SUBPS", 0, p0f(0x5c), 16, 0),
	SUBPD:     sd("SUBPD", "SUBPD", 0x66, p0f(0x5c), 16, 0),
	MULSS:     sd("MULSS", "MULSS", 0xf3, p0f(0x59), 4, 0),
	MULSD:     sd("MULSD", "MULSD", 0xf2, p0f(0x59), 8, 0),
	MULPS:     sd("MULPS", "MULPS", 0, p0f(0x59), 16, 0),
	MULPD:     sd("MULPD", "MULPD", 0x66, p0f(0x59), 16, 0),
	DIVSS:     sd("DIVSS", "DIVSS", 0xf3, p0f(0x5e), 4, 0),
	DIVSD:     sd("DIVSD", "DIVSD", 0xf2, p0f(0x5e), 8, 0),
	DIVPS:     sd("DIVPS", "DIVPS", 0, p0f(0x5e), 16, 0),
	DIVPD:     sd("DIVPD", "DIVPD", 0x66, p0f(0x5e), 16, 0),
	SQRTSS:    sd("SQRTSS", "SQRTSS", 0xf3, p0f(0x51), 4, 0),
	SQRTSD:    sd("SQRTSD", "SQRTSD", 0xf2, p0f(0x51), 8, 0),
	SQRTPS:    sd("SQRTPS", "SQRTPS", 0, p0f(0x51), 16, 0),
	SQRTPD:    sd("SQRTPD", "SQRTPD", 0x66, p0f(0x51), 16, 0),
	MINSS:     sd("MINSS", "MINSS", 0xf3, p0f(0x5d), 4, 0),
	MINSD:     sd("MINSD", "MINSD", 0xf2, p0f(0x5d), 8, 0),
	MINPS:     sd("MINPS", "MINPS", 0, p0f(0x5d), 16, 0),
	MINPD:     sd("MINPD", "MINPD", 0x66, p0f(0x5d), 16, 0),
	MAXSS:     sd("MAXSS", "MAXSS", 0xf3, p0f(0x5f), 4, 0),
	MAXSD:     sd("MAXSD", "MAXSD", 0xf2, p0f(0x5f), 8, 0),
	MAXPS:     sd("MAXPS", "MAXPS", 0, p0f(0x5f), 16, 0),
	MAXPD:     sd("MAXPD", "MAXPD", 0x66, p0f(0x5f), 16, 0),
	UCOMISS:   sd("UCOMISS", "UCOMISS", 0, p0f(0x2e), 4, 0),
	UCOMISD:   sd("UCOMISD", "UCOMISD", 0x66, p0f(0x2e), 8, 0),
	COMISS:    sd("COMISS", "COMISS", 0, p0f(0x2f), 4, 0),
	COMISD:    sd("COMISD", "COMISD", 0x66, p0f(0x2f), 8, 0),
	ANDPS:     sd("ANDPS", "ANDPS", 0, p0f(0x54), 16, 0),
	ANDPD:     sd("ANDPD", "ANDPD", 0x66, p0f(0x54), 16, 0),
	ANDNPS:    sd("ANDNPS", "ANDNPS", 0, p0f(0x55), 16, 0),
	ANDNPD:    sd("ANDNPD", "ANDNPD", 0x66, p0f(0x55), 16, 0),
	ORPS:      sd("ORPS", "ORPS", 0, p0f(0x56), 16, 0),
	ORPD:      sd("ORPD", "ORPD", 0x66, p0f(0x56), 16, 0),
	XORPS:     sd("XORPS", "XORPS", 0, p0f(0x57), 16, 0),
	XORPD:     sd("XORPD", "XORPD", 0x66, p0f(0x57), 16, 0),
	CMPSS:     sd("CMPSS", "CMPSS", 0xf3, p0f(0xc2), 4, sImm),
	CMPSD:     sd("CMPSD", "CMPSD", 0xf2, p0f(0xc2), 8, sImm),
	CMPPS:     sd("CMPPS", "CMPPS", 0, p0f(0xc2), 16, sImm),
	CMPPD:     sd("CMPPD", "CMPPD", 0x66, p0f(0xc2), 16, sImm),
	ROUNDSS:   sd("ROUNDSS", "ROUNDSS", 0x66, p3a(0x0a), 4, sImm),
	ROUNDSD:   sd("ROUNDSD", "ROUNDSD", 0x66, p3a(0x0b), 8, sImm),
	ROUNDPS:   sd("ROUNDPS", "ROUNDPS", 0x66, p3a(0x08), 16, sImm),
	ROUNDPD:   sd("ROUNDPD", "ROUNDPD", 0x66, p3a(0x09), 16, sImm),
	SHUFPS:    sd("SHUFPS", "SHUFPS", 0, p0f(0xc6), 16, sImm),
	SHUFPD:    sd("SHUFPD", "SHUFPD", 0x66, p0f(0xc6), 16, sImm),
	UNPCKLPS:  sd("UNPCKLPS", "UNPCKLPS", 0, p0f(0x14), 16, 0),
	UNPCKLPD:  sd("UNPCKLPD", "UNPCKLPD", 0x66, p0f(0x14), 16, 0),
	UNPCKHPS:  sd("UNPCKHPS", "UNPCKHPS", 0, p0f(0x15), 16, 0),
	UNPCKHPD:  sd("UNPCKHPD", "UNPCKHPD", 0x66, p0f(0x15), 16, 0),
	INSERTPS:  sd("INSERTPS", "INSERTPS", 0x66, p3a(0x21), 4, sImm),
	EXTRACTPS: dg("EXTRACTPS", "EXTRACTPS", 0x66, p3a(0x17), 4, sImm|sRev, clsX, clsG32),
	BLENDPS:   sd("BLENDPS", "BLENDPS", 0x66, p3a(0x0c), 16, sImm),
	BLENDPD:   sd("BLENDPD", "BLENDPD", 0x66, p3a(0x0d), 16, sImm),
	BLENDVPS:  sd("BLENDVPS", "BLENDVPS", 0x66, p38(0x14), 16, sXMM0),
	BLENDVPD:  sd("BLENDVPD", "BLENDVPD", 0x66, p38(0x15), 16, sXMM0),

	CVTSI2SSL:  dg("CVTSI2SSL", "CVTSI2SS", 0xf3, p0f(0x2a), 4, 0, clsX, clsG32),
	CVTSI2SSQ:  dg("CVTSI2SSQ", "CVTSI2SS", 0xf3, p0f(0x2a), 8, sW, clsX, clsG64),
	CVTSI2SDL:  dg("CVTSI2SDL", "CVTSI2SD", 0xf2, p0f(0x2a), 4, 0, clsX, clsG32),
	CVTSI2SDQ:  dg("CVTSI2SDQ", "CVTSI2SD", 0xf2, p0f(0x2a), 8, sW, clsX, clsG64),
	CVTTSS2SIL: dg("CVTTSS2SIL", "CVTTSS2SI", 0xf3, p0f(0x2c), 4, 0, clsG32, clsX),
	CVTTSS2SIQ: dg("CVTTSS2SIQ", "CVTTSS2SI", 0xf3, p0f(0x2c), 4, sW, clsG64, clsX),
	CVTTSD2SIL: dg("CVTTSD2SIL", "CVTTSD2SI", 0xf2, p0f(0x2c), 8, 0, clsG32, clsX),
	CVTTSD2SIQ: dg("CVTTSD2SIQ", "CVTTSD2SI", 0xf2, p0f(0x2c), 8, sW, clsG64, clsX),
	CVTSS2SIL:  dg("CVTSS2SIL", "CVTSS2SI", 0xf3, p0f(0x2d), 4, 0, clsG32, clsX),
	CVTSS2SIQ:  dg("CVTSS2SIQ", "CVTSS2SI", 0xf3, p0f(0x2d), 4, sW, clsG64, clsX),
	CVTSD2SIL:  dg("CVTSD2SIL", "CVTSD2SI", 0xf2, p0f(0x2d), 8, 0, clsG32, clsX),
	CVTSD2SIQ:  dg("CVTSD2SIQ", "CVTSD2SI", 0xf2, p0f(0x2d), 8, sW, clsG64, clsX),
	CVTSS2SD:   sd("CVTSS2SD", "CVTSS2SD", 0xf3, p0f(0x5a), 4, 0),
	CVTSD2SS:   sd("CVTSD2SS", "CVTSD2SS", 0xf2, p0f(0x5a), 8, 0),
	CVTPS2PD:   sd("CVTPS2PD", "CVTPS2PD", 0, p0f(0x5a), 8, 0),
	CVTPD2PS:   sd("CVTPD2PS", "CVTPD2PS", 0x66, p0f(0x5a), 16, 0),
	CVTDQ2PS:   sd("CVTDQ2PS", "CVTDQ2PS", 0, p0f(0x5b), 16, 0),
	CVTTPS2DQ:  sd("CVTTPS2DQ", "CVTTPS2DQ", 0xf3, p0f(0x5b), 16, 0),
	CVTPS2DQ:   sd("CVTPS2DQ", "CVTPS2DQ", 0x66, p0f(0x5b), 16, 0),
	CVTDQ2PD:   sd("CVTDQ2PD", "CVTDQ2PD", 0xf3, p0f(0xe6), 8, 0),
	CVTTPD2DQ:  sd("CVTTPD2DQ", "CVTTPD2DQ", 0x66, p0f(0xe6), 16, 0),
	CVTPD2DQ:   sd("CVTPD2DQ", "CVTPD2DQ", 0xf2, p0f(0xe6), 16, 0),

	PADDB:      sd("PADDB", "PADDB", 0x66, p0f(0xfc), 16, 0),
	PADDW:      sd("PADDW", "PADDW", 0x66, p0f(0xfd), 16, 0),
	PADDD:      sd("PADDD", "PADDD", 0x66, p0f(0xfe), 16, 0),
	PADDQ:      sd("PADDQ", "PADDQ", 0x66, p0f(0xd4), 16, 0),
	PSUBB:      sd("PSUBB", "PSUBB", 0x66, p0f(0xf8), 16, 0),
	PSUBW:      sd("PSUBW", "PSUBW", 0x66, p0f(0xf9), 16, 0),
	PSUBD:      sd("PSUBD", "PSUBD", 0x66, p0f(0xfa), 16, 0),
	PSUBQ:      sd("PSUBQ", "PSUBQ", 0x66, p0f(0xfb), 16, 0),
	PADDSB:     sd("PADDSB", "PADDSB", 0x66, p0f(0xec), 16, 0),
	PADDSW:     sd("PADDSW", "PADDSW", 0x66, p0f(0xed), 16, 0),
	PADDUSB:    sd("PADDUSB", "PADDUSB", 0x66, p0f(0xdc), 16, 0),
	PADDUSW:    sd("PADDUSW", "PADDUSW", 0x66, p0f(0xdd), 16, 0),
	PSUBSB:     sd("PSUBSB", "PSUBSB", 0x66, p0f(0xe8), 16, 0),
	PSUBSW:     sd("PSUBSW", "PSUBSW", 0x66, p0f(0xe9), 16, 0),
	PSUBUSB:    sd("PSUBUSB", "PSUBUSB", 0x66, p0f(0xd8), 16, 0),
	PSUBUSW:    sd("PSUBUSW", "PSUBUSW", 0x66, p0f(0xd9), 16, 0),
	PMULLW:     sd("PMULLW", "PMULLW", 0x66, p0f(0xd5), 16, 0),
	PMULHW:     sd("PMULHW", "PMULHW", 0x66, p0f(0xe5), 16, 0),
	PMULHUW:    sd("PMULHUW", "PMULHUW", 0x66, p0f(0xe4), 16, 0),
	PMULUDQ:    sd("PMULUDQ", "PMULUDQ", 0x66, p0f(0xf4), 16, 0),
	PMADDWD:    sd("PMADDWD", "PMADDWD", 0x66, p0f(0xf5), 16, 0),
	PMULLD:     sd("PMULLD", "PMULLD", 0x66, p38(0x40), 16, 0),
	PMULDQ:     sd("PMULDQ", "PMULDQ", 0x66, p38(0x28), 16, 0),
	PMULHRSW:   sd("PMULHRSW", "PMULHRSW", 0x66, p38(0x0b), 16, 0),
	PMADDUBSW:  sd("PMADDUBSW", "PMADDUBSW", 0x66, p38(0x04), 16, 0),
	PSADBW:     sd("PSADBW", "PSADBW", 0x66, p0f(0xf6), 16, 0),
	PMINUB:     sd("PMINUB", "PMINUB", 0x66, p0f(0xda), 16, 0),
	PMAXUB:     sd("PMAXUB", "PMAXUB", 0x66, p0f(0xde), 16, 0),
	PMINSW:     sd("PMINSW", "PMINSW", 0x66, p0f(0xea), 16, 0),
	PMAXSW:     sd("PMAXSW", "PMAXSW", 0x66, p0f(0xee), 16, 0),
	PMINSB:     sd("PMINSB", "PMINSB", 0x66, p38(0x38), 16, 0),
	PMINSD:     sd("PMINSD", "PMINSD", 0x66, p38(0x39), 16, 0),
	PMINUW:     sd("PMINUW", "PMINUW", 0x66, p38(0x3a), 16, 0),
	PMINUD:     sd("PMINUD", "PMINUD", 0x66, p38(0x3b), 16, 0),
	PMAXSB:     sd("PMAXSB", "PMAXSB", 0x66, p38(0x3c), 16, 0),
	PMAXSD:     sd("PMAXSD", "PMAXSD", 0x66, p38(0x3d), 16, 0),
	PMAXUW:     sd("PMAXUW", "PMAXUW", 0x66, p38(0x3e), 16, 0),
	PMAXUD:     sd("PMAXUD", "PMAXUD", 0x66, p38(0x3f), 16, 0),
	PAVGB:      sd("PAVGB", "PAVGB", 0x66, p0f(0xe0), 16, 0),
	PAVGW:      sd("PAVGW", "PAVGW", 0x66, p0f(0xe3), 16, 0),
	PABSB:      sd("PABSB", "PABSB", 0x66, p38(0x1c), 16, 0),
	PABSW:      sd("PABSW", "PABSW", 0x66, p38(0x1d), 16, 0),
	PABSD:      sd("PABSD", "PABSD", 0x66, p38(0x1e), 16, 0),
	PCMPEQB:    sd("PCMPEQB", "PCMPEQB", 0x66, p0f(0x74), 16, 0),
	PCMPEQW:    sd("PCMPEQW", "PCMPEQW", 0x66, p0f(0x75), 16, 0),
	PCMPEQD:    sd("PCMPEQD", "PCMPEQD", 0x66, p0f(0x76), 16, 0),
	PCMPEQQ:    sd("PCMPEQQ", "PCMPEQQ", 0x66, p38(0x29), 16, 0),
	PCMPGTB:    sd("PCMPGTB", "PCMPGTB", 0x66, p0f(0x64), 16, 0),
	PCMPGTW:    sd("PCMPGTW", "PCMPGTW", 0x66, p0f(0x65), 16, 0),
	PCMPGTD:    sd("PCMPGTD", "PCMPGTD", 0x66, p0f(0x66), 16, 0),
	PCMPGTQ:    sd("PCMPGTQ", "PCMPGTQ", 0x66, p38(0x37), 16, 0),
	PAND:       sd("PAND", "PAND", 0x66, p0f(0xdb), 16, 0),
	PANDN:      sd("PANDN", "PANDN", 0x66, p0f(0xdf), 16, 0),
	POR:        sd("POR", "POR", 0x66, p0f(0xeb), 16, 0),
	PXOR:       sd("PXOR", "PXOR", 0x66, p0f(0xef), 16, 0),
	PSLLW:      dsh("PSLLW", p0f(0xf1), p0f(0x71), 6),
	PSLLD:      dsh("PSLLD", p0f(0xf2), p0f(0x72), 6),
	PSLLQ:      dsh("PSLLQ", p0f(0xf3), p0f(0x73), 6),
	PSRLW:      dsh("PSRLW", p0f(0xd1), p0f(0x71), 2),
	PSRLD:      dsh("PSRLD", p0f(0xd2), p0f(0x72), 2),
	PSRLQ:      dsh("PSRLQ", p0f(0xd3), p0f(0x73), 2),
	PSRAW:      dsh("PSRAW", p0f(0xe1), p0f(0x71), 4),
	PSRAD:      dsh("PSRAD", p0f(0xe2), p0f(0x72), 4),
	PSLLDQ:     {name: "PSLLDQ", mnem: "PSLLDQ", pfx: 0x66, iop: p0f(0x73), idig: 7, flags: sShiftI | sNoRM},
	PSRLDQ:     {name: "PSRLDQ", mnem: "PSRLDQ", pfx: 0x66, iop: p0f(0x73), idig: 3, flags: sShiftI | sNoRM},
	PSHUFB:     sd("PSHUFB", "PSHUFB", 0x66, p38(0x00), 16, 0),
	PSHUFD:     sd("PSHUFD", "PSHUFD", 0x66, p0f(0x70), 16, sImm),
	PSHUFLW:    sd("PSHUFLW", "PSHUFLW", 0xf2, p0f(0x70), 16, sImm),
	PSHUFHW:    sd("PSHUFHW", "PSHUFHW", 0xf3, p0f(0x70), 16, sImm),
	PUNPCKLBW:  sd("PUNPCKLBW", "PUNPCKLBW", 0x66, p0f(0x60), 16, 0),
	PUNPCKLWD:  sd("PUNPCKLWD", "PUNPCKLWD", 0x66, p0f(0x61), 16, 0),
	PUNPCKLDQ:  sd("PUNPCKLDQ", "PUNPCKLDQ", 0x66, p0f(0x62), 16, 0),
	PUNPCKLQDQ: sd("PUNPCKLQDQ", "PUNPCKLQDQ", 0x66, p0f(0x6c), 16, 0),
	PUNPCKHBW:  sd("PUNPCKHBW", "PUNPCKHBW", 0x66, p0f(0x68), 16, 0),
	PUNPCKHWD:  sd("PUNPCKHWD", "PUNPCKHWD", 0x66, p0f(0x69), 16, 0),
	PUNPCKHDQ:  sd("PUNPCKHDQ", "PUNPCKHDQ", 0x66, p0f(0x6a), 16, 0),
	PUNPCKHQDQ: sd("PUNPCKHQDQ", "PUNPCKHQDQ", 0x66, p0f(0x6d), 16, 0),
	PACKSSWB:   sd("PACKSSWB", "PACKSSWB", 0x66, p0f(0x63), 16, 0),
	PACKUSWB:   sd("PACKUSWB", "PACKUSWB", 0x66, p0f(0x67), 16, 0),
	PACKSSDW:   sd("PACKSSDW", "PACKSSDW", 0x66, p0f(0x6b), 16, 0),
	PACKUSDW:   sd("PACKUSDW", "PACKUSDW", 0x66, p38(0x2b), 16, 0),
	PMOVSXBW:   sd("PMOVSXBW", "PMOVSXBW", 0x66, p38(0x20), 8, 0),
	PMOVSXBD:   sd("PMOVSXBD", "PMOVSXBD", 0x66, p38(0x21), 4, 0),
	PMOVSXBQ:   sd("PMOVSXBQ", "PMOVSXBQ", 0x66, p38(0x22), 2, 0),
	PMOVSXWD:   sd("PMOVSXWD", "PMOVSXWD", 0x66, p38(0x23), 8, 0),
	PMOVSXWQ:   sd("PMOVSXWQ", "PMOVSXWQ", 0x66, p38(0x24), 4, 0),
	PMOVSXDQ:   sd("PMOVSXDQ", "PMOVSXDQ", 0x66, p38(0x25), 8, 0),
	PMOVZXBW:   sd("PMOVZXBW", "PMOVZXBW", 0x66, p38(0x30), 8, 0),
	PMOVZXBD:   sd("PMOVZXBD", "PMOVZXBD", 0x66, p38(0x31), 4, 0),
	PMOVZXBQ:   sd("PMOVZXBQ", "PMOVZXBQ", 0x66, p38(0x32), 2, 0),
	PMOVZXWD:   sd("PMOVZXWD", "PMOVZXWD", 0x66, p38(0x33), 8, 0),
	PMOVZXWQ:   sd("PMOVZXWQ", "PMOVZXWQ", 0x66, p38(0x34), 4, 0),
	PMOVZXDQ:   sd("PMOVZXDQ", "PMOVZXDQ", 0x66, p38(0x35), 8, 0),
	PINSRB:     dg("PINSRB", "PINSRB", 0x66, p3a(0x20), 1, sImm, clsX, clsG32),
	PINSRW:     dg("PINSRW", "PINSRW", 0x66, p0f(0xc4), 2, sImm, clsX, clsG32),
	PINSRD:     dg("PINSRD", "PINSRD", 0x66, p3a(0x22), 4, sImm, clsX, clsG32),
	PINSRQ:     dg("PINSRQ", "PINSRQ", 0x66, p3a(0x22), 8, sImm|sW, clsX, clsG64),
	PEXTRB:     dg("PEXTRB", "PEXTRB", 0x66, p3a(0x14), 1, sImm|sRev, clsX, clsG32),
	PEXTRW:     dg("PEXTRW", "PEXTRW", 0x66, p3a(0x15), 2, sImm|sRev, clsX, clsG32),
	PEXTRD:     dg("PEXTRD", "PEXTRD", 0x66, p3a(0x16), 4, sImm|sRev, clsX, clsG32),
	PEXTRQ:     dg("PEXTRQ", "PEXTRQ", 0x66, p3a(0x16), 8, sImm|sRev|sW, clsX, clsG64),
	PALIGNR:    sd("PALIGNR", "PALIGNR", 0x66, p3a(0x0f), 16, sImm),
	PBLENDW:    sd("PBLENDW", "PBLENDW", 0x66, p3a(0x0e), 16, sImm),
	PBLENDVB:   sd("PBLENDVB", "PBLENDVB", 0x66, p38(0x10), 16, sXMM0),
	PTEST:      sd("PTEST", "PTEST", 0x66, p38(0x17), 16, 0),
}

// String returns the op's constant name.
func (op SseOp) String() string {
	if op < numSseOps && sseTable[op].name != "" {
		return sseTable[op].name
	}
	return "SseOp(?)"
}

// SseInfo describes an SseOp's operands.
type SseInfo struct {
	Mnemonic string // Intel mnemonic
	Imm8     bool   // takes an imm8 (SseRRI/SseRMI/SseMRI)
	Reversed bool   // the ModRM.rm operand (register or memory) is the destination
	Store    bool   // has a store form "op m, x" (SseMR)
	ShiftImm bool   // has a shift-by-imm8 form (SseRI)
	XMM0     bool   // uses XMM0 as an implicit third operand
	RegForm  bool   // has a register-register form
	MemForm  bool   // has a memory form (SseRM, or SseMR/SseMRI when Reversed)
	// RegGPR and RMGPR give the width in bits of a general-purpose operand in the ModRM.reg or
	// ModRM.rm position (0: an XMM register).
	RegGPR, RMGPR int
	MemBytes      int // size of the memory operand
}

// Info describes op's operands; ok is false for an unknown op.
func (op SseOp) Info() (info SseInfo, ok bool) {
	if op >= numSseOps || sseTable[op].name == "" {
		return SseInfo{}, false
	}
	d := &sseTable[op]
	bits := func(c uint8) int {
		switch c {
		case clsG32:
			return 32
		case clsG64:
			return 64
		}
		return 0
	}
	return SseInfo{
		Mnemonic: d.mnem,
		Imm8:     d.flags&sImm != 0,
		Reversed: d.flags&sRev != 0,
		Store:    d.flags&sStore != 0,
		ShiftImm: d.flags&sShiftI != 0,
		XMM0:     d.flags&sXMM0 != 0,
		RegForm:  d.flags&(sNoReg|sNoRM) == 0,
		MemForm:  d.flags&(sNoMem|sNoRM) == 0,
		RegGPR:   bits(d.regCls),
		RMGPR:    bits(d.rmCls),
		MemBytes: int(d.mem),
	}, true
}

func (a *Assembler) sseDesc(op SseOp, imm bool, need uint16, forbid uint16) *sseDesc {
	if op >= numSseOps || sseTable[op].name == "" {
		a.fail("unknown SSE op %d", op)
		return nil
	}
	d := &sseTable[op]
	if (d.flags&sImm != 0) != imm {
		a.fail("%s: imm8 form mismatch", d.name)
		return nil
	}
	if d.flags&need != need || d.flags&forbid != 0 {
		a.fail("%s: no such operand form", d.name)
		return nil
	}
	return d
}

func (d *sseDesc) fl() int {
	if d.flags&sW != 0 {
		return fW
	}
	return 0
}

// SseRR emits "op dst, src" with register operands (XMM or general-purpose as the op requires).
func (a *Assembler) SseRR(op SseOp, dst, src Reg) {
	if d := a.sseDesc(op, false, 0, sNoReg|sNoRM); d != nil {
		a.sseRR(d, dst, src)
	}
}

func (a *Assembler) sseRR(d *sseDesc, dst, src Reg) {
	if d.flags&sRev != 0 {
		dst, src = src, dst
	}
	a.chkCls(d, d.regCls, dst)
	a.chkCls(d, d.rmCls, src)
	a.encRR(d.pfx, d.fl(), d.op, dst.enc(), src.enc())
}

// SseRM emits the load form "op dst, [m]".
func (a *Assembler) SseRM(op SseOp, dst Reg, m Mem) {
	if d := a.sseDesc(op, false, 0, sNoMem|sNoRM|sRev); d != nil {
		a.chkCls(d, d.regCls, dst)
		a.encRM(d.pfx, d.fl(), d.op, dst, m, 0)
	}
}

// SseMR emits the store form "op [m], src" (MOVSS, MOVSD, MOVAPS, MOVUPS, MOVDQA, MOVDQU, MOVQ,
// MOVHPS, MOVLPS...) or the memory form of a reversed op (MOVDR, MOVQR).
func (a *Assembler) SseMR(op SseOp, m Mem, src Reg) {
	d := a.sseDesc(op, false, 0, sNoMem|sNoRM)
	if d == nil {
		return
	}
	switch {
	case d.flags&sStore != 0:
		a.chkCls(d, clsX, src)
		a.encRM(d.stp, d.fl(), d.st, src, m, 0)
	case d.flags&sRev != 0:
		a.chkCls(d, d.regCls, src)
		a.encRM(d.pfx, d.fl(), d.op, src, m, 0)
	default:
		a.fail("%s: no store form", d.name)
	}
}

// SseRRI emits "op dst, src, imm8".
func (a *Assembler) SseRRI(op SseOp, dst, src Reg, imm uint8) {
	if d := a.sseDesc(op, true, 0, sNoReg|sNoRM); d != nil {
		a.sseRR(d, dst, src)
		a.byte1(imm)
	}
}

// SseRMI emits "op dst, [m], imm8".
func (a *Assembler) SseRMI(op SseOp, dst Reg, m Mem, imm uint8) {
	if d := a.sseDesc(op, true, 0, sNoMem|sNoRM|sRev); d != nil {
		a.chkCls(d, d.regCls, dst)
		a.encRM(d.pfx, d.fl(), d.op, dst, m, 1)
		a.byte1(imm)
	}
}

// SseMRI emits "op [m], src, imm8" for the reversed imm8 ops (PEXTRB/W/D/Q, EXTRACTPS).
func (a *Assembler) SseMRI(op SseOp, m Mem, src Reg, imm uint8) {
	if d := a.sseDesc(op, true, sRev, sNoMem); d != nil {
		a.chkCls(d, d.regCls, src)
		a.encRM(d.pfx, d.fl(), d.op, src, m, 1)
		a.byte1(imm)
	}
}

// SseRI emits the shift-by-immediate form "op x, imm8" of PSLLW/D/Q, PSRLW/D/Q, PSRAW/D,
// PSLLDQ and PSRLDQ.
func (a *Assembler) SseRI(op SseOp, x Reg, imm uint8) {
	if op >= numSseOps || sseTable[op].flags&sShiftI == 0 {
		a.fail("%v: no shift-by-immediate form", op)
		return
	}
	d := &sseTable[op]
	a.chkCls(d, clsX, x)
	a.encRR(d.pfx, 0, d.iop, d.idig, x.enc())
	a.byte1(imm)
}

// chkCls records an error when r is not of operand class cls.
func (a *Assembler) chkCls(d *sseDesc, cls uint8, r Reg) {
	if (cls == clsX) != r.IsXMM() || r > X15 {
		a.fail("%s: operand %v has the wrong register class", d.name, r)
	}
}
