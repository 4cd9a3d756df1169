// Package asm is wasmrun's own x86-64 assembler: it appends machine code for a fixed set of
// instruction forms to a byte buffer, with labels, rel8/rel32 branches, RIP-relative references
// to labels, data emission and patch sites that the JIT resolves after code layout.
//
// # Naming scheme
//
// Integer instructions are methods named <Mnemonic><Form>, where the form lists the operands in
// Intel order (destination first) with one letter each: R a register, M a memory operand ([Mem]),
// I an immediate. The first argument is the operand [Width] where the instruction has several:
//
//	a.AddRR(asm.W64, asm.RAX, asm.RCX)          // add rax, rcx
//	a.AddRI(asm.W32, asm.RDX, 7)                // add edx, 7
//	a.MovRM(asm.W64, asm.RAX, asm.Mem{Base: asm.R12, Disp: 8}) // mov rax, [r12+8]
//	a.MovMR(asm.W8, asm.Mem{Base: asm.RDI, Index: asm.RSI, Scale: 1}, asm.RSI) // mov [rdi+rsi], sil
//
// Families take their selector first: AluRR/RI/RM/MR/MI(op [AluOp], w, ...) for the eight ALU
// operations (AddRR etc. are shorthands), ShiftRCL/RI/MCL/MI(op [ShiftOp], w, ...),
// SetccR/M, CmovccRR/RM and Jcc(c [Cond], ...). Extensions take both widths:
// MovzxRR(dstW, srcW, dst, src). Instructions without operands are plain names (Ret, Cqo, Ud2).
//
// SSE/SSE2/SSSE3/SSE4.1/SSE4.2 instructions (scalar floats and 128-bit SIMD) are described by
// [SseOp] constants named after the Intel mnemonic (PADDD, ADDSD, ROUNDSS...) and emitted through
// a handful of form methods:
//
//	a.SseRR(asm.PADDD, asm.X1, asm.X2)          // paddd xmm1, xmm2
//	a.SseRM(asm.MOVSD, asm.X0, m)               // movsd xmm0, qword [m]
//	a.SseMR(asm.MOVDQU, m, asm.X3)              // movdqu [m], xmm3 (store forms)
//	a.SseRRI(asm.PSHUFD, asm.X1, asm.X2, 0x1b)  // pshufd xmm1, xmm2, 0x1b
//	a.SseRI(asm.PSRLQ, asm.X4, 3)               // psrlq xmm4, 3 (shift-by-immediate forms)
//
// Forms that mix general-purpose and XMM registers (MOVD/MOVQ, CVTSI2SD, CVTTSD2SI, PEXTR*,
// PINSR*, PMOVMSKB, EXTRACTPS...) are SseOp constants too; the operand classes are documented on
// each constant and [SseOp.Info] reports them.
//
// # Memory operands
//
// [Mem] is {Base, Index, Scale, Disp}. Scale 0 means "no index" (so Mem{Base: RBX, Disp: 8} is
// [rbx+8]); otherwise Scale is 1, 2, 4 or 8. Base may be [NoReg] (absolute disp32) or [RIP]
// (disp relative to the end of the instruction); [LabelMem] makes a RIP-relative reference to a
// label. RSP/R12 as a base get their SIB byte and RBP/R13 their displacement automatically; RSP
// cannot be an index.
//
// # Labels and patch sites
//
// [Assembler.NewLabel] creates a label, [Assembler.Bind] places it. [Assembler.Jmp],
// [Assembler.Jcc] and [Assembler.Call] use rel8 for a label already bound within range and rel32
// otherwise; [Assembler.JmpShort] and [Assembler.JccShort] always use rel8 (Finalize fails if the
// target is out of range). Forward references are resolved by [Assembler.Finalize], which fails
// if a referenced label was never bound (unreferenced unbound labels are fine).
// [Assembler.LeaRIP] and [LabelMem] reference a label RIP-relatively (constants and tables placed
// after the code with [Assembler.AlignData], [Assembler.Quad], [Assembler.Bytes]...).
// [Assembler.JumpTable] emits a br_table table of int32 offsets relative to the table label.
//
// Patch sites are offsets into the code returned by the emitting method: [Assembler.CallRel32],
// [Assembler.JmpRel32] and [Assembler.JccRel32] return the offset of a rel32 displacement that
// the caller resolves after layout with [PutRel32]; [Assembler.AluRI32] and
// [Assembler.MovImm64Site] return the offset of an immediate filled in later with
// [Assembler.PatchInt32] or [Assembler.PatchInt64] (a frame size, an absolute address).
//
// # Errors
//
// Methods do not return errors: the first impossible request (an XMM register in an integer
// instruction or the wrong register class for an SSE operand, RSP as an index, an op form that
// does not exist, an unknown label, a label bound twice, a bad alignment) is recorded and
// returned by Finalize, so a compiler bug never turns into silently wrong machine code.
//
// # CPU features and idioms
//
// LZCNT needs ABM/LZCNT, TZCNT needs BMI1, POPCNT needs POPCNT (use BSR/BSF otherwise); SseOp
// constants name their feature beyond SSE2 (SSE3, SSSE3, SSE4.1, SSE4.2 for PCMPGTQ). Zero an XMM
// register with SseRR(PXOR, x, x) or SseRR(XORPS, x, x); all ones with SseRR(PCMPEQD, x, x).
// Zero a general-purpose register with XorRR(W32, r, r) (clobbers flags) or MovImm (does not).
//
// The assembler never allocates per instruction beyond growing its buffers (Reset keeps them),
// keeps no maps and is deterministic.
package asm

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Reg is a register: a general-purpose register (RAX..R15), an XMM register (X0..X15), or one of
// the pseudo registers [RIP] and [NoReg] used in memory operands.
type Reg uint8

