package asm

// wfl returns the legacy prefix and flags for an integer operation of width w whose 8-bit
// variant takes byte registers in the positions given by byteFl.
func wfl(w Width, byteFl int) (byte, int) {
	switch w {
	case W8:
		return 0, byteFl
	case W16:
		return 0x66, 0
	case W64:
		return 0, fW
	}
	return 0, 0
}

// wop returns the opcode of the width-w variant of a family whose 16/32/64-bit opcode is o
// (odd) and whose 8-bit opcode is o with bit 0 cleared.
func wop(w Width, o byte) byte {
	if w == W8 {
		return o &^ 1
	}
	return o
}

func immLen(w Width) int {
	switch w {
	case W8:
		return 1
	case W16:
		return 2
	}
	return 4
}

// rr emits a one-byte-opcode family instruction "op rm, reg" in register form.
func (a *Assembler) rr(w Width, o byte, reg, rm Reg) {
	p, fl := wfl(w, fByteR|fByteRM)
	a.encRRr(p, fl, op1(wop(w, o)), reg, rm)
}

func (a *Assembler) rm(w Width, o byte, reg Reg, m Mem, tail int) {
	p, fl := wfl(w, fByteR)
	a.encRMg(p, fl, op1(wop(w, o)), reg, m, tail)
}

// AluOp selects one of the eight classic ALU operations (the ModRM.reg digit of opcodes 80-83).
type AluOp uint8

// ALU operations.
const (
	AluAdd AluOp = iota
	AluOr
	AluAdc
	AluSbb
	AluAnd
	AluSub
	AluXor
	AluCmp
)

// AluRR emits "op dst, src".
func (a *Assembler) AluRR(op AluOp, w Width, dst, src Reg) { a.rr(w, byte(op)<<3|1, src, dst) }

// AluRM emits "op dst, [m]".
func (a *Assembler) AluRM(op AluOp, w Width, dst Reg, m Mem) { a.rm(w, byte(op)<<3|3, dst, m, 0) }

// AluMR emits "op [m], src".
func (a *Assembler) AluMR(op AluOp, w Width, m Mem, src Reg) { a.rm(w, byte(op)<<3|1, src, m, 0) }

// AluRI emits "op dst, imm" (imm8 sign-extended when it fits, else imm16/imm32; W64 immediates
// are sign-extended from 32 bits).
func (a *Assembler) AluRI(op AluOp, w Width, dst Reg, imm int32) {
	p, fl := wfl(w, fByteRM)
	switch {
	case w == W8:
		a.encRRr(p, fl, op1(0x80), Reg(op), dst)
		a.imm(1, int64(imm))
	case imm == int32(int8(imm)):
		a.encRRr(p, fl, op1(0x83), Reg(op), dst)
		a.imm(1, int64(imm))
	default:
		a.encRRr(p, fl, op1(0x81), Reg(op), dst)
		a.imm(immLen(w), int64(imm))
	}
}

// AluMI emits "op [m], imm" (same immediate rules as AluRI).
func (a *Assembler) AluMI(op AluOp, w Width, m Mem, imm int32) {
	p, fl := wfl(w, 0)
	switch {
	case w == W8:
		a.encRMg(p, fl, op1(0x80), Reg(op), m, 1)
		a.imm(1, int64(imm))
	case imm == int32(int8(imm)):
		a.encRMg(p, fl, op1(0x83), Reg(op), m, 1)
		a.imm(1, int64(imm))
	default:
		n := immLen(w)
		a.encRMg(p, fl, op1(0x81), Reg(op), m, n)
		a.imm(n, int64(imm))
	}
}

// AddRR emits "add dst, src".
func (a *Assembler) AddRR(w Width, dst, src Reg) { a.AluRR(AluAdd, w, dst, src) }

// AddRI emits "add dst, imm".
func (a *Assembler) AddRI(w Width, dst Reg, imm int32) { a.AluRI(AluAdd, w, dst, imm) }

// AddRM emits "add dst, [m]".
func (a *Assembler) AddRM(w Width, dst Reg, m Mem) { a.AluRM(AluAdd, w, dst, m) }

// AddMR emits "add [m], src".
func (a *Assembler) AddMR(w Width, m Mem, src Reg) { a.AluMR(AluAdd, w, m, src) }

