package asm_test

import (
	"fmt"

	"github.com/wasmrun/wasmrun/internal/jit/arm64/asm"
)

// A loop summing the 64-bit words at x0..x0+8*x1 into x0, with a frame record.
func Example() {
	var a asm.Assembler
	loop, done := a.NewLabel(), a.NewLabel()
	a.Stp(asm.W64, asm.R29, asm.R30, asm.RSP, -16, asm.PreIndex)
	a.RR(asm.MOV, asm.W64, asm.R29, asm.RSP)
	a.MovImm(asm.W64, asm.R2, 0)
	a.Cbz(asm.W64, asm.R1, done)
	a.Bind(loop)
	a.LdrIndex(asm.X, asm.W64, asm.R3, asm.R0, 8, asm.PostIndex)
	a.RRR(asm.ADD, asm.W64, asm.R2, asm.R2, asm.R3)
	a.RRImm(asm.SUBS, asm.W64, asm.R1, asm.R1, 1)
	a.BCond(asm.NE, loop)
	a.Bind(done)
	a.RR(asm.MOV, asm.W64, asm.R0, asm.R2)
	a.Ldp(asm.W64, asm.R29, asm.R30, asm.RSP, 16, asm.PostIndex)
	a.Ret()
	code, err := a.Finalize()
	if err != nil {
		panic(err)
	}
	fmt.Print(asm.Disassemble(code, 0x10000))
	// Output:
	//    10000:  a9bf7bfd  stp x29, x30, [sp,#-16]!
	//    10004:  910003fd  mov x29, sp
	//    10008:  d2800002  mov x2, #0x0
	//    1000c:  b40000a1  cbz x1, 0x10020
	//    10010:  f8408403  ldr x3, [x0],#8
	//    10014:  8b030042  add x2, x2, x3
	//    10018:  f1000421  subs x1, x1, #0x1
	//    1001c:  54ffffa1  b.ne 0x10010
	//    10020:  aa0203e0  mov x0, x2
	//    10024:  a8c17bfd  ldp x29, x30, [sp],#16
	//    10028:  d65f03c0  ret
}
