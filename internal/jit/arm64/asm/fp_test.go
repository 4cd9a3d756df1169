package asm

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

var ftypes = []FType{S, D}

func fview(ft FType) string { return [2]string{"S", "D"}[ft] }

func fname(ft FType) string { return [2]string{"s", "d"}[ft] }

func TestFRRR(t *testing.T) {
	c := newChecker(t)
	for _, op := range []Op{FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FMINNM, FMAXNM, FNMUL} {
		for _, ft := range ftypes {
			for i := range 32 {
				d, n, m, _ := rot(vRegs, i)
				c.check(fmt.Sprintf("FRRR %v %s", op, fname(ft)), func(a *Assembler) { a.FRRR(op, ft, d, n, m) },
					ins(strings.ToUpper(op.String()), vn(fview(ft), d), vn(fview(ft), n), vn(fview(ft), m)))
			}
		}
	}
	c.checkFails("frrr fabs", func(a *Assembler) bool { a.FRRR(FABS, S, V0, V1, V2); return true })
	c.checkFails("frrr gp", func(a *Assembler) bool { a.FRRR(FADD, S, R0, V1, V2); return true })
	c.checkFails("frrr add", func(a *Assembler) bool { a.FRRR(ADD, S, V0, V1, V2); return true })
}

func TestFRR(t *testing.T) {
	c := newChecker(t)
	for _, op := range []Op{FABS, FNEG, FSQRT, FRINTN, FRINTM, FRINTP, FRINTZ, FRINTA, FRINTX, FRINTI, FMOV} {
		for _, ft := range ftypes {
			for i := range 32 {
				d, n, _, _ := rot(vRegs, i)
				c.check(fmt.Sprintf("FRR %v %s", op, fname(ft)), func(a *Assembler) { a.FRR(op, ft, d, n) },
					ins(strings.ToUpper(op.String()), vn(fview(ft), d), vn(fview(ft), n)))
			}
		}
	}
	c.checkFails("frr fadd", func(a *Assembler) bool { a.FRR(FADD, S, V0, V1); return true })
}

func TestFPMisc(t *testing.T) {
	c := newChecker(t)
	for _, ft := range ftypes {
		F := fview(ft)
		for i := range 32 {
			d, n, m, _ := rot(vRegs, i)
			gd, gn, _, _ := rot(gpRegs, i)
			c.check("FCmp "+fname(ft), func(a *Assembler) { a.FCmp(ft, n, m) }, ins("FCMP", vn(F, n), vn(F, m)))
			c.check("FCmpZero "+fname(ft), func(a *Assembler) { a.FCmpZero(ft, n) }, ins("FCMP", vn(F, n), "#0"))
			cnd := Cond(i % 16)
			if cnd <= AL {
				c.check("FCsel "+fname(ft), func(a *Assembler) { a.FCsel(ft, d, n, m, cnd) }, ins("FCSEL", vn(F, d), vn(F, n), vn(F, m), condNamesDec[cnd]))
			}
			other := ft ^ 1
			c.check(fmt.Sprintf("FCvt %s<-%s", fname(other), fname(ft)), func(a *Assembler) { a.FCvt(other, ft, d, n) }, ins("FCVT", vn(fview(other), d), vn(F, n)))
			for _, w := range widths {
				c.check(fmt.Sprintf("Scvtf %s %s", fname(ft), wname(w)), func(a *Assembler) { a.Scvtf(ft, w, d, gn) }, ins("SCVTF", vn(F, d), xr(w, gn)))
				c.check(fmt.Sprintf("Ucvtf %s %s", fname(ft), wname(w)), func(a *Assembler) { a.Ucvtf(ft, w, d, gn) }, ins("UCVTF", vn(F, d), xr(w, gn)))
				c.check(fmt.Sprintf("Fcvtzs %s %s", wname(w), fname(ft)), func(a *Assembler) { a.Fcvtzs(w, ft, gd, n) }, ins("FCVTZS", xr(w, gd), vn(F, n)))
				c.check(fmt.Sprintf("Fcvtzu %s %s", wname(w), fname(ft)), func(a *Assembler) { a.Fcvtzu(w, ft, gd, n) }, ins("FCVTZU", xr(w, gd), vn(F, n)))
			}
		}
	}
	for i := range 32 {
		d, n, _, _ := rot(vRegs, i)
		gd, gn, _, _ := rot(gpRegs, i)
		c.check("FMovToGP w32", func(a *Assembler) { a.FMovToGP(W32, gd, n) }, ins("FMOV", xr(W32, gd), vn("S", n)))
		c.check("FMovToGP w64", func(a *Assembler) { a.FMovToGP(W64, gd, n) }, ins("FMOV", xr(W64, gd), vn("D", n)))
		c.check("FMovFromGP w32", func(a *Assembler) { a.FMovFromGP(W32, d, gn) }, ins("FMOV", vn("S", d), xr(W32, gn)))
		c.check("FMovFromGP w64", func(a *Assembler) { a.FMovFromGP(W64, d, gn) }, ins("FMOV", vn("D", d), xr(W64, gn)))
	}
	c.checkFails("fcvt s s", func(a *Assembler) bool { a.FCvt(S, S, V0, V1); return true })
	c.checkFails("scvtf v src", func(a *Assembler) bool { a.Scvtf(D, W64, V0, V1); return true })
	c.checkFails("fcvtzs sp", func(a *Assembler) bool { a.Fcvtzs(W64, D, RSP, V1); return true })
}

func TestFMovImm(t *testing.T) {
	c := newChecker(t)
	// Every encodable value, from the definition: ±(16+m)/16 * 2^e, m in 0..15, e in -3..4.
	var vals []float64
	for s := range 2 {
		for e := -3; e <= 4; e++ {
			for m := range 16 {
				v := math.Ldexp(float64(16+m)/16, e)
				if s == 1 {
					v = -v
				}
				vals = append(vals, v)
			}
		}
	}
	if len(vals) != 256 {
		t.Fatal(len(vals))
	}
	for i, v := range vals {
		for _, ft := range ftypes {
			d := vRegs[i%32]
			if !FPImmOK(v) {
				t.Errorf("FPImmOK(%v) = false", v)
			}
			c.check("FMovImm "+fname(ft), func(a *Assembler) {
				if !a.FMovImm(ft, d, v) {
					a.fail("refused")
				}
			}, ins("FMOV", vn(fview(ft), d), fmt.Sprintf("#%.18e", v)))
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 0.1, 33, 32, 1.0 / 32, 0.1171875, 31.5, 1.03125, math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 5e-324} {
		if FPImmOK(v) {
			t.Errorf("FPImmOK(%v) = true", v)
		}
		for _, ft := range ftypes {
			c.checkFails(fmt.Sprintf("fmov #%v", v), func(a *Assembler) bool { return a.FMovImm(ft, V0, v) })
		}
	}
}