// AddMI emits "add [m], imm".
func (a *Assembler) AddMI(w Width, m Mem, imm int32) { a.AluMI(AluAdd, w, m, imm) }

// OrRR emits "or dst, src".
func (a *Assembler) OrRR(w Width, dst, src Reg) { a.AluRR(AluOr, w, dst, src) }

// OrRI emits "or dst, imm".
func (a *Assembler) OrRI(w Width, dst Reg, imm int32) { a.AluRI(AluOr, w, dst, imm) }

// OrRM emits "or dst, [m]".
func (a *Assembler) OrRM(w Width, dst Reg, m Mem) { a.AluRM(AluOr, w, dst, m) }

// OrMR emits "or [m], src".
func (a *Assembler) OrMR(w Width, m Mem, src Reg) { a.AluMR(AluOr, w, m, src) }

// OrMI emits "or [m], imm".
func (a *Assembler) OrMI(w Width, m Mem, imm int32) { a.AluMI(AluOr, w, m, imm) }

// AdcRR emits "adc dst, src".
func (a *Assembler) AdcRR(w Width, dst, src Reg) { a.AluRR(AluAdc, w, dst, src) }

// AdcRI emits "adc dst, imm".
func (a *Assembler) AdcRI(w Width, dst Reg, imm int32) { a.AluRI(AluAdc, w, dst, imm) }

// SbbRR emits "sbb dst, src".
func (a *Assembler) SbbRR(w Width, dst, src Reg) { a.AluRR(AluSbb, w, dst, src) }

// SbbRI emits "sbb dst, imm".
func (a *Assembler) SbbRI(w Width, dst Reg, imm int32) { a.AluRI(AluSbb, w, dst, imm) }

// AndRR emits "and dst, src".
func (a *Assembler) AndRR(w Width, dst, src Reg) { a.AluRR(AluAnd, w, dst, src) }

// AndRI emits "and dst, imm".
func (a *Assembler) AndRI(w Width, dst Reg, imm int32) { a.AluRI(AluAnd, w, dst, imm) }

// AndRM emits "and dst, [m]".
func (a *Assembler) AndRM(w Width, dst Reg, m Mem) { a.AluRM(AluAnd, w, dst, m) }

// AndMR emits "and [m], src".
func (a *Assembler) AndMR(w Width, m Mem, src Reg) { a.AluMR(AluAnd, w, m, src) }

// AndMI emits "and [m], imm".
func (a *Assembler) AndMI(w Width, m Mem, imm int32) { a.AluMI(AluAnd, w, m, imm) }

// SubRR emits "sub dst, src".
func (a *Assembler) SubRR(w Width, dst, src Reg) { a.AluRR(AluSub, w, dst, src) }

// SubRI emits "sub dst, imm".
func (a *Assembler) SubRI(w Width, dst Reg, imm int32) { a.AluRI(AluSub, w, dst, imm) }

// SubRM emits "sub dst, [m]".
func (a *Assembler) SubRM(w Width, dst Reg, m Mem) { a.AluRM(AluSub, w, dst, m) }

// SubMR emits "sub [m], src".
func (a *Assembler) SubMR(w Width, m Mem, src Reg) { a.AluMR(AluSub, w, m, src) }

// SubMI emits "sub [m], imm".
func (a *Assembler) SubMI(w Width, m Mem, imm int32) { a.AluMI(AluSub, w, m, imm) }

// XorRR emits "xor dst, src".
func (a *Assembler) XorRR(w Width, dst, src Reg) { a.AluRR(AluXor, w, dst, src) }

// XorRI emits "xor dst, imm".
func (a *Assembler) XorRI(w Width, dst Reg, imm int32) { a.AluRI(AluXor, w, dst, imm) }

// XorRM emits "xor dst, [m]".
func (a *Assembler) XorRM(w Width, dst Reg, m Mem) { a.AluRM(AluXor, w, dst, m) }

// XorMR emits "xor [m], src".
func (a *Assembler) XorMR(w Width, m Mem, src Reg) { a.AluMR(AluXor, w, m, src) }

// XorMI emits "xor [m], imm".
func (a *Assembler) XorMI(w Width, m Mem, imm int32) { a.AluMI(AluXor, w, m, imm) }

