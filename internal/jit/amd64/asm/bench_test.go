package asm

import "testing"

// emitMix emits a representative JIT-like instruction mix of 32 instructions.
func emitMix(a *Assembler, loop Label) {
	m := Mem{Base: R15, Index: RAX, Scale: 1, Disp: 0x10}
	a.MovRM(W64, RAX, Mem{Base: RSP, Disp: 8})
	a.MovRM(W32, RCX, Mem{Base: R13, Disp: 0x40})
	a.AddRR(W32, RAX, RCX)
	a.AddRI(W64, RDX, 1000)
	a.CmpRI(W32, RAX, 7)
	a.Jcc(CondAE, loop)
	a.MovRM(W32, R8, m)
	a.MovMR(W32, m, R9)
	a.LeaRM(W64, R10, Mem{Base: R11, Index: R12, Scale: 8, Disp: -4})
	a.ImulRR(W64, RAX, RBX)
	a.ShiftRCL(Shl, W32, RDX)
	a.ShiftRI(Sar, W64, RSI, 3)
	a.MovzxRM(W32, W8, RDI, m)
	a.MovsxdRR(RAX, RCX)
	a.SetccR(CondL, RAX)
	a.MovzxRR(W32, W8, RAX, RAX)
	a.TestRR(W32, RAX, RAX)
	a.CmovccRR(CondNE, W64, RBX, RCX)
	a.DecM(W64, Mem{Base: R14, Disp: 0x20})
	a.Jcc(CondS, loop)
	a.SseRM(MOVSD, X1, m)
	a.SseRR(ADDSD, X1, X2)
	a.SseRR(UCOMISD, X1, X3)
	a.SseRR(CVTTSD2SIQ, RAX, X1)
	a.SseRM(MOVDQU, X4, m)
	a.SseRR(PADDD, X4, X5)
	a.SseRRI(PSHUFD, X6, X4, 0x1b)
	a.SseMR(MOVDQU, m, X6)
	a.MovImm(W64, RAX, 0x123456789)
	a.CallRel32()
	a.Jmp(loop)
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
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*32*32), "ns/inst")
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
		t.Errorf("%v allocations per run of 1024 instructions after warm-up, want 0", n)
	}
}
