package asm

import (
	"fmt"
	"math/bits"
	"strings"
	"testing"
)

var shiftNames = [4]string{"LSL", "LSR", "ASR", "ROR"}
var extNames = [8]string{"UXTB", "UXTH", "UXTW", "UXTX", "SXTB", "SXTH", "SXTW", "SXTX"}

// rrrOps are the RRR operations with their W64-only flag.
var rrrOps = []struct {
	op    Op
	only6 bool
}{
	{ADD, false}, {ADDS, false}, {SUB, false}, {SUBS, false}, {AND, false}, {ORR, false}, {EOR, false},
	{ANDS, false}, {BIC, false}, {ORN, false}, {EON, false}, {BICS, false}, {SDIV, false}, {UDIV, false},
	{LSLV, false}, {LSRV, false}, {ASRV, false}, {RORV, false}, {MUL, false}, {SMULH, true}, {UMULH, true},
}

// wantRRR is the expected decoding of op d, n, m (with an optional shift suffix), applying the
// architecture's preferred aliases.
func wantRRR(op Op, w Width, d, n, m Reg, sh Shift, amount uint8) string {
	name := strings.ToUpper(op.String())
	sfx := []string{}
	if amount != 0 || sh != LSL {
		sfx = append(sfx, fmt.Sprintf("%s #%d", shiftNames[sh], amount))
	}
	D, N, M := xr(w, d), xr(w, n), xr(w, m)
	alias := func(name string, args ...string) string { return ins(name, append(args, sfx...)...) }
	switch op {
	case ADDS:
		if d == ZR {
			return alias("CMN", N, M)
		}
	case SUB:
		if n == ZR {
			return alias("NEG", D, M)
		}
	case SUBS:
		if d == ZR {
			return alias("CMP", N, M)
		}
		if n == ZR {
			return alias("NEGS", D, M)
		}
	case ANDS:
		if d == ZR {
			return alias("TST", N, M)
		}
	case ORR:
		if n == ZR && len(sfx) == 0 {
			return ins("MOV", D, M)
		}
	case ORN:
		if n == ZR {
			return alias("MVN", D, M)
		}
	case LSLV, LSRV, ASRV, RORV:
		name = name[:3]
	}
	return alias(name, D, N, M)
}

func TestRRR(t *testing.T) {
	c := newChecker(t)
	for _, f := range rrrOps {
		for _, w := range widths {
			if f.only6 && w == W32 {
				continue
			}
			for i := range 32 {
				d, n, m, _ := rot(gpRegs, i)
				c.check(fmt.Sprintf("RRR %v %s", f.op, wname(w)), func(a *Assembler) { a.RRR(f.op, w, d, n, m) }, wantRRR(f.op, w, d, n, m, LSL, 0))
			}
		}
	}
	// RSP operands switch add/sub to the extended-register form.
	for _, op := range []Op{ADD, SUB, ADDS, SUBS} {
		for _, w := range widths {
			for i := range 31 {
				d, n, m, _ := rot(gpRegs[:31], i)
				dd := d
				if op == ADD || op == SUB {
					dd = RSP
				}
				c.check(fmt.Sprintf("RRR %v %s sp", op, wname(w)), func(a *Assembler) { a.RRR(op, w, dd, RSP, m) }, wantExt(op, w, dd, RSP, m, [2]Extend{UXTW, UXTX}[w], 0))
				c.check(fmt.Sprintf("RRR %v %s sp", op, wname(w)), func(a *Assembler) { a.RRR(op, w, d, RSP, n) }, wantExt(op, w, d, RSP, n, [2]Extend{UXTW, UXTX}[w], 0))
			}
		}
	}
	c.checkFails("smulh w32", func(a *Assembler) bool { a.RRR(SMULH, W32, R0, R1, R2); return true })
	c.checkFails("rrr sp as m", func(a *Assembler) bool { a.RRR(ADD, W64, R0, R1, RSP); return true })
	c.checkFails("rrr logical sp", func(a *Assembler) bool { a.RRR(ORR, W64, RSP, R1, R2); return true })
	c.checkFails("rrr v reg", func(a *Assembler) bool { a.RRR(ADD, W64, V0, R1, R2); return true })
	c.checkFails("rrr madd", func(a *Assembler) bool { a.RRR(MADD, W64, R0, R1, R2); return true })
	c.checkFails("rrr fadd", func(a *Assembler) bool { a.RRR(FADD, W64, R0, R1, R2); return true })
}