// CmpRR emits "cmp a, b" (flags of a-b).
func (a *Assembler) CmpRR(w Width, x, y Reg) { a.AluRR(AluCmp, w, x, y) }

// CmpRI emits "cmp x, imm".
func (a *Assembler) CmpRI(w Width, x Reg, imm int32) { a.AluRI(AluCmp, w, x, imm) }

// CmpRM emits "cmp x, [m]".
func (a *Assembler) CmpRM(w Width, x Reg, m Mem) { a.AluRM(AluCmp, w, x, m) }

// CmpMR emits "cmp [m], y".
func (a *Assembler) CmpMR(w Width, m Mem, y Reg) { a.AluMR(AluCmp, w, m, y) }

// CmpMI emits "cmp [m], imm".
func (a *Assembler) CmpMI(w Width, m Mem, imm int32) { a.AluMI(AluCmp, w, m, imm) }

// TestRR emits "test x, y".
func (a *Assembler) TestRR(w Width, x, y Reg) { a.rr(w, 0x85, y, x) }

// TestMR emits "test [m], y".
func (a *Assembler) TestMR(w Width, m Mem, y Reg) { a.rm(w, 0x85, y, m, 0) }

// TestRI emits "test x, imm" (imm8/16/32 by width; W64 sign-extends imm32).
func (a *Assembler) TestRI(w Width, x Reg, imm int32) {
	p, fl := wfl(w, fByteRM)
	a.encRRr(p, fl, op1(wop(w, 0xf7)), 0, x)
	a.imm(immLen(w), int64(imm))
}

// TestMI emits "test [m], imm".
func (a *Assembler) TestMI(w Width, m Mem, imm int32) {
	p, fl := wfl(w, 0)
	n := immLen(w)
	a.encRMg(p, fl, op1(wop(w, 0xf7)), 0, m, n)
	a.imm(n, int64(imm))
}

// MovRR emits "mov dst, src". A W32 move zero-extends into the upper 32 bits.
func (a *Assembler) MovRR(w Width, dst, src Reg) { a.rr(w, 0x89, src, dst) }

// MovRM emits the load "mov dst, [m]".
func (a *Assembler) MovRM(w Width, dst Reg, m Mem) { a.rm(w, 0x8b, dst, m, 0) }

// MovMR emits the store "mov [m], src".
func (a *Assembler) MovMR(w Width, m Mem, src Reg) { a.rm(w, 0x89, src, m, 0) }

// MovRI emits "mov dst, imm": B8+r for W8/W16/W32 (W32 zero-extends), C7 /0 with a sign-extended
// imm32 for W64.
func (a *Assembler) MovRI(w Width, dst Reg, imm int32) {
	p, fl := wfl(w, 0)
	if w == W64 {
		a.encRR(p, fl, op1(0xc7), 0, a.ge(dst))
		a.imm(4, int64(imm))
		return
	}
	o := byte(0xb8)
	if w == W8 {
		o = 0xb0
		if byteNeedsRex(dst) {
			fl |= fRex
		}
	}
	a.opReg(p, fl, o, dst)
	a.imm(immLen(w), int64(imm))
}

// opReg emits [pfx] [REX] (o + reg&7).
func (a *Assembler) opReg(pfx byte, fl int, o byte, r Reg) {
	if pfx != 0 {
		a.buf = append(a.buf, pfx)
	}
	rex := byte(0x40) | a.ge(r)>>3
	if fl&fW != 0 {
		rex |= 8
	}
	if rex != 0x40 || fl&fRex != 0 {
		a.buf = append(a.buf, rex)
	}
	a.buf = append(a.buf, o+a.ge(r)&7)
}

// MovImm64 emits "movabs dst, imm64" (always the 10-byte form).
func (a *Assembler) MovImm64(dst Reg, imm int64) {
	a.opReg(0, fW, 0xb8, dst)
	a.imm(8, imm)
}

// MovImm loads the constant v into dst with the shortest mov: 32-bit mov when v (or, for W32,
// its low 32 bits) fits in 32 unsigned bits, sign-extended imm32 when it fits, movabs otherwise.
// Flags are not affected.
func (a *Assembler) MovImm(w Width, dst Reg, v int64) {
	if w != W64 || v == int64(uint32(v)) {
		a.MovRI(W32, dst, int32(v))
		return
	}
	if v == int64(int32(v)) {
		a.MovRI(W64, dst, int32(v))
		return
	}
	a.MovImm64(dst, v)
}