// General-purpose registers, in hardware encoding order.
const (
	RAX Reg = iota
	RCX
	RDX
	RBX
	RSP
	RBP
	RSI
	RDI
	R8
	R9
	R10
	R11
	R12
	R13
	R14
	R15
)

// XMM registers.
const (
	X0 Reg = 16 + iota
	X1
	X2
	X3
	X4
	X5
	X6
	X7
	X8
	X9
	X10
	X11
	X12
	X13
	X14
	X15
)

// Pseudo registers for memory operands.
const (
	// RIP as a Mem base makes the displacement relative to the end of the instruction.
	RIP Reg = 32
	// ripLabel as a Mem base means Disp holds a Label to reference RIP-relatively.
	ripLabel Reg = 33
	// NoReg as a Mem base means "no base register" (absolute 32-bit displacement).
	NoReg Reg = 0xff
)

var regNames = [...]string{
	"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
	"xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
	"rip", "label",
}

// String returns the register's Intel name (64-bit name for general-purpose registers).
func (r Reg) String() string {
	if int(r) < len(regNames) {
		return regNames[r]
	}
	if r == NoReg {
		return "noreg"
	}
	return fmt.Sprintf("reg(%d)", uint8(r))
}

// IsXMM reports whether r is one of X0..X15.
func (r Reg) IsXMM() bool { return r >= X0 && r <= X15 }

// IsGPR reports whether r is one of RAX..R15.
func (r Reg) IsGPR() bool { return r <= R15 }

// enc is the 4-bit hardware number of r.
func (r Reg) enc() byte { return byte(r) & 15 }

// Width is an integer operand size.
type Width uint8

// Operand widths.
const (
	W8  Width = 1
	W16 Width = 2
	W32 Width = 4
	W64 Width = 8
)

// Cond is a condition code, in hardware encoding order (the low nibble of Jcc/SETcc/CMOVcc).
type Cond uint8

