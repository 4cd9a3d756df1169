package asm

import (
	"fmt"
	"strings"
	"testing"
)

// va names V register r with arrangement arr ("V3.4S").
func va(r Reg, arr Arr) string { return fmt.Sprintf("V%d.%s", r-V0, strings.ToUpper(arr.String())) }

// lane names lane i of V register r with the lane size of arr ("V3.S[1]").
func lane(r Reg, arr Arr, i uint8) string {
	return fmt.Sprintf("V%d.%s[%d]", r-V0, laneLetter(arr), i)
}

func laneLetter(arr Arr) string { return [4]string{"B", "H", "S", "D"}[arr>>1] }

var allArrs = []Arr{B8, B16, H4, H8, S2, S4, D1, D2}

// widen returns the arrangement of twice-as-wide lanes filling a 128-bit register (8B, 16B ->
// 8H; 4H, 8H -> 4S; 2S, 4S -> 2D).
func widen(arr Arr) Arr { return (arr&^1 + 2) | 1 }

// widening3 reports whether op is a three-different widening operation (destination lanes
// twice the source lanes).
func widening3(op Op) bool { return op >= VSMULL && op <= VUSUBL2 }

func vname(op Op) string { return strings.ToUpper(op.String()[1:]) }

func TestVRRR(t *testing.T) {
	c := newChecker(t)
	for op := opVBase + 1; op < numVOps; op++ {
		in := vOps[op-opVBase]
		if in.cls != vc3 && in.cls != vc3FP {
			continue
		}
		for _, arr := range allArrs {
			if in.arrs&(1<<arr) == 0 {
				c.checkFails(fmt.Sprintf("%v %v", op, arr), func(a *Assembler) bool { a.VRRR(op, arr, V0, V1, V2); return true })
				continue
			}
			for i := range 32 {
				if i%4 != 0 && arr != B16 && arr != S4 {
					continue // every register for the common arrangements, a spread for the rest
				}
				d, n, m, _ := rot(vRegs, i+int(op))
				want := ins(vname(op), va(d, arr), va(n, arr), va(m, arr))
				switch op {
				}
				if widening3(op) {
					want = ins(vname(op), va(d, widen(arr)), va(n, arr), va(m, arr))
				}
				c.check(fmt.Sprintf("VRRR %v %v", op, arr), func(a *Assembler) { a.VRRR(op, arr, d, n, m) }, want)
			}
		}
	}
	for i := range 32 {
		d, n, _, _ := rot(vRegs, i)
		c.check("VMov", func(a *Assembler) { a.VMov(d, n) }, ins("MOV", va(d, B16), va(n, B16)))
		c.check("VRRR vorr 16b", func(a *Assembler) { a.VRRR(VORR, B16, d, n, n) }, ins("MOV", va(d, B16), va(n, B16)))
	}
	c.checkFails("vrrr vabs", func(a *Assembler) bool { a.VRRR(VABS, B16, V0, V1, V2); return true })
	c.checkFails("vrrr add", func(a *Assembler) bool { a.VRRR(ADD, B16, V0, V1, V2); return true })
	c.checkFails("vrrr gp", func(a *Assembler) bool { a.VRRR(VADD, B16, R0, V1, V2); return true })
	c.checkFails("vrrr arr 9", func(a *Assembler) bool { a.VRRR(VADD, 9, V0, V1, V2); return true })
}

