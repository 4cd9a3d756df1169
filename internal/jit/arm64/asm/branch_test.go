package asm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

func pcrel(d int64) string { return fmt.Sprintf(".%+#x", uint64(d)) }

// checkRef assembles `before` NOPs, the label reference emitted by emit, `after` NOPs, binds
// the label at word index target (counted in the whole sequence), and compares the decoding of
// the reference with want(displacement).
func (c *checker) checkRef(form string, before, after, target int, emit func(a *Assembler, l Label), want func(d int64) string) {
	c.t.Helper()
	c.n++
	countForm(false, form)
	a := &c.a
	a.Reset()
	l := a.NewLabel()
	total := before + 1 + after
	for i := 0; i <= total; i++ {
		if i == target {
			a.Bind(l)
		}
		switch {
		case i == before:
			emit(a, l)
		case i < total:
			a.Nop()
		}
	}
	code, err := a.Finalize()
	if err != nil {
		c.failf("%s: %v", form, err)
		return
	}
	site := before * 4
	if len(code) != total*4 {
		c.failf("%s: %d bytes, want %d", form, len(code), total*4)
		return
	}
	inst, err := arm64asm.Decode(code[site:])
	wantText := want(int64(target-before) * 4)
	if err != nil {
		c.failf("%s: want %q: decode %08x: %v", form, wantText, binary.LittleEndian.Uint32(code[site:]), err)
		return
	}
	if got := inst.String(); !strings.EqualFold(strings.TrimSpace(got), wantText) {
		c.failf("%s: %08x decodes as %q, want %q", form, binary.LittleEndian.Uint32(code[site:]), got, wantText)
	}
}

// refShapes are (before, after, target) triples: forward, backward, self, next.
var refShapes = [][3]int{{0, 3, 3}, {3, 0, 0}, {2, 2, 2}, {1, 5, 6}, {4, 1, 1}, {0, 0, 1}}

func TestBranches(t *testing.T) {
	c := newChecker(t)
	for _, s := range refShapes {
		c.checkRef("B", s[0], s[1], s[2], func(a *Assembler, l Label) { a.B(l) }, func(d int64) string { return ins("B", pcrel(d)) })
		c.checkRef("BL", s[0], s[1], s[2], func(a *Assembler, l Label) { a.BL(l) }, func(d int64) string { return ins("BL", pcrel(d)) })
		for cnd := EQ; cnd <= AL; cnd++ {
			c.checkRef("BCond "+cnd.String(), s[0], s[1], s[2], func(a *Assembler, l Label) { a.BCond(cnd, l) }, func(d int64) string { return ins("B", condNamesDec[cnd], pcrel(d)) })
		}
		for i, r := range gpRegs {
			if i%5 != s[0] && r != ZR && r != R30 {
				continue
			}
			for _, w := range widths {
				c.checkRef("Cbz "+wname(w), s[0], s[1], s[2], func(a *Assembler, l Label) { a.Cbz(w, r, l) }, func(d int64) string { return ins("CBZ", xr(w, r), pcrel(d)) })
				c.checkRef("Cbnz "+wname(w), s[0], s[1], s[2], func(a *Assembler, l Label) { a.Cbnz(w, r, l) }, func(d int64) string { return ins("CBNZ", xr(w, r), pcrel(d)) })
			}
			for _, bit := range []uint8{0, 1, 31, 32, 63} {
				w := W32
				if bit >= 32 {
					w = W64
				}
				c.checkRef("Tbz", s[0], s[1], s[2], func(a *Assembler, l Label) { a.Tbz(r, bit, l) }, func(d int64) string { return ins("TBZ", xr(w, r), dec(int64(bit)), pcrel(d)) })
				c.checkRef("Tbnz", s[0], s[1], s[2], func(a *Assembler, l Label) { a.Tbnz(r, bit, l) }, func(d int64) string { return ins("TBNZ", xr(w, r), dec(int64(bit)), pcrel(d)) })
			}
			if r != ZR {
				c.checkRef("Adr", s[0], s[1], s[2], func(a *Assembler, l Label) { a.Adr(r, l) }, func(d int64) string { return ins("ADR", xr(W64, r), pcrel(d)) })
			}
			for _, lit := range []struct {
				sz   Size
				view string
			}{{W, "W"}, {X, "X"}, {SW, "X"}, {VW, "S"}, {VD, "D"}, {VQ, "Q"}} {
				tr := r
				if lit.sz.IsV() {
					tr = V0 + Reg(i)
				}
				name := "LDR"
				if lit.sz == SW {
					name = "LDRSW"
				}
				c.checkRef("LdrLiteral "+lit.view+name, s[0], s[1], s[2], func(a *Assembler, l Label) { a.LdrLiteral(lit.sz, tr, l) }, func(d int64) string { return ins(name, tName(lit.view, tr), pcrel(d)) })
			}
		}
	}
	// ADR reaches byte offsets: a label placed after data of odd length is a byte address.
	c.checkFails("tbz bit 64", func(a *Assembler) bool { l := a.NewLabel(); a.Bind(l); a.Tbz(R0, 64, l); return true })
	c.checkFails("cbz sp", func(a *Assembler) bool { l := a.NewLabel(); a.Bind(l); a.Cbz(W64, RSP, l); return true })
	c.checkFails("literal b", func(a *Assembler) bool { l := a.NewLabel(); a.Bind(l); a.LdrLiteral(B, R0, l); return true })
	for i, r := range gpRegs {
		if r == ZR {
			continue
		}
		c.check("Br", func(a *Assembler) { a.Br(r) }, ins("BR", xr(W64, r)))
		c.check("Blr", func(a *Assembler) { a.Blr(r) }, ins("BLR", xr(W64, r)))
		c.check("RetReg", func(a *Assembler) { a.RetReg(r) }, ins("RET", xr(W64, r)))
		c.check("DcCvau", func(a *Assembler) { a.DcCvau(r) }, ins("DC", "CVAU", xr(W64, r)))
		c.check("MrsCtrEl0", func(a *Assembler) { a.MrsCtrEl0(r) }, ins("MRS", xr(W64, r), "S3_3_C0_C0_1"))
		_ = i
	}
	c.check("Ret", func(a *Assembler) { a.Ret() }, "RET X30")
	c.check("Nop", func(a *Assembler) { a.Nop() }, "NOP")
	c.check("Isb", func(a *Assembler) { a.Isb() }, "ISB SY")
	for _, v := range []uint16{0, 1, 0x1234, 0xf000, 0xffff} {
		c.check("Brk", func(a *Assembler) { a.Brk(v) }, ins("BRK", imm(uint64(v))))
		c.check("Svc", func(a *Assembler) { a.Svc(v) }, ins("SVC", imm(uint64(v))))
	}
	bars := map[Barrier]string{OSHLD: "OSHLD", OSHST: "OSHST", OSH: "OSH", NSHLD: "NSHLD", NSHST: "NSHST", NSH: "NSH",
		ISHLD: "ISHLD", ISHST: "ISHST", ISH: "ISH", LD: "LD", ST: "ST", SY: "SY"}
	for opt, name := range bars {
		c.check("Dmb", func(a *Assembler) { a.Dmb(opt) }, ins("DMB", name))
		c.check("Dsb", func(a *Assembler) { a.Dsb(opt) }, ins("DSB", name))
	}
	c.checkFails("dsb 0", func(a *Assembler) bool { a.Dsb(0); return true })
	c.checkFails("br sp", func(a *Assembler) bool { a.Br(RSP); return true })
}

