package asm

import (
	"testing"

	"golang.org/x/arch/x86/x86asm"
)

var allWidths = []Width{W8, W16, W32, W64}
var wideWidths = []Width{W16, W32, W64}

var aluNames = [8]string{"ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR", "CMP"}

var condNames = [16]string{"O", "NO", "B", "AE", "E", "NE", "BE", "A", "S", "NS", "P", "NP", "L", "GE", "LE", "G"}

// immsFor returns test immediates that fit a signed operand of width w.
func immsFor(w Width) []int32 {
	all := []int32{0, 1, -1, 5, 0x7f, -0x80, 0x80, -0x81, 0xff, 0x7fff, -0x8000, 0x8000, 0x12345678, -0x7fffffff - 1, 0x7fffffff}
	var out []int32
	for _, v := range all {
		switch w {
		case W8:
			if v != int32(int8(v)) {
				continue
			}
		case W16:
			if v != int32(int16(v)) {
				continue
			}
		}
		out = append(out, v)
	}
	return out
}

type rrForm struct {
	op     string
	widths []Width
	emit   func(a *Assembler, w Width, x, y Reg)
}

type rmForm struct {
	op     string
	widths []Width
	emit   func(a *Assembler, w Width, r Reg, m Mem)
	mr     bool // operand order is [m], r
	noSize bool // no memory size to check (LEA)
}

type riForm struct {
	op     string
	widths []Width
	emit   func(a *Assembler, w Width, r Reg, imm int32)
}

type miForm struct {
	op     string
	widths []Width
	emit   func(a *Assembler, w Width, m Mem, imm int32)
}

type rForm struct {
	op     string
	widths []Width
	emit   func(a *Assembler, w Width, r Reg)
	extra  []x86asm.Arg // trailing implicit operands as decoded (CL for shifts)
}

type mForm struct {
	op     string
	widths []Width
	emit   func(a *Assembler, w Width, m Mem)
	extra  []x86asm.Arg
}

func intRRForms() []rrForm {
	var fs []rrForm
	for i := range aluNames {
		op := AluOp(i)
		fs = append(fs, rrForm{aluNames[i], allWidths, func(a *Assembler, w Width, x, y Reg) { a.AluRR(op, w, x, y) }})
	}
	fs = append(fs,
		rrForm{"ADD", allWidths, (*Assembler).AddRR},
		rrForm{"OR", allWidths, (*Assembler).OrRR},
		rrForm{"ADC", allWidths, (*Assembler).AdcRR},
		rrForm{"SBB", allWidths, (*Assembler).SbbRR},
		rrForm{"AND", allWidths, (*Assembler).AndRR},
		rrForm{"SUB", allWidths, (*Assembler).SubRR},
		rrForm{"XOR", allWidths, (*Assembler).XorRR},
		rrForm{"CMP", allWidths, (*Assembler).CmpRR},
		rrForm{"TEST", allWidths, (*Assembler).TestRR},
		rrForm{"MOV", allWidths, (*Assembler).MovRR},
		rrForm{"XCHG", allWidths, (*Assembler).XchgRR},
		rrForm{"IMUL", wideWidths, (*Assembler).ImulRR},
		rrForm{"LZCNT", wideWidths, (*Assembler).LzcntRR},
		rrForm{"TZCNT", wideWidths, (*Assembler).TzcntRR},
		rrForm{"POPCNT", wideWidths, (*Assembler).PopcntRR},
		rrForm{"BSR", wideWidths, (*Assembler).BsrRR},
		rrForm{"BSF", wideWidths, (*Assembler).BsfRR},
	)
	for c := range Cond(16) {
		fs = append(fs, rrForm{"CMOV" + condNames[c], wideWidths, func(a *Assembler, w Width, x, y Reg) { a.CmovccRR(c, w, x, y) }})
	}
	return fs
}