func TestVRR(t *testing.T) {
	c := newChecker(t)
	for op := opVBase + 1; op < numVOps; op++ {
		in := vOps[op-opVBase]
		if in.cls != vc2 && in.cls != vc2FP && in.cls != vc2FPN {
			continue
		}
		for _, arr := range allArrs {
			if in.arrs&(1<<arr) == 0 {
				c.checkFails(fmt.Sprintf("%v %v", op, arr), func(a *Assembler) bool { a.VRR(op, arr, V0, V1); return true })
				continue
			}
			for i := range 32 {
				if i%4 != 0 && arr != B16 && arr != S4 {
					continue
				}
				d, n, _, _ := rot(vRegs, i+int(op))
				want := ins(vname(op), va(d, arr), va(n, arr))
				switch op {
				case VCMEQZ, VCMGEZ, VCMGTZ, VCMLEZ, VCMLTZ:
					want = ins(vname(op)[:4], va(d, arr), va(n, arr), "#0")
				case VXTN, VXTN2, VSQXTN, VSQXTN2, VUQXTN, VUQXTN2, VSQXTUN, VSQXTUN2:
					want = ins(vname(op), va(d, arr), va(n, widen(arr)))
				case VSADDLP, VUADDLP:
					want = ins(vname(op), va(d, arr+2), va(n, arr))
				case VFCVTL, VFCVTL2:
					want = ins(vname(op), va(d, widen(arr)), va(n, arr))
				case VFCVTN, VFCVTN2:
					want = ins(vname(op), va(d, arr), va(n, widen(arr)))
				case VADDV, VSMAXV, VUMAXV, VSMINV, VUMINV:
					want = ins(vname(op), vn(laneLetter(arr), d), va(n, arr))
				case VSADDLV, VUADDLV:
					want = ins(vname(op), vn(laneLetter(arr+2), d), va(n, arr))
				case VNOT:
					want = ins("MVN", va(d, arr), va(n, arr))
				}
				c.check(fmt.Sprintf("VRR %v %v", op, arr), func(a *Assembler) { a.VRR(op, arr, d, n) }, want)
			}
		}
	}
	c.checkFails("vrr vadd", func(a *Assembler) bool { a.VRR(VADD, B16, V0, V1); return true })
}

func TestVShiftImm(t *testing.T) {
	c := newChecker(t)
	for _, op := range []Op{VSHL, VSSHR, VUSHR, VSSHLL, VSSHLL2, VUSHLL, VUSHLL2, VSSRA, VUSRA, VSHRN, VSHRN2} {
		right := vOps[op-opVBase].cls == vcShiftL
		for _, arr := range allArrs {
			if vOps[op-opVBase].arrs&(1<<arr) == 0 {
				c.checkFails(fmt.Sprintf("%v %v", op, arr), func(a *Assembler) bool { a.VShiftImm(op, arr, V0, V1, 1); return true })
				continue
			}
			esize := uint8(8) << (arr >> 1)
			shifts := []uint8{0, 1, esize / 2, esize - 1}
			if right {
				shifts = []uint8{1, 2, esize / 2, esize}
			}
			for i, sh := range shifts {
				d, n, _, _ := rot(vRegs, i*9+int(op)+int(arr))
				want := ins(vname(op), va(d, arr), va(n, arr), dec(int64(sh)))
				if op == VSHRN || op == VSHRN2 {
					want = ins(vname(op), va(d, arr), va(n, widen(arr)), dec(int64(sh)))
				}
				if op >= VSSHLL && op <= VUSHLL2 {
					want = ins(vname(op), va(d, widen(arr)), va(n, arr), dec(int64(sh)))
					if sh == 0 { // the SXTL/UXTL aliases
						want = ins(strings.Replace(vname(op), "SHL", "XT", 1), va(d, widen(arr)), va(n, arr))
					}
				}
				c.check(fmt.Sprintf("VShiftImm %v %v", op, arr), func(a *Assembler) { a.VShiftImm(op, arr, d, n, sh) }, want)
			}
			if right {
				c.checkFails(fmt.Sprintf("%v %v #0", op, arr), func(a *Assembler) bool { a.VShiftImm(op, arr, V0, V1, 0); return true })
				c.checkFails(fmt.Sprintf("%v %v #%d", op, arr, esize+1), func(a *Assembler) bool { a.VShiftImm(op, arr, V0, V1, esize+1); return true })
			} else {
				c.checkFails(fmt.Sprintf("%v %v #%d", op, arr, esize), func(a *Assembler) bool { a.VShiftImm(op, arr, V0, V1, esize); return true })
			}
		}
	}
}