// TestBranchRanges places targets at the limits of each offset field and one step beyond,
// where Finalize must fail with a RangeError naming the site.
func TestBranchRanges(t *testing.T) {
	type rf struct {
		name string
		bits int
		emit func(a *Assembler, l Label)
	}
	forms := []rf{
		{"bcond", 19, func(a *Assembler, l Label) { a.BCond(NE, l) }},
		{"cbz", 19, func(a *Assembler, l Label) { a.Cbz(W64, R3, l) }},
		{"cbnz", 19, func(a *Assembler, l Label) { a.Cbnz(W32, R3, l) }},
		{"ldr literal", 19, func(a *Assembler, l Label) { a.LdrLiteral(X, R3, l) }},
		{"tbz", 14, func(a *Assembler, l Label) { a.Tbz(R3, 5, l) }},
		{"tbnz", 14, func(a *Assembler, l Label) { a.Tbnz(R3, 40, l) }},
		{"adr", 21, func(a *Assembler, l Label) { a.Adr(R3, l) }},
		{"b", 26, func(a *Assembler, l Label) { a.B(l) }},
		{"bl", 26, func(a *Assembler, l Label) { a.BL(l) }},
	}
	for _, f := range forms {
		unit := int64(4)
		if f.name == "adr" {
			unit = 1
		}
		maxFwd := (int64(1)<<(f.bits-1) - 1) * unit
		maxBack := -(int64(1) << (f.bits - 1)) * unit
		for _, d := range []int64{maxFwd, maxBack, maxFwd + unit, maxBack - unit} {
			if unit == 1 {
				d &^= 3 // keep the test's labels word aligned; adr's limits are checked below
			}
			inRange := d <= maxFwd && d >= maxBack
			var a Assembler
			l := a.NewLabel()
			site := int64(0)
			if d < 0 {
				site = -d
			}
			if f.bits <= 21 {
				// Real code: NOPs up to the site or the target.
				for int64(a.Len()) < site {
					a.Nop()
				}
				f.emit(&a, l)
				if d < 0 {
					// bind at 0: rebuild with the label at the start
					a.Reset()
					l = a.NewLabel()
					a.Bind(l)
					for int64(a.Len()) < site {
						a.Nop()
					}
					f.emit(&a, l)
				} else {
					for int64(a.Len()) < site+d {
						a.Nop()
					}
					a.Bind(l)
				}
			} else {
				// ±128 MiB is too big to emit here; place the label by hand (white box).
				if d < 0 {
					a.Bind(l)
					a.buf = make([]byte, site, site+4)
					f.emit(&a, l)
				} else {
					f.emit(&a, l)
					a.labels[l] = int32(d)
				}
			}
			code, err := a.Finalize()
			var re *RangeError
			switch {
			case inRange && err != nil:
				t.Errorf("%s to %+d: %v", f.name, d, err)
			case inRange:
				inst, derr := arm64asm.Decode(code[site:])
				if derr != nil || !strings.Contains(inst.String(), pcrel(d)) {
					t.Errorf("%s to %+d: decodes as %v (%v)", f.name, d, inst, derr)
				}
			case !errors.As(err, &re):
				t.Errorf("%s to %+d: err %v, want RangeError", f.name, d, err)
			case re.Site != int(site) || re.Label != l || re.Bits != f.bits:
				t.Errorf("%s to %+d: %+v, want site %d bits %d", f.name, d, re, site, f.bits)
			}
		}
	}
	// ADR at byte granularity: a label after 1..3 data bytes.
	for pad := 1; pad <= 3; pad++ {
		var a Assembler
		l := a.NewLabel()
		a.Adr(R1, l)
		a.Bytes(make([]byte, 4))
		a.labels[l] = int32(4 + pad) // white box: a byte address inside the data
		code, err := a.Finalize()
		if err != nil {
			t.Fatal(err)
		}
		inst, _ := arm64asm.Decode(code)
		if want := ins("ADR", "X1", pcrel(int64(4+pad))); inst.String() != want {
			t.Errorf("adr +%d: %q, want %q", 4+pad, inst.String(), want)
		}
	}
}