// Condition codes. Unsigned comparisons use B/BE/A/AE, signed ones L/LE/G/GE.
const (
	CondO  Cond = 0x0 // overflow
	CondNO Cond = 0x1 // no overflow
	CondB  Cond = 0x2 // below (unsigned <), carry
	CondAE Cond = 0x3 // above or equal (unsigned >=), no carry
	CondE  Cond = 0x4 // equal, zero
	CondNE Cond = 0x5 // not equal, not zero
	CondBE Cond = 0x6 // below or equal (unsigned <=)
	CondA  Cond = 0x7 // above (unsigned >)
	CondS  Cond = 0x8 // sign
	CondNS Cond = 0x9 // no sign
	CondP  Cond = 0xa // parity (unordered after UCOMIS*)
	CondNP Cond = 0xb // no parity
	CondL  Cond = 0xc // less (signed <)
	CondGE Cond = 0xd // greater or equal (signed >=)
	CondLE Cond = 0xe // less or equal (signed <=)
	CondG  Cond = 0xf // greater (signed >)
)

// Invert returns the negated condition.
func (c Cond) Invert() Cond { return c ^ 1 }

// Mem is a memory operand [Base + Index*Scale + Disp]. Scale 0 means no index register.
type Mem struct {
	Base  Reg
	Index Reg
	Scale uint8
	Disp  int32
}

// LabelMem returns a RIP-relative memory operand addressing label l.
func LabelMem(l Label) Mem { return Mem{Base: ripLabel, Disp: int32(l)} }

// Label identifies a code position, created by [Assembler.NewLabel] and placed by
// [Assembler.Bind].
type Label int32

type fixKind uint8

const (
	fixRel32  fixKind = iota // rel32 relative to at+4+tail
	fixDiff32                // int32 label - base label
	fixAbs32                 // uint32 offset of label from the start of the buffer
	fixRel8                  // rel8 relative to at+1
)

type fixup struct {
	at    int32 // offset of the 4 bytes to patch
	label Label
	kind  fixKind
	tail  int8  // rel32: bytes of the instruction after the displacement
	base  Label // diff32: base label
}

// Assembler appends x86-64 machine code to a buffer. The zero value is ready to use.
type Assembler struct {
	buf    []byte
	labels []int32 // label -> offset, -1 while unbound
	fixups []fixup
	err    error
}

// Reset empties the assembler for reuse, keeping its buffers.
func (a *Assembler) Reset() {
	a.buf = a.buf[:0]
	a.labels = a.labels[:0]
	a.fixups = a.fixups[:0]
	a.err = nil
}

// Len returns the number of bytes emitted so far (the offset of the next instruction).
func (a *Assembler) Len() int { return len(a.buf) }

// Code returns the bytes emitted so far, without resolving pending label references; use
// [Assembler.Finalize] for the finished code.
func (a *Assembler) Code() []byte { return a.buf }

// Err returns the first encoding error recorded, if any.
func (a *Assembler) Err() error { return a.err }

func (a *Assembler) fail(format string, args ...any) {
	if a.err == nil {
		a.err = fmt.Errorf("asm: at offset %d: "+format, append([]any{len(a.buf)}, args...)...)
	}
}

// NewLabel returns a fresh unbound label.
func (a *Assembler) NewLabel() Label {
	a.labels = append(a.labels, -1)
	return Label(len(a.labels) - 1)
}

// Bind places l at the current offset. Binding a label twice is an error.
func (a *Assembler) Bind(l Label) {
	if !a.validLabel(l) {
		return
	}
	if a.labels[l] >= 0 {
		a.fail("label %d bound twice", l)
		return
	}
	a.labels[l] = int32(len(a.buf))
}

// LabelOffset returns the offset l is bound to, and whether it is bound.
func (a *Assembler) LabelOffset(l Label) (int, bool) {
	if l < 0 || int(l) >= len(a.labels) || a.labels[l] < 0 {
		return 0, false
	}
	return int(a.labels[l]), true
}

func (a *Assembler) validLabel(l Label) bool {
	if l < 0 || int(l) >= len(a.labels) {
		a.fail("unknown label %d", l)
		return false
	}
	return true
}

