package asm

// Size is the size (and kind) of a memory access: B, H, W, X load or store 1, 2, 4, 8 bytes of
// a general-purpose register (loads zero-extend); SB, SH, SW load and sign-extend into the
// width given ([W32] or [W64]; SW only into W64); VB, VH, VW, VD, VQ load or store 1, 2, 4, 8,
// 16 bytes of an FP/SIMD register (the B, H, S, D, Q views; VW rather than VS, which is the
// overflow condition).
type Size uint8

// Access sizes.
const (
	B Size = iota
	H
	W
	X
	SB
	SH
	SW
	VB
	VH
	VW
	VD
	VQ
	numSizes
)

// sizeInfo is the table row of a Size: log2 of the byte count and the base bits of the
// unsigned-offset load and store (C4.1.88 "Load/store register (unsigned immediate)"); the
// other addressing forms are derived from it. ldx is the load into an X register for SB/SH.
type sizeInfo struct {
	name  string
	scale uint8
	ld    uint32
	ldx   uint32
	st    uint32
	lit   uint32 // LDR (literal), 0 when none
}

var sizes = [numSizes]sizeInfo{
	B:  {"b", 0, 0x39400000, 0x39400000, 0x39000000, 0},
	H:  {"h", 1, 0x79400000, 0x79400000, 0x79000000, 0},
	W:  {"w", 2, 0xb9400000, 0xb9400000, 0xb9000000, 0x18000000},
	X:  {"x", 3, 0xf9400000, 0xf9400000, 0xf9000000, 0x58000000},
	SB: {"sb", 0, 0x39c00000, 0x39800000, 0, 0},
	SH: {"sh", 1, 0x79c00000, 0x79800000, 0, 0},
	SW: {"sw", 2, 0, 0xb9800000, 0, 0x98000000},
	VB: {"vb", 0, 0x3d400000, 0x3d400000, 0x3d000000, 0},
	VH: {"vh", 1, 0x7d400000, 0x7d400000, 0x7d000000, 0},
	VW: {"vw", 2, 0xbd400000, 0xbd400000, 0xbd000000, 0x1c000000},
	VD: {"vd", 3, 0xfd400000, 0xfd400000, 0xfd000000, 0x5c000000},
	VQ: {"vq", 4, 0x3dc00000, 0x3dc00000, 0x3d800000, 0x9c000000},
}

// IsV reports whether sz accesses an FP/SIMD register.
func (sz Size) IsV() bool { return sz >= VB && sz < numSizes }

// Bytes returns the number of bytes sz accesses.
func (sz Size) Bytes() int {
	if sz >= numSizes {
		return 0
	}
	return 1 << sizes[sz].scale
}

// lsBase returns the unsigned-offset base bits for a load or store of sz into t at width w, and
// the register field of t.
func (a *Assembler) lsBase(sz Size, w Width, t Reg, load bool) (uint32, uint32, bool) {
	if sz >= numSizes {
		a.fail("bad access size %d", sz)
		return 0, 0, false
	}
	in := sizes[sz]
	base := in.st
	if load {
		base = in.ld
		if w == W64 {
			base = in.ldx
		}
	}
	if base == 0 {
		a.fail("no access of size %s (load %v) at this width", in.name, load)
		return 0, 0, false
	}
	if sz.IsV() {
		return base, a.vr(t), true
	}
	return base, a.gp(t, false), true
}

// Index is the addressing mode of a pair or indexed access.
type Index uint8

// Addressing modes: [base, #off]; [base, #off]! (base updated before the access); [base], #off
// (base updated after).
const (
	Offset Index = iota
	PreIndex
	PostIndex
)

// Ldr loads t from [base, #off] and reports whether off was encodable: a multiple of the access
// size in 0..4095 units (scaled unsigned imm12), else -256..255 (LDUR, unscaled imm9). It
// emits nothing when neither fits. w is the width of t for the sign-extending sizes (SB, SH:
// W32 or W64; SW: W64) and ignored otherwise. base may be RSP; t is a general-purpose register
// (ZR allowed) or, for the V sizes, an FP/SIMD register.
func (a *Assembler) Ldr(sz Size, w Width, t, base Reg, off int64) bool {
	return a.ldst(sz, w, t, base, off, true)
}

// Str stores t to [base, #off]; the offsets are those of [Assembler.Ldr]. sz is not one of the
// sign-extending sizes.
func (a *Assembler) Str(sz Size, t, base Reg, off int64) bool {
	return a.ldst(sz, W64, t, base, off, false)
}

func (a *Assembler) ldst(sz Size, w Width, t, base Reg, off int64, load bool) bool {
	if sz >= numSizes {
		a.fail("bad access size %d", sz)
		return false
	}
	sc := sizes[sz].scale
	var word uint32
	switch {
	case off >= 0 && off&(1<<sc-1) == 0 && off>>sc < 4096:
		word = uint32(off>>sc) << 10
	case off >= -256 && off < 256:
		word = 1<<24 | uint32(off&0x1ff)<<12 // bit 24 toggled off below
	default:
		return false
	}
	b, rt, ok := a.lsBase(sz, w, t, load)
	if !ok {
		return false
	}
	a.Word(b ^ word | a.gp(base, true)<<5 | rt)
	return true
}

// LdrIndex loads t from base with pre- or post-indexing by off (-256..255, unscaled) and
// reports whether off was encodable; mode is PreIndex or PostIndex. base (which may be RSP) is
// updated; it must differ from t.
func (a *Assembler) LdrIndex(sz Size, w Width, t, base Reg, off int64, mode Index) bool {
	return a.ldstIndex(sz, w, t, base, off, mode, true)
}