func TestOutOfRange(t *testing.T) {
	var a Assembler
	far, near := a.NewLabel(), a.NewLabel()
	a.Tbz(R0, 1, far)   // site 0, 14 bits: out of range
	a.Cbz(W64, R0, far) // site 4, 19 bits: in range
	a.BCond(EQ, near)   // site 8
	a.Tbnz(R1, 2, far)  // site 12: out of range
	a.B(a.NewLabel())   // unbound: not listed
	for a.Len() < 40000 {
		a.Nop()
	}
	a.Bind(far)
	a.Bind(near)
	got := a.OutOfRange()
	want := []RangeError{{Site: 0, Label: far, Bits: 14}, {Site: 12, Label: far, Bits: 14}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("OutOfRange = %v, want %v", got, want)
	}
}

func TestPutBranch26(t *testing.T) {
	var a Assembler
	a.Nop()
	call := a.CallRel26()
	jump := a.JumpRel26()
	if call != 4 || jump != 8 {
		t.Fatalf("sites %d %d", call, jump)
	}
	code := append([]byte(nil), a.Code()...)
	code = append(code, make([]byte, 64)...)
	countForm(false, "CallRel26")
	countForm(false, "JumpRel26")
	for _, tc := range []struct{ site, target int }{{call, 0}, {call, 40}, {jump, 8}, {jump, 60}} {
		if err := PutBranch26(code, tc.site, tc.target); err != nil {
			t.Fatal(err)
		}
		inst, err := arm64asm.Decode(code[tc.site:])
		name := map[int]string{4: "BL", 8: "B"}[tc.site]
		if want := ins(name, pcrel(int64(tc.target-tc.site))); err != nil || inst.String() != want {
			t.Errorf("PutBranch26(%d, %d): %v, want %q", tc.site, tc.target, inst, want)
		}
	}
	if err := PutBranch26(code, call, call+128<<20); !errors.Is(err, ErrBranchRange) {
		t.Errorf("+128 MiB: %v", err)
	}
	if err := PutBranch26(code, call, call+128<<20-4); err != nil {
		t.Errorf("+128 MiB - 4: %v", err)
	}
	if err := PutBranch26(code, len(code)-2, 4); err == nil {
		t.Errorf("site beyond the code accepted")
	}
	if err := PutBranch26(code, call, call-128<<20-4); !errors.Is(err, ErrBranchRange) {
		t.Errorf("-128 MiB - 4: %v", err)
	}
	if err := PutBranch26(code, call, 6); err == nil {
		t.Errorf("unaligned target accepted")
	}
}