// Finalize resolves every label reference and returns the code. It fails if a referenced label
// was never bound or if an encoding error was recorded. The returned slice aliases the
// assembler's buffer until the next Reset.
func (a *Assembler) Finalize() ([]byte, error) {
	if a.err != nil {
		return nil, a.err
	}
	for _, f := range a.fixups {
		t := a.labels[f.label]
		if t < 0 {
			return nil, fmt.Errorf("asm: label %d referenced at offset %d is never bound", f.label, f.at)
		}
		var v int32
		switch f.kind {
		case fixRel8:
			d := t - (f.at + 1)
			if d < -128 || d > 127 {
				return nil, fmt.Errorf("asm: short branch at offset %d to label %d at %d is out of rel8 range", f.at-1, f.label, t)
			}
			a.buf[f.at] = byte(d)
			continue
		case fixRel32:
			v = t - (f.at + 4 + int32(f.tail))
		case fixDiff32:
			b := a.labels[f.base]
			if b < 0 {
				return nil, fmt.Errorf("asm: label %d referenced at offset %d is never bound", f.base, f.at)
			}
			v = t - b
		case fixAbs32:
			v = t
		}
		binary.LittleEndian.PutUint32(a.buf[f.at:], uint32(v))
	}
	return a.buf, nil
}

// ErrRel32Range is returned by PutRel32 when the target is out of rel32 range.
var ErrRel32Range = errors.New("asm: rel32 target out of range")

// PutRel32 patches the rel32 displacement at code[site:site+4] (a site returned by
// [Assembler.CallRel32] or [Assembler.JmpRel32], offset by where the code was placed) so that the
// branch reaches target; site and target are offsets in the same buffer.
func PutRel32(code []byte, site, target int) error {
	d := int64(target) - int64(site+4)
	if d != int64(int32(d)) {
		return ErrRel32Range
	}
	binary.LittleEndian.PutUint32(code[site:], uint32(int32(d)))
	return nil
}

// ---- low-level emission ----

func (a *Assembler) byte1(b byte) { a.buf = append(a.buf, b) }

func (a *Assembler) imm(n int, v int64) {
	switch n {
	case 1:
		a.buf = append(a.buf, byte(v))
	case 2:
		a.buf = append(a.buf, byte(v), byte(v>>8))
	case 4:
		a.buf = append(a.buf, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	case 8:
		a.buf = binary.LittleEndian.AppendUint64(a.buf, uint64(v))
	}
}

// opcode packs up to 3 opcode bytes (after prefixes and REX): the top byte is the count.
type opcode uint32

func op1(b byte) opcode      { return opcode(1<<24 | uint32(b)) }
func op2(b0, b1 byte) opcode { return opcode(2<<24 | uint32(b0)<<8 | uint32(b1)) }
func op3(b0, b1, b2 byte) opcode {
	return opcode(3<<24 | uint32(b0)<<16 | uint32(b1)<<8 | uint32(b2))
}

func appendOp(b []byte, o opcode) []byte {
	switch o >> 24 {
	case 1:
		return append(b, byte(o))
	case 2:
		return append(b, byte(o>>8), byte(o))
	default:
		return append(b, byte(o>>16), byte(o>>8), byte(o))
	}
}

// flags for enc*.
const (
	fW      = 1 << iota // REX.W
	fRex                // force a REX prefix (byte registers SPL..DIL)
	fByteR              // the ModRM.reg operand is a byte register
	fByteRM             // the ModRM.rm operand is a byte register
)

func byteNeedsRex(r Reg) bool { e := r.enc(); return r.IsGPR() && e >= 4 && e <= 7 }

// encRR emits [pfx] [REX] opcode ModRM(mod=11, reg, rm).
func (a *Assembler) encRR(pfx byte, fl int, o opcode, reg, rm byte) {
	b := a.room(8)
	i := len(b)
	b = b[:i+8]
	if pfx != 0 {
		b[i] = pfx
		i++
	}
	rex := byte(0x40) | (reg>>3&1)<<2 | rm>>3&1
	if fl&fW != 0 {
		rex |= 8
	}
	if rex != 0x40 || fl&fRex != 0 {
		b[i] = rex
		i++
	}
	i = putOp(b, i, o)
	b[i] = 0xc0 | (reg&7)<<3 | rm&7
	a.buf = b[:i+1]
}

// room makes sure the buffer has capacity for n more bytes and returns it.
func (a *Assembler) room(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = append(a.buf, make([]byte, n)...)[:len(a.buf)]
	}
	return a.buf
}