func intRMForms() []rmForm {
	var fs []rmForm
	for i := range aluNames {
		op := AluOp(i)
		fs = append(fs,
			rmForm{op: aluNames[i], widths: allWidths, emit: func(a *Assembler, w Width, r Reg, m Mem) { a.AluRM(op, w, r, m) }},
			rmForm{op: aluNames[i], widths: allWidths, emit: func(a *Assembler, w Width, r Reg, m Mem) { a.AluMR(op, w, m, r) }, mr: true},
		)
	}
	mr := func(f func(a *Assembler, w Width, m Mem, r Reg)) func(a *Assembler, w Width, r Reg, m Mem) {
		return func(a *Assembler, w Width, r Reg, m Mem) { f(a, w, m, r) }
	}
	fs = append(fs,
		rmForm{op: "ADD", widths: allWidths, emit: (*Assembler).AddRM},
		rmForm{op: "ADD", widths: allWidths, emit: mr((*Assembler).AddMR), mr: true},
		rmForm{op: "OR", widths: allWidths, emit: (*Assembler).OrRM},
		rmForm{op: "OR", widths: allWidths, emit: mr((*Assembler).OrMR), mr: true},
		rmForm{op: "AND", widths: allWidths, emit: (*Assembler).AndRM},
		rmForm{op: "AND", widths: allWidths, emit: mr((*Assembler).AndMR), mr: true},
		rmForm{op: "SUB", widths: allWidths, emit: (*Assembler).SubRM},
		rmForm{op: "SUB", widths: allWidths, emit: mr((*Assembler).SubMR), mr: true},
		rmForm{op: "XOR", widths: allWidths, emit: (*Assembler).XorRM},
		rmForm{op: "XOR", widths: allWidths, emit: mr((*Assembler).XorMR), mr: true},
		rmForm{op: "CMP", widths: allWidths, emit: (*Assembler).CmpRM},
		rmForm{op: "CMP", widths: allWidths, emit: mr((*Assembler).CmpMR), mr: true},
		rmForm{op: "TEST", widths: allWidths, emit: mr((*Assembler).TestMR), mr: true},
		rmForm{op: "MOV", widths: allWidths, emit: (*Assembler).MovRM},
		rmForm{op: "MOV", widths: allWidths, emit: mr((*Assembler).MovMR), mr: true},
		rmForm{op: "XCHG", widths: allWidths, emit: mr((*Assembler).XchgMR), mr: true},
		rmForm{op: "IMUL", widths: wideWidths, emit: (*Assembler).ImulRM},
		rmForm{op: "LZCNT", widths: wideWidths, emit: (*Assembler).LzcntRM},
		rmForm{op: "TZCNT", widths: wideWidths, emit: (*Assembler).TzcntRM},
		rmForm{op: "POPCNT", widths: wideWidths, emit: (*Assembler).PopcntRM},
		rmForm{op: "BSR", widths: wideWidths, emit: (*Assembler).BsrRM},
		rmForm{op: "BSF", widths: wideWidths, emit: (*Assembler).BsfRM},
		rmForm{op: "LEA", widths: []Width{W32, W64}, emit: (*Assembler).LeaRM, noSize: true},
	)
	for c := range Cond(16) {
		fs = append(fs, rmForm{op: "CMOV" + condNames[c], widths: wideWidths, emit: func(a *Assembler, w Width, r Reg, m Mem) { a.CmovccRM(c, w, r, m) }})
	}
	return fs
}

func intRIForms() []riForm {
	var fs []riForm
	for i := range aluNames {
		op := AluOp(i)
		fs = append(fs, riForm{aluNames[i], allWidths, func(a *Assembler, w Width, r Reg, imm int32) { a.AluRI(op, w, r, imm) }})
	}
	fs = append(fs,
		riForm{"ADD", allWidths, (*Assembler).AddRI},
		riForm{"OR", allWidths, (*Assembler).OrRI},
		riForm{"ADC", allWidths, (*Assembler).AdcRI},
		riForm{"SBB", allWidths, (*Assembler).SbbRI},
		riForm{"AND", allWidths, (*Assembler).AndRI},
		riForm{"SUB", allWidths, (*Assembler).SubRI},
		riForm{"XOR", allWidths, (*Assembler).XorRI},
		riForm{"CMP", allWidths, (*Assembler).CmpRI},
		riForm{"TEST", allWidths, (*Assembler).TestRI},
		riForm{"MOV", allWidths, (*Assembler).MovRI},
	)
	return fs
}