func TestRRRShift(t *testing.T) {
	c := newChecker(t)
	ops := []Op{ADD, ADDS, SUB, SUBS, AND, ORR, EOR, ANDS, BIC, ORN, EON, BICS}
	for _, op := range ops {
		for _, w := range widths {
			for sh := LSL; sh <= ROR; sh++ {
				if sh == ROR && intOps[op].cls == icAddSub {
					continue
				}
				for i, amount := range []uint8{0, 1, 7, 16, 31, 32, 63} {
					if uint(amount) >= w.bits() {
						continue
					}
					d, n, m, _ := rot(gpRegs, i*5+int(sh)*3+int(op))
					c.check(fmt.Sprintf("RRRShift %v %s %s", op, wname(w), shiftNames[sh]), func(a *Assembler) { a.RRRShift(op, w, d, n, m, sh, amount) }, wantRRR(op, w, d, n, m, sh, amount))
				}
			}
		}
	}
	c.checkFails("add ror", func(a *Assembler) bool { a.RRRShift(ADD, W64, R0, R1, R2, ROR, 1); return true })
	c.checkFails("shift 32 at w32", func(a *Assembler) bool { a.RRRShift(AND, W32, R0, R1, R2, LSL, 32); return true })
	c.checkFails("shift 64", func(a *Assembler) bool { a.RRRShift(AND, W64, R0, R1, R2, LSL, 64); return true })
}

// wantExt is the expected decoding of an extended-register add/subtract.
func wantExt(op Op, w Width, d, n, m Reg, ext Extend, amount uint8) string {
	mw := W32
	if w == W64 && (ext == UXTX || ext == SXTX) {
		mw = W64
	}
	e := extNames[ext]
	// With SP as d or n, the extension matching the width is written LSL (omitted when 0).
	if (d == RSP || n == RSP) && ((w == W64 && ext == UXTX) || (w == W32 && ext == UXTW)) {
		e = "LSL"
		if amount == 0 {
			e = ""
		}
	}
	M := xr(mw, m)
	if e != "" {
		M += ", " + e
		if amount != 0 {
			M += fmt.Sprintf(" #%d", amount)
		}
	}
	name := strings.ToUpper(op.String())
	switch {
	case op == ADDS && d == ZR:
		return ins("CMN", xr(w, n), M)
	case op == SUBS && d == ZR:
		return ins("CMP", xr(w, n), M)
	}
	return ins(name, xr(w, d), xr(w, n), M)
}

func TestRRRExt(t *testing.T) {
	c := newChecker(t)
	for _, op := range []Op{ADD, ADDS, SUB, SUBS} {
		for _, w := range widths {
			for ext := UXTB; ext <= SXTX; ext++ {
				for amount := range uint8(5) {
					for j := range 3 {
						i := int(ext)*5 + int(amount) + j*11 + int(op)
						d, n, m, _ := rot(gpRegs, i)
						if j == 1 {
							n = RSP
						}
						if j == 2 && (op == ADD || op == SUB) {
							d = RSP
						}
						if d == ZR && (op == ADD || op == SUB) || n == ZR {
							continue // register 31 is SP there
						}
						c.check(fmt.Sprintf("RRRExt %v %s %s", op, wname(w), extNames[ext]), func(a *Assembler) { a.RRRExt(op, w, d, n, m, ext, amount) }, wantExt(op, w, d, n, m, ext, amount))
					}
				}
			}
		}
	}
	c.checkFails("ext amount 5", func(a *Assembler) bool { a.RRRExt(ADD, W64, R0, R1, R2, UXTB, 5); return true })
	c.checkFails("ext zr as n", func(a *Assembler) bool { a.RRRExt(ADD, W64, R0, ZR, R2, UXTB, 0); return true })
	c.checkFails("ext adds sp as d", func(a *Assembler) bool { a.RRRExt(ADDS, W64, RSP, R1, R2, UXTB, 0); return true })
	c.checkFails("ext and", func(a *Assembler) bool { a.RRRExt(AND, W64, R0, R1, R2, UXTB, 0); return true })
}

