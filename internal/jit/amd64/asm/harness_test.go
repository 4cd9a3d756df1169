package asm

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/arch/x86/x86asm"
)

// The tests assemble one instruction at a time, decode it with x86asm and compare the decoded
// mnemonic, operands and length with what the form was meant to produce. Expected operands are
// built from our operands by the converters below, never from the bytes.

// xgpr converts a general-purpose register at width w.
func xgpr(w Width, r Reg) x86asm.Reg {
	e := x86asm.Reg(r.enc())
	switch w {
	case W8:
		if e < 4 {
			return x86asm.AL + e
		}
		return x86asm.SPB + e - 4
	case W16:
		return x86asm.AX + e
	case W32:
		return x86asm.EAX + e
	}
	return x86asm.RAX + e
}

// xxmm converts an XMM register.
func xxmm(r Reg) x86asm.Reg { return x86asm.X0 + x86asm.Reg(r.enc()) }

// xmem converts a memory operand (not label-relative).
func xmem(m Mem) x86asm.Mem {
	x := x86asm.Mem{Disp: int64(m.Disp)}
	switch {
	case m.Base == RIP:
		x.Base = x86asm.RIP
	case m.Base == NoReg:
	default:
		x.Base = xgpr(W64, m.Base)
	}
	if m.Scale != 0 {
		x.Index = xgpr(W64, m.Index)
		x.Scale = m.Scale
	}
	return x
}

// want is the intended decoding of one instruction.
type want struct {
	op       string
	args     []x86asm.Arg
	memBytes int // checked when non-zero
	immBits  int // immediates compared modulo 2^immBits when non-zero
}

type normInst struct {
	Op   string
	Args []string
	Len  int
}

// canon puts a decoded or expected operand in a canonical form: no scale without an index,
// 32-bit displacements sign-extended (x86asm reports some zero-extended), immediates reduced
// modulo 2^immBits.
func canon(a x86asm.Arg, immBits int) x86asm.Arg {
	switch v := a.(type) {
	case x86asm.Mem:
		if v.Index == 0 {
			v.Scale = 0
		}
		v.Disp = int64(int32(v.Disp))
		return v
	case x86asm.Imm:
		x := uint64(v)
		if immBits > 0 && immBits < 64 {
			x &= 1<<immBits - 1
		}
		return x86asm.Imm(x)
	}
	return a
}

func argsEqual(exp, got []x86asm.Arg, immBits int) bool {
	n := 0
	for n < len(got) && got[n] != nil {
		n++
	}
	if n != len(exp) {
		return false
	}
	for i := range exp {
		if canon(exp[i], immBits) != canon(got[i], immBits) {
			return false
		}
	}
	return true
}

func normalize(op string, args []x86asm.Arg, n, immBits int) normInst {
	ni := normInst{Op: op, Len: n}
	for _, a := range args {
		if a == nil {
			break
		}
		ni.Args = append(ni.Args, fmt.Sprintf("%#v", canon(a, immBits)))
	}
	return ni
}

// checker reuses one assembler for many single-instruction checks and counts them.
type checker struct {
	t     *testing.T
	a     Assembler
	n     int
	fails int
}

// check assembles emit (one instruction), decodes it and compares it with w; format and args
// describe the case in failure messages.
func (c *checker) check(emit func(a *Assembler), w want, format string, args ...any) {
	c.t.Helper()
	c.n++
	c.a.Reset()
	emit(&c.a)
	code, err := c.a.Finalize()
	if err != nil {
		c.failf("%s: assemble: %v", fmt.Sprintf(format, args...), err)
		return
	}
	inst, err := x86asm.Decode(code, 64)
	if err != nil {
		c.failf("%s: decode % x: %v", fmt.Sprintf(format, args...), code, err)
		return
	}
	if inst.Op.String() != w.op || inst.Len != len(code) || !argsEqual(w.args, inst.Args[:], w.immBits) {
		got := normalize(inst.Op.String(), inst.Args[:], inst.Len, w.immBits)
		exp := normalize(w.op, w.args, len(code), w.immBits)
		c.failf("%s: bytes % x (%s) mismatch (-want +got):\n%s", fmt.Sprintf(format, args...), code,
			x86asm.IntelSyntax(inst, 0, nil), cmp.Diff(exp, got))
		return
	}
	if w.memBytes != 0 && inst.MemBytes != w.memBytes {
		c.failf("%s: bytes % x: memory operand size %d, want %d", fmt.Sprintf(format, args...), code, inst.MemBytes, w.memBytes)
	}
}

func (c *checker) failf(format string, args ...any) {
	c.t.Helper()
	c.fails++
	if c.fails <= 30 {
		c.t.Errorf(format, args...)
	} else if c.fails == 31 {
		c.t.Errorf("too many failures; further ones not shown")
	}
}

var allGPRs = []Reg{RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15}
var allXMMs = []Reg{X0, X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, X11, X12, X13, X14, X15}

// memShapes returns memory operands covering every base register with several displacement
// sizes (including RSP/R12 needing a SIB byte and RBP/R13 needing a displacement), every valid
// index register with every scale, no-base, no-index and RIP-relative operands.
func memShapes() []Mem {
	var ms []Mem
	disps := []int32{0, 1, -1, 0x7f, -0x80, 0x80, -0x81, 0x12345678, -0x7fffffff - 1}
	for i, b := range allGPRs {
		for _, d := range disps {
			ms = append(ms, Mem{Base: b, Disp: d})
		}
		// with an index, rotating through the index registers and scales
		for j, s := range []uint8{1, 2, 4, 8} {
			idx := allGPRs[(i+j*5+1)%16]
			if idx == RSP {
				idx = RBP
			}
			ms = append(ms, Mem{Base: b, Index: idx, Scale: s, Disp: disps[(i+j)%len(disps)]})
		}
	}
	for _, idx := range allGPRs {
		if idx == RSP {
			continue
		}
		ms = append(ms, Mem{Base: NoReg, Index: idx, Scale: 8, Disp: 0x40})
		ms = append(ms, Mem{Base: R13, Index: idx, Scale: 2})
		ms = append(ms, Mem{Base: RSP, Index: idx, Scale: 1, Disp: 8})
	}
	ms = append(ms, Mem{Base: RIP}, Mem{Base: RIP, Disp: -12345}, Mem{Base: NoReg, Disp: 0x1000})
	return ms
}

// regMemPairs crosses every register with sampleMems and pairs every shape of memShapes with a
// register, rotating through all 16 (so every shape is checked and every register meets every
// special base).
func regMemPairs(regs []Reg) []regMem {
	var out []regMem
	for _, r := range regs {
		for _, m := range sampleMems() {
			out = append(out, regMem{r, m})
		}
	}
	for i, m := range memShapes() {
		out = append(out, regMem{regs[(i*7)%len(regs)], m})
	}
	return out
}

type regMem struct {
	r Reg
	m Mem
}

// sampleMems returns a smaller spread used when a form is crossed with all registers.
func sampleMems() []Mem {
	return []Mem{
		{Base: RAX}, {Base: RSP}, {Base: RBP}, {Base: R12}, {Base: R13}, {Base: R15, Disp: -8},
		{Base: RSP, Disp: 0x100}, {Base: RBX, Index: R12, Scale: 4, Disp: 0x10},
		{Base: R13, Index: RBP, Scale: 8}, {Base: RIP, Disp: 0x20}, {Base: NoReg, Disp: 0x100},
		{Base: R9, Index: R14, Scale: 2, Disp: -0x1000},
	}
}
