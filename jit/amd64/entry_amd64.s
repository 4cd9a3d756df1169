#include "textflag.h"

// func enter(vc *jit.VMContext, code uintptr)
// Saves Go's SP in vc.GoSP, switches to the JIT machine stack (vc.JitSP),
// loads the fixed registers (R15 vmctx, R12 frame base, R13 memory base)
// and calls code. A normal return stores Exit=0; an exit stub returns
// here directly by restoring vc.GoSP.
TEXT ·enter(SB), NOSPLIT|NOFRAME, $0-16
	MOVQ vc+0(FP), R15
	MOVQ code+8(FP), AX
	MOVQ SP, 0(R15)
	MOVQ 32(R15), R12
	MOVQ 40(R15), R13
	MOVQ 24(R15), SP
	CALL AX
	MOVQ $0, 8(R15)
	MOVQ 0(R15), SP
	RET

// func resume(vc *jit.VMContext)
// Re-enters compiled code after an exit: it returns into the code that
// called the exit stub.
TEXT ·resume(SB), NOSPLIT|NOFRAME, $0-8
	MOVQ vc+0(FP), R15
	MOVQ SP, 0(R15)
	MOVQ 32(R15), R12
	MOVQ 40(R15), R13
	MOVQ 24(R15), SP
	RET