// putOp stores opcode o at b[i:] and returns the index after it; b has room.
func putOp(b []byte, i int, o opcode) int {
	switch o >> 24 {
	case 1:
		b[i] = byte(o)
		return i + 1
	case 2:
		b[i], b[i+1] = byte(o>>8), byte(o)
		return i + 2
	}
	b[i], b[i+1], b[i+2] = byte(o>>16), byte(o>>8), byte(o)
	return i + 3
}

// encRRr is encRR for Reg operands, forcing REX for byte registers as flagged.
func (a *Assembler) encRRr(pfx byte, fl int, o opcode, reg, rm Reg) {
	if (reg | rm) > R15 {
		a.fail("%v/%v: not a general-purpose register", reg, rm)
	}
	if (fl&fByteR != 0 && byteNeedsRex(reg)) || (fl&fByteRM != 0 && byteNeedsRex(rm)) {
		fl |= fRex
	}
	a.encRR(pfx, fl, o, reg.enc(), rm.enc())
}

// encRM emits [pfx] [REX] opcode ModRM [SIB] [disp] for a memory operand; tail is the number of
// immediate bytes that will follow (needed for RIP-relative label references).
func (a *Assembler) encRM(pfx byte, fl int, o opcode, reg Reg, m Mem, tail int) {
	if fl&fByteR != 0 && byteNeedsRex(reg) {
		fl |= fRex
	}
	regE := reg.enc()
	b := a.buf
	if pfx != 0 {
		b = append(b, pfx)
	}
	hasIndex := m.Scale != 0
	rex := byte(0x40)
	if fl&fW != 0 {
		rex |= 8
	}
	rex |= (regE >> 3 & 1) << 2
	if hasIndex {
		if m.Index == RSP || !m.Index.IsGPR() {
			a.fail("invalid index register %v", m.Index)
			return
		}
		rex |= (m.Index.enc() >> 3 & 1) << 1
	}
	baseGPR := m.Base.IsGPR()
	if baseGPR {
		rex |= m.Base.enc() >> 3 & 1
	} else if m.Base != NoReg && m.Base != RIP && m.Base != ripLabel {
		a.fail("invalid base register %v", m.Base)
		return
	}
	if rex != 0x40 || fl&fRex != 0 {
		b = append(b, rex)
	}
	b = appendOp(b, o)
	r3 := (regE & 7) << 3
	disp := m.Disp
	switch {
	case m.Base == RIP || m.Base == ripLabel:
		if hasIndex {
			a.fail("RIP-relative operand cannot have an index")
			return
		}
		b = append(b, r3|5)
		if m.Base == ripLabel {
			l := Label(m.Disp)
			if l < 0 || int(l) >= len(a.labels) {
				a.buf = b
				a.fail("unknown label %d", l)
				return
			}
			a.fixups = append(a.fixups, fixup{at: int32(len(b)), label: l, kind: fixRel32, tail: int8(tail)})
			disp = 0
		}
		b = append(b, byte(disp), byte(disp>>8), byte(disp>>16), byte(disp>>24))
	case !baseGPR: // no base: SIB with base=101, mod=00, disp32
		b = append(b, r3|4)
		if hasIndex {
			b = append(b, scaleBits(m.Scale)|(m.Index.enc()&7)<<3|5)
		} else {
			b = append(b, 0x25)
		}
		b = append(b, byte(disp), byte(disp>>8), byte(disp>>16), byte(disp>>24))
	default:
		be := m.Base.enc() & 7
		var mod byte
		switch {
		case disp == 0 && be != 5:
			mod = 0
		case disp == int32(int8(disp)):
			mod = 0x40
		default:
			mod = 0x80
		}
		if hasIndex {
			b = append(b, mod|r3|4, scaleBits(m.Scale)|(m.Index.enc()&7)<<3|be)
		} else if be == 4 {
			b = append(b, mod|r3|4, 0x24)
		} else {
			b = append(b, mod|r3|be)
		}
		switch mod {
		case 0x40:
			b = append(b, byte(disp))
		case 0x80:
			b = append(b, byte(disp), byte(disp>>8), byte(disp>>16), byte(disp>>24))
		}
	}
	a.buf = b
}

