package asm

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

// The random-sequence tests emit long runs of random instructions from every form with random
// operands, bind labels among them, and check that the finalized code decodes word by word into
// exactly the intended instructions (the same expected-text builders as the form tests, with
// branch targets computed from the bound labels).

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

// expect is the intended decoding of the word at off: want() (evaluated after Finalize, so that
// label offsets are known), or, when want is nil, any instruction whose text starts with one of
// the prefixes.
type expect struct {
	off      int
	want     func() string
	prefixes []string
}

type generator struct {
	masks  [2][]uint64
	vops3  []Op
	vops2  []Op
	labels []Label
	a      *Assembler
	exps   []expect
}

func newGenerator() *generator {
	g := &generator{}
	for _, w := range widths {
		for v := range allBitmasksCached(w) {
			g.masks[w] = append(g.masks[w], v)
		}
		sortU64(g.masks[w])
	}
	for op := opVBase + 1; op < numVOps; op++ {
		switch vOps[op-opVBase].cls {
		case vc3, vc3FP:
			g.vops3 = append(g.vops3, op)
		case vc2, vc2FP, vc2FPN:
			g.vops2 = append(g.vops2, op)
		}
	}
	return g
}

func (g *generator) fixed(off int, s string) {
	g.exps = append(g.exps, expect{off: off, want: func() string { return s }})
}

// pcrelTo returns a want function for a reference at off to l whose text is built by f.
func (g *generator) pcrelTo(off int, l Label, f func(rel string) string) {
	a := g.a
	g.exps = append(g.exps, expect{off: off, want: func() string {
		t, _ := a.LabelOffset(l)
		return f(pcrel(int64(t - off)))
	}})
}

