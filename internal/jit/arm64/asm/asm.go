// Package asm is wasmrun's own A64 (AArch64) assembler: it appends fixed 32-bit instruction
// words for a set of instruction forms to a byte buffer, with labels, PC-relative branch and
// literal fixups, data emission and patch sites that the JIT resolves after code layout. It is
// pure Go and builds on every GOARCH.
//
// # Tables, not method bodies
//
// Every A64 instruction is one little-endian word: fixed base bits plus operand fields at fixed
// positions. Operations are [Op] constants whose table entry holds the base bits of each
// encoding class the operation has (shifted register, immediate, extended register, ...); a
// handful of generic encoders per class (data processing register / immediate, loads and stores,
// FP, NEON three-same / two-register-misc / shift-by-immediate / copy) OR the operand fields into
// the base. Adding an operation is adding a table row.
//
// # Naming scheme
//
// Methods are named after the operand shape, with the operation as the first argument where a
// shape serves many operations and the register [Width] next where there are two widths:
//
//	a.RRR(asm.ADD, asm.W64, asm.R0, asm.R1, asm.R2)        // add x0, x1, x2
//	a.RRImm(asm.SUB, asm.W32, asm.R3, asm.R3, 16)          // sub w3, w3, #16
//	a.RRRShift(asm.ORR, asm.W64, asm.R0, asm.R1, asm.R2, asm.LSL, 3)
//	a.Ldr(asm.X, asm.W64, asm.R0, asm.RSP, 8)             // ldr x0, [sp, #8]
//	a.FRRR(asm.FADD, asm.D, asm.V0, asm.V1, asm.V2)        // fadd d0, d1, d2
//	a.VRRR(asm.VADD, asm.S4, asm.V0, asm.V1, asm.V2)       // add v0.4s, v1.4s, v2.4s
//
// Integer and scalar-FP operations use the architectural mnemonic (ADD, MADD, FADD, FRINTZ);
// Advanced SIMD (NEON) operations carry a V prefix (VADD, VFADD, VCMEQ, VZIP1), and the
// compare-against-zero forms a Z suffix (VCMEQZ), because NEON shares many mnemonics with the
// integer and scalar instructions. The extension aliases for [Assembler.RR] are OpSXTB etc.,
// because SXTB and friends name the [Extend] operands.
//
// Loads and stores take a [Size] (B, H, W, X; SB, SH, SW sign-extending; VB, VH, VW, VD, VQ for
// the B/H/S/D/Q views of a V register: VW rather than VS, which is a condition code). Barriers
// take a [Barrier] (ISH, SY, ...).
//
// Registers are [Reg]: R0..R30, [ZR] (register number 31 where it means the zero register) and
// [RSP] (number 31 where it means the stack pointer), V0..V31. Each method documents which of ZR
// and RSP an operand accepts; using the other is an error.
//
// # Immediates
//
// Methods taking an immediate that may not be encodable return a bool and emit nothing when it
// is not: [Assembler.RRImm] (12-bit add/sub immediates, optionally shifted by 12; logical bitmask
// immediates), [Assembler.Ldr]/[Assembler.Str] (scaled unsigned imm12 or unscaled imm9
// offsets), [Assembler.Ldp]/[Assembler.Stp] (scaled imm7), [Assembler.FMovImm]. [AddImmOK] and
// [LogicalImmOK] are the predicates. [Assembler.MovImm] materialises any constant in the
// fewest instructions (MOVZ/MOVN plus MOVK, or one ORR of a bitmask immediate).
//
// # Labels and patch sites
//
// [Assembler.NewLabel] creates a label, [Assembler.Bind] places it. B/BL (imm26, ±128 MiB),
// B.cond/CBZ/CBNZ/LDR-literal (imm19, ±1 MiB), TBZ/TBNZ (imm14, ±32 KiB) and ADR (imm21, ±1 MiB)
// referencing labels are resolved by [Assembler.Finalize], which fails with a *[RangeError]
// naming the site when a target is out of range (so the JIT can insert veneers and retry) and
// with an error when a referenced label was never bound. [Assembler.CallRel26] and
// [Assembler.JumpRel26] emit BL/B with a zero offset and return the site for [PutBranch26] after
// layout.
//
// # Errors
//
// Methods do not return errors: the first impossible request (a V register in an integer
// operand, RSP where only ZR is encodable or vice versa, an Op used with the wrong form, an
// arrangement the operation does not have, a shift or index out of range, an unknown label, a
// label bound twice) is recorded, and reported by [Assembler.Err] and [Assembler.Finalize], so a
// compiler bug never turns into silently wrong machine code. A failing method still emits its
// word count (as UDF) where it would have emitted a fixed number of words, so offsets stay
// predictable.
//
// The assembler never allocates per instruction beyond growing its buffers (Reset keeps them),
// keeps no maps and is deterministic.
package asm

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Reg is a register: a general-purpose register R0..R30, the zero register [ZR], the stack
// pointer [RSP], an FP/SIMD register V0..V31, or [NoReg].
type Reg uint8

