package asm

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestExecute runs assembled code: it builds a static Linux/arm64 ELF executable whose code
// computes a few thousand values with the integer, immediate, bitfield, FP, load/store and NEON
// forms and writes them to stdout, runs it (natively on linux/arm64, else under qemu-aarch64
// when installed) and compares every value with the one Go computes. The decoder tests check
// that each word is the intended instruction; this checks that the intended instruction
// computes what the assembler's caller expects (MovImm sequences, bitmask immediates, shift
// aliases, conversions).

type prog struct {
	a     Assembler
	buf   Label
	want  []uint64
	names []string
}

// result stores x0 to the next result slot (x19 walks the buffer) and records its expected
// value.
func (p *prog) result(want uint64, format string, args ...any) {
	p.a.StrIndex(X, R0, R19, 8, PostIndex)
	p.want = append(p.want, want)
	p.names = append(p.names, fmt.Sprintf(format, args...))
}

func runELF(t *testing.T, code []byte, memsz int) []byte {
	t.Helper()
	const vaddr = 0x400000
	const hdr = 64 + 56
	elf := make([]byte, hdr, hdr+len(code))
	copy(elf, "\x7fELF\x02\x01\x01")
	le := binary.LittleEndian
	le.PutUint16(elf[16:], 2)   // ET_EXEC
	le.PutUint16(elf[18:], 183) // EM_AARCH64
	le.PutUint32(elf[20:], 1)
	le.PutUint64(elf[24:], vaddr+hdr) // entry
	le.PutUint64(elf[32:], 64)        // phoff
	le.PutUint16(elf[52:], 64)
	le.PutUint16(elf[54:], 56)
	le.PutUint16(elf[56:], 1)
	ph := elf[64:]
	le.PutUint32(ph[0:], 1) // PT_LOAD
	le.PutUint32(ph[4:], 7) // RWX
	le.PutUint64(ph[16:], vaddr)
	le.PutUint64(ph[24:], vaddr)
	le.PutUint64(ph[32:], uint64(hdr+len(code)))
	le.PutUint64(ph[40:], uint64(hdr+memsz))
	le.PutUint64(ph[48:], 0x1000)
	elf = append(elf, code...)
	path := filepath.Join(t.TempDir(), "prog")
	if err := os.WriteFile(path, elf, 0o755); err != nil {
		t.Fatal(err)
	}
	// Natively on linux/arm64; elsewhere, or where the kernel cannot run it (a test binary
	// itself under qemu-user), under qemu-aarch64.
	if runtime.GOOS == "linux" && runtime.GOARCH == "arm64" {
		out, err := exec.Command(path).Output()
		if err == nil {
			return out
		}
		if !strings.Contains(err.Error(), "exec format error") {
			t.Fatalf("running the program: %v", err)
		}
	}
	q, err := exec.LookPath("qemu-aarch64")
	if err != nil {
		t.Skip("needs linux/arm64 or qemu-aarch64")
	}
	out, err := exec.Command(q, path).Output()
	if err != nil {
		t.Fatalf("running the program under %s: %v", q, err)
	}
	return out
}

// Reference semantics, written from the architecture's definitions.

func refBfm(w Width, op Op, dst, src uint64, immr, imms uint) uint64 {
	b := w.bits()
	mask := ^uint64(0) >> (64 - b)
	src &= mask
	var field, fmask uint64
	var top uint // index of the field's top bit in the result
	if imms >= immr {
		width := imms - immr + 1
		fmask = (uint64(1)<<width - 1)
		if width == 64 {
			fmask = ^uint64(0)
		}
		field = src >> immr & fmask
		top = width - 1
	} else {
		width := imms + 1
		lsb := b - immr
		fmask = (uint64(1)<<width - 1) << lsb
		field = src << lsb & fmask
		top = lsb + width - 1
	}
	var r uint64
	switch op {
	case UBFM:
		r = field
	case SBFM:
		r = field
		if field>>top&1 != 0 {
			r |= ^uint64(0) << top
		}
	case BFM:
		r = dst&^fmask | field
	}
	return r & mask
}