func intMIForms() []miForm {
	var fs []miForm
	for i := range aluNames {
		op := AluOp(i)
		fs = append(fs, miForm{aluNames[i], allWidths, func(a *Assembler, w Width, m Mem, imm int32) { a.AluMI(op, w, m, imm) }})
	}
	fs = append(fs,
		miForm{"ADD", allWidths, (*Assembler).AddMI},
		miForm{"OR", allWidths, (*Assembler).OrMI},
		miForm{"AND", allWidths, (*Assembler).AndMI},
		miForm{"SUB", allWidths, (*Assembler).SubMI},
		miForm{"XOR", allWidths, (*Assembler).XorMI},
		miForm{"CMP", allWidths, (*Assembler).CmpMI},
		miForm{"TEST", allWidths, (*Assembler).TestMI},
		miForm{"MOV", allWidths, (*Assembler).MovMI},
	)
	return fs
}

var shiftNames = map[ShiftOp]string{Rol: "ROL", Ror: "ROR", Shl: "SHL", Shr: "SHR", Sar: "SAR"}

func intRForms() []rForm {
	fs := []rForm{
		{op: "NOT", widths: allWidths, emit: (*Assembler).NotR},
		{op: "NEG", widths: allWidths, emit: (*Assembler).NegR},
		{op: "MUL", widths: allWidths, emit: (*Assembler).MulR},
		{op: "IMUL", widths: allWidths, emit: (*Assembler).ImulR},
		{op: "DIV", widths: allWidths, emit: (*Assembler).DivR},
		{op: "IDIV", widths: allWidths, emit: (*Assembler).IdivR},
		{op: "INC", widths: allWidths, emit: (*Assembler).IncR},
		{op: "DEC", widths: allWidths, emit: (*Assembler).DecR},
		{op: "BSWAP", widths: []Width{W32, W64}, emit: (*Assembler).BswapR},
		{op: "PUSH", widths: []Width{W64}, emit: func(a *Assembler, _ Width, r Reg) { a.PushR(r) }},
		{op: "POP", widths: []Width{W64}, emit: func(a *Assembler, _ Width, r Reg) { a.PopR(r) }},
		{op: "CALL", widths: []Width{W64}, emit: func(a *Assembler, _ Width, r Reg) { a.CallR(r) }},
		{op: "JMP", widths: []Width{W64}, emit: func(a *Assembler, _ Width, r Reg) { a.JmpR(r) }},
	}
	for op, name := range shiftNames {
		fs = append(fs, rForm{op: name, widths: allWidths, emit: func(a *Assembler, w Width, r Reg) { a.ShiftRCL(op, w, r) }, extra: []x86asm.Arg{x86asm.CL}})
	}
	for c := range Cond(16) {
		fs = append(fs, rForm{op: "SET" + condNames[c], widths: []Width{W8}, emit: func(a *Assembler, _ Width, r Reg) { a.SetccR(c, r) }})
	}
	return fs
}

func intMForms() []mForm {
	fs := []mForm{
		{op: "NOT", widths: allWidths, emit: (*Assembler).NotM},
		{op: "NEG", widths: allWidths, emit: (*Assembler).NegM},
		{op: "MUL", widths: allWidths, emit: (*Assembler).MulM},
		{op: "DIV", widths: allWidths, emit: (*Assembler).DivM},
		{op: "IDIV", widths: allWidths, emit: (*Assembler).IdivM},
		{op: "INC", widths: allWidths, emit: (*Assembler).IncM},
		{op: "DEC", widths: allWidths, emit: (*Assembler).DecM},
		{op: "CALL", widths: []Width{W64}, emit: func(a *Assembler, _ Width, m Mem) { a.CallM(m) }},
		{op: "JMP", widths: []Width{W64}, emit: func(a *Assembler, _ Width, m Mem) { a.JmpM(m) }},
	}
	for op, name := range shiftNames {
		fs = append(fs, mForm{op: name, widths: allWidths, emit: func(a *Assembler, w Width, m Mem) { a.ShiftMCL(op, w, m) }, extra: []x86asm.Arg{x86asm.CL}})
	}
	for c := range Cond(16) {
		fs = append(fs, mForm{op: "SET" + condNames[c], widths: []Width{W8}, emit: func(a *Assembler, _ Width, m Mem) { a.SetccM(c, m) }})
	}
	return fs
}