// General-purpose registers, in hardware encoding order. R18 is the platform register and R28 is
// Go's g; R29 is the frame pointer and R30 the link register.
const (
	R0 Reg = iota
	R1
	R2
	R3
	R4
	R5
	R6
	R7
	R8
	R9
	R10
	R11
	R12
	R13
	R14
	R15
	R16
	R17
	R18
	R19
	R20
	R21
	R22
	R23
	R24
	R25
	R26
	R27
	R28
	R29
	R30
	// ZR is the zero register (XZR/WZR), register number 31 in forms where 31 means zero.
	ZR
	// RSP is the stack pointer, encoded as 31 in the forms that take SP.
	RSP
)

// FP/SIMD registers (B/H/S/D/Q/V views of the same register file).
const (
	V0 Reg = 64 + iota
	V1
	V2
	V3
	V4
	V5
	V6
	V7
	V8
	V9
	V10
	V11
	V12
	V13
	V14
	V15
	V16
	V17
	V18
	V19
	V20
	V21
	V22
	V23
	V24
	V25
	V26
	V27
	V28
	V29
	V30
	V31
)

// NoReg means "no register".
const NoReg Reg = 0xff

// IsV reports whether r is one of V0..V31.
func (r Reg) IsV() bool { return r >= V0 && r <= V31 }

// String returns the register's name: x0..x30, xzr, sp, v0..v31, noreg.
func (r Reg) String() string {
	switch {
	case r <= R30:
		return fmt.Sprintf("x%d", uint8(r))
	case r == ZR:
		return "xzr"
	case r == RSP:
		return "sp"
	case r.IsV():
		return fmt.Sprintf("v%d", uint8(r-V0))
	case r == NoReg:
		return "noreg"
	}
	return fmt.Sprintf("reg(%d)", uint8(r))
}

// Width is the width of an integer operation: it selects W or X registers (the sf bit).
type Width uint8

// Integer operation widths.
const (
	W32 Width = iota // 32-bit, W registers
	W64              // 64-bit, X registers
)

func (w Width) sf() uint32 { return uint32(w&1) << 31 }

func (w Width) bits() uint { return 32 << (w & 1) }

// Cond is a condition code with its architectural encoding.
type Cond uint8

// Condition codes. Unsigned comparisons use HS/LO/HI/LS, signed ones GE/LT/GT/LE. After FCMP,
// MI means "less than", LS "less or equal", VS "unordered".
const (
	EQ Cond = iota // equal
	NE             // not equal
	HS             // unsigned higher or same (carry set)
	LO             // unsigned lower (carry clear)
	MI             // negative
	PL             // positive or zero
	VS             // overflow
	VC             // no overflow
	HI             // unsigned higher
	LS             // unsigned lower or same
	GE             // signed greater or equal
	LT             // signed less than
	GT             // signed greater than
	LE             // signed less or equal
	AL             // always
)

// Invert returns the negated condition (AL has no negation; its inverse encodes NV, which also
// means always).
func (c Cond) Invert() Cond { return c ^ 1 }

var condNames = [16]string{"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"}

// String returns the condition's lower-case name.
func (c Cond) String() string { return condNames[c&15] }

// Label identifies a code position, created by [Assembler.NewLabel] and placed by
// [Assembler.Bind].
type Label int32

type fixKind uint8

// PC-relative fields a fixup fills.
const (
	fix26   fixKind = iota // B, BL: imm26 at bit 0, words
	fix19                  // B.cond, CBZ, CBNZ, LDR literal: imm19 at bit 5, words
	fix14                  // TBZ, TBNZ: imm14 at bit 5, words
	fixAdr                 // ADR: immlo at bit 29, immhi at bit 5, bytes
	fixDiff                // data: int32 offset(label) - offset(base)
)

var fixBits = [...]int{fix26: 26, fix19: 19, fix14: 14, fixAdr: 21, fixDiff: 32}

