package asm

import (
	"fmt"
	"testing"
)

// ldName is the mnemonic of a load (or store) of sz, and the view letter of t.
func ldName(sz Size, w Width, load bool, unscaled bool) (string, string) {
	base := "LDR"
	if !load {
		base = "STR"
	}
	if unscaled {
		base = base[:2] + "UR"
	}
	switch sz {
	case B:
		return base + "B", "W"
	case H:
		return base + "H", "W"
	case W:
		return base, "W"
	case X:
		return base, "X"
	case SB:
		return base + "SB", [2]string{"W", "X"}[w]
	case SH:
		return base + "SH", [2]string{"W", "X"}[w]
	case SW:
		return base + "SW", "X"
	}
	return base, [...]string{VB: "B", VH: "H", VW: "S", VD: "D", VQ: "Q"}[sz]
}

func tName(view string, t Reg) string {
	switch view {
	case "W":
		return xr(W32, t)
	case "X":
		return xr(W64, t)
	}
	return vn(view, t)
}

func memImm(base Reg, off int64) string {
	if off == 0 {
		return fmt.Sprintf("[%s]", xr(W64, base))
	}
	return fmt.Sprintf("[%s,#%d]", xr(W64, base), off)
}

var allSizes = []Size{B, H, W, X, SB, SH, SW, VB, VH, VW, VD, VQ}

// sizeWidths lists the widths a load of sz is tested at.
func sizeWidths(sz Size) []Width {
	switch sz {
	case SB, SH:
		return widths
	case SW:
		return []Width{W64}
	}
	return []Width{W64}
}

func TestLdrStr(t *testing.T) {
	c := newChecker(t)
	bases := append(append([]Reg{}, gpRegs[:31]...), RSP)
	for _, sz := range allSizes {
		scale := int64(sz.Bytes())
		offs := []int64{0, scale, 4095 * scale, 8 * scale, -1, -256, 255, 1, 3, -scale}
		if scale > 1 {
			offs = append(offs, scale+1, 255*scale)
		}
		for _, w := range sizeWidths(sz) {
			for i, off := range offs {
				_, tr, _, _ := rot(gpRegs, i*3+int(sz))
				if sz.IsV() {
					tr = vRegs[(i*5+int(sz))%32]
				}
				base := bases[(i*7+int(sz)*3)%32]
				unscaled := !(off >= 0 && off%scale == 0 && off/scale < 4096)
				for _, load := range []bool{true, false} {
					if !load && sz >= SB && sz <= SW {
						continue
					}
					name, view := ldName(sz, w, load, unscaled)
					want := ins(name, tName(view, tr), memImm(base, off))
					form := fmt.Sprintf("%s %s %s %s", map[bool]string{true: "Ldr", false: "Str"}[load], sizes[sz].name, name, wname(w))
					c.check(form, func(a *Assembler) {
						var ok bool
						if load {
							ok = a.Ldr(sz, w, tr, base, off)
						} else {
							ok = a.Str(sz, tr, base, off)
						}
						if !ok {
							a.fail("refused")
						}
					}, want)
				}
			}
			for _, off := range []int64{-257, 4096 * scale, 4096*scale + scale, 4096*scale - 1, 1 << 40, -1 << 40} {
				if scale == 1 && off == 4096*scale-1 {
					continue
				}
				c.checkFails(fmt.Sprintf("ldr %v #%d", sz, off), func(a *Assembler) bool { return a.Ldr(sz, w, R0, R1, off) })
			}
			if scale > 1 {
				c.checkFails(fmt.Sprintf("ldr %v #%d", sz, 256+1), func(a *Assembler) bool { return a.Ldr(sz, w, R0, R1, 257) })
			}
		}
	}
	c.checkFails("str sb", func(a *Assembler) bool { return a.Str(SB, R0, R1, 0) })
	c.checkFails("ldrsw w32", func(a *Assembler) bool { return a.Ldr(SW, W32, R0, R1, 0) })
	c.checkFails("ldr x into v", func(a *Assembler) bool { return a.Ldr(X, W64, V0, R1, 0) })
	c.checkFails("ldr q into x", func(a *Assembler) bool { return a.Ldr(VQ, W64, R0, R1, 0) })
	c.checkFails("ldr sp as t", func(a *Assembler) bool { return a.Ldr(X, W64, RSP, R1, 0) })
	c.checkFails("ldr zr as base", func(a *Assembler) bool { return a.Ldr(X, W64, R0, ZR, 0) })
}

func TestLdrStrIndex(t *testing.T) {
	c := newChecker(t)
	for _, sz := range allSizes {
		for _, w := range sizeWidths(sz) {
			for i, off := range []int64{-256, -16, -1, 0, 1, 8, 255} {
				for _, mode := range []Index{PreIndex, PostIndex} {
					_, tr, base, _ := rot(gpRegs[:31], i*3+int(sz)+int(mode))
					if i == 3 {
						base = RSP
					}
					if sz.IsV() {
						tr = vRegs[(i*5+int(sz))%32]
					}
					mem := fmt.Sprintf("[%s,#%d]!", xr(W64, base), off)
					if mode == PostIndex {
						mem = fmt.Sprintf("[%s],#%d", xr(W64, base), off)
					}
					for _, load := range []bool{true, false} {
						if !load && sz >= SB && sz <= SW {
							continue
						}
						name, view := ldName(sz, w, load, false)
						c.check(fmt.Sprintf("%sIndex %s %s %s %s", map[bool]string{true: "Ldr", false: "Str"}[load], sizes[sz].name, name, []string{"", "pre", "post"}[mode], wname(w)), func(a *Assembler) {
							var ok bool
							if load {
								ok = a.LdrIndex(sz, w, tr, base, off, mode)
							} else {
								ok = a.StrIndex(sz, tr, base, off, mode)
							}
							if !ok {
								a.fail("refused")
							}
						}, ins(name, tName(view, tr), mem))
					}
				}
			}
		}
	}
	c.checkFails("ldr pre 256", func(a *Assembler) bool { return a.LdrIndex(X, W64, R0, R1, 256, PreIndex) })
	c.checkFails("ldr index offset mode", func(a *Assembler) bool { return a.LdrIndex(X, W64, R0, R1, 8, Offset) })
}

