package asm

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

// bfxPreferred is the architecture's BFXPreferred: whether the bitfield-extract alias is the
// preferred disassembly of a bitfield move.
func bfxPreferred(w Width, unsigned bool, immr, imms uint8) bool {
	b := uint8(w.bits())
	if imms < immr || imms == b-1 {
		return false
	}
	if immr == 0 {
		if w == W32 && (imms == 7 || imms == 15) {
			return false
		}
		if w == W64 && !unsigned && (imms == 7 || imms == 15 || imms == 31) {
			return false
		}
	}
	return true
}

// wantBfm is the expected decoding of SBFM/BFM/UBFM with the architecture's alias rules.
func wantBfm(op Op, w Width, d, n Reg, immr, imms uint8) string {
	b := uint8(w.bits())
	D, N := xr(w, d), xr(w, n)
	ins4 := func(name string) string { // insert aliases: lsb = -immr mod b, width = imms+1
		return ins(name, D, N, dec(int64((b-immr)%b)), dec(int64(imms)+1))
	}
	ext4 := func(name string) string { // extract aliases: lsb = immr, width = imms-immr+1
		return ins(name, D, N, dec(int64(immr)), dec(int64(imms-immr)+1))
	}
	switch op {
	case SBFM:
		switch {
		case imms == b-1:
			return ins("ASR", D, N, dec(int64(immr)))
		case imms < immr:
			return ins4("SBFIZ")
		case immr == 0 && imms == 7:
			return ins("SXTB", D, xr(W32, n))
		case immr == 0 && imms == 15:
			return ins("SXTH", D, xr(W32, n))
		case immr == 0 && imms == 31 && w == W64:
			return ins("SXTW", D, xr(W32, n))
		case bfxPreferred(w, false, immr, imms):
			return ext4("SBFX")
		}
	case UBFM:
		switch {
		case imms != b-1 && imms+1 == immr:
			return ins("LSL", D, N, dec(int64(b-1-imms)))
		case imms == b-1:
			return ins("LSR", D, N, dec(int64(immr)))
		case imms < immr:
			return ins4("UBFIZ")
		case w == W32 && immr == 0 && imms == 7:
			return ins("UXTB", D, N)
		case w == W32 && immr == 0 && imms == 15:
			return ins("UXTH", D, N)
		case bfxPreferred(w, true, immr, imms):
			return ext4("UBFX")
		}
	case BFM:
		switch {
		case imms < immr:
			return ins4("BFI")
		default: // BFM's extract alias needs no BFXPreferred
			return ext4("BFXIL")
		}
	}
	return ins(strings.ToUpper(op.String()), D, N, dec(int64(immr)), dec(int64(imms)))
}

func TestBfm(t *testing.T) {
	c := newChecker(t)
	vals := []uint8{0, 1, 7, 8, 15, 16, 31, 32, 62, 63}
	k := 0
	for _, op := range []Op{SBFM, BFM, UBFM} {
		for _, w := range widths {
			for _, immr := range vals {
				for _, imms := range vals {
					if uint(immr) >= w.bits() || uint(imms) >= w.bits() {
						continue
					}
					k++
					d, n, _, _ := rot(gpRegs[:31], k)
					c.check(fmt.Sprintf("Bfm %v %s", op, wname(w)), func(a *Assembler) { a.Bfm(op, w, d, n, immr, imms) }, wantBfm(op, w, d, n, immr, imms))
				}
			}
		}
	}
	c.checkFails("bfm immr 32 w32", func(a *Assembler) bool { a.Bfm(UBFM, W32, R0, R1, 32, 0); return true })
}