type fixup struct {
	at    int32
	label Label
	kind  fixKind
	base  Label // fixDiff
}

// Assembler appends A64 machine code to a buffer. The zero value is ready to use.
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

// Code returns the bytes emitted so far, without resolving pending label references (their
// offset fields are zero); use [Assembler.Finalize] for the finished code.
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

// RangeError reports a label reference whose target is beyond the reach of its instruction's
// Bits-bit signed offset field (26: B/BL, 19: B.cond/CBZ/CBNZ/LDR literal, 14: TBZ/TBNZ, 21:
// ADR). Site is the offset of the instruction.
type RangeError struct {
	Site  int
	Label Label
	Bits  int
}

// Error describes the out-of-range reference.
func (e *RangeError) Error() string {
	return fmt.Sprintf("asm: branch at offset %d to label %d is beyond its %d-bit offset range", e.Site, e.Label, e.Bits)
}

// Finalize resolves every label reference and returns the code. It fails if an encoding error
// was recorded, if a referenced label was never bound, or (with a *[RangeError]) if a target is
// out of its instruction's range ([Assembler.OutOfRange] lists them all); after a failure the
// buffer may be partly resolved, so the caller re-emits the code (with veneers). Finalize may be
// called again after more code is appended. The returned slice aliases the assembler's buffer
// until the next Reset.
func (a *Assembler) Finalize() ([]byte, error) {
	if a.err != nil {
		return nil, a.err
	}
	for _, f := range a.fixups {
		t := a.labels[f.label]
		if t < 0 {
			return nil, fmt.Errorf("asm: label %d referenced at offset %d is never bound", f.label, f.at)
		}
		if f.kind == fixDiff {
			b := a.labels[f.base]
			if b < 0 {
				return nil, fmt.Errorf("asm: label %d referenced at offset %d is never bound", f.base, f.at)
			}
			binary.LittleEndian.PutUint32(a.buf[f.at:], uint32(t-b))
			continue
		}
		d := int64(t) - int64(f.at)
		bits := fixBits[f.kind]
		if f.kind != fixAdr {
			d >>= 2 // both offsets are word aligned (Bytes and Align keep data in words)
		}
		if d < -(1<<(bits-1)) || d >= 1<<(bits-1) {
			return nil, &RangeError{Site: int(f.at), Label: f.label, Bits: bits}
		}
		w := binary.LittleEndian.Uint32(a.buf[f.at:])
		u := uint32(d)
		switch f.kind {
		case fix26:
			w = w&^0x03ffffff | u&0x03ffffff
		case fix19:
			w = w&^(0x7ffff<<5) | (u&0x7ffff)<<5
		case fix14:
			w = w&^(0x3fff<<5) | (u&0x3fff)<<5
		case fixAdr:
			w = w&^(3<<29|0x7ffff<<5) | (u&3)<<29 | (u>>2&0x7ffff)<<5
		}
		binary.LittleEndian.PutUint32(a.buf[f.at:], w)
	}
	return a.buf, nil
}

// OutOfRange returns every label reference whose label is bound and beyond the reach of its
// instruction (what Finalize would report one at a time), so that a caller can place all the
// veneers it needs in one pass. It changes nothing.
func (a *Assembler) OutOfRange() []RangeError {
	var out []RangeError
	for _, f := range a.fixups {
		t := a.labels[f.label]
		if t < 0 || f.kind == fixDiff {
			continue
		}
		d := int64(t) - int64(f.at)
		bits := fixBits[f.kind]
		if f.kind != fixAdr {
			d >>= 2
		}
		if d < -(1<<(bits-1)) || d >= 1<<(bits-1) {
			out = append(out, RangeError{Site: int(f.at), Label: f.label, Bits: bits})
		}
	}
	return out
}

// ErrBranchRange is returned by PutBranch26 when the target is beyond ±128 MiB.
var ErrBranchRange = errors.New("asm: branch target beyond ±128 MiB")

// PutBranch26 patches the B or BL instruction at code[site:site+4] (a site returned by
// [Assembler.CallRel26] or [Assembler.JumpRel26], offset by where the code was placed) so that it
// reaches target; site and target are offsets in the same buffer, both multiples of 4.
func PutBranch26(code []byte, site, target int) error {
	if site < 0 || site+4 > len(code) {
		return fmt.Errorf("asm: branch site %d outside the code", site)
	}
	d := int64(target) - int64(site)
	if d&3 != 0 {
		return fmt.Errorf("asm: branch from %d to %d is not word aligned", site, target)
	}
	d >>= 2
	if d < -(1<<25) || d >= 1<<25 {
		return ErrBranchRange
	}
	w := binary.LittleEndian.Uint32(code[site:])
	binary.LittleEndian.PutUint32(code[site:], w&^0x03ffffff|uint32(d)&0x03ffffff)
	return nil
}

