package asm

import "testing"

// emitMix emits a representative JIT-like instruction mix of 32 instructions.
func emitMix(a *Assembler, loop Label) {
	a.Ldr(X, W64, R0, RSP, 8)
	a.Ldr(W, W32, R1, R21, 0x40)
	a.RRR(ADD, W32, R0, R0, R1)
	a.RRImm(ADD, W64, R2, R2, 1000)
	a.CmpImm(W32, R0, 7)
	a.BCond(HS, loop)
	a.LdrReg(W, W32, R8, R22, R0, UXTW, false)
	a.StrReg(W, R9, R22, R0, UXTW, false)
	a.RRRExt(ADD, W64, R10, R11, R12, UXTW, 3)
	a.RRR(MUL, W64, R0, R3, R4)
	a.RRR(LSLV, W32, R2, R2, R1)
	a.ShiftImm(ASR, W64, R6, R6, 3)
	a.Ldr(B, W32, R7, R22, 17)
	a.RR(OpSXTW, W64, R0, R1)
	a.CSet(W32, R0, LT)
	a.Tst(W32, R0, R0)
	a.CSel(CSEL, W64, R3, R1, R2, NE)
	a.RRImm(SUBS, W64, R20, R20, 1)
	a.Cbnz(W64, R20, loop)
	a.Ldr(VD, W64, V1, R22, 8)
	a.FRRR(FADD, D, V1, V1, V2)
	a.FCmp(D, V1, V3)
	a.Fcvtzs(W64, D, R0, V1)
	a.Ldr(VQ, W64, V4, R22, 16)
	a.VRRR(VADD, S4, V4, V4, V5)
	a.VRRR(VZIP1, B16, V6, V4, V5)
	a.Str(VQ, V6, R22, 32)
	a.MovImm(W64, R0, 0x123456789)
	a.CallRel26()
	a.B(loop)
	a.Ret()
}

func BenchmarkAssemble(b *testing.B) {
	var a Assembler
	b.ReportAllocs()
	for b.Loop() {
		a.Reset()
		for range 32 {
			l := a.NewLabel()
			emitMix(&a, l)
			a.Bind(l)
		}
		if _, err := a.Finalize(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*32*33), "ns/inst")
}

// TestNoAllocationsAfterWarmup checks that a reused assembler does not allocate.
func TestNoAllocationsAfterWarmup(t *testing.T) {
	var a Assembler
	run := func() {
		a.Reset()
		for range 32 {
			l := a.NewLabel()
			emitMix(&a, l)
			a.Bind(l)
		}
		if _, err := a.Finalize(); err != nil {
			t.Fatal(err)
		}
	}
	run()
	if n := testing.AllocsPerRun(20, run); n != 0 {
		t.Errorf("%v allocations per run of ~1000 instructions after warm-up, want 0", n)
	}
}