func TestIntegerRegisterForms(t *testing.T) {
	c := &checker{t: t}
	for _, f := range intRRForms() {
		for _, w := range f.widths {
			for _, x := range allGPRs {
				for _, y := range allGPRs {
					c.check(func(a *Assembler) { f.emit(a, w, x, y) },
						want{op: f.op, args: []x86asm.Arg{xgpr(w, x), xgpr(w, y)}},
						"%s w%d %v,%v", f.op, w*8, x, y)
				}
			}
		}
	}
	for _, f := range intRForms() {
		for _, w := range f.widths {
			for _, r := range allGPRs {
				c.check(func(a *Assembler) { f.emit(a, w, r) },
					want{op: f.op, args: append([]x86asm.Arg{xgpr(w, r)}, f.extra...)},
					"%s w%d %v", f.op, w*8, r)
			}
		}
	}
	t.Logf("%d register-form checks", c.n)
}

func TestIntegerMemoryForms(t *testing.T) {
	c := &checker{t: t}
	mems := memShapes()
	pairs := regMemPairs(allGPRs)
	for _, f := range intRMForms() {
		for _, w := range f.widths {
			for _, p := range pairs {
				r, m := p.r, p.m
				{
					args := []x86asm.Arg{xgpr(w, r), xmem(m)}
					if f.mr {
						args[0], args[1] = args[1], args[0]
					}
					mb := int(w)
					if f.noSize {
						mb = 0
					}
					c.check(func(a *Assembler) { f.emit(a, w, r, m) },
						want{op: f.op, args: args, memBytes: mb},
						"%s w%d %v %+v", f.op, w*8, r, m)
				}
			}
		}
	}
	for _, f := range intMForms() {
		for _, w := range f.widths {
			for _, m := range mems {
				c.check(func(a *Assembler) { f.emit(a, w, m) },
					want{op: f.op, args: append([]x86asm.Arg{xmem(m)}, f.extra...), memBytes: int(w)},
					"%s w%d %+v", f.op, w*8, m)
			}
		}
	}
	t.Logf("%d memory-form checks", c.n)
}

func TestIntegerImmediateForms(t *testing.T) {
	c := &checker{t: t}
	for _, f := range intRIForms() {
		for _, w := range f.widths {
			for _, r := range allGPRs {
				for _, imm := range immsFor(w) {
					c.check(func(a *Assembler) { f.emit(a, w, r, imm) },
						want{op: f.op, args: []x86asm.Arg{xgpr(w, r), x86asm.Imm(imm)}, immBits: int(w) * 8},
						"%s w%d %v, %#x", f.op, w*8, r, imm)
				}
			}
		}
	}
	mems := sampleMems()
	for _, f := range intMIForms() {
		for _, w := range f.widths {
			for _, m := range mems {
				for _, imm := range immsFor(w) {
					c.check(func(a *Assembler) { f.emit(a, w, m, imm) },
						want{op: f.op, args: []x86asm.Arg{xmem(m), x86asm.Imm(imm)}, memBytes: int(w), immBits: int(w) * 8},
						"%s w%d %+v, %#x", f.op, w*8, m, imm)
				}
			}
		}
	}
	for op, name := range shiftNames {
		for _, w := range allWidths {
			for _, imm := range []uint8{0, 1, 7, 31, 63} {
				for _, r := range allGPRs {
					c.check(func(a *Assembler) { a.ShiftRI(op, w, r, imm) },
						want{op: name, args: []x86asm.Arg{xgpr(w, r), x86asm.Imm(imm)}, immBits: 8},
						"%s w%d %v, %d", name, w*8, r, imm)
				}
				for _, m := range mems {
					c.check(func(a *Assembler) { a.ShiftMI(op, w, m, imm) },
						want{op: name, args: []x86asm.Arg{xmem(m), x86asm.Imm(imm)}, immBits: 8, memBytes: int(w)},
						"%s w%d %+v, %d", name, w*8, m, imm)
				}
			}
		}
	}
	for _, w := range wideWidths {
		for _, d := range allGPRs {
			for _, s := range allGPRs {
				for _, imm := range immsFor(w) {
					c.check(func(a *Assembler) { a.ImulRRI(w, d, s, imm) },
						want{op: "IMUL", args: []x86asm.Arg{xgpr(w, d), xgpr(w, s), x86asm.Imm(imm)}, immBits: int(w) * 8},
						"IMUL w%d %v, %v, %#x", w*8, d, s, imm)
				}
			}
		}
	}
	for _, r := range allGPRs {
		for _, v := range []int64{0, 1, -1, 0x7fffffff, -0x80000000, 0x80000000, 0xffffffff, 0x100000000, -0x80000001, 0x123456789abcdef0, -0x7fffffffffffffff - 1} {
			c.check(func(a *Assembler) { a.MovImm64(r, v) },
				want{op: "MOV", args: []x86asm.Arg{xgpr(W64, r), x86asm.Imm(v)}},
				"MOVABS %v, %#x", r, v)
			// MovImm picks a shorter encoding; the loaded 64-bit value must be the same.
			w, imm := W64, v
			if v == int64(uint32(v)) {
				w = W32
			}
			c.check(func(a *Assembler) { a.MovImm(W64, r, v) },
				want{op: "MOV", args: []x86asm.Arg{xgpr(w, r), x86asm.Imm(imm)}, immBits: int(w) * 8},
				"MovImm %v, %#x", r, v)
		}
	}
	t.Logf("%d immediate-form checks", c.n)
}

