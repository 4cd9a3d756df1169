package asm

// Fixed instruction words.
const (
	nopWord  = 0xd503201f
	udfWord  = 0x00000000 // UDF #0
	isbWord  = 0xd5033fdf
	retWord  = 0xd65f0000
	brWord   = 0xd61f0000
	blrWord  = 0xd63f0000
	bWord    = 0x14000000
	blWord   = 0x94000000
	bcondW   = 0x54000000
	cbzWord  = 0x34000000
	cbnzWord = 0x35000000
	tbzWord  = 0x36000000
	tbnzWord = 0x37000000
	brkWord  = 0xd4200000
	dmbWord  = 0xd50330bf
	dsbWord  = 0xd503309f
	dcCvau   = 0xd50b7b20 // SYS #3, C7, C11, #1, Xt
	icIvau   = 0xd50b7520 // SYS #3, C7, C5, #1, Xt
	mrsCtr   = 0xd53b0020 // MRS Xt, CTR_EL0 (S3_3_C0_C0_1)
)

// B emits an unconditional branch to l (±128 MiB).
func (a *Assembler) B(l Label) { a.ref(bWord, l, fix26) }

// BL emits a branch with link to l (±128 MiB).
func (a *Assembler) BL(l Label) { a.ref(blWord, l, fix26) }

// BCond emits B.c to l (±1 MiB).
func (a *Assembler) BCond(c Cond, l Label) { a.ref(bcondW|uint32(c&15), l, fix19) }

// Cbz emits CBZ r, l: branch to l (±1 MiB) if r (W or X per w) is zero.
func (a *Assembler) Cbz(w Width, r Reg, l Label) { a.ref(cbzWord|w.sf()|a.gp(r, false), l, fix19) }

// Cbnz emits CBNZ r, l: branch to l (±1 MiB) if r is not zero.
func (a *Assembler) Cbnz(w Width, r Reg, l Label) {
	a.ref(cbnzWord|w.sf()|a.gp(r, false), l, fix19)
}

func (a *Assembler) tb(base uint32, r Reg, bit uint8, l Label) {
	if bit > 63 {
		a.fail("test bit %d out of range", bit)
	}
	a.ref(base|uint32(bit>>5&1)<<31|uint32(bit&31)<<19|a.gp(r, false), l, fix14)
}

// Tbz emits TBZ r, #bit, l: branch to l (±32 KiB) if bit (0..63; below 32 tests a W register)
// of r is zero.
func (a *Assembler) Tbz(r Reg, bit uint8, l Label) { a.tb(tbzWord, r, bit, l) }

// Tbnz emits TBNZ r, #bit, l: branch to l (±32 KiB) if bit of r is one.
func (a *Assembler) Tbnz(r Reg, bit uint8, l Label) { a.tb(tbnzWord, r, bit, l) }

// CallRel26 emits BL with a zero offset and returns its offset, to be patched with
// [PutBranch26] once the callee's address is known.
func (a *Assembler) CallRel26() (site int) {
	site = len(a.buf)
	a.Word(blWord)
	return site
}

// JumpRel26 emits B with a zero offset and returns its offset, to be patched with
// [PutBranch26] (tail calls, veneers).
func (a *Assembler) JumpRel26() (site int) {
	site = len(a.buf)
	a.Word(bWord)
	return site
}

// Br emits BR r (indirect branch).
func (a *Assembler) Br(r Reg) { a.Word(brWord | a.gp(r, false)<<5) }

// Blr emits BLR r (indirect call).
func (a *Assembler) Blr(r Reg) { a.Word(blrWord | a.gp(r, false)<<5) }

// Ret emits RET (return to X30).
func (a *Assembler) Ret() { a.Word(retWord | 30<<5) }

// RetReg emits RET r.
func (a *Assembler) RetReg(r Reg) { a.Word(retWord | a.gp(r, false)<<5) }

// Brk emits BRK #imm16 (breakpoint; raises SIGTRAP under Linux).
func (a *Assembler) Brk(imm16 uint16) { a.Word(brkWord | uint32(imm16)<<5) }

// Svc emits SVC #imm16 (supervisor call: a Linux system call with the number in X8).
func (a *Assembler) Svc(imm16 uint16) { a.Word(0xd4000001 | uint32(imm16)<<5) }

// Udf emits UDF #imm16 (permanently undefined; raises SIGILL).
func (a *Assembler) Udf(imm16 uint16) { a.Word(udfWord | uint32(imm16)) }

// Nop emits NOP.
func (a *Assembler) Nop() { a.Word(nopWord) }

// Barrier is the option of a DMB or DSB: the shareability domain and the accesses ordered.
type Barrier uint8

// Barrier options, with their encodings (CRm).
const (
	OSHLD Barrier = 1
	OSHST Barrier = 2
	OSH   Barrier = 3
	NSHLD Barrier = 5
	NSHST Barrier = 6
	NSH   Barrier = 7
	ISHLD Barrier = 9
	ISHST Barrier = 10
	ISH   Barrier = 11
	LD    Barrier = 13
	ST    Barrier = 14
	SY    Barrier = 15
)

// Dmb emits DMB opt (data memory barrier).
func (a *Assembler) Dmb(opt Barrier) { a.Word(dmbWord | uint32(opt&15)<<8) }

// Dsb emits DSB opt (data synchronisation barrier). Options 0 and 4 are other instructions
// (SSBB, PSSBB) and are refused.
func (a *Assembler) Dsb(opt Barrier) {
	if opt&^15 != 0 || opt == 0 || opt == 4 {
		a.fail("dsb option %d", opt)
	}
	a.Word(dsbWord | uint32(opt&15)<<8)
}

// Isb emits ISB (instruction synchronisation barrier).
func (a *Assembler) Isb() { a.Word(isbWord) }

// DcCvau emits DC CVAU, r: clean the data cache line holding address r to the point of
// unification.
func (a *Assembler) DcCvau(r Reg) { a.Word(dcCvau | a.gp(r, false)) }

// IcIvau emits IC IVAU, r: invalidate the instruction cache line holding address r to the point
// of unification.
func (a *Assembler) IcIvau(r Reg) { a.Word(icIvau | a.gp(r, false)) }

// MrsCtrEl0 emits MRS r, CTR_EL0 (the cache type register: line sizes for cache maintenance).
func (a *Assembler) MrsCtrEl0(r Reg) { a.Word(mrsCtr | a.gp(r, false)) }