// StrIndex stores t to base with pre- or post-indexing by off; see [Assembler.LdrIndex].
func (a *Assembler) StrIndex(sz Size, t, base Reg, off int64, mode Index) bool {
	return a.ldstIndex(sz, W64, t, base, off, mode, false)
}

func (a *Assembler) ldstIndex(sz Size, w Width, t, base Reg, off int64, mode Index, load bool) bool {
	if off < -256 || off > 255 {
		return false
	}
	var m uint32
	switch mode {
	case PreIndex:
		m = 0xc00
	case PostIndex:
		m = 0x400
	default:
		a.fail("indexed access with mode %d", mode)
		return false
	}
	b, rt, ok := a.lsBase(sz, w, t, load)
	if !ok {
		return false
	}
	a.Word(b&^(1<<24) | m | uint32(off&0x1ff)<<12 | a.gp(base, true)<<5 | rt)
	return true
}

// LdrReg loads t from [base, index ext #s]: index is extended by ext (UXTW or SXTW for a W
// index, UXTX (LSL) or SXTX for an X index) and, when scaled, shifted left by log2 of the
// access size. See [Assembler.Ldr] for w and t.
func (a *Assembler) LdrReg(sz Size, w Width, t, base, index Reg, ext Extend, scaled bool) {
	a.ldstReg(sz, w, t, base, index, ext, scaled, true)
}

// StrReg stores t to [base, index ext #s]; see [Assembler.LdrReg].
func (a *Assembler) StrReg(sz Size, t, base, index Reg, ext Extend, scaled bool) {
	a.ldstReg(sz, W64, t, base, index, ext, scaled, false)
}

func (a *Assembler) ldstReg(sz Size, w Width, t, base, index Reg, ext Extend, scaled, load bool) {
	if ext != UXTW && ext != UXTX && ext != SXTW && ext != SXTX {
		a.fail("register offset with extend %d", ext)
	}
	b, rt, ok := a.lsBase(sz, w, t, load)
	if !ok {
		a.Word(udfWord)
		return
	}
	var s uint32
	if scaled {
		s = 1 << 12
	}
	a.Word(b&^(1<<24) | 1<<21 | 0x800 | a.gp(index, false)<<16 | uint32(ext&7)<<13 | s | a.gp(base, true)<<5 | rt)
}

var pairModes = [...]uint32{Offset: 2 << 23, PreIndex: 3 << 23, PostIndex: 1 << 23}

// Ldp loads the register pair t1, t2 (W or X registers per w) from base+off with the given
// addressing mode and reports whether off was encodable: a multiple of the register size in
// -64..63 units. base may be RSP.
func (a *Assembler) Ldp(w Width, t1, t2, base Reg, off int64, mode Index) bool {
	return a.pair(uint32(w&1)<<31, 2+uint8(w&1), a.gp(t1, false), a.gp(t2, false), base, off, mode, true)
}

// Stp stores the register pair t1, t2 to base+off; see [Assembler.Ldp].
func (a *Assembler) Stp(w Width, t1, t2, base Reg, off int64, mode Index) bool {
	return a.pair(uint32(w&1)<<31, 2+uint8(w&1), a.gp(t1, false), a.gp(t2, false), base, off, mode, false)
}

// LdpV loads the FP/SIMD register pair t1, t2 (sz is VW, VD or VQ) from base+off; off is a
// multiple of the access size in -64..63 units.
func (a *Assembler) LdpV(sz Size, t1, t2, base Reg, off int64, mode Index) bool {
	if sz < VW || sz > VQ {
		a.fail("ldp of size %d", sz)
		return false
	}
	return a.pair(1<<26|uint32(sz-VW)<<30, uint8(sz-VW)+2, a.vr(t1), a.vr(t2), base, off, mode, true)
}

// StpV stores the FP/SIMD register pair t1, t2; see [Assembler.LdpV].
func (a *Assembler) StpV(sz Size, t1, t2, base Reg, off int64, mode Index) bool {
	if sz < VW || sz > VQ {
		a.fail("stp of size %d", sz)
		return false
	}
	return a.pair(1<<26|uint32(sz-VW)<<30, uint8(sz-VW)+2, a.vr(t1), a.vr(t2), base, off, mode, false)
}

// pair encodes LDP/STP (C4.1.88 "Load/store register pair"): opc|V in bits, scale log2 size.
func (a *Assembler) pair(opcV uint32, scale uint8, t1, t2 uint32, base Reg, off int64, mode Index, load bool) bool {
	if mode > PostIndex {
		a.fail("bad pair mode %d", mode)
		return false
	}
	if off&(1<<scale-1) != 0 || off>>scale < -64 || off>>scale > 63 {
		return false
	}
	w := 0x28000000 | opcV | pairModes[mode] | uint32(off>>scale&0x7f)<<15 | t2<<10 | a.gp(base, true)<<5 | t1
	if load {
		w |= 1 << 22
	}
	a.Word(w)
	return true
}

// LdrLiteral loads t from label l (PC-relative, within ±1 MiB): sz is W or X (general-purpose
// register), SW (sign-extended into an X register) or VW, VD, VQ (FP/SIMD register). For
// constant pools; the label must be word aligned.
func (a *Assembler) LdrLiteral(sz Size, t Reg, l Label) {
	if sz >= numSizes || sizes[sz].lit == 0 {
		a.fail("no literal load of size %d", sz)
		a.Word(udfWord)
		return
	}
	var rt uint32
	if sz.IsV() {
		rt = a.vr(t)
	} else {
		rt = a.gp(t, false)
	}
	a.ref(sizes[sz].lit|rt, l, fix19)
}