func TestVCopy(t *testing.T) {
	c := newChecker(t)
	for _, arr := range allArrs {
		lanes := uint8(16 >> (arr >> 1))
		gw := W32
		if arr>>1 == 3 {
			gw = W64
		}
		for i := range 32 {
			d, n, _, _ := rot(vRegs, i)
			_, gn, _, _ := rot(gpRegs, i)
			idx := uint8(i) % lanes
			idx2 := uint8(i*7+3) % lanes
			if arr != D1 {
				c.check("DupElem "+arr.String(), func(a *Assembler) { a.DupElem(arr, d, n, idx) }, ins("DUP", va(d, arr), lane(n, arr, idx)))
				c.check("DupGP "+arr.String(), func(a *Assembler) { a.DupGP(arr, d, gn) }, ins("DUP", va(d, arr), xr(gw, gn)))
			}
			if arr&1 == 1 || arr == D1 {
				continue // the element forms depend only on the lane size
			}
			c.check("DupScalar "+laneLetter(arr), func(a *Assembler) { a.DupScalar(arr, d, n, idx) }, ins("MOV", vn(laneLetter(arr), d), lane(n, arr, idx)))
			c.check("InsElem "+laneLetter(arr), func(a *Assembler) { a.InsElem(arr, d, idx, n, idx2) }, ins("MOV", lane(d, arr, idx), lane(n, arr, idx2)))
			c.check("InsGP "+laneLetter(arr), func(a *Assembler) { a.InsGP(arr, d, idx, gn) }, ins("MOV", lane(d, arr, idx), xr(gw, gn)))
			umov := "UMOV"
			if arr>>1 >= 2 {
				umov = "MOV"
			}
			c.check("Umov "+laneLetter(arr), func(a *Assembler) { a.Umov(arr, gn, n, idx) }, ins(umov, xr(gw, gn), lane(n, arr, idx)))
			for _, w := range widths {
				if arr>>1 == 3 || (arr>>1 == 2 && w == W32) {
					continue
				}
				c.check("Smov "+laneLetter(arr)+" "+wname(w), func(a *Assembler) { a.Smov(w, arr, gn, n, idx) }, ins("SMOV", xr(w, gn), lane(n, arr, idx)))
			}
		}
		c.checkFails("dup index "+arr.String(), func(a *Assembler) bool { a.DupElem(arr, V0, V1, lanes); return true })
		c.checkFails("umov index "+arr.String(), func(a *Assembler) bool { a.Umov(arr, R0, V1, lanes); return true })
	}
	c.checkFails("dup 1d", func(a *Assembler) bool { a.DupGP(D1, V0, R1); return true })
	c.checkFails("smov d", func(a *Assembler) bool { a.Smov(W64, D2, R0, V1, 0); return true })
	c.checkFails("smov s to w", func(a *Assembler) bool { a.Smov(W32, S4, R0, V1, 0); return true })
	for i := range 32 {
		d, n, m, _ := rot(vRegs, i)
		n2 := V0 + (n-V0+1)%32
		c.check("Tbl 1", func(a *Assembler) { a.Tbl(d, []Reg{n}, m) }, ins("TBL", va(d, B16), "{"+va(n, B16)+"}", va(m, B16)))
		c.check("Tbl 2", func(a *Assembler) { a.Tbl(d, []Reg{n, n2}, m) }, ins("TBL", va(d, B16), "{"+va(n, B16)+", "+va(n2, B16)+"}", va(m, B16)))
		idx := uint8(i) % 16
		c.check("Ext", func(a *Assembler) { a.Ext(d, n, m, idx) }, ins("EXT", va(d, B16), va(n, B16), va(m, B16), dec(int64(idx))))
	}
	c.checkFails("tbl not consecutive", func(a *Assembler) bool { a.Tbl(V0, []Reg{V1, V3}, V2); return true })
	c.checkFails("tbl 0 regs", func(a *Assembler) bool { a.Tbl(V0, nil, V2); return true })
	c.checkFails("ext 16", func(a *Assembler) bool { a.Ext(V0, V1, V2, 16); return true })
}

// expand64 is the 64-bit value of a MOVI 2D/1D immediate: each bit of imm8 a byte of ones.
func expand64(imm8 uint8) uint64 {
	var v uint64
	for i := range 8 {
		if imm8>>i&1 != 0 {
			v |= 0xff << (8 * i)
		}
	}
	return v
}

