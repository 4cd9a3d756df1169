#include "textflag.h"

// Offsets in mach.VMContext (checked by TestVMContextLayout): GoSP 0,
// Exit 8, JitSP 24, JitFB 32, MemBase 40, MemLen 48, Budget 56,
// GoBP 128, GoLR 168.

// func Enter(vc *mach.VMContext, code uintptr)
// Saves Go's SP, frame pointer (R29) and return address (R30) in vc,
// switches to the JIT machine stack, loads the fixed registers (R19
// vmctx, R20 frame base, R21 memory base, R22 memory length, R23 budget)
// and calls code. A normal return stores the budget back, Exit=0, and
// restores SP, R29 and R30; the exit stub returns to Go the same way.
// R28 (g) is never touched by compiled code; R29 keeps pointing at the
// caller's frame record.
TEXT ·Enter(SB), NOSPLIT|NOFRAME, $0-16
	MOVD vc+0(FP), R19
	MOVD code+8(FP), R0
	MOVD RSP, R1
	MOVD R1, 0(R19)
	MOVD R29, 128(R19)
	MOVD R30, 168(R19)
	MOVD 32(R19), R20
	MOVD 40(R19), R21
	MOVD 48(R19), R22
	MOVD 56(R19), R23
	MOVD 24(R19), R1
	MOVD R1, RSP
	CALL (R0)
	MOVD R23, 56(R19)
	MOVD ZR, 8(R19)
	MOVD 0(R19), R1
	MOVD R1, RSP
	MOVD 128(R19), R29
	MOVD 168(R19), R30
	RET

// func Resume(vc *mach.VMContext)
// Re-enters compiled code after an exit: it pops the record the exit
// stub pushed and returns into the code that called the stub, with the
// budget and memory Go left in vc.
TEXT ·Resume(SB), NOSPLIT|NOFRAME, $0-8
	MOVD vc+0(FP), R19
	MOVD RSP, R1
	MOVD R1, 0(R19)
	MOVD R29, 128(R19)
	MOVD R30, 168(R19)
	MOVD 32(R19), R20
	MOVD 40(R19), R21
	MOVD 48(R19), R22
	MOVD 56(R19), R23
	MOVD 24(R19), R1
	MOVD R1, RSP
	MOVD.P 16(RSP), R30
	RET

// func SyncICache(addr, n uintptr)
TEXT ·SyncICache(SB), NOSPLIT, $0-16
	MOVD addr+0(FP), R0
	MOVD n+8(FP), R1
	ADD R0, R1, R1          // end
	MRS CTR_EL0, R2
	// D-cache line: 4 << DminLine (bits 16-19); I-cache line: 4 << IminLine (bits 0-3).
	UBFX $16, R2, $4, R3
	MOVD $4, R4
	LSL R3, R4, R3
	AND $15, R2, R5
	LSL R5, R4, R5
	SUB $1, R3, R6
	BIC R6, R0, R7
dloop:
	CMP R1, R7
	BHS ddone
	WORD $0xd50b7b27        // DC CVAU, X7
	ADD R3, R7, R7
	B dloop
ddone:
	DSB $0xb                // ISH
	SUB $1, R5, R6
	BIC R6, R0, R7
iloop:
	CMP R1, R7
	BHS idone
	WORD $0xd50b7527        // IC IVAU, X7
	ADD R5, R7, R7
	B iloop
idone:
	DSB $0xb
	ISB $15
	RET
