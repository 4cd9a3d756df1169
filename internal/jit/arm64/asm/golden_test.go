package asm

import "testing"

// Golden encodings for forms arm64asm does not decode, taken from the Arm Architecture
// Reference Manual for A-profile (DDI 0487), with the section of each noted. Each word was
// assembled by hand from the encoding diagram in that section.
func TestGolden(t *testing.T) {
	c := newChecker(t)
	// C6.2 "IC" (alias of SYS #3, C7, C5, #1, Xt for IVAU): 1101 0101 0000 1 011 0111 0101 001 Rt.
	c.checkWords("IcIvau", func(a *Assembler) { a.IcIvau(R0) }, 0xd50b7520)
	c.checkWords("IcIvau", func(a *Assembler) { a.IcIvau(R9) }, 0xd50b7529)
	c.checkWords("IcIvau", func(a *Assembler) { a.IcIvau(R30) }, 0xd50b753e)
	// C6.2 "UDF": 0000 0000 0000 0000 imm16.
	c.checkWords("Udf", func(a *Assembler) { a.Udf(0) }, 0x00000000)
	c.checkWords("Udf", func(a *Assembler) { a.Udf(0xbeef) }, 0x0000beef)
	c.checkWords("Udf", func(a *Assembler) { a.Udf(0xffff) }, 0x0000ffff)

	// Cross-checks: forms arm64asm also decodes, against words assembled by hand from the
	// encoding diagrams (C6.2 for base instructions, C7.2 for SIMD&FP), so that a field the
	// decoder ignores cannot hide a wrong bit in the most common prologue, epilogue and cache
	// maintenance sequences.
	l := func(f func(a *Assembler, l Label)) func(a *Assembler) {
		return func(a *Assembler) { x := a.NewLabel(); f(a, x); a.Nop(); a.Bind(x) }
	}
	c.checkWords("xcheck Ret", func(a *Assembler) { a.Ret() }, 0xd65f03c0)                                       // RET: 1101011 0010 11111 000000 Rn=30 00000
	c.checkWords("xcheck RR mov sp", func(a *Assembler) { a.RR(MOV, W64, R29, RSP) }, 0x910003fd)                // ADD (immediate) sf=1 imm12=0
	c.checkWords("xcheck Stp pre", func(a *Assembler) { a.Stp(W64, R29, R30, RSP, -16, PreIndex) }, 0xa9bf7bfd)  // STP (pre-index) opc=10 imm7=-2
	c.checkWords("xcheck Ldp post", func(a *Assembler) { a.Ldp(W64, R29, R30, RSP, 16, PostIndex) }, 0xa8c17bfd) // LDP (post-index) opc=10 imm7=2
	c.checkWords("xcheck Dmb", func(a *Assembler) { a.Dmb(ISH) }, 0xd5033bbf)                                    // DMB CRm=1011 opc=01
	c.checkWords("xcheck Dsb", func(a *Assembler) { a.Dsb(ISH) }, 0xd5033b9f)                                    // DSB CRm=1011 opc=00
	c.checkWords("xcheck Isb", func(a *Assembler) { a.Isb() }, 0xd5033fdf)                                       // ISB CRm=1111 opc=10
	c.checkWords("xcheck DcCvau", func(a *Assembler) { a.DcCvau(R0) }, 0xd50b7b20)                               // SYS #3, C7, C11, #1
	c.checkWords("xcheck MrsCtrEl0", func(a *Assembler) { a.MrsCtrEl0(R3) }, 0xd53b0023)                         // MRS o0=1 op1=3 CRn=0 CRm=0 op2=1
	c.checkWords("xcheck MovZ", func(a *Assembler) { a.MovZ(W64, R0, 0x1234, 16) }, 0xd2a24680)                  // MOVZ sf=1 hw=01
	c.checkWords("xcheck MovImm", func(a *Assembler) { a.MovImm(W64, R1, 0xffff_ffff_ffff_fffe) }, 0x92800021)   // MOVN sf=1 imm16=1
	c.checkWords("xcheck Brk", func(a *Assembler) { a.Brk(0xf000) }, 0xd43e0000)                                 // BRK imm16=0xf000
	c.checkWords("xcheck BCond", l(func(a *Assembler, x Label) { a.BCond(NE, x) }), 0x54000041, 0xd503201f)      // B.cond imm19=2 cond=0001
	c.checkWords("xcheck Cbz", l(func(a *Assembler, x Label) { a.Cbz(W64, R0, x) }), 0xb4000040, 0xd503201f)     // CBZ sf=1 imm19=2
	c.checkWords("xcheck Tbnz", l(func(a *Assembler, x Label) { a.Tbnz(R2, 33, x) }), 0xb7080042, 0xd503201f)    // TBNZ b5=1 b40=00001 imm14=2
	c.checkWords("xcheck BL", l(func(a *Assembler, x Label) { a.BL(x) }), 0x94000002, 0xd503201f)                // BL imm26=2
	c.checkWords("xcheck FRRR fadd d", func(a *Assembler) { a.FRRR(FADD, D, V0, V1, V2) }, 0x1e622820)           // FADD (scalar) ftype=01 opcode=0010
	c.checkWords("xcheck VRRR vadd 4s", func(a *Assembler) { a.VRRR(VADD, S4, V0, V1, V2) }, 0x4ea28420)         // ADD (vector) Q=1 size=10
	c.checkWords("xcheck Ldr x scaled", func(a *Assembler) { a.Ldr(X, W64, R1, R2, 8) }, 0xf9400441)             // LDR (immediate, unsigned offset) imm12=1
	c.checkWords("xcheck Ldr unscaled", func(a *Assembler) { a.Ldr(X, W64, R1, R2, -8) }, 0xf85f8041)            // LDUR imm9=-8
	c.checkWords("xcheck Movi ones", func(a *Assembler) { a.Movi(V0, D2, 0xff, 0) }, 0x6f07e7e0)                 // MOVI Q=1 op=1 cmode=1110
}