// MovMI emits "mov [m], imm" (imm8/16/32 by width; W64 sign-extends imm32).
func (a *Assembler) MovMI(w Width, m Mem, imm int32) {
	p, fl := wfl(w, 0)
	n := immLen(w)
	a.encRMg(p, fl, op1(wop(w, 0xc7)), 0, m, n)
	a.imm(n, int64(imm))
}

func movxOp(sw Width, o byte) opcode {
	if sw == W16 {
		return op2(0x0f, o+1)
	}
	return op2(0x0f, o)
}

// MovzxRR emits "movzx dst, src" zero-extending the sw-bit (W8 or W16) src into the dw-bit
// (W16, W32 or W64) dst.
func (a *Assembler) MovzxRR(dw, sw Width, dst, src Reg) {
	p, fl := wfl(dw, 0)
	if sw == W8 {
		fl |= fByteRM
	}
	a.encRRr(p, fl, movxOp(sw, 0xb6), dst, src)
}

// MovzxRM emits "movzx dst, byte/word [m]".
func (a *Assembler) MovzxRM(dw, sw Width, dst Reg, m Mem) {
	p, fl := wfl(dw, 0)
	a.encRMg(p, fl, movxOp(sw, 0xb6), dst, m, 0)
}

// MovsxRR emits "movsx dst, src" sign-extending the sw-bit (W8 or W16) src into the dw-bit dst.
func (a *Assembler) MovsxRR(dw, sw Width, dst, src Reg) {
	p, fl := wfl(dw, 0)
	if sw == W8 {
		fl |= fByteRM
	}
	a.encRRr(p, fl, movxOp(sw, 0xbe), dst, src)
}

// MovsxRM emits "movsx dst, byte/word [m]".
func (a *Assembler) MovsxRM(dw, sw Width, dst Reg, m Mem) {
	p, fl := wfl(dw, 0)
	a.encRMg(p, fl, movxOp(sw, 0xbe), dst, m, 0)
}

// MovsxdRR emits "movsxd dst, src32" (64-bit sign extension of a 32-bit register).
func (a *Assembler) MovsxdRR(dst, src Reg) { a.encRR(0, fW, op1(0x63), a.ge(dst), a.ge(src)) }

// MovsxdRM emits "movsxd dst, dword [m]".
func (a *Assembler) MovsxdRM(dst Reg, m Mem) { a.encRMg(0, fW, op1(0x63), dst, m, 0) }

// LeaRM emits "lea dst, [m]" (W32 or W64 destination).
func (a *Assembler) LeaRM(w Width, dst Reg, m Mem) {
	p, fl := wfl(w, 0)
	a.encRMg(p, fl, op1(0x8d), dst, m, 0)
}

// ImulRR emits "imul dst, src" (W16, W32, W64).
func (a *Assembler) ImulRR(w Width, dst, src Reg) {
	p, fl := wfl(w, 0)
	a.encRR(p, fl, op2(0x0f, 0xaf), a.ge(dst), a.ge(src))
}

// ImulRM emits "imul dst, [m]".
func (a *Assembler) ImulRM(w Width, dst Reg, m Mem) {
	p, fl := wfl(w, 0)
	a.encRMg(p, fl, op2(0x0f, 0xaf), dst, m, 0)
}

// ImulRRI emits "imul dst, src, imm" (imm8 when it fits, else imm16/imm32).
func (a *Assembler) ImulRRI(w Width, dst, src Reg, imm int32) {
	p, fl := wfl(w, 0)
	if imm == int32(int8(imm)) {
		a.encRR(p, fl, op1(0x6b), a.ge(dst), a.ge(src))
		a.imm(1, int64(imm))
		return
	}
	a.encRR(p, fl, op1(0x69), a.ge(dst), a.ge(src))
	a.imm(immLen(w), int64(imm))
}

// group3/group5 style unary ops: opcode o (odd, 8-bit variant o&^1), ModRM.reg = digit.
func (a *Assembler) unaryR(w Width, o, digit byte, r Reg) {
	p, fl := wfl(w, fByteRM)
	a.encRRr(p, fl, op1(wop(w, o)), Reg(digit), r)
}