func TestShiftImm(t *testing.T) {
	c := newChecker(t)
	for _, w := range widths {
		for sh := LSL; sh <= ROR; sh++ {
			for i, amount := range []uint8{0, 1, 2, 15, 16, 31, 32, 47, 63} {
				if uint(amount) >= w.bits() {
					continue
				}
				d, n, _, _ := rot(gpRegs, i*3+int(sh)*8)
				want := ins(shiftNames[sh], xr(w, d), xr(w, n), dec(int64(amount)))
				if sh == LSL && amount == 0 {
					want = ins("LSR", xr(w, d), xr(w, n), "#0") // UBFM #0, #width-1 is LSR #0
				}
				c.check(fmt.Sprintf("ShiftImm %s %s", shiftNames[sh], wname(w)), func(a *Assembler) { a.ShiftImm(sh, w, d, n, amount) }, want)
			}
		}
		for i := range 32 {
			d, n, m, _ := rot(gpRegs, i)
			lsb := uint8(i*5) % uint8(w.bits())
			c.check("Extr "+wname(w), func(a *Assembler) { a.Extr(w, d, n, m, lsb) }, ins("EXTR", xr(w, d), xr(w, n), xr(w, m), dec(int64(lsb))))
		}
	}
	c.checkFails("lsl 32 w32", func(a *Assembler) bool { a.ShiftImm(LSL, W32, R0, R1, 32); return true })
}

func TestRR(t *testing.T) {
	c := newChecker(t)
	for _, w := range widths {
		for i := range 32 {
			d, n, _, _ := rot(gpRegs, i)
			D, N := xr(w, d), xr(w, n)
			for _, op := range []Op{CLZ, CLS, RBIT, REV, REV16} {
				c.check(fmt.Sprintf("RR %v %s", op, wname(w)), func(a *Assembler) { a.RR(op, w, d, n) }, ins(strings.ToUpper(op.String()), D, N))
			}
			if w == W64 {
				c.check("RR rev32 w64", func(a *Assembler) { a.RR(REV32, w, d, n) }, ins("REV32", D, N))
			}
			c.check("RR mov "+wname(w), func(a *Assembler) { a.RR(MOV, w, d, n) }, ins("MOV", D, N))
			c.check("RR mvn "+wname(w), func(a *Assembler) { a.RR(MVN, w, d, n) }, ins("MVN", D, N))
			c.check("RR neg "+wname(w), func(a *Assembler) { a.RR(NEG, w, d, n) }, wantRRR(SUB, w, d, ZR, n, LSL, 0))
			c.check("RR negs "+wname(w), func(a *Assembler) { a.RR(NEGS, w, d, n) }, wantRRR(SUBS, w, d, ZR, n, LSL, 0))
			if n != ZR {
				c.check("RR sxtb "+wname(w), func(a *Assembler) { a.RR(OpSXTB, w, d, n) }, wantBfm(SBFM, w, d, n, 0, 7))
				c.check("RR sxth "+wname(w), func(a *Assembler) { a.RR(OpSXTH, w, d, n) }, wantBfm(SBFM, w, d, n, 0, 15))
				c.check("RR uxtb "+wname(w), func(a *Assembler) { a.RR(OpUXTB, w, d, n) }, wantBfm(UBFM, w, d, n, 0, 7))
				c.check("RR uxth "+wname(w), func(a *Assembler) { a.RR(OpUXTH, w, d, n) }, wantBfm(UBFM, w, d, n, 0, 15))
				if w == W64 {
					c.check("RR sxtw w64", func(a *Assembler) { a.RR(OpSXTW, w, d, n) }, ins("SXTW", D, xr(W32, n)))
				}
			}
			if d != ZR {
				c.check("RR mov sp "+wname(w), func(a *Assembler) { a.RR(MOV, w, RSP, d) }, ins("MOV", xr(w, RSP), D))
				c.check("RR mov sp "+wname(w), func(a *Assembler) { a.RR(MOV, w, d, RSP) }, ins("MOV", D, xr(w, RSP)))
			}
		}
	}
	c.checkFails("rev32 w32", func(a *Assembler) bool { a.RR(REV32, W32, R0, R1); return true })
	c.checkFails("sxtw w32", func(a *Assembler) bool { a.RR(OpSXTW, W32, R0, R1); return true })
	c.checkFails("rr add", func(a *Assembler) bool { a.RR(ADD, W32, R0, R1); return true })
}

var condNamesDec = [16]string{"EQ", "NE", "CS", "CC", "MI", "PL", "VS", "VC", "HI", "LS", "GE", "LT", "GT", "LE", "AL", "NV"}