func TestMovi(t *testing.T) {
	c := newChecker(t)
	for _, arr := range allArrs {
		var shifts []uint8
		switch arr >> 1 {
		case 0, 3:
			shifts = []uint8{0}
		case 1:
			shifts = []uint8{0, 8}
		case 2:
			shifts = []uint8{0, 8, 16, 24}
		}
		for i, v := range []uint8{0, 1, 0x7f, 0x80, 0xa5, 0xff} {
			for _, sh := range shifts {
				d := vRegs[(i*5+int(sh)+int(arr))%32]
				dst := va(d, arr)
				if arr == D1 {
					dst = vn("D", d)
				}
				im := imm(uint64(v))
				if arr>>1 == 3 {
					im = imm(expand64(v))
				}
				if sh != 0 {
					im += fmt.Sprintf(", LSL #%d", sh)
				}
				c.check("Movi "+arr.String(), func(a *Assembler) { a.Movi(d, arr, v, sh) }, ins("MOVI", dst, im))
				if arr>>1 == 1 || arr>>1 == 2 {
					c.check("Mvni "+arr.String(), func(a *Assembler) { a.Mvni(d, arr, v, sh) }, ins("MVNI", dst, im))
				}
			}
		}
	}
	c.checkFails("movi 16b lsl 8", func(a *Assembler) bool { a.Movi(V0, B16, 1, 8); return true })
	c.checkFails("movi 4s lsl 4", func(a *Assembler) bool { a.Movi(V0, S4, 1, 4); return true })
	c.checkFails("mvni 16b", func(a *Assembler) bool { a.Mvni(V0, B16, 1, 0); return true })
}

func TestLd1(t *testing.T) {
	c := newChecker(t)
	for _, arr := range allArrs {
		lanes := uint8(16 >> (arr >> 1))
		for i := range 32 {
			tr := vRegs[i]
			_, base, _, _ := rot(gpRegs, i)
			if base == ZR {
				base = RSP
			}
			mem := fmt.Sprintf("[%s]", xr(W64, base))
			c.check("Ld1R "+arr.String(), func(a *Assembler) { a.Ld1R(arr, tr, base) }, ins("LD1R", "{"+va(tr, arr)+"}", mem))
			if arr&1 == 1 && arr != D2 || arr == D1 {
				continue
			}
			idx := uint8(i*3) % lanes
			el := fmt.Sprintf("{V%d.%s}[%d]", tr-V0, laneLetter(arr), idx)
			c.check("Ld1Lane "+laneLetter(arr), func(a *Assembler) { a.Ld1Lane(arr, tr, idx, base) }, ins("LD1", el, mem))
			c.check("St1Lane "+laneLetter(arr), func(a *Assembler) { a.St1Lane(arr, tr, idx, base) }, ins("ST1", el, mem))
		}
		c.checkFails("ld1 lane index "+arr.String(), func(a *Assembler) bool { a.Ld1Lane(arr, V0, lanes, R1); return true })
	}
	// Every lane index of every lane size.
	for _, arr := range []Arr{B16, H8, S4, D2} {
		for idx := range uint8(16 >> (arr >> 1)) {
			el := fmt.Sprintf("{V7.%s}[%d]", laneLetter(arr), idx)
			c.check("Ld1Lane "+laneLetter(arr), func(a *Assembler) { a.Ld1Lane(arr, V7, idx, R9) }, ins("LD1", el, "[X9]"))
			c.check("St1Lane "+laneLetter(arr), func(a *Assembler) { a.St1Lane(arr, V7, idx, R9) }, ins("ST1", el, "[X9]"))
			c.check("Umov "+laneLetter(arr), func(a *Assembler) { a.Umov(arr, R3, V7, idx) }, ins(map[bool]string{true: "MOV", false: "UMOV"}[arr>>1 >= 2], xr([2]Width{W32, W64}[arr>>1/3], R3), lane(V7, arr, idx)))
		}
	}
}