func (a *Assembler) unaryM(w Width, o, digit byte, m Mem) {
	p, fl := wfl(w, 0)
	a.encRMg(p, fl, op1(wop(w, o)), Reg(digit), m, 0)
}

// NotR emits "not r".
func (a *Assembler) NotR(w Width, r Reg) { a.unaryR(w, 0xf7, 2, r) }

// NegR emits "neg r".
func (a *Assembler) NegR(w Width, r Reg) { a.unaryR(w, 0xf7, 3, r) }

// MulR emits "mul r" (unsigned rdx:rax = rax * r).
func (a *Assembler) MulR(w Width, r Reg) { a.unaryR(w, 0xf7, 4, r) }

// ImulR emits the one-operand "imul r" (signed rdx:rax = rax * r).
func (a *Assembler) ImulR(w Width, r Reg) { a.unaryR(w, 0xf7, 5, r) }

// DivR emits "div r" (unsigned rdx:rax / r).
func (a *Assembler) DivR(w Width, r Reg) { a.unaryR(w, 0xf7, 6, r) }

// IdivR emits "idiv r" (signed rdx:rax / r).
func (a *Assembler) IdivR(w Width, r Reg) { a.unaryR(w, 0xf7, 7, r) }

// NotM emits "not [m]".
func (a *Assembler) NotM(w Width, m Mem) { a.unaryM(w, 0xf7, 2, m) }

// NegM emits "neg [m]".
func (a *Assembler) NegM(w Width, m Mem) { a.unaryM(w, 0xf7, 3, m) }

// MulM emits "mul [m]".
func (a *Assembler) MulM(w Width, m Mem) { a.unaryM(w, 0xf7, 4, m) }

// DivM emits "div [m]".
func (a *Assembler) DivM(w Width, m Mem) { a.unaryM(w, 0xf7, 6, m) }

// IdivM emits "idiv [m]".
func (a *Assembler) IdivM(w Width, m Mem) { a.unaryM(w, 0xf7, 7, m) }

// IncR emits "inc r".
func (a *Assembler) IncR(w Width, r Reg) { a.unaryR(w, 0xff, 0, r) }

// DecR emits "dec r".
func (a *Assembler) DecR(w Width, r Reg) { a.unaryR(w, 0xff, 1, r) }

// IncM emits "inc [m]".
func (a *Assembler) IncM(w Width, m Mem) { a.unaryM(w, 0xff, 0, m) }

// DecM emits "dec [m]" (sets ZF/SF; used for the interruption budget).
func (a *Assembler) DecM(w Width, m Mem) { a.unaryM(w, 0xff, 1, m) }

// Cdq emits "cdq" (sign-extend eax into edx).
func (a *Assembler) Cdq() { a.byte1(0x99) }

// Cqo emits "cqo" (sign-extend rax into rdx).
func (a *Assembler) Cqo() { a.buf = append(a.buf, 0x48, 0x99) }

// ShiftOp selects a shift or rotate (the ModRM.reg digit of opcodes C0/C1/D2/D3).
type ShiftOp uint8

// Shift and rotate operations.
const (
	Rol ShiftOp = 0
	Ror ShiftOp = 1
	Shl ShiftOp = 4
	Shr ShiftOp = 5
	Sar ShiftOp = 7
)

// ShiftRCL emits "op r, cl".
func (a *Assembler) ShiftRCL(op ShiftOp, w Width, r Reg) { a.unaryR(w, 0xd3, byte(op), r) }

// ShiftRI emits "op r, imm8".
func (a *Assembler) ShiftRI(op ShiftOp, w Width, r Reg, imm uint8) {
	a.unaryR(w, 0xc1, byte(op), r)
	a.byte1(imm)
}

// ShiftMCL emits "op [m], cl".
func (a *Assembler) ShiftMCL(op ShiftOp, w Width, m Mem) { a.unaryM(w, 0xd3, byte(op), m) }

// ShiftMI emits "op [m], imm8".
func (a *Assembler) ShiftMI(op ShiftOp, w Width, m Mem, imm uint8) {
	p, fl := wfl(w, 0)
	a.encRMg(p, fl, op1(wop(w, 0xc1)), Reg(op), m, 1)
	a.byte1(imm)
}