func TestExtensionForms(t *testing.T) {
	c := &checker{t: t}
	mems := memShapes()
	for _, dw := range wideWidths {
		for _, sw := range []Width{W8, W16} {
			if sw >= dw {
				continue
			}
			for _, f := range []struct {
				op string
				rr func(a *Assembler, dw, sw Width, d, s Reg)
				rm func(a *Assembler, dw, sw Width, d Reg, m Mem)
			}{
				{"MOVZX", (*Assembler).MovzxRR, (*Assembler).MovzxRM},
				{"MOVSX", (*Assembler).MovsxRR, (*Assembler).MovsxRM},
			} {
				for _, d := range allGPRs {
					for _, s := range allGPRs {
						c.check(func(a *Assembler) { f.rr(a, dw, sw, d, s) },
							want{op: f.op, args: []x86asm.Arg{xgpr(dw, d), xgpr(sw, s)}},
							"%s w%d<-w%d %v,%v", f.op, dw*8, sw*8, d, s)
					}
					for _, m := range mems {
						c.check(func(a *Assembler) { f.rm(a, dw, sw, d, m) },
							want{op: f.op, args: []x86asm.Arg{xgpr(dw, d), xmem(m)}, memBytes: int(sw)},
							"%s w%d<-w%d %v,%+v", f.op, dw*8, sw*8, d, m)
					}
				}
			}
		}
	}
	for _, d := range allGPRs {
		for _, s := range allGPRs {
			c.check(func(a *Assembler) { a.MovsxdRR(d, s) },
				want{op: "MOVSXD", args: []x86asm.Arg{xgpr(W64, d), xgpr(W32, s)}},
				"MOVSXD %v,%v", d, s)
		}
		for _, m := range mems {
			c.check(func(a *Assembler) { a.MovsxdRM(d, m) },
				want{op: "MOVSXD", args: []x86asm.Arg{xgpr(W64, d), xmem(m)}, memBytes: 4},
				"MOVSXD %v,%+v", d, m)
		}
	}
	t.Logf("%d extension-form checks", c.n)
}

func TestFixedInstructions(t *testing.T) {
	c := &checker{t: t}
	for _, tc := range []struct {
		op   string
		emit func(a *Assembler)
		args []x86asm.Arg
	}{
		{"CDQ", (*Assembler).Cdq, nil},
		{"CQO", (*Assembler).Cqo, nil},
		{"RET", (*Assembler).Ret, nil},
		{"UD2", (*Assembler).Ud2, nil},
		{"INT", (*Assembler).Int3, []x86asm.Arg{x86asm.Imm(3)}},
		{"MFENCE", (*Assembler).Mfence, nil},
		{"PAUSE", (*Assembler).Pause, nil},
		{"PUSH", func(a *Assembler) { a.PushI(-2) }, []x86asm.Arg{x86asm.Imm(-2)}},
		{"PUSH", func(a *Assembler) { a.PushI(0x12345678) }, []x86asm.Arg{x86asm.Imm(0x12345678)}},
	} {
		c.check(tc.emit, want{op: tc.op, args: tc.args}, "%s", tc.op)
	}
	// Every multi-byte NOP decodes as one NOP of the requested length.
	for n := 1; n <= 9; n++ {
		var a Assembler
		a.Nop(n)
		inst, err := x86asm.Decode(a.Code(), 64)
		if err != nil || inst.Op != x86asm.NOP || inst.Len != n {
			t.Errorf("Nop(%d) = % x decodes as %v len %d err %v", n, a.Code(), inst.Op, inst.Len, err)
		}
	}
}