// emit appends one random instruction, label binding or instruction sequence.
func (g *generator) emit(c choice) {
	a := g.a
	off := a.Len()
	w := Width(c.IntN(2))
	d, n, m, r4 := rot(gpRegs, c.IntN(32))
	vd, vn_, vm, _ := rot(vRegs, c.IntN(32))
	switch c.IntN(16) {
	case 0:
		f := pick(c, rrrOps)
		if f.only6 {
			w = W64
		}
		a.RRR(f.op, w, d, n, m)
		g.fixed(off, wantRRR(f.op, w, d, n, m, LSL, 0))
	case 1:
		op := pick(c, []Op{ADD, ADDS, SUB, SUBS, AND, ORR, EOR, ANDS, BIC, ORN, EON, BICS})
		sh := Shift(c.IntN(4))
		if intOps[op].cls == icAddSub {
			sh %= 3
		}
		amount := uint8(c.IntN(int(w.bits())))
		a.RRRShift(op, w, d, n, m, sh, amount)
		g.fixed(off, wantRRR(op, w, d, n, m, sh, amount))
	case 2:
		op := pick(c, []Op{ADD, ADDS, SUB, SUBS})
		ext, amount := Extend(c.IntN(8)), uint8(c.IntN(5))
		if n == ZR {
			n = RSP
		}
		if d == ZR && (op == ADD || op == SUB) {
			d = RSP
		}
		a.RRRExt(op, w, d, n, m, ext, amount)
		g.fixed(off, wantExt(op, w, d, n, m, ext, amount))
	case 3:
		op := pick(c, []Op{ADD, ADDS, SUB, SUBS})
		v := uint64(c.IntN(4096))
		if c.IntN(2) == 0 {
			v <<= 12
		}
		if n == ZR {
			n = RSP
		}
		if d == ZR && (op == ADD || op == SUB) {
			d = RSP
		}
		a.RRImm(op, w, d, n, v)
		g.fixed(off, wantAddImm(op, w, d, n, v))
	case 4:
		op := pick(c, []Op{AND, ORR, EOR, ANDS})
		v := pick(c, g.masks[w])
		if d == ZR && op != ANDS {
			d = RSP
		}
		a.RRImm(op, w, d, n, v)
		g.fixed(off, wantLogImm(op, w, d, n, v))
	case 5:
		op := pick(c, []Op{SBFM, BFM, UBFM})
		if n == ZR {
			n = R1
			if d == R1 {
				d = R2
			}
		}
		immr, imms := uint8(c.IntN(int(w.bits()))), uint8(c.IntN(int(w.bits())))
		a.Bfm(op, w, d, n, immr, imms)
		g.fixed(off, wantBfm(op, w, d, n, immr, imms))
	case 6:
		h1, h2 := uint64(c.IntN(1<<16))<<(16*c.IntN(4)), uint64(c.IntN(1<<16))<<(16*c.IntN(4))
		v := h1 | h2
		if c.IntN(2) == 0 {
			v = ^v
		}
		if d == ZR {
			d = R0
		}
		a.MovImm(w, d, v)
		for o := off; o < a.Len(); o += 4 {
			g.exps = append(g.exps, expect{off: o, prefixes: []string{"MOV ", "MOVK ", "MOVZ ", "MOVN "}})
		}
	case 7:
		sz := pick(c, allSizes)
		tr := n
		if sz.IsV() {
			tr = vd
		}
		base := m
		if base == ZR {
			base = RSP
		}
		if sz != SB && sz != SH {
			w = W64
		}
		off64 := int64(c.IntN(512)) - 256
		if c.IntN(2) == 0 {
			off64 = int64(c.IntN(4096)) * int64(sz.Bytes())
		}
		load := c.IntN(2) == 0 || (sz >= SB && sz <= SW)
		scale := int64(sz.Bytes())
		unscaled := !(off64 >= 0 && off64%scale == 0 && off64/scale < 4096)
		name, view := ldName(sz, w, load, unscaled)
		if load {
			a.Ldr(sz, w, tr, base, off64)
		} else {
			a.Str(sz, tr, base, off64)
		}
		g.fixed(off, ins(name, tName(view, tr), memImm(base, off64)))
	case 8:
		base := r4
		if base == ZR {
			base = RSP
		}
		k := int64(c.IntN(128) - 64)
		mode := Index(c.IntN(3))
		sc := int64(4) << w
		var mem string
		switch mode {
		case PreIndex:
			mem = fmt.Sprintf("[%s,#%d]!", xr(W64, base), k*sc)
		case PostIndex:
			mem = fmt.Sprintf("[%s],#%d", xr(W64, base), k*sc)
		default:
			mem = memImm(base, k*sc)
		}
		if c.IntN(2) == 0 {
			a.Ldp(w, d, n, base, k*sc, mode)
			g.fixed(off, ins("LDP", xr(w, d), xr(w, n), mem))
		} else {
			a.Stp(w, d, n, base, k*sc, mode)
			g.fixed(off, ins("STP", xr(w, d), xr(w, n), mem))
		}
	case 9:
		ft := FType(c.IntN(2))
		F := fview(ft)
		if c.IntN(2) == 0 {
			op := pick(c, []Op{FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FMINNM, FMAXNM, FNMUL})
			a.FRRR(op, ft, vd, vn_, vm)
			g.fixed(off, ins(strings.ToUpper(op.String()), vn(F, vd), vn(F, vn_), vn(F, vm)))
		} else {
			op := pick(c, []Op{FABS, FNEG, FSQRT, FRINTN, FRINTM, FRINTP, FRINTZ, FRINTA, FRINTX, FRINTI, FMOV})
			a.FRR(op, ft, vd, vn_)
			g.fixed(off, ins(strings.ToUpper(op.String()), vn(F, vd), vn(F, vn_)))
		}
	case 10:
		op := pick(c, g.vops3)
		arr := Arr(c.IntN(8))
		for vOps[op-opVBase].arrs&(1<<arr) == 0 {
			arr = (arr + 1) & 7
		}
		a.VRRR(op, arr, vd, vn_, vm)
		want := ins(vname(op), va(vd, arr), va(vn_, arr), va(vm, arr))
		if widening3(op) {
			want = ins(vname(op), va(vd, widen(arr)), va(vn_, arr), va(vm, arr))
		}
		g.fixed(off, want)
	case 11:
		op := pick(c, g.vops2)
		arr := Arr(c.IntN(8))
		for vOps[op-opVBase].arrs&(1<<arr) == 0 {
			arr = (arr + 1) & 7
		}
		a.VRR(op, arr, vd, vn_)
		// Only the mnemonic: the operand shapes of VRR are checked in TestVRR.
		g.exps = append(g.exps, expect{off: off, prefixes: []string{map[Op]string{VNOT: "MVN"}[op] + " ", vname(op)[:min(len(vname(op)), 4)]}})
	case 12, 13:
		l := pick(c, g.labels)
		if _, bound := a.LabelOffset(l); !bound && c.IntN(3) == 0 {
			a.Bind(l)
			return
		}
		switch c.IntN(6) {
		case 0:
			a.B(l)
			g.pcrelTo(off, l, func(rel string) string { return ins("B", rel) })
		case 1:
			a.BL(l)
			g.pcrelTo(off, l, func(rel string) string { return ins("BL", rel) })
		case 2:
			cnd := Cond(c.IntN(15))
			a.BCond(cnd, l)
			g.pcrelTo(off, l, func(rel string) string { return ins("B", condNamesDec[cnd], rel) })
		case 3:
			if c.IntN(2) == 0 {
				a.Cbz(w, d, l)
				g.pcrelTo(off, l, func(rel string) string { return ins("CBZ", xr(w, d), rel) })
			} else {
				a.Cbnz(w, d, l)
				g.pcrelTo(off, l, func(rel string) string { return ins("CBNZ", xr(w, d), rel) })
			}
		case 4:
			bit := uint8(c.IntN(64))
			bw := W32
			if bit >= 32 {
				bw = W64
			}
			a.Tbnz(d, bit, l)
			g.pcrelTo(off, l, func(rel string) string { return ins("TBNZ", xr(bw, d), dec(int64(bit)), rel) })
		default:
			if d == ZR {
				d = R0
			}
			a.Adr(d, l)
			g.pcrelTo(off, l, func(rel string) string { return ins("ADR", xr(W64, d), rel) })
		}
	case 14:
		cnd := Cond(c.IntN(15))
		op := pick(c, []Op{CSEL, CSINC, CSINV, CSNEG})
		a.CSel(op, w, d, n, m, cnd)
		g.fixed(off, ins(strings.ToUpper(op.String()), xr(w, d), xr(w, n), xr(w, m), condNamesDec[cnd]))
	default:
		arr := pick(c, []Arr{B16, H8, S4, D2})
		idx := uint8(c.IntN(16 >> (arr >> 1)))
		switch c.IntN(4) {
		case 0:
			a.DupElem(arr, vd, vn_, idx)
			g.fixed(off, ins("DUP", va(vd, arr), lane(vn_, arr, idx)))
		case 1:
			a.Ext(vd, vn_, vm, idx)
			g.fixed(off, ins("EXT", va(vd, B16), va(vn_, B16), va(vm, B16), dec(int64(idx))))
		case 2:
			base := m
			if base == ZR {
				base = RSP
			}
			a.Ld1Lane(arr, vd, idx, base)
			g.fixed(off, ins("LD1", fmt.Sprintf("{V%d.%s}[%d]", vd-V0, laneLetter(arr), idx), fmt.Sprintf("[%s]", xr(W64, base))))
		default:
			a.Nop()
			g.fixed(off, "NOP")
		}
	}
}

