package asm

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"golang.org/x/arch/x86/x86asm"
)

// generator emits random instructions from every form table, recording each instruction's
// offset, length and intended mnemonic.
type generator struct {
	rr  []rrForm
	rm  []rmForm
	ri  []riForm
	mi  []miForm
	r   []rForm
	m   []mForm
	sse []SseOp
	ms  []Mem
}

func newGenerator() *generator {
	g := &generator{rr: intRRForms(), rm: intRMForms(), ri: intRIForms(), mi: intMIForms(), r: intRForms(), m: intMForms(), ms: memShapes()}
	for op := SseOp(1); op < numSseOps; op++ {
		g.sse = append(g.sse, op)
	}
	return g
}

type emitted struct {
	off, n int
	op     string
}

type choice interface {
	IntN(n int) int
}

// byteChoice draws choices from fuzz input, then zeros.
type byteChoice struct{ b []byte }

func (c *byteChoice) IntN(n int) int {
	if len(c.b) < 2 {
		return 0
	}
	v := int(binary.LittleEndian.Uint16(c.b))
	c.b = c.b[2:]
	return v % n
}

func pick[T any](c choice, xs []T) T { return xs[c.IntN(len(xs))] }

// emit appends one random instruction (or label/branch) to a and returns its mnemonic as
// x86asm names it ("" for labels, which emit nothing).
func (g *generator) emit(c choice, a *Assembler, labels []Label) string {
	gpr := func() Reg { return pick(c, allGPRs) }
	mem := func() Mem { return pick(c, g.ms) }
	switch c.IntN(12) {
	case 0:
		f := pick(c, g.rr)
		f.emit(a, pick(c, f.widths), gpr(), gpr())
		return f.op
	case 1:
		f := pick(c, g.rm)
		f.emit(a, pick(c, f.widths), gpr(), mem())
		return f.op
	case 2:
		f := pick(c, g.ri)
		w := pick(c, f.widths)
		f.emit(a, w, gpr(), pick(c, immsFor(w)))
		return f.op
	case 3:
		f := pick(c, g.mi)
		w := pick(c, f.widths)
		f.emit(a, w, mem(), pick(c, immsFor(w)))
		return f.op
	case 4:
		f := pick(c, g.r)
		f.emit(a, pick(c, f.widths), gpr())
		return f.op
	case 5:
		f := pick(c, g.m)
		f.emit(a, pick(c, f.widths), mem())
		return f.op
	case 6, 7:
		op := pick(c, g.sse)
		info, _ := op.Info()
		name := x86asmName(info.Mnemonic)
		rReg := func(bits int) Reg {
			if bits == 0 {
				return pick(c, allXMMs)
			}
			return gpr()
		}
		x, y := rReg(info.RegGPR), rReg(info.RMGPR)
		imm := uint8(c.IntN(256))
		switch {
		case info.ShiftImm && (!info.RegForm || c.IntN(2) == 0):
			a.SseRI(op, pick(c, allXMMs), imm)
		case info.Store && c.IntN(3) == 0:
			a.SseMR(op, mem(), pick(c, allXMMs))
		case info.MemForm && (!info.RegForm || c.IntN(2) == 0):
			switch {
			case info.Reversed && info.Imm8:
				a.SseMRI(op, mem(), x, imm)
			case info.Reversed:
				a.SseMR(op, mem(), x)
			case info.Imm8:
				a.SseRMI(op, x, mem(), imm)
			default:
				a.SseRM(op, x, mem())
			}
		case info.Reversed && info.Imm8:
			a.SseRRI(op, y, x, imm)
		case info.Reversed:
			a.SseRR(op, y, x)
		case info.Imm8:
			a.SseRRI(op, x, y, imm)
		default:
			a.SseRR(op, x, y)
		}
		return name
	case 8:
		l := pick(c, labels)
		if _, bound := a.LabelOffset(l); !bound && c.IntN(2) == 0 {
			a.Bind(l)
			return ""
		}
		cond := Cond(c.IntN(16))
		a.Jcc(cond, l)
		return "J" + condNames[cond]
	case 9:
		a.Jmp(pick(c, labels))
		return "JMP"
	case 10:
		a.LeaRIP(gpr(), pick(c, labels))
		return "LEA"
	default:
		switch c.IntN(4) {
		case 0:
			a.MovImm64(gpr(), int64(c.IntN(1<<16))<<40)
			return "MOV"
		case 1:
			a.Call(pick(c, labels))
			return "CALL"
		case 2:
			a.Cqo()
			return "CQO"
		}
		cond := Cond(c.IntN(16))
		a.SetccR(cond, gpr())
		return "SET" + condNames[cond]
	}
}

// checkSequence emits n random instructions, binds all labels, and checks that the code
// decodes back into exactly the emitted instructions (count, offsets, lengths, mnemonics).
func checkSequence(t *testing.T, g *generator, c choice, n int) {
	t.Helper()
	var a Assembler
	labels := []Label{a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()}
	var insts []emitted
	for range n {
		off := a.Len()
		op := g.emit(c, &a, labels)
		if a.Len() == off {
			continue
		}
		insts = append(insts, emitted{off, a.Len() - off, op})
	}
	for _, l := range labels {
		if _, bound := a.LabelOffset(l); !bound {
			a.Bind(l)
		}
	}
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for off := 0; off < len(code); i++ {
		inst, err := x86asm.Decode(code[off:], 64)
		if err != nil {
			t.Fatalf("decode at %d (% x): %v", off, code[off:min(off+16, len(code))], err)
		}
		if i >= len(insts) {
			t.Fatalf("decoded more instructions than the %d emitted", len(insts))
		}
		e := insts[i]
		if e.off != off || e.n != inst.Len {
			t.Fatalf("instruction %d (%s): emitted at %d with length %d, decoded at %d with length %d (%v)", i, e.op, e.off, e.n, off, inst.Len, inst)
		}
		name := inst.Op.String()
		if e.op != name {
			t.Fatalf("instruction %d at %d: emitted %s, decoded %v", i, off, e.op, x86asm.IntelSyntax(inst, 0, nil))
		}
		off += inst.Len
	}
	if i != len(insts) {
		t.Fatalf("decoded %d instructions, emitted %d", i, len(insts))
	}
}

func TestRandomSequences(t *testing.T) {
	g := newGenerator()
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		checkSequence(t, g, r, 300)
	}
}

func FuzzSequence(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("\x06\x00\x11\x00\x22\x00\x33\x00\x44\x00\x55\x00\x66\x00\x77\x00\x88\x00\x99\x00\xaa\x00\xbb\x00"))
	g := newGenerator()
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSequence(t, g, &byteChoice{data}, len(data)/4+1)
	})
}