// Word appends one instruction or data word (little-endian).
func (a *Assembler) Word(w uint32) { a.buf = binary.LittleEndian.AppendUint32(a.buf, w) }

// Quad appends a little-endian 64-bit data value (constant pools; align first).
func (a *Assembler) Quad(v uint64) { a.buf = binary.LittleEndian.AppendUint64(a.buf, v) }

// Diff32 appends the 32-bit signed value offset(target) - offset(base), resolved at Finalize.
func (a *Assembler) Diff32(target, base Label) {
	if a.validLabel(target) && a.validLabel(base) {
		a.fixups = append(a.fixups, fixup{at: int32(len(a.buf)), label: target, kind: fixDiff, base: base})
	}
	a.Word(0)
}

// JumpTable binds table at the current (word-aligned) offset and emits one int32 per target:
// offset(target) - offset(table). A br_table dispatch is then
//
//	adr  x1, table                       // Adr(R1, table)
//	ldrsw x2, [x1, w0, uxtw #2]          // LdrReg(SW, W64, R2, R1, R0, UXTW, true)
//	add  x1, x1, x2                      // RRR(ADD, W64, R1, R1, R2)
//	br   x1                              // Br(R1)
func (a *Assembler) JumpTable(table Label, targets []Label) {
	a.Bind(table)
	for _, t := range targets {
		a.Diff32(t, table)
	}
}

// Bytes appends raw bytes, padded with zero bytes to a multiple of 4 so that instructions after
// them stay word aligned.
func (a *Assembler) Bytes(b []byte) {
	a.buf = append(a.buf, b...)
	for len(a.buf)&3 != 0 {
		a.buf = append(a.buf, 0)
	}
}

// Align pads with NOP instructions until the offset is a multiple of n (a power of two, at
// least 4). Padding executed by mistake falls through harmlessly; use [Assembler.AlignTrap] for
// padding that must never execute.
func (a *Assembler) Align(n int) { a.align(n, nopWord) }

// AlignTrap pads with UDF #0 words (permanently undefined: executing one traps) until the offset
// is a multiple of n (a power of two, at least 4); for data and unreachable gaps.
func (a *Assembler) AlignTrap(n int) { a.align(n, udfWord) }

func (a *Assembler) align(n int, w uint32) {
	if n < 4 || n&(n-1) != 0 {
		a.fail("bad alignment %d", n)
		return
	}
	for len(a.buf)&(n-1) != 0 {
		a.Word(w)
	}
}

// PatchWord overwrites the instruction word at site in the assembler's buffer.
func (a *Assembler) PatchWord(site int, w uint32) {
	if site < 0 || site&3 != 0 || site+4 > len(a.buf) {
		a.fail("patch site %d out of range", site)
		return
	}
	binary.LittleEndian.PutUint32(a.buf[site:], w)
}

// ---- operand checks ----

// gp returns the 5-bit field of general-purpose register r; sp says whether 31 means SP in this
// field (then RSP is accepted and ZR is not) or the zero register (the other way round).
func (a *Assembler) gp(r Reg, sp bool) uint32 {
	switch {
	case r <= R30:
		return uint32(r)
	case r == ZR && !sp, r == RSP && sp:
		return 31
	case r == ZR:
		a.fail("xzr is not encodable here (register 31 is sp)")
	case r == RSP:
		a.fail("sp is not encodable here (register 31 is xzr)")
	default:
		a.fail("%v is not a general-purpose register", r)
	}
	return 31
}

// vr returns the 5-bit field of FP/SIMD register r.
func (a *Assembler) vr(r Reg) uint32 {
	if !r.IsV() {
		a.fail("%v is not an FP/SIMD register", r)
		return 0
	}
	return uint32(r - V0)
}

// ref records a fixup of kind k at the current offset for l and emits w.
func (a *Assembler) ref(w uint32, l Label, k fixKind) {
	if a.validLabel(l) {
		a.fixups = append(a.fixups, fixup{at: int32(len(a.buf)), label: l, kind: k})
	}
	a.Word(w)
}