func TestExecute(t *testing.T) {
	p := &prog{}
	a := &p.a
	p.buf = a.NewLabel()
	a.Adr(R19, p.buf)
	r := rand.New(rand.NewPCG(3, 4))
	rnd := func() uint64 {
		switch r.IntN(4) {
		case 0:
			return r.Uint64() & (1<<(r.IntN(64)+1) - 1)
		case 1:
			return uint64(r.IntN(1<<16)) << (16 * r.IntN(4))
		case 2:
			return ^(uint64(r.IntN(1<<16)) << (16 * r.IntN(4)))
		}
		return r.Uint64()
	}
	mask := func(w Width, v uint64) uint64 {
		if w == W32 {
			return v & 0xffffffff
		}
		return v
	}
	// MovImm, including every 100th bitmask immediate.
	for i := range 300 {
		w := Width(i & 1)
		v := mask(w, rnd())
		a.MovImm(w, R0, v)
		p.result(v, "MovImm(%s, %#x)", wname(w), v)
	}
	for _, w := range widths {
		masks := newGenerator().masks[w]
		for i := 0; i < len(masks); i += 97 {
			a.MovImm(w, R0, masks[i])
			p.result(masks[i], "MovImm(%s, bitmask %#x)", wname(w), masks[i])
			// logical immediates on a random operand
			x := mask(w, rnd())
			a.MovImm(W64, R1, x)
			op := []Op{AND, ORR, EOR, ANDS}[i%4]
			a.RRImm(op, w, R0, R1, masks[i])
			var want uint64
			switch op {
			case AND, ANDS:
				want = x & masks[i]
			case ORR:
				want = x | masks[i]
			case EOR:
				want = x ^ masks[i]
			}
			p.result(mask(w, want), "%v(%s, %#x, %#x)", op, wname(w), x, masks[i])
		}
	}
	// Add/subtract immediates and registers, shifts, bitfields, multiply/divide.
	for i := range 200 {
		w := Width(i & 1)
		x, y := mask(w, rnd()), mask(w, rnd())
		a.MovImm(W64, R1, x)
		a.MovImm(W64, R2, y)
		imm := uint64(r.IntN(4096))
		if i%3 == 0 {
			imm <<= 12
		}
		a.RRImm(ADD, w, R0, R1, imm)
		p.result(mask(w, x+imm), "add #%#x", imm)
		a.RRImm(SUB, w, R0, R1, imm)
		p.result(mask(w, x-imm), "sub #%#x", imm)
		sh := uint8(r.IntN(int(w.bits())))
		for s := LSL; s <= ROR; s++ {
			a.ShiftImm(s, w, R0, R1, sh)
			var want uint64
			switch s {
			case LSL:
				want = x << sh
			case LSR:
				want = x >> sh
			case ASR:
				if w == W32 {
					want = uint64(uint32(int32(uint32(x)) >> sh))
				} else {
					want = uint64(int64(x) >> sh)
				}
			case ROR:
				if w == W32 {
					want = uint64(bits.RotateLeft32(uint32(x), -int(sh)))
				} else {
					want = bits.RotateLeft64(x, -int(sh))
				}
			}
			p.result(mask(w, want), "%s %s #%d of %#x", shiftNames[s], wname(w), sh, x)
		}
		a.RRRShift(SUB, w, R0, R1, R2, LSR, sh)
		p.result(mask(w, x-(y>>sh)), "sub lsr")
		a.RRRExt(ADD, w, R0, R1, R2, SXTH, 2)
		p.result(mask(w, x+uint64(int64(int16(y)))<<2), "add sxth #2")
		immr, imms := uint(r.IntN(int(w.bits()))), uint(r.IntN(int(w.bits())))
		for _, op := range []Op{UBFM, SBFM, BFM} {
			a.MovImm(W64, R0, y)
			a.Bfm(op, w, R0, R1, uint8(immr), uint8(imms))
			p.result(refBfm(w, op, y, x, immr, imms), "%v %s #%d, #%d of %#x into %#x", op, wname(w), immr, imms, x, y)
		}
		a.RRR(MUL, w, R0, R1, R2)
		p.result(mask(w, x*y), "mul")
		a.RRRR(MSUB, w, R0, R1, R2, R1)
		p.result(mask(w, x-x*y), "msub")
		if y != 0 {
			a.RRR(UDIV, w, R0, R1, R2)
			p.result(mask(w, x)/mask(w, y), "udiv")
			a.RRR(SDIV, w, R0, R1, R2)
			if w == W32 {
				q := int32(uint32(x))
				if !(q == math.MinInt32 && int32(uint32(y)) == -1) {
					q /= int32(uint32(y))
				}
				p.result(uint64(uint32(q)), "sdiv w32")
			} else {
				q := int64(x)
				if !(q == math.MinInt64 && int64(y) == -1) {
					q /= int64(y)
				}
				p.result(uint64(q), "sdiv w64")
			}
		}
		if w == W64 {
			hi, _ := bits.Mul64(x, y)
			a.RRR(UMULH, w, R0, R1, R2)
			p.result(hi, "umulh")
		}
		a.RR(CLZ, w, R0, R1)
		if w == W32 {
			p.result(uint64(bits.LeadingZeros32(uint32(x))), "clz w32")
		} else {
			p.result(uint64(bits.LeadingZeros64(x)), "clz w64")
		}
		a.RR(REV, w, R0, R1)
		if w == W32 {
			p.result(uint64(bits.ReverseBytes32(uint32(x))), "rev w32")
		} else {
			p.result(bits.ReverseBytes64(x), "rev w64")
		}
		// Compare and conditional select for every condition.
		a.Cmp(w, R1, R2)
		for c := EQ; c < AL; c++ {
			a.CSet(w, R0, c)
			p.result(b2u(condHolds(w, c, x, y)), "cmp %#x, %#x; cset %v", x, y, c)
		}
	}
	// Loads and stores of every size, sign-extending ones included, through a scratch area.
	scratch := a.NewLabel()
	a.Adr(R20, scratch)
	for i := range 60 {
		x := rnd()
		a.MovImm(W64, R1, x)
		a.Str(X, R1, R20, 16)
		for _, sz := range []Size{B, H, W, X, SB, SH, SW} {
			w := W64
			if (sz == SB || sz == SH) && i&1 == 0 {
				w = W32
			}
			a.Ldr(sz, w, R0, R20, 16)
			var want uint64
			switch sz {
			case B:
				want = x & 0xff
			case H:
				want = x & 0xffff
			case W:
				want = x & 0xffffffff
			case X:
				want = x
			case SB:
				want = mask(w, uint64(int64(int8(x))))
			case SH:
				want = mask(w, uint64(int64(int16(x))))
			case SW:
				want = uint64(int64(int32(x)))
			}
			p.result(want, "ldr %v (%s) of %#x", sz, wname(w), x)
		}
		// unscaled negative offset and a register offset
		a.RRImm(ADD, W64, R21, R20, 24)
		a.Ldr(W, W64, R0, R21, -7)
		p.result(uint64(uint32(x>>8)), "ldur w #-7")
		a.MovImm(W64, R2, 9)
		a.LdrReg(H, W64, R0, R20, R2, UXTX, true) // scratch + 9*2 = halfword 1 of x
		p.result(x>>16&0xffff, "ldrh reg")
		a.MovImm(W64, R2, 0xffff_fffe) // -2 as a W register, sign-extended
		a.RRImm(ADD, W64, R21, R20, 32)
		a.LdrReg(X, W64, R0, R21, R2, SXTW, true) // scratch + 32 - 16
		p.result(x, "ldr x reg sxtw")
	}
	// FP: immediates, arithmetic, conversions, rounding.
	for i := range 80 {
		// The conversions round, so that Go may not fuse these products into the sums below.
		f := float64((r.Float64() - 0.5) * math.Ldexp(1, r.IntN(40)-8))
		g := float64((r.Float64() - 0.5) * 1000)
		a.MovImm(W64, R1, math.Float64bits(f))
		a.MovImm(W64, R2, math.Float64bits(g))
		a.FMovFromGP(W64, V1, R1)
		a.FMovFromGP(W64, V2, R2)
		a.FRRR(FADD, D, V0, V1, V2)
		a.FMovToGP(W64, R0, V0)
		p.result(math.Float64bits(f+g), "fadd")
		a.FRRR(FMUL, D, V0, V1, V2)
		a.FMovToGP(W64, R0, V0)
		p.result(math.Float64bits(f*g), "fmul")
		for _, rop := range []struct {
			op Op
			f  func(float64) float64
		}{{FRINTM, math.Floor}, {FRINTP, math.Ceil}, {FRINTZ, math.Trunc}, {FRINTN, math.RoundToEven}, {FABS, math.Abs}, {FNEG, func(v float64) float64 { return -v }}} {
			a.FRR(rop.op, D, V0, V1)
			a.FMovToGP(W64, R0, V0)
			p.result(math.Float64bits(rop.f(f)), "%v %v", rop.op, f)
		}
		a.FRR(FABS, D, V0, V1)
		a.FRR(FSQRT, D, V0, V0) // of |f|: the default NaN differs between architectures
		a.FMovToGP(W64, R0, V0)
		p.result(math.Float64bits(math.Sqrt(math.Abs(f))), "fsqrt |%v|", f)
		a.Fcvtzs(W64, D, R0, V1)
		p.result(uint64(int64(f)), "fcvtzs %v", f)
		a.Scvtf(D, W64, V0, R2) // R2 holds g's bits as an integer
		a.FMovToGP(W64, R0, V0)
		p.result(math.Float64bits(float64(int64(math.Float64bits(g)))), "scvtf")
		a.FCvt(S, D, V3, V1)
		a.FMovToGP(W32, R0, V3)
		p.result(uint64(math.Float32bits(float32(f))), "fcvt s<-d")
		v := math.Ldexp(float64(16+i%16)/16, i%8-3)
		a.FMovImm(D, V0, v)
		a.FMovToGP(W64, R0, V0)
		p.result(math.Float64bits(v), "fmov d #%v", v)
		a.FMovImm(S, V0, -v)
		a.FMovToGP(W32, R0, V0)
		p.result(uint64(math.Float32bits(float32(-v))), "fmov s #%v", -v)
	}
	// NEON: build vectors from general registers, operate, read lanes back.
	for i := range 40 {
		x, y := rnd(), rnd()
		a.MovImm(W64, R1, x)
		a.MovImm(W64, R2, y)
		a.InsGP(D2, V1, 0, R1)
		a.InsGP(D2, V1, 1, R2)
		a.InsGP(D2, V2, 0, R2)
		a.InsGP(D2, V2, 1, R1)
		a.VRRR(VADD, S4, V0, V1, V2)
		a.Umov(D2, R0, V0, 0)
		p.result(lanes32(x, y, func(a, b uint32) uint32 { return a + b }), "vadd 4s")
		a.VRRR(VEOR, B16, V0, V1, V2)
		a.Umov(D2, R0, V0, 1)
		p.result(y^x, "veor")
		a.VRRR(VCMHI, B16, V0, V1, V2)
		a.Umov(D2, R0, V0, 0)
		p.result(lanes8(x, y, func(a, b uint8) uint8 { return uint8(b2u(a > b) * 0xff) }), "vcmhi 16b")
		sh := uint8(i % 16)
		a.VShiftImm(VSHL, H8, V0, V1, sh)
		a.Umov(D2, R0, V0, 1)
		p.result(lanes16(y, func(a uint16) uint16 { return a << sh }), "vshl 8h #%d", sh)
		a.VShiftImm(VSSHR, H8, V0, V1, sh+1)
		a.Umov(D2, R0, V0, 0)
		p.result(lanes16(x, func(a uint16) uint16 { return uint16(int16(a) >> (sh + 1)) }), "vsshr 8h #%d", sh+1)
		a.Movi(V0, D2, uint8(i*37), 0)
		a.Umov(D2, R0, V0, 1)
		p.result(expand64(uint8(i*37)), "movi 2d")
		a.VRR(VCNT, B16, V0, V1)
		a.VRR(VADDV, B16, V0, V0)
		a.Umov(B16, R0, V0, 0)
		p.result(uint64(bits.OnesCount64(x)+bits.OnesCount64(y))&0xff, "cnt+addv")
	}
	// Branches: conditional, compare-and-branch, test-and-branch, calls, returns, indirect
	// branches, literal loads and a jump table.
	sub, pool, table := a.NewLabel(), a.NewLabel(), a.NewLabel()
	poolVals := []uint64{0x0123456789abcdef, 0xfedcba9876543210, 0x80000000_7fffffff}
	for i := range 60 {
		w := Width(i & 1)
		x, y := mask(w, rnd()), mask(w, rnd())
		if i%5 == 0 {
			y = x
		}
		a.MovImm(W64, R1, x)
		a.MovImm(W64, R2, y)
		a.Cmp(w, R1, R2)
		for c := EQ; c < AL; c++ {
			skip := a.NewLabel()
			a.MovZ(W64, R0, 0, 0)
			a.BCond(c, skip)
			a.MovZ(W64, R0, 1, 0)
			a.Bind(skip)
			p.result(b2u(!condHolds(w, c, x, y)), "b.%v after cmp %#x, %#x", c, x, y)
		}
		for _, nz := range []bool{false, true} {
			skip := a.NewLabel()
			a.MovZ(W64, R0, 0, 0)
			if nz {
				a.Cbnz(w, R1, skip)
			} else {
				a.Cbz(w, R1, skip)
			}
			a.MovZ(W64, R0, 1, 0)
			a.Bind(skip)
			p.result(b2u((mask(w, x) == 0) == nz), "cbz/cbnz %v of %#x", nz, x)
		}
		bit := uint8(r.IntN(64))
		skip := a.NewLabel()
		a.MovZ(W64, R0, 0, 0)
		if i&2 == 0 {
			a.Tbz(R1, bit, skip)
		} else {
			a.Tbnz(R1, bit, skip)
		}
		a.MovZ(W64, R0, 1, 0)
		a.Bind(skip)
		set := x>>bit&1 != 0
		p.result(b2u(set == (i&2 == 0)), "tbz/tbnz #%d of %#x", bit, x)
		// BL to a subroutine computing x0 = x1 + x2, and BLR to it through ADR.
		a.BL(sub)
		p.result(mask(W64, x+y), "bl")
		a.Adr(R9, sub)
		a.Blr(R9)
		p.result(x+y, "blr")
		// literal pool loads
		k := i % len(poolVals)
		a.LdrLiteral(X, R0, pool)
		p.result(poolVals[0], "ldr literal x")
		a.LdrLiteral(W, R0, pool)
		p.result(poolVals[0]&0xffffffff, "ldr literal w")
		a.LdrLiteral(SW, R0, pool)
		p.result(uint64(int64(int32(uint32(poolVals[0])))), "ldr literal sw")
		a.LdrLiteral(VQ, V7, pool)
		a.Umov(D2, R0, V7, 1)
		p.result(poolVals[1], "ldr literal q")
		// jump table dispatch on k
		after := a.NewLabel()
		a.MovImm(W64, R3, uint64(k))
		a.Adr(R4, table)
		a.LdrReg(SW, W64, R5, R4, R3, UXTW, true)
		a.RRR(ADD, W64, R4, R4, R5)
		a.Adr(R30, after) // the cases return to "after" through x30
		a.Br(R4)
		a.Bind(after)
		p.result(uint64(100+k), "jump table %d", k)
	}
	done := a.NewLabel()
	a.B(done)
	a.Bind(sub)
	a.RRR(ADD, W64, R0, R1, R2)
	a.Ret()
	cases := make([]Label, len(poolVals))
	for k := range cases {
		cases[k] = a.NewLabel()
		a.Bind(cases[k])
		a.MovImm(W64, R0, uint64(100+k))
		a.Ret()
	}
	a.AlignTrap(16)
	a.Bind(pool)
	for _, v := range poolVals {
		a.Quad(v)
	}
	a.Quad(0)
	a.JumpTable(table, cases)
	a.Bind(done)

	// write(1, buf, n); exit(0)
	n := len(p.want)
	a.MovImm(W64, R0, 1)
	a.Adr(R1, p.buf)
	a.MovImm(W64, R2, uint64(8*n))
	a.MovImm(W64, R8, 64)
	a.Svc(0)
	a.MovImm(W64, R0, 0)
	a.MovImm(W64, R8, 93)
	a.Svc(0)
	a.AlignTrap(16)
	a.Bind(scratch)
	a.Quad(0)
	a.Quad(0)
	a.Quad(0)
	a.Quad(0)
	a.Bind(p.buf)
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	out := runELF(t, code, len(code)+8*n+64)
	if len(out) != 8*n {
		t.Fatalf("program wrote %d bytes, want %d", len(out), 8*n)
	}
	fails := 0
	for i, w := range p.want {
		if got := binary.LittleEndian.Uint64(out[8*i:]); got != w {
			fails++
			if fails < 20 {
				t.Errorf("%s: got %#x, want %#x", p.names[i], got, w)
			}
		}
	}
	t.Logf("%d results computed by %d instructions checked", n, len(code)/4)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// condHolds evaluates condition c after CMP x, y at width w.
func condHolds(w Width, c Cond, x, y uint64) bool {
	var sx, sy int64
	if w == W32 {
		x, y = x&0xffffffff, y&0xffffffff
		sx, sy = int64(int32(uint32(x))), int64(int32(uint32(y)))
	} else {
		sx, sy = int64(x), int64(y)
	}
	switch c {
	case EQ:
		return x == y
	case NE:
		return x != y
	case HS:
		return x >= y
	case LO:
		return x < y
	case HI:
		return x > y
	case LS:
		return x <= y
	case GE:
		return sx >= sy
	case LT:
		return sx < sy
	case GT:
		return sx > sy
	case LE:
		return sx <= sy
	}
	diff := x - y
	if w == W32 {
		diff &= 0xffffffff
	}
	neg := diff>>(w.bits()-1)&1 != 0
	var ovf bool
	if w == W32 {
		_, ovf = sub32Overflow(int32(sx), int32(sy))
	} else {
		d := sx - sy
		ovf = (sx < 0) != (sy < 0) && (d < 0) != (sx < 0)
	}
	switch c {
	case MI:
		return neg
	case PL:
		return !neg
	case VS:
		return ovf
	case VC:
		return !ovf
	}
	return true
}

func sub32Overflow(a, b int32) (int32, bool) {
	d := int64(a) - int64(b)
	return int32(d), d != int64(int32(d))
}

func lanes32(x, y uint64, f func(a, b uint32) uint32) uint64 {
	return uint64(f(uint32(x), uint32(y))) | uint64(f(uint32(x>>32), uint32(y>>32)))<<32
}

func lanes16(x uint64, f func(a uint16) uint16) uint64 {
	var r uint64
	for i := 0; i < 64; i += 16 {
		r |= uint64(f(uint16(x>>i))) << i
	}
	return r
}

func lanes8(x, y uint64, f func(a, b uint8) uint8) uint64 {
	var r uint64
	for i := 0; i < 64; i += 8 {
		r |= uint64(f(uint8(x>>i), uint8(y>>i))) << i
	}
	return r
}
