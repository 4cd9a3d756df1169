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
}