func TestCSel(t *testing.T) {
	c := newChecker(t)
	aliases := map[Op][2]string{CSINC: {"CINC", "CSET"}, CSINV: {"CINV", "CSETM"}, CSNEG: {"CNEG", ""}}
	for _, op := range []Op{CSEL, CSINC, CSINV, CSNEG} {
		for _, w := range widths {
			for cnd := EQ; cnd <= AL; cnd++ {
				for j := range 3 {
					d, n, m, _ := rot(gpRegs, int(cnd)*3+j+int(op))
					c.check(fmt.Sprintf("CSel %v %s", op, wname(w)), func(a *Assembler) { a.CSel(op, w, d, n, m, cnd) }, ins(strings.ToUpper(op.String()), xr(w, d), xr(w, n), xr(w, m), condNamesDec[cnd]))
				}
				// n == m: the CINC/CINV/CNEG and CSET/CSETM aliases (not for AL).
				d, n, _, _ := rot(gpRegs[:31], int(cnd)+int(op))
				want := ins(strings.ToUpper(op.String()), xr(w, d), xr(w, n), xr(w, n), condNamesDec[cnd])
				if al := aliases[op]; al[0] != "" && cnd < AL {
					want = ins(al[0], xr(w, d), xr(w, n), condNamesDec[cnd^1])
				}
				c.check(fmt.Sprintf("CSel %v %s", op, wname(w)), func(a *Assembler) { a.CSel(op, w, d, n, n, cnd) }, want)
			}
		}
	}
	for _, w := range widths {
		for cnd := EQ; cnd < AL; cnd++ {
			d := gpRegs[int(cnd)*2]
			c.check("CSet "+wname(w), func(a *Assembler) { a.CSet(w, d, cnd) }, ins("CSET", xr(w, d), condNamesDec[cnd]))
			c.check("CSetm "+wname(w), func(a *Assembler) { a.CSetm(w, d, cnd) }, ins("CSETM", xr(w, d), condNamesDec[cnd]))
		}
	}
	c.checkFails("cset al", func(a *Assembler) bool { a.CSet(W32, R0, AL); return true })
	for cnd := EQ; cnd <= AL; cnd++ {
		if cnd.Invert() != cnd^1 || cnd.Invert().Invert() != cnd {
			t.Errorf("Invert(%v)", cnd)
		}
	}
}

func TestMovWide(t *testing.T) {
	c := newChecker(t)
	for _, w := range widths {
		for i, v := range []uint16{0, 1, 0x1234, 0x8000, 0xffff, 0xfffe} {
			for sh := uint8(0); uint(sh) < w.bits(); sh += 16 {
				d, _, _, _ := rot(gpRegs, i*4+int(sh))
				val := uint64(v) << sh
				// MOVZ is written MOV unless it is #0 with a shift; MOVN is MOV unless the
				// value is also a MOVZ (imm16 0 with a shift) or, at 32 bits, all ones.
				wantZ := ins("MOV", xr(w, d), imm(val))
				if v == 0 && sh != 0 {
					wantZ = ins("MOVZ", xr(w, d), imm(0), fmt.Sprintf("LSL #%d", sh))
				}
				nv := ^val
				if w == W32 {
					nv &= 0xffffffff
				}
				wantN := ins("MOV", xr(w, d), imm(nv))
				if (v == 0 && sh != 0) || (w == W32 && v == 0xffff) {
					wantN = ins("MOVN", xr(w, d), imm(uint64(v)))
					if sh != 0 {
						wantN += fmt.Sprintf(", LSL #%d", sh)
					}
				}
				wantK := ins("MOVK", xr(w, d), imm(uint64(v)))
				if sh != 0 {
					wantK += fmt.Sprintf(", LSL #%d", sh)
				}
				c.check("MovZ "+wname(w), func(a *Assembler) { a.MovZ(w, d, v, sh) }, wantZ)
				c.check("MovN "+wname(w), func(a *Assembler) { a.MovN(w, d, v, sh) }, wantN)
				c.check("MovK "+wname(w), func(a *Assembler) { a.MovK(w, d, v, sh) }, wantK)
			}
		}
	}
	c.checkFails("movz shift 32 w32", func(a *Assembler) bool { a.MovZ(W32, R0, 1, 32); return true })
	c.checkFails("movz shift 8", func(a *Assembler) bool { a.MovZ(W64, R0, 1, 8); return true })
	c.checkFails("movz sp", func(a *Assembler) bool { a.MovZ(W64, RSP, 1, 0); return true })
}

