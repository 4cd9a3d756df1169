package asm_test

import (
	"fmt"

	"github.com/wasmrun/wasmrun/internal/jit/amd64/asm"
)

// A loop that sums an int32 array, decrementing an interruption budget in the context
// register at every iteration.
func Example() {
	var a asm.Assembler
	loop, exit, done := a.NewLabel(), a.NewLabel(), a.NewLabel()
	// rdi = array, rsi = count, r14 = context; result in eax
	a.XorRR(asm.W32, asm.RAX, asm.RAX)
	a.XorRR(asm.W32, asm.RCX, asm.RCX)
	a.Bind(loop)
	a.CmpRR(asm.W64, asm.RCX, asm.RSI)
	a.Jcc(asm.CondAE, done)
	a.AddRM(asm.W32, asm.RAX, asm.BaseIndex(asm.RDI, asm.RCX, 4, 0))
	a.IncR(asm.W64, asm.RCX)
	a.DecM(asm.W64, asm.BaseDisp(asm.R14, 0x10))
	a.Jcc(asm.CondS, exit)
	a.Jmp(loop)
	a.Bind(exit)
	a.CallRel32() // to the interruption handler, patched after layout
	a.Jmp(loop)
	a.Bind(done)
	a.SseRR(asm.CVTSI2SDL, asm.X0, asm.RAX)
	a.Ret()
	code, err := a.Finalize()
	if err != nil {
		panic(err)
	}
	fmt.Print(asm.Disassemble(code, 0x1000))
	// Output:
	//     1000:  31c0                           xor eax, eax
	//     1002:  31c9                           xor ecx, ecx
	//     1004:  4839f1                         cmp rcx, rsi
	//     1007:  0f8319000000                   jnb 0x1026
	//     100d:  03048f                         add eax, dword ptr [rdi+4*rcx]
	//     1010:  48ffc1                         inc rcx
	//     1013:  49ff4e10                       dec qword ptr [r14+0x10]
	//     1017:  0f8802000000                   js 0x101f
	//     101d:  ebe5                           jmp 0x1004
	//     101f:  e800000000                     call 0x1024
	//     1024:  ebde                           jmp 0x1004
	//     1026:  f20f2ac0                       cvtsi2sd xmm0, eax
	//     102a:  c3                             ret
}