func scaleBits(s uint8) byte {
	switch s {
	case 2:
		return 0x40
	case 4:
		return 0x80
	case 8:
		return 0xc0
	}
	return 0
}

// ---- labels, branches, data ----

func (a *Assembler) rel32To(l Label, tail int) {
	if !a.validLabel(l) {
		a.buf = append(a.buf, 0, 0, 0, 0)
		return
	}
	a.fixups = append(a.fixups, fixup{at: int32(len(a.buf)), label: l, kind: fixRel32, tail: int8(tail)})
	a.buf = append(a.buf, 0, 0, 0, 0)
}

// shortBack returns the rel8 displacement to an already bound label for an instruction of n
// bytes (opcode + rel8), if it fits.
func (a *Assembler) shortBack(l Label, n int) (int8, bool) {
	if l < 0 || int(l) >= len(a.labels) || a.labels[l] < 0 {
		return 0, false
	}
	d := int(a.labels[l]) - (len(a.buf) + n)
	if d < -128 || d > 127 {
		return 0, false
	}
	return int8(d), true
}

// Jmp emits an unconditional jump to l (rel8 when l is bound and near, rel32 otherwise).
func (a *Assembler) Jmp(l Label) {
	if d, ok := a.shortBack(l, 2); ok {
		a.buf = append(a.buf, 0xeb, byte(d))
		return
	}
	a.byte1(0xe9)
	a.rel32To(l, 0)
}

// Jcc emits a conditional jump to l (rel8 when l is bound and near, rel32 otherwise).
func (a *Assembler) Jcc(c Cond, l Label) {
	if d, ok := a.shortBack(l, 2); ok {
		a.buf = append(a.buf, 0x70|byte(c&15), byte(d))
		return
	}
	a.buf = append(a.buf, 0x0f, 0x80|byte(c&15))
	a.rel32To(l, 0)
}

// JmpShort emits a 2-byte jump to l, which must be within rel8 range (-128..127 from the end of
// the jump); Finalize fails otherwise. Use it for short forward skips the compiler knows are
// small.
func (a *Assembler) JmpShort(l Label) {
	a.byte1(0xeb)
	a.rel8To(l)
}

// JccShort emits a 2-byte conditional jump to l, which must be within rel8 range; Finalize
// fails otherwise.
func (a *Assembler) JccShort(c Cond, l Label) {
	a.byte1(0x70 | byte(c&15))
	a.rel8To(l)
}

func (a *Assembler) rel8To(l Label) {
	if !a.validLabel(l) {
		a.byte1(0)
		return
	}
	a.fixups = append(a.fixups, fixup{at: int32(len(a.buf)), label: l, kind: fixRel8})
	a.byte1(0)
}

// Call emits a rel32 call to l.
func (a *Assembler) Call(l Label) {
	a.byte1(0xe8)
	a.rel32To(l, 0)
}

// CallRel32 emits "call rel32" with a zero displacement and returns the offset of the
// displacement, to be patched with [PutRel32] once the callee's address is known.
func (a *Assembler) CallRel32() (site int) {
	a.byte1(0xe8)
	site = len(a.buf)
	a.buf = append(a.buf, 0, 0, 0, 0)
	return site
}

// JmpRel32 emits "jmp rel32" with a zero displacement and returns the offset of the
// displacement, to be patched with [PutRel32] (tail calls, trampolines).
func (a *Assembler) JmpRel32() (site int) {
	a.byte1(0xe9)
	site = len(a.buf)
	a.buf = append(a.buf, 0, 0, 0, 0)
	return site
}

// JccRel32 emits "jcc rel32" with a zero displacement and returns the offset of the
// displacement, to be patched with [PutRel32].
func (a *Assembler) JccRel32(c Cond) (site int) {
	a.buf = append(a.buf, 0x0f, 0x80|byte(c&15))
	site = len(a.buf)
	a.buf = append(a.buf, 0, 0, 0, 0)
	return site
}