// runMovs interprets a MovImm sequence from its decoding: each instruction must be MOV (wide
// or bitmask), MOVZ, MOVN, MOVK or ORR from the zero register; it returns the final value.
func runMovs(t *testing.T, w Width, d Reg, code []byte) (uint64, int) {
	t.Helper()
	var v uint64
	n := 0
	for off := 0; off < len(code); off += 4 {
		n++
		inst, err := arm64asm.Decode(code[off:])
		if err != nil {
			t.Fatalf("decode %x: %v", code[off:off+4], err)
		}
		text := inst.String()
		f := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' })
		if len(f) < 3 || !strings.EqualFold(f[1], xr(w, d)) {
			t.Fatalf("unexpected %q", text)
		}
		num, err := strconv.ParseUint(strings.TrimPrefix(f[2], "#"), 0, 64)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var sh uint64
		if len(f) == 5 && f[3] == "LSL" {
			s, _ := strconv.ParseUint(strings.TrimPrefix(f[4], "#"), 0, 8)
			sh = s
		}
		switch f[0] {
		case "MOV":
			v = num
		case "MOVZ":
			v = num << sh
		case "MOVN":
			v = ^(num << sh)
		case "MOVK":
			if off == 0 {
				t.Fatalf("sequence starts with %q", text)
			}
			v = v&^(0xffff<<sh) | num<<sh
		default:
			t.Fatalf("unexpected %q", text)
		}
		if w == W32 {
			v &= 0xffffffff
		}
	}
	return v, n
}

func TestMovImm(t *testing.T) {
	var vals []uint64
	for _, h := range []uint64{0, 1, 0x1234, 0x8000, 0xfffe, 0xffff} {
		for i := range 4 {
			vals = append(vals, h<<(16*i), ^(h << (16 * i)))
		}
	}
	vals = append(vals, 0x1234_5678_9abc_def0, 0xffff_0000_ffff_0000, 0x5555_5555_5555_5555, 0x0000_ffff_1234_ffff,
		0xffff_1234_0000_5678, 0x8000_0000_0000_0001, 0x7fff_ffff_ffff_ffff, 0x00ff_00ff_00ff_00ff, 0xdead_beef, 0x1_0000_0001,
		0x3f80_0000, 0xbff0_0000_0000_0000, 0x7ff8_0000_0000_0000)
	x := uint64(88172645463325252)
	for range 3000 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		vals = append(vals, x, x&0xffff_0000_ffff, x|0xffff_0000_0000, x>>(x&63))
	}
	for v := range allBitmasksCached(W64) {
		vals = append(vals, v)
	}
	var a Assembler
	count := 0
	for _, w := range widths {
		for i, v := range vals {
			d := gpRegs[i%31]
			if w == W32 {
				v &= 0xffffffff
			}
			a.Reset()
			a.MovImm(w, d, v)
			code, err := a.Finalize()
			if err != nil {
				t.Fatal(err)
			}
			got, n := runMovs(t, w, d, code)
			if got != v {
				t.Fatalf("MovImm(%s, %#x) computes %#x: %v", wname(w), v, got, words(code))
			}
			best, _, _ := movImmPlanRef(w, v)
			if n != best || MovImmLen(w, v) != n {
				t.Fatalf("MovImm(%s, %#x): %d instructions (MovImmLen %d), the shortest is %d", wname(w), v, n, MovImmLen(w, v), best)
			}
			count++
		}
	}
	countForm(false, "MovImm w32")
	countForm(false, "MovImm w64")
	t.Logf("%d MovImm sequences checked", count)
}