// bit-count family: [F3] 0F xx /r.
func (a *Assembler) bitRR(pfx, o byte, w Width, dst, src Reg) {
	_, fl := wfl(w, 0)
	if w == W16 {
		a.byte1(0x66)
	}
	a.encRR(pfx, fl, op2(0x0f, o), a.ge(dst), a.ge(src))
}

func (a *Assembler) bitRM(pfx, o byte, w Width, dst Reg, m Mem) {
	_, fl := wfl(w, 0)
	if w == W16 {
		a.byte1(0x66)
	}
	a.encRMg(pfx, fl, op2(0x0f, o), dst, m, 0)
}

// LzcntRR emits "lzcnt dst, src" (ABM/LZCNT feature).
func (a *Assembler) LzcntRR(w Width, dst, src Reg) { a.bitRR(0xf3, 0xbd, w, dst, src) }

// TzcntRR emits "tzcnt dst, src" (BMI1 feature).
func (a *Assembler) TzcntRR(w Width, dst, src Reg) { a.bitRR(0xf3, 0xbc, w, dst, src) }

// PopcntRR emits "popcnt dst, src" (POPCNT feature).
func (a *Assembler) PopcntRR(w Width, dst, src Reg) { a.bitRR(0xf3, 0xb8, w, dst, src) }

// BsrRR emits "bsr dst, src".
func (a *Assembler) BsrRR(w Width, dst, src Reg) { a.bitRR(0, 0xbd, w, dst, src) }

// BsfRR emits "bsf dst, src".
func (a *Assembler) BsfRR(w Width, dst, src Reg) { a.bitRR(0, 0xbc, w, dst, src) }

// LzcntRM emits "lzcnt dst, [m]".
func (a *Assembler) LzcntRM(w Width, dst Reg, m Mem) { a.bitRM(0xf3, 0xbd, w, dst, m) }

// TzcntRM emits "tzcnt dst, [m]".
func (a *Assembler) TzcntRM(w Width, dst Reg, m Mem) { a.bitRM(0xf3, 0xbc, w, dst, m) }

// PopcntRM emits "popcnt dst, [m]".
func (a *Assembler) PopcntRM(w Width, dst Reg, m Mem) { a.bitRM(0xf3, 0xb8, w, dst, m) }

// BsrRM emits "bsr dst, [m]".
func (a *Assembler) BsrRM(w Width, dst Reg, m Mem) { a.bitRM(0, 0xbd, w, dst, m) }

// BsfRM emits "bsf dst, [m]".
func (a *Assembler) BsfRM(w Width, dst Reg, m Mem) { a.bitRM(0, 0xbc, w, dst, m) }

// BswapR emits "bswap r" (W32 or W64).
func (a *Assembler) BswapR(w Width, r Reg) {
	_, fl := wfl(w, 0)
	rex := byte(0x40) | a.ge(r)>>3
	if fl&fW != 0 {
		rex |= 8
	}
	if rex != 0x40 {
		a.byte1(rex)
	}
	a.buf = append(a.buf, 0x0f, 0xc8+a.ge(r)&7)
}

// SetccR emits "setcc r8" (writes only the low byte of r).
func (a *Assembler) SetccR(c Cond, r Reg) {
	a.encRRr(0, fByteRM, op2(0x0f, 0x90|byte(c&15)), 0, r)
}

// SetccM emits "setcc byte [m]".
func (a *Assembler) SetccM(c Cond, m Mem) { a.encRMg(0, 0, op2(0x0f, 0x90|byte(c&15)), 0, m, 0) }

// CmovccRR emits "cmovcc dst, src" (W16, W32, W64).
func (a *Assembler) CmovccRR(c Cond, w Width, dst, src Reg) {
	p, fl := wfl(w, 0)
	a.encRR(p, fl, op2(0x0f, 0x40|byte(c&15)), a.ge(dst), a.ge(src))
}

// CmovccRM emits "cmovcc dst, [m]".
func (a *Assembler) CmovccRM(c Cond, w Width, dst Reg, m Mem) {
	p, fl := wfl(w, 0)
	a.encRMg(p, fl, op2(0x0f, 0x40|byte(c&15)), dst, m, 0)
}

// XchgRR emits "xchg x, y".
func (a *Assembler) XchgRR(w Width, x, y Reg) { a.rr(w, 0x87, y, x) }