// LeaRIP emits "lea dst, [rip+l]" (64-bit).
func (a *Assembler) LeaRIP(dst Reg, l Label) { a.LeaRM(W64, dst, LabelMem(l)) }

// Align pads with multi-byte NOPs until the offset is a multiple of n (a power of two).
func (a *Assembler) Align(n int) {
	if n <= 0 || n&(n-1) != 0 {
		a.fail("bad alignment %d", n)
		return
	}
	if pad := (n - len(a.buf)&(n-1)) & (n - 1); pad > 0 {
		a.Nop(pad)
	}
}

// AlignData pads with zero bytes until the offset is a multiple of n (a power of two); for data
// placed after the code.
func (a *Assembler) AlignData(n int) {
	if n <= 0 || n&(n-1) != 0 {
		a.fail("bad alignment %d", n)
		return
	}
	for len(a.buf)&(n-1) != 0 {
		a.buf = append(a.buf, 0)
	}
}

// Bytes appends raw bytes.
func (a *Assembler) Bytes(b []byte) { a.buf = append(a.buf, b...) }

// Dword appends a little-endian 32-bit value.
func (a *Assembler) Dword(v uint32) { a.buf = binary.LittleEndian.AppendUint32(a.buf, v) }

// Quad appends a little-endian 64-bit value.
func (a *Assembler) Quad(v uint64) { a.buf = binary.LittleEndian.AppendUint64(a.buf, v) }

// Diff32 appends the 32-bit signed value offset(target) - offset(base), resolved at Finalize.
func (a *Assembler) Diff32(target, base Label) {
	if !a.validLabel(target) || !a.validLabel(base) {
		return
	}
	a.fixups = append(a.fixups, fixup{at: int32(len(a.buf)), label: target, kind: fixDiff32, base: base})
	a.buf = append(a.buf, 0, 0, 0, 0)
}

// Offset32 appends the 32-bit offset of target from the start of the buffer, resolved at
// Finalize.
func (a *Assembler) Offset32(target Label) {
	if !a.validLabel(target) {
		return
	}
	a.fixups = append(a.fixups, fixup{at: int32(len(a.buf)), label: target, kind: fixAbs32})
	a.buf = append(a.buf, 0, 0, 0, 0)
}

// JumpTable aligns to 4 bytes, binds table and emits one int32 per target: offset(target) -
// offset(table). A br_table dispatch is then
//
//	lea   r1, [rip+table]          ; LeaRIP(r1, table)
//	movsxd r2, dword [r1+idx*4]    ; MovsxdRM(r2, Mem{Base: r1, Index: idx, Scale: 4})
//	add   r1, r2
//	jmp   r1
func (a *Assembler) JumpTable(table Label, targets []Label) {
	a.AlignData(4)
	a.Bind(table)
	for _, t := range targets {
		a.Diff32(t, table)
	}
}

// BaseDisp returns the memory operand [base+disp].
func BaseDisp(base Reg, disp int32) Mem { return Mem{Base: base, Disp: disp} }

// BaseIndex returns the memory operand [base+index*scale+disp] (scale 1, 2, 4 or 8).
func BaseIndex(base, index Reg, scale uint8, disp int32) Mem {
	return Mem{Base: base, Index: index, Scale: scale, Disp: disp}
}

// PatchInt32 overwrites the 4 bytes at site in the assembler's buffer (an immediate or
// displacement site returned by AluRI32, MovImm64Site, CallRel32...) with v.
func (a *Assembler) PatchInt32(site int, v int32) {
	if site < 0 || site+4 > len(a.buf) {
		a.fail("patch site %d out of range", site)
		return
	}
	binary.LittleEndian.PutUint32(a.buf[site:], uint32(v))
}

// PatchInt64 overwrites the 8 bytes at site in the assembler's buffer with v.
func (a *Assembler) PatchInt64(site int, v int64) {
	if site < 0 || site+8 > len(a.buf) {
		a.fail("patch site %d out of range", site)
		return
	}
	binary.LittleEndian.PutUint64(a.buf[site:], uint64(v))
}