func TestRRRR(t *testing.T) {
	c := newChecker(t)
	for _, op := range []Op{MADD, MSUB} {
		for _, w := range widths {
			for i := range 32 {
				d, n, m, ra := rot(gpRegs, i)
				want := ins(strings.ToUpper(op.String()), xr(w, d), xr(w, n), xr(w, m), xr(w, ra))
				if ra == ZR {
					want = ins(map[Op]string{MADD: "MUL", MSUB: "MNEG"}[op], xr(w, d), xr(w, n), xr(w, m))
				}
				c.check(fmt.Sprintf("RRRR %v %s", op, wname(w)), func(a *Assembler) { a.RRRR(op, w, d, n, m, ra) }, want)
			}
		}
	}
	c.checkFails("rrrr mul", func(a *Assembler) bool { a.RRRR(MUL, W64, R0, R1, R2, R3); return true })
}

// decodeBitMasks is the architecture's DecodeBitMasks (immediate form): the value a logical
// immediate N:immr:imms stands for at the given width, written independently of the encoder.
func decodeBitMasks(n, immr, imms uint, width uint) (uint64, bool) {
	v := n<<6 | (^imms & 0x3f)
	if v == 0 {
		return 0, false
	}
	length := uint(bits.Len(v)) - 1
	if length < 1 || (width == 32 && n == 1) {
		return 0, false
	}
	levels := uint(1)<<length - 1
	if imms&levels == levels {
		return 0, false
	}
	s, r := imms&levels, immr&levels
	esize := uint(1) << length
	welem := uint64(1)<<(s+1) - 1
	emask := uint64(1)<<esize - 1
	if esize == 64 {
		emask = ^uint64(0)
	}
	elem := welem
	for range r { // rotate right by one, r times
		elem = (elem>>1 | (elem&1)<<(esize-1)) & emask
	}
	var out uint64
	for i := uint(0); i < width; i += esize {
		out |= elem << i
	}
	if width == 32 {
		out &= 0xffffffff
	}
	return out, true
}

// allBitmasks enumerates every logical immediate of the width.
func allBitmasks(width uint) map[uint64]bool {
	m := map[uint64]bool{}
	for n := uint(0); n < 2; n++ {
		for immr := range uint(64) {
			for imms := range uint(64) {
				if v, ok := decodeBitMasks(n, immr, imms, width); ok {
					m[v] = true
				}
			}
		}
	}
	return m
}

func TestLogicalImmOK(t *testing.T) {
	for _, w := range widths {
		all := allBitmasks(w.bits())
		want := map[Width]int{W32: 1302, W64: 5334}[w]
		if len(all) != want {
			t.Fatalf("%s: enumeration found %d bitmask immediates, want %d", wname(w), len(all), want)
		}
		for v := range all {
			if !LogicalImmOK(w, v) {
				t.Errorf("%s: LogicalImmOK(%#x) = false", wname(w), v)
			}
			// The encoding must decode back to v.
			f, _ := encodeLogical(w, v)
			if got, ok := decodeBitMasks(uint(f>>12), uint(f>>6&63), uint(f&63), w.bits()); !ok || got != v {
				t.Errorf("%s: %#x encodes as N:immr:imms %#x which stands for %#x", wname(w), v, f, got)
			}
		}
		// Values that are not bitmasks: neighbours of bitmasks and pseudo-random values.
		x := uint64(0x9e3779b97f4a7c15)
		check := func(v uint64) {
			if w == W32 {
				v &= 0xffffffff
			}
			if LogicalImmOK(w, v) != all[v] {
				t.Errorf("%s: LogicalImmOK(%#x) = %v, want %v", wname(w), v, !all[v], all[v])
			}
		}
		for v := range all {
			check(v + 1)
			check(v - 1)
			check(v ^ 0x10)
		}
		for range 20000 {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			check(x)
			check(x & 0xff00ff00ff00ff00)
		}
		check(0)
		check(^uint64(0))
		if w == W32 && LogicalImmOK(W32, 0x1_0000_00ff) {
			t.Errorf("w32 accepted a value wider than 32 bits")
		}
	}
}