func TestLdrStrReg(t *testing.T) {
	c := newChecker(t)
	for _, sz := range allSizes {
		for _, w := range sizeWidths(sz) {
			for ei, ext := range []Extend{UXTW, UXTX, SXTW, SXTX} {
				for _, scaled := range []bool{false, true} {
					for j := range 2 {
						_, tr, base, idx := rot(gpRegs, ei*5+j*9+int(sz))
						if base == ZR {
							base = RSP
						}
						if sz.IsV() {
							tr = vRegs[(ei*7+j+int(sz))%32]
						}
						iw := W32
						if ext == UXTX || ext == SXTX {
							iw = W64
						}
						e := extNames[ext]
						if ext == UXTX {
							e = "LSL"
						}
						var mem string
						switch {
						case scaled && sz.Bytes() == 1:
							mem = fmt.Sprintf("[%s,%s,%s #0]", xr(W64, base), xr(iw, idx), e)
						case scaled:
							mem = fmt.Sprintf("[%s,%s,%s #%d]", xr(W64, base), xr(iw, idx), e, sizes[sz].scale)
						case ext == UXTX:
							mem = fmt.Sprintf("[%s,%s]", xr(W64, base), xr(iw, idx))
						default:
							mem = fmt.Sprintf("[%s,%s,%s]", xr(W64, base), xr(iw, idx), e)
						}
						for _, load := range []bool{true, false} {
							if !load && sz >= SB && sz <= SW {
								continue
							}
							name, view := ldName(sz, w, load, false)
							c.check(fmt.Sprintf("%sReg %s %s %s %s", map[bool]string{true: "Ldr", false: "Str"}[load], sizes[sz].name, name, wname(w), e), func(a *Assembler) {
								if load {
									a.LdrReg(sz, w, tr, base, idx, ext, scaled)
								} else {
									a.StrReg(sz, tr, base, idx, ext, scaled)
								}
							}, ins(name, tName(view, tr), mem))
						}
					}
				}
			}
		}
	}
	c.checkFails("ldr reg uxtb", func(a *Assembler) bool { a.LdrReg(X, W64, R0, R1, R2, UXTB, false); return true })
	c.checkFails("ldr reg sp index", func(a *Assembler) bool { a.LdrReg(X, W64, R0, R1, RSP, UXTX, false); return true })
}

func TestLdpStp(t *testing.T) {
	c := newChecker(t)
	type pf struct {
		name  string
		sz    Size // X, W or a V size
		w     Width
		scale int64
		view  string
	}
	forms := []pf{{"x", X, W64, 8, "X"}, {"w", W, W32, 4, "W"}, {"s", VW, W64, 4, "S"}, {"d", VD, W64, 8, "D"}, {"q", VQ, W64, 16, "Q"}}
	for _, f := range forms {
		for i, k := range []int64{-64, -1, 0, 1, 2, 63} {
			off := k * f.scale
			for _, mode := range []Index{Offset, PreIndex, PostIndex} {
				var t1, t2, base Reg
				if f.sz.IsV() {
					t1, t2 = vRegs[(i*5+int(mode))%32], vRegs[(i*5+int(mode)+9)%32]
					_, _, base, _ = rot(gpRegs[:31], i+int(mode)*4)
				} else {
					t1, t2, base, _ = rot(gpRegs, i*3+int(mode)*5)
				}
				if i%3 == 0 || base == ZR {
					base = RSP
				}
				var mem string
				switch {
				case mode == PreIndex:
					mem = fmt.Sprintf("[%s,#%d]!", xr(W64, base), off)
				case mode == PostIndex:
					mem = fmt.Sprintf("[%s],#%d", xr(W64, base), off)
				default:
					mem = memImm(base, off)
				}
				for _, load := range []bool{true, false} {
					name := map[bool]string{true: "LDP", false: "STP"}[load]
					method := map[bool]string{true: "Ldp", false: "Stp"}[load]
					if f.sz.IsV() {
						method += "V"
					}
					c.check(fmt.Sprintf("%s %s %s", method, f.name, []string{"offset", "pre", "post"}[mode]), func(a *Assembler) {
						var ok bool
						switch {
						case f.sz.IsV() && load:
							ok = a.LdpV(f.sz, t1, t2, base, off, mode)
						case f.sz.IsV():
							ok = a.StpV(f.sz, t1, t2, base, off, mode)
						case load:
							ok = a.Ldp(f.w, t1, t2, base, off, mode)
						default:
							ok = a.Stp(f.w, t1, t2, base, off, mode)
						}
						if !ok {
							a.fail("refused")
						}
					}, ins(name, tName(f.view, t1), tName(f.view, t2), mem))
				}
			}
		}
		for _, off := range []int64{64 * f.scale, -65 * f.scale, 1, f.scale + 2} {
			c.checkFails(fmt.Sprintf("ldp %s #%d", f.name, off), func(a *Assembler) bool {
				if f.sz.IsV() {
					return a.LdpV(f.sz, V0, V1, R2, off, Offset)
				}
				return a.Ldp(f.w, R0, R1, R2, off, Offset)
			})
		}
	}
	c.checkFails("ldpv b", func(a *Assembler) bool { return a.LdpV(VB, V0, V1, R2, 0, Offset) })
}
