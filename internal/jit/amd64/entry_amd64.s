#include "textflag.h"

// func Enter(vc *mach.VMContext, code uintptr)
// Saves Go's SP and BP in vc.GoSP and vc.GoBP (offset 128, checked by
// TestVMContextLayout), switches to the JIT machine stack (vc.JitSP),
// loads the fixed registers (R15 vmctx, R12 frame base, R13 memory base,
// BP the interruption budget from vc.Budget, offset 56) and calls code.
// Compiled code keeps the budget in BP: a normal return stores it back,
// stores Exit=0 and restores SP and BP; an exit stub stores the budget and
// returns here directly by restoring SP and BP the same way.
TEXT ·Enter(SB), NOSPLIT|NOFRAME, $0-16
	MOVQ vc+0(FP), R15
	MOVQ code+8(FP), AX
	MOVQ SP, 0(R15)
	MOVQ BP, 128(R15)
	MOVQ 32(R15), R12
	MOVQ 40(R15), R13
	MOVQ 56(R15), BP
	MOVQ 24(R15), SP
	CALL AX
	MOVQ BP, 56(R15)
	MOVQ $0, 8(R15)
	MOVQ 0(R15), SP
	MOVQ 128(R15), BP
	RET

// func Resume(vc *mach.VMContext)
// Re-enters compiled code after an exit: it returns into the code that
// called the exit stub, with the budget Go left in vc.Budget.
TEXT ·Resume(SB), NOSPLIT|NOFRAME, $0-8
	MOVQ vc+0(FP), R15
	MOVQ SP, 0(R15)
	MOVQ BP, 128(R15)
	MOVQ 32(R15), R12
	MOVQ 40(R15), R13
	MOVQ 56(R15), BP
	MOVQ 24(R15), SP
	RET