// checkSequence emits n random instructions, binds the remaining labels, and checks the code.
func checkSequence(t *testing.T, g *generator, c choice, n int) {
	t.Helper()
	var a Assembler
	g.a = &a
	g.exps = g.exps[:0]
	g.labels = []Label{a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()}
	for range n {
		g.emit(c)
	}
	for _, l := range g.labels {
		if _, bound := a.LabelOffset(l); !bound {
			a.Bind(l)
		}
	}
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	if len(code) != 4*len(g.exps) {
		t.Fatalf("%d bytes for %d expected instructions", len(code), len(g.exps))
	}
	for i, e := range g.exps {
		if e.off != 4*i {
			t.Fatalf("instruction %d expected at %d, is at %d", i, e.off, 4*i)
		}
		inst, err := arm64asm.Decode(code[e.off:])
		if err != nil {
			t.Fatalf("at %d: decode %08x: %v", e.off, binary.LittleEndian.Uint32(code[e.off:]), err)
		}
		got := strings.TrimSpace(inst.String())
		if e.want != nil {
			if want := e.want(); !strings.EqualFold(got, want) {
				t.Fatalf("at %d: %08x decodes as %q, want %q", e.off, binary.LittleEndian.Uint32(code[e.off:]), got, want)
			}
			continue
		}
		ok := false
		for _, p := range e.prefixes {
			ok = ok || (p != " " && strings.HasPrefix(got, p))
		}
		if !ok {
			t.Fatalf("at %d: %08x decodes as %q, want one of %q", e.off, binary.LittleEndian.Uint32(code[e.off:]), got, e.prefixes)
		}
	}
}

func TestRandomSequences(t *testing.T) {
	g := newGenerator()
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		checkSequence(t, g, r, 200)
	}
}

func FuzzSequence(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("\x06\x00\x11\x00\x22\x00\x33\x00\x44\x00\x55\x00\x66\x00\x77\x00\x88\x00\x99\x00\xaa\x00\xbb\x00\x0c\x00\x0d\x00"))
	g := newGenerator()
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSequence(t, g, &byteChoice{data}, len(data)/8+1)
	})
}