func TestAddImmOK(t *testing.T) {
	for _, v := range []uint64{0, 1, 0xfff, 0x1000, 0x2000, 0xfff000, 0x123000} {
		if !AddImmOK(v) {
			t.Errorf("AddImmOK(%#x) = false", v)
		}
	}
	for _, v := range []uint64{0x1001, 0x1fff, 0x1000000, 0xfff001, 0xffffff, 0x1000fff, ^uint64(0), 1 << 63, 0xfff800 | 1} {
		if AddImmOK(v) {
			t.Errorf("AddImmOK(%#x) = true", v)
		}
	}
	// Exhaustive over 0..2^25: the definition, stated independently.
	for v := uint64(0); v < 1<<25; v += 1 + v>>14 {
		want := v <= 4095 || (v%4096 == 0 && v/4096 <= 4095)
		if AddImmOK(v) != want {
			t.Fatalf("AddImmOK(%#x) = %v", v, !want)
		}
	}
	for k := uint64(0); k < 4096; k++ {
		if !AddImmOK(k) || !AddImmOK(k<<12) || (k != 0 && AddImmOK(k<<12|1)) || (k >= 1 && AddImmOK(k<<24)) {
			t.Fatalf("AddImmOK wrong around %#x", k)
		}
	}
}

func TestRRImm(t *testing.T) {
	c := newChecker(t)
	addImms := []uint64{0, 1, 0x7ff, 0xfff, 0x1000, 0x5000, 0xfff000}
	for _, op := range []Op{ADD, ADDS, SUB, SUBS} {
		for _, w := range widths {
			for i, v := range addImms {
				for j := range 3 {
					d, n, _, _ := rot(gpRegs, i*3+j*10+int(op))
					setsFlags := op == ADDS || op == SUBS
					if j == 1 {
						n = RSP
					}
					if j == 2 && !setsFlags {
						d = RSP
					}
					if d == ZR && !setsFlags || n == ZR {
						continue
					}
					c.check(fmt.Sprintf("RRImm %v %s", op, wname(w)), func(a *Assembler) {
						if !a.RRImm(op, w, d, n, v) {
							a.fail("refused")
						}
					}, wantAddImm(op, w, d, n, v))
				}
			}
			for _, v := range []uint64{0x1001, 0x1000000, 0xfff001, ^uint64(0)} {
				c.checkFails(fmt.Sprintf("%v #%#x", op, v), func(a *Assembler) bool { return a.RRImm(op, w, R0, R1, v) })
			}
		}
	}
	for _, w := range widths {
		var masks []uint64
		for v := range allBitmasks(w.bits()) {
			masks = append(masks, v)
		}
		sortU64(masks)
		for _, op := range []Op{AND, ORR, EOR, ANDS} {
			for i := 0; i < len(masks); i += 23 + int(op) {
				v := masks[i]
				d, n, _, _ := rot(gpRegs, i)
				if d == ZR && op != ANDS {
					d = RSP
				}
				c.check(fmt.Sprintf("RRImm %v %s", op, wname(w)), func(a *Assembler) {
					if !a.RRImm(op, w, d, n, v) {
						a.fail("refused")
					}
				}, wantLogImm(op, w, d, n, v))
			}
			for _, v := range []uint64{0, 5, 0x12345678, ^uint64(0) >> (64 - w.bits())} {
				c.checkFails(fmt.Sprintf("%v #%#x", op, v), func(a *Assembler) bool { return a.RRImm(op, w, R0, R1, v) })
			}
		}
	}
	for i, v := range []int64{0, 1, -1, 4095, -4095, 4096, -4096, 0xfff000, -0xfff000} {
		for _, w := range widths {
			d, n, _, _ := rot(gpRegs[:31], i*3)
			op, u := ADD, uint64(v)
			if v < 0 {
				op, u = SUB, uint64(-v)
			}
			c.check("AddImm "+wname(w), func(a *Assembler) { a.AddImm(w, d, n, v) }, wantAddImm(op, w, d, n, u))
		}
	}
	for _, v := range []int64{4097, -4097, 1 << 24, -1 << 63} {
		c.checkFails(fmt.Sprintf("addimm %d", v), func(a *Assembler) bool { return a.AddImm(W64, R0, R1, v) })
	}
	c.checkFails("bic imm", func(a *Assembler) bool { return a.RRImm(BIC, W64, R0, R1, 1) })
	c.checkFails("ands sp", func(a *Assembler) bool { return a.RRImm(ANDS, W64, RSP, R1, 1) })
	c.checkFails("and n sp", func(a *Assembler) bool { return a.RRImm(AND, W64, R0, RSP, 1) })
	// Cmp/Cmn/Tst and their immediate forms.
	for _, w := range widths {
		for i := range 32 {
			_, n, m, _ := rot(gpRegs, i)
			c.check("Cmp "+wname(w), func(a *Assembler) { a.Cmp(w, n, m) }, wantRRR(SUBS, w, ZR, n, m, LSL, 0))
			c.check("Cmn "+wname(w), func(a *Assembler) { a.Cmn(w, n, m) }, wantRRR(ADDS, w, ZR, n, m, LSL, 0))
			c.check("Tst "+wname(w), func(a *Assembler) { a.Tst(w, n, m) }, wantRRR(ANDS, w, ZR, n, m, LSL, 0))
			if n == ZR {
				n = RSP
			}
			v := addImms[i%len(addImms)]
			c.check("CmpImm "+wname(w), func(a *Assembler) { a.CmpImm(w, n, v) }, wantAddImm(SUBS, w, ZR, n, v))
			c.check("CmnImm "+wname(w), func(a *Assembler) { a.CmnImm(w, n, v) }, wantAddImm(ADDS, w, ZR, n, v))
			if n == RSP {
				n = R3
			}
			c.check("TstImm "+wname(w), func(a *Assembler) { a.TstImm(w, n, 0xff) }, wantLogImm(ANDS, w, ZR, n, 0xff))
		}
		c.check("Cmp sp "+wname(w), func(a *Assembler) { a.Cmp(w, RSP, R5) }, wantExt(SUBS, w, ZR, RSP, R5, [2]Extend{UXTW, UXTX}[w], 0))
	}
}