// XchgMR emits "xchg [m], y" (implicitly locked).
func (a *Assembler) XchgMR(w Width, m Mem, y Reg) { a.rm(w, 0x87, y, m, 0) }

// PushR emits "push r".
func (a *Assembler) PushR(r Reg) { a.opReg(0, 0, 0x50, r) }

// PopR emits "pop r".
func (a *Assembler) PopR(r Reg) { a.opReg(0, 0, 0x58, r) }

// PushI emits "push imm32" (sign-extended to 64 bits).
func (a *Assembler) PushI(imm int32) {
	a.byte1(0x68)
	a.imm(4, int64(imm))
}

// CallR emits "call r".
func (a *Assembler) CallR(r Reg) { a.encRR(0, 0, op1(0xff), 2, a.ge(r)) }

// CallM emits "call qword [m]".
func (a *Assembler) CallM(m Mem) { a.encRMg(0, 0, op1(0xff), 2, m, 0) }

// JmpR emits "jmp r".
func (a *Assembler) JmpR(r Reg) { a.encRR(0, 0, op1(0xff), 4, a.ge(r)) }

// JmpM emits "jmp qword [m]".
func (a *Assembler) JmpM(m Mem) { a.encRMg(0, 0, op1(0xff), 4, m, 0) }

// Ret emits "ret".
func (a *Assembler) Ret() { a.byte1(0xc3) }

// Ud2 emits "ud2".
func (a *Assembler) Ud2() { a.buf = append(a.buf, 0x0f, 0x0b) }

// Int3 emits "int3".
func (a *Assembler) Int3() { a.byte1(0xcc) }

// Mfence emits "mfence".
func (a *Assembler) Mfence() { a.buf = append(a.buf, 0x0f, 0xae, 0xf0) }

// Pause emits "pause".
func (a *Assembler) Pause() { a.buf = append(a.buf, 0xf3, 0x90) }

// nops holds the recommended multi-byte NOP sequences of lengths 1..9.
var nops = [10][]byte{
	nil,
	{0x90},
	{0x66, 0x90},
	{0x0f, 0x1f, 0x00},
	{0x0f, 0x1f, 0x40, 0x00},
	{0x0f, 0x1f, 0x44, 0x00, 0x00},
	{0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
	{0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
	{0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
	{0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
}

// Nop emits n bytes of NOP instructions, using multi-byte NOPs of up to 9 bytes.
func (a *Assembler) Nop(n int) {
	for n > 0 {
		k := min(n, 9)
		a.buf = append(a.buf, nops[k]...)
		n -= k
	}
}

// ge returns the encoding of the general-purpose register r, recording an error when r is not
// one (an XMM register passed to an integer instruction is a compiler bug, not bad code).
func (a *Assembler) ge(r Reg) byte {
	if r > R15 {
		a.fail("%v is not a general-purpose register", r)
	}
	return byte(r) & 15
}

// encRMg is encRM for integer instructions: the ModRM.reg operand must be a general-purpose
// register (or an opcode digit).
func (a *Assembler) encRMg(pfx byte, fl int, o opcode, reg Reg, m Mem, tail int) {
	if reg > R15 {
		a.fail("%v is not a general-purpose register", reg)
	}
	a.encRM(pfx, fl, o, reg, m, tail)
}

// AluRI32 emits "op dst, imm32" always in the 4-byte-immediate form (W32 or W64) and returns
// the offset of the immediate, to be filled in later with PatchInt32 (e.g. a frame size known
// only at the end of the function).
func (a *Assembler) AluRI32(op AluOp, w Width, dst Reg, imm int32) (site int) {
	p, fl := wfl(w, 0)
	if w != W32 && w != W64 {
		a.fail("AluRI32: width %d", w)
	}
	a.encRRr(p, fl, op1(0x81), Reg(op), dst)
	site = len(a.buf)
	a.imm(4, int64(imm))
	return site
}

// MovImm64Site emits "movabs dst, 0" and returns the offset of the 8-byte immediate, to be
// filled in with PatchInt64 (or directly in the placed code) once the value is known.
func (a *Assembler) MovImm64Site(dst Reg) (site int) {
	a.MovImm64(dst, 0)
	return len(a.buf) - 8
}
