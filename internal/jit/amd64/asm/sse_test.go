package asm

import (
	"testing"

	"golang.org/x/arch/x86/x86asm"
)

// x86asmName maps an Intel mnemonic to x86asm's name where they differ.
func x86asmName(m string) string {
	switch m {
	case "MOVSD":
		return "MOVSD_XMM"
	case "CMPSD":
		return "CMPSD_XMM"
	}
	return m
}

// regsOf returns the registers of an operand class (0: XMM, 32/64: GPR) and their decoded form.
func regsOf(bits int) ([]Reg, func(Reg) x86asm.Arg) {
	switch bits {
	case 32:
		return allGPRs, func(r Reg) x86asm.Arg { return xgpr(W32, r) }
	case 64:
		return allGPRs, func(r Reg) x86asm.Arg { return xgpr(W64, r) }
	}
	return allXMMs, func(r Reg) x86asm.Arg { return xxmm(r) }
}

var sseImms = []uint8{0, 1, 3, 0x1b, 0x80, 0xff}

func TestSseForms(t *testing.T) {
	c := &checker{t: t}
	ops := 0
	for op := SseOp(1); op < numSseOps; op++ {
		info, ok := op.Info()
		if !ok {
			t.Errorf("op %d has no descriptor", op)
			continue
		}
		ops++
		name := x86asmName(info.Mnemonic)
		regRegs, regArg := regsOf(info.RegGPR)
		rmRegs, rmArg := regsOf(info.RMGPR)
		var tail []x86asm.Arg
		if info.XMM0 {
			tail = []x86asm.Arg{x86asm.X0}
		}
		imms := []uint8{0}
		if info.Imm8 {
			imms = sseImms
		}
		withImm := func(args []x86asm.Arg, imm uint8) []x86asm.Arg {
			if info.Imm8 {
				args = append(args, x86asm.Imm(imm))
			}
			return append(args, tail...)
		}
		if info.RegForm {
			for _, x := range regRegs { // ModRM.reg operand
				for _, y := range rmRegs { // ModRM.rm operand
					for _, imm := range imms {
						var args []x86asm.Arg
						dst, src := x, y
						if info.Reversed {
							dst, src = y, x
							args = []x86asm.Arg{rmArg(y), regArg(x)}
						} else {
							args = []x86asm.Arg{regArg(x), rmArg(y)}
						}
						emit := func(a *Assembler) { a.SseRR(op, dst, src) }
						if info.Imm8 {
							emit = func(a *Assembler) { a.SseRRI(op, dst, src, imm) }
						}
						c.check(emit, want{op: name, args: withImm(args, imm), immBits: 8}, "%v %v, %v, %d", op, dst, src, imm)
					}
				}
			}
		}
		if info.MemForm {
			for _, p := range regMemPairs(regRegs) {
				for _, imm := range imms[:min(len(imms), 2)] {
					r, m := p.r, p.m
					var emit func(a *Assembler)
					var args []x86asm.Arg
					switch {
					case info.Reversed && info.Imm8:
						emit = func(a *Assembler) { a.SseMRI(op, m, r, imm) }
						args = []x86asm.Arg{xmem(m), regArg(r)}
					case info.Reversed:
						emit = func(a *Assembler) { a.SseMR(op, m, r) }
						args = []x86asm.Arg{xmem(m), regArg(r)}
					case info.Imm8:
						emit = func(a *Assembler) { a.SseRMI(op, r, m, imm) }
						args = []x86asm.Arg{regArg(r), xmem(m)}
					default:
						emit = func(a *Assembler) { a.SseRM(op, r, m) }
						args = []x86asm.Arg{regArg(r), xmem(m)}
					}
					c.check(emit, want{op: name, args: withImm(args, imm), immBits: 8, memBytes: info.MemBytes}, "%v %v %+v %d", op, r, m, imm)
				}
			}
		}
		if info.Store {
			for _, p := range regMemPairs(allXMMs) {
				r, m := p.r, p.m
				c.check(func(a *Assembler) { a.SseMR(op, m, r) },
					want{op: name, args: []x86asm.Arg{xmem(m), xxmm(r)}, memBytes: info.MemBytes}, "%v store %+v, %v", op, m, r)
			}
		}
		if info.ShiftImm {
			for _, r := range allXMMs {
				for _, imm := range sseImms {
					c.check(func(a *Assembler) { a.SseRI(op, r, imm) },
						want{op: name, args: []x86asm.Arg{xxmm(r), x86asm.Imm(imm)}, immBits: 8}, "%v %v, %d", op, r, imm)
				}
			}
		}
	}
	t.Logf("%d SSE ops, %d checks", ops, c.n)
}

// TestSseFormErrors checks that asking for a form an op does not have is an error, not bad code.
func TestSseFormErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		emit func(a *Assembler)
	}{
		{"imm op without imm", func(a *Assembler) { a.SseRR(PSHUFD, X0, X1) }},
		{"non-imm op with imm", func(a *Assembler) { a.SseRRI(PADDD, X0, X1, 3) }},
		{"no store form", func(a *Assembler) { a.SseMR(PADDD, Mem{Base: RAX}, X1) }},
		{"register-only op with memory", func(a *Assembler) { a.SseRM(MOVHLPS, X0, Mem{Base: RAX}) }},
		{"memory-only op with registers", func(a *Assembler) { a.SseRR(MOVHPS, X0, X1) }},
		{"no shift-by-imm form", func(a *Assembler) { a.SseRI(PADDD, X0, 1) }},
		{"imm-only shift as xmm shift", func(a *Assembler) { a.SseRR(PSLLDQ, X0, X1) }},
		{"reversed op as load", func(a *Assembler) { a.SseRM(MOVDR, RAX, Mem{Base: RAX}) }},
		{"unknown op", func(a *Assembler) { a.SseRR(numSseOps, X0, X1) }},
	} {
		var a Assembler
		tc.emit(&a)
		if _, err := a.Finalize(); err == nil {
			t.Errorf("%s: Finalize succeeded, want an error", tc.name)
		}
	}
}