func sortU64(xs []uint64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func wantAddImm(op Op, w Width, d, n Reg, v uint64) string {
	im := imm(v)
	if v >= 4096 {
		im = fmt.Sprintf("#%#x, LSL #12", v>>12)
	}
	switch {
	case op == ADD && v == 0 && (d == RSP || n == RSP):
		return ins("MOV", xr(w, d), xr(w, n))
	case op == ADDS && d == ZR:
		return ins("CMN", xr(w, n), im)
	case op == SUBS && d == ZR:
		return ins("CMP", xr(w, n), im)
	}
	return ins(strings.ToUpper(op.String()), xr(w, d), xr(w, n), im)
}

// movzable reports whether v (at width w) is one MOVZ or MOVN, for the MOV alias rules.
func movzable(w Width, v uint64) bool {
	n, orr, _ := movImmPlanRef(w, v)
	return n == 1 && !orr
}

// movImmPlanRef counts halfwords independently of movImmPlan: the instructions a MOVZ- or
// MOVN-based sequence needs, and whether a single ORR (bitmask immediate) is shorter.
func movImmPlanRef(w Width, v uint64) (int, bool, bool) {
	hw := int(w.bits() / 16)
	nz, no := 0, 0
	for i := range hw {
		h := v >> (16 * i) & 0xffff
		if h != 0 {
			nz++
		}
		if h != 0xffff {
			no++
		}
	}
	nz, no = max(nz, 1), max(no, 1)
	best := min(nz, no)
	if best > 1 && allBitmasksCached(w)[v] {
		return 1, true, false
	}
	return best, false, no < nz
}

var bitmaskCache [2]map[uint64]bool

func allBitmasksCached(w Width) map[uint64]bool {
	if bitmaskCache[w] == nil {
		bitmaskCache[w] = allBitmasks(w.bits())
	}
	return bitmaskCache[w]
}

func wantLogImm(op Op, w Width, d, n Reg, v uint64) string {
	switch {
	case op == ANDS && d == ZR:
		return ins("TST", xr(w, n), imm(v))
	case op == ORR && n == ZR && !movzable(w, v):
		return ins("MOV", xr(w, d), imm(v))
	}
	return ins(strings.ToUpper(op.String()), xr(w, d), xr(w, n), imm(v))
}
